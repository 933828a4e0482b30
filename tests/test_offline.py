"""Offline laptops: the README's recipe, step by step, with no network.

On a machine with a network, in a clean export of the course (committed
files, as a clone has them), the README's two download commands fill
``wheels/``.  Then, inside a network namespace that has only a loopback
interface (``unshare --net``: no route to PyPI or anywhere else), the course
is set up with ``python3 course.py setup`` (what ``open`` does before it
starts JupyterLab) and lesson 00 runs top to bottom in the new environment.
About two minutes; the downloads come from pip's cache after the first run.
"""

import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _readme_offline_commands() -> tuple[list[str], list[str]]:
    """The shell commands of the README's offline section: those run online
    (before the 'no network' comment) and those run on the laptop."""
    section = README[README.index("### Offline laptops"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    online, offline, target = [], [], None
    for line in block.splitlines():
        if line.startswith("#"):
            target = offline if "no network" in line else online
        elif line.strip():
            target.append(line.strip())
    return online, offline


def _missing(problem: str) -> None:
    """A failure in CI (.ci/run installs what is needed), a skip with the
    reason on a developer's machine."""
    pytest.fail(problem) if os.environ.get("CI") else pytest.skip(problem)


def _no_network_prefix() -> list[str]:
    """A command prefix that runs its command in a new network namespace with
    only the loopback interface up (kernels talk over 127.0.0.1)."""
    if not shutil.which("unshare"):
        _missing("unshare (util-linux) is needed to test an install with no network")
    for flags in (["--net"], ["--user", "--map-root-user", "--net"]):
        probe = subprocess.run(["unshare", *flags, "true"], capture_output=True)
        if probe.returncode == 0:
            return ["unshare", *flags, "sh", "-c", 'ip link set lo up 2>/dev/null || true; exec "$@"', "sh"]
    _missing("this machine cannot make a network namespace (unshare --net failed as root and as a user)")


def test_readme_recipe_installs_and_runs_lesson_00_with_no_network(tmp_path):
    online, offline = _readme_offline_commands()
    assert online and offline, "the README's offline section has online and offline commands"
    course = tmp_path / "course"
    course.mkdir()
    archive = tmp_path / "course.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), "HEAD"], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(course, filter="data")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MEDIALIT", "VIRTUAL_ENV"))}
    # python3 in the README is the machine's Python 3.11+: here, the one running the tests
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").symlink_to(sys.executable)
    env["PATH"] = f"{bin_dir}{os.pathsep}{env['PATH']}"

    start = time.perf_counter()
    for command in online:
        subprocess.run(shlex.split(command), cwd=course, env=env, check=True, capture_output=True)
    download_seconds = time.perf_counter() - start
    wheels = sorted(p.name for p in (course / "wheels").iterdir())
    assert any(name.startswith("medialit-") for name in wheels), wheels

    no_network = _no_network_prefix()
    cut_off = subprocess.run([*no_network, sys.executable, "-c",
                              "import socket; socket.create_connection(('pypi.org', 443), timeout=5)"],
                             capture_output=True, text=True)
    assert cut_off.returncode != 0, "the namespace still reaches the network"

    start = time.perf_counter()
    for command in offline:
        words = shlex.split(command)
        if words[-1] == "open":  # JupyterLab would wait for a browser: set up as `open` does, then stop
            words[-1] = "setup"
        done = subprocess.run([*no_network, *words], cwd=course, env=env, capture_output=True, text=True)
        assert done.returncode == 0, f"{command} failed with no network:\n{done.stdout[-2000:]}{done.stderr[-2000:]}"
    install_seconds = time.perf_counter() - start

    venv_python = course / ".venv" / "bin" / "python"
    lesson = course / "notebooks" / "00_start_here.ipynb"
    run = subprocess.run([*no_network, str(venv_python), "-m", "jupyter", "nbconvert", "--to", "notebook",
                          "--execute", "--output-dir", str(tmp_path), str(lesson)],
                         cwd=lesson.parent, capture_output=True, text=True,
                         env=dict(env, MEDIALIT_WORK_DIR=str(tmp_path / "work"), JUPYTER_PLATFORM_DIRS="1",
                                  JUPYTER_DATA_DIR=str(tmp_path / "jdata"), MPLBACKEND="agg"))
    assert run.returncode == 0, run.stderr[-3000:]
    size = sum(p.stat().st_size for p in (course / ".venv").rglob("*") if p.is_file() and not p.is_symlink())
    print(f"offline laptop: download {download_seconds:.0f} s ({len(wheels)} wheels), install with no network "
          f"{install_seconds:.0f} s, .venv {size / 1e6:.0f} MB; lesson 00 ran")

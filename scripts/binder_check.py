#!/usr/bin/env python3
"""Build the course as Binder builds it today, by repo2docker's own recipe, in
a fresh virtual environment, and run every lesson in it.

    python3 scripts/binder_check.py                 # what is committed (git HEAD)
    python3 scripts/binder_check.py --worktree      # the working tree, uncommitted files too
    python3 scripts/binder_check.py --ref COMMIT    # another commit (e.g. to measure "before")
    python3 scripts/binder_check.py --json out.json # also write the figures as JSON
    python3 scripts/binder_check.py --keep DIR      # build in DIR and keep it

What it does, step by step (the test tests/test_binder.py runs it):

1. Export the repository as Binder sees it: only committed files
   (``git archive``; ``--worktree`` copies tracked and untracked, not ignored,
   files instead).
2. Ask the real repo2docker (``jupyter-repo2docker``, pinned in
   requirements-test.txt) for the Dockerfile it would build:
   ``repo2docker --no-build --debug EXPORT``.  This needs no Docker and no
   network.
3. The base environment: repo2docker's Dockerfile installs a conda
   environment from a lock file of its own (``environment.py-3.11-...lock``,
   chosen by runtime.txt).  Its top-level Jupyter packages (from the matching
   ``environment.py-3.11.yml``: notebook, jupyterlab, jupyter_server,
   jupyterhub-singleuser, ipywidgets, ...) are installed from PyPI at the
   versions the lock file gives.  The conda-only parts (Python itself,
   nodejs) are not replayed: this machine's Python of the same minor version
   stands in for conda's.
4. Every ``RUN ${KERNEL_PYTHON_PREFIX}/bin/pip install ...`` step of the
   Dockerfile is run as printed, in the export, with the fresh environment as
   the prefix (``--no-cache-dir`` is dropped so that pip may reuse its
   download cache; it changes no version).
5. ``pip check`` must find no broken requirements (Binder's base has
   ``notebook`` 7.4, which refuses jupyterlab 4.6 unless requirements.txt
   pins a newer notebook).
6. A user opens the notebooks: every ``notebooks/NN_*.ipynb`` is run top to
   bottom with nbclient in the new environment, from the export's
   ``notebooks/`` folder (as a kernel on Binder starts), the kernel
   ``python3`` found in that environment only, with a temporary
   MEDIALIT_WORK_DIR.  Before that, the environment must import
   ``medialit.selfcheck`` from site-packages (not from the export) and find
   the export's ``data/``.

It prints the install time, the environment's size and each lesson's run
time, and exits non-zero if any step fails.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(message: str) -> None:
    print(f"[binder-check] {message}", flush=True)


def folder_size(path: Path) -> int:
    """Bytes in all regular files under ``path`` (symlinks not followed)."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            file = Path(folder) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def runtime_version() -> str:
    """The Python version Binder will use, from runtime.txt (e.g. '3.11')."""
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    if not text.startswith("python-"):
        raise SystemExit(f"runtime.txt should read like 'python-3.11', not {text!r}")
    return text.removeprefix("python-")


def find_python(wanted: str, given: str | None) -> str:
    candidates = [given] if given else [f"python{wanted}", sys.executable, "python3"]
    for candidate in candidates:
        path = shutil.which(candidate) if candidate else None
        if not path:
            continue
        version = subprocess.run([path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True).stdout.strip()
        if version == wanted:
            return path
        if given:
            raise SystemExit(f"{given} is Python {version}, but runtime.txt asks for {wanted}")
    raise SystemExit(f"no Python {wanted} found (runtime.txt asks for it); pass one with --python")


def export_source(target: Path, worktree: bool, ref: str = "HEAD") -> None:
    """Put the repository's files into ``target`` as Binder would see them."""
    if worktree:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
        for name in filter(None, listed):
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
        return
    archive = target.resolve().parent / "source.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), ref], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()


BASE_PACKAGES_TO_PYPI = {"jupyterhub-singleuser": "jupyterhub"}
NOT_ON_PYPI = {"python", "nodejs", "pip"}


def repo2docker_dockerfile(source: Path) -> str:
    """The Dockerfile repo2docker would build for ``source`` (no Docker needed)."""
    tool = shutil.which("repo2docker", path=str(Path(sys.executable).parent)) or shutil.which("repo2docker")
    if not tool:
        raise SystemExit("repo2docker is not installed: it is in requirements-test.txt "
                         "(python3 course.py test installs it)")
    done = subprocess.run([tool, "--no-build", "--debug", str(source)], capture_output=True, text=True,
                          check=False, timeout=300)
    text = done.stdout + done.stderr
    if done.returncode or "FROM " not in text:
        raise SystemExit(f"repo2docker --no-build --debug failed (exit {done.returncode}):\n{text[-2000:]}")
    return text[text.index("FROM "):]


def base_packages(dockerfile: str) -> dict[str, str]:
    """PyPI name -> version of the Jupyter packages in repo2docker's base
    environment: the top-level specs of its environment.yml, at the versions
    of the lock file the Dockerfile copies."""
    found = re.search(r"COPY \S+ build_script_files/(\S+?environment-2epy-2d(\d)-2e(\d+)\S*-2elock)", dockerfile)
    if not found:
        raise SystemExit("the Dockerfile copies no environment lock file: repo2docker's recipe has changed")
    import repo2docker.buildpacks.conda as conda  # the installed repo2docker's own files

    folder = Path(conda.__file__).parent
    minor = f"{found.group(2)}.{found.group(3)}"
    lock = next(folder.glob(f"environment.py-{minor}-linux-64.lock"))
    spec = (folder / f"environment.py-{minor}.yml").read_text()
    dependencies = spec[spec.index("dependencies:"):]
    wanted = [line.split("-", 1)[1].split("=")[0].split("#")[0].strip() for line in dependencies.splitlines()
              if line.strip().startswith("- ")]
    versions = {}
    for name in wanted:
        if name in NOT_ON_PYPI:
            continue
        match = re.search(rf"/{re.escape(name)}-(\d[^-/]*)-[^-/]+\.(?:conda|tar\.bz2)", lock.read_text())
        if not match:
            raise SystemExit(f"{name} is not in {lock.name}")
        versions[BASE_PACKAGES_TO_PYPI.get(name, name)] = match.group(1)
    return {"python": minor, **versions}


def pip_steps(dockerfile: str) -> list[str]:
    """The Dockerfile's ``RUN ... pip install`` steps for the user's
    environment, in order (repo2docker's requirements.txt and ``pip install .``)."""
    return [line.removeprefix("RUN ").strip() for line in dockerfile.splitlines()
            if re.match(r"RUN \$\{(KERNEL|NB)_PYTHON_PREFIX\}/bin/pip install", line)]


def build(python: str, source: Path, venv: Path) -> dict:
    """Create ``venv`` and install into it what repo2docker's Dockerfile installs."""
    start = time.perf_counter()
    dockerfile = repo2docker_dockerfile(source)
    base = base_packages(dockerfile)
    steps = pip_steps(dockerfile)
    say(f"repo2docker's base: Python {base.pop('python')}, " + ", ".join(f"{k} {v}" for k, v in base.items()))
    for step in steps:
        say(f"repo2docker's step: RUN {step}")
    if not steps:
        raise SystemExit("the Dockerfile installs nothing from requirements.txt: repo2docker's recipe has changed")
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, *(f"{name}=={version}" for name, version in base.items())], cwd=source, check=True)
    base_seconds = time.perf_counter() - start
    for step in steps:
        words = [word for word in shlex.split(step) if word != "--no-cache-dir"]
        words = [word.replace("${KERNEL_PYTHON_PREFIX}", str(venv)).replace("${NB_PYTHON_PREFIX}", str(venv))
                 for word in words]
        subprocess.run([*words[:2], "--quiet", "--disable-pip-version-check", *words[2:]], cwd=source, check=True)
    seconds = time.perf_counter() - start
    check = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "check"], capture_output=True, text=True)
    size = folder_size(venv)
    say(f"fresh venv: base in {base_seconds:.1f} s, everything in {seconds:.1f} s, {size / 1e6:.0f} MB on disk")
    say(f"pip check: {check.stdout.strip() or check.stderr.strip()}")
    return {"install_seconds": round(seconds, 1), "venv_mb": round(size / 1e6), "base": base,
            "steps": steps, "pip_check_ok": check.returncode == 0, "pip_check": check.stdout.strip()}


PROBE = """
import json, pathlib, medialit, medialit.selfcheck, medialit.corpus
print(json.dumps({"medialit": medialit.__file__, "selfcheck": medialit.selfcheck.__file__,
                  "data": str(medialit.corpus.DATA_DIR.resolve())}))
"""


def probe(venv_python: Path, source: Path) -> dict:
    """Where the installed medialit is, and which data folder it finds when
    run from the lessons' folder."""
    done = subprocess.run([str(venv_python), "-c", PROBE], cwd=source / "notebooks", capture_output=True,
                          text=True, env={k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "MEDIALIT"))})
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "failed"}
    found = json.loads(done.stdout)
    found["installed_apart"] = not Path(found["medialit"]).resolve().is_relative_to(source.resolve())
    found["data_is_the_courses"] = found["data"] == str((source / "data").resolve())
    return found


def run_here(paths: list[Path], timeout: int) -> list[dict]:
    """Run each notebook top to bottom with nbclient in *this* interpreter's
    environment; returns one dict per notebook (name, seconds, error)."""
    from notebook_tools import error_line, run_notebook  # next to this script

    results = []
    for path in paths:
        start = time.perf_counter()
        error = None
        try:
            run_notebook(path, timeout=timeout)
        except Exception as problem:  # report every lesson, then fail
            error = error_line(problem)
        seconds = time.perf_counter() - start
        results.append({"notebook": path.name, "seconds": round(seconds, 2), "error": error})
        say(f"{path.name:32} {seconds:6.1f} s  {'FAILED: ' + error if error else 'ok'}")
    return results


def run_in(venv_python: Path, source: Path, timeout: int) -> list[dict]:
    """Run ``source``'s lessons in another environment (this script, run by
    that environment's Python), isolated from the user's Jupyter folders."""
    with tempfile.TemporaryDirectory(prefix="binder-check-run-") as temp:
        env = dict(os.environ, JUPYTER_DATA_DIR=f"{temp}/data", JUPYTER_CONFIG_DIR=f"{temp}/config",
                   JUPYTER_RUNTIME_DIR=f"{temp}/runtime", MEDIALIT_WORK_DIR=f"{temp}/my_work",
                   JUPYTER_PLATFORM_DIRS="1", MPLBACKEND="agg")
        env.pop("PYTHONPATH", None)
        env.pop("MEDIALIT_DATA", None)
        out = Path(temp) / "results.json"
        lessons = sorted((source / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        subprocess.run([str(venv_python), str(Path(__file__).resolve()), "--run-here", "--json", str(out),
                        "--timeout", str(timeout), *map(str, lessons)], cwd=source, env=env, check=False)
        return json.loads(out.read_text()) if out.exists() else [{"notebook": "(all)", "seconds": 0,
                                                                   "error": "the runner did not finish"}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worktree", action="store_true", help="use the working tree, not git HEAD")
    parser.add_argument("--ref", default="HEAD", help="the commit to export (default HEAD)")
    parser.add_argument("--python", help="the interpreter to build with (default: python<runtime.txt version>)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell (default 120)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--run-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("notebooks", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run_here:  # inside the environment under test
        results = run_here(args.notebooks, args.timeout)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        return 0

    wanted = runtime_version()
    report: dict = {"runtime": f"python-{wanted}", "ref": "worktree" if args.worktree else args.ref}
    work = (args.keep or Path(tempfile.mkdtemp(prefix="binder-check-"))).resolve()
    failed: list = []
    try:
        python = find_python(wanted, args.python)
        source, venv = work / "repo", work / "venv"
        if source.exists() or venv.exists():
            raise SystemExit(f"{work} is not empty: give --keep a new folder")
        source.mkdir(parents=True)
        export_source(source, args.worktree, args.ref)
        say(f"source: {report['ref']} -> {source}; Python {wanted}: {python}")
        try:
            report.update(build(python, source, venv))
        except subprocess.CalledProcessError as problem:
            say(f"an install step failed (exit code {problem.returncode}): Binder's build would fail too")
            report["error"] = f"install step failed: {problem.cmd}"
            return 1
        if not report["pip_check_ok"]:
            failed.append("pip check")
        python_in_venv = venv / "bin" / "python"
        report["probe"] = probe(python_in_venv, source)
        say(f"medialit in the new environment: {report['probe']}")
        if not (report["probe"].get("installed_apart") and report["probe"].get("data_is_the_courses")):
            failed.append("medialit installed apart from the course, finding the course's data")
        report["notebooks"] = run_in(python_in_venv, source, args.timeout)
        failed += [r["notebook"] for r in report["notebooks"] if r["error"]]
        total = sum(r["seconds"] for r in report["notebooks"])
        say(f"{len(report['notebooks'])} lesson(s) run in {total:.1f} s; "
            + (f"FAILED: {', '.join(failed)}" if failed else "all ran without errors"))
        return 1 if failed else 0
    finally:
        report["failed"] = failed
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

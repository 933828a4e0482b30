"""Binder readiness: what mybinder.org (repo2docker) will do with this repository.

tests/test_setup.py already checks the basics (runtime.txt says python-3.11,
every requirement pinned with ==, jupyterlab-widgets among the pins, no
postBuild/apt.txt/environment.yml/Dockerfile, medialit fetches nothing).  This
file checks what those do not: that repo2docker reads the top-level files at
all, that the widget extension JupyterLab 4 needs is really installed and fits
ipywidgets, that the README's Binder link opens lesson 00 in JupyterLab, and
that nothing the course needs is git-ignored (Binder only sees what is
committed) or downloaded by a notebook.

The full proof is the last test here: scripts/binder_check.py asks the real
repo2docker (``repo2docker --no-build --debug``) for the Dockerfile Binder
would build from a clean export of HEAD, replays its install steps in a fresh
virtual environment, checks ``pip check`` and that medialit (installed apart
from the course, as ``pip install .`` does) finds the course's data, then runs
every lesson in it.  It takes about three minutes (downloads come from pip's
cache after the first run).
"""

import json
import re
import shutil
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/gh/[^\s)`\]]+")


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.startswith("#"):
            name, version = line.strip().split("==")
            pins[name.lower().replace("_", "-")] = version
    return pins


def test_repo2docker_reads_the_top_level_files():
    # a binder/ or .binder/ folder makes repo2docker ignore every top-level
    # configuration file, runtime.txt and requirements.txt included
    for folder in ("binder", ".binder"):
        assert not (ROOT / folder).exists(), f"{folder}/ would hide runtime.txt and requirements.txt from Binder"
    # files that would switch repo2docker to another build pack or run code at start-up
    for other in ("start", "setup.py", "Pipfile", "Pipfile.lock", "install.R", "Project.toml", "default.nix"):
        assert not (ROOT / other).exists(), f"{other} changes how Binder builds or starts the course"


def test_runtime_python_satisfies_the_package():
    version = (ROOT / "runtime.txt").read_text().strip().removeprefix("python-")
    major, minor = (int(part) for part in version.split(".")[:2])
    requires = re.search(r'requires-python\s*=\s*">=\s*(\d+)\.(\d+)"',
                         (ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert requires, "pyproject.toml states requires-python"
    assert (major, minor) >= tuple(int(g) for g in requires.groups()), "Binder's Python is too old for medialit"


def test_widget_extension_is_installed_and_fits_ipywidgets():
    pins = _pins()
    # ipywidgets 8 talks to the JupyterLab 4 front end through jupyterlab_widgets 3
    assert pins["ipywidgets"].split(".")[0] == "8" and pins["jupyterlab-widgets"].split(".")[0] == "3"
    assert int(pins["jupyterlab"].split(".")[0]) >= 4
    for name in ("ipywidgets", "jupyterlab-widgets", "jupyterlab", "widgetsnbextension"):
        assert metadata.version(name) == pins[name], f"installed {name} differs from requirements.txt"
    manager = Path(sys.prefix) / "share" / "jupyter" / "labextensions" / "@jupyter-widgets" / "jupyterlab-manager"
    package = json.loads((manager / "package.json").read_text(encoding="utf-8"))
    assert package["name"] == "@jupyter-widgets/jupyterlab-manager"
    assert (manager / "install.json").exists() or (manager / "static").is_dir()


def test_readme_binder_badge_opens_lesson_00_in_jupyterlab():
    links = BINDER_LINK.findall(README)
    assert links, "README has no mybinder.org link"
    badge = re.search(r"\[!\[[^\]]*\]\(https://mybinder\.org/badge[^)]*\)\]\((https://mybinder\.org/v2/gh/[^)]+)\)",
                      README)
    assert badge, "README has a Binder badge (image link) near the top"
    assert README.index(badge.group(0)) < README.index("\n## "), "the badge comes before the first section"
    for link in links:
        url = urlparse(link)
        owner, repo, ref = url.path.split("/")[3:6]
        assert ref == "HEAD", f"{link}: follow the default branch"
        target = parse_qs(url.query)["urlpath"][0].lstrip("/")
        assert target.startswith("lab/tree/"), f"{link}: should open JupyterLab (urlpath=lab/tree/...)"
        notebook = target.removeprefix("lab/tree/")
        assert (ROOT / notebook).exists(), f"{link}: no {notebook} in the course"
        if link == badge.group(1):  # the badge opens lesson 00; the README may show links to other lessons
            assert notebook == "notebooks/00_start_here.ipynb"
        # the owner/repo part is a placeholder, and the README says what to put there
        placeholder = f"{owner}/{repo}"
        assert placeholder in ("OWNER/REPO", "<owner>/<repo>"), f"unexpected Binder owner/repo {placeholder}"
        assert re.search(rf"replac\w*\s+`?{re.escape(placeholder)}`?", README), (
            f"README must say to replace {placeholder} with the fork's owner/repository")


def test_nothing_the_course_needs_is_git_ignored():
    """Binder builds from the repository: a git-ignored file never reaches it."""
    if not shutil.which("git") or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    needed = [ROOT / name for name in ("runtime.txt", "requirements.txt", "pyproject.toml", "README.md")]
    for folder in ("medialit", "data", "notebooks", "exercises", "solutions"):
        needed += [p for p in (ROOT / folder).rglob("*") if p.is_file()
                   and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts]
    relative = [str(p.relative_to(ROOT)) for p in needed]
    ignored = subprocess.run(["git", "check-ignore", "--no-index", "--stdin"], cwd=ROOT, text=True,
                             input="\n".join(relative), capture_output=True).stdout.split()
    assert not ignored, f"git ignores files the course needs, so Binder would lack them: {ignored}"


def test_notebooks_install_and_download_nothing():
    """On Binder (and offline laptops) a cell that installs or fetches breaks
    or slows every session; the pinned environment already has everything."""
    pattern = re.compile(r"^\s*[!%]\s*(pip|conda|mamba|apt|wget|curl)\b|nltk\.download|urlopen|urlretrieve"
                         r"|requests\.get|pd\.read_\w+\(\s*['\"]https?:", re.M)
    for folder in ("notebooks", "exercises", "solutions"):
        for path in sorted((ROOT / folder).glob("*.ipynb")):
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code":
                    found = pattern.search(cell.source)
                    assert not found, f"{folder}/{path.name} installs or downloads: {found.group(0)!r}"


def test_binder_build_replayed_from_repo2docker_runs_every_lesson(tmp_path):
    """What Binder builds today, by repo2docker's own Dockerfile (committed
    files only: commit before you trust this test)."""
    if not shutil.which("git") or not (ROOT / ".git").exists():
        pytest.fail("the Binder replay needs a git checkout (it exports HEAD as Binder does)")
    report_file = tmp_path / "binder.json"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "binder_check.py"), "--json", str(report_file)],
                          capture_output=True, text=True, timeout=1500)
    report = json.loads(report_file.read_text()) if report_file.exists() else {}
    print(done.stdout[-3000:])
    assert report, f"binder_check.py wrote no report:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    # repo2docker's recipe as it is today: requirements.txt, then the package itself
    assert report["steps"][0].endswith('pip install --no-cache-dir -r "requirements.txt"')
    assert report["steps"][-1].endswith("pip install --no-cache-dir .")
    assert report["pip_check_ok"], report["pip_check"]
    assert report["probe"]["installed_apart"] and report["probe"]["data_is_the_courses"], report["probe"]
    lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert [n["notebook"] for n in report["notebooks"]] == lessons
    assert not [n for n in report["notebooks"] if n["error"]], report["notebooks"]
    assert done.returncode == 0 and report["failed"] == []

"""The set-up files: exact pins, Binder configuration, nothing fetched at run time."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirements():
    lines = (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_requirement_is_pinned_exactly():
    lines = _requirements()
    assert lines[-1] == "-e .", "the project itself is installed last"
    for line in lines[:-1]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.+\-]*", line), f"not pinned: {line}"


def test_the_course_needs_are_in_the_pins():
    names = {line.split("==")[0].lower().replace("_", "-") for line in _requirements()}
    for needed in ("jupyterlab", "pandas", "matplotlib", "nltk", "ipywidgets", "jupyterlab-widgets",
                   "nbval", "pytest", "nbclient", "nbformat", "hypothesis", "ipykernel"):
        assert needed in names, f"{needed} is not pinned in requirements.txt"


def test_binder_configuration():
    assert (ROOT / "runtime.txt").read_text().strip() == "python-3.11"
    for build_step in ("postBuild", "apt.txt", "environment.yml", "Dockerfile"):
        assert not (ROOT / build_step).exists(), f"{build_step} would add a Binder build step"


def test_nothing_is_downloaded_at_run_time():
    for path in (ROOT / "medialit").glob("*.py"):
        code = path.read_text(encoding="utf-8")
        for pattern in (r"nltk\.download", r"urlopen", r"requests\.", r"https?://"):
            assert not re.search(pattern, code), f"{path.name} mentions {pattern}"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python3 course.py test" in readme and "python3 course.py open" in readme
    assert re.search(r"^exec python3 course\.py test$", ci, re.M)

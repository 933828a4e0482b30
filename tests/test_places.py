"""Where medialit finds the course: from the notebook's folder, not from
where the package is installed (Binder's site-packages, a hub's image), and
how many worker processes a folder check uses in a container."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

from medialit import paths
from medialit.report import default_workers, memory_limit

ROOT = Path(__file__).resolve().parent.parent


def _copy_of_course(target: Path) -> Path:
    """A student's copy: the data and the notebooks folder, nothing else."""
    shutil.copytree(ROOT / "data", target / "data")
    (target / "notebooks").mkdir()
    return target


def test_course_root_is_found_from_a_notebook_folder(tmp_path):
    course = _copy_of_course(tmp_path / "course")
    assert paths.course_root(course / "notebooks") == course
    assert paths.course_root(course) == course
    assert paths.course_root(tmp_path) is None


def test_a_kernel_in_another_copy_uses_that_copy(tmp_path):
    """The hub case: medialit installed from one checkout (this one), a
    student's kernel started in their own copy's notebooks/ folder."""
    course = _copy_of_course(tmp_path / "student" / "course")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MEDIALIT")}
    code = ("import json, medialit.corpus as c, medialit.tagging as t;"
            "print(json.dumps([str(c.DATA_DIR), str(t.work_dir()), len(c.load_articles())]))")
    done = subprocess.run([sys.executable, "-c", code], cwd=course / "notebooks", env=env,
                          capture_output=True, text=True, check=True)
    data, work, articles = json.loads(done.stdout)
    assert Path(data) == course / "data"
    assert Path(work) == course / "my_work"
    assert articles == 2


def test_where_names_a_place_as_the_file_browser_shows_it(tmp_path, monkeypatch):
    """Lesson 00 prints where the work is saved: relative to the course
    folder, not the full path of one computer (lesson 00 trial)."""
    from medialit import savedwork

    course = _copy_of_course(tmp_path / "course")
    monkeypatch.chdir(course / "notebooks")
    assert paths.where(course / "my_work") == "my_work, in the top folder of the course (next to notebooks/)"
    assert paths.where(course / "my_work.zip") == "my_work.zip, in the top folder of the course (next to notebooks/)"
    assert paths.where(course / "notebooks" / "Amira_K.zip") == "notebooks/Amira_K.zip, inside the course folder"
    assert paths.where(tmp_path / "chosen" / "my_work") == str(tmp_path / "chosen" / "my_work")  # a teacher's choice
    monkeypatch.delenv("MEDIALIT_WORK_DIR", raising=False)
    with pytest.raises(ValueError) as problem:
        savedwork.pack_work()
    assert str(problem.value) == ("There is no saved work in my_work, in the top folder of the course "
                                  "(next to notebooks/) yet: tag something first.")


def test_environment_variables_win(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_DATA", str(tmp_path / "elsewhere"))
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path / "work"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert paths.work_dir() == tmp_path / "work"


def test_outside_any_course_the_message_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.delenv("MEDIALIT_DATA", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(paths, "_package_root", lambda: None)
    with pytest.raises(FileNotFoundError, match="MEDIALIT_DATA"):
        paths.data_dir()


def test_workers_follow_the_cpus_this_process_may_use():
    """taskset gives the process one CPU, as a container's quota would."""
    if not shutil.which("taskset"):
        pytest.skip("taskset is not installed")
    code = "from medialit.report import default_workers; print(default_workers(memory=0))"
    one = subprocess.run(["taskset", "-c", "0", sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=ROOT)
    assert one.stdout.strip() == "1"


def test_workers_fit_the_memory_limit(tmp_path):
    (tmp_path / "memory.max").write_text(f"{700 * 1024 * 1024}\n")
    assert memory_limit(tmp_path) == 700 * 1024 * 1024
    assert default_workers(memory=memory_limit(tmp_path)) == min(2, default_workers(memory=0))
    (tmp_path / "memory.max").write_text("max\n")
    assert memory_limit(tmp_path) is None
    assert default_workers(memory=1) == 1


def test_class_link_is_nbgitpullers_form():
    done = subprocess.run([sys.executable, str(ROOT / "course.py"), "link", "--hub", "https://hub.example.edu",
                           "--repo", "https://github.com/someone/kz-course.git", "--branch", "term2"],
                          capture_output=True, text=True, check=True)
    url = urlparse(done.stdout.strip())
    assert (url.scheme, url.netloc, url.path) == ("https", "hub.example.edu", "/hub/user-redirect/git-pull")
    query = parse_qs(url.query)
    assert query == {"repo": ["https://github.com/someone/kz-course.git"], "branch": ["term2"],
                     "targetpath": ["kz-course"], "urlpath": ["lab/tree/kz-course/notebooks/00_start_here.ipynb"]}


def test_class_link_opens_another_lesson():
    done = subprocess.run([sys.executable, str(ROOT / "course.py"), "link", "--hub", "https://hub.example.edu",
                           "--repo", "https://github.com/someone/kz-course.git",
                           "--open", "notebooks/02_who_says_so.ipynb"], capture_output=True, text=True, check=True)
    query = parse_qs(urlparse(done.stdout.strip()).query)
    assert query["urlpath"] == ["lab/tree/kz-course/notebooks/02_who_says_so.ipynb"]
    assert query["branch"] == ["main"]


@pytest.mark.parametrize("given", ["notebooks/02_who_says.ipynb", "../etc/passwd", "/etc/passwd"])
def test_class_link_refuses_a_lesson_not_in_the_course(given):
    done = subprocess.run([sys.executable, str(ROOT / "course.py"), "link", "--hub", "https://hub.example.edu",
                           "--repo", "https://github.com/someone/kz-course", "--open", given],
                          capture_output=True, text=True)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and said.startswith("[course] ")
    assert "notebooks/02_who_says_so.ipynb" in said and "Traceback" not in said


def test_class_link_refuses_a_bare_hub_name():
    done = subprocess.run([sys.executable, str(ROOT / "course.py"), "link", "--hub", "hub.example.edu",
                           "--repo", "https://github.com/someone/kz-course"], capture_output=True, text=True)
    said = done.stdout + done.stderr
    assert done.returncode == 1 and said.startswith("[course] The hub's address should start with https://")
    assert "Traceback" not in said

"""Where the course's files are: its data and the student's saved work.

The same ``medialit`` serves three set-ups, and in each the course folder is
somewhere else than the installed package:

* a laptop (``python3 course.py open``): the package is installed from the
  course folder into ``.venv/``;
* Binder (repo2docker): ``pip install .`` copies the package into
  ``site-packages``, far from the repository's ``data/``;
* a class hub: the package is installed once in the hub's image, and every
  student has a pulled copy of the course (nbgitpuller) in their home.

So the course folder is found from where the notebook runs, not from where
the package is: starting at the working directory (a notebook's kernel starts
in the notebook's folder, e.g. ``notebooks/``), each folder and its parents
are tried, and the first one holding ``data/articles.csv`` is the course
folder.  Two environment variables override this:

* ``MEDIALIT_DATA`` - the data folder (articles, keys, lexicons);
* ``MEDIALIT_WORK_DIR`` - the folder where tags are saved.

When no course folder is found from the working directory (a notebook copied
out of the course, say), the folder the package itself was installed from is
tried last (an editable install); if that fails too, the error says what to do.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The file that marks a course folder.
MARKER = Path("data") / "articles.csv"


def course_root(start: Path | str | None = None) -> Path | None:
    """The course folder that holds ``start`` (default: the working
    directory), or ``None`` if ``start`` is not inside a course folder."""
    here = Path(start if start is not None else os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def _package_root() -> Path | None:
    """The folder the package was installed from, if it is a course folder
    (true of an editable install, never of a copy in site-packages)."""
    folder = Path(__file__).resolve().parent.parent
    return folder if (folder / MARKER).is_file() else None


def data_dir() -> Path:
    """The course's data folder: ``MEDIALIT_DATA`` if set, else ``data/`` of
    the course folder the working directory is in."""
    if os.environ.get("MEDIALIT_DATA"):
        return Path(os.environ["MEDIALIT_DATA"])
    root = course_root() or _package_root()
    if root is None:
        raise FileNotFoundError(
            f"medialit could not find the course's data: the folder {os.getcwd()} is not inside "
            "a copy of the course (a folder with data/articles.csv). Open the notebook from the "
            "course folder, or set the environment variable MEDIALIT_DATA to the course's data folder.")
    return root / "data"


def work_dir() -> Path:
    """Folder where a student's tags are saved: ``MEDIALIT_WORK_DIR`` if set,
    else ``my_work/`` at the top of the course folder the working directory is
    in (each student's own copy on a hub), else ``my_work/`` in the working
    directory itself."""
    folder = os.environ.get("MEDIALIT_WORK_DIR")
    if folder:
        return Path(folder)
    root = course_root() or _package_root()
    return (root if root is not None else Path(os.getcwd()).resolve()) / "my_work"


def where(path: Path | str) -> str:
    """``path`` in words, as a student finds it in JupyterLab's file browser:
    relative to the course folder when it is inside it (``my_work``, at the
    top: "my_work, in the top folder of the course (next to notebooks/)"),
    else the full path (a folder a teacher or a hub chose).  Printed by
    lesson 00 instead of a path that only makes sense on one computer."""
    full = Path(path).resolve()
    root = course_root()
    if root is None or root not in full.parents:
        return str(full)
    inside = full.relative_to(root).as_posix()
    if full.parent == root:
        return f"{inside}, in the top folder of the course (next to notebooks/)"
    return f"{inside}, inside the course folder"

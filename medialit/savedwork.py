"""A student's saved work: the file format, the folder, writing and reading.

Every tagging activity keeps a student's tags in one small JSON file,
``<work folder>/<activity>.json``, a *state*::

    {"format": "medialit-tags", "version": 1, "tagger": "voice_01",
     "saved_at": "2026-11-30T12:00:00+00:00",
     "items": ["A02", "A03"], "tags": {"A02": "cited", "A03": null},
     "texts": {"A02": "TASS"}}          # "texts" only with write-in boxes

This module is the one place that knows that format: the Tagger
(:mod:`medialit.tagging`) writes and reads it, the class tools
(:mod:`medialit.classwork`) read it.  Writing is atomic (a temporary file,
then a rename), so a crash never leaves half a file; a file that cannot be
used gives a ValueError in plain words and is left as it is.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import tempfile
import zipfile
from pathlib import Path

from . import paths

__all__ = ["FORMAT", "FORMAT_VERSION", "work_dir", "new_state", "check_state", "parse", "read",
           "read_bytes", "write", "set_aside", "free_name", "pack_work", "exists", "reason", "problem_in_words",
           "counts_as_work", "decode", "encode", "UNREADABLE"]

FORMAT = "medialit-tags"
FORMAT_VERSION = 1

# what reading one file or zip member can raise besides ValueError: damaged
# data, a file that may not be read, an encrypted or oddly compressed zip
# member, a truncated zip, JSON nested too deep
UNREADABLE = (UnicodeDecodeError, json.JSONDecodeError, OSError, zipfile.BadZipFile, RuntimeError,
              NotImplementedError, EOFError, RecursionError)


def work_dir() -> Path:
    """Folder where students' tags are saved.

    ``my_work/`` at the top of the course folder the notebook runs in (on a
    hub, each student's own copy), unless the environment variable
    ``MEDIALIT_WORK_DIR`` names another folder (see :mod:`medialit.paths`).  On Binder, download
    this folder before the session ends (see ``00_start_here``).
    """
    return paths.work_dir()


def reason(problem: OSError) -> str:
    """An OSError in a few plain words ("no such file or directory", ...)."""
    return (problem.strerror or str(problem) or type(problem).__name__).rstrip(".").lower()


# ---------------------------------------------------------------- the format

def new_state(activity: str, items, tags: dict, texts: dict | None = None) -> dict:
    """A state, ready to :func:`write`: ``tags`` maps item ids to a choice's
    value (or None); ``texts`` (write-in boxes) is left out when None."""
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "tagger": activity,
        "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "items": list(items),
        "tags": dict(tags),
        **({"texts": dict(texts)} if texts is not None else {}),
    }


def decode(raw: bytes):
    """A save file's JSON.  A byte-order mark (Notepad's "UTF-8" adds one) is
    accepted; damaged bytes raise what :data:`UNREADABLE` lists."""
    return json.loads(raw.decode("utf-8-sig"))


def check_state(state) -> dict:
    """``state`` if it is a saved tagging file of this course naming its
    activity, else ValueError with a short reason."""
    if not isinstance(state, dict) or state.get("format") != FORMAT or not isinstance(state.get("tags"), dict):
        raise ValueError("not a saved tagging file from this course")
    activity = state.get("tagger")
    if not isinstance(activity, str) or not activity.strip():
        raise ValueError("the file does not say which activity it is for")
    return state


def problem_in_words(problem: Exception) -> str:
    """What :func:`decode`, :func:`check_state` or reading a zip raised, in a few words."""
    if isinstance(problem, json.JSONDecodeError):
        return f"damaged: not valid JSON (near line {problem.lineno})"
    if isinstance(problem, UnicodeDecodeError):
        return "damaged: not UTF-8 text"
    if isinstance(problem, RecursionError):
        return "damaged: not a saved tagging file (nested too deep)"
    if isinstance(problem, OSError):
        return f"cannot be read ({(problem.strerror or str(problem)).lower()})"
    if isinstance(problem, (zipfile.BadZipFile, RuntimeError, NotImplementedError, EOFError)):
        return f"cannot be read from its zip file ({problem})"
    return str(problem)


def parse(raw: bytes, path: Path, activity: str) -> dict:
    """A save file's bytes as a state of ``activity``, or ValueError in plain
    words (the file is never touched)."""
    try:
        state = decode(raw)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as problem:
        where = f" (near line {problem.lineno})" if isinstance(problem, json.JSONDecodeError) else ""
        raise ValueError(f"Your saved work in {path} is damaged and cannot be read{where}. "
                         "The file has been left as it is.") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT or not isinstance(state.get("tags"), dict):
        raise ValueError(f"{path} is not a saved tagging file from this course. It has been left as it is.")
    if state.get("tagger") != activity:
        raise ValueError(f"{path} holds tags for the activity '{state.get('tagger')}', not '{activity}'. "
                         "It has been left as it is.")
    return state


# ---------------------------------------------------------------- files

def counts_as_work(name: str) -> bool:
    """Whether a file called ``name`` is a student's saved work: ``*.json``,
    but not a copy kept by "Start again" (``*.before-reset*.json``), a file
    set aside (``*.kept-*.json``) or a hidden temporary file."""
    base = Path(name).name
    return base.endswith(".json") and ".before-reset" not in base and ".kept-" not in base \
        and not base.startswith(".")


def exists(path: Path) -> bool:
    """Path.exists(), but a path that cannot even be looked at counts as there
    (so reading it gives a plain message instead of a traceback)."""
    try:
        return Path(path).exists()
    except OSError:
        return True


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or ValueError in plain words."""
    path = Path(path)
    if not exists(path):
        raise ValueError(f"There is no saved work at {path}.")
    if path.is_dir():
        raise ValueError(f"{path} is a folder, not a saved tagging file. It has been left as it is.")
    try:
        return path.read_bytes()
    except OSError as problem:
        raise ValueError(f"Your saved work in {path} cannot be opened ({reason(problem)}). "
                         "The file has been left as it is.") from None


def read(path: Path, activity: str) -> dict:
    """Read and check a save file of ``activity``; ValueError in plain words."""
    return parse(read_bytes(path), path, activity)


def encode(state: dict) -> bytes:
    """The bytes :func:`write` puts in a file for ``state``."""
    return json.dumps(state, ensure_ascii=False, indent=1).encode("utf-8")


def write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` whole or not at all (temporary file in the
    same folder, flushed to disk, then renamed over ``path``)."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def free_name(path: Path, tail: str) -> Path:
    """``<stem><tail>.json`` beside ``path``, or ``<stem><tail>-2.json``,
    ``-3`` ... : the first name not taken, so no earlier copy is replaced."""
    path = Path(path)
    candidate, number = path.with_name(f"{path.stem}{tail}{path.suffix}"), 1
    while exists(candidate):
        number += 1
        candidate = path.with_name(f"{path.stem}{tail}-{number}{path.suffix}")
    return candidate


def set_aside(path: Path) -> Path:
    """Rename a file that cannot be used to ``<name>.kept-<time>.json`` (never
    replacing an earlier kept copy) and return the new path."""
    path = Path(path)
    kept = free_name(path, f".kept-{_dt.datetime.now().strftime('%Y%m%d-%H%M%S')}")
    os.replace(path, kept)
    return kept


def pack_work(target=None) -> Path:
    """Put every saved file of the work folder into one zip file (default:
    ``my_work.zip`` beside the work folder) and return its path, so it can be
    downloaded in one go, e.g. from Binder before the session ends."""
    folder = work_dir().resolve()
    # regular files only: a pipe or a folder called *.json is not saved work (and would hang or fail)
    files = sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    if not files:
        raise ValueError(f"There is no saved work in {folder} yet: tag something first.")
    target = Path(target) if target else folder.with_suffix(".zip")
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=f"{folder.name}/{path.name}")
    except OSError as problem:
        raise ValueError(f"Could not write the zip file {target}: {reason(problem)}.") from None
    return target

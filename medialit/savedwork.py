"""A student's saved work: the file format, the folder, writing and reading.

Every tagging activity keeps a student's tags in one small JSON file,
``<work folder>/<activity>.json``, a *state*::

    {"format": "medialit-tags", "version": 1, "tagger": "voice_01",
     "saved_at": "2026-11-30T12:00:00+00:00",
     "items": ["A02", "A03"], "tags": {"A02": "cited", "A03": null},
     "texts": {"A02": "TASS"}}          # "texts" only with write-in boxes

The student's self-check answers are one more file of the folder,
``answers.json``, in a format of its own (:mod:`medialit.answers`); it is
packed and restored with the tags.

This module is the one place that knows the tags' format: the Tagger
(:mod:`medialit.tagging`) writes and reads it, the class tools
(:mod:`medialit.classfolder`) read it.  Writing is atomic (a temporary file,
then a rename), so a crash never leaves half a file; a file that cannot be
used gives a ValueError in plain words and is left as it is.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
import unicodedata
import zipfile
from pathlib import Path

from . import paths

__all__ = ["FORMAT", "FORMAT_VERSION", "work_dir", "new_state", "check_state", "parse", "read",
           "read_bytes", "write", "set_aside", "free_name", "pack_work", "exists", "reason", "problem_in_words",
           "counts_as_work", "decode", "encode", "UNREADABLE", "restore_work", "safe_name", "PACK_NAME"]

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


#: the name of the zip :func:`pack_work` writes when no student name is given
PACK_NAME = "my_work.zip"
#: what :func:`restore_work` accepts: a pack of the course is a few small JSON files
MAX_PACK_BYTES = 20 * 1024 * 1024
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_FILES = 500


def safe_name(name) -> str:
    """A student's name made safe for a file name: letters (any alphabet),
    digits, ``-`` and ``_``; anything else becomes ``_``.  ``"Amira K."`` ->
    ``"Amira_K"``.  ValueError when nothing is left."""
    text = unicodedata.normalize("NFC", str(name if name is not None else "")).strip()
    cleaned = re.sub(r"[^\w-]+", "_", text).strip("_-")[:60].strip("_-")
    if not cleaned:
        raise ValueError(f"Give your name as letters or digits, e.g. pack_work(name=\"Amira K\") "
                         f"(not {name!r}).")
    return cleaned


def pack_work(target=None, name=None) -> Path:
    """Put every saved file of the work folder into one zip file and return
    its path, so it can be downloaded or handed in in one go, e.g. from Binder
    before the session ends.

    The zip is written beside the work folder (on a laptop, Binder or a hub:
    the top of the course folder, one level above ``notebooks/``): called
    ``<name>.zip`` with a student's ``name`` (made safe for a file name by
    :func:`safe_name`), else ``my_work.zip`` - whatever the work folder is
    called, so ``MEDIALIT_WORK_DIR`` does not change the name.  ``target``
    gives another path.  Inside, the files are ``my_work/<activity>.json``
    (the tags) and ``my_work/answers.json`` (the self-check answers, see
    :mod:`medialit.answers`).
    The zip is written whole or not at all (a temporary file, then a rename),
    readable by others as a normal file is (mode 0644 less the umask), so a
    copy into a hub's shared folder can be read by the teacher.
    """
    folder = work_dir().resolve()
    file_name = f"{safe_name(name)}.zip" if name is not None else PACK_NAME
    # regular files only: a pipe or a folder called *.json is not saved work (and would hang or fail)
    files = sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    if not files:
        raise ValueError(f"There is no saved work in {paths.where(folder)} yet: tag something first.")
    target = Path(target) if target else folder.parent / file_name
    temp = None
    try:
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as out, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=f"my_work/{path.name}")
        mask = os.umask(0o022)  # the umask, read by setting it back: mkstemp's 0600 would keep
        os.umask(mask)          # a teacher from reading a copy in a hub's shared folder
        os.chmod(temp, 0o644 & ~mask)
        os.replace(temp, target)
    except OSError as problem:
        if temp and os.path.exists(temp):
            os.unlink(temp)
        raise ValueError(f"Could not write the zip file {target}: {reason(problem)}.") from None
    return target


# ---------------------------------------------------------------- restoring a pack

def _find_pack(zip_path) -> Path:
    """``zip_path`` as given, else (a bare name) in the course folder, beside
    the work folder, or in ``notebooks/``: an upload lands in whatever folder
    the file browser shows."""
    given = Path(zip_path)
    if exists(given) or given.is_absolute():
        return given
    places = [work_dir().parent]
    root = paths.course_root()
    if root is not None:
        places += [root, root / "notebooks"]
    for place in places:
        if exists(place / given):
            return place / given
    return given


def _pack_members(archive: zipfile.ZipFile, pack: Path) -> list[tuple[zipfile.ZipInfo, str]]:
    """The pack's files as (member, file name), or ValueError if the zip is
    not a pack of this course: only ``*.json`` files, at the top or in one
    folder (``my_work/voice_01.json``), none of them large."""
    members, total = [], 0
    for info in archive.infolist():
        name = info.filename
        if info.is_dir():
            continue
        parts = name.split("/")
        if (name.startswith(("/", "\\")) or "\\" in name or ":" in name or len(parts) > 2
                or any(part in ("", ".", "..") for part in parts)):
            raise ValueError(f"{pack.name} is not a pack of this course's work: it holds '{name}', "
                             "which is not a file of the my_work folder. Nothing was restored.")
        if not parts[-1].endswith(".json") or parts[-1].startswith("."):
            raise ValueError(f"{pack.name} is not a pack of this course's work: it holds '{name}', "
                             "which is not a saved tagging file (*.json). Nothing was restored.")
        if info.file_size > MAX_FILE_BYTES:
            raise ValueError(f"{pack.name} is not a pack of this course's work: '{name}' is "
                             f"{info.file_size / 1e6:.1f} MB, far larger than saved tags. Nothing was restored.")
        total += info.file_size
        members.append((info, parts[-1]))
    if len(members) > MAX_FILES or total > MAX_PACK_BYTES:
        raise ValueError(f"{pack.name} is not a pack of this course's work: it holds {len(members)} files, "
                         f"{total / 1e6:.1f} MB in all. Nothing was restored.")
    if not members:
        raise ValueError(f"{pack.name} holds no saved work (no *.json files). Nothing was restored.")
    names = [file_name for _, file_name in members]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ValueError(f"{pack.name} holds {', '.join(twice)} more than once, so which copy is yours "
                         "is not known. Nothing was restored.")
    return members


def _saved_at(raw: bytes) -> str | None:
    """The ``saved_at`` time of a save file's bytes, or None if it has none or cannot be read."""
    try:
        state = check_state(decode(raw))
    except (*UNREADABLE, ValueError):
        return None
    when = state.get("saved_at")
    return when if isinstance(when, str) else None


def restore_work(zip_path="my_work.zip") -> list[str]:
    """Unpack a zip made by :func:`pack_work` into the work folder (the real
    one, ``work_dir()``, wherever the zip was uploaded) and return what was
    done, one sentence per file.

    Nothing is lost: a file of the work folder that is the same is left as it
    is; one that is newer than the zip's copy (its ``saved_at`` is later) is
    kept and the zip's copy is put beside it as ``<activity>.kept-from-zip-
    <time>.json``; one that is older or damaged is set aside as
    ``<activity>.kept-<time>.json`` before the zip's copy replaces it.
    The self-check answers (``answers.json``, :mod:`medialit.answers`) are
    merged instead: every answer of both copies is kept.
    Writing is atomic.  A zip that is not the course's pack (paths outside
    the folder, files that are not ``*.json`` or not saved tags, very large
    files) is refused with a plain message and nothing is written.
    """
    pack = _find_pack(zip_path)
    if not exists(pack):
        raise ValueError(f"There is no file {zip_path} in this folder or in the course folder: upload "
                         "your zip first (the \u2191 button in the file browser), then give its name.")
    try:
        if pack.stat().st_size > MAX_PACK_BYTES:
            raise ValueError(f"{pack} is {pack.stat().st_size / 1e6:.0f} MB: far larger than a pack of "
                             "saved tags. Nothing was restored.")
        with zipfile.ZipFile(pack) as archive:
            members = _pack_members(archive, pack)
            contents = {file_name: archive.read(info) for info, file_name in members}
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as problem:
        raise ValueError(f"{pack} cannot be read as a zip file ({problem_in_words(problem)}). "
                         "Nothing was restored.") from None
    # the self-check answers (medialit.answers, which builds on this module: imported here, not at the top)
    from . import answers

    for file_name, raw in contents.items():
        if file_name == answers.FILE_NAME:
            try:
                answers.parse(raw, file_name)
            except ValueError:
                raise ValueError(f"{pack.name} is not a pack of this course's work: {file_name} is not a "
                                 "self-check answers file. Nothing was restored.") from None
        elif counts_as_work(file_name) and not _is_state(raw):
            raise ValueError(f"{pack.name} is not a pack of this course's work: {file_name} is not a saved "
                             "tagging file. Nothing was restored.")

    folder = work_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as problem:
        raise ValueError(f"Could not make the work folder {folder}: {reason(problem)}.") from None
    stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    done = []
    for file_name, raw in sorted(contents.items()):
        target = folder / file_name
        try:
            if not exists(target):
                write(target, raw)
                done.append(f"{file_name}: restored")
                continue
            try:
                mine = target.read_bytes()
            except OSError:
                mine = None
            if mine == raw:
                done.append(f"{file_name}: already there, left as it is")
                continue
            if file_name == answers.FILE_NAME and mine is not None and _is_answers(mine):
                # answers are merged: every answer of both copies, the latest one counting
                here = answers.parse(mine, target)
                merged = answers.merge(here, answers.parse(raw, file_name))
                if merged["answers"] == answers.merge(here, here)["answers"]:
                    done.append(f"{file_name}: every answer in the zip is here already, left as it is")
                else:
                    write(target, encode(merged))
                    done.append(f"{file_name}: merged with the answers already here (the latest answer to each "
                                "question counts)")
                continue
            theirs_at, mine_at = _saved_at(raw), (_saved_at(mine) if mine is not None else None)
            if counts_as_work(file_name) and mine_at is not None and (theirs_at is None or mine_at > theirs_at):
                kept = free_name(target, f".kept-from-zip-{stamp}")
                write(kept, raw)
                done.append(f"{file_name}: the one here is newer, kept; the zip's copy is beside it as {kept.name}")
            elif not counts_as_work(file_name):
                # an earlier copy ("Start again", set aside): keep both
                kept = free_name(target, f".kept-from-zip-{stamp}")
                write(kept, raw)
                done.append(f"{file_name}: a different copy is here already, so the zip's is kept as {kept.name}")
            else:
                aside = set_aside(target)
                write(target, raw)
                what = "damaged" if mine_at is None else "older"
                done.append(f"{file_name}: restored; the {what} one that was here is kept as {aside.name}")
        except OSError as problem:
            done.append(f"{file_name}: NOT restored ({reason(problem)})")
    return done


def _is_answers(raw: bytes) -> bool:
    from . import answers

    try:
        answers.parse(raw, "")
        return True
    except ValueError:
        return False


def _is_state(raw: bytes) -> bool:
    try:
        check_state(decode(raw))
        return True
    except (*UNREADABLE, ValueError):
        return False

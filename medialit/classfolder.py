"""Read a class folder of hand-ins: every student's saved tags and
self-check answers, and warnings about the hand-ins themselves.

A class folder holds one folder or one zip file per student, named after the
student (the zip ``pack_work(name="...")`` writes, or a copy of the
student's ``my_work/``)::

    class_tags/
        amira/my_work/voice_01.json      # a folder per student
        ben.zip                          # or the ben.zip pack_work(name="ben") makes
        chen/voice_01.json

:func:`collect` reads the tags, :func:`collect_answers` the self-check
answers (``answers.json``, see :mod:`medialit.answers`); a file that cannot
be read is listed in ``problems`` and skipped, and nothing is ever changed.
:func:`name_warnings` and :func:`duplicate_warnings` point out hand-ins whose
names look alike and hand-ins that hold identical work.  What the class did
with them is :mod:`medialit.classwork`'s (which also offers these names).
"""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pandas as pd

from . import answers, savedwork

__all__ = ["collect", "collect_answers", "name_warnings", "duplicate_warnings", "TAG_COLUMNS", "ANSWER_COLUMNS"]

TAG_COLUMNS = ["student", "activity", "item_id", "tag", "text", "file"]


def _rows_from_state(state, student: str, where: str) -> list[dict]:
    state = savedwork.check_state(state)
    texts = state.get("texts") if isinstance(state.get("texts"), dict) else {}
    # a tag is a choice's value, a piece of text: lists, numbers or true/false are not choices
    return [{"student": student, "activity": state["tagger"], "item_id": str(item), "tag": tag,
             "text": texts[item].strip() if isinstance(texts.get(item), str) else "", "file": where}
            for item, tag in state["tags"].items() if isinstance(tag, str) and tag.strip()]


def _student_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else path.stem


def _work_files(root: Path):
    """Every saved file under ``root`` and inside its zip files, as
    ``(student, where, file name, bytes or None, problem or None, loose at the top,
    the entry of the class folder it is in)``; a zip that cannot be read gives
    one row with no file name."""
    for path in sorted(root.rglob("*")):
        if path.is_file() and savedwork.counts_as_work(path.name):
            where = str(path.relative_to(root))
            try:
                raw, problem = path.read_bytes(), None
            except OSError as error:
                raw, problem = None, error
            yield (_student_of(path, root), where, path.name, raw, problem,
                   len(path.relative_to(root).parts) == 1, path.relative_to(root).parts[0])
        elif path.is_file() and path.suffix.lower() == ".zip":
            student = _student_of(path, root)
            try:
                with zipfile.ZipFile(path) as archive:
                    for name in sorted(archive.namelist()):
                        if not savedwork.counts_as_work(name):
                            continue
                        try:
                            raw, problem = archive.read(name), None
                        except (*savedwork.UNREADABLE, ValueError) as error:
                            raw, problem = None, error
                        yield (student, f"{path.relative_to(root)}:{name}", Path(name).name, raw, problem, False,
                               path.relative_to(root).parts[0])
            except (zipfile.BadZipFile, OSError, EOFError) as problem:
                yield (student, str(path.relative_to(root)), None, None,
                       "not a readable zip file" if not isinstance(problem, OSError)
                       else savedwork.problem_in_words(problem), False, path.relative_to(root).parts[0])


def _problem(where: str, problem) -> dict:
    return {"file": where, "problem": problem if isinstance(problem, str) else savedwork.problem_in_words(problem)}


def _folder(folder) -> Path:
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"There is no folder {root}: give the folder that holds the students' files.")
    return root


def collect(folder) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every saved tag file under ``folder`` (and inside its zip files).

    Returns ``(tags, problems)``: ``tags`` has one row per student, activity
    and tagged item (``student``, ``activity``, ``item_id``, ``tag``,
    ``text``: what the student typed in the item's write-in box, or "";
    ``file``);
    ``problems`` lists the files that were skipped and why.  Copies made by
    "Start again" (``*.before-reset.json``) and set-aside files
    (``*.kept-*.json``) are not counted.  The self-check answers
    (``answers.json``) are :func:`collect_answers`'s.
    """
    root = _folder(folder)
    rows, problems = [], []
    for student, where, name, raw, problem, at_top, _ in _work_files(root):
        if name == answers.FILE_NAME:
            continue
        try:
            if problem is not None:
                raise ValueError(problem) if isinstance(problem, str) else problem
            found = _rows_from_state(savedwork.decode(raw), student, where)
            if at_top:
                raise ValueError("not inside a student's folder or zip file, so whose work it is is not "
                                 "known: put it in a folder named after the student")
            rows += found
        except (*savedwork.UNREADABLE, ValueError) as error:
            problems.append(_problem(where, error))
    tags = pd.DataFrame(rows, columns=TAG_COLUMNS)
    # one answer per student, activity and item: the last file read wins
    tags = tags.drop_duplicates(["student", "activity", "item_id"], keep="last").reset_index(drop=True)
    return tags, pd.DataFrame(problems, columns=["file", "problem"])


ANSWER_COLUMNS = ["student", "question", "answer", "status", "at", "tries", "file"]


def collect_answers(folder) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every student's self-check answers (``answers.json``, see
    :mod:`medialit.answers`) under ``folder`` and inside its zip files.

    Returns ``(answers, problems)``: ``answers`` has one row per student and
    question, the answer that counts (``student``, ``question``, ``answer``
    as recorded, ``status``: correct, incorrect, differs (a prediction) or unexpected, ``at``,
    ``tries``: how many answers are recorded, ``file``); ``problems`` lists
    the answers files that were skipped and why (and zips that cannot be read).
    """
    root = _folder(folder)
    rows, problems = [], []
    for student, where, name, raw, problem, at_top, _ in _work_files(root):
        if name is None:
            problems.append(_problem(where, problem))
        if name != answers.FILE_NAME:
            continue
        try:
            if problem is not None:
                raise problem
            book = answers.check_book(savedwork.decode(raw))
            if at_top:
                raise ValueError("not inside a student's folder or zip file, so whose answers they are is not "
                                 "known: put it in a folder named after the student")
        except (*savedwork.UNREADABLE, ValueError) as error:
            problems.append(_problem(where, error))
            continue
        rows += [{"student": student, "question": question, "answer": entry["answer"], "status": entry["status"],
                  "at": entry["at"], "tries": len(book["answers"][question]), "file": where}
                 for question, entry in answers.latest(book).items()]
    table = pd.DataFrame(rows, columns=ANSWER_COLUMNS)
    table = table.drop_duplicates(["student", "question"], keep="last").reset_index(drop=True)
    return table, pd.DataFrame(problems, columns=["file", "problem"])


def duplicate_warnings(folder) -> list[str]:
    """Warnings about hand-ins that hold identical work: two (or more) zip
    files or folders of the class folder with the same saved files, byte for
    byte (save times included), so one student's work counted twice, for
    example ``Li_Wei_10B.zip`` also handed in as ``my_work.zip``.  One
    sentence per group, naming each; files that cannot be read are left out."""
    contents: dict[str, set] = {}
    for _, _, name, raw, _, at_top, entry in _work_files(_folder(folder)):
        if name is not None and raw is not None and not at_top:
            contents.setdefault(entry, set()).add((name, hashlib.sha256(raw).hexdigest()))
    groups: dict[frozenset, list[str]] = {}
    for entry, files in sorted(contents.items()):
        groups.setdefault(frozenset(files), []).append(entry)
    warnings = []
    for entries in groups.values():
        if len(entries) > 1:
            shown = " and ".join(", ".join(f"'{e}'" for e in entries).rsplit(", ", 1))
            warnings.append(f"Warning: {shown} hold identical work (the same files, byte for byte, save times "
                            "included): one student's work handed in twice, and counted twice. Keep one and "
                            "ask whose it is.")
    return warnings


def _base_name(student: str) -> str:
    """A student name without the copy number a browser adds to a second
    download: ``"my_work (1)"``, ``"my_work-2"`` -> ``"my_work"``."""
    return re.sub(r"(\s*\(\d+\)|-\d+)$", "", student).strip().casefold()


def name_warnings(students) -> list[str]:
    """Warnings about student names that are not told apart: packs handed in
    unrenamed (``my_work``, ``my_work (1)``, ...) or the same name twice
    apart from a copy number.  One sentence per group of names."""
    groups: dict[str, list[str]] = {}
    for student in sorted(set(students)):
        groups.setdefault(_base_name(student), []).append(student)
    warnings = []
    for base, names in sorted(groups.items()):
        if len(names) > 1 or base == "my_work":
            shown = " and ".join(", ".join(f"'{n}'" for n in names).rsplit(", ", 1))
            warnings.append(f"Warning: {shown} {'look like the same name' if len(names) > 1 else 'is not a name'}: "
                            "rename each file after its student, or ask students to pack with "
                            "pack_work(name=\"their name\").")
    return warnings

"""A student's self-check answers: the answers file, recording and reading.

Every ``check("03.T", answer)`` of :mod:`medialit.selfcheck` records the
answer it checked in one small JSON file of the work folder,
``<work folder>/answers.json``, a *book*::

    {"format": "medialit-answers", "version": 1,
     "saved_at": "2026-11-30T12:00:00.480+00:00",
     "answers": {"03.T": [{"answer": "TASS", "status": "incorrect",
                           "at": "2026-11-30T11:58:00.120+00:00"},
                          {"answer": "the police", "status": "correct",
                           "at": "2026-11-30T12:00:00.480+00:00"}]}}

One list per question, oldest first: the last entry is the answer that
counts, the ones before it a short history (at most :data:`KEEP` entries in
all).  ``status`` is what :func:`medialit.selfcheck.evaluate` said:
``correct``, ``incorrect``, ``differs`` (a prediction that is not what the
sources say: a prediction gets no verdict) or ``unexpected`` (the wrong kind
of answer); a
blank ``...`` is never recorded.  The answer is kept as the student wrote it
when it is text, a number or a list of those; anything else as its ``repr``,
cut to :data:`MAX_CHARS` characters.

Writing is :mod:`medialit.savedwork`'s (atomic: a temporary file, then a
rename).  Recording never stops a lesson: a folder that cannot be written
gives one sentence, and a file that cannot be read is set aside
(``answers.kept-<time>.json``) before a new one is started, so nothing is
lost.  The file is read again on every check (never remembered), so two
notebooks open at once add to the same book.  ``pack_work`` puts it in the
hand-in zip, ``restore_work`` merges it back and :mod:`medialit.classfolder`
reads a class's.
"""

from __future__ import annotations

import datetime as _dt
import math
from pathlib import Path

from . import savedwork

__all__ = ["FILE_NAME", "FORMAT", "KEEP", "MAX_CHARS", "as_saved", "new_book", "check_book", "parse", "add",
           "merge", "latest", "answers_path", "read", "record"]

FILE_NAME = "answers.json"
FORMAT = "medialit-answers"
FORMAT_VERSION = 1
#: entries kept per question: the answer that counts and the ones just before it
KEEP = 5
#: the longest answer kept (longer text, and anything else's repr, is cut)
MAX_CHARS = 300
#: the most items of a list answer kept
MAX_ITEMS = 50
#: "differs": a prediction (``0N.T``) that is not what the sources say: no verdict, so not "incorrect"
STATUSES = ("correct", "incorrect", "differs", "unexpected")


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="milliseconds")


def _cut(text: str) -> str:
    return text if len(text) <= MAX_CHARS else text[:MAX_CHARS - 1] + "…"


def as_saved(answer):
    """``answer`` in a form JSON keeps: text (cut to :data:`MAX_CHARS`), a
    whole or decimal number, or a list (or tuple) of those; anything else
    (a table, a dict, a huge number, ``nan``) as its ``repr``, cut."""
    if isinstance(answer, str):
        return _cut(answer)
    if isinstance(answer, bool):
        return answer
    if hasattr(answer, "__index__") and not isinstance(answer, (list, tuple)):
        try:
            whole = int(answer.__index__())
        except Exception:
            whole = None
        if whole is not None and whole.bit_length() <= 60:
            return whole
    if isinstance(answer, float) and math.isfinite(answer):
        return float(answer)
    if isinstance(answer, (list, tuple)) and len(answer) <= MAX_ITEMS \
            and all(isinstance(a, (str, int, float)) and as_saved(a) == a for a in answer):
        return list(answer)
    try:
        shown = repr(answer)
    except Exception:  # a student's object whose repr fails: say what it was
        shown = f"<{type(answer).__name__}>"
    return _cut(shown)


# ---------------------------------------------------------------- the format

def new_book() -> dict:
    """An empty book of answers."""
    return {"format": FORMAT, "version": FORMAT_VERSION, "saved_at": _now(), "answers": {}}


def _entry_ok(entry) -> bool:
    return isinstance(entry, dict) and isinstance(entry.get("at"), str) and entry.get("status") in STATUSES \
        and "answer" in entry


def check_book(book) -> dict:
    """``book`` if it is an answers file of this course, else ValueError with a short reason."""
    if not isinstance(book, dict) or book.get("format") != FORMAT or not isinstance(book.get("answers"), dict):
        raise ValueError("not a self-check answers file from this course")
    for question, entries in book["answers"].items():
        if not isinstance(entries, list) or not all(_entry_ok(e) for e in entries):
            raise ValueError(f"the answers to {question} are not in the course's form")
    return book


def parse(raw: bytes, where) -> dict:
    """An answers file's bytes as a book, or ValueError in plain words (the
    file is never touched)."""
    try:
        return check_book(savedwork.decode(raw))
    except (*savedwork.UNREADABLE, ValueError) as problem:
        raise ValueError(f"Your saved answers in {where} cannot be used "
                         f"({savedwork.problem_in_words(problem)}).") from None


def add(book: dict, question: str, answer, status: str, at: str | None = None) -> dict:
    """A new book: ``book`` with ``answer`` to ``question`` as the answer
    that counts (the history kept to :data:`KEEP` entries)."""
    if status not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}, not {status!r}")
    answers = {q: list(entries) for q, entries in book["answers"].items()}
    entry = {"answer": as_saved(answer), "status": status, "at": at or _now()}
    answers[question] = (answers.get(question, []) + [entry])[-KEEP:]
    return {**book, "saved_at": _now(), "answers": dict(sorted(answers.items()))}


def merge(mine: dict, theirs: dict) -> dict:
    """Both books' answers in one (restoring a zip into a folder that has
    answers too): every entry of either, oldest first, none twice; so the
    answer that counts is the latest of the two."""
    answers = {}
    for question in sorted(set(mine["answers"]) | set(theirs["answers"])):
        seen, merged = set(), []
        for entry in sorted(mine["answers"].get(question, []) + theirs["answers"].get(question, []),
                            key=lambda e: e["at"]):
            key = (entry["at"], entry["status"], repr(entry["answer"]))
            if key not in seen:
                seen.add(key)
                merged.append(entry)
        answers[question] = merged
    return {**new_book(), "answers": answers}


def latest(book: dict) -> dict:
    """``{question: entry}``: the answer that counts for each question."""
    return {question: entries[-1] for question, entries in book["answers"].items() if entries}


# ---------------------------------------------------------------- the file

def answers_path(folder=None) -> Path:
    """Where the answers are kept: ``answers.json`` in ``folder`` (default: the work folder)."""
    return Path(folder if folder is not None else savedwork.work_dir()) / FILE_NAME


def read(folder=None) -> dict:
    """The book in the work folder (an empty one if there is none yet), or
    ValueError in plain words if the file cannot be used."""
    path = answers_path(folder)
    if not savedwork.exists(path):
        return new_book()
    return parse(savedwork.read_bytes(path), path)


def record(question: str, answer, status: str, folder=None) -> str | None:
    """Add one checked answer to the answers file.  Returns None when all
    went well, else one sentence to show the student: the file could not be
    written (nothing else changed), or the old file could not be read and was
    kept aside under another name before a new one was started."""
    path = answers_path(folder)
    note = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            book = read(folder)
        except ValueError:
            kept = savedwork.set_aside(path)
            book = new_book()
            note = (f"Your answers file {path} could not be read, so it was kept as {kept.name} "
                    "and a new one was started with this answer.")
        savedwork.write(path, savedwork.encode(add(book, question, answer, status)))
    except OSError as problem:
        return (f"(Your answer was checked but could not be saved in {path.parent}: "
                f"{savedwork.reason(problem)}.)")
    return note

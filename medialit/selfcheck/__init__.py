"""Self-checks for the exercise notebooks.

Each exercise ends with ``check("01.3", your_answer)``.  The check answers in
words: correct, not quite (with a hint), or "not answered yet" while the
answer is still the blank ``...``.  It never stops with a traceback: a
student who hands in the wrong kind of thing is told what kind of thing was
expected.

Expected answers are worked out from the course data when the check runs
(counts, longest sentence, ...) or read from ``data/keys/exercises_01.csv``
when they need a person's judgement (which agency a sentence names).

Questions named ``0N.T`` are predictions ("trace to the origin"), made
before ``reveal()`` shows the public sources: a prediction that differs from
the sources gets no verdict (see :func:`is_prediction`).

Each checked answer is recorded in the student's work folder
(``my_work/answers.json``, see :mod:`medialit.answers`), so it survives a
restart, goes into the hand-in zip and reaches the teacher's class table; a
blank is not recorded.  ``my_answers("03")`` shows what was recorded for a
lesson.

Each lesson's questions live in their own module, ``lessonNN.py``, as a
``QUESTIONS`` dict; this package collects them all.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from pathlib import Path

from .. import answers
from ..paths import course_root
from ._common import NOT_ANSWERED, TypingHint

__all__ = ["check", "evaluate", "is_prediction", "my_answers", "QUESTIONS"]


def _collect() -> dict:
    questions = {}
    for module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith("lesson")):
        questions.update(importlib.import_module(f"{__name__}.{module}").QUESTIONS)
    return dict(sorted(questions.items()))


QUESTIONS = _collect()


def evaluate(question: str, answer) -> tuple[str, str]:
    """Return ``(status, message)`` for an answer.

    ``status`` is ``"correct"``, ``"incorrect"``, ``"not answered"`` or
    ``"unexpected"`` (the answer is the wrong kind of thing).
    """
    if question not in QUESTIONS:
        return "unexpected", f"There is no exercise '{question}'. Exercises are: {', '.join(QUESTIONS)}."
    if answer is ... or answer is None or (isinstance(answer, (list, tuple)) and answer
                                            and all(a is ... for a in answer)):
        # a blank, or blanks only (lesson 04's two prediction lines, [..., ...])
        return "not answered", NOT_ANSWERED
    if isinstance(answer, Mapping) and any(a is ... for a in answer.values()):
        # a blank left in a labelled answer (lesson 01's {"who": who, "area": area})
        return "not answered", NOT_ANSWERED
    try:
        ok, message = QUESTIONS[question](answer)
    except TypingHint as hint:  # a typing slip: how to type it, in the question's own words
        return "unexpected", str(hint)
    except (TypeError, ValueError, AttributeError, KeyError) as problem:
        return "unexpected", f"This answer is the wrong kind of thing: the exercise expects {problem}."
    return ("correct" if ok else "incorrect"), message


#: Predictions not named ``0N.T``: lesson 04's guess at how far Flesch
#: reading ease moves, made before the lesson measures it.
PREDICTIONS = frozenset({"04.P"})


def is_prediction(question: str) -> bool:
    """Whether ``question`` asks for a prediction: the "trace to the origin"
    questions ``01.T`` … ``05.T``, answered before ``reveal()`` shows the
    public sources, and those in :data:`PREDICTIONS` (answered before the
    lesson measures).  A student cannot know the answer yet, so a
    prediction that differs gets no verdict."""
    return question.endswith(".T") or question in PREDICTIONS


def check(question: str, answer) -> None:
    """Print whether ``answer`` to exercise ``question`` is right, in words
    (for a prediction: whether it matches the sources, with no verdict).

    The answer is recorded in the work folder (:mod:`medialit.answers`)
    unless it is still the blank, ``question`` is not an exercise, or the
    check runs in the course's ``solutions/`` folder (a solution's answer is
    the key's, not the student's: the teacher's table must not count it); if
    it cannot be saved, one more line says so and the lesson goes on."""
    status, message = evaluate(question, answer)
    mark = {"correct": "✓ Correct.", "incorrect": "✗ Not yet.", "not answered": "…"}.get(status, "?")
    if status == "correct" and getattr(QUESTIONS.get(question), "note", False):
        mark = "✓ Noted."  # a note on the student's own text (05.M): recorded, not marked right or wrong
    elif is_prediction(question) and status == "correct":
        # a trace (0N.T) is compared with public sources, 04.P with the course's own measurement
        mark = "✓ Matches the sources." if question.endswith(".T") else "✓ Matches the measurement."
    elif is_prediction(question) and status == "incorrect":
        mark = "A prediction, not a test."  # the message says what matches and where the reveal is
    print(f"Exercise {question}: {mark} {message}")
    if status != "not answered" and question in QUESTIONS and not _in_solutions():
        if is_prediction(question) and status == "incorrect":
            status = "differs"  # as the student was told: a prediction, not a test
        trouble = answers.record(question, answer, status)
        if trouble:
            print(trouble)


def _in_solutions() -> bool:
    """Whether this kernel runs a notebook of the course's ``solutions/``
    folder (Jupyter starts a kernel in its notebook's folder)."""
    here = Path.cwd().resolve()
    root = course_root(here)
    return root is not None and (here == root / "solutions" or root / "solutions" in here.parents)


def _result_in_words(question: str, status: str) -> str:
    if is_prediction(question):
        what = "the sources" if question.endswith(".T") else "the measurement"
        return f"prediction, matches {what}" if status == "correct" else "prediction"
    return {"correct": "✓", "incorrect": "not yet"}.get(status, "not yet (not the kind of answer expected)")


def my_answers(lesson=None) -> None:
    """Print the answers recorded for ``lesson`` (``"03"``, ``3``; default:
    every lesson): per question, the answer that counts and whether it was
    right (✓), not yet, or a prediction.  They were recorded by ``check``, so
    they are still there after a restart."""
    try:
        book = answers.read()
    except ValueError as problem:
        print(problem)
        return
    prefix = None
    if lesson is not None:
        text = str(lesson).strip()
        prefix = f"{int(text):02d}." if text.isdigit() else text.rstrip(".") + "."
    chosen = {q: e for q, e in answers.latest(book).items() if prefix is None or q.startswith(prefix)}
    which = f"lesson {prefix[:-1]}" if prefix else "any lesson"
    if not chosen:
        print(f"No answers recorded for {which} yet: they are recorded each time you run a check(...) "
              "cell with an answer in place of the ...")
        return
    print(f"Your answers for {which} ({len(chosen)}), as last checked:")
    for question, entry in chosen.items():
        tries = len(book["answers"][question])
        again = f" (answered {tries} times)" if tries > 1 else ""
        print(f"  {question}: {entry['answer']!r} - {_result_in_words(question, entry['status'])}{again}")

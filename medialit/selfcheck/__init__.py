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

Each lesson's questions live in their own module, ``lessonNN.py``, as a
``QUESTIONS`` dict; this package collects them all.
"""

from __future__ import annotations

import importlib
import pkgutil

from ._common import NOT_ANSWERED

__all__ = ["check", "evaluate", "is_prediction", "QUESTIONS"]


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
    try:
        ok, message = QUESTIONS[question](answer)
    except (TypeError, ValueError, AttributeError, KeyError) as problem:
        return "unexpected", f"This answer is the wrong kind of thing: the exercise expects {problem}."
    return ("correct" if ok else "incorrect"), message


def is_prediction(question: str) -> bool:
    """Whether ``question`` asks for a prediction: the "trace to the origin"
    questions ``01.T`` … ``05.T``, answered before ``reveal()`` shows the
    public sources.  A student cannot know the answer yet, so a prediction
    that differs from the sources gets no verdict."""
    return question.endswith(".T")


def check(question: str, answer) -> None:
    """Print whether ``answer`` to exercise ``question`` is right, in words
    (for a prediction: whether it matches the sources, with no verdict)."""
    status, message = evaluate(question, answer)
    mark = {"correct": "✓ Correct.", "incorrect": "✗ Not yet.", "not answered": "…"}.get(status, "?")
    if is_prediction(question) and status == "correct":
        mark = "✓ Matches the sources."
    elif is_prediction(question) and status == "incorrect":
        mark = "A prediction, not a test: the sources say something else."
        message += " What surprises you when you compare?"
    print(f"Exercise {question}: {mark} {message}")

"""Multiple-choice self-checks with diagnostic wrong answers.

A question is a prompt and three or four options.  Each option carries its
own explanation: the right one says *why* it is right, each wrong one says
what thinking leads to it and what to look at instead.  A wrong answer also
names the part of the lesson to revisit.

    check("01.J1", "b")     # a letter in quotes

Used by the judgement tracks of the exercise notebooks and by the exit
tickets at the end of each lesson.
"""

from __future__ import annotations

import re

__all__ = ["Option", "multiple_choice", "choice", "letter", "write_in", "words_in"]


class Option:
    """One option of a multiple-choice question."""

    def __init__(self, text: str, right: bool, why: str):
        self.text, self.right, self.why = text, right, why


def letter(answer, letters) -> str:
    """The answer as a lower-case letter ("b", "B", "(b)", "b)", "b) because …" all give "b");
    TypeError naming what was expected if it is not text."""
    example = f'"{letters[0]}"'
    if not isinstance(answer, str):
        raise TypeError(f"a letter in quotation marks, such as {example} (one of {', '.join(letters)})")
    # a letter alone, or a letter closed by ")", ".", ":" or "," and then a reason: "b) because ..."
    match = re.match(r"\s*\(?\s*([A-Za-z])\s*(?:[).:,]|$)", answer)
    return match.group(1).lower() if match else answer.strip().lower()


def multiple_choice(options: dict[str, Option], revisit: str):
    """A self-check function for a question whose options are ``options``
    (letter → Option).  ``revisit`` names the part of the lesson to read
    again after a wrong answer."""
    letters = sorted(options)
    if sum(option.right for option in options.values()) != 1:
        raise ValueError("A multiple-choice question needs exactly one right option.")

    def _check(answer):
        given = letter(answer, letters)
        if given not in options:
            return False, f"Choose one of the letters {', '.join(letters)}, in quotes (for example \"{letters[0]}\")."
        option = options[given]
        if option.right:
            return True, f"({given}) {option.why}"
        return False, f"({given}) {option.why} Revisit: {revisit}."

    _check.options = options
    _check.right = next(k for k, o in options.items() if o.right)
    _check.revisit = revisit
    return _check


def choice(options: dict, revisit: str = ""):
    """:func:`multiple_choice` for ``options`` that map a letter to
    ``(right, why)`` (the shorter form lessons 03-05 write their questions in)."""
    return multiple_choice({k: Option("", right, why) for k, (right, why) in options.items()}, revisit)


def words_in(text: str) -> list[str]:
    """The lower-case words of ``text``."""
    return re.findall(r"[a-z]+", text.lower())  # "regime's" gives "regime", "s"


def write_in(answer, accept: dict, right: str, wrong: str, revisit: str = ""):
    """``(ok, message)`` for a short written answer.

    ``accept`` maps an accepted word or phrase (lower case) to a note that is
    added to ``right`` when the answer contains it."""
    if not isinstance(answer, str):
        raise TypeError("a few words in quotation marks, such as \"years\"")
    if not answer.strip():
        return False, "Your answer is empty: type a word or a few words between the quotation marks."
    given = " ".join(words_in(answer))
    for phrase, note in accept.items():
        if re.search(rf"\b{re.escape(phrase)}\b", given):
            return True, (right + (" " + note if note else "")).strip()
    return False, wrong + (f" Revisit: {revisit}." if revisit else "")

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

__all__ = ["Option", "multiple_choice", "letter"]


class Option:
    """One option of a multiple-choice question."""

    def __init__(self, text: str, right: bool, why: str):
        self.text, self.right, self.why = text, right, why


def letter(answer, letters) -> str:
    """The answer as a lower-case letter ("b", "B", "(b)", "b)" all give "b");
    TypeError naming what was expected if it is not text."""
    example = f'"{letters[0]}"'
    if not isinstance(answer, str):
        raise TypeError(f"a letter in quotes, such as {example} (one of {', '.join(letters)})")
    match = re.fullmatch(r"\s*\(?\s*([A-Za-z])\s*[).]?\s*", answer)
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

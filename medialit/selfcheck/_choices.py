"""Helpers for the no-code questions: multiple choice and short write-ins.

A multiple-choice question is a dict from a letter to ``(right, why)``:
every option, right or wrong, says in words why.  A wrong answer's *why* is
diagnostic (it names the slip behind it) and ends by naming the part of the
lesson to revisit.
"""

from __future__ import annotations

import re


def _letter(answer, letters) -> str:
    if not isinstance(answer, str):
        raise TypeError(f"one letter in quotation marks, such as \"{letters[0]}\"")
    text = answer.strip().strip("().[]").strip().lower()
    return text[:1] if len(text) == 1 or (len(text) > 1 and not text[1].isalpha()) else text


def multiple_choice(options: dict, answer, revisit: str = ""):
    """``(ok, message)`` for a letter answer to a multiple-choice question."""
    letters = sorted(options)
    letter = _letter(answer, letters)
    if letter not in options:
        return False, (f"Answer with one of the letters {', '.join(repr(x) for x in letters)} "
                       f"(in quotation marks), not {answer!r}.")
    right, why = options[letter]
    if right:
        return True, f"({letter}) {why}"
    return False, f"({letter}) {why}" + (f" Revisit: {revisit}." if revisit else "")


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

"""Helpers shared by the lessons' self-check questions: reading a student's
answer (:func:`as_mapping`, :func:`answer_list`, :func:`whole_number`,
:func:`normalise_answer`) and comparing it with the expected one."""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd


NOT_ANSWERED = ("Not answered yet: put your answer in place of the ... and run its cell again "
                "(a red error there? lesson 00's 'When Python answers with an error' shows the fix).")


class TypingHint(ValueError):
    """An answer typed badly, not a wrong answer: its message is shown as it
    is ("Almost: Python needs …"), with no "wrong kind of thing" before it."""


def exercise_key(key_name: str, question: str) -> pd.DataFrame:
    """The rows of ``data/keys/<key_name>.csv`` for one question."""
    from ..corpus import load_key

    key = load_key(key_name)
    return key[key["question"] == question]


def as_mapping(answer, what: str) -> dict:
    """Turn a dict, Series or two-column DataFrame into a dict."""
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 2:
            raise TypeError(f"a table with two columns ({what})")
        return dict(zip(answer.iloc[:, 0], answer.iloc[:, 1]))
    if isinstance(answer, pd.Series):
        return answer.to_dict()
    if isinstance(answer, Mapping):
        return dict(answer)
    raise TypeError(f"labelled answers in curly brackets, each label in quotes ({what}); Python calls "
                    "this a dict (a pandas Series works too)")


#: How :func:`answer_list` cuts a string answer into items: at commas,
#: semicolons and spaces (sentence ids, single words) ...
WORDS = r"[,;\s]+"
#: ... or only at commas, semicolons and line breaks, so that an item may be
#: a phrase of several words ("armed incursions").
PHRASES = r"\s*[,;\n]\s*"


def answer_list(answer, what: str, *, split: str | None = WORDS, columns: tuple = (),
                each: str | None = None) -> list[str]:
    """The items of a student's list answer, stripped, empty ones left out.

    ``answer`` may be a list, tuple, set, pandas Series or other iterable of
    strings; a string, cut into items where the regular expression ``split``
    matches (``None``: the whole string is one item); or a table, whose first
    column named in ``columns`` holds the items.  Anything else (a dict, a
    number, a table without such a column) raises ``TypeError(what)``, and
    items that are not all strings raise ``TypeError(each)`` (by default
    ``what`` + ", each one a string"): :func:`medialit.selfcheck.evaluate`
    turns both into "the exercise expects ...".

    >>> answer_list("A03, a13  A21", "sentence ids")
    ['A03', 'a13', 'A21']
    """
    if isinstance(answer, str):
        items = [answer] if split is None else re.split(split, answer.strip())
    elif isinstance(answer, pd.DataFrame):
        column = next((c for c in columns if c in answer.columns), None)
        if column is None:
            needs = " or ".join(f"'{c}'" for c in columns)
            raise TypeError(f"{what} (a table needs a {needs} column)" if columns else what)
        items = list(answer[column])
    elif isinstance(answer, Mapping) or not hasattr(answer, "__iter__"):
        raise TypeError(what)
    else:
        items = list(answer)
    if not all(isinstance(item, str) for item in items):
        raise TypeError(each or f"{what}, each one a string")
    return [item.strip() for item in items if item.strip()]


def whole_number(answer, example: str = "") -> int:
    """The answer as an int, or TypeError naming what was expected."""
    if isinstance(answer, bool) or not hasattr(answer, "__index__"):
        raise TypeError("a whole number" + (f", such as {example}" if example else ""))
    return int(answer)


def compare_sets(given: set, expected: set, right: str, missing_hint: str, extra_hint, allowed=frozenset()):
    """Compare a student's set of answers with the expected set.

    Returns ``(True, right)`` when they match (items in ``allowed`` may be
    given or not), else ``(False, message)``: how many were found, then
    ``missing_hint`` if some are missing and ``extra_hint`` (a str, or a
    function of the extra items) if some are not expected."""
    missing, extra = expected - given, given - expected - set(allowed)
    if not missing and not extra:
        return True, right
    parts = [f"You found {len(given & expected)} of {len(expected)}."]
    if missing:
        parts.append(missing_hint)
    if extra:
        parts.append(extra_hint(extra) if callable(extra_hint) else extra_hint)
    return False, " ".join(parts)

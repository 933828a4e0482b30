"""Helpers shared by the lessons' self-check questions."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

NOT_ANSWERED = "Not answered yet: replace the ... with your answer and run the cell again."


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

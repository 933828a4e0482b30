"""Self-checks for the exercise notebooks.

Each exercise ends with ``check("01.3", your_answer)``.  The check answers in
words: correct, not quite (with a hint), or "not answered yet" while the
answer is still the blank ``...``.  It never stops with a traceback: a
student who hands in the wrong kind of thing is told what kind of thing was
expected.

Expected answers are worked out from the course data when the check runs
(counts, longest sentence, ...) or read from ``data/keys/exercises_01.csv``
when they need a person's judgement (which agency a sentence names).
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

__all__ = ["check", "evaluate", "QUESTIONS"]

NOT_ANSWERED = "Not answered yet: replace the ... with your answer and run the cell again."


def _exercise_key(question: str) -> pd.DataFrame:
    from .tagging import load_key

    key = load_key("exercises_01")
    return key[key["question"] == question]


def _as_mapping(answer, what: str) -> dict:
    """Turn a dict, Series or two-column DataFrame into a dict."""
    if isinstance(answer, pd.DataFrame):
        if answer.shape[1] != 2:
            raise TypeError(f"a table with two columns ({what})")
        return dict(zip(answer.iloc[:, 0], answer.iloc[:, 1]))
    if isinstance(answer, pd.Series):
        return answer.to_dict()
    if isinstance(answer, Mapping):
        return dict(answer)
    raise TypeError(f"a dict or a pandas Series ({what})")


def _whole_number(answer, example: str = "") -> int:
    """The answer as an int, or TypeError naming what was expected."""
    if isinstance(answer, bool) or not hasattr(answer, "__index__"):
        raise TypeError("a whole number" + (f", such as {example}" if example else ""))
    return int(answer)


# --------------------------------------------------------------------------
# Lesson 00 (a practice question) and lesson 01


def _q00_1(answer):
    from .corpus import load_articles

    expected = len(load_articles())
    if _whole_number(answer, "5") == expected:
        return True, f"The course studies {expected} articles, A and B. That is how a self-check answers."
    return False, "Not quite. The table of articles above has one row per article."


def _q01_1(answer):
    from .corpus import article_sentences

    expected = article_sentences().groupby("article_id").size().to_dict()
    given = {str(k): int(v) for k, v in _as_mapping(answer, "article id → number of sentences").items()}
    if given == expected:
        return True, f"Article A has {expected['A']} sentences and article B has {expected['B']}."
    if set(given) != set(expected):
        return False, f"Give a count for each article: {', '.join(sorted(expected))}."
    return False, "The counts differ from the sentence table. Did you count rows per article_id?"


def _q01_2(answer):
    from .corpus import article_text, clean

    _, removed = clean(article_text("A", clean_text=False))
    expected = len(removed)
    if _whole_number(answer) == expected:
        return True, (f"clean() removed {expected} lines from article A: the publisher's note, "
                      "the newsletter prompts, the app banner and a stray comma.")
    return False, "Not quite. Look at the second thing clean() returns: one row per removed line."


def _q01_3(answer):
    from .corpus import article_sentences

    table = article_sentences(["B"])
    lengths = table["text"].str.len()
    longest = table.loc[lengths.idxmax()]
    if not isinstance(answer, str):
        raise TypeError("a sentence id such as 'B07' (a string)")
    if answer.strip() == longest["sentence_id"]:
        return True, f"{longest['sentence_id']} is the longest sentence of article B: {len(longest['text'])} characters."
    if answer.strip() not in set(table["sentence_id"]):
        return False, "That is not a sentence id of article B. Ids look like 'B07'."
    return False, "Not the longest one. Measure each sentence with .str.len() and look for the largest value."


def _q01_4(answer):
    from nltk import FreqDist

    from .corpus import article_text
    from .names import find_names

    people = find_names(article_text("A"))
    people = people[people["kind"] == "person"]
    counts = FreqDist(people["name"])
    (top, n), = counts.most_common(1)
    if not isinstance(answer, str):
        raise TypeError("a name (a string)")
    given = answer.strip().lower()
    if given == top.lower() or given in top.lower().split():
        return True, f"{top} is named most often in article A ({n} mentions), more than any source."
    by_lower = {name.lower(): name for name in counts}
    if given in by_lower:
        return False, (f"{answer} is named {counts[by_lower[given]]} times. Someone else is named more often. "
                       "Count people only (kind == 'person').")
    return False, "That name is not among the people in article A. Use find_names() and keep kind == 'person'."


def _q01_5(answer):
    key = _exercise_key("01.5")
    expected = {(row.item, row.answer) for row in key.itertuples()}
    mapping = _as_mapping(answer, "sentence id → agency")
    given = set()
    for sentence_id, agencies in mapping.items():
        if isinstance(agencies, str):
            agencies = [agencies]
        for agency in agencies:
            given.add((str(sentence_id).strip(), str(agency).strip()))
    # accept any capitalisation of the agency names
    canonical = {a.lower(): a for _, a in expected}
    given = {(s, canonical.get(a.lower(), a)) for s, a in given}
    found, missing, extra = given & expected, expected - given, given - expected
    if not missing and not extra:
        return True, (f"All {len(expected)} found. Note A05: it names no agency, only 'the news agency', "
                      "which the sentence before identifies as Interfax.")
    parts = [f"You found {len(found)} of {len(expected)}."]
    if missing:
        parts.append(f"{len(missing)} missing: look for spellings other than the usual ones, "
                     "and for an agency mentioned without its name.")
    if extra:
        sample = ", ".join(f"{s} → {a}" for s, a in sorted(extra)[:3])
        parts.append(f"{len(extra)} not in the key ({sample}). Khabar 24 is a TV channel, not a news agency.")
    return False, " ".join(parts)


QUESTIONS = {
    "00.1": _q00_1,
    "01.1": _q01_1,
    "01.2": _q01_2,
    "01.3": _q01_3,
    "01.4": _q01_4,
    "01.5": _q01_5,
}


def evaluate(question: str, answer) -> tuple[str, str]:
    """Return ``(status, message)`` for an answer.

    ``status`` is ``"correct"``, ``"incorrect"``, ``"not answered"`` or
    ``"unexpected"`` (the answer is the wrong kind of thing).
    """
    if question not in QUESTIONS:
        return "unexpected", f"There is no exercise '{question}'. Exercises are: {', '.join(QUESTIONS)}."
    if answer is ... or answer is None:
        return "not answered", NOT_ANSWERED
    try:
        ok, message = QUESTIONS[question](answer)
    except (TypeError, ValueError, AttributeError, KeyError) as problem:
        return "unexpected", f"This answer is the wrong kind of thing: the exercise expects {problem}."
    return ("correct" if ok else "incorrect"), message


def check(question: str, answer) -> None:
    """Print whether ``answer`` to exercise ``question`` is right, in words."""
    status, message = evaluate(question, answer)
    mark = {"correct": "✓ Correct.", "incorrect": "✗ Not yet.", "not answered": "…"}.get(status, "?")
    print(f"Exercise {question}: {mark} {message}")

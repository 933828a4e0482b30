"""Self-check questions 05.1-05.5 (lesson 05, "Check any article").

Every expected answer is worked out from the tools' own output when the
check runs, so the checks stay right if the tools improve.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ._common import answer_list, compare_sets, whole_number


def _report(article_id: str):
    from ..corpus import article_text
    from ..report import check_article

    return check_article(article_text(article_id), prefix=article_id)


def _q05_1(answer):
    expected = int(_report("B").attribution["source"].isna().sum())
    total = len(_report("B").attribution)
    given = whole_number(answer, "12")
    if given == expected:
        return True, f"{expected} of article B's {total} sentences name no source: the writer's own voice."
    return False, ("Not quite. Count the rows of report_b.attribution whose source is missing "
                   "(.isna().sum() counts them).")


def _words(answer) -> set[str]:
    """Words (a list; a string is one word or phrase) as a set, in lower case."""
    return {w.lower() for w in answer_list(answer, "a list of words, such as ['regime', 'rigged']", split=None,
                                           each="a list of words (strings)")}


def _q05_2(answer):
    loaded = _report("A").loaded
    expected = set(loaded.loc[loaded["voice"] == "own", "matched"].str.lower())
    # One answer across the course (lesson 03, question 03.2): “terrorism” in
    # A20 stands in the writer's sentence but inside “Allegations of”, so the
    # writer reports an accusation; the tool counts it as the writer's word.
    # Both answers are defended, so it may be listed or left out.
    optional = {"terrorism"} & expected
    expected -= optional
    given = _words(answer)
    ok, message = compare_sets(
        given, expected,
        right=(f"All {len(expected)} different words: {', '.join(sorted(expected))}. "
               "None is attributed to anyone; each is the writer's verdict."),
        missing_hint="Some are missing: keep only voice == 'own', and use the 'matched' column.",
        extra_hint=lambda extra: f"Not in the writer's own voice (or not loaded): {', '.join(sorted(extra))}.",
        allowed=optional)
    if ok and optional:
        message += (" The tool also marks “terrorism” (A20) as the writer's own. Listed or not, both are "
                    "defensible: it stands inside “Allegations of”, so the writer reports an accusation rather "
                    "than making it (lesson 03, question 03.2). A tool's label is a starting point, not a verdict.")
    return ok, message


@lru_cache(maxsize=1)  # 40 reports (about a second): a student may check 05.3 several times
def _practice_spin() -> dict[str, float]:
    from ..corpus import mixed_articles
    from ..report import check_article

    return {f"practice_{n:02d}.txt": check_article(text).figures["spin_per_1000_words"]
            for n, text in enumerate(mixed_articles(40, seed=5))}


def _q05_3(answer):
    if not isinstance(answer, str):
        raise TypeError("a file name (a string), such as 'practice_07.txt'")
    given = answer.strip()
    if given in ("article_B.txt", "article_A.txt"):
        return False, "Leave the two course articles out: the question asks about the practice texts."
    values = _practice_spin()
    if given not in values:
        return False, "That is not one of the practice files. Their names look like 'practice_07.txt'."
    top = max(values.values())
    if values[given] == top:
        return True, (f"{given} has {top:g} likely swaps per 1,000 words, the most of the practice texts: "
                      "it must have drawn many sentences from article B.")
    return False, (f"{given} has {values[given]:g} per 1,000 words; another practice file has more. "
                   "Sort the table by spin_per_1000_words.")


def _q05_4(answer):
    from ..attribution import attribute

    if not isinstance(answer, str):
        raise TypeError("a sentence (a string)")
    try:
        rows = attribute(answer)
    except ValueError as problem:
        return False, f"check_article could not read it: {problem}"
    if len(rows) != 1:
        return False, f"Write one sentence; this is {len(rows)}."
    source = rows["source"].iloc[0]
    if source is None:
        return False, ("The extractor finds no source in it. Use a cue it knows, such as 'said' or "
                       "'according to', next to 'the mayor'.")
    if "mayor" not in str(source).lower():
        return False, f"The extractor gives the source as {source!r}, not the mayor. What made it choose that?"
    return True, (f"The source is {source!r}, with the cue {rows['cue'].iloc[0]!r} "
                  f"({rows['kind'].iloc[0]} speech).")


def _q05_5(answer):
    a, b = _report("A").table().astype(float), _report("B").table().astype(float)
    change = ((b - a).abs() / a.abs().where(a != 0)).dropna()
    expected = change.idxmax()
    if not isinstance(answer, str):
        raise TypeError("the name of a row of report.table(), such as 'words'")
    given = answer.strip()
    if given == expected:
        return True, (f"{expected}: article B's value is {change[expected] + 1:.0f} times article A's. "
                      "The spinner's rare swaps are what sets B apart.")
    if given not in change.index:
        return False, f"That is not a row of report.table(). The rows are: {', '.join(change.index)}."
    return False, (f"{given} changes by {100 * change[given]:.0f}% of A's value; another row changes more. "
                   "Divide the absolute difference by A's value.")



# --------------------------------------------------------------------------
# 05.T Trace to the origin: when did Tokayev take office?


#: Month names and their short forms: "March", "Mar", "Mar." all give 3.
_MONTHS = {name: number for number, names in enumerate(
    [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
     ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"),
     ("november", "nov"), ("december", "dec")], start=1) for name in names}


def _month_year(text: str) -> tuple[int | None, int | None]:
    """The month (1-12) and year a student wrote, each ``None`` if absent:
    "March 2019", "20 march 2019", "Mar 2019", "03/2019", "3.2019",
    "20/03/2019", "2019-03-20", "2019-03"."""
    text = text.strip().lower()
    year = re.search(r"(?<!\d)(\d{4})(?!\d)", text)
    year = int(year.group(1)) if year else None
    for word in re.findall(r"[a-z]+", text):
        if word in _MONTHS:
            return _MONTHS[word], year
    numbers = re.fullmatch(r"\s*(?:(\d{1,2})[/.\-])?(\d{1,2})[/.\-](\d{4})\s*", text)  # [day/]month/year
    if numbers:
        return int(numbers.group(2)), year
    numbers = re.fullmatch(r"\s*(\d{4})[/.\-](\d{1,2})(?:[/.\-]\d{1,2})?\s*", text)  # year-month[-day]
    if numbers:
        return int(numbers.group(2)), year
    return None, year


def _q05_t(answer):
    """Month and year on their own: a right part is said to be right."""
    if not isinstance(answer, str):
        raise TypeError("a month and year in quotation marks, such as \"June 2019\"")
    month, year = _month_year(answer)
    reveal = " Now run the next cell: reveal('L10') shows a report from the day he was sworn in."
    if month == 3 and year == 2019:
        return True, ("Right: he was sworn in on Wednesday 20 March 2019, the day after Nazarbayev resigned; "
                      "A31's “June 2019” is wrong." + reveal)
    recorded = f"Your prediction is recorded ({answer.strip()})."
    if month == 6 and year in (2019, None):
        return False, recorded + " You trusted the text. Check it." + reveal
    if month == 3:
        return False, recorded + " The month, March, matches the sources; which year?" + reveal
    if year == 2019:
        return False, recorded + " The year, 2019, matches the sources." + reveal
    return False, recorded + reveal


QUESTIONS = {
    "05.1": _q05_1,
    "05.2": _q05_2,
    "05.3": _q05_3,
    "05.4": _q05_4,
    "05.5": _q05_5,
    "05.T": _q05_t,
}

"""Self-check questions 00.1 (the practice question) and 01.1-01.5."""

from __future__ import annotations

from ._common import as_mapping, compare_sets, exercise_key, whole_number


def _exercise_key(question):
    return exercise_key("exercises_01", question)


# --------------------------------------------------------------------------
# Lesson 00 (a practice question) and lesson 01


def _q00_1(answer):
    from ..corpus import load_articles

    expected = len(load_articles())
    if isinstance(answer, str):
        typed = answer.strip()
        if typed.isdigit():  # "2": the right idea, typed as text
            raise TypeError(f'a number without quotes. "{typed}" in quotes is text: write {typed}, with no '
                            "quotes, and run both cells again")
        raise TypeError(f'a number written in digits, with no quotes, such as 5. "{typed}" in quotes is text')
    if isinstance(answer, float) and answer.is_integer():
        raise TypeError(f"a whole number, with no decimal point: write {int(answer)}, not {answer}")
    if whole_number(answer, "5") == expected:
        return True, f"The course studies {expected} articles, A and B. That is how a self-check answers."
    return False, "The table of articles above has one row per article: count its rows."


def _q01_1(answer):
    from ..corpus import article_sentences

    expected = article_sentences().groupby("article_id").size().to_dict()
    given = {str(k): int(v) for k, v in as_mapping(answer, "article id → number of sentences").items()}
    if given == expected:
        return True, f"Article A has {expected['A']} sentences and article B has {expected['B']}."
    if set(given) != set(expected):
        return False, f"Give a count for each article: {', '.join(sorted(expected))}."
    return False, "The counts differ from the sentence table. Did you count rows per article_id?"


def _q01_2(answer):
    from ..corpus import article_text, clean

    _, removed = clean(article_text("A", clean_text=False))
    expected = len(removed)
    if whole_number(answer) == expected:
        return True, (f"clean() removed {expected} lines from article A: the publisher's note, "
                      "the newsletter prompts, the app banner and a stray comma.")
    return False, "Not quite. Look at the second thing clean() returns: one row per removed line."


def _q01_3(answer):
    from ..corpus import article_sentences

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

    from ..corpus import article_text
    from ..names import find_names

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
    mapping = as_mapping(answer, "sentence id → agency")
    given = set()
    for sentence_id, agencies in mapping.items():
        if isinstance(agencies, str):
            agencies = [agencies]
        for agency in agencies:
            given.add((str(sentence_id).strip(), str(agency).strip()))
    # accept any capitalisation of the agency names
    canonical = {a.lower(): a for _, a in expected}
    given = {(s, canonical.get(a.lower(), a)) for s, a in given}
    return compare_sets(
        given, expected,
        right=(f"All {len(expected)} found. Note A05: it names no agency, only 'the news agency', "
               "which the sentence before identifies as Interfax."),
        missing_hint=(f"{len(expected - given)} missing: look for spellings other than the usual ones, "
                      "and for an agency mentioned without its name."),
        extra_hint=lambda extra: (f"{len(extra)} not in the key ("
                                  + ", ".join(f"{s} → {a}" for s, a in sorted(extra)[:3])
                                  + "). Khabar 24 is a TV channel, not a news agency."))


# --------------------------------------------------------------------------
# 01.T Trace to the origin: who gave the 12, and for where?


def _q01_t(answer):
    given = as_mapping(answer, "{'who': ..., 'area': ...}")
    who = str(given.get("who", "")).strip().lower()
    area = str(given.get("area", "")).strip().lower()
    if not who or not area:
        raise TypeError('both blanks filled in: who = "..." and area = "...", each in quotes')
    # the lesson's reveal is a few cells further down, under this heading
    reveal = " The reveal further down, under 'Back to your prediction', shows who gave the 12 and for where."
    right_who, right_area = "commandant" in who, "almaty" in area and "country" not in area
    if right_who and right_area:
        return True, ("Your prediction matches the record: Khabar 24 was citing the Almaty city commandant's "
                      "office, and its 12 counted Almaty only; the 18 in B was the interior ministry's count for "
                      "the whole country. The reveal further down, under 'Back to your prediction', shows the "
                      "public copies that say so.")
    # a prediction gets no verdict on the part that missed: the reveal shows it
    parts = [f"Your prediction is recorded: {given.get('who')} / {given.get('area')}."]
    if right_who:
        parts.append("Your 'who' matches the record.")
    if right_area:
        parts.append("Your 'area' matches the record.")
    return False, " ".join(parts) + reveal


QUESTIONS = {
    "00.1": _q00_1,
    "01.1": _q01_1,
    "01.2": _q01_2,
    "01.3": _q01_3,
    "01.4": _q01_4,
    "01.5": _q01_5,
    "01.T": _q01_t,
}

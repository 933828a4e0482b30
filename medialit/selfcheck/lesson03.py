"""Self-check questions 03.1-03.5 (lesson 03, "Loaded words").

Expected answers come from ``data/keys/exercises_03.csv`` (03.1, 03.2, 03.3,
03.5), so a corrected key corrects the check too.  Words are compared as
lexicon terms: "counter-terrorism operations" counts as the term
"counter-terrorist operation", and "peacekeeper" as "peacekeepers".
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from ..words import normalise_answer
from ._common import PHRASES, answer_list, as_mapping, compare_sets, exercise_key


def _key(question: str) -> pd.DataFrame:
    return exercise_key("exercises_03", question)


def _words(answer, what: str) -> list[str]:
    """Words or phrases: a list, a string cut at commas, or a find_loaded() table."""
    return answer_list(answer, what, split=PHRASES, columns=("term", "matched"), each=f"{what}, each a string")


def _term(word: str) -> str:
    """The lexicon term for a word, or the word itself in lower case."""
    from ..loaded import term_for

    return term_for(word) or " ".join(word.lower().split())


# --------------------------------------------------------------------------


def _q03_1(answer):
    key = _key("03.1")
    expected: dict[str, set[str]] = {}
    for row in key.itertuples():
        expected.setdefault(row.speaker, set()).update(_term(w) for w in row.answer.split("|"))
    given_raw = as_mapping(answer, "ministry → list of words")
    given: dict[str, set[str]] = {}
    for ministry, words in given_raw.items():
        name = str(ministry).lower()
        match = [m for m in expected if m.split("’")[0].lower()[:6] in name]
        if len(match) != 1:
            return False, (f"Which ministry is {ministry!r}? Use two keys, one for Kazakhstan's foreign ministry "
                           "and one for Russia's.")
        given.setdefault(match[0], set()).update(_term(w) for w in _words(words, "a list of words"))
    if given == expected:
        return True, ("Kazakhstan's ministry speaks of “armed incursions” by “terrorist groups trained abroad”; "
                      "Russia's of “armed formations” and “counter-terrorism operations”. Every one of them is "
                      "quoted: the writer lets the ministries' words stand in quotation marks.")
    parts = []
    for ministry, words in expected.items():
        mine = given.get(ministry, set())
        found, extra = mine & words, mine - words
        part = f"{ministry}: {len(found)} of {len(words)}"
        if extra:
            part += f", and {len(extra)} not theirs ({', '.join(sorted(extra))})"
        parts.append(part)
    return False, ("; ".join(parts) + ". Filter find_loaded()'s table by speaker, and keep the loaded words "
                   "(category not 'neutral').")


def _q03_2(answer):
    key = _key("03.2")
    expected = {_term(w) for a in key["answer"] for w in a.split("|")}
    optional = {_term("terrorism")}  # "Allegations of terrorism": reported, not the writer's label
    given = {_term(w) for w in _words(answer, "a list of words, such as ['regime', ...]")}
    missing, extra = expected - given, given - expected - optional
    if not missing and not extra:
        note = (" You also listed “terrorism” (A20): the writer's sentence, but inside “Allegations of”, "
                "so it reports an accusation rather than adopting the label." if given & optional else "")
        return True, (f"All {len(expected)} found: {', '.join(sorted(expected))}. None has a source: these "
                      "verdicts are the wire writer's own." + note)
    parts = [f"You found {len(expected & given)} of {len(expected)}."]
    if missing:
        parts.append(f"{len(missing)} missing: look at the last third of article A, where no one is cited.")
    if extra:
        parts.append(f"Not in the writer's own voice (or not loaded): {', '.join(sorted(extra))}. "
                     "Keep the rows whose voice is 'own' and whose category is not 'neutral'.")
    return False, " ".join(parts)


def _q03_3(answer):
    from ..loaded import load_lexicon

    key = _key("03.3")
    mapping = {_term(str(k)): v for k, v in as_mapping(answer, "word → neutral alternative").items()}
    expected = {}
    for row in key.itertuples():
        word = re.search(r"For “([^”]+)”", row.rationale).group(1)
        expected[_term(word)] = (word, {normalise_answer(a) for a in row.answer.split("|")})
    missing = [word for term, (word, _) in expected.items() if term not in mapping]
    if missing:
        return False, f"Give an alternative for each of the five words; missing: {', '.join(missing)}."
    categories = dict(zip(load_lexicon()["term"], load_lexicon()["category"]))
    problems = []
    for term, (word, accepted) in expected.items():
        alternative = mapping[term]
        if not isinstance(alternative, str) or not alternative.strip():
            problems.append(f"“{word}”: write a word or a few words")
            continue
        if normalise_answer(alternative) in accepted:
            continue
        as_term = _term(alternative)
        if categories.get(as_term, "neutral") != "neutral":
            problems.append(f"“{alternative}” for “{word}” is itself in the lexicon ({categories[as_term]})")
        else:
            problems.append(f"“{alternative}” for “{word}” is not among the key's answers (it may still be fine: "
                            f"compare with the lexicon's neutral column: {sorted(accepted)[0]!r} …)")
    if not problems:
        return True, ("All five are neutral. Note what each swap removes: a verdict on motive (attackers), "
                      "a hidden killing (eliminated), a charge of lying (disinformation), scale (insurrection), "
                      "and a pirate the spinner invented (Buccaneers).")
    return False, "; ".join(problems) + "."


def _q03_4(answer):
    from ..loaded import OUTPUT_COLUMNS, load_lexicon

    if not isinstance(answer, pd.DataFrame):
        raise TypeError("the table find_loaded() returns, run with your own lexicon")
    missing = [c for c in OUTPUT_COLUMNS if c not in answer.columns]
    if missing:
        return False, f"This does not look like find_loaded()'s table: it lacks {', '.join(missing)}."
    known = set(load_lexicon()["term"])
    new = answer[~answer["term"].isin(known) & (answer["category"] != "scare-quoted label")]
    if new.empty:
        return False, ("Every word found is already in the course lexicon. Add a row for a new word to your copy "
                       "of the lexicon, then run find_loaded(text, lexicon=your_copy) again.")
    first = new.iloc[0]
    return True, (f"Your lexicon found {len(new)} occurrence(s) the course lexicon misses, e.g. "
                  f"“{first['matched']}” ({first['category']}, voice: {first['voice']}). "
                  "A lexicon is a list of choices someone made: yours is now part of it.")


def _q03_5(answer):
    key = _key("03.5")
    expected = set(key["item_id"])
    optional = {"A18"}  # "describing the incidents as": the ministry's own description, quoted
    if isinstance(answer, Mapping):
        answer = list(answer)
    ids = {i.upper() for i in _words(answer, "a list of sentence ids, such as ['A11', ...]")}
    if not all(re.fullmatch(r"[AB]\d{2,}", i) for i in ids):
        return False, "Give sentence ids, such as 'A11' or 'B15'."
    note = (" A18 (“describing the incidents as”) is a near relative: there the ministry describes, "
            "in its own quoted words." if "A18" in ids else "")
    return compare_sets(
        ids, expected, allowed=optional,
        right=("All four: “what he describes as” (A11), “whom the organization described as” (A13), "
               "“what she described as” (A21), “what he called” (B15). Each hands a label back to its "
               "owner instead of adopting it." + note),
        missing_hint="Look for 'what … described as', 'what he called' and 'whom … described as' in both articles.",
        extra_hint=lambda extra: f"{', '.join(sorted(extra))}: no such clause there.")


# --------------------------------------------------------------------------
# 03.T Trace to the origin: whose word is "attackers" in A02?


def _q03_t(answer):
    if not isinstance(answer, str):
        raise TypeError("one name, such as 'TASS', 'the police' or 'the writer'")
    given = answer.strip().lower()
    reveal = " Now run the next cell: reveal('L01', 'L30') shows AP's copy of the statement and the BBC's rule."
    if "police" in given or "azirbek" in given or "spokes" in given:
        # short: the reveal and the text under it give the evidence and why the key says contested
        return True, "Right: the police's word, which TASS passed on." + reveal
    # "your prediction", not "recorded": the feedback is about the prediction (check() records it quietly)
    return False, (f"Your prediction: {answer.strip()}. A02 names TASS, but who chose the word?"
                   + reveal)


QUESTIONS = {
    "03.1": _q03_1,
    "03.2": _q03_2,
    "03.3": _q03_3,
    "03.4": _q03_4,
    "03.5": _q03_5,
    "03.T": _q03_t,
}

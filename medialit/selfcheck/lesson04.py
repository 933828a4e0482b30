"""Self-check questions 04.1-04.6 (lesson 04, spun text), and the lesson's two predictions, 04.T and 04.P.

Every expected answer is worked out from the course data when the check
runs (the spin map, the texts, medialit.readability and medialit.spin), so
the checks stay true if the data are corrected.
"""

from __future__ import annotations

import math
import re

from ._common import answer_list, as_mapping, compare_sets


def _words_given(answer, example: str) -> set[str]:
    """Words or sentence ids (a list, or a string such as "B10, B25") as a set, in lower case."""
    return {w.lower() for w in answer_list(answer, f"a list of words, such as {example}",
                                           each=f"a list of words (strings), such as {example}")}


def _number(answer, example: str) -> float:
    if isinstance(answer, bool) or not isinstance(answer, (int, float)) and not hasattr(answer, "__float__"):
        raise TypeError(f"a number, such as {example}")
    try:
        value = float(answer)
    except OverflowError:  # a whole number too big for a float (10**400): just very large
        value = math.inf if answer > 0 else -math.inf
    if math.isnan(value):
        raise TypeError(f"a number, such as {example}")
    return value


# --------------------------------------------------------------------------
# 04.1 Words wordfreq has never seen


def unknown_words_b() -> set[str]:
    """Lower-case words of article B with Zipf 0, names (capitalised) left out."""
    from ..corpus import article_text
    from ..readability import rare_words

    table = rare_words(article_text("B"))
    return set(table.loc[(table["zipf"] == 0) & ~table["capitalised"], "word"].str.lower())


def _q04_1(answer):
    expected = unknown_words_b()
    given = _words_given(answer, "['bestrew', 'fleetly']")
    return compare_sets(
        given, expected,
        right=(f"All {len(expected)}: {', '.join(sorted(expected))}. Two of them are not even words: "
               "“ofex” and “theex” are spaces lost before “ex-”."),
        missing_hint="Some are missing: keep the rows of rare_words() whose zipf is 0 and that are not capitalised.",
        extra_hint=lambda extra: (f"Not in the list: {', '.join(sorted(extra)[:4])} "
                                  "(a name, or a word wordfreq does know?)."))


# --------------------------------------------------------------------------
# 04.2 Broken attributions


def _q04_2(answer):
    from ..spin import spin_map

    table = spin_map()
    expected = set(table.loc[table["kind"] == "attribution broken", "sentence_id"])
    given = {s.upper() for s in _words_given(answer, "['B01', 'B02']")}
    if given == expected:
        return True, (f"{', '.join(sorted(expected))}: Reuters' journalists became “intelligencers”, witnesses "
                      "became “substantiations”, and the State Department's spokesman a “prophet”.")
    if not given <= set(table["sentence_id"]):
        return False, "Give sentence ids of article B that appear in the spin map, like 'B10'."
    return False, (f"You gave {len(given)} sentence(s); the spin map has {len(expected)} with kind "
                   "'attribution broken'. Filter spin_map() on the kind column.")


# --------------------------------------------------------------------------
# 04.3 Which measure changes most?


def biggest_change() -> tuple[str, float]:
    """The measure whose value changes most, in per cent, from spun B to restored B."""
    from ..corpus import article_text
    from ..readability import compare
    from ..spin import restore

    spun = article_text("B")
    table = compare(spun, restore(spun), labels=("spun", "restored"))
    change = table["change %"].abs().dropna()
    return change.idxmax(), float(table.loc[change.idxmax(), "change %"])


def _q04_3(answer):
    if not isinstance(answer, str):
        raise TypeError("the name of a measure (a string), such as 'Gunning fog'")
    measure, change = biggest_change()
    from ..readability import METRICS

    given = answer.strip().lower().replace("-", "–")
    if given == measure.lower():
        return True, (f"“{measure}” changes by {change:+.1f} %: restoring about halves the rare words, "
                      "while the formulas move far less (Flesch the most, because it weighs syllables heavily).")
    if given not in {m.lower() for m in METRICS}:
        return False, f"That is not one of the measures. They are: {', '.join(METRICS)}."
    return False, "Not the biggest change. Sort the compare() table by the absolute value of 'change %'."


# --------------------------------------------------------------------------
# 04.4 Restore a sentence by hand


def _q04_4(answer):
    from ..spin import spin_map

    if not isinstance(answer, str) or not answer.strip():
        raise TypeError("the sentence, rewritten, as a string")
    table = spin_map()
    rows = table[table["sentence_id"] == "B13"]
    text = answer.lower()
    still_spun = [p for p in rows["phrase"] if p.lower() in text]
    restored = [o for o in rows["likely_original"] if o.lower() in text]
    if still_spun:
        return False, f"Still spun: {', '.join(still_spun)}. Look for the phrase each one breaks."
    if len(restored) == len(rows):
        return True, (f"That matches the originals in the spin map: {', '.join(rows['likely_original'])}. "
                      + _status_note(rows) + " Check the evidence column for why.")
    missing = rows[[o.lower() not in text for o in rows["likely_original"]]]
    known = [o for o, s in zip(missing["likely_original"], missing["original_status"]) if s == "attested"]
    guessed = [o for o, s in zip(missing["likely_original"], missing["original_status"]) if s != "attested"]
    parts = [f"No spun phrase is left, and {len(restored)} of {len(rows)} of the spin map's originals are there."]
    if known:
        parts.append(f"Not yet: {', '.join(known)}. These are attested: a public copy of the Reuters wire has "
                     "them (spin_map()'s source column names the excerpt in data/lateral/sources.csv).")
    if guessed:
        parts.append(f"Also different: {', '.join(guessed)}. Those originals are inferred, not known, so "
                     "yours may be just as good: compare it with the evidence.")
    return False, " ".join(parts)


def _status_note(rows) -> str:
    attested = int((rows["original_status"] == "attested").sum())
    if attested == len(rows):
        return ("All of them are attested: the Reuters wire itself says “it was unprecedented in a country ruled "
                "firmly … He has held on to power despite stepping down three years ago as president” "
                "(Reuters video text on Yahoo News Malaysia, 6 January 2022).")  # data/lateral/sources.csv L13
    return f"{attested} of them are attested by a public copy of the wire; the rest are inferred."


# --------------------------------------------------------------------------
# 04.5 Spin article A and measure it


def spun_rare_change(seed: int = 4) -> float:
    """Rare words per 1,000 in article A spun with ``spin(seed=seed, rate=0.5)``,
    minus the same in article A."""
    from ..corpus import article_text
    from ..readability import compare
    from ..spin import spin

    original = article_text("A")
    return float(compare(original, spin(original, seed=seed, rate=0.5)).loc["rare words per 1,000", "difference"])


def _q04_5(answer):
    expected = spun_rare_change()
    value = _number(answer, "12.5")
    if abs(value - expected) <= 0.15:
        return True, (f"Spinning adds about {expected:.0f} rare words per 1,000: the same fingerprint you "
                      "measured in article B.")
    if abs(value + expected) <= 0.15:
        return False, "The right size but the wrong sign: take spun minus original."
    return False, "Not quite. Use spin(article_text('A'), seed=4, rate=0.5) and compare() with the original."


# --------------------------------------------------------------------------
# 04.6 How much of the spinning does find_spin see?


def detection_rates(seed: int = 7) -> dict[str, float]:
    """Share of the toy spinner's swaps in article A that find_spin(known=False)
    flags, for choose='rarest' and choose='commonest'."""
    from ..corpus import article_text
    from ..spin_eval import spinner_detection

    table = spinner_detection(article_text("A"), seed=seed, rate=0.5, choices=("rarest", "commonest"))
    return {choose: round(row["found by find_spin"] / row["words swapped"], 2) for choose, row in table.iterrows()}


def _q04_6(answer):
    expected = detection_rates()
    given = {str(k).strip().lower(): v for k, v in as_mapping(answer, "choice → share found").items()}
    if set(given) != set(expected):
        return False, "Give one share for each spinner setting: {'rarest': ..., 'commonest': ...}."
    values = {k: _number(v, "0.5") for k, v in given.items()}
    if any(v > 1 for v in values.values()):
        values = {k: v / 100 for k, v in values.items()}  # given in per cent
    if all(abs(values[k] - expected[k]) <= 0.02 for k in expected):
        return True, (f"find_spin flags {expected['rarest']:.0%} of the 'rarest' swaps but only "
                      f"{expected['commonest']:.0%} of the 'commonest': a spinner that picks common synonyms "
                      "leaves few rare words behind: rarity sees little of it, and what it sees comes from a "
                      "thesaurus link to a far commoner word.")
    return False, ("Not quite. For each setting: spin(..., table=True) gives the swaps; count the swaps that "
                   "overlap a row of find_spin(spun, known=False), and divide by the number of swaps.")



# --------------------------------------------------------------------------
# 04.T Trace to the origin: B03's "two plants guillotined" and B04's lost figure


def _q04_t_given(answer) -> tuple[str, str]:
    """B03's words and B04's size from two strings (a list or tuple, the
    lesson's ``[b03_wire_words, b04_figure]``) or a dict with keys B03 and B04."""
    if isinstance(answer, (list, tuple)):
        if len(answer) != 2 or not all(isinstance(a, str) for a in answer):
            raise TypeError("two answers in quotation marks: what the wire said for B03, and "
                            "\"dozens\", \"hundreds\" or \"thousands\" for B04")
        return answer[0].strip().lower(), answer[1].strip().lower()
    given = {str(k).strip().upper(): str(v).strip().lower()
             for k, v in as_mapping(answer, "{'B03': ..., 'B04': ...}").items()}
    if set(given) != {"B03", "B04"}:
        raise TypeError("a dict with two keys, such as {'B03': 'two found dead', 'B04': 'hundreds'}")
    return given["B03"], given["B04"]


#: B03's wire words are "two found decapitated": "found" read as founding a
#: factory gave "plants", and "decapitated" became "guillotined".
_B03_EXACT = ("found", ("decapitated", "beheaded"))
#: Words that get the sense (beheaded) without "found": the right meaning.
_B03_SENSE = ("decapitat", "behead", "head cut", "heads cut", "heads off", "head off")
#: B04's size: the wire says "More than 2,000" (TASS: 2,298 detained).
_B04_WORDS = {"thousands", "thousand", "several thousand", "over two thousand", "more than two thousand"}


def _b04_size(b04: str) -> str:
    """"right", "smaller" (the student's figure is too small) or "unclear"."""
    if b04 in _B04_WORDS:
        return "right"
    if b04 in {"dozens", "dozen", "hundreds", "hundred", "tens", "a few", "few"}:
        return "smaller"
    digits = re.sub(r"[^\d]", "", b04.split(".")[0])
    if digits:
        number = int(digits)
        if 2000 <= number < 10000:
            return "right"
        if number < 2000:
            return "smaller"
    return "unclear"


def _q04_t(answer):
    """Each part on its own: B03 (the wire's words, or the right meaning) and
    B04 (the size of the lost figure).  The wire's own wording is left to the
    reveal; a part that is right is said to be right."""
    b03, b04 = _q04_t_given(answer)
    reveal = " Run the reveal two cells below, reveal('L12'): it shows the Reuters wire."
    exact = _B03_EXACT[0] in b03 and any(w in b03 for w in _B03_EXACT[1])
    size = _b04_size(b04)
    if exact and size == "right":
        return True, "Well predicted. Both parts match the wire, even the word the spinner misread." + reveal
    parts = [f"Your prediction is recorded: B03 “{b03}”, B04 “{b04}”."]
    if exact:
        parts.append("B03 ✓ the wire's words, even the one the spinner misread.")
    elif any(w in b03 for w in _B03_SENSE):
        parts.append("B03: you have the right meaning. One word of the wire nobody could guess: the one the "
                     "spinner misread as “plants”. The reveal shows it.")
    else:
        parts.append("B03: think of “plants” as a swap on the wrong sense of another word; the reveal shows it.")
    if size == "right":
        parts.append(f"B04 ✓ “{b04}” is the right size.")
    elif size == "smaller":
        parts.append("B04: the figure was bigger than that.")
    else:
        parts.append("B04: compare your figure with the reveal.")
    return False, " ".join(parts) + reveal


# --------------------------------------------------------------------------
# 04.P Predict the measure: how far will Flesch reading ease move?


#: The three bands the lesson offers (letter: words); :func:`_flesch_band` draws them.
_FLESCH_BANDS = {"a": "less than 10 points", "b": "10 to 30 points", "c": "more than 30 points"}


def flesch_change() -> tuple[float, float, float]:
    """Flesch reading ease of spun B, of restored B, and the change (restored minus spun)."""
    from ..corpus import article_text
    from ..readability import compare
    from ..spin import restore

    spun = article_text("B")
    row = compare(spun, restore(spun), labels=("spun", "restored")).loc["Flesch reading ease"]
    return float(row["spun"]), float(row["restored"]), float(row["difference"])


def _flesch_band(points: float) -> str:
    """The letter of the band that a change of ``points`` (either sign) falls in:
    less than 10 is "a", 10 to 30 "b", more than 30 "c"."""
    size = abs(points)
    return "a" if size < 10 else "b" if size <= 30 else "c"


def _q04_p(answer):
    """A prediction (no verdict when it differs): the band of Flesch's change
    when B is restored, as a letter."""
    from .choices import letter

    given = letter(answer, sorted(_FLESCH_BANDS))
    words = _FLESCH_BANDS
    if given not in words:
        raise TypeError('one of the letters "a", "b" or "c", in quotation marks')
    spun, restored, change = flesch_change()
    measured = (f"Flesch reading ease goes from {spun:.1f} to {restored:.1f}: {abs(change):.1f} points "
                f"on a 100-point scale (the table below).")
    right = _flesch_band(change)
    if given == right:
        return True, f"({given}) {words[given]}. {measured}"
    return False, f"Your prediction is recorded: ({given}) {words[given]}. {measured}"


QUESTIONS = {
    "04.1": _q04_1,
    "04.2": _q04_2,
    "04.3": _q04_3,
    "04.4": _q04_4,
    "04.5": _q04_5,
    "04.6": _q04_6,
    "04.T": _q04_t,
    "04.P": _q04_p,
}

"""Self-check questions 02.1-02.7 (lesson 02, "Who says so?").

Expected answers are read from the answer keys when the check runs
(``data/keys/attribution.csv``, ``claims_02.csv``, ``attribution_heldout.csv``
and ``data/lexicons/source_types.csv``), so a corrected key corrects the
check too.
"""

from __future__ import annotations

import re

from ._common import TypingHint, answer_list, as_mapping, whole_number


def _ids(answer) -> set[str]:
    """Sentence ids (a list, a string such as "A03, A04", or a table with a
    sentence_id column) as a set, in capitals."""
    return {i.upper() for i in answer_list(answer, "a list of sentence ids such as ['A03', 'A04']",
                                           columns=("sentence_id",))}


def _attribution_key():
    from ..attribution import load_attribution_key

    return load_attribution_key()


def _claims_key():
    from ..corpus import load_key

    return load_key("claims_02")


def _q02_1(answer):
    from ..attribution import load_source_types

    types = dict(zip(*[load_source_types()[c] for c in ("source", "source_type")]))
    key = _attribution_key()
    key = key[key["article_id"] == "A"]
    expected = {sid for sid, chain in zip(key["sentence_id"], key["chain"])
                if any(types.get(s) == "state media" for s in chain)}
    given = _ids(answer)
    if given == expected:
        return True, (f"{', '.join(sorted(expected))}: the police spokesperson's words and the state-media "
                      "figures reached the wire only through TASS or Interfax.")
    if given < expected:
        return False, (f"{len(given)} of {len(expected)} found. Look at the whole chain, not only the "
                       "source: a state channel can be a hand-off in the middle.")
    return False, ("Some of these do not pass through state media. Keep the sentences whose chain has a "
                   "source of type 'state media' in data/lexicons/source_types.csv.")


def _q02_2(answer):
    from ..attribution import parse_chain

    key = _attribution_key().set_index("sentence_id")
    expected = list(key.loc["A03", "chain"])
    if isinstance(answer, str):
        answer = parse_chain(answer)
    if not isinstance(answer, (list, tuple)) or not all(isinstance(a, str) for a in answer):
        raise TypeError("a list of names, first speaker first, e.g. ['first speaker', 'second', 'third']")
    given = [a.strip().lower() for a in answer]
    wanted = [e.lower() for e in expected]
    if given == wanted:
        return True, (f"{' > '.join(expected)}: the spokesperson spoke on state TV, TASS reported the "
                      "broadcast, and a wire feed carried TASS's story to Mint.")
    if given == wanted[::-1]:
        return False, "The right names in the wrong order: start with the person who spoke first."
    if set(given) < set(wanted):
        return False, f"{len(given)} of the {len(wanted)} links. Who spoke, on what, according to whom?"
    return False, ("Not quite. Read A03 for 'said', 'on' and 'according to'; check the spelling of the "
                   "spokesperson's name exactly as written in the article.")


def _q02_3(answer):
    key = _claims_key()
    expected = set(key.loc[key["source"].str.strip() == "", "sentence_id"])
    given = _ids(answer)
    if given == expected:
        return True, (f"{', '.join(sorted(expected))}: A's headline gives “Dozens killed” with no source, and B's "
                      "arrest figure has lost both its number and its source.")
    missing, extra = expected - given, given - expected
    parts = []
    if missing:
        parts.append(f"{len(missing)} missing: look in both articles, headlines included.")
    if extra:
        parts.append(f"{', '.join(sorted(extra))} name a source (look for 'said', 'reported', 'according to').")
    return False, " ".join(parts)


def _number(text: str) -> int | None:
    digits = re.search(r"\d[\d,]*", text)
    return int(digits.group(0).replace(",", "")) if digits else None


def _q02_4(answer):
    key = _claims_key()
    rows = key[key["topic"] == "security forces killed"]
    expected = {a: _number(f) for a, f in zip(rows["article_id"], rows["figure"])}
    given = as_mapping(answer, "article id → number of security-force deaths")
    given = {str(k).strip().upper(): v for k, v in given.items()}
    if set(given) != set(expected):
        return False, f"Give one number for each article: {', '.join(sorted(expected))}."
    given = {k: whole_number(v, "12") for k, v in given.items()}
    if given == expected:
        return True, (f"A: {expected['A']} (Khabar 24 via Interfax); B: at least {expected['B']} (“the "
                      "authorities”). Different sources and, probably, different times: that is not proof that "
                      "either is wrong. Public copies show one more reason the texts hide: different places. "
                      "The 12 was the Almaty city commandant's office's count for Almaty, the 18 the interior "
                      "ministry's for the whole country (AP via ABC News Australia, Panorama.am and TASS, all "
                      "6 January 2022).")  # data/lateral/sources.csv L03, L04, L05
    return False, ("Not quite. Look in the claim ledger for the security forces (A04 and B03); in B the verb is "
                   "spun (“had failed”).")


def _q02_5(answer):
    from ..attribution import compare_with_key

    comparison = compare_with_key()
    fields = [c for c in comparison.columns if c.startswith("ok_")]
    expected = set(comparison.loc[~comparison[fields].all(axis=1), "sentence_id"])
    given = _ids(answer)
    if given == expected:
        return True, (f"{', '.join(sorted(expected))}: now read the key's rationale beside the extractor's "
                      "answer. A rule-based extractor fails in ways you can explain, which is why it is checked.")
    return False, ("Not quite. Filter compare_with_key() for rows where any ok_ column is False.")


def _q02_6(answer):
    from ..corpus import load_key

    key = load_key("attribution_heldout").set_index("item_id")
    expected = key.loc["H04", "source_type"]
    if not isinstance(answer, str):
        raise TypeError("a source type (a string), such as 'news agency'")
    given = answer.strip().lower()
    if given == expected:
        return True, (f"With the new row the interior ministry is a '{expected}'. The extractor only knows "
                      "the sources its table lists: extending the table is part of the method.")
    if given == "not in the table":
        return False, ("That is the answer before the new row. Pass your copy of the table with "
                       "attribute(text, sources=path) and look again.")
    return False, "Not the type the new row gives. Which kind of source is a ministry of Kazakhstan's government?"


def _q02_7(answer):
    key = _attribution_key()
    a = key[key["article_id"] == "A"]
    expected = int((a["source_type"] == "the writer").sum())
    if whole_number(answer, "20") == expected:
        return True, (f"{expected} of article A's {len(a)} sentences name no source: background and "
                      "analysis in the writer's own voice.")
    return False, "Not quite. Count the key's rows for article A whose source_type is 'the writer'."



# --------------------------------------------------------------------------
# 02.T Trace to the origin: which words in A21-A23 are Psaki's?

#: every choice occurs in A21-A23, so none stands out as not in the article
PSAKI_CHOICES = ("crazy", "point out", "clearly", "absolutely wrong", "disinformation", "playbook",
                 "we have seen")
_PSAKI_SAID = {"crazy", "clearly", "disinformation", "playbook"}  # L06, L07
_HOW = 'Almost: Python needs each word in its own quotes, with commas between them, for example ["crazy", "playbook"]'


def _joined(word: str) -> list[str] | None:
    """The choices that ``word`` is made of when typed without commas
    (["point out" "absolutely wrong"] is one string in Python), else None."""
    if not word:
        return []
    for choice in PSAKI_CHOICES:
        if word.startswith(choice):
            rest = _joined(word[len(choice):].strip())
            if rest is not None:
                return [choice] + rest
    return None


def _psaki_words(answer) -> set[str]:
    """The chosen words, or a TypingHint that says how to type the list."""
    words = [answer] if isinstance(answer, str) else list(answer)
    given = set()
    for word in words:
        word = str(word).strip().lower()
        if word in PSAKI_CHOICES:
            given.add(word)
        elif "," in word:
            raise TypingHint(f"{_HOW}. You typed “{word}” as one piece of text, inside one pair of quotes.")
        elif (parts := _joined(word)) and len(parts) > 1:
            raise TypingHint(f"{_HOW}. “{word}” looks like {' and '.join(f'“{p}”' for p in parts)} joined "
                             "(did you miss a comma?)")
        else:
            raise TypingHint(f"Almost: choose words from the list only, spelled as there: {', '.join(PSAKI_CHOICES)} "
                             f"(“{word}” is not one of them).")
    return given


def _q02_t(answer):
    given = _psaki_words(answer)
    reveal = " Now run the next cell: reveal('L06', 'L07') shows her words as two outlets copied them."
    if given == _PSAKI_SAID:
        return True, ("Exactly: “point out”, “absolutely wrong” and “we have seen” are not in her briefing, "
                      "though article A puts them inside quotation marks." + reveal)
    right = len(given & _PSAKI_SAID)
    return False, (f"Your prediction: {', '.join(sorted(given)) or 'none'}. "
                   f"{right} of your choices {'is' if right == 1 else 'are'} hers, and "
                   f"{len(given - _PSAKI_SAID)} {'is' if len(given - _PSAKI_SAID) == 1 else 'are'} not." + reveal)


QUESTIONS = {
    "02.1": _q02_1,
    "02.2": _q02_2,
    "02.3": _q02_3,
    "02.4": _q02_4,
    "02.5": _q02_5,
    "02.6": _q02_6,
    "02.7": _q02_7,
    "02.T": _q02_t,
}

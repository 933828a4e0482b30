"""Spun text: find it, undo it, and make some to watch the damage happen.

"Spinning" software rewrites a text by swapping words for context-blind
synonyms, so that a copied story slips past plagiarism checks.  It leaves
fingerprints: rare words where common ones belong ("megacity" for city,
"abettors" for allies), broken fixed phrases ("30 times of independence"),
and, in science, "tortured phrases" ("counterfeit consciousness" for
artificial intelligence; Cabanac, Labbé & Magazinov 2021).

* :func:`find_spin` lists candidate spun words and phrases in ANY English
  text, each with a score and the evidence for it;
* :func:`restore` undoes the swaps the course knows about;
* :func:`spin` is a toy spinner that swaps words for WordNet synonyms, so
  you can spin a clean text and measure what it does.

The knowledge comes from three files in ``data/``: the spin map of article B
(``keys/spin_map.csv``: every swap we found, with its likely original,
*attested* where a public copy of the wire story shows it and *inferred*
otherwise, and the evidence), a short list of tortured phrases from the
research literature (``lexicons/tortured_phrases.csv``), and the toy
spinner's synonym table (``lexicons/synonyms.csv``, derived from WordNet by
``scripts/derive_synonyms.py``).
"""

from __future__ import annotations

import bisect
import random
import re

import pandas as pd

from .corpus import split_sentences
from .readability import RARE_ZIPF, _lookup_form, validate_prose, zipf
from .spin_context import KIND as _CONTEXT_KIND, _match_case, context_candidates
from .spin_data import _data, spin_map, synonyms, tortured_phrases
from .words import WORD

__all__ = ["spin_map", "tortured_phrases", "synonyms", "find_spin", "restore", "spin", "RARE_LIMIT"]

#: Words rarer than this (Zipf) are candidates for a spun word: the same
#: line as the readability measures' "rare words".
RARE_LIMIT = RARE_ZIPF
#: find_spin's default cut-off: candidates scoring lower are not reported.
MIN_SCORE = 0.5
#: An uncommon word (Zipf from RARE_LIMIT up to this) is a candidate when
#: the synonym table shows a word at least SWAP_GAP commoner that lists it as
#: a synonym ("metropolis" for city, "aforementioned" for said), or when it
#: is rarer than UNLINKED_LIMIT.  Such words are weak candidates (below).
UNCOMMON_LIMIT = 4.8
SWAP_GAP = 1.0
UNLINKED_LIMIT = 3.2
_UNCOMMON_SCORE = 0.55
_UNLINKED_SCORE = 0.5
#: A rare word scoring below STRONG_SCORE (rarer than Zipf 3 but commoner
#: than about Zipf 2), and every uncommon word, is a *weak* candidate: it is
#: reported only when other candidates stand within SUPPORT_WORDS words of it,
#: counting 2 for a strong one and 1 for a weak one, SUPPORT_NEEDED in all.
#: A spinner swaps many words of every sentence; a writer's one unusual word
#: stands alone.  Limits chosen on the held-out dev parts (benchmarks/
#: HELDOUT.md, fourth pass): at most 3 flags per 1,000 words of clean news.
STRONG_SCORE = 0.6
SUPPORT_WORDS = 25
SUPPORT_NEEDED = 3

_COLUMNS = ["phrase", "start", "end", "likely_original", "evidence", "score", "kind"]
_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty"
           r"|a few|several|many)")


# --------------------------------------------------------------------------
# The data


# A rule can only match near its clue: looking for the clue first (one quick
# search) skips most rules on most texts, and the costly number rules are
# only tried around each "times of / times ago / time-old" found.
_TIMES = re.compile(r"\btimes?[- ]+(?:old|ago|agone|of)\b", re.I)
_NEAR = 20  # characters around a clue that a rule's match can reach (longest number word + separators)
_WORD_END = re.compile(r"\W|$")

# Broken fixed expressions: (pattern, replacement template, evidence, score, clue).
_RULES = [
    (re.compile(rf"\b({_NUMBER})[- ]+times?[- ]+old\b", re.I), r"\1-year-old",
     "an age is written “N-year-old”; “time” for “year” is a spinner's swap", 0.95, _TIMES),
    (re.compile(rf"\b({_NUMBER}) times (ago|agone)\b", re.I), r"\1 years ago",
     "“N years ago” is the fixed phrase; “times ago” is a spinner's swap of year → time", 0.95, _TIMES),
    (re.compile(rf"\b({_NUMBER}) times of (independence|rule|power|war|conflict|history|experience|marriage)\b",
                re.I), r"\1 years of \2",
     "“N years of independence/rule/…” is a fixed phrase; “times of” is a spinner's swap of year → time", 0.9,
     _TIMES),
    (re.compile(r"\bagone\b", re.I), "ago", "“agone” is an archaic form of “ago”, a thesaurus spinner's choice", 0.8,
     re.compile("agone", re.I)),
    (re.compile(r"\btime-old\b", re.I), "year-old",
     "“time-old” is not an English word; “year-old” with year → time swapped", 0.9, re.compile("time-old", re.I)),
    (re.compile(r"\b(of|the|an|a|to|in|and)(ex-[A-Za-z]+)"), r"\1 \2",
     "a space is missing before the prefix “ex-”: a spinner mishandled the hyphenated word", 0.85,
     re.compile("ex-")),
    (re.compile(r"\b([A-Za-z]+)- (?!and\b|or\b|to\b|nor\b)([a-z]+)\b"), r"\1-\2",
     "a hyphen followed by a space splits a compound word: a typical trace of word-by-word rewriting", 0.6,
     re.compile("- ")),
]


# --------------------------------------------------------------------------
# Finding


def _known_candidates(text: str) -> list[dict]:
    """Known phrases: fingerprints anywhere, other spin-map rows wherever
    the whole sentence of article B they belong to is in ``text``."""
    found = []
    data = _data()
    pattern, entries = data.known
    for match in pattern.finditer(text):
        original, evidence, score, kind = entries[match.group(0).lower()]
        found.append({"phrase": match.group(0), "start": match.start(), "end": match.end(),
                      "likely_original": _match_case(original, match.group(0)), "evidence": evidence,
                      "score": score, "kind": kind})
    for sentence, rows in data.located:
        at = text.find(sentence)
        if at < 0:
            continue
        for offset, row in rows:
            start = at + offset
            found.append({**row, "start": start, "end": start + len(row["phrase"])})
    return found


def _near_clues(text: str, clue) -> list[tuple[int, int]]:
    """Stretches of ``text`` (start, end), merged, that hold every clue with
    what a number rule can match around it: back over hyphens and spaces,
    then a number word or all the digits of a number; forward to the end of
    the word after "of".  Cut at word ends, so a rule's \\b means the same
    as in the whole text."""
    stretches: list[tuple[int, int]] = []
    for found in clue.finditer(text):
        lo = found.start()
        while lo and text[lo - 1] in "- ":
            lo -= 1
        lo = max(0, lo - _NEAR)
        while lo and text[lo - 1].isdigit():
            lo -= 1
        hi = _WORD_END.search(text, min(len(text), found.end() + _NEAR)).start()
        if stretches and lo <= stretches[-1][1]:
            stretches[-1] = (stretches[-1][0], hi)
        else:
            stretches.append((lo, hi))
    return stretches


def _rule_candidates(text: str) -> list[dict]:
    found = []
    near_times = None
    for pattern, replacement, evidence, score, clue in _RULES:
        if clue is _TIMES:
            if near_times is None:
                near_times = _near_clues(text, _TIMES)
            matches = (m for lo, hi in near_times for m in pattern.finditer(text, lo, hi))
        elif clue.search(text):
            matches = pattern.finditer(text)
        else:
            continue
        for match in matches:
            found.append({"phrase": match.group(0), "start": match.start(), "end": match.end(),
                          "likely_original": match.expand(replacement), "evidence": evidence,
                          "score": score, "kind": "broken fixed phrase"})
    return found


_OPENERS = "'‘“\"( \t\r\n"


def _sentence_starts(text: str, sentences=None) -> set[int]:
    """Where the sentences of ``text`` begin, and where their first word
    begins (past an opening quotation mark or bracket); ``sentences`` is
    the table of :func:`medialit.corpus.sentences` if the caller has it."""
    table = split_sentences(text) if sentences is None else sentences
    starts = set()
    for start in table["start"]:
        starts.add(start)
        while start < len(text) and text[start] in _OPENERS:
            start += 1
        starts.add(start)
    return starts


# A capitalised word at the start of a sentence is a name when a hyphen joins
# it to another capitalised word ("Kassym-Jomart", "Nur-Sultan") or when an
# age follows it, as news introduces people ("Saule, a 58-year-old …",
# "Marat, 34, said").
_NAME_AFTER = re.compile(r"-[A-Z]|,\s+(?:(?:a|an)\s+)?\d+\b")
# Forms that frequency lists count apart from a commoner form of the same
# word: the feminine of an "-man" title ("ombudswoman", "chairwoman"), and
# inflections a list is too short to hold ("splatterings").
_WOMAN = re.compile(r"(wo)(m[ae]n)$")
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ings", "ing"), ("ed", ""), ("ed", "e"))


def _form_zipf(word: str, z: float) -> float:
    """The Zipf of ``word`` (``z``), or of a commoner form of it: the
    "-man" form of an "-woman" word; for a word the list does not know at
    all, its uninflected form."""
    lower = _lookup_form(word)
    if _WOMAN.search(lower):
        z = max(z, zipf(_WOMAN.sub(r"\2", lower)))
    if z == 0:
        for ending, base in _ENDINGS:
            if lower.endswith(ending) and len(lower) > len(ending) + 3:
                z = max(z, zipf(lower[: -len(ending)] + base))
    return z


def _rare_candidates(text: str, sentences=None) -> list[dict]:
    found = []
    starts = None
    reverse = _data().reverse
    matches = list(WORD.finditer(text))
    names = None
    for match in matches:
        word = match.group(0)
        z = zipf(word)  # most words are common: decide that first
        if z < RARE_LIMIT:
            z = _form_zipf(word, z)
        if z >= UNCOMMON_LIMIT:
            continue
        lower = word.lower()
        linked = lower in reverse and reverse[lower][1] >= z + SWAP_GAP
        if z >= UNLINKED_LIMIT and not linked:
            continue  # an uncommon word, but no far commoner word it could stand for
        if word[:1].isupper():
            # Words written with a capital inside a sentence are most likely
            # names; the same word at the start of a sentence is then a name too.
            if starts is None:
                starts = _sentence_starts(text, sentences)
            if match.start() not in starts or word.isupper():
                continue
            if names is None:
                names = {_lookup_form(m.group(0)) for m in matches if m.group(0)[:1].isupper() and m.start() not in starts}
            if _lookup_form(word) in names or _NAME_AFTER.match(text, match.end()):
                continue
        if z >= RARE_LIMIT and not linked:
            found.append({"phrase": word, "start": match.start(), "end": match.end(), "likely_original": None,
                          "evidence": f"uncommon word (Zipf {z:.1f}) among other candidates",
                          "score": _UNLINKED_SCORE, "kind": "rare word"})
            continue
        if z >= RARE_LIMIT:
            common, common_z = reverse[lower]
            found.append({"phrase": word, "start": match.start(), "end": match.end(),
                          "likely_original": _match_case(common, word),
                          "evidence": (f"uncommon word (Zipf {z:.1f}) that a thesaurus lists as a synonym of the "
                                       f"far commoner “{common}” (Zipf {common_z:.1f}) — a guess, not a known original"),
                          "score": _UNCOMMON_SCORE, "kind": "rare word"})
            continue
        score = max(MIN_SCORE, min(1.0, 1.0 - 0.2 * z))
        original, evidence = None, f"rare word (Zipf {z:.1f}: rarer than once per million words)"
        if lower in reverse and reverse[lower][1] >= z + 1.5:
            common, common_z = reverse[lower]
            original = _match_case(common, word)
            score = min(1.0, score + 0.15)
            evidence += (f"; a thesaurus lists it as a synonym of the far commoner “{common}” "
                         f"(Zipf {common_z:.1f}) — a guess, not a known original")
        found.append({"phrase": word, "start": match.start(), "end": match.end(), "likely_original": original,
                      "evidence": evidence, "score": round(score, 2), "kind": "rare word"})
    return found


def _best_non_overlapping(candidates: list[dict]) -> list[dict]:
    """Keep one candidate where candidates overlap: the most specific kind (known
    phrases, then rules, then single words), then the highest score, then the longest."""
    rank = {"known spun phrase": 3, "tortured phrase": 3, "broken fixed phrase": 2, "rare word": 1, _CONTEXT_KIND: 1}
    ordered = sorted(candidates, key=lambda c: (-rank[c["kind"]], -c["score"], -(c["end"] - c["start"]), c["start"]))
    kept: list[dict] = []
    taken = bytearray(max((c["end"] for c in candidates), default=0))  # 1 = a kept candidate covers it
    for candidate in ordered:
        start, end = candidate["start"], candidate["end"]
        if 1 not in taken[start:end]:
            kept.append(candidate)
            taken[start:end] = b"\x01" * (end - start)
    return sorted(kept, key=lambda c: c["start"])


def _supported(text: str, kept: list[dict]) -> list[dict]:
    """``kept`` (in reading order) less the weak candidates that stand
    alone: see STRONG_SCORE.  Another occurrence of the same word is no
    support (a writer may use an unusual word twice)."""
    strong = [c["kind"] not in ("rare word", _CONTEXT_KIND) or c["score"] >= STRONG_SCORE for c in kept]
    if all(strong):
        return kept
    word_starts = [m.start() for m in WORD.finditer(text)]
    at = [bisect.bisect_right(word_starts, c["start"]) for c in kept]  # the word each candidate starts in
    out = []
    for i, candidate in enumerate(kept):
        if not strong[i]:
            phrase = candidate["phrase"].lower()
            lo = bisect.bisect_left(at, at[i] - SUPPORT_WORDS)
            hi = bisect.bisect_right(at, at[i] + SUPPORT_WORDS)
            support = sum(0 if not kept[j].get("lends_support", True) else 2 if strong[j] else 1 for j in range(lo, hi)
                          if j != i and kept[j]["phrase"].lower() != phrase)
            if support < SUPPORT_NEEDED:
                continue
        out.append(candidate)
    return out


def find_spin(text: str, min_score: float = MIN_SCORE, known: bool = True, *, sentences=None) -> pd.DataFrame:
    """Candidate spun words and phrases in ``text``, in reading order.

    Columns: ``phrase`` (exactly as in the text), ``start`` and ``end``
    (``text[start:end] == phrase``), ``likely_original`` (a guess, or None),
    ``evidence`` (why it was flagged, in words), ``score`` (0-1: how sure)
    and ``kind``:

    * ``known spun phrase`` / ``tortured phrase`` - listed in the spin map
      of article B or in the literature (only when ``known=True``);
    * ``broken fixed phrase`` - a rule: "29-time-old", "three times ago",
      "30 times of independence", "theex-leader", "Moscow- led";
    * ``rare word`` - a word rarer than Zipf 3 (names are skipped: a
      capitalised word inside a sentence, or at its start before a
      hyphenated capital or an age), scored higher the rarer it is, and
      higher again when the synonym table shows a much commoner word it
      could have replaced; or an uncommon word (up to Zipf 4.8) that the
      synonym table links to a word at least 1 Zipf commoner.  Weak ones
      (uncommon words, rare words commoner than about Zipf 2) are reported
      only among other candidates (see STRONG_SCORE): a spinner swaps many
      words of every sentence, a writer's unusual word stands alone;
    * ``odd word pair`` - a word whose commoner synonym goes with its neighbour where it does
      not ("subject security" for national security: :mod:`medialit.spin_context`); weak.

    Only candidates scoring at least ``min_score`` are returned.  With
    ``known=False`` the spin map and the tortured-phrase list are not used:
    that shows what the general cues find on their own.

    A candidate is a reason to look closer, not proof: good writers choose rare words too.

    ``sentences`` is the table of :func:`medialit.corpus.sentences` for
    ``text`` when the caller has it and has validated the text as prose
    (:func:`medialit.readability.validate_prose`), as ``check_article``
    does: the text is then not checked or split again.

    >>> find_spin("Kazakhstan marked 30 times of independence.")[["phrase", "likely_original"]].values.tolist()
    [['30 times of independence', '30 years of independence']]
    """
    if sentences is None:
        validate_prose(text)
    candidates = _rule_candidates(text) + _rare_candidates(text, sentences)
    candidates += context_candidates(text, list(WORD.finditer(text)), _sentence_starts(text, sentences))
    if known:
        candidates += _known_candidates(text)
    kept = [c for c in _best_non_overlapping(candidates) if c["score"] >= min_score]
    kept = _supported(text, kept)
    return pd.DataFrame(kept, columns=_COLUMNS)


# --------------------------------------------------------------------------
# Restoring


def restore(text: str, table: bool = False):
    """Undo the swaps the course knows about and return the restored text.

    Known swaps are the spin map's rows (anywhere for its fingerprints, such
    as "30 times of independence"; for the rest only inside the sentence of
    article B they come from) and the tortured phrases.  Other text is left
    exactly as it is.  A restored wording is *attested* or *inferred*, as
    the spin map's ``original_status`` says: the exact text B was spun from
    was not found, only the Reuters wire and rewrites of the same story.

    With ``table=True`` returns ``(restored_text, changes)`` where
    ``changes`` has one row per swap undone: ``phrase``, ``start``, ``end``
    (in the text given), ``restored`` and ``evidence``.
    """
    validate_prose(text)
    changes = _best_non_overlapping(_known_candidates(text))
    pieces, position = [], 0
    for change in changes:
        pieces.append(text[position:change["start"]])
        pieces.append(change["likely_original"])
        position = change["end"]
    pieces.append(text[position:])
    restored = "".join(pieces)
    if not table:
        return restored
    frame = pd.DataFrame(changes, columns=_COLUMNS).rename(columns={"likely_original": "restored"})
    return restored, frame[["phrase", "start", "end", "restored", "evidence"]]


# --------------------------------------------------------------------------
# The toy spinner


def spin(text: str, seed: int = 0, rate: float = 0.5, choose: str = "any", table: bool = False):
    """Spin ``text`` the way cheap software does: swap words for synonyms
    from a thesaurus, without looking at the context.

    Every word found in the synonym table (see :func:`synonyms`) is swapped
    with probability ``rate`` for one of its synonyms: a random one
    (``choose="any"``), the rarest (``"rarest"``), or the commonest
    (``"commonest"``, the hardest to detect).  Capitalised words inside a
    sentence (names) are never touched.  The same ``seed`` always gives the
    same result.

    With ``table=True`` returns ``(spun_text, swaps)`` where ``swaps`` has
    one row per swap: ``word``, ``synonym``, ``start`` and ``end`` (of the
    synonym in the spun text), ``word_zipf`` and ``synonym_zipf``.

    >>> spin("The city was quiet.", seed=1, rate=1.0, choose="rarest")   # quiet, the verb: context-blind
    'The metropolis was quieten.'
    """
    validate_prose(text)
    if not 0 <= rate <= 1:
        raise ValueError("rate= is the share of eligible words to swap: a number from 0 to 1.")
    if choose not in {"any", "rarest", "commonest"}:
        raise ValueError("choose= should be 'any', 'rarest' or 'commonest'.")
    rng = random.Random(seed)
    lists = _data().synonym_lists
    starts = _sentence_starts(text)
    pieces, swaps, position, shift = [], [], 0, 0
    for match in WORD.finditer(text):
        word = match.group(0)
        options = lists.get(word.lower())
        if not options or (word[:1].isupper() and match.start() not in starts) or word.isupper():
            continue
        if rng.random() >= rate:
            continue
        if choose == "rarest":
            synonym, z = min(options, key=lambda o: (o[1], o[0]))
        elif choose == "commonest":
            synonym, z = max(options, key=lambda o: (o[1], o[0]))
        else:
            synonym, z = rng.choice(options)
        synonym = _match_case(synonym, word)
        pieces.append(text[position:match.start()])
        pieces.append(synonym)
        start = match.start() + shift
        swaps.append({"word": word, "synonym": synonym, "start": start, "end": start + len(synonym),
                      "word_zipf": round(zipf(word), 2), "synonym_zipf": z})
        shift += len(synonym) - len(word)
        position = match.end()
    pieces.append(text[position:])
    spun = "".join(pieces)
    if not table:
        return spun
    return spun, pd.DataFrame(swaps, columns=["word", "synonym", "start", "end", "word_zipf", "synonym_zipf"])

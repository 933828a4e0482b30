"""The context clue of :func:`medialit.spin.find_spin`: a word that does not
go with its neighbour, where a far commoner synonym does.

A spinner swaps a word for a thesaurus synonym without reading the words
around it, so the new word often makes a pair that English writers hardly
use, while the word it replaced made a common one: "subject security" for
"national security", "a instant" for "a moment" (article B has "in remains"
for "in ruins", "service intervention" for "military intervention").  This
module finds such words when the synonym table links the two words (it does
not link most of article B's: B's spinner used another thesaurus):

* the word is listed in the synonym table (``data/lexicons/synonyms.csv``)
  as a synonym of a word ``s`` at least as common (:data:`CONTEXT_GAP`);
* the word and its neighbour (the word just before or just after it, with
  one space between) are not a common pair in English books, while ``s``
  and the same neighbour are: counted at least 10 ** :data:`CONTEXT_COMMON`
  times.

The pair counts come from ``data/lexicons/bigrams_en.tsv.gz`` (Google Books
Ngram counts as shipped by the symspellpy package, MIT licence; derived by
``scripts/derive_bigrams.py``), read the first time the clue is used.  It
knows only pairs counted more than about 6.4 million times, so "not a
common pair" is what it can say, not "never written".

Such a word is a *weak* candidate, like an uncommon word: it is reported
only among other candidates (see :data:`medialit.spin.STRONG_SCORE`).
Limits chosen on the held-out dev parts (benchmarks/HELDOUT.md, sixth pass).
"""

from __future__ import annotations


from .readability import _find_row, _sorted_rows, zipf
from .spin_data import _data

__all__ = ["context_candidates", "pair_count", "CONTEXT_COMMON", "CONTEXT_GAP"]

#: The synonym's pair with the neighbour must be counted at least 10 ** this
#: (100 million) times in the books the table comes from.
CONTEXT_COMMON = 8.0
#: The synonym must be at least this much commoner (Zipf) than the word
#: (0: at least as common; larger gaps lost recall on the dev parts and no false flags).
CONTEXT_GAP = 0.0
_CONTEXT_SCORE = 0.55
KIND = "odd word pair"
PAIR_TABLE = "lexicons/bigrams_en.tsv.gz"


def _rows() -> bytes:
    rows = _sorted_rows(PAIR_TABLE)
    if rows is None:
        raise FileNotFoundError(f"The course data file data/{PAIR_TABLE} is missing: reinstall the course.")
    return rows


def pair_count(first: str, second: str) -> float | None:
    """log10 of how often ``first second`` occurs in the books the table
    comes from, or None when it is rarer than about 6.4 million.

    >>> pair_count("national", "security"), pair_count("subject", "security")
    (8.2, None)
    """
    found = _find_row(_rows(), f"{_plain(first)} {_plain(second)}".encode("utf-8"))
    return None if found is None else float(found)


def _plain(word: str) -> str:
    return word.lower().replace("’", "'")


def context_candidates(text: str, matches: list, starts: set) -> list[dict]:
    """Candidates of kind "odd word pair" in ``text``.  ``matches`` are the
    word matches of ``text`` (:data:`medialit.words.WORD`), ``starts`` the
    offsets where its sentences' first words begin: a capitalised word
    elsewhere is a name and is skipped."""
    commoner = _data().commoner
    rows, seen = None, {}  # the table is read when a word first needs it; this text's pairs are looked up once

    def count(pair: str) -> float | None:
        nonlocal rows
        if pair not in seen:
            rows = _rows() if rows is None else rows
            value = _find_row(rows, pair.encode("utf-8"))
            seen[pair] = None if value is None else float(value)
        return seen[pair]

    found = []
    for i, match in enumerate(matches):
        word = match.group(0)
        lower = _plain(word)
        options = commoner.get(lower)
        if not options or (word[:1].isupper() and match.start() not in starts) or word.isupper():
            continue
        word_z = zipf(lower)
        options = [o for o in options if o[1] >= word_z + CONTEXT_GAP]
        if not options:
            continue
        best = None
        for j, before in ((i - 1, True), (i + 1, False)):
            if not 0 <= j < len(matches):
                continue
            gap = text[matches[j].end():match.start()] if before else text[match.end():matches[j].start()]
            if gap != " ":
                continue
            other = _plain(matches[j].group(0))
            if count(f"{other} {lower}" if before else f"{lower} {other}") is not None:
                continue  # the word goes with this neighbour
            for common, _ in options:
                n = count(f"{other} {common}" if before else f"{common} {other}")
                if n is not None and n >= CONTEXT_COMMON and (best is None or n > best[0]):
                    best = (n, common, matches[j].group(0), before)
        if best is None:
            continue
        _, common, other, before = best
        odd, usual = (f"{other} {word}", f"{other} {common}") if before else (f"{word} {other}", f"{common} {other}")
        found.append({"phrase": word, "start": match.start(), "end": match.end(),
                      "likely_original": _match_case(common, word),
                      "evidence": (f"“{odd}” is rare in books; “{usual}” is common — “{word}” may be a thesaurus "
                                   f"swap for “{common}” (a guess, not a known original)"),
                      "score": _CONTEXT_SCORE, "kind": KIND})
    return found


def _match_case(original: str, found: str) -> str:
    if found[:1].isupper() and original[:1].islower():
        return original[:1].upper() + original[1:]
    return original

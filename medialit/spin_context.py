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

A second, broader source of "commoner synonym" is Roget's Thesaurus (1911,
public domain; ``data/lexicons/roget_groups.tsv.gz``, derived by
``scripts/derive_roget.py`` from PyRoget 0.0.3): a word sharing a Roget group
with the word, at least :data:`ROGET_GAP` Zipf commoner, whose pair with the
neighbour is counted at least 10 ** :data:`ROGET_COMMON` times.  The synonym
table's guess is preferred; a Roget-only candidate scores :data:`ROGET_SCORE`
and lends no support to other weak candidates.  Roget's groups are broad and
hold common little words, so its guessed original is often poor ("of" for
"colors"): the word's odd pair is the evidence, the guess is only a guess.

Such a word is a *weak* candidate, like an uncommon word: it is reported
only among other candidates (see :data:`medialit.spin.STRONG_SCORE`).
Limits chosen on the held-out dev parts (benchmarks/HELDOUT.md, sixth pass;
Roget's limits also looking at article B: its second part).
"""

from __future__ import annotations

from .datafiles import from_file
from .readability import _find_row, _read_sorted_rows, _sorted_rows, zipf
from .spin_data import _data

__all__ = ["context_candidates", "pair_count", "roget_options", "CONTEXT_COMMON", "CONTEXT_GAP", "ROGET_COMMON",
           "ROGET_GAP", "ROGET_SCORE"]

#: The synonym's pair with the neighbour must be counted at least 10 ** this
#: (100 million) times in the books the table comes from.
CONTEXT_COMMON = 8.0
#: The synonym must be at least this much commoner (Zipf) than the word
#: (0: at least as common; larger gaps lost recall on the dev parts and no false flags).
CONTEXT_GAP = 0.0
#: Roget's groups are broad (about 90 words each), so a Roget group-mate must be
#: at least this much commoner (Zipf) than the word ...
ROGET_GAP = 2.0
#: ... and its pair with the neighbour counted at least 10 ** this times.
ROGET_COMMON = 8.5
_CONTEXT_SCORE = 0.55
#: The score of a Roget-only candidate: weak, and (unlike the others) no support
#: for other weak candidates (its "lends_support" is False; medialit.spin._supported):
#: Roget's links are broad.
ROGET_SCORE = 0.54
KIND = "odd word pair"
PAIR_TABLE = "lexicons/bigrams_en.tsv.gz"
ROGET_TABLE = "lexicons/roget_groups.tsv.gz"


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
        if (word[:1].isupper() and match.start() not in starts) or word.isupper():
            continue
        odd = []  # the neighbours the word does not go with
        for j, before in ((i - 1, True), (i + 1, False)):
            if not 0 <= j < len(matches):
                continue
            gap = text[matches[j].end():match.start()] if before else text[match.end():matches[j].start()]
            other = _plain(matches[j].group(0))
            if gap == " " and count(f"{other} {lower}" if before else f"{lower} {other}") is None:
                odd.append((j, before, other))
        if not odd:
            continue
        word_z = zipf(lower)
        options = [(o, CONTEXT_COMMON, _CONTEXT_SCORE, True) for o, z in options or () if z >= word_z + CONTEXT_GAP]
        options += [(o, ROGET_COMMON, ROGET_SCORE, False) for o, _ in roget_options(lower, word_z + ROGET_GAP)]
        best = None
        for j, before, other in odd:
            for common, bar, score, supports in options:
                n = count(f"{other} {common}" if before else f"{common} {other}")
                if n is not None and n >= bar and (best is None or (score, n) > best[0]):  # the synonym table's first
                    best = ((score, n), common, matches[j].group(0), before, supports)
        if best is None:
            continue
        (score, _), common, other, before, supports = best
        odd, usual = (f"{other} {word}", f"{other} {common}") if before else (f"{word} {other}", f"{common} {other}")
        found.append({"phrase": word, "start": match.start(), "end": match.end(),
                      "likely_original": _match_case(common, word),
                      "evidence": (f"“{odd}” is rare in books; “{usual}” is common — “{word}” may be a thesaurus "
                                   f"swap for “{common}” (a guess, not a known original)"),
                      "score": score, "kind": KIND,
                      "lends_support": supports})  # read by medialit.spin._supported, not a column
    return found


def _read_roget(path) -> tuple[bytes, dict]:
    """The word rows of the Roget table (searched by bisection) and its
    {group number: "Zipf word Zipf word ..."} (about 1,000 rows, split once)."""
    rows = _read_sorted_rows(path)
    at = rows.find(b"\n~") + 1
    return rows[:at], dict(line[1:].split("\t") for line in rows[at:].decode("ascii").split("\n") if line)


#: The endings :func:`roget_options` takes off a word the Roget table lacks
#: (and puts on its group-mates): "structures" -> structure -> building -> "buildings".
_ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("d", ""))
#: A group-mate given an ending is looked up only if the bare word is at most
#: this much rarer than asked (a plural is seldom much commoner than its singular).
_ENDING_SLACK = 1.0


def roget_options(word: str, least: float = float("-inf")) -> list[tuple[str, float]]:
    """The words at least ``least`` common (Zipf) that share a group of
    Roget's Thesaurus with ``word`` (lower case), with their Zipf values:
    ``data/lexicons/roget_groups.tsv.gz``, read the first time it is needed.
    A word the table lacks is looked up without its plural or past ending,
    and its group-mates get the ending.

    >>> ("ruins", 4.02) in roget_options("remains"), ("hotel", 4.95) in roget_options("hostel")
    (True, True)
    """
    from .corpus import DATA_DIR

    rows, groups = from_file(DATA_DIR / ROGET_TABLE, _read_roget)
    forms = [(word, "", "")]
    if _find_row(rows, word.encode("utf-8")) is None:
        forms += [(word[:-len(end)] + base, end, base) for end, base in _ENDINGS if word.endswith(end)]
    for stem, end, base in forms:
        numbers = _find_row(rows, stem.encode("utf-8"))
        if numbers is None:
            continue
        bar, mates = least - (_ENDING_SLACK if end else 0), {}
        for number in numbers.decode("ascii").split():
            values = groups[number].split()
            for k in range(0, len(values), 2):  # commonest first
                if float(values[k]) < bar:
                    break
                mates[values[k + 1]] = float(values[k])
        mates.pop(stem, None)
        if not end:
            return sorted(mates.items())
        mates = {m[:-1] + end if base and m.endswith(base) else m + (end if not base else "s") for m in mates}
        return sorted((m, z) for m in mates if (z := zipf(m)) >= least)
    return []


def _match_case(original: str, found: str) -> str:
    if found[:1].isupper() and original[:1].islower():
        return original[:1].upper() + original[1:]
    return original

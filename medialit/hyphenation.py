"""Hyphenation points as Pyphen finds them, from its patterns precomputed.

textstat counts the syllables of a word the CMU Pronouncing Dictionary
lacks as Pyphen's hyphenation points + 1 (:func:`medialit.readability`'s
``_syllables``).  Pyphen parses its whole dictionary the first time it is
asked (about 50 ms of a first ``check_article``); this module reads the same
patterns, parsed once by ``scripts/derive_hyphenation.py``, from
:data:`HYPHENATION_TABLE` (a few ms) and finds the points by Pyphen's
algorithm.  tests/test_readability.py checks the points are Pyphen's.
"""

from __future__ import annotations

import gzip

from .datafiles import from_file

__all__ = ["HYPHENATION_TABLE", "patterns", "points"]

#: Pyphen's American English hyphenation patterns (hyph_en_US.dic) as Pyphen
#: parses them, under data/ (licence: lexicons/hyph_en_US_LICENSE.txt).
HYPHENATION_TABLE = "lexicons/hyph_en_US_patterns.tsv.gz"


def patterns() -> tuple[dict, int] | None:
    """({letters: (offset, values)}, longest letters) from
    :data:`HYPHENATION_TABLE`, or None if it is missing (then Pyphen counts)."""
    from .corpus import DATA_DIR

    try:
        return from_file(DATA_DIR / HYPHENATION_TABLE, _read_patterns)
    except FileNotFoundError:
        return None


def _read_patterns(path) -> tuple[dict, int]:
    table = {}
    for line in gzip.decompress(path.read_bytes()).decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            letters, offset, values = line.split("\t")
            table[letters] = (int(offset), tuple(map(int, values)))
    return table, max(map(len, table))


def points(word: str, table: dict, maxlen: int) -> int:
    """How many hyphenation points ``Pyphen(lang="en_US").positions(word)``
    gives, by Pyphen 0.18's algorithm with its patterns (``table`` and
    ``maxlen`` from :func:`patterns`): Liang's, as TeX hyphenates.  Each
    pattern found in ".word." raises the values between its letters; an odd
    value is a point, if at least two letters from either end."""
    pointed = f".{word.lower()}."
    values = [0] * (len(pointed) + 1)
    for i in range(len(pointed) - 1):
        for j in range(i + 1, min(i + maxlen, len(pointed)) + 1):
            pattern = table.get(pointed[i:j])
            if pattern:
                offset, raise_to = pattern
                where = slice(i + offset, i + offset + len(raise_to))
                values[where] = map(max, raise_to, values[where])
    right = len(word) - 2
    return sum(1 for i, value in enumerate(values) if value % 2 and 2 <= i - 1 <= right)

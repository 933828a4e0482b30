"""Write data/lexicons/bigrams_en.tsv.gz: how common two-word sequences
("in ruins", "hard to") are in English books, for the context clue of
``medialit.spin_context`` (is a word an odd synonym of a word that fits its
neighbour far better?).

    .venv/bin/python scripts/derive_bigrams.py --source PATH          # write the table
    .venv/bin/python scripts/derive_bigrams.py --source PATH --check  # is the table current?

PATH is the symspellpy wheel, or the file inside it; without ``--source`` the
installed symspellpy package is read.  Get the wheel once, by hand (the
course never downloads anything at run time):

    .venv/bin/pip download symspellpy==6.10.1 --no-deps -d /tmp/symspell

Source: ``frequency_bigramdictionary_en_243_342.txt`` of the PyPI package
symspellpy 6.10.1 (MIT licence, copyright Wolf Garbe and mmb L; see
data/NOTICE.md): 242,342 English word pairs, lower case, with their counts,
which the SymSpell project took from the Google Books Ngram data.  Pairs
counted fewer than about 6.4 million times are not in it, so "absent" means
"rare", not "never".

The table keeps the pairs that hold a word of the synonym table
(data/lexicons/synonyms.csv, either column) or of the Roget table
(data/lexicons/roget_groups.tsv.gz, made first by scripts/derive_roget.py):
the only words the clue looks at, one ``first second<TAB>log10 of the count, 1 decimal`` per line,
sorted by bytes (so that ``medialit`` finds a pair by bisection, as in the
Zipf table), after a ``#`` header line (about 232,000 pairs, 1.0 MB).
"""

from __future__ import annotations

import csv
import gzip
import math
import sys
import zipfile
from pathlib import Path

from tablefile import main_from_source, pack

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "data" / "lexicons" / "bigrams_en.tsv.gz"
SYNONYMS = ROOT / "data" / "lexicons" / "synonyms.csv"
ROGET = ROOT / "data" / "lexicons" / "roget_groups.tsv.gz"
NAME = "frequency_bigramdictionary_en_243_342.txt"


def source_text(source: str | None) -> str:
    if source is None:
        from importlib.resources import files

        return (files("symspellpy") / NAME).read_text(encoding="utf-8")
    path = Path(source)
    if path.suffix == ".whl":
        with zipfile.ZipFile(path) as wheel:
            return wheel.read(f"symspellpy/{NAME}").decode("utf-8")
    return path.read_text(encoding="utf-8")


def derive(text: str) -> bytes:
    with open(SYNONYMS, encoding="utf-8", newline="") as f:
        wanted = {w for row in csv.DictReader(f) for w in (row["word"], row["synonym"])}
    roget = gzip.decompress(ROGET.read_bytes()).decode("ascii").splitlines()
    wanted |= {line.split("\t")[0] for line in roget if not line.startswith("#")}
    rows = set()
    for line in text.splitlines():
        first, second, count = line.split()
        if first in wanted or second in wanted:
            rows.add(f"{first} {second}\t{math.log10(int(count)):.1f}\n".encode("ascii"))
    header = (f"# first second\tlog10 of its count in Google Books (from symspellpy 6.10.1's {NAME}, MIT licence, "
              "see data/NOTICE.md); only pairs with a word of synonyms.csv or roget_groups.tsv.gz; pairs rarer than about 6.4 million are absent; "
              "rows sorted by their bytes\n")
    return pack(header, rows)


def main(argv: list[str]) -> int:
    return main_from_source(argv, __doc__, "the symspellpy wheel or its bigram file (default: the installed package)",
                            lambda source: derive(source_text(source)), TABLE, ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

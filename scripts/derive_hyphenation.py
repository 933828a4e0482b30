"""Write data/lexicons/hyph_en_US_patterns.tsv.gz: the hyphenation patterns
Pyphen reads from its American English dictionary (hyph_en_US.dic), parsed,
so that counting syllables does not parse the dictionary on first use
(about 50 ms of a first check_article).

    .venv/bin/python scripts/derive_hyphenation.py          # write the table
    .venv/bin/python scripts/derive_hyphenation.py --check  # is the table current?

One row a pattern, exactly as Pyphen keeps it after parsing
(``HyphDict.patterns``): the letters, the offset of the first non-zero
value and the values, as digits (``.ach<TAB>2<TAB>204``).
``medialit.hyphenation`` finds a word's hyphenation points with them by
Pyphen's algorithm; tests/test_readability.py checks it gives Pyphen's
points.  The dictionary's licence (BSD-style, with the plain TeX
hyphenation table's) is copied beside the table as
data/lexicons/hyph_en_US_LICENSE.txt.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tablefile import main_with_licence, pack

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "data" / "lexicons" / "hyph_en_US_patterns.tsv.gz"
LICENCE = ROOT / "data" / "lexicons" / "hyph_en_US_LICENSE.txt"
LANG = "en_US"  # textstat's default language, as medialit.readability uses it


def derive() -> bytes:
    from textstat.backend.utils import get_pyphen

    patterns = get_pyphen(LANG).hd.patterns
    rows = []
    for letters, (offset, values) in patterns.items():
        if any(type(v) is not int or not 0 <= v <= 9 for v in values):
            raise SystemExit(f"pattern {letters!r}: values other than digits 0-9 ({values}); the table cannot hold them")
        rows.append(f"{letters}\t{offset}\t{''.join(map(str, values))}\n".encode("utf-8"))
    import pyphen

    header = (f"# letters\toffset\tvalues (Pyphen {pyphen.__version__}'s parse of hyph_en_US.dic; "
              "BSD-style licence, see hyph_en_US_LICENSE.txt)\n")
    return pack(header, rows)


def main(argv: list[str]) -> int:
    import pyphen

    licence = Path(pyphen.__file__).parent / "dictionaries" / "README_hyph_en_US.txt"
    return main_with_licence(argv, TABLE, derive(), "the installed pyphen", licence, LICENCE, ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Write data/lexicons/wordfreq_en_zipf.tsv.gz: the Zipf frequency wordfreq
gives each plain English word of its list, precomputed, so that a first
check of a text does not wait for wordfreq to load (importing it and reading
its English list take about a third of a second on a laptop core).

    .venv/bin/python scripts/derive_zipf.py          # write the table
    .venv/bin/python scripts/derive_zipf.py --check  # is the table current?

The table holds every word of wordfreq's English list ("best", i.e. the large
list) written in the letters a-z, with straight apostrophes inside it
("didn't"), and ``wordfreq.zipf_frequency(word, "en")`` for it. wordfreq
reads such a word as one token, itself (checked here for every row), so a
word of that shape that is not in the table has Zipf 0 in wordfreq too.
``medialit.readability.zipf`` reads the table, and asks wordfreq for any
other word (accented letters, apostrophe words the list lacks).

Rows are sorted by their bytes, so that a word is found by bisection without
splitting the file into 300,000 strings first.

Source and licence: wordfreq 3.1.1 (Robyn Speer), whose data files "may be
redistributed under a Creative Commons Attribution-ShareAlike 4.0 license";
the table is derived from them, and shared under CC BY-SA 4.0 (see
data/NOTICE.md).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tablefile import pack, write_or_check

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "data" / "lexicons" / "wordfreq_en_zipf.tsv.gz"
PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*\Z")  # the shape medialit.readability looks up in the table


def derive() -> bytes:
    from importlib.metadata import version

    from wordfreq import iter_wordlist, zipf_frequency
    from wordfreq.tokens import lossy_tokenize

    rows = []
    for word in iter_wordlist("en"):
        if not PLAIN.match(word):
            continue
        if lossy_tokenize(word, "en") != [word]:
            raise SystemExit(f"wordfreq reads {word!r} as {lossy_tokenize(word, 'en')}: the table's rule does not hold")
        rows.append(f"{word}\t{zipf_frequency(word, 'en'):.2f}\n".encode("ascii"))
    header = (f"# word\tZipf frequency in English (wordfreq {version('wordfreq')}, zipf_frequency(word, 'en')); "
              "words of a-z and inner apostrophes only; rows sorted by their bytes; CC BY-SA 4.0, see data/NOTICE.md\n")
    # mtime=0: the same table always gives the same bytes
    return pack(header, rows)


def main(argv: list[str]) -> int:
    return write_or_check(TABLE, derive(), "--check" in argv, "the installed wordfreq", ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

"""Write data/lexicons/roget_groups.tsv.gz: the groups (numbered
categories) of Roget's Thesaurus that common English words belong to, for
the context clue of ``medialit.spin_context`` (a second, broader source of
"commoner synonym" than the WordNet table, closer to the lists real article
spinners use).

    .venv/bin/python scripts/derive_roget.py --source PATH          # write the table
    .venv/bin/python scripts/derive_roget.py --source PATH --check  # is the table current?

PATH is PyRoget 0.0.3's source tarball, or its ``PyRoget/roget`` folder;
without ``--source`` the installed PyRoget package is read.  Get the
tarball once, by hand (the course never downloads anything at run time):

    .venv/bin/pip download PyRoget==0.0.3 --no-deps -d /tmp/roget

Source: ``thes_dict.txt`` of PyRoget 0.0.3 (James Wenzel and Phillip R.
Polefrone; code licence "GNU"), a pickle {word or phrase: [category ids]}
parsed from Project Gutenberg's public-domain text of Roget's Thesaurus
(1911, etext 10681); see data/NOTICE.md.  The table keeps single lower-case
words of the letters a-z whose Zipf frequency (data/lexicons/
wordfreq_en_zipf.tsv.gz) is at least FLOOR: one ``word<TAB>category numbers`` row per word
(PyRoget's ids less "cat" and leading zeros: "40", "777.a") and one
``~number<TAB>Zipf word Zipf word ...`` row per category, its words
commonest first, all sorted by bytes (so that ``medialit`` finds a row by
bisection, as in the Zipf table, without parsing the table), after a ``#``
header line.
"""

from __future__ import annotations

import io
import pickle
import re
import sys
import tarfile
from pathlib import Path

from tablefile import main_from_source, pack

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TABLE = ROOT / "data" / "lexicons" / "roget_groups.tsv.gz"
NAME = "thes_dict.txt"
#: Only words at least this common (Zipf) are kept.
FLOOR = 3.0


def source_bytes(source: str | None) -> bytes:
    if source is None:
        from importlib.resources import files

        return (files("PyRoget") / "roget" / NAME).read_bytes()
    path = Path(source)
    if path.is_dir():
        return (path / NAME).read_bytes()
    if path.name.endswith(".tar.gz"):
        with tarfile.open(path) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith(f"PyRoget/roget/{NAME}"))
            return tar.extractfile(member).read()
    return path.read_bytes()


def derive(data: bytes) -> bytes:
    from medialit.readability import zipf

    groups = pickle.load(io.BytesIO(data), encoding="latin1")
    rows, members = [], {}
    for word, categories in groups.items():
        if re.fullmatch("[a-z]+", word) and (z := zipf(word)) >= FLOOR:
            numbers = sorted({c.removeprefix("cat").lstrip("0") for c in categories})
            rows.append(f"{word}\t{' '.join(numbers)}\n".encode("ascii"))
            for number in numbers:
                members.setdefault(number, []).append((-z, word))
    for number, words in members.items():
        mates = " ".join(f"{-z:.2f} {w}" for z, w in sorted(words))
        rows.append(f"~{number}\t{mates}\n".encode("ascii"))
    header = (f"# word\tits Roget's Thesaurus (1911, public domain) category numbers, as parsed by PyRoget 0.0.3 ({NAME}); "
              f"then ~category\tZipf word Zipf word ..., commonest first; single words of Zipf >= {FLOOR} "
              "(wordfreq_en_zipf.tsv.gz); see data/NOTICE.md; rows sorted by their bytes\n")
    return pack(header, rows)


def main(argv: list[str]) -> int:
    return main_from_source(argv, __doc__, "PyRoget's tarball or its roget folder (default: the installed package)",
                            lambda source: derive(source_bytes(source)), TABLE, ROOT)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

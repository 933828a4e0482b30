"""Derive data/lexicons/synonyms.csv, the synonym table of the toy spinner
(medialit.spin.spin), from WordNet 3.0.

WordNet is NOT needed to run the course: this script was run once and its
output is shipped in data/.  To run it again (Debian/Ubuntu):

    apt-get update && apt-get install -y wordnet-base wordnet-sense-index
    .venv/bin/python scripts/derive_synonyms.py            # writes the table
    .venv/bin/python scripts/derive_synonyms.py --check    # compares only

Debian's ``wordnet-base`` holds the WordNet 3.0 database in
/usr/share/wordnet, but NLTK's WordNet reader also wants a ``lexnames`` file
that the package leaves out.  Its 45 rows (file number, lexicographer file
name, syntactic category) are printed in the package's own manual page,
lexnames(5WN); this script writes the file from that page.  NLTK >= 3.10
only reads data from folders on ``nltk.data.path``, so the database is
copied into a temporary folder that is put on that path.

How the table is made (on purpose as context-blind as a cheap spinner):

* the words: the 3,000 most frequent English words of wordfreq (3.1.1,
  default list), minus short words and function words;
* for each word form and each part of speech WordNet knows it as (noun,
  verb, adjective, adverb): the lemma (``allies`` -> ``ally``), then every
  one-word synonym in the word's first three senses of that part of speech,
  whatever the sense;
* plural nouns and regular past tenses (``-ed``) get their synonyms
  inflected the same way, crudely, as spinners do;
* at most five synonyms per word form, in WordNet's sense order.

WordNet 3.0 licence: Princeton University, "WordNet 3.0 license" (a
BSD-style licence allowing use, copying and redistribution with the
copyright notice); see /usr/share/doc/wordnet-base/copyright.
Cite: Princeton University, "About WordNet", 2010; Miller (1995),
"WordNet: A Lexical Database for English", CACM 38(11): 39-41.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "data" / "lexicons" / "synonyms.csv"
WORDNET = Path("/usr/share/wordnet")
LEXNAMES_MAN = Path("/usr/share/man/man5/lexnames.5WN.gz")

TOP_WORDS = 3000
SENSES_PER_POS = 3
MAX_SYNONYMS = 5
MIN_LENGTH = 4
POS_NAMES = {"n": "noun", "v": "verb", "a": "adjective", "r": "adverb"}
CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}

# Function words and auxiliaries: a spinner that swaps these makes noise,
# not spin (WordNet knows "will" as a noun and "might" as "power").
STOP = set("""
about above across after again against also although among another anyone anything around away
because been before behind being below between both cannot could does doing done down during each
either else enough even ever every few from further have having here hers herself himself however
into itself just least less many might more most much must myself neither never none nothing
often only other others ought ours ourselves over perhaps rather same several shall should since
some someone something still such than that their theirs them themselves then there these they
this those though through thus together toward towards under unless until upon very well were
what whatever when where whether which while whom whose will with within without would your yours
yourself yourselves
""".split())


def write_lexnames(folder: Path) -> int:
    """Write WordNet's ``lexnames`` file from the lexnames(5WN) manual page;
    return the number of rows (45)."""
    page = gzip.open(LEXNAMES_MAN, "rt", encoding="utf-8").read()
    rows = re.findall(r"^(\d\d)\t(\S+)\s*\t", page, re.M)
    if len(rows) != 45:
        raise SystemExit(f"Expected 45 lexicographer files in {LEXNAMES_MAN}, found {len(rows)}.")
    lines = [f"{number}\t{name}\t{CATEGORY[name.split('.')[0]]}\n" for number, name in rows]
    (folder / "lexnames").write_text("".join(lines), encoding="ascii")
    return len(rows)


def open_wordnet(workdir: Path):
    """An NLTK WordNet reader over a copy of Debian's WordNet database."""
    import nltk
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    if not (WORDNET / "data.noun").exists():
        raise SystemExit("WordNet is not installed: apt-get install -y wordnet-base wordnet-sense-index")
    folder = workdir / "wordnet"
    folder.mkdir()
    for path in WORDNET.iterdir():
        if path.is_file():
            shutil.copy(path, folder / path.name)
    write_lexnames(folder)
    nltk.data.path.insert(0, str(workdir))

    class Reader(WordNetCorpusReader):
        # Debian's files lack the "WordNet 3.0 Copyright" line NLTK reads the
        # version from, so NLTK would try to map synsets from a downloaded
        # "wordnet" corpus.  The database *is* WordNet 3.0: no mapping needed.
        def map_wn(self, version="wordnet"):
            return None

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "multilingual functions are not available"
        return Reader(str(folder), None)


def _plural(word: str) -> str:
    if re.search(r"(s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def _past(word: str) -> str:
    if word.endswith("e"):
        return word + "d"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ied"
    return word + "ed"


def _usable(lemma: str) -> bool:
    return bool(re.fullmatch(r"[a-z]+(-[a-z]+)?", lemma)) and lemma not in STOP


def derive(wn) -> list[dict]:
    from wordfreq import top_n_list, zipf_frequency

    rows = []
    for form in top_n_list("en", TOP_WORDS):
        if len(form) < MIN_LENGTH or not form.isalpha() or not form.isascii() or form in STOP:
            continue
        seen: set[str] = set()
        found = []
        for pos in "nvar":
            lemma = wn.morphy(form, pos)
            if lemma is None:
                continue
            if lemma == form:
                inflect = None
            elif pos == "n" and form == _plural(lemma):
                inflect = _plural
            elif pos == "v" and form == _past(lemma):
                inflect = _past
            else:
                continue  # irregular forms: leave them alone
            senses = [s for s in wn.synsets(lemma, pos) if lemma in {l.name().lower() for l in s.lemmas()}]
            for synset in senses[:SENSES_PER_POS]:
                for name in (l.name() for l in synset.lemmas()):
                    if name == lemma or not _usable(name):
                        continue
                    synonym = inflect(name) if inflect else name
                    if synonym in seen or synonym == form:
                        continue
                    seen.add(synonym)
                    found.append((synonym, POS_NAMES[pos], synset.name()))
        for synonym, pos, sense in found[:MAX_SYNONYMS]:
            rows.append({
                "word": form,
                "synonym": synonym,
                "pos": pos,
                "wordnet_sense": sense,
                "word_zipf": f"{zipf_frequency(form, 'en'):.2f}",
                "synonym_zipf": f"{zipf_frequency(synonym, 'en'):.2f}",
            })
    return rows


def render(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def main(argv: list[str]) -> int:
    if any(arg in ("-h", "--help") for arg in argv):
        print(__doc__)
        return 0
    unknown = [arg for arg in argv if arg != "--check"]
    if unknown:
        print(f"Unknown argument(s): {' '.join(unknown)}. Use --check, or --help.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as workdir:
        rows = derive(open_wordnet(Path(workdir)))
    text = render(rows)
    if "--check" in argv:
        same = TARGET.exists() and TARGET.read_text(encoding="utf-8") == text
        print(f"{TARGET.relative_to(ROOT)} is {'up to date' if same else 'OUT OF DATE'} ({len(rows)} rows)")
        return 0 if same else 1
    TARGET.write_text(text, encoding="utf-8")
    words = len({r['word'] for r in rows})
    print(f"wrote {TARGET.relative_to(ROOT)}: {len(rows)} rows, {words} words, {len(text.encode()) // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

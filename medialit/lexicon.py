"""The lexicon of loaded words (``data/lexicons/loaded_terms.csv``): reading
and checking it with plain-language messages that name the row, the
categories and their sources, and matching its terms in a text by word
key (a Porter stem, so "peacekeeper" finds "peacekeepers").

A lexicon file is read once per version of the file
(:func:`medialit.datafiles.from_file`): a new row shows without a restart.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .corpus import DATA_DIR
from .datafiles import from_file
from .words import WORD, per_word, words

__all__ = ["LEXICON_FILE", "COLUMNS", "CATEGORIES", "load_lexicon", "match_form", "term_for", "terms_in"]


#: The lexicon the course ships.
LEXICON_FILE = DATA_DIR / "lexicons" / "loaded_terms.csv"


#: The lexicon's columns, in order.  ``variants`` may be empty; every other
#: cell must be filled in.
COLUMNS = ("term", "variants", "category", "refers_to", "neutral", "why", "source")


_REQUIRED = tuple(c for c in COLUMNS if c != "variants")


_SEMEVAL = "Da San Martino et al. (2020), SemEval-2020 Task 11"


#: The categories a lexicon row may have: a definition and where it comes from.
CATEGORIES = {
    "name-calling/label": (
        "A label for people or groups that the audience fears, hates or despises (or admires).",
        f"{_SEMEVAL}, technique 'Name Calling, Labeling'"),
    "euphemism": (
        "A mild or official word that makes something seem smaller or more acceptable than it is "
        "(“let go” for sacked, “collateral damage” for civilians killed).",
        f"{_SEMEVAL}, technique 'Exaggeration, Minimisation' (the minimising side)"),
    "evaluative adjective/adverb": (
        "A describing word that passes a judgement (shameful, heroic, disastrous) instead of saying what "
        "happened.",
        f"{_SEMEVAL}, technique 'Loaded Language'; Recasens et al. (2013)"),
    "escalating event word": (
        "A word for the events that makes them bigger or more organised than the facts show (a scuffle "
        "called a “riot”, a march called a “revolt”).",
        f"{_SEMEVAL}, techniques 'Loaded Language' and 'Exaggeration, Minimisation'"),
    "distancing cue": (
        "Words that tell the reader not to take the next label at face value (so-called, alleged).",
        "Reuters Handbook of Journalism; Recasens et al. (2013)"),
    "scare-quoted label": (
        "A single word or short phrase put in quotation marks to signal doubt or someone else's wording.",
        "Reuters Handbook of Journalism (terrorism and terrorist not as single words in inverted commas; "
        "use a fuller quote)"),
    "neutral": (
        "A plain word, listed as the baseline to compare loaded words with.",
        "the course"),
}


# Between the words of a multi-word term only spaces and hyphens may stand
# ("counter-terrorist operation"), never punctuation or quotation marks.
_JOINER = re.compile(r"[ \t\n\-‐‑]+")


@lru_cache(maxsize=1)
def _stemmer():
    """NLTK's Porter stemmer, loaded on first use and without the rest of
    NLTK (:mod:`medialit.nltkparts`): importing all of NLTK takes a
    noticeable part of a second, which a lesson should not pay before its
    first output."""
    from .nltkparts import punkt_and_porter

    return punkt_and_porter().PorterStemmer()


@per_word  # Porter's stemmer: ~20 µs a word
def match_form(word: str) -> str:
    """The form a word is matched by: its Porter stem, plus a mark for a
    person word (-er/-or) or an action word (-ion, -ate) when the stemmer
    has cut that ending off.

    >>> [match_form(w) for w in ["peacekeepers", "peacekeeper", "eliminated", "eliminates"]]
    ['peacekeep+person', 'peacekeep+person', 'elimin+ate', 'elimin+ate']
    >>> match_form("attackers") == match_form("attack")
    False
    >>> match_form("neutralised") == match_form("neutralized") != match_form("neutral")
    True
    """
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    stem = _stemmer().stem(low)
    # -ise / -ize verbs: Porter keeps British "neutralis" but cuts American "neutralized" to
    # "neutral", the adjective; one marked form for both spellings, apart from the plain word
    if low.endswith(("ise", "ised", "ises", "ising")) and stem.endswith("is"):
        return f"{stem[:-2]}+ize"
    if low.endswith(("ize", "ized", "izes", "izing")) and not stem.endswith("iz"):
        return f"{stem}+ize"
    for mark, endings, kept in (("person", ("ers", "er", "ors", "or"), ("er", "or")),
                                ("ion", ("ions", "ion"), ("ion",)),
                                ("ate", ("ates", "ated", "ate", "ating"), ("at",))):
        if low.endswith(endings) and not stem.endswith(kept):
            return f"{stem}+{mark}"
    return stem


def _phrase_form(phrase: str) -> tuple[str, ...]:
    return tuple(match_form(w) for w in words(phrase))


def _validate(rows: list[dict], where: str) -> pd.DataFrame:
    """Check lexicon rows (dicts with the COLUMNS), raising ValueError that
    names the row.  ``where(i)`` describes row ``i`` for the message."""
    owner: dict[tuple[str, ...], str] = {}
    terms: set[str] = set()
    for i, row in enumerate(rows):
        term = (row.get("term") or "").strip()
        label = f"{where(i)}" + (f" (term '{term}')" if term else "")
        if term and term.lower() in terms:
            raise ValueError(f"{label}: the term '{term}' is listed twice. Merge the two rows into one.")
        terms.add(term.lower())
        for column in _REQUIRED:
            value = row.get(column)
            if value is None or not str(value).strip():
                raise ValueError(f"{label} has no value in the column '{column}'. Every row needs "
                                 f"{', '.join(_REQUIRED)}; only 'variants' may be left empty.")
        if row["category"].strip() not in CATEGORIES:
            raise ValueError(f"{label} has the category '{row['category']}', which is not one of: "
                             f"{', '.join(CATEGORIES)}.")
        forms = [term] + [v.strip() for v in str(row.get("variants") or "").split("|") if v.strip()]
        for form in forms:
            key = _phrase_form(form)
            if not key:
                raise ValueError(f"{label}: '{form}' has no letters to match.")
            if key in owner and owner[key] != term:
                raise ValueError(f"{label}: '{form}' would match the same words as the term "
                                 f"'{owner[key]}'. List each form under one term only.")
            owner[key] = term
    return pd.DataFrame([{c: str(row.get(c) or "").strip() for c in COLUMNS} for row in rows],
                        columns=list(COLUMNS))


def _read_file(path: Path) -> pd.DataFrame:
    if not path.exists():
        raise ValueError(f"There is no lexicon file at {path}.")
    try:
        content = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValueError(f"The lexicon {path.name} is not UTF-8 text. Save it as 'CSV UTF-8'.") from None
    reader = csv.reader(io.StringIO(content))
    header = [h.strip() for h in next(reader, [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise ValueError(f"The lexicon {path.name} lacks the column(s) {', '.join(missing)}. "
                         f"Its first line must be: {','.join(COLUMNS)}")
    rows, lines = [], []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue  # blank line
        line = reader.line_num
        if len(cells) != len(header):
            term = cells[0].strip() if cells else ""
            raise ValueError(f"Line {line} of {path.name}" + (f" (term '{term}')" if term else "")
                             + f" has {len(cells)} cells, but the header has {len(header)}. "
                             "Check for a missing or extra comma; put a cell that contains a comma "
                             "in double quotes.")
        rows.append(dict(zip(header, cells)))
        lines.append(line)
    if not rows:
        raise ValueError(f"The lexicon {path.name} has no rows.")
    return _validate(rows, lambda i: f"Line {lines[i]} of {path.name}")


def _read_lexicon(path: Path) -> "_Lexicon":
    return _compile(_read_file(path))


def load_lexicon(lexicon=None) -> pd.DataFrame:
    """Read and check a lexicon of loaded words.

    ``lexicon`` is a path to a CSV file (default: ``data/lexicons/loaded_terms.csv``)
    or a DataFrame with the same columns: ``term``, ``variants``
    (``|``-separated other forms, may be empty), ``category`` (one of
    :data:`CATEGORIES`), ``refers_to`` (what the word names, e.g. "people on
    the streets"), ``neutral`` (a neutral alternative), ``why`` and
    ``source`` (where the category's definition comes from).

    Raises ValueError naming the row when a row lacks a value, has an
    unknown category, or repeats a form another term already has.  The file
    is read again whenever it changes, so a new row shows without a restart.
    """
    if lexicon is None:
        lexicon = LEXICON_FILE
    if isinstance(lexicon, pd.DataFrame):
        missing = [c for c in COLUMNS if c not in lexicon.columns]
        if missing:
            raise ValueError(f"The lexicon table lacks the column(s) {', '.join(missing)}.")
        rows = [{c: (None if pd.isna(v) else str(v)) for c, v in row.items()}
                for row in lexicon[list(COLUMNS)].to_dict("records")]
        if not rows:
            raise ValueError("The lexicon table has no rows.")
        return _validate(rows, lambda i: f"The lexicon table's row {lexicon.index[i]}")
    if not isinstance(lexicon, (str, Path)):
        raise ValueError("The lexicon should be a path to a CSV file or a pandas DataFrame, "
                         f"not {type(lexicon).__name__}.")
    return _lexicon(lexicon).table.copy()


@dataclass
class _Lexicon:
    """A checked lexicon, ready for matching."""

    table: pd.DataFrame
    #: first word key -> [(all word keys of a form, row number)], longest first
    by_first: dict
    #: the rows as dicts, by row number
    rows: list
    #: the first three letters (lower case) of every word of every form: only
    #: words that begin like a lexicon word are stemmed (Porter's stemmer
    #: changes only endings, so two words with one stem begin alike)
    starts: set
    #: word as written -> its match form, or "" when no lexicon word begins
    #: like it: most words of a text are looked up here once, not stemmed
    forms: dict = field(default_factory=dict)


def _compile(table: pd.DataFrame) -> _Lexicon:
    by_first: dict[str, list] = {}
    for number, (term, variants) in enumerate(zip(table["term"], table["variants"])):
        forms = [term] + [v.strip() for v in variants.split("|") if v.strip()]
        for key in {_phrase_form(f) for f in forms}:
            by_first.setdefault(key[0], []).append((key, number))
    for candidates in by_first.values():
        candidates.sort(key=lambda c: -len(c[0]))
    forms = [f for term, variants in zip(table["term"], table["variants"]) for f in [term, *variants.split("|")]]
    return _Lexicon(table=table, by_first=by_first,
                    rows=[dict(zip(COLUMNS, values)) for values in zip(*(table[c] for c in COLUMNS))],
                    starts={w[:3].lower() for f in forms for w in words(f)})


def _lexicon(lexicon) -> _Lexicon:
    """The compiled lexicon for a path (read once per version of the file),
    a DataFrame (checked and compiled now) or None (the course's)."""
    if lexicon is None or isinstance(lexicon, (str, Path)):
        path = Path(lexicon) if lexicon is not None else LEXICON_FILE
        if not path.exists():
            raise ValueError(f"There is no lexicon file at {path}.")
        return from_file(path, _read_lexicon)
    return _compile(load_lexicon(lexicon))


def _matches(text: str, lexicon: _Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, lexicon row) for every match, longest first at each
    position, never overlapping."""
    starts, patterns, forms = lexicon.starts, lexicon.by_first, lexicon.forms
    if len(forms) > 100_000:
        forms.clear()
    words = []
    for m in WORD.finditer(text):
        word = m.group()
        form = forms.get(word)
        if form is None:
            form = forms[word] = match_form(word) if word[:3].lower() in starts else ""
        words.append((m.start(), m.end(), form))
    found, i = [], 0
    while i < len(words):
        hit = None
        for key, number in patterns.get(words[i][2], ()):
            n = len(key)
            if i + n > len(words):
                continue
            if all(words[i + j][2] == key[j] for j in range(1, n)) and all(
                    _JOINER.fullmatch(text[words[i + j - 1][1]:words[i + j][0]]) for j in range(1, n)):
                hit = (words[i][0], words[i + n - 1][1], number, n)
                break
        if hit:
            found.append(hit[:3])
            i += hit[3]
        else:
            i += 1
    return found


def term_for(words: str, lexicon=None) -> str | None:
    """The lexicon term that ``words`` are a form of, or None.

    >>> term_for("Peacekeeper"), term_for("counter-terrorism operations"), term_for("soldiers on duty")
    ('peacekeepers', 'counter-terrorist operation', None)
    """
    if not isinstance(words, str) or not words.strip():
        return None
    compiled = _lexicon(lexicon)
    text = " ".join(WORD.findall(words))
    hits = _matches(text, compiled)
    if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(text):
        return compiled.rows[hits[0][2]]["term"]
    return None


def terms_in(words: str, lexicon=None) -> list[dict]:
    """The lexicon rows whose terms occur anywhere in ``words`` (a word, a
    phrase or a sentence, e.g. a student's write-in), in order, each row
    once, with ``matched`` (the words as written) added.  No checks on the
    text (unlike :func:`medialit.loaded.find_loaded`): a few words are enough.

    >>> [(r["matched"], r["term"], r["category"]) for r in terms_in("Bandits and pirates")]
    [('Bandits', 'bandits', 'name-calling/label'), ('pirates', 'pirates', 'name-calling/label')]
    """
    if not isinstance(words, str) or not words.strip():
        return []
    compiled = _lexicon(lexicon)
    found, seen = [], set()
    for start, end, number in _matches(words, compiled):
        row = compiled.rows[number]
        if row["term"] not in seen:
            seen.add(row["term"])
            found.append({**row, "matched": words[start:end]})
    return found

"""Loaded words: labels, euphemisms and distancing, and whose voice carries them.

:func:`find_loaded` looks up the words listed in
``data/lexicons/loaded_terms.csv`` (a lexicon students can read and extend)
and reports, for every occurrence:

* what kind of word it is (``category``: a name-calling label, a euphemism,
  an escalating word for the events, ...) and a ``neutral`` alternative;
* whose **voice** carries it: ``quoted`` (inside quotation marks),
  ``attributed`` (in a sentence the writer attributes to a source, e.g.
  "the CSTO said ...") or ``own`` (the writer's own voice), and the
  ``speaker`` (the quoted or cited source, or "the writer");
* the **distancing** moves around it: "what he describes as", "whom the
  organization described as", "so-called", "allegations of", and quotation
  marks around a word or two (scare quotes).

Words are matched with their inflections: every word is reduced to its stem
with NLTK's Porter stemmer (no data download needed), so the lexicon row
"peacekeepers" also finds "peacekeeper", and "eliminated" finds
"eliminate".  Plain stemming would also make "attack" match "attackers"
and "protests" match "protesters"; a person word (-er, -or) and an action
word (-ion, -ate) are therefore kept apart from the bare stem (see
:func:`word_key`).

Voice and speaker come from lesson 02's :mod:`medialit.attribution`.
They are rules of thumb, not understanding: "attributed" means the sentence
reports a source, not that the source chose that very word.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import io
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .attribution import attribute, quote_spans
from .corpus import DATA_DIR
from .datafiles import from_file
from .textcheck import validate_text
from .words import WORD, per_word, words

__all__ = [
    "LEXICON_FILE",
    "CATEGORIES",
    "load_lexicon",
    "word_key",
    "term_for",
    "find_loaded",
    "article_loaded",
    "concordance",
]

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
        "A mild or official word that makes something (a killing, a military deployment) seem smaller or "
        "more acceptable than it is.",
        f"{_SEMEVAL}, technique 'Exaggeration, Minimisation' (the minimising side)"),
    "evaluative adjective/adverb": (
        "A describing word that passes a judgement (brutally, crazy, rigged) instead of saying what happened.",
        f"{_SEMEVAL}, technique 'Loaded Language'; Recasens et al. (2013)"),
    "escalating event word": (
        "A word for the events that makes them bigger or more organised: protests, unrest, riot, uprising, "
        "insurrection, armed incursion.",
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

VOICES = ("quoted", "attributed", "own")
WRITER = "the writer"
#: The speaker of a quotation that nobody is said to have spoken (B14's heading).
NO_SPEAKER = "(quotation, no speaker named)"
OUTPUT_COLUMNS = ["sentence_id", "start", "end", "matched", "term", "category", "refers_to",
                  "voice", "speaker", "distancing", "neutral"]

# Between the words of a multi-word term only spaces and hyphens may stand
# ("counter-terrorist operation"), never punctuation or quotation marks.
_JOINER = re.compile(r"[ \t\n\-‐‑]+")


@lru_cache(maxsize=1)
def _stemmer():
    """NLTK's Porter stemmer, imported on first use: importing NLTK takes
    about half a second, which a lesson should not pay before its first output."""
    from nltk.stem import PorterStemmer

    return PorterStemmer()

# Distancing phrases.  Each must end shortly before the loaded word (see
# _distancing_before): "what he describes as a terrorist threat".
_VERBS = r"(?:describ(?:e|es|ed|ing)|call(?:s|ed|ing)?|term(?:s|ed)?|dub(?:s|bed)?|brand(?:s|ed)?|label(?:s|led|ed)?)"
_MARKERS = [
    # "what he describes as", "what the minister called"
    re.compile(r"\bwhat\s+(?:[\w’'-]+\s+){1,3}?" + _VERBS + r"(?:\s+as)?\b", re.I),
    # "whom the organization described as"
    re.compile(r"\b(?:whom|which|who)\s+(?:[\w’'-]+\s+){0,4}?" + _VERBS + r"(?:\s+as)?\b", re.I),
    # "describing the incidents as"
    re.compile(r"\bdescrib(?:e|es|ed|ing)\s+(?:[\w’'-]+\s+){1,4}?as\b", re.I),
    re.compile(r"\bso[- ]called\b", re.I),
    re.compile(r"\b(?:alleged(?:ly)?|purported(?:ly)?|supposed(?:ly)?|allegations?\s+of|accus(?:ed|ations?)\s+of)\b",
               re.I),
]
_MAX_GAP_WORDS = 3   # words allowed between a distancing phrase and the loaded word
_SHORT_QUOTE = 4     # a quotation of at most this many words counts as scare quotes
_WINDOW = 300        # characters searched before a word for a distancing phrase (see _distancing_before)


# --------------------------------------------------------------------------
# The lexicon


@per_word  # Porter's stemmer: ~20 µs a word
def word_key(word: str) -> str:
    """The form a word is matched by: its Porter stem, plus a mark for a
    person word (-er/-or) or an action word (-ion, -ate) when the stemmer
    has cut that ending off.

    >>> [word_key(w) for w in ["peacekeepers", "peacekeeper", "eliminated", "eliminates"]]
    ['peacekeep+person', 'peacekeep+person', 'elimin+ate', 'elimin+ate']
    >>> word_key("attackers") == word_key("attack")
    False
    """
    low = word.lower().replace("’", "'")
    if low.endswith("'s"):
        low = low[:-2]
    stem = _stemmer().stem(low)
    for mark, endings, kept in (("person", ("ers", "er", "ors", "or"), ("er", "or")),
                                ("ion", ("ions", "ion"), ("ion",)),
                                ("ate", ("ates", "ated", "ate", "ating"), ("at",))):
        if low.endswith(endings) and not stem.endswith(kept):
            return f"{stem}+{mark}"
    return stem


def _phrase_key(phrase: str) -> tuple[str, ...]:
    return tuple(word_key(w) for w in words(phrase))


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
            key = _phrase_key(form)
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


def _compile(table: pd.DataFrame) -> _Lexicon:
    by_first: dict[str, list] = {}
    for number, (term, variants) in enumerate(zip(table["term"], table["variants"])):
        forms = [term] + [v.strip() for v in variants.split("|") if v.strip()]
        for key in {_phrase_key(f) for f in forms}:
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


# --------------------------------------------------------------------------
# Matching


def _matches(text: str, lexicon: _Lexicon) -> list[tuple[int, int, int]]:
    """(start, end, lexicon row) for every match, longest first at each
    position, never overlapping."""
    starts, patterns = lexicon.starts, lexicon.by_first
    words = [(m.start(), m.end(), word_key(m.group(0)) if m.group(0)[:3].lower() in starts else "")
             for m in WORD.finditer(text)]
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


def _distancing_before(text: str, offset: int, quote_start: int | None, not_before: int,
                       sentence_start: int = 0) -> list[str]:
    """Distancing phrases in the sentence that starts at ``sentence_start``
    and end just before position ``offset`` of ``text``: at most a few words
    before it, or right before the quotation the word stands in, and with no
    other lexicon word in between (they end at or after ``not_before``, where
    the previous lexicon word ends).

    Only the last few hundred characters before ``offset`` (and before the
    quotation's start) are searched, so a long sentence costs the same per
    word as a short one (a marker and its gap of at most ``_MAX_GAP_WORDS``
    words fit in ``_WINDOW`` characters)."""
    anchors = [offset]
    if quote_start is not None and quote_start <= offset:
        anchors.insert(0, quote_start)
    regions = []  # (from, to) of text to search, in text order, merged where they touch
    for anchor in anchors:
        begin = max(sentence_start, max(not_before, anchor - _WINDOW) - _WINDOW)
        if regions and begin <= regions[-1][1]:
            regions[-1] = (regions[-1][0], anchor)
        else:
            regions.append((begin, anchor))
    cues = []
    for pattern in _MARKERS:
        found = False
        for begin, end in regions:
            for m in pattern.finditer(text, begin, end):
                if m.end() > offset or m.end() < not_before:
                    continue
                gap = text[m.end():offset] if offset - m.end() <= _WINDOW else None
                near = (gap is not None and len(WORD.findall(gap)) <= _MAX_GAP_WORDS
                        and not re.search(r"[.;:!?]", gap))
                # "describing the incidents as “an attempt ... armed formations”"
                opens_quote = (quote_start is not None and m.end() <= quote_start <= offset
                               and len(WORD.findall(text[m.end():quote_start])) <= _MAX_GAP_WORDS)
                if near or opens_quote:
                    cues.append(" ".join(m.group(0).split()))
                    found = True
                    break
            if found:
                break
    return cues


class _Voices:
    """Who speaks where in one text: its sentences with their sources (from
    :func:`medialit.attribution.attribute`) and its quotations."""

    def __init__(self, text: str, frame: pd.DataFrame):
        self.text = text
        self.ids = frame["sentence_id"].tolist()
        self.starts = frame["start"].tolist()
        self.ends = frame["end"].tolist()
        self.sources = [v if isinstance(v, str) and v else None for v in frame["source"]]
        self.quotes = quote_spans(text)
        self.quote_starts = [a for a, _b in self.quotes]

    def sentence_at(self, offset: int) -> int:
        """The sentence that holds ``offset`` (or the one before the gap it is in)."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def quote_at(self, start: int, end: int):
        """The quotation that holds text[start:end], or None (quotations do not overlap)."""
        k = bisect.bisect_right(self.quote_starts, start)
        if k and end <= self.quotes[k - 1][1]:
            return self.quotes[k - 1]
        return None

    def quote_speaker(self, span, n: int) -> str:
        """The source of the sentence the word is in, else of the next
        sentences the quotation runs into ('“… disinformation. …,” she said.')."""
        for m in [n] + [m for m in range(n + 1, len(self.starts)) if self.starts[m] < span[1]]:
            if self.sources[m]:
                return self.sources[m]
        return NO_SPEAKER

    def record(self, start: int, end: int, not_before: int, row: dict) -> dict:
        """One output row for the words text[start:end] of lexicon ``row``."""
        n = self.sentence_at(start)
        span = self.quote_at(start, end)
        if span is not None:
            voice, speaker = "quoted", self.quote_speaker(span, n)
        elif self.sources[n]:
            voice, speaker = "attributed", self.sources[n]
        else:
            voice, speaker = "own", WRITER
        s0 = self.starts[n]
        cues = _distancing_before(self.text, start, None if span is None else max(span[0], s0),
                                  max(not_before, s0), s0)
        if span is not None:
            quoted_words = len(WORD.findall(self.text[span[0]:span[1]]))
            if quoted_words <= _SHORT_QUOTE:
                cues.append("scare quotes" if quoted_words == len(WORD.findall(self.text[start:end]))
                            else "short quote")
        return {
            "sentence_id": self.ids[n], "start": start, "end": end, "matched": self.text[start:end],
            "term": row["term"], "category": row["category"], "refers_to": row["refers_to"],
            "voice": voice, "speaker": speaker, "distancing": "; ".join(cues), "neutral": row["neutral"],
        }


_SCARE_ROW = {"category": "scare-quoted label", "refers_to": "other",
              "neutral": "quote more fully and say whose word it is"}


def find_loaded(text: str, lexicon=None, *, include_neutral: bool = False, prefix: str = "s",
                attribution=None) -> pd.DataFrame:
    """Find the loaded words of ``text``, one row per occurrence.

    Columns: ``sentence_id`` (as :func:`medialit.corpus.sentences` numbers
    them, with ``prefix``), ``start`` and ``end`` (offsets into ``text``),
    ``matched`` (the words as written), ``term`` (the lexicon row they
    match), ``category``, ``refers_to``, ``voice`` (``quoted``,
    ``attributed`` or ``own``), ``speaker`` (the quoted or cited source;
    "the writer" for the writer's own voice; "(quotation, no speaker
    named)" for a quotation nobody is said to have spoken),
    ``distancing`` (the distancing moves around the word, joined by "; ",
    or "") and ``neutral`` (a neutral alternative).

    ``lexicon`` is a path to a CSV file or a DataFrame (see
    :func:`load_lexicon`); by default the course's lexicon.  Rows whose
    category is ``neutral`` (plain words kept for comparison) are left out
    unless ``include_neutral=True``.  A word or short phrase in quotation
    marks that is not in the lexicon is also reported, with the category
    "scare-quoted label", when it stands alone in the quotation marks.

    ``attribution`` is the table of :func:`medialit.attribution.attribute`
    for ``text`` when the caller has it (``check_article`` does): the voices
    are read from it, and the text is not checked or split again; else it is
    worked out here.

    Raises ValueError for unusable text or a broken lexicon.

    >>> find_loaded("The CSTO said its troops, whom the organization described as peacekeepers, "
    ...             "would stay.")[["matched", "voice", "speaker", "distancing"]].values.tolist()
    [['peacekeepers', 'attributed', 'CSTO', 'whom the organization described as']]
    """
    compiled = _lexicon(lexicon)
    voices = _Voices(text, attribute(text, prefix) if attribution is None else attribution)
    rows = compiled.rows
    records, previous_end = [], 0
    for start, end, number in _matches(text, compiled):
        if rows[number]["category"] != "neutral" or include_neutral:
            records.append(voices.record(start, end, previous_end, rows[number]))
        previous_end = end
    # does a quotation overlap a found word? By bisection on the words' starts
    # and the furthest end so far (linear time on a long text)
    taken = sorted((r["start"], r["end"]) for r in records)
    starts = [s for s, _e in taken]
    reach = list(itertools.accumulate((e for _s, e in taken), max))
    for a, b in voices.quotes:  # words in scare quotes that the lexicon does not know
        inner = text[a:b].strip(" \t\n“”‘’\"'")
        words = WORD.findall(inner)
        if not words or len(words) > _SHORT_QUOTE or re.search(r"[,.;:!?]", inner):
            continue
        k = bisect.bisect_left(starts, b)  # taken[:k] start before b
        if k and reach[k - 1] > a:
            continue
        at = a + text[a:b].index(inner)
        records.append(voices.record(at, at + len(inner), at, {**_SCARE_ROW, "term": inner.lower()}))
    records.sort(key=lambda r: r["start"])
    return pd.DataFrame(records, columns=OUTPUT_COLUMNS)


def article_loaded(article_ids=None, lexicon=None, *, include_neutral: bool = False) -> pd.DataFrame:
    """:func:`find_loaded` over the cleaned course articles, with an
    ``article_id`` column first; sentence ids are the course's (``A03``)."""
    from .corpus import load_articles

    articles = load_articles()
    if article_ids is not None:
        articles = articles[articles["article_id"].isin(list(article_ids))]
    frames = [find_loaded(text, lexicon, include_neutral=include_neutral, prefix=article_id)
              .assign(article_id=article_id)
              for article_id, text in zip(articles["article_id"], articles["clean_text"])]
    frame = pd.concat(frames, ignore_index=True)
    return frame[["article_id"] + OUTPUT_COLUMNS]


# --------------------------------------------------------------------------
# Concordance


_TOKENS = re.compile(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*|\d+(?:[.,]\d+)*|[^\w\s]")


def concordance(text: str, word: str, width: int = 80, lines: int = 25) -> str:
    """Every occurrence of ``word`` in ``text`` with its context, as NLTK's
    ``Text.concordance`` prints it (returned as a string, so it can be
    shown, compared and tested).  Matching ignores case but not endings:
    ask for "protesters" and "protests" separately.

    >>> print(concordance("Police said protesters were killed. Protesters fled.", "protesters", width=40))
    Displaying 2 of 2 matches:
       Police said protesters were killed .
     were killed . Protesters fled .
    """
    validate_text(text)
    if not isinstance(word, str) or not word.strip() or len(_TOKENS.findall(word)) != 1:
        raise ValueError("Give one word to look up, such as 'protesters' "
                         "(a hyphenated word like 'counter-terrorist' counts as one).")
    from nltk.text import Text

    corpus = Text(_TOKENS.findall(text))
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        corpus.concordance(word.strip(), width=width, lines=lines)
    return "\n".join(line.rstrip() for line in buffer.getvalue().rstrip("\n").splitlines())

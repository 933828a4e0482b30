"""The course texts: loading them, cleaning off web-page furniture, and
splitting them into sentences.

Three functions do the work:

* :func:`load_articles` reads the two articles and their metadata from
  ``data/``.
* :func:`clean` removes lines that are not part of the story (newsletter
  prompts, app banners, inserted "Read: ..." links, the publisher's note) and
  tells you what it removed and why.
* :func:`sentences` splits a text into sentences with stable ids and the
  character offsets where each sentence starts and ends, so that
  ``text[start:end]`` is exactly the sentence.

Sentence splitting uses NLTK's Punkt algorithm with parameters written out
here (a list of abbreviations and words that often start sentences), so no
NLTK data has to be downloaded.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd

from .datafiles import from_file
from .paths import data_dir
from .textcheck import validate_text

__all__ = [
    "mixed_articles",
    "DATA_DIR",
    "load_articles",
    "article_text",
    "clean",
    "sentences",
    "split_sentences",
    "article_sentences",
    "per_article",
    "load_key",
]

#: Folder holding the course data (articles, metadata, keys, lexicons): the
#: ``data/`` folder of the course folder the notebook runs in, or the folder
#: the environment variable ``MEDIALIT_DATA`` names (see :mod:`medialit.paths`).
DATA_DIR = data_dir()


# --------------------------------------------------------------------------
# Loading


def load_articles() -> pd.DataFrame:
    """Return one row per course article.

    Columns: everything in ``data/articles.csv`` (``article_id``, ``title``,
    ``publisher``, ``origin``, ...), plus ``text`` (the file exactly as
    published, page furniture included) and ``clean_text`` (the text after
    :func:`clean`).

    >>> load_articles()["article_id"].tolist()
    ['A', 'B']
    """
    meta = _metadata().copy()
    meta["text"] = [article_text(a, clean_text=False) for a in meta["article_id"]]
    meta["clean_text"] = [article_text(a) for a in meta["article_id"]]
    return meta


def _metadata() -> pd.DataFrame:
    return from_file(DATA_DIR / "articles.csv", _read_csv)


def _read_csv(path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _article_path(article_id: str):
    files = from_file(DATA_DIR / "articles.csv", _read_files)
    if article_id not in files:
        raise ValueError(f"There is no article '{article_id}'. The articles are: {', '.join(files)}.")
    return files[article_id]


def _read_files(path) -> dict:
    """article id -> the path of its text, from ``data/articles.csv``."""
    meta = _read_csv(path)
    return {article_id: DATA_DIR / file for article_id, file in zip(meta["article_id"], meta["file"])}


def _read_text(path) -> str:
    return path.read_text(encoding="utf-8")


def _read_clean_text(path) -> str:
    return clean(_read_text(path))[0]


def load_key(name: str) -> pd.DataFrame:
    """Read an answer key ``data/keys/<name>.csv`` (columns include
    ``item_id``, ``label`` and ``rationale``).

    It lives here, with the other course data, so that the analysers
    (:mod:`medialit.attribution_eval`, the self-checks) can read keys without
    importing the widget module; ``medialit.load_key`` and
    ``medialit.tagging.load_key`` are this same function."""
    path = DATA_DIR / "keys" / f"{name}.csv"
    if not path.exists():
        raise ValueError(f"There is no answer key called '{name}' in {path.parent}.")
    return from_file(path, _read_csv).copy()


def article_text(article_id: str, clean_text: bool = True) -> str:
    """Return the text of one article (``"A"`` or ``"B"``).

    With ``clean_text=True`` (the default) the page furniture is removed by
    :func:`clean`; with ``False`` you get the file byte for byte.
    """
    return from_file(_article_path(article_id), _read_clean_text if clean_text else _read_text)


# --------------------------------------------------------------------------
# Cleaning

# (pattern, reason).  Furniture patterns only apply to short lines, so a real
# sentence that happens to contain "subscribe" is never removed.
_FURNITURE = [
    (r"^[\s,.;:|•·\-–—‘’“”'\"]*$", "stray punctuation left over from the web page"),
    (r"subscrib|newsletter|valid e-?mail|sign up|log ?in\b|register now", "newsletter or sign-up prompt"),
    (r"\bapp\b|^download\b|never miss a story|stay connected|follow us|share this",
     "app banner or social-media prompt"),
    (r"^(read|read more|read also|also read|related|see also|watch)\s*:", "inserted link to another story"),
    (r"^advertisement$|all rights reserved|^copyright\b|^©", "advertising or copyright line"),
]
_PROVENANCE = re.compile(
    r"(published|reproduced|generated)\b.*\b(wire|agency|feed|syndicated)"
    r"|\b(wire|agency) feed\b",
    re.I,
)
_SHORT_LINE = 120


def _why_remove(line: str) -> str | None:
    stripped = line.strip()
    if _PROVENANCE.search(stripped) and len(stripped) < 200:
        return "publisher's note on where the text came from (kept in data/articles.csv)"
    if len(stripped) > _SHORT_LINE:
        return None
    for pattern, reason in _FURNITURE:
        if re.search(pattern, stripped, re.I):
            return reason
    return None


def clean(text: str) -> tuple[str, pd.DataFrame]:
    """Remove web-page furniture from an article.

    Returns ``(clean_text, removed)`` where ``removed`` is a DataFrame with
    one row per removed line: ``line`` (its number in the text given, from 1),
    ``text`` and ``reason``.  Blank lines are not listed.  Lines that are part
    of the story are kept exactly as they were.

    Raises ValueError if the text is unusable or nothing but furniture.

    >>> body, removed = clean("Police said 12 people died.\\nsubscribe to our newsletter\\n")
    >>> body
    'Police said 12 people died.'
    >>> removed["reason"].tolist()
    ['newsletter or sign-up prompt']
    """
    validate_text(text, "article")
    kept, removed = [], []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            kept.append("")
            continue
        reason = _why_remove(line)
        if reason:
            removed.append({"line": number, "text": line.strip(), "reason": reason})
        else:
            kept.append(line.rstrip())
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    if not body:
        raise ValueError("After removing page furniture (menus, sign-up prompts) no article text was left.")
    return body, pd.DataFrame(removed, columns=["line", "text", "reason"])


# --------------------------------------------------------------------------
# Sentences

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "maj",
    "st", "jr", "sr", "rev", "hon", "gov", "sen", "rep", "pres", "amb",
    "u.s", "u.k", "u.n", "e.u", "u.s.s.r", "e.g", "i.e", "etc", "vs", "approx",
    "no", "nos", "inc", "ltd", "co", "corp", "dept", "est", "fig",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "a.m", "p.m", "km", "mln", "bln",
}
# Words that, capitalised after an abbreviation, almost always start a sentence.
_SENTENCE_STARTERS = {
    "he", "she", "it", "they", "we", "i", "the", "this", "that", "these", "those",
    "there", "but", "and", "in", "on", "at", "a", "an", "his", "her", "their",
    "its", "police", "officials", "protesters", "however", "meanwhile",
}
_OPENING_QUOTES = "‘“\"'"


@lru_cache(maxsize=1)
def _tokenizer():
    """NLTK's Punkt sentence splitter with the parameters above, built once.
    NLTK is loaded here, not at the top, and only its Punkt module
    (:mod:`medialit.nltkparts`): importing all of NLTK takes a noticeable
    part of a second, and loading or cleaning the articles does not need it."""
    from .nltkparts import punkt_and_porter

    nltk = punkt_and_porter()
    params = nltk.PunktParameters()
    params.abbrev_types = set(_ABBREVIATIONS)
    params.sent_starters = set(_SENTENCE_STARTERS)
    return nltk.PunktSentenceTokenizer(params)


def _line_spans(text: str):
    """Yield (start, end) of each non-blank line, moving a lone opening quote
    that ends a line (``Taldykorgan.‘`` / ``Buccaneers came in’``) to the
    start of the next line, where it belongs."""
    position = 0
    carry = None  # start offset of a quote carried over from the previous line
    for line in text.splitlines(keepends=True):
        start, end = position, position + len(line.rstrip("\r\n"))
        position += len(line)
        if not text[start:end].strip():
            continue
        if carry is not None:
            start, carry = carry, None
        stripped_end = start + len(text[start:end].rstrip())
        body = text[start:stripped_end]
        if len(body) >= 2 and body[-1] in _OPENING_QUOTES and body[-2] in ".!?" and not _closes(body):
            carry = stripped_end - 1
            end = stripped_end - 1
        yield start, end
    if carry is not None:  # a quote at the very end: give it back
        yield carry, carry + 1


def _closes(line: str) -> bool:
    """True if the straight quotation mark that ends ``line`` closes a
    quotation opened earlier on the line (``… their tasks."``): an even
    number of straight double marks, or a straight single mark after one
    that opens (`` 'no.'``). Curly ‘ and “ always open."""
    mark = line[-1]
    if mark == '"':
        return line.count('"') % 2 == 0
    if mark == "'":
        return re.search(r"(?:^|\s)'\w", line[:-1]) is not None
    return False


def _punkt_spans(text: str, start: int, end: int):
    chunk = text[start:end]
    spans = [[start + a, start + b] for a, b in _tokenizer().span_tokenize(chunk)]
    # An opening quote left dangling at the end of a span ('by phone. “')
    # opens the next sentence: move it there.
    for i in range(len(spans) - 1):
        a, b = spans[i]
        piece = text[a:b]
        if len(piece) >= 2 and piece[-1] in _OPENING_QUOTES and piece[-2].isspace():
            spans[i][1] = b - 1
            spans[i + 1][0] = b - 1
    merged: list[list[int]] = []
    for a, b in spans:
        piece = text[a:b].lstrip(_OPENING_QUOTES + " ")
        # A "sentence" that starts in lower case is the tail of the previous
        # one after a stray full stop (e.g. 'incursions”. suffered “by ...').
        if merged and piece[:1].islower():
            merged[-1][1] = b
        else:
            merged.append([a, b])
    return merged


def sentences(text: str, prefix: str = "s") -> pd.DataFrame:
    """Split ``text`` into sentences.

    Returns a DataFrame with columns ``sentence_id`` (``prefix`` + a number
    from 01, in reading order, so the same text always gets the same ids),
    ``text``, ``start``, ``end`` and ``paragraph`` (0-based number of the line
    or paragraph the sentence is in).  ``text[start:end]`` is always the
    sentence.  A line break always ends a sentence, so headings and
    one-line paragraphs are never glued to their neighbours.

    Raises ValueError for unusable text (see :func:`medialit.textcheck.validate_text`);
    :func:`split_sentences` is the same without that check, for text already
    validated.

    >>> sentences("Mr Tokayev spoke. The U.S. embassy said so.")["text"].tolist()
    ['Mr Tokayev spoke.', 'The U.S. embassy said so.']
    """
    return split_sentences(validate_text(text), prefix)


def split_sentences(text: str, prefix: str = "s") -> pd.DataFrame:
    """:func:`sentences` for a text the caller has already validated
    (:func:`medialit.textcheck.validate_text`): :func:`medialit.report.check_article`
    validates once and splits once, then hands this table to every analyser."""
    rows = []
    for paragraph, (line_start, line_end) in enumerate(_line_spans(text)):
        for a, b in _punkt_spans(text, line_start, line_end):
            # trim whitespace inside the span so text[start:end] is tidy
            while a < b and text[a].isspace():
                a += 1
            while b > a and text[b - 1].isspace():
                b -= 1
            if a < b:
                rows.append({"text": text[a:b], "start": a, "end": b, "paragraph": paragraph})
    if not rows:
        raise ValueError("No sentences were found in the text.")
    # two digits at least (A01 ... A99, then A100): an id never depends on
    # how many sentences follow it
    columns = {"sentence_id": [f"{prefix}{i:02d}" for i in range(1, len(rows) + 1)]}
    columns.update({name: [row[name] for row in rows] for name in ("text", "start", "end", "paragraph")})
    return pd.DataFrame(columns)


def per_article(analyse, article_ids=None) -> pd.DataFrame:
    """``analyse(text, article_id)`` on each cleaned course article (all of
    them, or those in ``article_ids``), its tables stacked with an
    ``article_id`` column first: the loop behind :func:`article_sentences`,
    :func:`medialit.loaded.article_loaded` and
    :func:`medialit.attribution_eval.article_attribution`."""
    ids = list(from_file(DATA_DIR / "articles.csv", _read_files)) if article_ids is None else list(article_ids)
    frames = []
    for article_id in ids:
        frame = analyse(article_text(article_id), article_id)
        frame.insert(0, "article_id", article_id)
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


def article_sentences(article_ids=None) -> pd.DataFrame:
    """Sentences of the cleaned course articles, one row per sentence.

    Columns: ``article_id`` followed by the columns of :func:`sentences`.
    Sentence ids start with the article id (``A01``, ``B07`` ...); they are
    the ids the answer keys in ``data/keys/`` use.
    """
    return per_article(split_sentences, article_ids)


def mixed_articles(n: int, size: int = 5000, seed: int = 0) -> list[str]:
    """``n`` made-up practice texts of about ``size`` characters each, every
    one a random mix of whole sentences from the two course articles, in
    paragraphs of three sentences.

    They are not news: they exist to try the checks on a folder of many
    texts (lesson 05) and to time them (``benchmarks/``).  The same ``seed``
    gives the same texts.

    >>> texts = mixed_articles(3, size=800, seed=1)
    >>> len(texts), all(700 < len(t) < 1400 for t in texts)
    (3, True)
    >>> mixed_articles(2, seed=1) == mixed_articles(2, seed=1)
    True
    """
    import random

    if n < 0 or size < 1:
        raise ValueError("Ask for a number of texts (0 or more) of a positive size.")
    pool = list(article_sentences()["text"])
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        chosen, length = [], 0
        while length < size:
            sentence = rng.choice(pool)
            chosen.append(sentence)
            length += len(sentence) + 1
        paragraphs = [" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3)]
        texts.append("\n\n".join(paragraphs) + "\n")
    return texts

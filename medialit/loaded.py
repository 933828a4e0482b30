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
:func:`match_form`).

Voice and speaker come from lesson 02's :mod:`medialit.attribution`.
They are rules of thumb, not understanding: "attributed" means the sentence
reports a source, not that the source chose that very word.
"""

from __future__ import annotations

import bisect
import contextlib
import io
import itertools
import re

import pandas as pd

from .attribution import attribute, quote_spans
from .lexicon import CATEGORIES, LEXICON_FILE, _lexicon, _matches, load_lexicon, term_for, match_form
from .textcheck import validate_text
from .words import WORD

__all__ = [
    "LEXICON_FILE",
    "CATEGORIES",
    "load_lexicon",
    "match_form",
    "term_for",
    "find_loaded",
    "article_loaded",
    "voice_list",
    "concordance",
]


VOICES = ("quoted", "attributed", "own")
WRITER = "the writer"
#: The speaker of a quotation that nobody is said to have spoken (B14's heading).
NO_SPEAKER = "(quotation, no speaker named)"
OUTPUT_COLUMNS = ["sentence_id", "start", "end", "matched", "term", "category", "refers_to",
                  "voice", "speaker", "distancing", "neutral"]


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


# --------------------------------------------------------------------------
# Matching


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
    from .corpus import per_article

    return per_article(lambda text, article_id: find_loaded(text, lexicon, include_neutral=include_neutral,
                                                            prefix=article_id), article_ids)


def _is_tagged(sentence_id: str, matched: str, tagged: set) -> bool:
    word = matched.lower()
    return any(s == sentence_id and (h in word or word in h) for s, h in tagged)


def voice_list(found: pd.DataFrame, tagged=()) -> str:
    """:func:`article_loaded`'s (or :func:`find_loaded`'s) table as a short
    list, one line per voice: each word once, with how many times it occurs
    and in which sentences, ``authoritarian ×4 (A20, A24, A28, A35)``; then
    a count per article of the words from sources and the writer's own.

    ``tagged``: (sentence id, words) pairs, e.g. the items of a tagging
    activity and their highlighted words; a star follows each of those
    sentence ids where the found word and the tagged words overlap.

    >>> found = find_loaded("Police said the bandits fled. The regime fell.", prefix="A")
    >>> print(voice_list(found.assign(article_id="A"), tagged=[("A02", "regime")]))
    quoted (0 uses): none
    attributed (1 use): bandits (A01)
    own (1 use): regime (A02*)
    * a word you tagged.
    Article A: 1 quoted or attributed, 1 the writer's own
    """
    marks = {(str(s), str(h).lower()) for s, h in tagged}
    lines = []
    for voice in VOICES:
        words = found[found["voice"] == voice]
        entries = []
        for term, rows in words.groupby("term", sort=False):
            ids = [f"{s}*" if _is_tagged(s, m, marks) else s for s, m in zip(rows["sentence_id"], rows["matched"])]
            count = f" ×{len(ids)}" if len(ids) > 1 else ""
            entries.append(f"{term}{count} ({', '.join(ids)})")
        noun = "use" if len(words) == 1 else "uses"  # occurrences: "authoritarian ×4" counts four
        lines.append(f"{voice} ({len(words)} {noun}): {', '.join(entries) or 'none'}")
    if marks:
        lines.append("* a word you tagged.")
    if "article_id" in found.columns:
        for article_id, words in found.groupby("article_id"):
            sourced = int(words["voice"].isin(["quoted", "attributed"]).sum())
            lines.append(f"Article {article_id}: {sourced} quoted or attributed, "
                         f"{int((words['voice'] == 'own').sum())} the writer's own")
    return "\n".join(lines)


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

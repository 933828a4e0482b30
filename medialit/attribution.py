"""Who says so? Finding the source of every sentence, and the chain it came through.

A news sentence either states something in the writer's own voice, or
attributes it to a *source*: "TASS reported that ...", "..., the CSTO said",
"according to Interfax". Often the source itself only passes on what someone
else said, so a claim reaches us through a *chain* of hand-offs: a police
spokesperson speaks on state television, a news agency reports the broadcast,
and a newspaper prints the agency's story.

Public functions (these names, columns and values are a contract: other
lessons rely on them):

* :func:`attribute` ``(text, prefix="s") -> DataFrame`` - one row per
  sentence, in reading order, with the columns

  ========== ============================================================
  column     meaning
  ========== ============================================================
  sentence_id  the id from :func:`medialit.corpus.sentences` with the same
             ``prefix``; for a whole course article with
             ``prefix="A"`` / ``"B"`` the ids are those of
             :func:`medialit.corpus.article_sentences` (``A01`` ...)
  sentence   the sentence, exactly ``text[start:end]``
  start, end character offsets of the sentence in ``text``
  source     who says so: the *innermost* speaker (``chain[0]``), as a
             canonical name from ``data/lexicons/source_types.csv``
             (e.g. ``"Sultanat Azirbek"``), or the words of the text when
             the source is not in the table; ``None`` when the sentence
             names no source
  chain      list of str, innermost speaker first, then each hand-off
             outwards: ``["Sultanat Azirbek", "Khabar 24", "TASS"]``;
             ``[]`` when there is no source
  kind       ``"direct"`` (the sentence is a quotation plus at most its
             attribution), ``"indirect"`` (a paraphrase attributed to a
             source, no quotation marks), ``"mixed"`` (a paraphrase with
             quoted words inside it) or ``"none"`` (no source and no
             quotation)
  cue        the attribution words found, as written, joined with ``"; "``
             (e.g. ``"said; according to"``), or ``None``
  source_type  one of :data:`SOURCE_TYPES`: from the table for a listed
             source, ``"not in the table"`` for an unlisted one, and
             ``"the writer"`` when ``source`` is ``None``
  ========== ============================================================

  A sentence that is a quotation but has no speaker (a heading in quotation
  marks, say) gets ``kind="direct"`` and ``source=None``: the writer put the
  words in quotation marks without saying whose they are.

* :func:`quote_spans` ``(text) -> list[(start, end)]`` - the quoted material
  in ``text``: ``text[start:end]`` runs from the opening quotation mark to
  the closing one, both included (“…”, "…" and ‘…’). A quotation may run over
  several sentences. A double quotation mark that is never closed ends at
  the end of its line; an unclosed ‘ and a stray closing mark are ignored.
  Never raises for unbalanced marks.

* :func:`claims` ``(text, prefix="s") -> DataFrame`` - the figures in the
  text (killed, injured, hospitalised, arrested, beheaded, troops) with the
  number as written, what it counts, and who says it, via whom.

* :func:`chain_text` ``(chain) -> str`` - the chain as one string,
  innermost first, joined with ``" > "``: ``"Sultanat Azirbek > Khabar 24 >
  TASS"`` (read "Azirbek, as passed on by Khabar 24, as passed on by TASS").
  This is how the answer key ``data/keys/attribution.csv`` writes chains;
  :func:`parse_chain` turns it back into a list.

* :func:`load_source_types` - the table of sources and their types.

* Checking the extractor against the answer key ``data/keys/attribution.csv``:
  :func:`article_attribution` (``attribute`` on the course articles, ids
  ``A01`` ...), :func:`load_attribution_key`, :func:`compare_with_key` (one
  row per sentence, key beside extractor), :func:`agreement` (precision and
  recall per field) and :func:`per_label`; :func:`source_shares` says how
  much of each article rests on each source type.

How it works (so you can predict its mistakes): it looks for *cue words*
("said", "told", "reported", "according to", "citing" ...) outside quotation
marks, then for the nearest *source* - a name from the table
``data/lexicons/source_types.csv``, or a pronoun / phrase that points back
to one ("it", "she", "the news agency", "the channel"). Pronouns are resolved
to the last source of the right kind (a person for he/she, an organisation
for it). "According to X", "on X" (a channel), "told X", "to X" and
"citing X" add hand-offs to the chain. A sentence wholly in quotation marks
with no cue takes its speaker from the sentence where the quotation closes
(``“… .`` / ``… ,” she said.``) or, if the quotation simply goes on, from
the previous sentence of the same paragraph. There is no grammar parsing, so
a sentence with two different speakers is given only one (the first).
"""

from __future__ import annotations

import bisect
import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

from .corpus import DATA_DIR, _sentences, sentences

__all__ = [
    "SOURCE_TYPES",
    "KINDS",
    "SOURCE_TYPES_FILE",
    "load_source_types",
    "quote_spans",
    "attribute",
    "claims",
    "chain_text",
    "parse_chain",
    "with_chain_text",
    "article_attribution",
    "load_attribution_key",
    "compare_with_key",
    "agreement",
    "per_label",
    "compare_items",
    "source_shares",
]

#: The table of sources (read it, extend it).
SOURCE_TYPES_FILE = DATA_DIR / "lexicons" / "source_types.csv"

#: Every value ``source_type`` can take.
SOURCE_TYPES = (
    "state media",
    "news agency",
    "government official",
    "foreign government",
    "international organisation",
    "eyewitness",
    "unnamed",
    "the writer",
    "not in the table",
)

#: Every value ``kind`` can take.
KINDS = ("direct", "indirect", "mixed", "none")

COLUMNS = ["sentence_id", "sentence", "start", "end", "source", "chain", "kind", "cue", "source_type"]

CHAIN_SEPARATOR = " > "


# --------------------------------------------------------------------------
# The table of sources


def load_source_types(path=None) -> pd.DataFrame:
    """Read the table of sources (default ``data/lexicons/source_types.csv``).

    Columns: ``source`` (canonical name), ``source_type`` (one of
    :data:`SOURCE_TYPES`), ``entity`` (``person``, ``organisation`` or
    ``group``: decides what "he"/"she" and "it" can point back to),
    ``variants`` (the forms to look for, separated by ``|``) and ``notes``.
    """
    table = pd.read_csv(path or SOURCE_TYPES_FILE, dtype=str, keep_default_na=False)
    _check_table(set(table.columns), set(table["source_type"]) if "source_type" in table.columns else set())
    return table


def _check_table(columns: set, types: set) -> None:
    missing = {"source", "source_type", "entity", "variants"} - columns
    if missing:
        raise ValueError(f"The sources table is missing the column(s): {', '.join(sorted(missing))}.")
    bad = sorted(types - set(SOURCE_TYPES))
    if bad:
        raise ValueError(
            f"Unknown source type(s) in the sources table: {', '.join(bad)}. "
            f"Use one of: {', '.join(SOURCE_TYPES[:-1])}."
        )


def _table_key(path: Path):
    stamp = path.stat()
    return str(path), stamp.st_mtime_ns, stamp.st_size


@lru_cache(maxsize=8)
def _compiled_table(path: str, _mtime: int, _size: int):
    """(regex of all variants, variant -> (source, type, entity), source -> (type, entity))."""
    with open(path, encoding="utf-8", newline="") as handle:  # csv, not pandas: faster on first use
        rows = list(csv.DictReader(handle))
    _check_table({key for row in rows[:1] for key in row}, {row["source_type"] for row in rows})
    by_variant, by_source = {}, {}
    for source, kind, entity, variants in ((r["source"], r["source_type"], r["entity"], r["variants"]) for r in rows):
        by_source[source] = (kind, entity)
        for variant in filter(None, (v.strip() for v in variants.split("|"))):
            by_variant[variant] = (source, kind, entity)
    ordered = sorted(by_variant, key=len, reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(v) for v in ordered) + r")(?![\w-])")
    return regex, by_variant, by_source


def _table(path=None):
    return _compiled_table(*_table_key(Path(path) if path else SOURCE_TYPES_FILE))


def chain_text(chain) -> str:
    """``["Sultanat Azirbek", "Khabar 24", "TASS"]`` -> ``"Sultanat Azirbek > Khabar 24 > TASS"``."""
    return CHAIN_SEPARATOR.join(chain or [])


def with_chain_text(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with its chain columns (``chain``, ``key_chain``)
    written as text (:func:`chain_text`), which reads better in a table."""
    table = table.copy()
    for column in ("chain", "key_chain"):
        if column in table.columns:
            table[column] = table[column].map(chain_text)
    return table


def parse_chain(text) -> list[str]:
    """The inverse of :func:`chain_text`; an empty cell gives ``[]``."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [part.strip() for part in text.split(">") if part.strip()]


# --------------------------------------------------------------------------
# Quotations

_OPEN_CLOSE = {"“": "”", "‘": "’"}


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of the quoted material in ``text``, quotation marks included.

    Handles curly double quotes (“…”), straight double quotes ("…") and curly
    single quotes (‘…’, where ’ inside a word is an apostrophe, not a closing
    mark). A quotation may span several sentences of one paragraph; a double
    quotation that is never closed ends at the end of its line, and a single
    ‘ that is never closed is taken for a stray apostrophe and ignored.
    Never raises for unbalanced marks; raises ValueError only if ``text`` is
    not a string.

    >>> t = 'He said “no.” Then “yes'
    >>> [t[a:b] for a, b in quote_spans(t)]
    ['“no.”', '“yes']
    """
    if not isinstance(text, str):
        raise ValueError(f"quote_spans needs a piece of text (a string), not {type(text).__name__}.")
    return list(_quote_spans(text))


_MARKS = re.compile("[\n“”‘’\"]")


@lru_cache(maxsize=32)
def _quote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The work of :func:`quote_spans`, remembered for recent texts (the
    attribution and the loaded words of one text both need it).  Only
    quotation marks and line ends change anything, so only they are visited."""
    spans = []
    open_at, closer = None, None
    n = len(text)
    for mark in _MARKS.finditer(text):
        i, ch = mark.start(), mark.group()
        if ch == "\n" and open_at is not None and not _continues_after_newline(text, i, closer):
            if closer != "’":  # an unclosed ‘ is more likely a stray apostrophe (‘90s)
                spans.append((open_at, i))  # unclosed: ends with its line
            open_at = None
            continue
        if open_at is None:
            if ch in "“\"":
                open_at, closer = i, ("”" if ch == "“" else '"')
            elif ch == "‘" and (i + 1 < n and not text[i + 1].isspace() or _next_line_starts(text, i)):
                open_at, closer = i, "’"
            continue
        if ch == closer or (closer == '"' and ch == "”"):
            if closer == "’" and i + 1 < n and text[i + 1].isalpha():
                continue  # an apostrophe inside a word: Kazakhstan’s
            spans.append((open_at, i + 1))
            open_at = None
    if open_at is not None and closer != "’":
        spans.append((open_at, n))
    return tuple(spans)


def _next_line_starts(text: str, i: int) -> bool:
    """A lone ‘ at the end of a line opens a quotation on the next line."""
    return text[i + 1:i + 2] == "\n"


def _continues_after_newline(text: str, i: int, closer: str) -> bool:
    """True if the quotation opened just before this newline (‘\\nBuccaneers …’)."""
    before = text[max(0, i - 200):i].rstrip(" ")  # the line's end only: linear time on long texts
    return before.endswith(("‘", "“", '"'))


# --------------------------------------------------------------------------
# Cues and mentions

# Speech verbs: the subject is the speaker ("X said", "said X", "X told Y").
_SPEECH = (
    r"said|says|told|tells|reported|stated|states|warned|warns|dismissed|dismisses|"
    r"echoed|described|describes|describing|noting|noted|added|announced|confirmed|"
    r"verified|claimed|claims|insisted|admitted|denied|cried|chanted|"
    r"called(?!\s+(?:in|on|off|for|up|out)\b)|calls(?!\s+(?:in|on|off|for|up|out)\b)"
)
# The letters a cue can begin with: checking that first lets the search skip
# most positions quickly (same matches, about twice as fast).
_CUE_FIRST = "".join(sorted({word[0] for word in re.findall(r"[a-z]+", _SPEECH)} | {"a", "c"}))
_CUE = re.compile(r"\b(?=[" + _CUE_FIRST + r"])(?:(?P<according>according to)|(?P<citing>citing)|(?P<speech>"
                  + _SPEECH + r"))\b", re.I)
# A speech verb just before a quotation: 'X said: “…”'.
_CUE_AT_END = re.compile(r"(?:" + _SPEECH + r")\s*[:,]?\s*$", re.I)
# Words that point back to an earlier source.
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)
_ANAPHOR = re.compile(r"\bthe (?:news )?agency\b|\bthe channel\b|\bthe organi[sz]ation\b|\bthe alliance\b", re.I)
_ANAPHOR_TYPE = {"agency": "news agency", "channel": "state media",
                 "organisation": "international organisation", "organization": "international organisation",
                 "alliance": "international organisation"}
# Words before a name that make it a hand-off (the medium), not the speaker.
_MEDIUM_BEFORE = re.compile(r"(?:\bon|\bto|\btold|\bvia|\bthrough|\binterview with)\s+(?:[\w-]+\s+){0,2}$", re.I)
# Filler allowed between a pronoun and its cue ("she also said").
_PRONOUN_GAP = re.compile(r"^\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)*$", re.I)
# The generic subject of a cue when no listed source is found ("A doctor said").
_FALLBACK_BEFORE = re.compile(r"(?:^|[,;:\x00]\s*|\bthat\s+)((?:[A-Z]?[\w’'-]+\s+){0,3}?[A-Za-z][\w’'-]*)\s+(?:also\s+)?$")


def _mentions(sentence: str, offset: int, masked: list[tuple[int, int]], table):
    """Listed names, pronouns and pointing phrases in a sentence, outside quotes.

    Each mention: dict(start, end, words, source, type, entity, how), where
    how is "name", "pronoun" or "anaphor". Offsets are into the sentence.
    ``table`` is the compiled sources table (:func:`_table`).
    """
    regex, by_variant, _ = table
    found = []

    def overlaps(a, b, spans):  # spans: sorted and never overlapping, so bisection finds the one to test
        k = bisect.bisect_left(spans, (b,)) - 1
        return k >= 0 and spans[k][1] > a

    quoted = [(qa - offset, qb - offset) for qa, qb in masked]
    taken = []  # kept sorted
    for m in regex.finditer(sentence):
        if not overlaps(m.start(), m.end(), quoted):
            source, kind, entity = by_variant[m.group(0)]
            found.append(dict(start=m.start(), end=m.end(), words=m.group(0), source=source,
                              type=kind, entity=entity, how="name"))
            taken.append((m.start(), m.end()))
    for pattern, how in ((_ANAPHOR, "anaphor"), (_PRONOUN, "pronoun")):
        for m in pattern.finditer(sentence):
            if not overlaps(m.start(), m.end(), quoted) and not overlaps(m.start(), m.end(), taken):
                found.append(dict(start=m.start(), end=m.end(), words=m.group(0), source=None,
                                  type=None, entity=None, how=how))
                bisect.insort(taken, (m.start(), m.end()))
    found.sort(key=lambda d: d["start"])
    return found


class _History:
    """What earlier sentences said: the material pronouns point back to."""

    def __init__(self):
        self.speakers = []   # (source, type, entity) of earlier speakers, in order
        self.mentioned = []  # every listed name seen so far, in order

    def resolve(self, mention, before_in_sentence):
        words = mention["words"].lower()
        if mention["how"] == "pronoun":
            want = "person" if words in ("he", "she") else ("organisation" if words == "it" else None)
            if want == "person":
                for m in reversed(before_in_sentence):
                    if m["how"] == "name" and m["entity"] == "person":
                        return m["source"], m["type"]
            for source, kind, entity in reversed(self.speakers):
                # entity None: a speaker not in the sources table ("the
                # regional governor"), who may be the "he" or "it" that follows
                if want is None or entity in (want, None):
                    return source, kind
            return None
        want_type = next(t for w, t in _ANAPHOR_TYPE.items() if w in words)
        for m in reversed(before_in_sentence):
            if m["how"] == "name" and m["type"] == want_type:
                return m["source"], m["type"]
        for source, kind, _entity in reversed(self.mentioned):
            if kind == want_type:
                return source, kind
        return None


def _in_spans(position: int, spans) -> bool:
    """Is ``position`` inside one of ``spans`` (sorted, never overlapping)?"""
    k = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _speaker_for(cue, mentions, sentence, quotes_rel):
    """The mention that is the subject of a speech cue, or None.  ``mentions``
    are in text order; only those within 90 characters before the cue can be
    its subject, so only those are looked at (linear time on long sentences)."""
    k = bisect.bisect_right(mentions, cue.start(), key=lambda m: m["end"])
    for m in reversed(mentions[max(0, k - 50):k]):
        if m["role"] is not None:
            continue
        gap = sentence[m["end"]:cue.start()]
        if len(gap) > 90:
            break  # too far to be the subject, and so is every mention before it
        q = bisect.bisect_left(quotes_rel, (m["end"],))
        if any(ch in gap for ch in "“”\"") or (q < len(quotes_rel) and quotes_rel[q][0] < cue.start()):
            break
        if m["how"] == "pronoun" and not _PRONOUN_GAP.match(gap):
            continue
        if not re.search(r"\bthat\b", gap):
            return m
        break
    k = bisect.bisect_left(mentions, cue.end(), key=lambda m: m["start"])
    after = next((mentions[j] for j in range(k, len(mentions)) if mentions[j]["role"] is None), None)
    if after is not None and after["start"] - cue.end() <= 25:
        gap = sentence[cue.end():after["start"]]
        if after["how"] != "pronoun" and not re.search(r"\bthat\b", gap):
            return after
    return None


def _fallback_speaker(cue, sentence, masked_sentence):
    """Words before a cue that look like its subject, for sources not in the table."""
    if cue.group("speech") is None:
        return None
    # the subject's few words fit in the 200 characters before the cue
    m = _FALLBACK_BEFORE.search(masked_sentence, max(0, cue.start() - 200), cue.start())
    if not m:
        return None
    words = m.group(1).strip()
    if words.lower() in {"it", "he", "she", "they", "this", "which", "who", "that", "and", "but"}:
        return None
    if not any(w[:1].isupper() for w in words.split()) and not re.match(r"(?i)(a|an|the|some|one|two|several|many)\b", words):
        return None
    return words


def _kind(sentence: str, start: int, quotes, has_source: bool, cue_spans_rel) -> str:
    rel = [(max(a, start) - start, min(b, start + len(sentence)) - start)
           for a, b in quotes if a < start + len(sentence) and start < b]
    if not rel:
        return "indirect" if has_source else "none"
    outside = list(sentence)
    for a, b in rel:
        for i in range(a, b):
            outside[i] = " "
    rest = "".join(outside)
    # take out the attribution clause: cue words and what follows or precedes them
    words = re.findall(r"[^\W_]+(?:[’'-][^\W_]+)*", rest)
    if not words:
        return "direct"
    first_quote = rel[0][0]
    starts_quoted = not sentence[:first_quote].strip()
    if starts_quoted and cue_spans_rel and all(a >= rel[0][1] for a, _ in cue_spans_rel):
        return "direct"  # “…,” said X, a spokesman for …  /  “…,” she said.
    tail_quoted = not sentence[rel[-1][1]:].strip(" .”\"’")
    if tail_quoted and len(rel) == 1 and _CUE_AT_END.search(sentence[:first_quote]):
        return "direct"  # X said: “…”
    return "mixed"


# --------------------------------------------------------------------------
# attribute()


def attribute(text: str, prefix: str = "s", *, sources=None) -> pd.DataFrame:
    """One row per sentence of ``text``: who says so, through whom, and how.

    Columns (see the module docstring for details): ``sentence_id``,
    ``sentence``, ``start``, ``end``, ``source``, ``chain``, ``kind``,
    ``cue``, ``source_type``.  ``prefix`` is passed to
    :func:`medialit.corpus.sentences`, so ``attribute(article_text("A"),
    prefix="A")`` gives the ids ``A01`` ... of the answer keys.
    ``sources`` is another sources table to use instead of
    ``data/lexicons/source_types.csv`` (a path).

    Raises ValueError for unusable text (empty, not English, ...).

    >>> row = attribute("TASS said 12 people died.").iloc[0]
    >>> row["source"], row["chain"], row["kind"], row["cue"], row["source_type"]
    ('TASS', ['TASS'], 'indirect', 'said', 'news agency')
    """
    result = attribution_frame(text, prefix, sources=sources).copy()
    result["chain"] = [list(chain) for chain in result["chain"]]  # the caller's own lists
    return result


def attribution_frame(text: str, prefix: str = "s", *, sources=None) -> pd.DataFrame:
    """What :func:`attribute` returns, but the remembered table itself, not
    a copy: for other medialit functions that only read it (changing it
    would change what later calls for the same text get)."""
    if not isinstance(text, str):
        sentences(text)  # raises the plain-language ValueError for bytes, None, ...
    sources = None if sources is None else str(sources)
    version = _table_key(Path(sources) if sources else SOURCE_TYPES_FILE)
    return _attribute(text, str(prefix), sources, version)


@lru_cache(maxsize=32)
def _attribute(text: str, prefix: str, sources, _table_version) -> pd.DataFrame:
    """The work of :func:`attribute`, remembered for recent texts (lesson 05
    and :func:`medialit.loaded.find_loaded` ask for the same text again).
    ``_table_version`` (the sources file's path, time and size) is part of
    the key, so an edited sources table is never answered from memory."""
    sents = _sentences(text, prefix)  # read only; checks the text (check_text) first
    table = _table(sources)
    by_source = table[2]
    quotes = _quote_spans(text)
    quote_ends = [b for _a, b in quotes]
    history = _History()
    rows = []
    columns = [sents[name].tolist() for name in ("sentence_id", "text", "start", "end", "paragraph")]
    for sid, sentence, start, end, paragraph in zip(*columns):
        row = _attribute_sentence(sentence, start, quotes, quote_ends, history, table)
        row.update(sentence_id=sid, sentence=sentence, start=start, end=end, paragraph=paragraph)
        rows.append(row)
        if row["source"] is not None:
            history.speakers.append((row["source"], row["source_type"], row["entity"]))
    _carry_quotes(rows, quotes)
    for row in rows:
        if row["source"] is None:
            row["source_type"] = "the writer"
            row["chain"] = []
        elif row["source_type"] is None:
            row["source_type"] = by_source.get(row["source"], ("not in the table",))[0]
    columns = {name: [row[name] for row in rows] for name in COLUMNS}
    for name in ("source", "cue"):  # None (not NaN) for "no source" / "no cue", as documented
        columns[name] = pd.Series(columns[name], dtype=object)
    return pd.DataFrame(columns)


def _with_none(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Keep None (not NaN) for "no source" / "no cue", as documented."""
    for column in columns:
        values = [None if v is None or (isinstance(v, float) and v != v) else v for v in frame[column]]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


def _quotes_touching(quotes, quote_ends, start: int, end: int) -> list[tuple[int, int]]:
    """The quotations (sorted, never overlapping, ends in ``quote_ends``)
    that overlap text[start:end]: found by bisection, not by a scan."""
    inside = []
    for a, b in quotes[bisect.bisect_right(quote_ends, start):]:
        if a >= end:
            break
        inside.append((a, b))
    return inside


def _attribute_sentence(sentence, start, quotes, quote_ends, history, table):
    """Source, chain, kind and cue of one sentence (offsets relative to the text).
    ``quotes`` are the text's quotations and ``quote_ends`` their ends (for
    bisection); ``table`` is the compiled sources table (:func:`_table`)."""
    end = start + len(sentence)
    inside = _quotes_touching(quotes, quote_ends, start, end)
    quotes_rel = [(a - start, b - start) for a, b in inside]
    mentions = _mentions(sentence, start, inside, table)
    cues = [c for c in _CUE.finditer(sentence) if not _in_spans(start + c.start(), inside)]
    _mark_handoffs(sentence, mentions, cues)
    speakers = [who for c in cues if c.group("speech")
                for who in [_speaker_for(c, mentions, sentence, quotes_rel)] if who is not None]
    resolved = _resolve(mentions, history, table)
    speaker = next((s for s in speakers if id(s) in resolved), None)
    unlisted = None if speaker is not None else _unlisted_speaker(sentence, cues, quotes_rel)
    according = [m for m in mentions if m["role"] == "according" and id(m) in resolved]
    if speaker is None and unlisted is None and according:
        speaker = according.pop(0)  # "According to TASS, 12 died": TASS is the speaker
    chain = _build_chain(mentions, resolved, speaker, unlisted, according)
    names = list(dict.fromkeys(source for _pos, (source, _type, _entity) in chain))
    history.mentioned.extend(layer for _pos, layer in chain)
    history.mentioned.extend((m["source"], m["type"], m["entity"]) for m in mentions if m["how"] == "name")
    source = names[0] if names else None
    first = chain[0][1] if chain else (None, None, None)
    return dict(
        source=source,
        chain=names,
        kind=_kind(sentence, start, inside, source is not None, [(c.start(), c.end()) for c in cues]),
        cue="; ".join(c.group(0) for c in cues) if (cues and source) else None,
        source_type=first[1] if source else None,
        entity=first[2] if source else None,
    )


def _mark_handoffs(sentence, mentions, cues) -> None:
    """Give each mention its role: "according" (according to X), "citing"
    (citing X), "medium" (on X, told X, to X, via X) or None (a possible speaker).
    ``mentions`` are in text order.  Each step looks only near its mention or
    cue, so a long sentence costs time in proportion to its length."""
    for m in mentions:
        m["role"] = None
    starts = [m["start"] for m in mentions]
    for c in cues:
        if c.group("according") or c.group("citing"):
            target = None
            for m in mentions[bisect.bisect_left(starts, c.end()):]:
                if m["start"] - c.end() > 60:
                    break
                if m["role"] is None and m["how"] != "pronoun":
                    target = m
                    break
            if target is not None:
                target["role"] = "according" if c.group("according") else "citing"
                target["cue_at"] = c.start()
    first_speech_end = min((c.end() for c in cues if c.group("speech")), default=None)
    for m in mentions:
        # the words before a medium ("on", "told" + up to two words) fit in 200 characters
        if m["role"] is None and m["how"] != "pronoun" and _MEDIUM_BEFORE.search(
                sentence, max(0, m["start"] - 200), m["start"]):
            after_speech = first_speech_end is not None and first_speech_end <= m["start"]
            if after_speech or re.search(r"\bon\s", sentence[max(0, m["start"] - 40):m["start"]]):
                m["role"] = "medium"


def _resolve(mentions, history, table) -> dict:
    """id(mention) -> (source, type, entity), pronouns and pointing phrases included."""
    resolved = {}
    names = [x for x in mentions if x["how"] == "name"]  # in text order
    for m in mentions:
        if m["how"] == "name":
            resolved[id(m)] = (m["source"], m["type"], m["entity"])
            continue
        before = names[:bisect.bisect_right(names, m["start"], key=lambda x: x["end"])]
        hit = history.resolve(m, before)
        if hit:
            resolved[id(m)] = (hit[0], hit[1], table[2].get(hit[0], (None, None))[1])
    return resolved


def _unlisted_speaker(sentence, cues, quotes_rel):
    """The words of a speaker that is not in the sources table, or None."""
    masked = list(sentence)
    for a, b in quotes_rel:
        for i in range(max(a, 0), min(b, len(sentence))):
            masked[i] = "\x00"  # quoted words: a clause boundary
    masked = "".join(masked)
    for c in cues:
        words = _fallback_speaker(c, sentence, masked)
        if words:
            return words
    return None


def _build_chain(mentions, resolved, speaker, unlisted, according):
    """[(position, (source, type, entity))], innermost speaker first."""
    chain = []
    if speaker is not None:
        chain.append((speaker["start"], resolved[id(speaker)]))
    elif unlisted is not None:
        chain.append((-1, (unlisted, None, None)))
    if chain:
        chain += [(m["start"], resolved[id(m)]) for m in mentions if m["role"] == "medium" and id(m) in resolved]
    chain += [(m["start"], resolved[id(m)]) for m in according]
    for m in mentions:
        if m["role"] == "citing" and id(m) in resolved and chain:
            # the cited source sits just inside the layer named before "citing"
            before = [i for i, (pos, _) in enumerate(chain) if pos < m["cue_at"]]
            where = max(before, key=lambda i: chain[i][0]) if before else 0
            chain.insert(where, (m["start"], resolved[id(m)]))
    return chain


def _carry_quotes(rows, quotes):
    """Give a speaker to quoted sentences that have none of their own."""
    quote_ends = [b for _a, b in quotes]
    for i, row in enumerate(rows):
        if row["source"] is not None:
            continue
        start, end = row["start"], row["end"]
        spans = _quotes_touching(quotes, quote_ends, start, end)
        if not spans:
            continue
        # a quotation that goes on into later sentences: its speaker is named
        # where it closes (“Let me … . The playbook …,” she said.)
        a, b = spans[-1]
        if b > end:
            for later in rows[i + 1:]:
                if later["paragraph"] != row["paragraph"]:
                    break
                if later["start"] < b <= later["end"] or later["start"] >= b:
                    if later["source"] is not None:
                        _copy_source(row, later)
                    break
            if row["source"] is not None:
                continue
        # a quotation that simply continues the previous speaker's words
        if i > 0 and row["kind"] == "direct":
            prev = rows[i - 1]
            if prev["paragraph"] == row["paragraph"] and prev["source"] is not None and prev["kind"] in ("direct", "mixed"):
                _copy_source(row, prev)


def _copy_source(row, other):
    row["source"] = other["source"]
    row["chain"] = list(other["chain"])
    row["source_type"] = other["source_type"]
    row["entity"] = other["entity"]
    row["cue"] = None


# --------------------------------------------------------------------------
# claims()

_NUMBER_WORDS = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                 r"a dozen|dozens|scores|hundreds|thousands|several")
_FIGURE = re.compile(
    r"\b(?P<figure>(?:(?:at least|more than|over|about|around|nearly|almost|up to|some)\s+)?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:" + _NUMBER_WORDS + r"))\b)",
    re.I,
)
_EVENTS = {
    "killed": r"killed|died|dead|deaths|eliminated|lost their lives",
    "injured": r"injured|wounded|hurt",
    "hospitalised": r"hospitali[sz]ed|in hospital",
    "arrested": r"arrested|detained",
    "beheaded": r"beheaded|decapitated|guillotined",
    "troops": r"troops|soldiers|paratroopers|servicemen|dogfaces",
}
_EVENT = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _EVENTS.items()) + r")\b", re.I)
# Nouns for people: a figure counting them is kept even when the event is
# not one the list knows (it is then "unclear").
_PEOPLE = re.compile(r"\b(?:people|persons|protesters|demonstrators|attackers|officers|members|police(?:men)?|"
                     r"civilians|soldiers|troops|residents|citizens)\b", re.I)
_FILLER = re.compile(r"^of\b(?:\s+the\b)?|(?:^|\s+)(?:were|was|had|have|has|been|being|who|that|are|is)(?:\s+(?:been|being|found))?$", re.I)
_OF_WHOM = re.compile(r"\s+of\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?(?=\s+(?:had|have|has|were|was|are|is|who)\b|[,.;]|$)")

CLAIM_COLUMNS = ["sentence_id", "figure", "counts", "event", "words", "source", "chain", "source_type", "kind"]


def _counted(words: str) -> str:
    """'of the officers was' -> 'officers'."""
    previous = None
    words = words.strip(" ,")
    while words != previous:
        previous = words
        words = _FILLER.sub("", words).strip(" ,")
    return words


def claims(text: str, prefix: str = "s", *, sources=None) -> pd.DataFrame:
    """The figures in ``text`` and who says them.

    One row per figure (a number, or a word such as "dozens") that comes
    close to one of the events killed, injured, hospitalised, arrested,
    beheaded, or that counts troops; a figure that counts people with an
    event the list does not know gets ``event="unclear"``. Columns:

    ``sentence_id``; ``figure`` - the number as written ("more than 350",
    "dozens", "12"); ``counts`` - what it counts, as written ("law
    enforcement officers"), or "" when the text leaves it out; ``event``;
    ``words`` - the exact words of the sentence from the figure to the
    event (``words in sentence`` is always true); and the ``source``,
    ``chain``, ``source_type`` and ``kind`` of the sentence (from
    :func:`attribute`).

    It reads numbers as written: it does not add figures up or decide which
    is right. Spun words it does not know (article B's "had failed", likely
    "had died", inferred) give ``event="unclear"``: compare with the claim
    ledger ``data/keys/claims_02.csv``.

    >>> claims("Police said 12 officers were killed.")[["figure", "counts", "event"]].values.tolist()
    [['12', 'officers', 'killed']]
    """
    rows_out = []
    table = attribute(text, prefix=prefix, sources=sources)
    for row in table.itertuples(index=False):
        sentence = row.sentence
        events = list(_EVENT.finditer(sentence))
        for m in _FIGURE.finditer(sentence):
            figure = m.group("figure")
            if re.fullmatch(r"(?:1[89]|20)\d\d", figure):
                continue  # a year, not a count
            # "12 officers were killed" (event after) / "had killed dozens of protesters" (before)
            after = next((e for e in events if e.start() >= m.end() and e.start() - m.end() <= 60
                          and not re.search(r"[;:]|\band\b|\bbut\b", sentence[m.end():e.start()])), None)
            before = next((e for e in reversed(events) if e.end() <= m.start()
                           and re.fullmatch(r"\s*(?:at least\s+)?", sentence[e.end():m.start()])), None)
            if after is not None and (before is None or after.group("troops")):
                event, words = after, sentence[m.start():after.end()]
                counts = _counted(sentence[m.end():after.start()])
                if after.group("troops") and not counts:
                    counts = after.group(0)
            elif before is not None:
                event = before
                tail = re.match(r"(?:\s+of(?:\s+the)?)?\s+((?:[\w’'-]+\s+){0,3}?[\w’'-]+?)(?=[,.;]|\s+(?:in|on|at|and|who|as)\b|$)",
                                sentence[m.end():])
                counts = tail.group(1) if tail else ""
                words = sentence[before.start():m.end() + (tail.end() if tail else 0)]
            else:
                people = _PEOPLE.search(sentence, m.end())
                if people is None or people.start() - m.end() > 30:
                    continue
                stop = people.end()
                more = _OF_WHOM.match(sentence, stop)  # "members of the security forces"
                if more:
                    stop = more.end()
                event, counts = None, _counted(sentence[m.end():stop])
                words = sentence[m.start():stop]
            kind = "unclear" if event is None else next(k for k, v in event.groupdict().items() if v)
            rows_out.append(dict(
                sentence_id=row.sentence_id, figure=figure, counts=counts, event=kind,
                words=words, source=row.source, chain=row.chain,
                source_type=row.source_type, kind=row.kind,
            ))
    return _with_none(pd.DataFrame(rows_out, columns=CLAIM_COLUMNS), ("source",))


# --------------------------------------------------------------------------
# The course articles, the answer key and agreement

FIELDS = ("source", "chain", "kind", "source_type")
#: The value of each field that means "nothing attributed".
_EMPTY = {"source": None, "chain": (), "kind": "none", "source_type": "the writer"}


def article_attribution(article_ids=("A", "B")) -> pd.DataFrame:
    """:func:`attribute` run on the cleaned course articles, with the ids the
    answer keys use (``A01`` ...) and an ``article_id`` column first."""
    from .corpus import article_text

    frames = []
    for article_id in article_ids:
        frame = attribute(article_text(article_id), prefix=article_id)
        frame.insert(0, "article_id", article_id)
        frames.append(frame)
    return _with_none(pd.concat(frames, ignore_index=True), ("source", "cue"))


def load_attribution_key(name: str = "attribution") -> pd.DataFrame:
    """The answer key ``data/keys/<name>.csv``: one row per sentence, with
    ``chain`` as a list and ``source`` as ``None`` where the key has none."""
    from .tagging import load_key

    key = load_key(name)
    key["chain"] = key["chain"].map(parse_chain)
    key["source"] = key["source"].astype(object).where(key["source"].str.strip() != "", None)
    return key


def _blank(value):
    """None for None, NaN and empty strings; the value otherwise."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _name(value):
    """A source name for comparing: case, spaces and a leading "the" ignored."""
    value = _blank(value)
    if value is None:
        return None
    return re.sub(r"^the\s+", "", " ".join(str(value).lower().split()))


def _same(field, a, b) -> bool:
    if field == "chain":
        return [_name(x) for x in (a or [])] == [_name(x) for x in (b or [])]
    if field == "source":
        return _name(a) == _name(b)
    return _blank(a) == _blank(b)


def compare_with_key(article_ids=("A", "B"), key=None) -> pd.DataFrame:
    """The extractor's answer beside the key's, one row per sentence.

    Columns: ``sentence_id``, ``sentence``, then for each field of
    :data:`FIELDS` the key's value (``key_source`` ...), the extractor's
    (``source`` ...) and whether they agree (``ok_source`` ...), and the
    key's ``rationale``.
    """
    key = load_attribution_key() if key is None else key
    found = article_attribution(article_ids)
    key = key[key["article_id"].isin(list(article_ids))].set_index("sentence_id")
    missing = sorted(set(found["sentence_id"]) ^ set(key.index))
    if missing:
        raise ValueError("The answer key and the articles' sentences do not match "
                         f"(ids {', '.join(missing[:5])}): run the data tests to see why.")
    rows = []
    for row in found.itertuples(index=False):
        k = key.loc[row.sentence_id]
        out = {"sentence_id": row.sentence_id, "sentence": row.sentence}
        for field in FIELDS:
            mine, theirs = getattr(row, field), k[field]
            out[f"key_{field}"], out[field] = theirs, mine
            out[f"ok_{field}"] = _same(field, theirs, mine)
        out["rationale"] = k["rationale"]
        rows.append(out)
    return pd.DataFrame(rows)


def compare_items(key: pd.DataFrame) -> pd.DataFrame:
    """Like :func:`compare_with_key`, for a key of single sentences that are
    not from the course articles (a ``text`` column instead of ids), such as
    ``data/keys/attribution_heldout.csv``. Source names are compared
    ignoring case and a leading "the"."""
    for column in ("item_id", "text") + FIELDS:
        if column not in key.columns:
            raise ValueError(f"The key needs a '{column}' column.")
    rows = []
    for k in key.itertuples(index=False):
        found = attribute(k.text).iloc[0]
        out = {"sentence_id": k.item_id, "sentence": k.text}
        for field in FIELDS:
            theirs = parse_chain(k.chain) if field == "chain" else _blank(getattr(k, field))
            out[f"key_{field}"], out[field] = theirs, found[field]
            out[f"ok_{field}"] = _same(field, theirs, found[field])
        out["rationale"] = getattr(k, "rationale", "")
        rows.append(out)
    return pd.DataFrame(rows)


def _is_empty(field, value) -> bool:
    if field == "chain":
        return not value
    return _blank(value) == _EMPTY[field]


def agreement(comparison: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of the extractor, per field, from :func:`compare_with_key`.

    For every field, a sentence counts as *found* when the extractor gives
    it something other than "nothing attributed" (no source, kind ``none``,
    type ``the writer``), and as *in the key* when the key does.
    ``precision`` = found and exactly right / found; ``recall`` = found and
    exactly right / in the key; ``agree`` = sentences where extractor and
    key are equal (including both empty) / all sentences.
    """
    rows = []
    n = len(comparison)
    for field in FIELDS:
        key_values, found_values = comparison[f"key_{field}"], comparison[field]
        in_key = sum(not _is_empty(field, v) for v in key_values)
        found = sum(not _is_empty(field, v) for v in found_values)
        right = sum(not _is_empty(field, k) and _same(field, k, f) for k, f in zip(key_values, found_values))
        agree = int(comparison[f"ok_{field}"].sum())
        rows.append({
            "field": field, "sentences": n, "agree": agree, "agree_%": round(100 * agree / n, 1) if n else None,
            "in_key": in_key, "found": found, "found_and_right": right,
            "precision": round(right / found, 3) if found else None,
            "recall": round(right / in_key, 3) if in_key else None,
        })
    return pd.DataFrame(rows)


def per_label(comparison: pd.DataFrame, field: str = "kind") -> pd.DataFrame:
    """Precision and recall for each value of ``kind`` or ``source_type``."""
    if field not in ("kind", "source_type"):
        raise ValueError("per_label works for the fields 'kind' and 'source_type'.")
    key_values, found_values = comparison[f"key_{field}"], comparison[field]
    rows = []
    for label in sorted(set(key_values) | set(found_values)):
        in_key = int((key_values == label).sum())
        found = int((found_values == label).sum())
        right = int(((key_values == label) & (found_values == label)).sum())
        rows.append({field: label, "in_key": in_key, "found": found, "found_and_right": right,
                     "precision": round(right / found, 3) if found else None,
                     "recall": round(right / in_key, 3) if in_key else None})
    return pd.DataFrame(rows)


def source_shares(table: pd.DataFrame, by: str = "source_type", weight: str = "characters") -> pd.DataFrame:
    """How much of each article rests on each source type.

    ``table`` has ``article_id``, ``sentence`` and ``by`` columns (the
    output of :func:`article_attribution`, or the answer key). Returns a
    table with one row per value of ``by`` and one column per article,
    giving the percentage of the article's ``weight`` - ``"characters"``
    (longer sentences count more) or ``"sentences"`` - that rests on it.
    Rows are sorted by the overall share, largest first.
    """
    if weight not in ("characters", "sentences"):
        raise ValueError("weight must be 'characters' or 'sentences'.")
    for column in ("article_id", "sentence", by):
        if column not in table.columns:
            raise ValueError(f"The table needs a '{column}' column.")
    sizes = table["sentence"].str.len() if weight == "characters" else pd.Series(1, index=table.index)
    totals = pd.DataFrame({"article_id": table["article_id"], by: table[by], "size": sizes})
    shares = totals.pivot_table(index=by, columns="article_id", values="size", aggfunc="sum", fill_value=0)
    shares = (100 * shares / shares.sum()).round(1)
    shares = shares.loc[shares.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    shares.columns.name = "article"
    return shares


# Build the sources pattern now, at import, so the first call is as fast as
# the others. A missing or broken table is reported when it is used instead.
try:
    _table()
except (OSError, ValueError):  # pragma: no cover - reported on first use
    pass

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
  number as written, what it counts, and who says it, via whom. It lives in
  :mod:`medialit.claim_ledger`.

* :func:`chain_text` ``(chain) -> str`` - the chain as one string,
  innermost first, joined with ``" > "``: ``"Sultanat Azirbek > Khabar 24 >
  TASS"`` (read "Azirbek, as passed on by Khabar 24, as passed on by TASS").
  This is how the answer key ``data/keys/attribution.csv`` writes chains;
  :func:`parse_chain` turns it back into a list.

* :func:`load_source_types` - the table of sources and their types.

* Checking the extractor against the answer key ``data/keys/attribution.csv``:
  :func:`article_attribution` (``attribute`` on the course articles, ids
  ``A01`` ...), :func:`load_attribution_key`, :func:`compare_with_key` (one
  row per sentence, key beside extractor), :func:`attribution_scores` (precision and
  recall per field) and :func:`per_label`; :func:`source_shares` says how
  much of each article rests on each source type. These live in
  :mod:`medialit.attribution_eval`; like :func:`claims`, they can be
  imported from here too.

This module holds the extraction itself: the sources table, quotations,
cue words and the :class:`Mention` of a possible source in a sentence.

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

Wire style it also reads (measured on the held-out set, data/heldout/):
"X cited Y as saying" (Y speaks, X passes it on); a passive with "by"
("was regarded by the authorities as"); "…, reports the country's Interior
Ministry." and "according to the local authorities" for sources the table
does not list; "authorities said" (the table's "the authorities"); "the
source said" (whoever spoke last, with the same hand-offs); "She spoke on
state news channel Khabar-24." (the medium of her earlier sentences);
"according to news agencies Interfax and RIA Novosti" (one hand-off by two
agencies). Names match with a hyphen for a space ("Khabar-24") and either
apostrophe. Not cues: passives ("were warned that"), adjectives ("the
reported attempts"), "dismissed the government".
"""

from __future__ import annotations

import bisect
import csv
import re
from dataclasses import dataclass
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
    "attribution_scores",
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
            by_variant[_spelling(variant)] = (source, kind, entity)
    ordered = sorted(by_variant, key=len, reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(_loose(v) for v in ordered) + r")(?![\w-])")
    return regex, by_variant, by_source


_JOINERS = " ‐‑-"  # the hyphen last: in a [...] class it must not make a range


def _spelling(words: str) -> str:
    """The form a name is looked up by: "Khabar-24" and "Khabar 24", and
    "Kazakhstan’s" and "Kazakhstan's", are the same name."""
    return re.sub(f"[\\s{_JOINERS}]+", " ", words.replace("’", "'"))


def _loose(variant: str) -> str:
    """A pattern for a variant that lets a space and a hyphen stand for each
    other, and a straight and a curly apostrophe."""
    out = []
    for ch in variant:
        if ch in _JOINERS:
            out.append(f"[\\s{_JOINERS}]+")
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _lookup(by_variant: dict, words: str):
    """(source, type, entity) of the variant ``words`` as found in a text."""
    return by_variant[_spelling(words)]


def _listed(by_variant: dict, words: str):
    """The table's (source, type, entity) for words found some other way
    ("authorities said": the table's "the authorities"), or None."""
    key = _spelling(words.strip())
    for form in (key, re.sub(r"(?i)^the\s+", "", key), "the " + key):
        hit = by_variant.get(form) or by_variant.get(form[:1].upper() + form[1:])
        if hit:
            return hit
    return None


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
        if closer == "”" and ch == "’" and text[i + 1:i + 2] == "’":
            spans.append((open_at, i + 2))  # “…’’: two single marks typed for a double one
            open_at = None
            continue
        # pasted web text mixes the two kinds: “…" and "…” both close
        if ch == closer or (closer == '"' and ch == "”") or (closer == "”" and ch == '"'):
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
    j = i
    while j > 0 and text[j - 1] == " ":  # back over this line's trailing spaces only: linear time
        j -= 1
    return j > 0 and text[j - 1] in ("‘", "“", '"')


# --------------------------------------------------------------------------
# Cues and mentions

# Speech verbs: the subject is the speaker ("X said", "said X", "X told Y").
_SPEECH = (
    r"said|says|say|told|tells|reported|reports|stated|states|warned|warns|dismissed|dismisses|"
    r"echoed|described|describes|describing|noting|noted|added|announced|confirmed|"
    r"verified|claimed|claims|insisted|admitted|denied|cried|chanted|spoke|speaking|"
    r"stressed|stresses|declared|declares|informs|informed|urged|urges|explained|explains|"
    r"called(?!\s+(?:in|on|off|for|up|out)\b)|calls(?!\s+(?:in|on|off|for|up|out)\b)"
)
# The letters a cue can begin with: checking that first lets the search skip
# most positions quickly (same matches, about twice as fast).
_CUE_FIRST = "".join(sorted({word[0] for word in re.findall(r"[a-z]+", _SPEECH)} | {"a", "c"}))
_CUE = re.compile(r"\b(?=[" + _CUE_FIRST + r"])(?:(?P<according>according to)|(?P<citing>citing)|(?P<speech>"
                  + _SPEECH + r"))\b", re.I)
# When a cue word is not a cue: a passive ("were warned that", "Casualties
# were reported": the subject is not the speaker), an adjective ("the
# reported attempts"), "dismissed" meaning fired, "reports" as a noun.
_NOT_A_CUE_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|be|been|being|to)\s+(?:\w+ly\s+)?"
                               r"|\b(?:the|a|an|these|those|its|their|media|news|press|local|unconfirmed|citing)\s+)$",
                               re.I)
_DISMISSED_PERSON = re.compile(r"\s+(?:the|his|her|their|its)\s+(?:\w+\s+)?(?:government|cabinet|minister|head|chief|"
                               r"officials?|prime|deputy|chairman|governor|mayor)\b|\s+(?:him|her|them)\b", re.I)
# "X cited Y as saying": Y speaks, X passes it on.
_CITED_AS = re.compile(r"\b(?:cited|cites|quoted|quotes)\s+(?P<who>[^,;:“”\"]{2,80}?)\s+as\s+say(?:ing|s)\b", re.I)
# "was regarded by X as": X is the speaker of a passive verb of saying.
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:described|regarded|called|termed|branded|labell?ed|"
                         r"seen|viewed|condemned|denounced|dismissed|reported)\s+by\s+", re.I)
# The words after "according to" (or a passive's "by") when they name no listed source.
_NOUN_PHRASE_AFTER = re.compile(r"\s*((?:the\s+)?[^,.;:!?“”\"()\[\]]{2,60}?)\s*(?=[,.;:!?“”\"]|\s+as\b|$)")
# A speech verb just before a quotation: 'X said: “…”'.
_CUE_AT_END = re.compile(r"(?:" + _SPEECH + r")\s*[:,]?\s*$", re.I)
# Words that point back to an earlier source.
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)
_ANAPHOR = re.compile(r"\bthe (?:news )?agency\b|\bthe channel\b|\bthe organi[sz]ation\b|\bthe alliance\b"
                      r"|\bthe source\b", re.I)
_ANAPHOR_TYPE = {"agency": "news agency", "channel": "state media",
                 "organisation": "international organisation", "organization": "international organisation",
                 "alliance": "international organisation"}
# Words before a name that make it a hand-off (the medium), not the speaker.
_MEDIUM_BEFORE = re.compile(r"(?:\bon|\bto|\btold|\bvia|\bthrough|\binterview with)\s+(?:[\w-]+\s+){0,3}$", re.I)
# Filler allowed between a pronoun and its cue ("she also said").
_PRONOUN_GAP = re.compile(r"^\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)*$", re.I)
# The generic subject of a cue when no listed source is found ("A doctor said").
_BRACKET_BEFORE = re.compile(r"\[[^\[\]\x00]{1,80}\]\s*$")
_FALLBACK_BEFORE = re.compile(r"(?:^|[,;:\x00]\s*|\bthat\s+)((?:[A-Z]?[\w’'-]+\s+){0,6}?[A-Za-z][\w’'-]*)\s+(?:also\s+)?$")
# Plural nouns for people who may speak with no article ("authorities said").
_BARE_GROUPS = {"authorities", "officials", "police", "witnesses", "residents", "protesters", "demonstrators",
                "activists", "analysts", "diplomats", "sources", "doctors", "journalists", "reporters"}
# The speaker named after a cue that ends the sentence: "…, reports the country's Interior Ministry."
_SPEAKER_AFTER = re.compile(r"\s+((?:the|a|an)\s+[^,.;:!?“”\"]{2,60}?|[A-Z][^,.;:!?“”\"]{1,60}?)\s*(?=[,.;:!?]|$)")
# "She spoke on state news channel Khabar-24.": a sentence that only says
# where the last speaker spoke, so the earlier sentences' chains go through it.
_SPOKE_ON = re.compile(r"^\W*(?:he|she|they)\s+(?:also\s+)?(?:spoke|was speaking|were speaking|said so|made the "
                       r"(?:remarks?|comments?))\s+(?:on|to|in an interview with)\b[^.!?]*[.!?]?\W*$", re.I)


@dataclass
class Mention:
    """A possible source named in a sentence, outside quotation marks.

    ``start``/``end`` are offsets into the sentence and ``words`` the words as
    written. ``how`` is "name" (a variant from the sources table), "pronoun"
    (he, she, it, they) or "anaphor" (a pointing phrase: "the news agency").
    ``source``, ``type`` and ``entity`` come from the table for a name;
    ``resolved`` is (source, type, entity) once the mention is known to stand
    for a source (for pronouns and anaphors: the earlier source they point
    back to), else None. ``role`` is what the sentence makes of it: None (a
    possible speaker), "according" (according to X), "citing" (citing X) or
    "medium" (on X, told X, via X); ``cue_at`` is where its "according to" /
    "citing" begins."""

    start: int
    end: int
    words: str
    how: str
    source: str | None = None
    type: str | None = None
    entity: str | None = None
    role: str | None = None
    cue_at: int | None = None
    resolved: tuple | None = None
    joined: bool = False  # named beside the one before ("Interfax and RIA Novosti"): the same layer


def _mentions(sentence: str, offset: int, masked: list[tuple[int, int]], table) -> list[Mention]:
    """Listed names, pronouns and pointing phrases in a sentence, outside
    quotes, in reading order. ``table`` is the compiled sources table
    (:func:`_table`)."""
    regex, by_variant, _ = table
    found = []
    quoted = [(qa - offset, qb - offset) for qa, qb in masked]
    taken = []  # kept sorted (and never overlapping), for _overlaps
    for m in regex.finditer(sentence):
        if not _overlaps(m.start(), m.end(), quoted):
            source, kind, entity = _lookup(by_variant, m.group(0))
            found.append(Mention(m.start(), m.end(), m.group(0), "name", source, kind, entity))
            taken.append((m.start(), m.end()))
    for pattern, how in ((_ANAPHOR, "anaphor"), (_PRONOUN, "pronoun")):
        for m in pattern.finditer(sentence):
            if not _overlaps(m.start(), m.end(), quoted) and not _overlaps(m.start(), m.end(), taken):
                found.append(Mention(m.start(), m.end(), m.group(0), how))
                bisect.insort(taken, (m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    return found


def _overlaps(a: int, b: int, spans) -> bool:
    """Does text[a:b] overlap one of ``spans``?  They are sorted and never
    overlap each other, so only the last one that starts before ``b`` can
    (found by bisection: linear time on a long sentence)."""
    k = bisect.bisect_left(spans, (b,)) - 1
    return k >= 0 and spans[k][1] > a


# A long sentence must cost time in proportion to its length, so a search
# for words that end at a cue or a name never scans the whole sentence before
# it. These patterns, matched on the sentence written backwards, find where
# such a search can begin: at most so many words back (see _back).
_BACK_2_WORDS = re.compile(r"(?:\s*\w+){0,2}\s*")          # _NOT_A_CUE_BEFORE
_BACK_5_WORDS = re.compile(r"(?:\s*[\w-]+){0,5}\s*")       # _MEDIUM_BEFORE
_BACK_9_WORDS = re.compile(r"(?:\s*[\w’'-]+){0,9}\s*")     # _FALLBACK_BEFORE
_BACK_SPACES = re.compile(r"\s*")


def _back(backwards: str, end: int, pattern) -> int:
    """Where a search for words that must end at ``end`` can begin.

    ``backwards`` is the text reversed (``text[::-1]``) and ``pattern`` covers,
    read backwards, every word and space such a match can span; one more
    character is allowed for its leading mark (``,`` or ``\\b``).  No match
    can begin earlier, so ``pattern.search(text, _back(...), end)`` finds what
    a search of ``text[:end]`` finds, in time that does not grow with ``end``."""
    return max(0, len(backwards) - pattern.match(backwards, len(backwards) - end).end() - 1)


def _last_char(text: str, backwards: str, end: int) -> str:
    """``text[:end].rstrip()[-1:]``, without copying ``text[:end]``."""
    j = len(backwards) - _BACK_SPACES.match(backwards, len(backwards) - end).end()
    return text[j - 1:j]


class _History:
    """What earlier sentences said: the material pronouns point back to."""

    def __init__(self):
        self.speakers = []   # (source, type, entity) of earlier speakers, in order
        self.mentioned = []  # every listed name seen so far, in order

    def resolve(self, mention, names):
        """(source, type) that ``mention`` (a pronoun or pointing phrase)
        stands for, or None; ``names`` are the sentence's listed names
        (:class:`_NamesBefore`)."""
        words = mention.words.lower()
        if mention.how == "pronoun":
            want = "person" if words in ("he", "she") else ("organisation" if words == "it" else None)
            if want == "person":
                m = names.last("entity", "person", mention.start)
                if m is not None:
                    return m.source, m.type
            for source, kind, entity in reversed(self.speakers):
                # entity None: a speaker not in the sources table ("the
                # regional governor"), who may be the "he" or "it" that follows
                if want is None or entity in (want, None):
                    return source, kind
            return None
        if words == "the source":  # "…,” the source said.": whoever spoke last
            return (self.speakers[-1][0], self.speakers[-1][1]) if self.speakers else None
        want_type = next(t for w, t in _ANAPHOR_TYPE.items() if w in words)
        m = names.last("type", want_type, mention.start)
        if m is not None:
            return m.source, m.type
        for source, kind, _entity in reversed(self.mentioned):
            if kind == want_type:
                return source, kind
        return None


class _NamesBefore:
    """A sentence's listed names, to find the last one of a kind (a person,
    a news agency ...) that ends before a position, by bisection."""

    def __init__(self, mentions):
        self.by = {}  # (field, value) -> (ends, names), in reading order
        for m in mentions:
            if m.how == "name":
                for key in (("entity", m.entity), ("type", m.type)):
                    ends, names = self.by.setdefault(key, ([], []))
                    ends.append(m.end)
                    names.append(m)

    def last(self, field, value, position):
        """The last name with ``field`` == ``value`` that ends at or before ``position``, or None."""
        ends, names = self.by.get((field, value), ((), ()))
        k = bisect.bisect_right(ends, position)
        return names[k - 1] if k else None


class _Free:
    """The possible speakers of a sentence (mentions whose role is None),
    for :func:`_speaker_for`. ``mentions[:listed]`` are in reading order
    (from :func:`_mentions`); any after them were added later."""

    def __init__(self, mentions, listed):
        self.mentions, self.listed = mentions, listed
        self.starts = [m.start for m in mentions[:listed]]
        self.ends = [m.end for m in mentions[:listed]]
        self.extras = [m for m in mentions[listed:] if m.role is None]
        self.next_free = [None] * (listed + 1)  # index of the first free mention at or after i
        for i in range(listed - 1, -1, -1):
            self.next_free[i] = i if mentions[i].role is None else self.next_free[i + 1]

    def before(self, position, reach):
        """The free mentions ending at or before ``position``, last first, as
        ``reversed([m for m in mentions if ...])`` gives them; stops at the
        first mention (free or not) that ends more than ``reach`` before it."""
        for m in reversed(self.extras):
            if m.end <= position:
                yield m
        for i in range(bisect.bisect_right(self.ends, position) - 1, -1, -1):
            m = self.mentions[i]
            if position - m.end > reach:
                yield m  # the caller stops at it; so is every mention before it
                return
            if m.role is None:
                yield m

    def first_after(self, position):
        """The first free mention (in list order) that starts at or after ``position``, or None."""
        i = self.next_free[bisect.bisect_left(self.starts, position)]
        if i is not None:
            return self.mentions[i]
        return next((m for m in self.extras if m.start >= position), None)


def _in_spans(position: int, spans) -> bool:
    """Is ``position`` inside one of ``spans`` (sorted, never overlapping)?"""
    k = bisect.bisect_right(spans, (position, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= position < spans[k][1]


def _speaker_for(cue, free, sentence, quotes_rel):
    """The mention that is the subject of a speech cue, or None.  ``free``
    (:class:`_Free`) holds the sentence's possible speakers; only those up to
    90 characters before the cue can be its subject, so only those are
    looked at (linear time on a long sentence)."""
    for m in free.before(cue.start(), 90):
        if cue.start() - m.end > 90:
            # too far to be the subject: a mention this far back is never
            # returned below, nor is any before it (they are farther still)
            break
        gap = sentence[m.end:cue.start()]
        q = bisect.bisect_left(quotes_rel, (m.end,))
        if any(ch in gap for ch in "“”\"") or (q < len(quotes_rel) and quotes_rel[q][0] < cue.start()):
            break
        if m.how == "pronoun" and not _PRONOUN_GAP.match(gap):
            continue
        # "… security officials rose to 13, …, the commandant’s office told":
        # other words (a subject of their own) after the last comma
        tail = gap.rsplit(",", 1)[1] if "," in gap else ""
        if re.search(r"[^\W\d_]", tail) and not re.fullmatch(r"\s*(?:also|later|then|however|too)?\s*", tail):
            break
        if not re.search(r"\bthat\b", gap):  # (len(gap) <= 90: checked above)
            return m
        break
    after = free.first_after(cue.end())
    if after is not None and after.start - cue.end() <= 25:
        gap = sentence[cue.end():after.start]
        if after.how != "pronoun" and not re.search(r"\bthat\b", gap):
            return after
    return None


def _fallback_speaker(cue, sentence, masked_sentence, backwards):
    """Words before a cue that look like its subject, for sources not in the
    table. ``backwards`` is ``masked_sentence[::-1]``: the searches below
    look only as far back as their words can reach (see :func:`_back`)."""
    if cue.group("speech") is None:
        return None
    end = cue.start()
    # the bracket ends at the last character before the cue that is not a space
    words_end = end - _BACK_SPACES.match(backwards, len(backwards) - end).end()
    bracket = _BRACKET_BEFORE.search(masked_sentence, max(0, words_end - 83), end)
    if bracket:  # a placeholder in a model answer: "[a named source, e.g. a report] says"
        return bracket.group(0).strip()
    m = _FALLBACK_BEFORE.search(masked_sentence, _back(backwards, end, _BACK_9_WORDS), end)
    if not m:
        return None
    words = m.group(1).strip()
    if words.lower() in {"it", "he", "she", "they", "this", "which", "who", "that", "and", "but"}:
        return None
    if words.lower() in _BARE_GROUPS:
        return words
    if not any(w[:1].isupper() for w in words.split()) and not re.match(r"(?i)(a|an|the|some|one|two|several|many)\b", words):
        return None
    return words


def _speaker_after(cue, sentence, masked_sentence, backwards):
    """The speaker named after a cue at the end of a sentence or clause
    ("…, reports the country's Interior Ministry."; "…,” said Saule, a …"),
    when the table does not list it. Only after a comma or a quotation.
    ``backwards`` is ``masked_sentence[::-1]``."""
    if cue.group("speech") is None:
        return None
    if _last_char(masked_sentence, backwards, cue.start()) not in (",", "\x00"):
        return None
    m = _SPEAKER_AFTER.match(masked_sentence, cue.end())
    if not m or "\x00" in m.group(1):
        return None
    words = m.group(1).strip()
    if words.lower() in {"he", "she", "it", "they", "that", "this"} or not re.search(r"[^\W\d_]", words):
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
    last = None  # the last row with a source
    for sid, sentence, start, end, paragraph in zip(*columns):
        row = _attribute_sentence(sentence, start, quotes, quote_ends, history, table)
        row.update(sentence_id=sid, sentence=sentence, start=start, end=end, paragraph=paragraph)
        if row["pointed"] and len(row["chain"]) == 1 and last is not None and last["source"] == row["source"]:
            # "…,” the source said. / she said.": the same speaker, reaching us the same way
            row["chain"] = list(last["chain"])
        rows.append(row)
        if row["source"] is not None:
            last = row
        if row["source"] is not None:
            history.speakers.append((row["source"], row["source_type"], row["entity"]))
    _carry_quotes(rows, quotes)
    _carry_medium(rows)
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
    for k in range(bisect.bisect_right(quote_ends, start), len(quotes)):
        a, b = quotes[k]
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
    listed = len(mentions)  # mentions[:listed] are in reading order; others are added after them
    backwards = sentence[::-1]  # for searches that end at a cue or a name (see _back)
    cues = [c for c in _CUE.finditer(sentence)
            if not _in_spans(start + c.start(), inside) and _is_cue(sentence, c, backwards)]
    _mark_handoffs(sentence, mentions, cues, backwards)
    _resolve(mentions, history, table)
    speaker = _special_speaker(sentence, mentions, inside, start, table, listed)
    free = _Free(mentions, listed)
    # "spoke" says that someone talked, not that the sentence is theirs: any
    # other cue's speaker comes first ("Blinken spoke to …, Price said")
    ordered = sorted((c for c in cues if c.group("speech")), key=lambda c: c.group(0).lower() in ("spoke", "speaking"))
    speakers = [who for c in ordered for who in [_speaker_for(c, free, sentence, quotes_rel)] if who is not None]
    if speaker is None:
        speaker = next((s for s in speakers if s.resolved), None)
    unlisted = None if speaker is not None else _unlisted_speaker(sentence, cues, quotes_rel)
    if unlisted is not None:
        listed = _listed(table[1], unlisted)
        if listed is not None:  # "authorities said": the table's "the authorities"
            speaker = Mention(-1, -1, unlisted, "words", *listed, resolved=listed)
            unlisted = None
    according = [m for m in mentions if m.role == "according" and m.resolved]
    if speaker is None and unlisted is None and according:
        speaker = according.pop(0)  # "According to TASS, 12 died": TASS is the speaker
    chain = _build_chain(mentions, speaker, unlisted, according)
    names = list(dict.fromkeys(source for _pos, (source, _type, _entity) in chain))
    history.mentioned.extend(layer for _pos, layer in chain)
    history.mentioned.extend((m.source, m.type, m.entity) for m in mentions if m.how == "name")
    source = names[0] if names else None
    first = chain[0][1] if chain else (None, None, None)
    return dict(
        source=source,
        chain=names,
        kind=_kind(sentence, start, inside, source is not None, [(c.start(), c.end()) for c in cues]),
        cue="; ".join(c.group(0) for c in cues) if (cues and source) else None,
        source_type=first[1] if source else None,
        entity=first[2] if source else None,
        pointed=speaker is not None and speaker.how in ("pronoun", "anaphor"),
    )


def _words_mention(sentence: str, at: int, table=None):
    """A Mention for a source the table does not list, named by the words at
    ``at`` ("according to the local authorities, …"); None if there are none."""
    m = _NOUN_PHRASE_AFTER.match(sentence, at)
    if not m or not re.search(r"[^\W\d_]", m.group(1)):
        return None
    words = m.group(1)
    hit = _listed(table[1], words) if table else None
    source = hit or (words, None, None)
    return Mention(m.start(1), m.end(1), words, "words", *source, resolved=source)


_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+")
_TOLD_OUTLET = re.compile(r"\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})")


def _mark_handoffs(sentence, mentions, cues, backwards) -> None:
    """Give each mention its role: "according" (according to X), "citing"
    (citing X), "medium" (on X, told X, to X, via X) or None (a possible speaker).
    ``mentions`` come in reading order (from :func:`_mentions`); the Mentions
    made here are added after them. ``backwards`` is ``sentence[::-1]``.
    Each step looks only near its cue or mention (by bisection), so a long
    sentence costs time in proportion to its length."""
    listed = len(mentions)
    starts = [m.start for m in mentions]
    for m in mentions:
        m.role = None
    for c in cues:
        if c.group("according") or c.group("citing"):
            # the first possible speaker up to 60 characters after the cue (the
            # Mentions added here all have a role, so none of them can be it)
            target = None
            for i in range(bisect.bisect_left(starts, c.end()), listed):
                m = mentions[i]
                if m.start - c.end() > 60:
                    break
                if m.role is None and m.how != "pronoun":
                    target = m
                    break
            if target is None and c.group("according"):
                target = _words_mention(sentence, c.end())
                if target is not None:
                    mentions.append(target)
            if target is not None:
                target.role = "according" if c.group("according") else "citing"
                target.cue_at = c.start()
                # "according to news agencies Interfax and RIA Novosti": one
                # hand-off made by two agencies side by side. Only the name
                # right after the target can be joined to it: the gap to any
                # later one holds that name's words, which no _JOINED matches.
                i = bisect.bisect_right(starts, target.end)
                while i < listed and mentions[i].role is None and mentions[i].how == "name" and \
                        _JOINED.fullmatch(sentence, target.end, mentions[i].start):
                    other = mentions[i]
                    other.role, other.cue_at, other.joined = target.role, c.start(), True
                    target = other
                    i += 1
    for c in cues:  # "told RIA Novosti": an outlet the table does not list
        if c.group(0).lower() not in ("told", "tells"):
            continue
        i = bisect.bisect_left(starts, c.end())
        if (i < listed and mentions[i].start - c.end() <= 5) or \
                any(0 <= m.start - c.end() <= 5 for m in mentions[listed:]):
            continue
        outlet = _TOLD_OUTLET.match(sentence, c.end())
        if outlet and outlet.group(1).split()[-1].lower() not in {"he", "she", "they", "it"}:
            words = outlet.group(1)
            at = outlet.start(1)
            mentions.append(Mention(at, at + len(words), words, "words", words, None, None,
                                    role="medium", resolved=(words, None, None)))
    first_speech_end = min((c.end() for c in cues if c.group("speech")), default=None)
    for m in mentions:
        if m.role is None and m.how != "pronoun" and \
                _MEDIUM_BEFORE.search(sentence, _back(backwards, m.start, _BACK_5_WORDS), m.start):
            after_speech = first_speech_end is not None and first_speech_end <= m.start
            if after_speech or re.search(r"\bon\s", sentence[max(0, m.start - 40):m.start]):
                m.role = "medium"


def _is_cue(sentence: str, cue, backwards: str) -> bool:
    """False for a cue word that does not report speech here: a passive
    ("were warned that"), an adjective or noun ("the reported attempts",
    "media reports"), "dismissed the government". ``backwards`` is
    ``sentence[::-1]``: only the few words before the cue are searched."""
    if cue.group("speech") is None:
        return True
    word = cue.group(0).lower()
    if _NOT_A_CUE_BEFORE.search(sentence, _back(backwards, cue.start(), _BACK_2_WORDS), cue.start()):
        return False
    if word in ("dismissed", "dismisses") and _DISMISSED_PERSON.match(sentence, cue.end()):
        return False
    if word == "reports" and _last_char(sentence, backwards, cue.start()) not in (",", "”", '"'):
        return False  # only the inverted "…, reports X." is a cue; otherwise a noun
    return True


def _special_speaker(sentence, mentions, inside, start, table, listed):
    """The speaker of the two constructions whose speaker is not the subject
    of the verb: "X cited Y as saying" (Y speaks; X becomes a hand-off) and a
    passive with "by" ("was regarded by the authorities as …")."""
    for pattern, group in ((_CITED_AS, "who"), (_PASSIVE_BY, None)):
        for m in pattern.finditer(sentence):
            if _in_spans(start + m.start(), inside):
                continue
            at = m.start(group) if group else m.end()
            # the first such mention in list order: of mentions[:listed] (in
            # reading order, found by bisection), else of those added later
            named = None
            for i in range(bisect.bisect_left(mentions, at, 0, listed, key=lambda x: x.start), listed):
                x = mentions[i]
                if x.start - at > 4:
                    break
                if x.resolved and x.how != "pronoun":
                    named = x
                    break
            if named is None:
                named = next((x for x in mentions[listed:] if x.start >= at and x.start - at <= 4 and x.resolved
                              and x.how != "pronoun"), None)
            who = named or _words_mention(sentence, at, table)
            if who is None:
                continue
            who.role = None
            if group:  # the outlet that did the citing is a hand-off
                for x in mentions:
                    if x.end <= m.start() and x.resolved and x.role is None and x is not who:
                        x.role = "medium"
            if who not in mentions:
                mentions.append(who)
            return who
    return None


def _resolve(mentions: list[Mention], history, table) -> None:
    """Set each mention's ``resolved`` (source, type, entity): a name stands
    for itself, a pronoun or pointing phrase for the earlier source it points
    back to (left None when there is none)."""
    names = _NamesBefore(mentions)
    for m in mentions:
        if m.how == "words":  # made from the words of the text: resolved when made
            continue
        if m.how == "name":
            m.resolved = (m.source, m.type, m.entity)
            continue
        hit = history.resolve(m, names)
        if hit:
            m.resolved = (hit[0], hit[1], table[2].get(hit[0], (None, None))[1])


def _unlisted_speaker(sentence, cues, quotes_rel):
    """The words of a speaker that is not in the sources table, or None."""
    masked = list(sentence)
    for a, b in quotes_rel:
        for i in range(max(a, 0), min(b, len(sentence))):
            masked[i] = "\x00"  # quoted words: a clause boundary
    masked = "".join(masked)
    backwards = masked[::-1]
    for c in cues:
        words = _fallback_speaker(c, sentence, masked, backwards) or _speaker_after(c, sentence, masked, backwards)
        if words:
            return words
    return None


def _build_chain(mentions: list[Mention], speaker, unlisted, according):
    """[(position, (source, type, entity))], innermost speaker first."""
    chain = []
    if speaker is not None:
        chain.append((speaker.start, speaker.resolved))
    elif unlisted is not None:
        chain.append((-1, (unlisted, None, None)))
    if chain:
        chain += [(m.start, m.resolved) for m in mentions if m.role == "medium" and m.resolved]
    for m in according:
        if m.joined and chain:
            position, (source, kind, entity) = chain[-1]
            chain[-1] = (position, (f"{source} and {m.resolved[0]}", kind, entity))
        else:
            chain.append((m.start, m.resolved))
    for m in mentions:
        if m.role == "citing" and m.resolved and chain:
            # the cited source sits just inside the layer named before "citing"
            before = [i for i, (pos, _) in enumerate(chain) if pos < m.cue_at]
            where = max(before, key=lambda i: chain[i][0]) if before else 0
            chain.insert(where, (m.start, m.resolved))
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
            for later in (rows[j] for j in range(i + 1, len(rows))):
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


def _carry_medium(rows):
    """"She spoke on state news channel Khabar-24." names the medium of the
    speaker's earlier sentences in the paragraph: their chains go through it."""
    for i, row in enumerate(rows):
        if row["source"] is None or len(row["chain"]) < 2 or not _SPOKE_ON.match(row["sentence"]):
            continue
        for earlier in reversed(rows[:i]):
            if earlier["paragraph"] != row["paragraph"] or earlier["source"] != row["source"]:
                break
            missing = [m for m in row["chain"][1:] if m not in earlier["chain"]]
            earlier["chain"] = earlier["chain"][:1] + missing + earlier["chain"][1:]


def _copy_source(row, other):
    row["source"] = other["source"]
    row["chain"] = list(other["chain"])
    row["source_type"] = other["source_type"]
    row["entity"] = other["entity"]
    row["cue"] = None


# --------------------------------------------------------------------------
# The claim ledger and the checks against a key live in their own modules;
# their names are available from here too (loaded on first use, so that
# importing one module never needs the other first).

_ELSEWHERE = {
    "claims": "claim_ledger", "CLAIM_COLUMNS": "claim_ledger",
    **{name: "attribution_eval" for name in ("FIELDS", "article_attribution", "load_attribution_key",
                                              "compare_with_key", "compare_items", "attribution_scores", "per_label",
                                              "source_shares")},
}


def __getattr__(name: str):
    if name in _ELSEWHERE:
        import importlib

        return getattr(importlib.import_module(f".{_ELSEWHERE[name]}", __package__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__():
    return sorted(set(globals()) | set(_ELSEWHERE))


# Build the sources pattern now, at import, so the first call is as fast as
# the others. A missing or broken table is reported when it is used instead.
try:
    _table()
except (OSError, ValueError):  # pragma: no cover - reported on first use
    pass

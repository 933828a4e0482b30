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

This module reads each sentence; the pieces it uses have their own modules:
the sources table (:mod:`medialit.source_table`), quotations
(:mod:`medialit.quotes`), cue words (:mod:`medialit.speechverbs`), the
:class:`Mention` of a possible source (:mod:`medialit.cues`), hand-offs (:mod:`medialit.handoffs`), who
speaks in one sentence (:mod:`medialit.speakers`; speakers the table does
not list: :mod:`medialit.unlisted`), the name in a source's words
(:mod:`medialit.sourcenames`) and speakers carried from one sentence to
others (:mod:`medialit.carry`).

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

Read since the third pass (the second dev part, D5-D9): a headline's source
after a dash ("… – health ministry"); "vowed" and "pledged" (a promise the
writer reports; "promised" is still no cue); "states" only before "that" or
at a clause's end ("Ex-Soviet states to send …" is a noun); "Mr Putin" after
"President Vladimir Putin" is Vladimir Putin; "the office of Kazakhstan's
president said" is the office; "it quoted him as saying" (him: the person
before; the sentence is direct); "told Russian President Vladimir Putin" is
the audience, not a medium; "said Thursday after the Kazakh president asked"
(a name after "after", "when", "as" … is no inverted speaker); "Sputnik
quoted the ministry as saying" makes only Sputnik the hand-off; "later said,
citing Kazakh media," (an unlisted cited source needs a source's word:
"citing security concerns" is none); "what they called" is a label, not the
attribution, when the sentence has another cue; "according to plan"; "The
figures reported on …" (figures do not speak); "reported on the situation"
(a topic); "The President" after "President of Kazakhstan … held a meeting"
(the person named before, when no person has spoken yet).

Read since the fourth pass (the third dev part, T1-T5): a name after "to …
with" (against, about, between, among, over) is that word's object, not a
medium ("no reason to bargain with protesters"); "thanked", "praised",
"condemned" and "criticised" report what someone said; "Saule, a 58-year-old
worker who …, said" (a name before an apposition; "she" then points back to
her); "they" never points back to one person, nor is "… what they" a speaker
("as authorities launched what they called …" is the label of the group just
named, when the words before name one: authorities, officials, police …);
"the agency's interlocutor said" (or correspondent, reporter, source: the
person speaks, the agency passes it on); a paragraph that opens with a
quotation and names no speaker goes on with the person who spoke in the
paragraph before (not an organisation; not a heading in quotation marks);
"Tokayev's order … “to open fire …” came in an address" (a possessive before
a noun for something said - order, call, warning, words, statement … - and
a quotation after it: the quotation is the possessor's; no cue word);
"said on state television", "told national TV" (a broadcaster named by its
kind is a hand-off, as a listed channel is).

Read since the fifth pass (the fourth dev part, D10-D15): "local media say",
"she adds"; "according to Tokayev's office, he told …" (office > Tokayev);
"…,” he was cited as saying"; "declared the interior minister, Erlan X,"
(the person; a later "said X" is the full name); "previously", "has"
before a cue; "according to the ministry" with none named before; "reported
by local media citing the Ministry of Health" ("the Ministry of X" is a name
that "the ministry" points back to); a dateline glued to the first subject
("Moscow-Kazakhstan's …"); "Russian television station Mir-24" is Mir-24;
"the website of X reports that" (X); a paragraph after "…:" is a block
quotation; "it did not name them"; ", quoted by
local media"; "on his Facebook page"; "The figure was given by X"; "“…” So
said X." / "X made the remarks"; "This was reported by X." after a claim;
no inverted speaker after the claim's words ("said 26 died, Interfax
reported"); two sources, two cues: the first; "the mayor" is never the
president; "ALMATY (AP) — The regional governor said".
Since the sixth pass (dev5, T6-T14; the conventions in benchmarks/HELDOUT.md): a surname is the story's
full name; a relative clause, aside or participle around a subject; labels, "“…?” she asked", "indicated
that"; "according to him"; "referring to X"; "declared a state of emergency" is an act, no cue.
"""

from __future__ import annotations

import re

import pandas as pd

from .carry import _carry_back, _carry_block_quote, _carry_medium, _carry_quotes
from .corpus import sentences as corpus_sentences
from .cues import _CITED_AS, _CITED_PASSIVE, Mention, _Free, _History, _mentions, _resolve
from .handoffs import _mark_handoffs
from .quotes import _in_spans, _quotes_touching, quote_spans
from .source_table import (SOURCE_TYPES, SOURCE_TYPES_FILE, _listed, _table, chain_text, load_source_types,
                           parse_chain, with_chain_text)
from .sourcenames import _full_name, _names_in
from .speakers import (_build_chain, _kind, _possessive_speaker, _relayed, _reporter_of, _speaker_for,
                       _special_speaker, _titled_person)
from .speechverbs import _CUE, _is_cue, _is_distancing
from .unlisted import _unlisted_speaker

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


#: Every value ``kind`` can take.
KINDS = ("direct", "indirect", "mixed", "none")

COLUMNS = ["sentence_id", "sentence", "start", "end", "source", "chain", "kind", "cue", "source_type"]


# --------------------------------------------------------------------------
# The table of sources


# --------------------------------------------------------------------------
# Quotations


# --------------------------------------------------------------------------
# Cues and mentions


# --------------------------------------------------------------------------
# attribute()


def attribute(text: str, prefix: str = "s", *, sources=None, sentences=None) -> pd.DataFrame:
    """One row per sentence of ``text``: who says so, through whom, and how.

    Columns (see the module docstring for details): ``sentence_id``,
    ``sentence``, ``start``, ``end``, ``source``, ``chain``, ``kind``,
    ``cue``, ``source_type``.  ``prefix`` is passed to
    :func:`medialit.corpus.sentences`, so ``attribute(article_text("A"),
    prefix="A")`` gives the ids ``A01`` ... of the answer keys.
    ``sources`` is another sources table to use instead of
    ``data/lexicons/source_types.csv`` (a path).  ``sentences`` is the
    table of :func:`medialit.corpus.sentences` for ``text`` when the caller
    has it (``check_article`` does): then the text is neither checked nor
    split again, and ``prefix`` is not used.

    Raises ValueError for unusable text (empty, not English, ...).

    >>> row = attribute("TASS said 12 people died.").iloc[0]
    >>> row["source"], row["chain"], row["kind"], row["cue"], row["source_type"]
    ('TASS', ['TASS'], 'indirect', 'said', 'news agency')
    """
    sents = corpus_sentences(text, prefix) if sentences is None else sentences
    table = _table(sources)
    by_source = table[2]
    quotes = quote_spans(text)
    quote_ends = [b for _a, b in quotes]
    history = _History()
    rows = []
    columns = [sents[name].tolist() for name in ("sentence_id", "text", "start", "end", "paragraph")]
    last = None  # the last row with a source
    full_names = {}  # "Peskov" -> "Dmitry Peskov", for speakers not in the table
    in_text = _names_in(text)  # "Xi" -> {"Xi Jinping"}: the full names the whole text gives
    for sid, sentence, start, end, paragraph in zip(*columns):
        row = _attribute_sentence(sentence, start, quotes, quote_ends, history, table)
        if paragraph <= 1 and start == text.find(sentence.strip()[:1], text.rfind("\n", 0, start + 1) + 1):
            _without_dateline(row, history)
        row.update(sentence_id=sid, sentence=sentence, start=start, end=end, paragraph=paragraph)
        _full_name(row, full_names, in_text)
        if row["pointed"] and len(row["chain"]) == 1 and last is not None and last["source"] == row["source"]:
            # "…,” the source said. / she said.": the same speaker, reaching us the same way
            row["chain"] = list(last["chain"])
        rows.append(row)
        if row["source"] is not None:
            last = row
        if row["source"] is not None:
            history.speakers.append((row["source"], row["source_type"], row["entity"]))
    _carry_back(rows)
    _carry_quotes(rows, quotes)
    _carry_block_quote(rows)
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


# A dateline glued to the subject of a story's first sentence: "Moscow-Kazakhstan's Ministry of Health said".
_GLUED_DATELINE = re.compile(r"^(?:[A-Z][a-z]{2,}|[A-Z]{3,})\s?[-–—]\s?(?=[A-Z][\w’'-]*\s)")


def _without_dateline(row, history):
    """Take a dateline out of an unlisted speaker's words, in the first
    sentence of a paragraph at the start of the text (and out of what later
    sentences can point back to)."""
    source = row["source"]
    m = _GLUED_DATELINE.match(source) if source is not None and row["source_type"] is None else None
    if m:
        row["source"] = source[m.end():]
        row["chain"] = [row["source"]] + row["chain"][1:]
        history.mentioned = [(row["source"] if name == source else name, kind, entity)
                             for name, kind, entity in history.mentioned]


def _with_none(frame: pd.DataFrame, columns) -> pd.DataFrame:
    """Keep None (not NaN) for "no source" / "no cue", as documented."""
    for column in columns:
        values = [None if v is None or (isinstance(v, float) and v != v) else v for v in frame[column]]
        frame[column] = pd.Series(values, index=frame.index, dtype=object)
    return frame


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
    for m in mentions:  # "According to the ministry, …" with no ministry named before: the words name it
        if m.role == "according" and m.how == "anaphor" and m.resolved is None:
            m.resolved = (m.words, None, None)
    speaker = _special_speaker(sentence, mentions, inside, start, table, listed, history)
    free = _Free(mentions, listed)
    # "spoke" says that someone talked, not that the sentence is theirs: any
    # other cue's speaker comes first ("Blinken spoke to …, Price said")
    ordered = sorted((c for c in cues if c.group("speech")), key=lambda c: c.group(0).lower() in ("spoke", "speaking"))
    labels = [c for c in ordered if _is_distancing(sentence, c, backwards)]
    if len(labels) < len(ordered):  # "…, Interfax said, in what they called …": the label is not the attribution
        ordered = [c for c in ordered if c not in labels]
    speakers = [(c, who) for c in ordered for who in [_speaker_for(c, free, sentence, quotes_rel)] if who is not None]
    if speaker is None:
        cue, speaker = next(((c, s) for c, s in speakers if s.resolved), (None, None))
        inner = _relayed(sentence, cues, speaker, free, quotes_rel)
        if inner is not None:  # "The ministry said …, Interfax reported.": Interfax passes it on
            speaker.role = "medium"
            speaker = inner
        else:  # "Twelve died, the health ministry said, while police said …": the first source
            speaker = _first_unlisted(sentence, ordered, cue, speaker, quotes_rel) or speaker
        reporter = _reporter_of(sentence, speaker, cues)
        if reporter is not None:  # "…,” the agency's interlocutor said.": the agency passes it on
            speaker.role = "medium"
            speaker = reporter
        person = _titled_person(sentence, speaker, cues)
        if person is not None:  # "Kremlin spokesman Dmitry Peskov told …": Peskov speaks
            speaker.role = "title"  # not a speaker, nor a hand-off
            speaker = person
    unlisted = None if speaker is not None else (_unlisted_speaker(sentence, cues, quotes_rel)
                                                 or _headline_source(sentence))
    if unlisted is not None:
        listed = _listed(table[1], unlisted)
        if listed is not None:  # "authorities said": the table's "the authorities"
            speaker = Mention(-1, -1, unlisted, "words", *listed, resolved=listed)
            unlisted = None
    if speaker is None and unlisted is None and mentions and mentions[0].start == 0 and \
            mentions[0].how == "name" and sentence[mentions[0].end:mentions[0].end + 1] == ":":
        speaker = mentions[0]  # a headline "Tokayev: terrorists were trained abroad"
    if speaker is None and unlisted is None and quotes_rel:
        speaker = _possessive_speaker(sentence, mentions, quotes_rel)  # "Tokayev's order “to …”"
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
        kind=_kind(sentence, start, inside, source is not None,
                   [(c.start(), c.end()) for c in cues] +
                   [m.span() for p in (_CITED_AS, _CITED_PASSIVE) for m in p.finditer(sentence)]),
        cue="; ".join(c.group(0) for c in cues) if (cues and source) else None,
        source_type=first[1] if source else None,
        entity=first[2] if source else None,
        pointed=speaker is not None and speaker.how in ("pronoun", "anaphor"),
    )


def _first_unlisted(sentence, ordered, cue, speaker, quotes_rel):
    """A source the table does not list, named with an earlier cue of the
    same sentence than the listed ``speaker`` found with ``cue`` (two sources,
    two cues: the first is the sentence's), as a Mention; else None."""
    if speaker is None or cue is None:
        return None
    for c in ordered:
        if c.end() <= speaker.start and c.start() < cue.start() and c.group(0).lower() not in ("spoke", "speaking") \
                and re.search(r"[,;]|\b(?:and|while|but|whereas)\b", sentence[c.end():speaker.start]):
            words = _unlisted_speaker(sentence, [c], quotes_rel)
            if words is not None and not re.search(r"\bthat\b|^\w+ing\b", words, re.I):  # "Pointing out that …"
                return Mention(-1, -1, words, "words", words, None, None, resolved=(words, None, None))
    return None


# A headline that names its source after a dash: "More than 160 killed in protests – health ministry".
_HEADLINE_SOURCE = re.compile(r"\s[–—-]\s+((?:[\w’'-]+\s+){0,3}?(?:ministry|police|office|committee|council|"
                              r"authorities|officials|spokes(?:man|woman|person)|prosecutors?|military|army))\s*$",
                              re.I)


def _headline_source(sentence):
    """The source named after a dash at the end of a headline (no full stop), or None."""
    m = _HEADLINE_SOURCE.search(sentence) if len(sentence) <= 200 else None
    return m.group(1) if m else None


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

"""The claim ledger: every figure in a text (killed, injured, arrested, ...)
with who says it and through whom.

Part of lesson 02's :mod:`medialit.attribution` (which re-exports
:func:`claims`): the source, chain and kind of each figure are those of its
sentence, as :func:`medialit.attribution.attribute` finds them.
"""

from __future__ import annotations

import re

import pandas as pd

__all__ = ["claims", "CLAIM_COLUMNS"]

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


def claims(text: str, prefix: str = "s", *, sources=None, attribution=None) -> pd.DataFrame:
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
    :func:`attribute`, or from ``attribution``, that table for ``text`` when
    the caller has it: then the text is not checked or read again).

    It reads numbers as written: it does not add figures up or decide which
    is right. Spun words it does not know (article B's "had failed", likely
    "had died", inferred) give ``event="unclear"``: compare with the claim
    ledger ``data/keys/claims_02.csv``.

    >>> claims("Police said 12 officers were killed.")[["figure", "counts", "event"]].values.tolist()
    [['12', 'officers', 'killed']]
    """
    from .attribution import _with_none, attribute  # here: attribution re-exports this module

    rows_out = []
    table = attribute(text, prefix=prefix, sources=sources) if attribution is None else attribution
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

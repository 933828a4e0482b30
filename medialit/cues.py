"""The sources a sentence's cues can point to: the names of sources in a
sentence (:class:`Mention`), the pronouns and pointing phrases that stand
for an earlier source, and the words around a cue that name its speaker.
The cue words themselves ("said", "according to", "citing") are in
:mod:`medialit.speechverbs`; the hand-offs that make a name a medium rather than a speaker ("told
Khabar 24", "via TASS") are marked in :mod:`medialit.handoffs`.  Used by
:mod:`medialit.speakers` and :mod:`medialit.attribution`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quotes import _overlaps
from .source_table import _listed, _lookup
from .sourcenames import person_named


# "X cited Y as saying": Y speaks, X passes it on.
_CITED_AS = re.compile(r"\b(?:cited|cites|quoted|quotes)\s+(?P<who>[^,;:“”\"]{2,80}?)\s+as\s+say(?:ing|s)\b", re.I)


# "he was cited as saying", "Tokayev was quoted as saying": the subject speaks (who passed it on is not said here).
_CITED_PASSIVE = re.compile(r"\b(?:was|were|is|are|has been|have been)\s+(?:\w+ly\s+)?(?:cited|quoted)\s+as\s+"
                            r"say(?:ing|s)\b", re.I)


# "was regarded by X as": X is the speaker of a passive verb of saying.
_PASSIVE_BY = re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:described|regarded|called|termed|branded|labell?ed|"
                         r"seen|viewed|condemned|denounced|dismissed|reported|announced|confirmed)\s+by\s+"
                         # "The figure was given by the health ministry": figures given out are a claim
                         r"|\b(?:figures?|toll|numbers?|data|information|details|statistics|tally|list)\s+(?:[\w-]+\s+){0,2}?"
                         r"(?:was|were|is|are|has been|have been|had been)\s+(?:given|provided|released|issued|"
                         r"published|disclosed)\s+by\s+", re.I)


# The words after "according to" (or a passive's "by") when they name no listed source.
_NOUN_PHRASE_AFTER = re.compile(r"\s*((?:the\s+)?[^,.;:!?“”\"()\[\]]{2,60}?)\s*"
                                r"(?=[,.;:!?“”\"]|\s+(?:as|citing|quoting|which|who|whose)\b|$)")  # "by the committee which …"


# "the spokeswoman", "the president": the last person who spoke; "the
# ministry", "the office": the last source whose name ends with that word.
_PERSON_NOUNS = ("spokes(?:man|woman|person)", "president", "head of state", "minister", "official", "leader",
                 "diplomat", "governor", "mayor")


_BODY_NOUNS = ("ministry", "office", "department", "committee", "council", "service", "secretariat")


# Words that point back to an earlier source.
_PRONOUN = re.compile(r"\b(?:he|she|it|they)\b", re.I)


_ANAPHOR = re.compile(r"\bthe (?:news )?agency\b|\bthe channel\b|\bthe organi[sz]ation\b|\bthe alliance\b"
                      r"|\bthe source\b|\bthe (?:" + "|".join(_PERSON_NOUNS + _BODY_NOUNS) + r")\b", re.I)


_ANAPHOR_TYPE = {"agency": "news agency", "channel": "state media",
                 "organisation": "international organisation", "organization": "international organisation",
                 "alliance": "international organisation"}


# "the Ministry of Health", "the Office of the Prosecutor General": a body's name, not a pointing phrase.
_NAMED_BODY = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")


# Filler allowed between a pronoun and its cue ("she also said").
_PRONOUN_GAP = re.compile(r"^\s*(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)*$", re.I)


# The generic subject of a cue when no listed source is found ("A doctor said").
_BRACKET_BEFORE = re.compile(r"\[[^\[\]\x00]{1,80}\]\s*$")


_FALLBACK_BEFORE = re.compile(r"(?:^|[,;:\x00]\s*|\bthat\s+|(?<=\))\s*[-–—]\s*)"
                              r"((?:[A-Z]?[\w’'-]+\s+){0,8}?[A-Za-z][\w’'-]*)\s+"
                              r"(?:(?:has|had|have)\s+)?(?:(?:also|later|earlier|then|again|previously|already|"
                              r"separately|initially|first|repeatedly)\s+)?$")


# Words that can be a cue's subject but never speak ("The figures reported on Khabar-24 are …").
_NOT_SPEAKERS = {"figures", "figure", "numbers", "number", "data", "toll", "tally", "tallies", "statistics"}


# Plural nouns for people who may speak with no article ("authorities said").
_BARE_GROUPS = {"authorities", "officials", "police", "media", "witnesses", "residents", "protesters", "demonstrators",
                "activists", "analysts", "diplomats", "sources", "doctors", "journalists", "reporters"}


# The speaker named after a cue that ends the sentence: "…, reports the country's Interior Ministry."
# It ends at the clause's end or before when or how it was said ("… in a statement", "… on Thursday").
_SPEAKER_AFTER = re.compile(r"\s+((?:the|a|an)\s+[^,.;:!?“”\"]{2,60}?|[A-Z][^,.;:!?“”\"]{1,60}?)\s*"
                            r"(?=[,.;:!?]|$|\s+(?:in\s+(?:a|an|his|her|its|their)\s|on\s+[A-Z]))")


# "She spoke on state news channel Khabar-24.": a sentence that only says
# where the last speaker spoke, so the earlier sentences' chains go through it.
_SPOKE_ON = re.compile(r"^\W*(?:he|she|they)\s+(?:also\s+)?(?:spoke|was speaking|were speaking|said so|made the "
                       r"(?:remarks?|comments?))\s+(?:on|to|in an interview with)\b[^.!?]*[.!?]?\W*$", re.I)


# The end of a dateline's agency: "(Reuters) -", "/TASS/."
_DATELINE = re.compile(r"(?:\)\s*[-–—]|/)")


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
        if _DATELINE.match(sentence, m.end()) and sentence[m.start() - 1:m.start()] in "(/" and m.start():
            continue  # "ALMATY, Jan 7 (Reuters) -", "MOSCOW, January 6. /TASS/.": who wrote the story
        if not _overlaps(m.start(), m.end(), quoted):
            source, kind, entity = _lookup(by_variant, m.group(0))
            found.append(Mention(m.start(), m.end(), m.group(0), "name", source, kind, entity))
            taken.append((m.start(), m.end()))
    for pattern, how in ((_ANAPHOR, "anaphor"), (_PRONOUN, "pronoun")):
        for m in pattern.finditer(sentence):
            if how == "anaphor" and _NAMED_BODY.match(sentence, m.end()):
                continue  # "the Ministry of Health": a name, not "the ministry" pointing back
            if not _overlaps(m.start(), m.end(), quoted) and not _overlaps(m.start(), m.end(), taken):
                found.append(Mention(m.start(), m.end(), m.group(0), how))
                bisect.insort(taken, (m.start(), m.end()))
    found.sort(key=lambda m: m.start)
    return found


# A long sentence must cost time in proportion to its length, so a search
# for words that end at a cue or a name never scans the whole sentence before
# it. These patterns, matched on the sentence written backwards, find where
# such a search can begin: at most so many words back (see _back).
_BACK_2_WORDS = re.compile(r"(?:\s*\w+){0,2}\s*")          # _NOT_A_CUE_BEFORE


_BACK_5_WORDS = re.compile(r"(?:\s*[\w-]+){0,5}\s*")       # _MEDIUM_BEFORE


_BACK_9_WORDS = re.compile(r"(?:\s*[\w’'-]+){0,11}\s*(?:[–—]\s*)?")  # _FALLBACK_BEFORE (9 words, an adverb, a dateline's dash)


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

    def _behind(self, source):
        """The listed person a speaking office stands for ("Tokayev's office"), as (source, type), or None."""
        m = _OFFICE_OF_PERSON.match(source)
        if m is None:
            return None
        last = (m.group("before") or m.group("after")).split()[-1]
        return next(((name, kind) for name, kind, entity in reversed(self.mentioned)
                     if entity == "person" and name.split()[-1] == last), None)

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
                # regional governor"), who may be the "he" or "it" that follows,
                # unless the words say otherwise ("the … Ministry" is no "he")
                if entity is None and want is not None and \
                        bool(_BODY_WORDS.search(source)) == (want == "person") and not _looks_like_a_name(source):
                    person = self._behind(source) if want == "person" else None
                    if person is not None:  # "Tokayev's office said he …": he is Tokayev
                        return person
                    continue
                if words == "they" and (entity == "person" or entity is None and _looks_like_a_name(source, 1)):
                    continue  # "Saule … said." is no "they"
                if want == "person" and entity is None and source.split()[-1].lower() in _BARE_GROUPS:
                    continue  # "Residents said …" are no "he"
                if want is None or entity in (want, None):
                    return source, kind
            return None
        if words == "the source":  # "…,” the source said.": whoever spoke last
            return (self.speakers[-1][0], self.speakers[-1][1]) if self.speakers else None
        noun = words.split(None, 1)[1]
        if re.fullmatch("|".join(_PERSON_NOUNS), noun):
            same = next(((source, kind) for source, kind, _entity in reversed(self.mentioned)
                         if source.lower().split()[-1] == noun), None)
            if same is not None:  # "according to a company spokeswoman. … the spokeswoman said": the same one
                return same
            # the last person who spoke; else ("President … held a meeting. The
            # President said …") the last listed person the text has named
            return next(((source, kind) for source, kind, entity in reversed(self.speakers)
                         if entity == "person" or (entity is None and _looks_like_a_name(source))), None) or \
                next(((source, kind) for source, kind, entity in reversed(self.mentioned) if entity == "person"), None)
        if noun in _BODY_NOUNS:
            return next(((source, kind) for source, kind, _entity in reversed(self.speakers + self.mentioned)
                         if source.lower().endswith(noun) or f"{noun} of " in source.lower()), None)
        want_type = next(t for w, t in _ANAPHOR_TYPE.items() if w in words)
        m = names.last("type", want_type, mention.start)
        if m is not None:
            return m.source, m.type
        for source, kind, _entity in reversed(self.mentioned):
            if kind == want_type:
                return source, kind
        return None


# "Tokayev's office", "the press service of President Alexander Lukashenko": the person an office speaks for.
_OFFICE_OF_PERSON = re.compile(r"^(?:the\s+)?(?:(?P<before>.+?)['’]s\s+(?:office|press service|press office)"
                               r"|(?:office|press service|press office)\s+of\s+(?P<after>.+))$", re.I)


_BODY_WORDS = re.compile(r"(?i)\b(?:ministry|office|council|committee|service|agency|department|government|"
                         r"police|authorit(?:y|ies)|media|secretariat|organi[sz]ation|administration|union|company|"
                         r"group|board|commission|embassy|parliament|court|army|military|party|bank|firm)\b")


def _looks_like_a_name(words: str, shortest: int = 2) -> bool:
    """"Marat Kozhayev" (a person not in the table), not "The Interior Ministry";
    with ``shortest=1`` also one capitalised word ("Saule")."""
    parts = words.split()
    return shortest <= len(parts) <= 3 and all(p[:1].isupper() for p in parts) and parts[0] not in ("The", "A", "An") \
        and not _BODY_WORDS.search(words)


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


# "figures from the statistics office": the office gives them.
_FIGURES_FROM = re.compile(r"^(?:the\s+)?(?:official\s+|latest\s+)?(?:figures|data|statistics|numbers|estimates)\s+"
                           r"(?:from|by|of|released by|published by)\s+(?=\S)", re.I)


def _words_mention(sentence: str, at: int, table=None):
    """A Mention for a source the table does not list, named by the words at
    ``at`` ("according to the local authorities, …"); None if there are none."""
    m = _NOUN_PHRASE_AFTER.match(sentence, at)
    if not m or not re.search(r"[^\W\d_]", m.group(1)):
        return None
    words = _FIGURES_FROM.sub("", person_named(m.group(1)))  # "rights group Amnesty" -> "Amnesty"
    hit = _listed(table[1], words) if table else None
    source = hit or (words, None, None)
    return Mention(m.end(1) - len(words), m.end(1), words, "words", *source, resolved=source)


# Posts that a president does not hold: "the mayor" never points back to the president.
_OTHER_POST = re.compile(r"(?i)\b(?:mayor|governor|minister|diplomat)$")


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
        if hit and _OTHER_POST.search(m.words) and any(
                source == hit[0] and "president" in variant.lower() for variant, (source, *_r) in table[1].items()):
            hit = None  # "The mayor said …" after the president spoke: someone else, named by the words
        if hit:
            m.resolved = (hit[0], hit[1], table[2].get(hit[0], (None, None))[1])

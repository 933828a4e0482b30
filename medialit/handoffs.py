"""Hand-offs: the words that make a name in a sentence a medium or a cited
source rather than its speaker ("told Khabar 24", "on state TV", "via TASS",
"according to Interfax", "citing the ministry").  Used by
:mod:`medialit.attribution`; the mentions come from :mod:`medialit.cues`.
"""

from __future__ import annotations

import bisect
import re

from .cues import _BACK_5_WORDS, Mention, _back, _words_mention
from .sourcenames import _TITLES


# Words before a name that make it a hand-off (the medium), not the speaker.
_MEDIUM_BEFORE = re.compile(r"(?:\bon|\bto|\btold|\bvia|\bthrough|\binterview with)\s+(?:[\w-]+\s+){0,3}$", re.I)


# A word between "to" / "told" … and a name that makes the name its own object, not a medium.
_OTHER_PREPOSITION = re.compile(r"\b(?:that|with|against|about|between|among|over)\s", re.I)


_HIM_HER = re.compile(r"\s+(him|her)\b", re.I)


# A post, then the name of the person who holds it between commas: "the city's mayor, Anna Berg, …".
_TITLED_WORDS = re.compile(r"\b" + _TITLES + r"$")


_HOLDER = re.compile(r",\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s*(?=,)")


_JOINED = re.compile(r"\s*(?:,|,?\s+and)\s+")


# "according to Tokayev's office": the office is the hand-off, not the person.
_OFFICE_OF = re.compile(r"['’]s\s+(?:office|press service|press office|administration|ministry|government|spokes(?:man|woman|person))\b")


# "according to plan" names no source; "citing" names one only with a source's word ("citing Kazakh media").
_NOT_A_SOURCE = re.compile(r"(?i)(?:the\s+)?(?:plans?|schedule|law|laws|rules|tradition|custom|procedure|protocol)")


_SOURCE_HEAD = re.compile(r"(?i)\b(?:media|agenc(?:y|ies)|sources?|officials?|ministry|police|authorities|witnesses|"
                          r"office|service|committee|channels?|television|TV|radio|newspapers?|outlets?)$"
                          r"|^(?:the\s+)?(?:ministry|office|committee|council|department|service)\s+of\s")


# "wrote on his Facebook page", "said on Telegram": a social network named as the medium.
_PLATFORM = re.compile(r"\s*(?:\w+\s+)?(?:on|in)\s+(?:(?:his|her|its|their|the)\s+(?:official\s+)?(?:[\w-]+\s+)?)?"
                       r"(Facebook|Telegram|Instagram|Twitter|VKontakte|YouTube)\b")


# "…, quoted by local media", "cited by Interfax": a relay named after the speaker.
_QUOTED_BY = re.compile(r"\b(?:quoted|cited)\s+by\s+", re.I)


_AS_SAYING = re.compile(r"[^,.;:]{0,80}?\bas\s+say(?:ing|s)\b")


# "said on state television", "told national TV": a broadcaster named by its kind.
_BROADCAST = re.compile(r"\b(?:on|to|told)\s+((?:the\s+)?(?:[\w-]+\s+){0,2}?(?:television|TV|radio)(?:\s+channel)?)"
                        r"(?=\s*(?:[,.;:!?”\"]|$)|\s+(?:that|on|in|late|early|this|last|when|after|as)\b)", re.I)


# "told Russian President Vladimir Putin": a person (the audience), not an outlet.
_PERSON_TITLE = re.compile(r"\b(?:President|Prime|Minister|Secretary|Chancellor|King|Premier|Mr|Mrs|Ms|Dr)\b")


_TOLD_OUTLET = re.compile(r"\s+(?:(?:state|national|public|private|local)\s+)?(?:broadcaster|television|TV|radio|"
                          r"newspaper|daily|weekly|channel)\s+([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"  # "state broadcaster ERT"
                          r"|\s+((?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}"
                          r"(?:\s+(?:news agenc(?:y|ies)|media|television|TV|radio|newspaper))?)")


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
            him = _HIM_HER.match(sentence, c.end()) if target is None else None
            if him:  # "According to him, …": the person "he" would point back to
                target = Mention(him.start(1), him.end(1), "he" if him.group(1).lower() == "him" else "she", "pronoun")
                mentions.append(target)
            if target is None:  # words the table does not list: "according to the local authorities"
                target = _words_mention(sentence, c.end())
                if target is not None and (_NOT_A_SOURCE.fullmatch(target.words) if c.group("according")
                                           else not _SOURCE_HEAD.search(target.words)):
                    target = None  # "according to plan"; "citing security concerns"
                if target is not None:
                    holder = _HOLDER.match(sentence, target.end) if _TITLED_WORDS.search(target.words) else None
                    if holder:  # "according to the charity's director, Marta Kis, …": the person
                        target = Mention(holder.start(1), holder.end(1), holder.group(1), "words", holder.group(1),
                                         None, "person", resolved=(holder.group(1), None, "person"))
                    mentions.append(target)
            office = _OFFICE_OF.match(sentence, target.end) if target is not None and target.how == "name" else None
            if office:  # "according to Tokayev's office": the office; Tokayev is no speaker here
                target.role = "title"
                words = sentence[target.start:office.end()]
                target = Mention(target.start, office.end(), words, "words", words, None, None,
                                 resolved=(words, None, None))
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
        g = 1 if outlet and outlet.group(1) else 2
        if outlet and outlet.group(g).split()[-1].lower() not in {"he", "she", "they", "it"} and \
                not _PERSON_TITLE.search(outlet.group(g)):
            words = outlet.group(g)
            at = outlet.start(g)
            mentions.append(Mention(at, at + len(words), words, "words", words, None, None,
                                    role="medium", resolved=(words, None, None)))
    first_speech_end = min((c.end() for c in cues if c.group("speech")), default=None)
    if first_speech_end is not None:  # "Tokayev said on state television.": a broadcaster the table does not list
        first_speech = min(c.start() for c in cues if c.group("speech"))
        for b in _BROADCAST.finditer(sentence, first_speech):
            if b.start() - first_speech_end > 40:
                break
            if not any(x.start < b.end(1) and b.start(1) < x.end for x in mentions):
                words = b.group(1)
                mentions.append(Mention(b.start(1), b.end(1), words, "words", words, None, None,
                                        role="medium", resolved=(words, None, None)))
                break
    if first_speech_end is not None:  # "wrote on his Facebook page": the platform passes the words on
        p = _PLATFORM.match(sentence, first_speech_end)
        if p and not any(x.start < p.end(1) and p.start(1) < x.end for x in mentions):
            mentions.append(Mention(p.start(1), p.end(1), p.group(1), "words", p.group(1), None, None,
                                    role="medium", resolved=(p.group(1), None, None)))
    for q in _QUOTED_BY.finditer(sentence):  # "…, declared the minister, quoted by local media.": the media relay him
        if _AS_SAYING.match(sentence, q.end()):
            continue  # "was quoted by Interfax as saying": see speakers._quoted_by
        named = next((m for m in mentions if 0 <= m.start - q.end() <= 4 and m.how == "name"), None)
        if named is None:
            named = _words_mention(sentence, q.end())
            if named is None or not _SOURCE_HEAD.search(named.words):
                continue
            mentions.append(named)
        named.role = "medium"
    for m in mentions:
        medium = m.role is None and m.how != "pronoun" and \
            _MEDIUM_BEFORE.search(sentence, _back(backwards, m.start, _BACK_5_WORDS), m.start)
        # not "told reporters that Moscow …", nor "to bargain with protesters" (the name belongs to "with")
        if medium and not _OTHER_PREPOSITION.search(medium.group(0)):
            after_speech = first_speech_end is not None and first_speech_end <= m.start
            if after_speech or re.search(r"\bon\s", sentence[max(0, m.start - 40):m.start]):
                # a person is the audience ("sympathies to President X"), neither a medium nor the speaker
                m.role = "audience" if m.entity == "person" else "medium"

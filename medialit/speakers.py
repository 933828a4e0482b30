"""Who speaks in one sentence: the speaker a cue points to (before it, after
it, or a pronoun's earlier source), the speaker of a quotation with no cue
of its own, the kind of attribution (direct, indirect, mixed, none) and the
chain from the speaker to the reader.  Speakers the sources table does not
list are found in :mod:`medialit.unlisted`.
"""

from __future__ import annotations

import bisect
import re

from .cues import Mention, _CITED_AS, _CITED_PASSIVE, _PASSIVE_BY, _PRONOUN_GAP, _NamesBefore, _words_mention
from .quotes import _in_spans
from .sourcenames import _BODY, _NAME, _TITLES, person_named
from .speechverbs import _AFTER_COMMA, _CUE_AT_END
from .unlisted import _OPENING_PARTICIPLE, _RELATIVE_BEFORE, _SUBJECT_START, _opens, _unlisted_speaker


# Words that begin a clause of its own between a cue and a name after it.
_CLAUSE_WORD = re.compile(r"\b(?:that|after|before|when|while|as|because|since|until)\b")


def _speaker_for(cue, free, sentence, quotes_rel):
    """The mention that is the subject of a speech cue, or None.  ``free``
    (:class:`_Free`) holds the sentence's possible speakers; only those up to
    90 characters before the cue can be its subject, so only those are
    looked at (linear time on a long sentence)."""
    if cue.group(0).lower().endswith("ing") and _AFTER_COMMA.search(sentence, max(0, cue.start() - 5), cue.start()):
        # "Tokayev appealed for help …, describing the unrest as …": the participle's subject is the sentence's
        subject = free.first_after(0)
        if subject is not None and _SUBJECT_START.fullmatch(sentence, 0, subject.start):
            return subject
    opening = _OPENING_PARTICIPLE.match(sentence, cue.end()) if _opens(cue, sentence) else None
    if opening:  # "Noting that the toll had risen, Xi expressed …": the subject after the participle's clause
        subject = free.first_after(opening.end())
        return subject if subject is not None and _SUBJECT_START.fullmatch(sentence, opening.end(), subject.start) \
            else None
    relative = _RELATIVE_BEFORE.search(sentence, max(0, cue.start() - 250), cue.start())
    if relative:  # "Ana Petrova, who chairs the CSTO council, said": the name before "who" (or the words, below)
        return next((m for m in free.before(relative.start(), 0) if not sentence[m.end:relative.start()].strip()), None)
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
        # "said Thursday after the Kazakh president asked": a clause of its own
        # nor "said 12 died, Interfax reported" / "said …; police …": the words of the claim come between
        if after.how != "pronoun" and not _CLAUSE_WORD.search(gap) and not re.search(r"[,;:]", gap):
            return after
    return None


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


def _special_speaker(sentence, mentions, inside, start, table, listed, history=None):
    """The speaker of the two constructions whose speaker is not the subject
    of the verb: "X cited Y as saying" (Y speaks; X becomes a hand-off; "him"
    and "her" point back as "he" and "she" do) and a passive with "by" ("was
    regarded by the authorities as …")."""
    for pattern, group in ((_CITED_AS, "who"), (_PASSIVE_BY, None)):
        for m in pattern.finditer(sentence):
            if _in_spans(start + m.start(), inside):
                continue
            at = m.start(group) if group else m.end()
            if group and sentence[at:at + 3].lower() == "by ":
                quoted = _quoted_by(mentions, listed, m, at)
                if quoted is not None:
                    return quoted
                continue
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
            who = named or _object_pronoun(sentence, at, mentions, listed, history) or \
                _words_mention(sentence, at, table)
            if who is None:
                continue
            if who.how == "words" and person_named(who.words) != who.words:  # "cited deputy minister X as saying"
                name = person_named(who.words)
                who = Mention(who.end - len(name), who.end, name, "words", name, None, "person",
                              resolved=(name, None, "person"))
            who.role = None
            if group:  # the outlet that did the citing (the verb's subject, no comma between) is a hand-off
                for x in mentions:
                    if x.end <= m.start() and x.resolved and x.role is None and x is not who and \
                            not re.search(r"[,;:.]", sentence[x.end:m.start()]):
                        x.role = "medium"
            if who not in mentions:
                mentions.append(who)
            return who
    for m in _CITED_PASSIVE.finditer(sentence):  # "…,” he was cited as saying.": the subject just before speaks
        subject = next((x for x in reversed(mentions[:listed]) if x.end <= m.start() and x.resolved), None)
        if subject is not None and not _in_spans(start + m.start(), inside) and \
                re.fullmatch(r"\s*", sentence[subject.end:m.start()]):
            subject.role = None
            return subject
    return None


_HIM_HER = re.compile(r"(him|her)\b", re.I)


def _object_pronoun(sentence, at, mentions, listed, history):
    """"it quoted him as saying": the earlier person "him" / "her" stands for, as a Mention, or None."""
    m = _HIM_HER.match(sentence, at)
    if m is None or history is None:
        return None
    pronoun = Mention(at, m.end(), "he" if m.group(1).lower() == "him" else "she", "pronoun")
    hit = history.resolve(pronoun, _NamesBefore(mentions[:listed]))
    if hit is None:
        return None
    pronoun.resolved = (hit[0], hit[1], "person")
    return pronoun


def _quoted_by(mentions, listed, m, at):
    """"Tokayev was quoted by Interfax as saying": Tokayev (the last possible
    speaker before the verb) speaks, Interfax (just after "by") passes it on."""
    subject = next((x for x in reversed(mentions[:listed]) if x.end <= m.start() and x.resolved), None)
    if subject is None:
        return None
    for x in mentions[:listed]:
        if at + 3 <= x.start <= at + 20 and x.resolved:
            x.role = "medium"
            break
    subject.role = None
    return subject


# After a listed body that follows a cue: "said police spokeswoman Jane Doe." (the name, then the end of the clause).
_THEN_TITLED_NAME_END = re.compile(r"\s+(?:[\w-]+\s+){0,2}?" + _TITLES + r"\s+" + _NAME + r"(?=\s*[,.;:!?]|\s*$)")


_TITLE_THEN_NAME = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,3}?" + _TITLES + r"\s+" + _NAME + r"(?=\s*,|\s+(?:also\s+)?[a-z])")


# "Tokayev's office said", "the office of Kazakhstan's president said": the office speaks, not the person.
_OFFICE_OF = re.compile(r"['’]s\s+(?:office|press service|administration|press office)\b")


_OFFICE_BEFORE = re.compile(r"\b(?:the\s+)?(?:office|press service|press office|administration)\s+of\s+$", re.I)


def _titled_person(sentence, speaker, cues):
    """"Kremlin spokesman Dmitry Peskov told …": the person who speaks for a
    listed organisation, as a Mention, or None. Only when a cue follows the name."""
    if speaker is None or speaker.how != "name":
        return None
    office = _OFFICE_OF.match(sentence, speaker.end)
    if office and any(c.group("speech") and 0 <= c.start() - office.end() <= 12 for c in cues):
        words = sentence[speaker.start:office.end()]
        return Mention(speaker.start, office.end(), words, "words", words, None, None, resolved=(words, None, None))
    office = _OFFICE_BEFORE.search(sentence, max(0, speaker.start - 30), speaker.start)
    if office and any(c.group("speech") and 0 <= c.start() - speaker.end <= 12 for c in cues):
        words = sentence[office.start():speaker.end]
        return Mention(office.start(), speaker.end, words, "words", words, None, None, resolved=(words, None, None))
    after = _THEN_TITLED_NAME_END.match(sentence, speaker.end)
    if after and speaker.entity != "person" and not _BODY.search(after.group(1)) and any(
            c.group("speech") and re.fullmatch(r"\s*(?:the\s+|a\s+)?", sentence[c.end():speaker.start])
            for c in cues if c.end() <= speaker.start):
        # "…, said police spokeswoman Jane Doe.": the cue comes first, and Jane Doe speaks for the police
        words = after.group(1)
        return Mention(after.start(1), after.end(1), words, "words", words, None, "person",
                       resolved=(words, None, "person"))
    m = _TITLE_THEN_NAME.match(sentence, speaker.end)
    if m and speaker.entity == "person" and sentence[speaker.end:speaker.end + 1] not in "'’":
        return None  # "President Kassym-Jomart Tokayev said": no post of his own after his name
    if not m or not any(c.group("speech") and 0 <= c.start() - m.end() <= 12 for c in cues):
        return None
    words = m.group(1)
    return Mention(m.start(1), m.end(1), words, "words", words, None, "person", resolved=(words, None, "person"))


# "the agency's interlocutor said", "a TASS correspondent reported" is the agency's man or woman on the spot.
_REPORTER_OF = re.compile(r"['’]s\s+(?:own\s+)?(?:interlocutors?|correspondents?|reporters?|sources?|journalists?|"
                          r"crew)\b")


def _reporter_of(sentence, speaker, cues):
    """"…,” the agency's interlocutor said.": the person who talked to the
    outlet ``speaker`` names, as a Mention (the outlet passes the words on), or None."""
    if speaker is None or speaker.how not in ("name", "anaphor"):
        return None
    m = _REPORTER_OF.match(sentence, speaker.end)
    if m is None or not any(c.group("speech") and 0 <= c.start() - m.end() <= 12 for c in cues):
        return None
    words = sentence[speaker.start:m.end()]
    return Mention(speaker.start, m.end(), words, "words", words, None, None, resolved=(words, None, None))


# "Tokayev's order to troops “to open fire …”": a possessive and a noun for something said.
_SPEECH_NOUN = re.compile(r"['’]s\s+(?:(?:\w+|[\w-]+)\s+)?(?:orders?|calls?|warnings?|words|remarks|comments|statements?|"
                          r"appeals?|promises?|pledges?|vows?|demands?|instructions?|message|announcement|decree)\b")


def _possessive_speaker(sentence, mentions, quotes_rel):
    """"Tokayev's order … “to open fire …” came in an address": the person or
    body whose order, call or words the quotation gives, or None. Only when a
    quotation follows the noun in the same sentence."""
    last_opening = max(a for a, _b in quotes_rel)
    for m in mentions:
        if m.role is None and m.resolved and m.how in ("name", "anaphor"):
            noun = _SPEECH_NOUN.match(sentence, m.end)
            if noun and noun.end() <= last_opening:
                return m
    return None


# What may follow the cue of an agency that passes on a sentence's first speaker:
# "…, Interfax reported on Friday, citing the ministry."
_RELAY_END = re.compile(r"\s*(?:on\s+\w+|\w+day)?\s*(?:,\s*citing\b.*)?[\s.!?\"”’]*$", re.I)


def _relayed(sentence, cues, speaker, free, quotes_rel):
    """"The ministry said 26 were killed, Interfax reported.": the first cue's
    speaker (a Mention), when ``speaker`` (a listed name) only passes it on with
    the cue that ends the sentence; else None."""
    speech = [c for c in cues if c.group("speech") and c.group(0).lower() not in ("spoke", "speaking")]
    if speaker is None or speaker.how != "name" or len(speech) < 2:
        return None
    first, last = speech[0], speech[-1]
    if not (first.end() < speaker.start and speaker.end <= last.start()) or \
            "," not in sentence[first.end():speaker.start] or not _RELAY_END.match(sentence, last.end()):
        return None
    inner = _speaker_for(first, free, sentence, quotes_rel)
    if inner is None:
        words = _unlisted_speaker(sentence, [first], quotes_rel)
        if words is None:
            return None
        inner = Mention(-1, -1, words, "words", words, None, None, resolved=(words, None, None))
    if inner is speaker or not inner.resolved or inner.resolved[0] == speaker.resolved[0]:
        return None
    return inner


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

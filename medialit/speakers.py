"""Who speaks in one sentence: the speaker a cue points to (before it, after
it, or a pronoun's earlier source), the speaker of a quotation with no cue
of its own, the kind of attribution (direct, indirect, mixed, none) and the
chain from the speaker to the reader.
"""

from __future__ import annotations

import bisect
import re

from .cues import (Mention, _BACK_9_WORDS, _BACK_SPACES, _BARE_GROUPS, _BODY_WORDS, _BRACKET_BEFORE, _CITED_AS,
                   _CITED_PASSIVE, _FALLBACK_BEFORE, _NOT_SPEAKERS, _PASSIVE_BY, _PRONOUN_GAP,
                   _SPEAKER_AFTER, _NamesBefore, _back, _last_char, _words_mention)
from .quotes import _in_spans
from .sourcenames import _BODY, _NAME, _TITLES, person_named
from .speechverbs import _AFTER_COMMA, _CUE_AT_END


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


_WHAT_THEY = re.compile(r"\b(" + "|".join(sorted(_BARE_GROUPS)) + r")\s+(?:[\w-]+\s+){1,3}what\s+they\s+$", re.I)


# A name, then an apposition between commas that says who the person is, ending at a cue.
_APPOSITION_BEFORE = re.compile(r"(?:^|(?<=[;:\x00])\s*|(?<=,)\s+|(?<=\bthat)\s+)((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*),\s+"
                                r"(?:(?:a|an|the)\s+[^,;:\x00]{2,120}|(?:who|which)\s+[^;:]{2,200}?),\s*"
                                r"(?:(?:also|now|later|then)\s+)?$")


# The clause of a participle that opens a sentence, to its comma: "Noting that the toll had risen, ".
_OPENING_PARTICIPLE = re.compile(r"[^,;:\x00]{0,200},\s*")


def _opens(cue, sentence):
    """Whether ``cue`` is a participle that opens the sentence ("Stressing that …, Tokayev …")."""
    return cue.group(0).lower().endswith("ing") and not sentence[:cue.start()].strip(" \"“‘'(")


# What may come before a sentence's subject: nothing, or an opening phrase and a comma ("On Friday, ").
_SUBJECT_START = re.compile(r"\W*(?:[^,;:]{0,40},\s*)?(?:the\s+)?", re.I)


# The capitalised words that begin a sentence (after an opening phrase), before its verb.
_SUBJECT_WORDS = re.compile(r"\W*(?:[^,;:\x00]{0,40},\s*)?((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)(?:\s+[a-z]|,)")


# A relative clause between a subject and its cue: "Ana Petrova, who chairs the council, said" (it may hold
# names and quotations: none of them is the speaker).
_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which)\b[^;:]{2,200}?,\s*(?:(?:also|now|later|then)\s+)?$")


_NOT_A_NAME = {"The", "A", "An", "In", "On", "At", "By", "For", "But", "And", "Meanwhile", "Earlier", "Later", "Then"}


def _a_name(words):
    """Capitalised words that name someone: not "In Almaty" or "But Police"; "The Red Cross" is a name."""
    parts = words.split()
    return parts[0] not in _NOT_A_NAME or (parts[0] == "The" and len(parts) > 1)


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
    opening = _OPENING_PARTICIPLE.match(masked_sentence, cue.end()) if _opens(cue, sentence) else None
    if (cue.group(0).lower().endswith("ing") and _AFTER_COMMA.search(sentence, max(0, end - 5), end)) or opening:
        # "Mayor Anna Berg asked …, describing": the subject; "Noting that …, Anna Berg said": the subject after it
        subject = _SUBJECT_WORDS.match(masked_sentence, opening.end() if opening else 0)
        return subject.group(1) if subject and _a_name(subject.group(1)) else None
    they = _WHAT_THEY.search(masked_sentence, max(0, end - 80), end)
    if they:  # "as authorities launched what they called": the authorities
        return they.group(1)
    m = _FALLBACK_BEFORE.search(masked_sentence, _back(backwards, end, _BACK_9_WORDS), end)
    if not m:
        # "Saule, a 58-year-old teacher who …, said": the name before an apposition
        m = _APPOSITION_BEFORE.search(masked_sentence, max(0, words_end - 160), end)
        return m.group(1) if m and _a_name(m.group(1)) else None
    words = m.group(1).strip()
    last = words.split()[-1].lower()
    if words.lower() in {"it", "he", "she", "they", "this", "which", "who", "that", "and", "but", "so", "thus"} or \
            last in _NOT_SPEAKERS or last in ("it", "he", "she", "they"):  # "… began what they called"
        return None
    if words.lower() in _BARE_GROUPS or (len(words.split()) <= 2 and words.split()[-1].lower() in _BARE_GROUPS):
        return words  # "authorities said", "local media reported"
    if not any(w[:1].isupper() for w in words.split()) and not re.match(r"(?i)(a|an|the|some|one|two|several|many)\b", words):
        return None
    return words


# "So said the mayor, …": the speaker after the cue, pointing back to the words before.
_SO_SAID = re.compile(r"\W*(?:so|thus)\s+", re.I)


def _speaker_after(cue, sentence, masked_sentence, backwards):
    """The speaker named after a cue at the end of a sentence or clause
    ("…, reports the country's Interior Ministry."; "…,” said Saule, a …"),
    when the table does not list it. Only after a comma or a quotation.
    ``backwards`` is ``masked_sentence[::-1]``."""
    if cue.group("speech") is None or cue.group(0).lower().endswith("ing"):
        return None  # "…, describing the unrest as …": a participle is never followed by its speaker
    if _last_char(masked_sentence, backwards, cue.start()) not in (",", "\x00") and \
            not _SO_SAID.fullmatch(masked_sentence, 0, cue.start()):
        return None
    # "…,” said student leader Ana Petrova, 19." / "said resident Jane Doe": a post in small letters, then the name
    m = _SPEAKER_AFTER.match(masked_sentence, cue.end()) or _TITLED_AFTER.match(masked_sentence, cue.end())
    if not m or "\x00" in m.group(1):
        return None
    words = m.group(1).strip()
    if words.lower() in {"he", "she", "it", "they", "that", "this"} or not re.search(r"[^\W\d_]", words) or \
            _FINITE_VERB.search(words):  # "…, said the roads were shut.": a clause, not a speaker
        return None
    name = _NAME_APPOSED.match(masked_sentence, m.end()) if re.match(r"(?i)the\s", words) else None
    if name and not _BODY_WORDS.search(words) and not _BODY_WORDS.search(name.group(1)):
        # "…, declared the interior minister, Erlan Turgumbayev, quoted by …": the person
        return name.group(1)
    return words


_FINITE_VERB = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|could|should|must|can|may)\b")


# ", Erlan Turgumbayev," after a post: the name of the person who holds it (two or three capitalised words).
_NAME_APPOSED = re.compile(r",\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})\s*(?=[,.;:!?]|$)")


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
            return person_named(words)
    return None


# After a cue: "said student leader Ana Petrova", "said resident Jane Doe" (up to three small words, a post, a name).
_TITLED_AFTER = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,3}?" + _TITLES + r"\s+" + _NAME + r")\s*(?=[,.;:!?]|$)")


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

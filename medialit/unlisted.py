"""Speakers the sources table does not list: the words that are the subject
of a cue, before it ("A 34-year-old nurse said"), after it ("…, said
resident Jane Doe"), before an aside, an apposition or a relative clause
("Ana Petrova, who chairs the council, said"), or around a speech
participle's clause ("Noting that …, Mayor Anna Berg reopened …").  Used by
:mod:`medialit.speakers`.
"""

from __future__ import annotations

import re

from .cues import (_BACK_9_WORDS, _BACK_SPACES, _BARE_GROUPS, _BODY_WORDS, _BRACKET_BEFORE, _FALLBACK_BEFORE,
                   _NOT_SPEAKERS, _SPEAKER_AFTER, _back, _last_char)
from .sourcenames import _NAME, _TITLES, person_named
from .speechverbs import _AFTER_COMMA


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
_SUBJECT_WORDS = re.compile(r"\W*(?:[^,;:\x00]{0,40},\s*)?(?:"
                            # "The central bank raised …, saying": an article, up to four small words, a verb in -ed
                            r"((?:The|A|An)\s+(?:[a-z][\w’'-]*\s+){0,3}[a-z][\w’'-]*)\s+(?:has\s+|had\s+)?[a-z]+ed\b|"
                            r"((?:[A-Z][\w’'-]*\s+){0,4}[A-Z][\w’'-]*)(?:\s+[a-z]|,))")


# A headline: one short line with no full stop (its nouns come without "the").
_HEADLINE = re.compile(r"[^\n.!?]{1,120}")


# A short aside between a subject and its cue: ", in a statement,", ", however,".
_ASIDE = re.compile(r",\s+(?:in|on|at|for|including|however|meanwhile|too|also|though|later|earlier|separately)\b[^,;:\x00]{0,40},"
                    r"\s*$", re.I)


# A post, then its holder's name between commas, ending at a cue: "His spokesman, Pavlos Marinakis, said".
_POST_THEN_NAME = re.compile(r"(?:^|[,;:]\s*)(?i:his|her|its|their|the|a|an)\s+(?:[\w’'-]+\s+){0,3}?" + _TITLES +
                             r",\s+" + _NAME + r",\s*$")


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
        words = subject and (subject.group(1) or subject.group(2))
        if words and words.split()[-1].lower() in ("was", "were", "is", "are", "been", "be"):
            return None  # "The decision was announced …, declaring …": a passive names no speaker
        return words if words and _a_name(words) else None
    they = _WHAT_THEY.search(masked_sentence, max(0, end - 80), end)
    if they:  # "as authorities launched what they called": the authorities
        return they.group(1)
    m = _FALLBACK_BEFORE.search(masked_sentence, _back(backwards, end, _BACK_9_WORDS), end)
    holder = None if m else _POST_THEN_NAME.search(masked_sentence, max(0, end - 120), end)
    if holder:  # "His spokesman, Pavlos Marinakis, said": the person
        return holder.group(1)
    aside = None if m else _ASIDE.search(masked_sentence, max(0, end - 60), end)
    if aside:  # "The port authority, in a statement, said": the words before the aside
        m = _FALLBACK_BEFORE.search(masked_sentence[:aside.start()] + " ")
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
    if not any(w[:1].isupper() for w in words.split()) and \
            not re.match(r"(?i)(a|an|the|some|one|two|several|many|its|their|his|her)\b", words) and \
            not (len(words.split()) <= 3 and _HEADLINE.fullmatch(sentence)):  # "Strike shuts ports, union says"
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

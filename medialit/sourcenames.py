"""The name in a source's words: "deputy interior minister Marat Kozhayev"
is Marat Kozhayev, "Russian television station Mir-24" is Mir-24, "the
website of the National Security Committee" is the committee; "Peskov said"
after "Dmitry Peskov told" is Dmitry Peskov.  Used by :mod:`medialit.speakers`
(who speaks in one sentence) and :mod:`medialit.attribution`.
"""

from __future__ import annotations

import re


# A post written before a person's name: "deputy interior minister Marat
# Kozhayev", "Russian President Vladimir Putin", "Kremlin spokesman Dmitry Peskov".
_TITLES = (r"(?i:spokes(?:man|woman|person)|minister|chief|head|president|secretary|commander|official|governor|"
           r"mayor|director|envoy|ambassador|advis[eo]r|aide|leader|chair(?:man|woman)?|general|prosecutor|"
           r"representative|lawyer|analyst|expert|resident|deputy|diplomat|commandant|officer|akim|premier|"
           r"senator|correspondent|reporter|journalist)")


# A name of up to three capitalised words, with the small words of some surnames ("Piet de Vries").
_PARTICLE = r"(?:de|van|von|der|den|da|di|du|le|la|al|bin|ibn|el)\s+"


_NAME = r"((?:[A-Z][\w.-]*\s+(?:" + _PARTICLE + r")?){0,2}[A-Z][\w-]*)(?!['’])"


_TITLED_NAME = re.compile(r"\b" + _TITLES + r"\s+" + _NAME + r"$")


def person_named(words: str) -> str:
    """The name in a speaker's words, without the post before it:
    "deputy interior minister Marat Kozhayev" -> "Marat Kozhayev" (the
    answer keys name people so); other words are returned as they are."""
    m = _TITLED_NAME.search(words)
    if m and not _BODY.search(m.group(1)):
        return m.group(1)
    m = _OUTLET_NAMED.match(words) or _WEBSITE_OF.match(words)  # "Russian television station Mir-24" -> "Mir-24"
    if m:
        return next(g for g in m.groups() if g)
    m = _PERSON_OF.search(words)  # "Reporters Without Borders’ Jeanne Cavelier" -> "Jeanne Cavelier"
    if m and not _BODY.search(m.group(1)):
        return m.group(1)
    m = _DESCRIBED_NAME.match(words)  # "cybersecurity watchdog Netblocks" -> "Netblocks"
    return m.group(1) if m and not _SMALL_LINK.search(words[:m.start(1)]) else words


# A person named after the body they speak for: "Amnesty International's Jane Doe", "RSF’s Jane Doe".
_PERSON_OF = re.compile(r"\S['’]s?\s+([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){1,2})$")


# What a source is, in small letters, before its name: "rights group Amnesty International", "ING economist
# Bert Colijn" (the body before the words is left out too).
_DESCRIBED_NAME = re.compile(r"(?:(?:the|a|an)\s+|[A-Z][\w&’'-]*\s+)?(?:(?!(?:the|a|an)\s)[a-z][\w-]*\s+){1,3}"
                             r"([A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+|" + _PARTICLE + r")?[A-Z][\w’'-]*){0,4})$")


# Small words that make the name belong to a phrase, not a description: "officials in Almaty".
_SMALL_LINK = re.compile(r"\b(?:in|of|at|from|for|on|with|by|and|or|to|near|across|over|under|after|before|"
                         r"about|against|than|as|into|within|like|whose|which|who|that|is|are|was|were|be|been|has|"
                         r"have|had|some|any|there)\b")


# A body speaking through its own website or statement: "The website of the National Security Committee",
# "the ministry's website".
_WEBSITE_OF = re.compile(r"(?i:the\s+(?:official\s+)?(?:website|web\s?site|Telegram\s+channel|press\s+release|statement)"
                         r"\s+of\s+)((?:the\s+)?[A-Z].*)$|((?:the\s+)?.+?)['’]s\s+(?:official\s+)?(?:website|Telegram channel)$")


# An outlet named after its kind: "Russian television station Mir-24", "the state news agency Kazinform".
_OUTLET_NAMED = re.compile(r"(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:(?:television|TV|radio)\s+(?:station|channel|network)|"
                           r"(?:news\s+)?agency|newspaper|broadcaster|news\s+(?:site|website|portal|outlet))\s+"
                           r"([A-Z][\w’'-]*(?:\s+[A-Z0-9][\w’'-]*){0,3})$")


_BODY = re.compile(r"\b(?:Office|Ministry|Council|Committee|Service|Agency|Department|Police|Government|Court)\b")


_HONORIFICS = {"Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr."}


def _full_name(row, full_names, in_text=None):
    """"Peskov said …" (or "Mr Peskov said …") after "… Dmitry Peskov told …":
    the speaker's full name, for people not in the sources table (the table
    lists its own variants).  A surname whose full name no earlier speaker
    gave takes the one full name ``in_text`` (:func:`_names_in` of the whole
    text) has for it ("Xi said" and, anywhere in the story, "Chinese President
    Xi Jinping"): news style names a person in full once, often only after
    the headline, and by the surname alone everywhere else."""
    source = row["source"]
    if source is None or row["source_type"] is not None:
        return
    words = source.split()
    if len(words) == 2 and words[0] in _HONORIFICS:
        words = words[1:]
        source = words[0]
    if 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words):
        full_names[words[-1]] = source
    elif len(words) == 1 and source[:1].isupper():
        found = (in_text or {}).get(source, ())
        full = full_names.get(source) or (next(iter(found)) if len(found) == 1 else None)
        if full is not None:
            row["source"] = full
            row["chain"] = [full] + row["chain"][1:]


# A run of capitalised words ("Chinese President Xi Jinping"), not across a line end.
_CAPITALISED_RUN = re.compile(r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)+")


# Capitalised words that begin a sentence or a title, not a name: "The Kazakhstan presidential office".
_LEADING_SMALL_WORDS = re.compile(r"^(?:(?:The|A|An|In|On|At|By|For|From|But|And|As|After|When|While|Meanwhile)\s+)+")


def _names_in(text):
    """Every name of two or three capitalised words in ``text`` (after the
    post before it: "Chinese President Xi Jinping" is Xi Jinping), by its
    first and by its last word: {"Xi": {"Xi Jinping"}, "Jinping": {…}}."""
    by_word = {}
    for run in _CAPITALISED_RUN.finditer(text):
        name = person_named(re.sub(_LEADING_SMALL_WORDS, "", run.group(0)))
        parts = name.split()
        if 2 <= len(parts) <= 3 and not _BODY.search(name) and \
                not any(p in _HONORIFICS or p.endswith(("’s", "'s")) for p in parts):
            for word in {parts[0], parts[-1]}:
                by_word.setdefault(word, set()).add(name)
    return by_word

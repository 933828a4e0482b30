"""The cue words of attribution: speech verbs ("said", "told", "reported",
"described … as", "“…?” he asked"), "according to" and "citing", and when
such a word is not a cue here (a passive, an adjective, "reports" as a noun,
"dismissed the government", "the arrest indicated that").  Used by
:mod:`medialit.attribution` (which finds the cues of each sentence) and
:mod:`medialit.speakers`; the sources the cues point to are in
:mod:`medialit.cues`.
"""

from __future__ import annotations

import re

from .cues import _BACK_2_WORDS, _back, _last_char


# Participles of speech verbs, cues only after a comma or opening the sentence: "Tokayev appealed for help,
# saying …", "Stressing that …, Tokayev ordered …" (the sentence's subject speaks); "describing", "noting" and
# "speaking" are cues anywhere.
_PARTICIPLES = ("saying", "adding", "warning", "insisting", "stressing", "claiming", "urging", "accusing", "blaming",
                "vowing", "pledging", "arguing", "explaining", "announcing", "declaring", "calling", "denying",
                "confirming")


# Speech verbs: the subject is the speaker ("X said", "said X", "X told Y").
_SPEECH = (
    r"said|says|say|told|tells|reported|reports|stated|states|warned|warns|dismissed|dismisses|"
    r"echoed|described|describes|describing|noting|noted|added|adds|announced|confirmed|"
    r"verified|claimed|claims|insisted|admitted|denied|cried|chanted|spoke|speaking|"
    r"stressed|stresses|declared|declares|informs|informed|urged|urges|explained|explains|wrote|writes|tweeted|"
    r"emphasi[sz]ed|emphasi[sz]es|underlined|underscored|pointed out|highlighted|assured|"
    r"blamed|accused|asserted|argued|vowed|vows|pledged|pledges|thanked|praised|condemned|critici[sz]ed|"
    r"called(?!\s+(?:in|on|off|for|up|out)\b)|calls(?!\s+(?:in|on|off|for|up|out)\b)|"
    r"did not (?:name|identify|specify|disclose|elaborate|say)|made (?:the|these|those|his|her) (?:remarks|comments)|"
    # sixth pass: labels ("referred to them as", "blasted the talks as"), a question after its quotation
    # ("…?” he asked."), content verbs only before "that" (a treaty "provides that"), stock statements
    r"refer(?:red|s) to(?=[^.;:]{1,80}?\bas\b)|denounced|(?:blasted|slammed|branded|labell?ed|dubbed)(?=[^.;:]{1,80}?(?:\bas\b|[“\"]))|"
    r"asked|(?:indicated|indicates|provides|stipulated|stipulates)(?=\s+that\b)|"
    r"expressed(?=\s+(?:[\w-]+\s+){0,3}?(?:concern|hope|sympath|condolence|support|regret|gratitude|solidarity))|"
    r"(?:" + "|".join(_PARTICIPLES) + r")(?!\s+(?:in|off|up|out)\b)"
)


# Words that name a source the speaker passes on: "TASS reports, citing (referring to) the CSTO, that …".
_CITING = r"citing|referring to|with reference to"


# The letters a cue can begin with: checking that first lets the search skip
# most positions quickly (same matches, about twice as fast).
_CUE_FIRST = "".join(sorted({word[0] for word in re.findall(r"[a-z]+", _SPEECH + "|" + _CITING)} | {"a"}))


_CUE = re.compile(r"\b(?=[" + _CUE_FIRST + r"])(?:(?P<according>according to)|(?P<citing>" + _CITING + r")|(?P<speech>"
                  + _SPEECH + r"))\b", re.I)


# When a cue word is not a cue: a passive ("were warned that", "Casualties
# were reported": the subject is not the speaker), an adjective ("the
# reported attempts"), "dismissed" meaning fired, "reports" as a noun.
_NOT_A_CUE_BEFORE = re.compile(r"(?:\b(?:was|were|is|are|be|been|being|to)\s+(?:\w+ly\s+)?"
                               r"|\b(?:the|a|an|these|those|its|their|media|news|press|local|unconfirmed|citing)\s+)$",
                               re.I)


_DISMISSED_PERSON = re.compile(r"\s+(?:the|his|her|their|its)\s+(?:\w+\s+)?(?:government|cabinet|minister|head|chief|"
                               r"officials?|prime|deputy|chairman|governor|mayor)\b|\s+(?:him|her|them)\b", re.I)


# A speech verb just before a quotation: 'X said: “…”'.
_CUE_AT_END = re.compile(r"(?:" + _SPEECH + r")\s*[:,]?\s*$", re.I)


# "states" reports speech only before "that" or at the end of a clause ("…, the ministry states.").
_STATES_CUE = re.compile(r"\s*(?:that\b|[,.;:!?”\"]|$)")


# "reported on the current situation in the regions" (an official readout): what
# was talked about, not a claim; "reported on state TV" / "on Tuesday" still cue.
_REPORTED_ON_TOPIC = re.compile(r"\s+on\s+(?:the|its|their|his|her)\s+(?:current\s+|latest\s+|overall\s+)?"
                                r"(?:situation|progress|events?|results?|developments?|work|course|state of)\b", re.I)


# "what they called an anti-terrorist operation": a label put at a distance,
# not the sentence's attribution when the sentence has another cue.
_WHAT_X_CALLED = re.compile(r"\bwhat\s+[\w’'-]+\s+$", re.I)


def _is_distancing(sentence: str, cue, backwards: str) -> bool:
    """True for "called" / "described" in "what he called …"."""
    return cue.group(0).lower() in ("called", "calls", "described", "describes") and \
        bool(_WHAT_X_CALLED.search(sentence, _back(backwards, cue.start(), _BACK_2_WORDS), cue.start()))


# "X reports that …", "X reports, citing Y, that …": a verb.
_REPORTS_THAT = re.compile(r"\s+that\b|\s*,\s*(?:" + _CITING + r")\b", re.I)


# Words that make "reports that" a noun ("Earlier reports that the army fired were denied").
_REPORTS_NOUN_BEFORE = re.compile(r"(?i)(?:^|\b(?:earlier|later|initial|first|previous|recent|some|many|other|several|"
                                  r"conflicting|such|these|those|all|no|any|further|new|separate))\s+$")


def _is_cue(sentence: str, cue, backwards: str) -> bool:
    """False for a cue word that does not report speech here: a passive
    ("were warned that"), an adjective or noun ("the reported attempts",
    "media reports"), "dismissed the government". ``backwards`` is
    ``sentence[::-1]``: only the few words before the cue are searched."""
    if cue.group("speech") is None:
        return True
    word = cue.group(0).lower()
    before = _NOT_A_CUE_BEFORE.search(sentence, _back(backwards, cue.start(), _BACK_2_WORDS), cue.start())
    if before and not ((word.endswith("ed") or word in ("say", "says")) and
                       before.group(0).split()[-1].lower() in ("media", "press", "local")):
        return False  # but "local media reported" / "local media say" is a verb
    if word in _PARTICIPLES and (not _AFTER_COMMA.search(sentence, max(0, cue.start() - 5), cue.start()) and
                                 sentence[:cue.start()].strip() or _NOT_SAID_AFTER.match(sentence, cue.end())):
        return False  # "quoted him as saying", "a law banning …": not the participle of an attribution
    if word in ("declared", "declares", "announced", "declaring", "announcing") and _AN_ACT.match(sentence, cue.end()):
        return False  # "declared a state of emergency": an act, not words reported
    if word == "asked" and not _QUESTION_BEFORE.search(sentence, max(0, cue.start() - 60), cue.start()):
        return False  # only "“…?” Tokayev asked." (not "after the president asked", "asked for help")
    if word in ("indicated", "indicates") and not _CAN_INDICATE.search(sentence, max(0, cue.start() - 40), cue.start()):
        return False  # "The arrest indicated that …": an event, not a source
    if word in ("dismissed", "dismisses") and _DISMISSED_PERSON.match(sentence, cue.end()):
        return False
    if word == "states" and not _STATES_CUE.match(sentence, cue.end()):
        return False  # "the United States", "Ex-Soviet states to send …": a noun
    if word in ("reported", "reports") and _REPORTED_ON_TOPIC.match(sentence, cue.end()):
        return False  # "the participants reported on the situation": a topic, no claim
    if word == "reports" and _last_char(sentence, backwards, cue.start()) not in (",", "”", '"') and not (
            _REPORTS_THAT.match(sentence, cue.end()) and
            re.search(r"[^\W\d_]+\s+$", sentence[max(0, cue.start() - 30):cue.start()]) and
            not _REPORTS_NOUN_BEFORE.search(sentence, max(0, cue.start() - 30), cue.start())):
        return False  # only "…, reports X." and "X reports that …" are cues; otherwise a noun
    return True


# After a participle, words that make it no speech: "adding to pressure", "warning shots", "calling into question".
_NOT_SAID_AFTER = re.compile(r"\s+(?:to|into|up|in|off|out)\b|\s+(?:shots?|signs?|lights?|labels?|systems?)\b", re.I)


_AFTER_COMMA = re.compile(r',[”"’]?\s*$')  # "…, saying" / "…,” saying"


# What is declared by doing it, not reported: "declared a state of emergency", "announced a curfew".
_AN_ACT = re.compile(r"\s+(?:(?:a|an|nationwide|national|countrywide|[\w-]+-(?:day|week|month))\s+){0,2}"
                     r"(?:state of (?:emergency|siege|war)|curfew|martial law|days? of (?:national\s+)?mourning|war)\b",
                     re.I)  # not "declared the curfew a success"


# A quotation that ends just before "asked" (at most four words between).
_QUESTION_BEFORE = re.compile(r"[?!,.][”\"’]\s+(?:[\w’'-]+\s+){0,4}$")


# The subject of "indicated that" when it reports a source ("Official sources indicated that …").
_CAN_INDICATE = re.compile(r"(?i)\b(?:sources?|officials?|authorities|ministry|police|spokes(?:man|woman|person)|office|"
                           r"government|he|she|they|it)\s+(?:also\s+|later\s+)?$")

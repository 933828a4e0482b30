"""Lesson 04's no-code questions: the judgement track of the exercises
(04.J1-04.J5) and the lesson's exit ticket (04.E1-04.E3).

The sentences are course-written (not from article B), spun by hand the way
article B was; every option says why it is right or wrong, and a wrong one
names the part of lesson 04 to revisit.
"""

from __future__ import annotations

from .choices import choice, write_in

_SPOT = "lesson 04, “Your turn: which words did the spinner swap?” and the spin map after it"
_BROKEN = "lesson 04, “What no formula measures”"
_MEASURE = "lesson 04, “Measuring the damage” and “Why the formulas barely notice”"
# 04.E3: a wrong answer (b, c) is a rare word the rare-word count sees
_RARE_OR_BROKEN = "lesson 04, “Measuring the damage” (the rare words) and “What no formula measures”"


_j1 = choice({
    "a": (False, "“rubble” is the ordinary word for what is left of fallen buildings: normal in a "
                 "report of an earthquake."),
    "b": (True, "“megacity” is a rare word (Zipf about 2.0) where the common “city” (5.6) belongs: the same "
                "swap as in article B's first sentence."),
    "c": (False, "“survivors” is the ordinary word in a rescue story; nothing about it is odd."),
}, _SPOT)


def _j2(answer):
    return write_in(
        answer, {"years": "", "year": "", "yrs": ""},
        right="“two times ago” breaks the fixed phrase “two years ago”: the spinner swapped years for a "
              "“synonym” of time, as in article B's “three times ago” and “30 times of independence”.",
        wrong="Not that one. Say the phrase aloud: nobody writes “two times ago”. Which word usually comes "
              "between a number and “ago”?",
        revisit=_SPOT)


def _j3(answer):
    return write_in(
        answer, {"spokesperson": "", "spokeswoman": "", "spokesman": "", "spokes": "",
                 "press secretary": "", "representative": ""},
        right="“prophet” is a thesaurus “synonym” of spokesperson (one who speaks for another), the same swap "
              "as article B's “prophet Ned Price”. The swap breaks the attribution: a reader no longer knows "
              "what the speaker's job was.",
        wrong="Think of the job of a person who speaks for a ministry to reporters; the spinner picked a word "
              "that also means “one who speaks for another”.",
        revisit=_BROKEN)


_j4 = choice({
    "a": (False, "The quotation marks were put there before the spinner ran; its swaps inside them are not "
                 "the speaker's words. Quoting them puts words in someone's mouth."),
    "b": (True, "Find the original (search for a distinctive part of the sentence, or the wire story) and "
                "quote that. A spun quotation is no longer evidence of what anyone said."),
    "c": (False, "Changing words inside quotation marks on a guess is the same mistake the spinner made: "
                 "the quotation must be the speaker's words. Restore only what a source shows you, and "
                 "say that you did."),
}, _BROKEN)


_j5 = choice({
    "a": (False, "Two points of Flesch is not evidence the copy is fine: Flesch counts sentence length and "
                 "syllables, and a swap of “years” for “times” changes neither."),
    "b": (True, "Very little: the formulas count, they do not read. Check the rare words, the fixed phrases "
                "and the quotations, and find the original."),
    "c": (False, "A formula cannot show that a text is not spun: article B and its restored text differ by "
                 "only a few points too."),
}, _MEASURE)


_e1 = choice({
    "a": (False, "Flesch reading ease moved by only a few points between spun and restored B."),
    "b": (True, "The rare words per 1,000 roughly halve when article B is restored: the spinner picks rare "
                "“synonyms”, and word rarity sees them."),
    "c": (False, "The spinner swaps words one for one, so sentences stay almost exactly the same length."),
}, _MEASURE)


_e2 = choice({
    "a": (True, "“went” and “left” are both one-syllable, common words on the easy list, and the sentence "
                "keeps its length: every measure gives the nonsense the same score as the original."),
    "b": (False, "Flesch does not read for sense: it counts words per sentence and syllables per word, and "
                 "the swap changes neither."),
    "c": (False, "The rare-word count looks at one word at a time, and “went” is a common word; that the "
                 "pair “went office” is never written does not count."),
}, _MEASURE)


_e3 = choice({
    "a": (True, "“prophet” and “spokesman” are both common words of two syllables, so no count changes; "
                "yet the reader loses who Ned Price is and why he speaks for the State Department. Only "
                "reading finds it."),
    "b": (False, "“abettors” is a rare word (Zipf 1.3 against 4.3 for “allies”): the rare-word count "
                 "goes up."),
    "c": (False, "“megacity” is rare (Zipf 2.0 against 5.6 for “city”) and longer: the rare-word count "
                 "and the syllable count both notice it."),
}, _RARE_OR_BROKEN)


QUESTIONS = {"04.J1": _j1, "04.J2": _j2, "04.J3": _j3, "04.J4": _j4, "04.J5": _j5,
             "04.E1": _e1, "04.E2": _e2, "04.E3": _e3}

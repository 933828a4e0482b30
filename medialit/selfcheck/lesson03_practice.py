"""Lesson 03's no-code questions: the judgement track of the exercises
(03.J1-03.J4) and the lesson's exit ticket (03.E1-03.E3).

Every option carries its reason in words; a wrong option names the slip
behind it and the part of lesson 03 to revisit.  The sentences are not ones
the lesson tagged: two are course-written, and 03.J1-J2 quote AFP (News18,
15 January 2022, data/lateral/sources.csv L25).
"""

from __future__ import annotations

from .choices import choice, words_in

_VOICE = "lesson 03, “Your turn 2: whose voice?” and the reveal after it"
_CATEGORIES = "lesson 03, the table of categories at the top (euphemism, name-calling/label)"
_DISTANCE = "lesson 03, “Distancing: handing a label back”"


_j1 = choice({
    "a": (False, "Not the writer's own: the sentence begins “Authorities in Kazakhstan have blamed the "
                 "violence on …”, so everything after it reports what the authorities say."),
    "b": (True, "“bandits” stands in a sentence that reports the authorities' claim (“have blamed … on”), "
                "without quotation marks of its own: an attributed paraphrase. AFP does not adopt the "
                "word; it tells you whose it is."),
    "c": (False, "Look again at the quotation marks: they surround only “terrorists”. “bandits” has none, so "
                 "it is paraphrased, not quoted, though it is still the authorities' word."),
}, _VOICE)


_j2 = choice({
    "a": (False, "Quotation marks around a single word do not show agreement; if anything they keep the "
                 "word at a distance."),
    "b": (True, "The marks hand “terrorists” back to the authorities: their label, not AFP's. The Reuters "
                "handbook warns that one word in inverted commas “can be taken to imply” a value judgement "
                "(quoted on a Reuters blog, 13 June 2007), which is why it prefers a fuller quote; here "
                "the sentence also names the owner."),  # data/lateral/sources.csv L31
    "c": (False, "A quotation of a whole sentence would need a speaker and their words; here one word is "
                 "marked, inside AFP's own sentence. That is a scare quote, not a full quotation."),
}, _DISTANCE)


_j3 = choice({
    "a": (False, "“gunmen” is one of the specific words the BBC recommends instead of “terrorist” "
                 "(BBC Editorial Guidelines, “Terrorism: Language when Reporting Terrorism”): it says what the "
                 "people did (carried guns)."),  # data/lateral/sources.csv L30
    "b": (True, "“neutralised” is an official word for killing or capturing someone, like “eliminated” and "
                "“liquidated” in lesson 03: it makes the act sound smaller. Ask what happened to the "
                "gunmen."),
    "c": (False, "“standoff” describes the situation (two sides facing each other) without a verdict on "
                 "either side."),
}, _CATEGORIES)


_LOADED_IN_J4 = {"regime": "government", "thugs": "men, or a group, or police officers (say who they were)",
                 "thug": "men, or a group", "crushed": "broke up, or stopped (say how: arrests, tear gas)",
                 "crush": "broke up"}


def _j4(answer):
    if not isinstance(answer, str):
        raise TypeError("a sentence in quotation marks")
    words = words_in(answer)
    if len(words) < 4:
        return False, "Write a whole sentence, of at least four words, that says what happened."
    left = [w for w in _LOADED_IN_J4 if w in words]
    if left:
        return False, ("Your sentence still has " + ", ".join(f"“{w}” (try: {_LOADED_IN_J4[w]})" for w in left)
                       + ". Revisit: lesson 03, “Your turn 3: rewrite a sentence neutrally”.")
    note = ("" if {"said", "according", "witnesses", "police", "government"} & set(words) else
            " Consider also naming who says so (for example “witnesses said”): “peaceful” is itself a claim "
            "someone must stand behind.")
    return True, ("No loaded word from the original is left. A model answer: “Government security forces broke "
                  "up a demonstration, witnesses said.” Compare what you kept and dropped." + note)


_e1 = choice({
    "a": (False, "There are no quotation marks in the sentence, so nothing is quoted."),
    "b": (True, "“Police said they had arrested dozens of rioters” reports what the police said, without "
                "quotation marks: “rioters” is attributed to the police (we cannot tell whether it was "
                "their exact word)."),
    "c": (False, "The sentence names a source (“Police said”), so the word is not in the writer's own voice."),
}, _VOICE)


_e2 = choice({
    "a": (False, "“massacred” is loaded, but it makes the killing sound bigger and crueller: the opposite "
                 "of a euphemism, which makes something sound smaller or more acceptable."),
    "b": (True, "“pacified” makes crushing a protest sound like calming people down: a euphemism, like "
                "“eliminated” in A03 or “liquidated” in the lexicon."),
    "c": (False, "“killed” is the plain word: it is the neutral alternative the lexicon gives for "
                 "euphemisms like “eliminated”."),
}, _CATEGORIES)


_e3 = choice({
    "a": (False, "In the writer's own voice the label becomes the writer's verdict: the BBC and Reuters "
                 "both say not to use “terrorist” without attribution."),
    "b": (False, "A single word in quotation marks is ambiguous (“they said it” or “I doubt it”); the "
                 "Reuters handbook says to use a fuller quote instead."),
    "c": (True, "Give the label to its owner (“those the government called terrorists”, or a fuller "
                "quotation): that is what A11 and A13 do, and what the BBC and Reuters advise."),
}, _DISTANCE)


QUESTIONS = {"03.J1": _j1, "03.J2": _j2, "03.J3": _j3, "03.J4": _j4,
             "03.E1": _e1, "03.E2": _e2, "03.E3": _e3}

"""Lesson 05's no-code questions: the prediction before the practice report
(05.P), the note on what the report got wrong on the student's own text
(05.M), the judgement track of the exercises (05.J1-05.J4) and the lesson's
exit ticket (05.E1-05.E3).

05.J3 quotes a website in the name of Karim Massimov (undated; data/lateral
L27); the other sentences are course-written.  Every option says why; a wrong
one names the part of lesson 05 to revisit.
"""

from __future__ import annotations

import re

from .choices import choice, words_in

_FLAGS = "lesson 05, “3. Is it spun?” and “A text we wrote for this lesson”"
_SOURCES = "lesson 05, “1. Who says so?”"
_LATERAL = "lesson 05, “4. What would you check next?” (lateral reading, SIFT)"


_j1 = choice({
    "a": (False, "One rare word is not evidence of spinning: the tools flag rare words, and rare is not "
                 "wrong."),
    "b": (True, "Read the sentence: the tenge is Kazakhstan's currency, rare in English but the right word "
                "here. A flag is a reason to look, and this one is a false alarm (lesson 04 found the same "
                "flag on article A)."),
    "c": (False, "Never change a text because a tool flagged a word; first decide, by reading, whether the "
                 "word is wrong."),
}, _FLAGS)


_j2 = choice({
    "a": (False, "A death toll is a claim somebody counted. In the writer's voice, with no source, the "
                 "reader cannot tell who counted or when."),
    "b": (True, "Find who counted: search other coverage of the same day for the figure and its source (a "
                "ministry, a hospital, a rights group), and note the time: tolls change, as lesson 00's "
                "later timeline showed (dozens, then 225, then 230)."),
    "c": (False, "No source is not the same as false: the figure may be right. It needs checking, not "
                 "rejecting."),
}, _SOURCES)


_j3 = choice({
    "a": (False, "Investigate the source first: the site is in the name of the former security chief "
                 "arrested in January 2022, a party to the dispute, not a news agency."),
    "b": (True, "The site is a party to the dispute, and the course found no second source for the "
                "quotation: treat it as a claim to check. Look for the prosecutor general's words in news "
                "coverage of 14 March 2022 before relying on them."),
    "c": (False, "It is not a government site: it speaks for one person, who was arrested by that "
                 "government. Who is behind a page is the first question (SIFT: Investigate the source)."),
}, _LATERAL)


_j4 = choice({
    "a": (False, "“Stop” is the moment before you search: noticing that you do not know the source yet."),
    "b": (False, "“Investigate the source” asks who published the page you have. Here you went looking for "
                 "the story's origin instead."),
    "c": (True, "Finding the earlier wire story is “Trace claims, quotes and media to the original "
                "context”: now quote the original, not the copy."),
    "d": (False, "Searching for a distinctive sentence is how fact-checkers find where a text came from; "
                 "it is lateral reading, not only plagiarism checking."),
}, _LATERAL)


_e1 = choice({
    "a": (False, "One flag is not proof of spinning: the tools also flag rare words that are correct "
                 "(names, currencies, technical terms)."),
    "b": (True, "A flag points at a sentence to read closely; you decide."),
    "c": (False, "A flagged word may be fine: rare is not wrong. Read the sentence before you change "
                 "anything."),
}, _FLAGS)


_e2 = choice({
    "a": (False, "Headlines, dates and the writer describing what a video shows are fine in the writer's "
                 "own voice: a careful writer does not need a source for every sentence."),
    "b": (True, "Look for claims with no source: a figure, a cause, blame. Those need an owner."),
    "c": (False, "A figure, a cause or blame stated with no source is exactly what the ⊘ mark helps you "
                 "find: the writer is not a source for what they did not see or count."),
}, _SOURCES)


_e3 = choice({
    "a": (False, "Re-reading the same text cannot tell you more than the text says: whether a figure adds "
                 "up inside it says nothing about whether it is true."),
    "b": (False, "The report reads only the text you give it: its source column says who the text names, "
                 "not whether they are right."),
    "c": (True, "Leave the page: find who first gave the figure, when, and what other coverage said "
                "(lateral reading)."),
}, _LATERAL)


# "I could not find anything it got wrong", "It got nothing wrong", "no mistakes"
_NOT = r"(?:could not|couldn t|cannot|can not|can t|did not|didn t|do not|don t)"
_NOTHING_WRONG = re.compile(rf"\b(?:{_NOT} (?:find|see|spot) (?:any|anything|a|one)|(?:found|find|see) nothing|"
                            r"nothing (?:wrong|incorrect)|no (?:mistakes?|errors?)|"
                            r"(?:got|gets) (?:everything|it all|all of it) right)\b")


def _m(answer):
    """05.M, one thing the report got wrong on the student's own text: any
    honest sentence of some length is recorded (for the discussion), with
    no verdict on what it says."""
    if not isinstance(answer, str):
        raise TypeError("a sentence in quotation marks, such as \"It missed 'the mayor said' as a source.\"")
    words = words_in(answer)
    if len(words) < 6 or set(words) <= {"one", "thing", "the", "report", "got", "wrong", "on", "my", "text"}:
        return False, ("Write one whole sentence (at least six words): which word or sentence, what the report "
                       "said about it, and what you think is right.")
    if _NOTHING_WRONG.search(" ".join(words)):
        return True, ("Bring it to the discussion. A report with no mistake you could find is worth a second look: "
                      "pick two sentences it says no one stands behind (⊘) and one word it marked, and read "
                      "them again. If they still hold, say which sentences you checked.")
    return True, ("Bring it to the discussion: say what the report said, what is right, and why the "
                  "rules got it wrong (a cue it does not know, a rare word that is normal there, a source it "
                  "missed).")


_m.note = True  # check() says "Noted.", not "Correct.": there is no key to a student's own text


_p = choice({
    "a": (False, "“rioters” comes in a sentence that ends “the regional governor said”: it is attributed to "
                 "the governor, not the writer's own. (Is it still a loaded label? Yes, but it has an owner.)"),
    "b": (True, "“The brutal crackdown drew criticism …” names no one who calls it brutal: the verdict is the "
                "writer's own. Now run the report and see whether it agrees."),
    "c": (False, "“bandits” is inside quotation marks, and the next words say who spoke (“he told the state "
                 "broadcaster”): it is the governor's quoted word."),
}, "lesson 03, “Your turn 2: whose voice?”")


QUESTIONS = {"05.P": _p, "05.M": _m, "05.J1": _j1, "05.J2": _j2, "05.J3": _j3, "05.J4": _j4,
             "05.E1": _e1, "05.E2": _e2, "05.E3": _e3}

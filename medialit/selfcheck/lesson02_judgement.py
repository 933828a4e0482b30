"""Lesson 02: the judgement track of the exercises (02.J1-02.J5, no code)
and the lesson's exit ticket (02.E1-02.E3).

The sentences are ones the lesson's tagging did not use: article A's A21
and A16, and three excerpts kept in data/lateral/sources.csv (L13, L03,
L20), each with outlet, address and date there.  The answers for A21 and
A16 agree with data/keys/attribution.csv (tests check this).
"""

from __future__ import annotations

from .choices import Option as O, multiple_choice

ITEMS = {"02.J1": "A21", "02.J2": "A16", "02.J3": "L13", "02.J4": "L03", "02.J5": "L20"}

KINDS = "lesson 02, 'Direct, indirect and mixed'"
CHAINS = "lesson 02, 'Who says so, and through whom?'"

QUESTIONS = {
    "02.J1": multiple_choice({
        "a": O("direct", False,
               "Direct means the sentence is a quotation plus who said it. Here most of the sentence is the "
               "writer's paraphrase; only three words are quoted."),
        "b": O("indirect", False,
               "Look again: “some crazy Russian claims” is in quotation marks, so some of her own words are kept."),
        "c": O("mixed", True,
               "A paraphrase ('dismissed what she described as …') with a few of her words in quotation marks: "
               "mixed."),
    }, KINDS),
    "02.J2": multiple_choice({
        "a": O("direct", False, "There are no quotation marks: none of the Kremlin's own words are given."),
        "b": O("indirect", True,
               "'the Kremlin warned against …' is the writer's paraphrase of what the Kremlin said, with no "
               "quotation marks: indirect."),
        "c": O("none", False,
               "'warned' is a speech verb with a speaker, the Kremlin: the sentence has a source."),
    }, KINDS),
    "02.J3": multiple_choice({
        "a": O("news agency: it is Reuters' text.", False,
               "Reuters publishes the sentence; the speaker inside it is the ministry. The type is the first "
               "speaker's."),
        "b": O("government official: the interior ministry.", True,
               "'The interior ministry said …': a body of Kazakhstan's government is the first speaker, so the "
               "claim rests on an official source."),
        "c": O("unnamed: no person is named.", False,
               "An institution can be a named source. 'Unnamed' is for 'officials', 'reports', 'a source'."),
    }, "lesson 02, the source types in 'Your turn: tag the sources'"),
    "02.J4": multiple_choice({
        "a": O("AP > TASS > the Kazakh health ministry", False,
               "The right links in the wrong order. Chains in this course start with the one who spoke first."),
        "b": O("the Kazakh health ministry > TASS > AP", True,
               "The ministry gave the figure, TASS quoted it, and AP's story (here in ABC News's copy) passed "
               "TASS on. This is also who article A's unnamed 'officials' (A06) were."),
        "c": O("TASS > AP", False,
               "TASS was quoting someone: 'quoted the Kazakh health ministry as saying …'. Start with the "
               "ministry."),
    }, CHAINS),
    "02.J5": multiple_choice({
        "a": O("direct, foreign government", True,
               "The words are in quotation marks with their speaker ('Ned Price told reporters'): direct. He "
               "speaks for the US State Department: a foreign government."),
        "b": O("direct, news agency", False,
               "Direct is right. But i24NEWS and the reporters only pass the words on; the speaker is the State "
               "Department spokesperson."),
        "c": O("indirect, foreign government", False,
               "The speaker's type is right, but his words are given inside quotation marks: that is direct."),
    }, KINDS),
    "02.E1": multiple_choice({
        "a": O("direct", False, "Direct is a quotation plus who said it, with no paraphrase around it."),
        "b": O("indirect", False, "Indirect has no quotation marks at all."),
        "c": O("mixed", True, "A paraphrase with some of the source's own words in quotation marks is mixed."),
    }, KINDS),
    "02.E2": multiple_choice({
        "a": O("TASS > Khabar 24 > the police spokeswoman", False,
               "That is the order of the sentence, not of the hand-offs: TASS comes first in it, but it only "
               "reported what was said on Khabar 24. Chains start with the one who spoke first."),
        "b": O("the police spokeswoman > Khabar 24 > TASS", True,
               "She spoke, Khabar 24 broadcast it, TASS reported the broadcast: first speaker first, as in "
               "A03's chain."),
        "c": O("Khabar 24 > TASS", False,
               "Khabar 24 only broadcast what someone said on it. Who said it? Start with her."),
    }, CHAINS),
    "02.E3": multiple_choice({
        "a": O("48 of 50 (96%)", False,
               "Its rules were written while reading those sentences: a test on its own homework. A new "
               "article is not one of them."),
        "b": O("30 of 50 (60%)", True,
               "A new article is text it was not built from, so the test on unseen text is the one that "
               "tells you how it does there; then read the "
               "sentences it gets wrong. The course's extractor drops the same way: 69 of 71 sentences on its "
               "two articles, about half of the sentences with a source on real coverage it was not tuned on."),
        "c": O("The average of the two: 78 of 100", False,
               "The average mixes in the homework score. Only the test on unseen text says how it does on "
               "text it has never seen."),
    }, "lesson 02, 'Can you trust the extractor? In short' and the takeaways"),
}

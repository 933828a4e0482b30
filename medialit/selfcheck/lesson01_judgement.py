"""Lesson 01: the judgement track of the exercises (01.J1-01.J4, no code)
and the lesson's exit ticket (01.E1-01.E3).

The sentences are ones the lesson's tagging did not use: article A's A16 and
A24, article B's B11, and an Associated Press excerpt kept in
data/lateral/sources.csv (L24).  The answers agree with the attribution key
(data/keys/attribution.csv); tests/test_selfcheck_judgement.py checks that.
"""

from __future__ import annotations

from .choices import Option as O, multiple_choice

#: the sentence or excerpt each judgement question is about (id in the
#: articles or in data/lateral/sources.csv), and the key's answer for it
ITEMS = {"01.J1": "A16", "01.J2": "A24", "01.J3": "B11", "01.J4": "L24"}

VOICE = "lesson 01, 'Your turn: whose voice is this?' (look for cue words and quotation marks)"

QUESTIONS = {
    "01.J1": multiple_choice({
        "a": O("The writer's own: there are no quotation marks.", False,
               "Quotation marks are only one sign. 'warned' is a speech verb, like 'said': it hands the warning "
               "to whoever did the warning."),
        "b": O("Someone the writer cites: the Kremlin.", True,
               "'the Kremlin warned against …' is an attributed paraphrase: the Kremlin is the one warning. The "
               "writer reports the warning without saying whether it is justified."),
        "c": O("Someone the writer cites: TASS.", False,
               "TASS is not named in this sentence. Do not carry a source over from earlier sentences unless the "
               "sentence points back to it ('the agency said')."),
    }, VOICE),
    "01.J2": multiple_choice({
        "a": O("The writer's own.", True,
               "No speech verb, no quotation marks, no 'according to': the writer states this analysis "
               "(and the labels 'corrupt, authoritarian') in their own voice."),
        "b": O("Someone the writer cites: the Kremlin.", False,
               "The Kremlin is mentioned as an actor ('backed by the Kremlin'), not as a speaker. Being named is "
               "not the same as being quoted."),
        "c": O("Someone the writer cites: the protesters.", False,
               "The protesters are what the sentence is about; nothing says they said it."),
    }, VOICE),
    "01.J3": multiple_choice({
        "a": O("The writer's own: the writer tells us what happened.", False,
               "'reports said' is a cue: the writer passes on what reports said, without vouching for it."),
        "b": O("Cited, and the source is named.", False,
               "Which outlet? 'Original media reports' names no one. A cue with no name is still a citation, "
               "but one you cannot check."),
        "c": O("Cited, but the source is not named.", True,
               "'Original media reports said …' attributes the claim to unnamed reports. You know it is "
               "second-hand, but not from whom."),
    }, VOICE),
    "01.J4": multiple_choice({
        "a": O("The Associated Press's own voice: it is an AP story.", False,
               "AP publishes the sentence, but 'said' hands the figure to the official. The publisher is the "
               "last link, not the source."),
        "b": O("A top law-enforcement official, not named in this excerpt.", True,
               "'A top law-enforcement official … said' makes the official the source of the 225. The excerpt "
               "describes the official but gives no name, so to check the figure you would look for the "
               "official statement itself."),
        "c": O("Nobody's: 225 is the final, established toll.", False,
               "A figure always comes from someone. This one is an official's, and the toll was revised again "
               "later (230 in March: TASS, 14 March 2022)."),  # data/lateral/sources.csv L26
    }, VOICE),
    "01.E1": multiple_choice({
        "a": O("The name of the website it is on: the site that shows a story wrote it.", False,
               "A site often prints other people's stories: Mint printed article A unchanged from a wire "
               "agency's feed, and its own last line says so."),
        "b": O("Lines inside the text that say where its words came from: a publisher's note, who people "
               "'told', which agency is relayed.", True,
               "Article A says it was printed unchanged from a wire feed; B's witnesses 'told AFP' and "
               "'told Reuters'. Clues, not proof, but the place to start."),
        "c": O("Its first sentence: the news agency named there wrote the story.", False,
               "A02 names TASS, but only as the agency whose report the story passes on; article A itself came "
               "from a wire agency's feed, as its last line says."),
    }, "lesson 01, 'Where did they come from? Clues inside the texts'"),
    "01.E2": multiple_choice({
        "a": O("Take the larger figure: tolls only go up.", False,
               "Tolls often rise, but the two figures may count different places or groups."),
        "b": O("Decide one article is wrong.", False,
               "Different figures are not yet a contradiction."),
        "c": O("Ask who gave each figure, for where and when.", True,
               "In this case the 12 was Almaty's count and the 18 the whole country's, given by different "
               "offices: both can be right."),
    }, "lesson 01, 'Same events, two accounts' and the trace to the origin"),
    "01.E3": multiple_choice({
        "a": O("The writer's own: the writer wrote the sentence.", False,
               "The writer wrote every sentence. The question is who the sentence says the claim comes from."),
        "b": O("Someone the writer cites: X.", True,
               "'reported that' hands the claim to X. The writer vouches only that X said it."),
        "c": O("The writer's, because there are no quotation marks: only a quotation is someone else's voice.",
               False,
               "A claim can be cited without quotation marks: 'X reported that' hands it to X in the writer's "
               "paraphrase (A02, A04, A06 in the lesson)."),
    }, VOICE),
}

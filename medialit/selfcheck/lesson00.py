"""Self-check questions of lesson 00: a text answer (00.2) and the exit
ticket (00.E1-00.E3).  The practice number question 00.1 is in lesson01.py."""

from __future__ import annotations

from .choices import Option as O, multiple_choice

#: the timeline row 00.2 asks about (data/timeline.csv, order 10, sentence A04):
#: "Kazakh state television reported that 12 law enforcement officers had been
#: killed ...", source "Khabar 24 > Interfax"
ROW_00_2 = "the row about the 12 law enforcement officers"


def _q00_2(answer):
    if not isinstance(answer, str):
        raise TypeError('a name in quotes, such as "Reuters": text needs quotation marks')
    given = " ".join(answer.split()).strip(" .").lower()
    if given in {"interfax", "news agency interfax", "russian news agency interfax"}:
        return True, ("Interfax, a Russian news agency, passed on what Kazakh state television (Khabar 24) "
                      "reported. You typed a text answer in quotes: that is how every text answer in the "
                      "course is given.")
    if given in {"khabar 24", "khabar-24", "khabar"}:
        return False, ("Khabar 24 is the first name in that row: the state TV channel that reported the "
                       "figures. The chain is written first speaker first, so the last name is the one that "
                       "passed it on.")
    if given == "tass":
        return False, ("TASS ends the chain of the police statement, the example above the question. "
                       f"Look at {ROW_00_2} instead.")
    if given == "sultanat azirbek":
        return False, f"She is the police spokeswoman of another row. Look at {ROW_00_2}."
    if given in {"kazakh state media", "state media"}:
        return False, ("Kazakh state media begins the chain of the next row, the beheading. "
                       f"Look at {ROW_00_2}, and read it to the end.")
    if given in {"mint", "reuters", "ap", "afp", "a wire", "wire", "wire service", "the wire"}:
        return False, ("A wire and Mint did pass article A on to you, but the timeline's source column stops "
                       "before them. The question asks for the last name written in that column.")
    if not given:
        return False, "The quotes are empty: type the agency's name between them."
    return False, (f"Find {ROW_00_2} and read its source column to the end: "
                   "the answer is the last name written there.")


SECTIONS = {"text": "'How self-checks work' (text answers in quotes)",
            "error": "'When Python answers with an error'",
            "save": "'Saving your work'"}

QUESTIONS = {
    "00.2": _q00_2,
    "00.E1": multiple_choice({
        "a": O('`check("00.2", Interfax)`', False,
               "Without quotation marks Python reads Interfax as the name of something it should already "
               "know, finds nothing, and stops with a NameError."),
        "b": O('`check("00.2", "Interfax")`', True,
               "Text goes between quotation marks, so Python treats it as words, not as a name it should "
               "look up."),
        "c": O('`check(00.2, "Interfax")`', False,
               "Without quotes Python reads 00.2 as the number 0.2, and there is no question 0.2: the "
               "question's number is text too, so it needs its quotes, \"00.2\"."),
    }, SECTIONS["text"]),
    "00.E2": multiple_choice({
        "a": O("Python looked for something named Interfax and found nothing: add the quotes.", True,
               "Read the last line of the message: it names the word Python could not find. Put quotes "
               "around text, then run the cell again."),
        "b": O("The check did not accept Interfax: it is the wrong answer to 00.2.", False,
               "A wrong answer gets '✗ Not yet' from the check, with a hint. A NameError comes before any "
               "checking: Python stopped at a word it did not know and never reached your answer."),
        "c": O("A cell above has not been run yet, so Interfax is not loaded.", False,
               "Running the cells above helps when the missing name is one that a cell makes, such as "
               "agency. No cell makes Interfax: you typed it yourself, and text needs quotes."),
    }, SECTIONS["error"]),
    "00.E3": multiple_choice({
        "a": O("In the notebook itself: press Ctrl+S and Binder keeps it for next time.", False,
               "Ctrl+S saves the notebook, but your tags are saved in the my_work folder, and Binder deletes "
               "the whole session, notebook and folder included, when you close it or leave it idle."),
        "b": O("In the my_work folder, and Binder keeps that folder until you come back.", False,
               "The folder is right, but Binder deletes the whole session, my_work included, when you close "
               "it or leave it idle. Only a file you download survives."),
        "c": O("In the my_work folder; on Binder, pack it into my_work.zip and download it.", True,
               "Each widget saves to my_work/ on every click. On Binder, the zip you download is the only "
               "copy that survives the session."),
    }, SECTIONS["save"]),
}

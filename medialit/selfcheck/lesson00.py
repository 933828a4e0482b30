"""Self-check questions of lesson 00: a text answer (00.2) and the exit
ticket (00.E1-00.E3).  The practice number question 00.1 is in lesson01.py."""

from __future__ import annotations

from .choices import Option as O, multiple_choice


def _q00_2(answer):
    if not isinstance(answer, str):
        raise TypeError('a name in quotes, such as "Reuters": text needs quotation marks')
    given = " ".join(answer.split()).strip(" .").lower()
    if given in {"tass", "russian news agency tass"}:
        return True, ("TASS, the Russian news agency, passed on what the police spokeswoman said on television. "
                      "You typed a text answer in quotes: that is how every text answer in the course is given.")
    if given == "interfax":
        return False, "Interfax relays other rows of the timeline (the 12 officers). Look at the police statement's row."
    if given in {"khabar 24", "khabar"}:
        return False, "Khabar 24 is a television channel, the middle link. Which agency comes after it?"
    if given == "sultanat azirbek":
        return False, "She is the first link, the police spokeswoman who spoke. The question asks for the news agency."
    if not given:
        return False, "The quotes are empty: type the agency's name between them."
    return False, "Not that one. Find the row 'Almaty police announced …' and read its source column to the end."


SECTIONS = {"text": "'How self-checks work' (text answers in quotes)",
            "error": "'When Python answers with an error'",
            "save": "'Saving your work'"}

QUESTIONS = {
    "00.2": _q00_2,
    "00.E1": multiple_choice({
        "a": O('`check("00.2", TASS)`', False,
               "Without quotation marks Python reads TASS as the name of a variable, finds none, and stops "
               "with a NameError."),
        "b": O('`check("00.2", "TASS")`', True,
               "Text goes between quotation marks, so Python treats it as words, not as a name it should look up."),
        "c": O('`check(00.2, "TASS")`', False,
               "The question's number is also text: it needs its quotes, \"00.2\"."),
    }, SECTIONS["text"]),
    "00.E2": multiple_choice({
        "a": O("The course is broken: start the lesson again from scratch.", False,
               "An error message is Python telling you what it could not do. Nothing is broken, and your saved "
               "tags are safe."),
        "b": O("You gave the wrong answer to the question.", False,
               "A wrong answer gets a '✗ Not yet' from the check, not an error. A NameError comes before any "
               "checking: Python never got as far as your answer."),
        "c": O("Python met a name it does not know: add the missing quotes, fix the spelling, or run the cell "
               "that defines the name first, then run the cell again.", True,
               "Read the last line of the message: it names the word Python could not find. Fix that, run the "
               "cell again; if the problem was an earlier cell, run the cells above (Run → Run All Above)."),
    }, SECTIONS["error"]),
    "00.E3": multiple_choice({
        "a": O("In the notebook file itself: Binder keeps it for next time.", False,
               "Binder deletes the whole session, notebook included, when you leave or stay idle."),
        "b": O("In the my_work folder; on Binder, pack and download my_work.zip before leaving.", True,
               "Each widget saves to my_work/ on every click. On Binder, the zip you download is the only copy "
               "that survives the session."),
        "c": O("Nowhere: tags are lost when the kernel restarts.", False,
               "Tags are saved on every click and come back after a restart ('Welcome back')."),
    }, SECTIONS["save"]),
}

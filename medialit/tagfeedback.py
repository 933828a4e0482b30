"""What a tagging activity says back: the feedback under each item and the
score sentence, as HTML (every piece of user or key text escaped) or text.

Plain functions: the Tagger widget (:mod:`medialit.tagging`) puts their
results into its HTML widgets; the rows are those of
:func:`medialit.tagscoring.feedback_table`.
"""

from __future__ import annotations

import html
import re

from .tagscoring import NOT_ASKED, NOT_TAGGED
from .words import normalise_answer

__all__ = ["highlight", "item_feedback", "text_feedback", "write_in_notes", "summary", "summary_html",
           "status_html", "either", "asked_when"]

#: Visually hidden but read by screen readers (the usual "sr-only" rules).
HIDDEN = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
          "clip:rect(0,0,0,0);white-space:nowrap;border:0")


def highlight(text: str, phrase: str | None) -> str:
    """Escape ``text`` for HTML, marking the first occurrence of ``phrase``."""
    if phrase:
        at = text.find(phrase)
        if at >= 0:
            return (html.escape(text[:at]) + "<mark><b>" + html.escape(phrase) + "</b></mark>"
                    + html.escape(text[at + len(phrase):]))
    return html.escape(text)


def _both(sides: list[str]) -> str:
    return " and ".join(f"“{html.escape(side)}”" for side in sides)


def either(labels) -> str:
    """Labels joined for a sentence: “loaded”, “loaded or contested”, “a, b or c”."""
    labels = [str(label) for label in labels]
    return " or ".join(filter(None, [", ".join(labels[:-1]), labels[-1] if labels else ""]))


def _unasked(asked, labels) -> str | None:
    """The one tag after which a write-in box is not asked for, when it is
    asked for after every other tag and there are more than two of those
    (“the writer” among eight source types); else None."""
    rest = [label for label in labels if label not in asked]
    return rest[0] if len(asked) > 2 and len(rest) == 1 else None


def asked_when(asked, labels=()) -> str:
    """The words after a write-in box's label that say when it is asked for:
    "" (always), ", only if you tagged loaded or contested", or, when every
    tag but one asks for it, ", not if you tagged the writer"."""
    if not asked:
        return ""
    other = _unasked(asked, labels)
    return f", not if you tagged {other}" if other else f", only if you tagged {either(asked)}"


def item_feedback(row, number: int, sides: list[str], write_in: bool, highlighted: str | None = None,
                  fold: bool = False) -> str:
    """The feedback under one item after Check.  ``sides``: the labels of the
    answers a contested item's rationale defends (else empty);
    ``highlighted``: the item's highlighted words, for the write-in notes;
    ``fold``: a plain match shows its reason folded under "Why?"."""
    why = html.escape(row.rationale)
    box = text_feedback(row, sides, highlighted) if write_in else ""
    # when a line on the box follows, say which answer the tick is for (not the typed word)
    whose = "Your tag matches the key." if box else "Matches the key."
    if row.result == "match" and sides:
        text = (f"<span style='color:#1a5e1a'>✓ Matches the key: contested, with a case for "
                f"{_both(sides)}.</span> {why} <i>Which side do you find stronger? Keep your reason in mind, or jot it "
                f"down: you will argue it when you compare answers.</i>")
    elif row.result == "match" and fold:
        text = (f"<details><summary><span style='color:#1a5e1a'>✓ {whose}</span> Why?</summary>"
                f"{why}</details>")
    elif row.result == "match":
        text = f"<span style='color:#1a5e1a'>✓ {whose}</span> {why}"
    elif row.result == "accepted":
        text = (f"<span style='color:#1a5e1a'>✓ Agrees with the key: contested, so {_both(sides)} are both "
                f"defensible; you chose “{html.escape(row.your_tag)}”.</span> {why} "
                f"<i>Keep your reason for “{html.escape(row.your_tag)}” in mind, or jot it down: you will argue it "
                f"when you compare answers.</i>")
    elif row.result == "differs":
        text = (f"<span style='color:#8a1c1c'>✗ The key says “{html.escape(row.key)}”, "
                f"you chose “{html.escape(row.your_tag)}”.</span> {why}")
    elif row.result == NOT_TAGGED:
        text = "<span style='color:#555'>… Not tagged yet: choose a tag, then check again.</span>"
    else:
        text = "<span style='color:#555'>No answer key for this item: discuss it.</span>"
    if box:
        text += "<br>" + box
    which = f"Feedback on {number} [{html.escape(row.item_id)}]:"
    return f"<div style='margin-left:1.5em'><span style='{HIDDEN}'>{which} </span>{text}</div>"


def _stop(quoted: str) -> str:
    """The full stop after a quoted answer, unless the quotation already ends a
    sentence (no “… rigged.”.)."""
    return "" if quoted.rstrip().endswith((".", "!", "?")) else "."


#: words just before a label that hand it back to its owner: "what they call", "described as", "so-called"
_HANDING_BACK = re.compile(r"\b(?:call|calls|called|calling|describe[sd]?\s+\w+\s+as|described\s+as|"
                           r"describes\s+as|so-called|brand(?:s|ed)?|label(?:s|led)?)\b[^.;:!?]{0,40}$", re.I)


def _handed_back(written: str, matched: str) -> bool:
    """Whether ``matched`` (a label found in ``written``) follows words that
    hand it back to whoever uses it ("leaders call protesters terrorists")."""
    at = written.lower().find(matched.lower())
    return at > 0 and bool(_HANDING_BACK.search(written[:at]))


def write_in_notes(written: str, highlighted: str | None, answer: str = "", keep_word: bool = False,
                   lexicon=None) -> list[str]:
    """Plain-text notes on a write-in meant to be neutral: that it repeats
    the highlighted words (unless ``keep_word``: the student's side keeps
    the word), and each loaded term of the course lexicon it uses, with the
    lexicon's *why* ("“thugs” carries a verdict too: ...").  Words the model
    ``answer`` also uses are not noted (it may name a label to attribute it).
    """
    from .lexicon import term_for, terms_in

    if not written or not written.strip():
        return []
    notes = []
    shown = set(normalise_answer(a) for a in answer.split("|")) if answer else set()
    own_term = term_for(highlighted, lexicon) if highlighted else None
    in_answer = {row["term"] for row in terms_in(answer, lexicon)} if answer else set()
    found = terms_in(written, lexicon)
    repeats = highlighted and normalise_answer(written) not in shown and (
        normalise_answer(written) == normalise_answer(highlighted)                  # the same words
        or (own_term is not None and term_for(written, lexicon) == own_term)        # another form of them
        or (own_term is not None and own_term not in in_answer                      # a rewrite that keeps them
            and any(r["term"] == own_term for r in found)))
    if repeats and not keep_word and not _handed_back(written, highlighted):
        notes.append(f"“{written.strip()}” repeats the highlighted “{highlighted}”: "
                     "a neutral word says the same without its verdict.")
    for row in found:
        if row["category"] == "neutral" or row["term"] in in_answer or row["term"] == own_term:
            continue
        if _handed_back(written, row["matched"]):  # "… call protesters terrorists": attributed, as taught
            continue
        why = row["why"].split(";")[0].strip().rstrip(".")
        notes.append(f"“{row['matched']}” carries a verdict too: {why[:1].lower() + why[1:]}.")
    return notes


def text_feedback(row, sides: list[str] | None = None, highlighted: str | None = None) -> str:
    """The feedback on one write-in box.  ``sides``: the sides a contested
    item's rationale defends; then a model answer is shown only as the
    rewrite for the first side (e.g. "if you judged it loaded"), since the
    other side keeps the word.  In "model" mode, :func:`write_in_notes`
    follow (``highlighted``: the item's highlighted words).  An empty box
    that the item's tag does not ask for gets no feedback ("")."""
    if row.text_result == NOT_ASKED:
        return ""
    if row.text_result == "model shown":
        keep = bool(sides) and row.your_tag in sides[1:]
        notes = write_in_notes(row.your_text, highlighted, row.answer, keep_word=keep)
        extra = "".join(f"<br><span style='color:#8a4b00'>{html.escape(n)}</span>" for n in notes)
        return _model_feedback(row, sides) + extra
    return _other_feedback(row)


def _model_feedback(row, sides: list[str] | None) -> str:
    mine, answer = html.escape(row.your_text), html.escape(row.answer)
    if sides:
        others = " or ".join(f"“{html.escape(side)}”" for side in sides[1:])
        return (f"<span style='color:#333'>Yours: “{mine}”</span><br>"
                f"<span style='color:#333'>If you judged it “{html.escape(sides[0])}”, a model answer: “{answer}”"
                + (f"; if {others}, keep the word." if others else _stop(row.answer))
                + "</span>")
    return (f"<span style='color:#333'>Yours: “{mine}”</span><br>"
            f"<span style='color:#333'>A model answer: “{answer}”{_stop(row.answer)}</span>")


def _other_feedback(row) -> str:
    mine, answer = html.escape(row.your_text), html.escape(row.answer)
    first = html.escape(row.answer.split("|")[0].strip())
    if row.text_result == "match":
        return f"<span style='color:#1a5e1a'>✓ “{mine}” matches the key.</span>"
    if row.text_result == "close":
        return (f"<span style='color:#555'>≈ Close: you wrote “{mine}”; the key has “{first}”.</span>"
                + (f" (Also accepted: {html.escape(', '.join(a.strip() for a in row.answer.split('|')[1:]))}.)"
                   if "|" in row.answer else ""))
    if row.text_result == "differs":
        return (f"<span style='color:#8a1c1c'>✗ You wrote “{mine}”; the key has “{first}”.</span>"
                + (f" (Also accepted: {html.escape(', '.join(a.strip() for a in row.answer.split('|')[1:]))}.)"
                   if "|" in row.answer else ""))
    if row.text_result == "not written":
        return "<span style='color:#555'>… Nothing written in the box yet.</span>"
    return "<span style='color:#555'>No model answer for this box: discuss it.</span>"


def summary(s: dict, write_in_check: str | None = None, write_in_for: list[str] | None = None,
            labels=()) -> str:
    """The student's score sentence, from :func:`medialit.tagscoring.score`:
    counts only, "13 of 15" (kappa and the percentage stay in the score, for
    instructors).  ``write_in_check``: the activity's write-in mode, if it
    has boxes; ``write_in_for``: the labels of the tags that ask for a box
    (None: every item asks); ``labels``: every tag's label, to name the one
    tag that does not ask instead (:func:`asked_when`)."""
    if s["tagged"] == 0 and not s.get("written"):
        return f"Nothing tagged yet: {s['items']} items are waiting."
    text = ""
    if s["tagged"]:
        agree = s["match"] + s.get("accepted", 0)
        waiting = max(s["items"] - s["tagged"], 0)
        # With items still untagged, say that the agreement is of the tagged ones only.
        verb = "matches" if agree == 1 else "match"
        of = f" of the {s['tagged']} you tagged {verb}" if waiting else f" of {s['tagged']} {verb}"
        text = f"You tagged {s['tagged']} of {s['items']} items; {agree}{of} the key"
        if s.get("accepted"):
            items = "item" if s["accepted"] == 1 else "items"
            text += f", counting {s['accepted']} contested {items} where the key accepts your answer"
        text += f"; {waiting} not tagged yet." if waiting else "."
    if write_in_check:
        if write_in_for:
            other = _unasked(write_in_for, labels)
            which = f"you did not tag {other}" if other else f"you tag {either(write_in_for)}"
            words = (f"Write-ins (asked for the items {which}): "
                     f"{s['asked'] - s['missing']} of {s['asked']} written")
        else:
            words = f"Write-ins: {s['written']} of {s['items']} written"
        text += (" " if text else "") + words
        text += (f", {s['text_match']} {'matches' if s['text_match'] == 1 else 'match'} the key."
                 if write_in_check in ("match", "name")
                 else "; compare each with the model answer.")
    return text.strip()


def summary_html(sentence: str) -> str:
    # role=alert: a screen reader reads the score out as soon as it appears
    return f"<div role='alert'><p><b>{html.escape(sentence)}</b></p></div>"


def status_html(message: str, warning: bool = False) -> str:
    colour = "#a33" if warning else "#333"
    prefix = "Warning: " if warning else ""
    return f"<p style='color:{colour}'>{prefix}{html.escape(message)}</p>"

"""What a tagging activity says back: the feedback under each item and the
score sentence, as HTML (every piece of user or key text escaped) or text.

Plain functions: the Tagger widget (:mod:`medialit.tagging`) puts their
results into its HTML widgets; the rows are those of
:func:`medialit.tagscoring.feedback_table`.
"""

from __future__ import annotations

import html

from .tagscoring import NOT_TAGGED

__all__ = ["highlight", "item_feedback", "text_feedback", "summary", "summary_html", "status_html"]

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


def item_feedback(row, number: int, sides: list[str], write_in: bool) -> str:
    """The feedback under one item after Check.  ``sides``: the labels of the
    answers a contested item's rationale defends (else empty)."""
    why = html.escape(row.rationale)
    if row.result == "match" and sides:
        text = (f"<span style='color:#1a5e1a'>✓ Matches the key: contested, with a case for "
                f"{_both(sides)}.</span> {why}")
    elif row.result == "match":
        text = f"<span style='color:#1a5e1a'>✓ Matches the key.</span> {why}"
    elif row.result == "accepted":
        text = (f"<span style='color:#1a5e1a'>✓ Agrees with the key: contested, so {_both(sides)} are both "
                f"defensible; you chose “{html.escape(row.your_tag)}”.</span> {why}")
    elif row.result == "differs":
        text = (f"<span style='color:#8a1c1c'>✗ The key says “{html.escape(row.key)}”, "
                f"you chose “{html.escape(row.your_tag)}”.</span> {why}")
    elif row.result == NOT_TAGGED:
        text = "<span style='color:#555'>… Not tagged yet: choose a tag, then check again.</span>"
    else:
        text = "<span style='color:#555'>No answer key for this item: discuss it.</span>"
    if write_in:
        text += "<br>" + text_feedback(row, sides)
    which = f"Feedback on {number} [{html.escape(row.item_id)}]:"
    return f"<div style='margin-left:1.5em'><span style='{HIDDEN}'>{which} </span>{text}</div>"


def _stop(quoted: str) -> str:
    """The full stop after a quoted answer, unless the quotation already ends a
    sentence (no “… rigged.”.)."""
    return "" if quoted.rstrip().endswith((".", "!", "?")) else "."


def text_feedback(row, sides: list[str] | None = None) -> str:
    """The feedback on one write-in box.  ``sides``: the sides a contested
    item's rationale defends; then a model answer is shown only as the
    rewrite for the first side (e.g. "if you judged it loaded"), since the
    other side keeps the word."""
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
    if row.text_result == "model shown" and sides:
        others = " or ".join(f"“{html.escape(side)}”" for side in sides[1:])
        return (f"<span style='color:#333'>Yours: “{mine}”</span><br>"
                f"<span style='color:#333'>If you judged it “{html.escape(sides[0])}”, a model answer: “{answer}”"
                + (f"; if {others}, keep the word." if others else _stop(row.answer))
                + "</span>")
    if row.text_result == "model shown":
        return (f"<span style='color:#333'>Yours: “{mine}”</span><br>"
                f"<span style='color:#333'>A model answer: “{answer}”{_stop(row.answer)}</span>")
    if row.text_result == "not written":
        return "<span style='color:#555'>… Nothing written in the box yet.</span>"
    return "<span style='color:#555'>No model answer for this box: discuss it.</span>"


def summary(s: dict, write_in_check: str | None = None) -> str:
    """The student's score sentence, from :func:`medialit.tagscoring.score`:
    counts only (kappa stays in the score, for instructors).
    ``write_in_check``: the activity's write-in mode, if it has boxes."""
    if s["tagged"] == 0 and not s.get("written"):
        return f"Nothing tagged yet: {s['items']} items are waiting."
    text = ""
    if s["tagged"]:
        agree = s["match"] + s.get("accepted", 0)
        waiting = max(s["items"] - s["tagged"], 0)
        # With items still untagged, say that the agreement is of the tagged ones only.
        verb = "matches" if agree == 1 else "match"
        of = f" of the {s['tagged']} you tagged {verb}" if waiting else f" {verb}"
        text = (f"You tagged {s['tagged']} of {s['items']} items; {agree}{of} the key"
                + (f" ({s['percent_match']:g}%)" if s["percent_match"] is not None else ""))
        if s.get("accepted"):
            items = "item" if s["accepted"] == 1 else "items"
            text += f", counting {s['accepted']} contested {items} where the key accepts your answer"
        text += f"; {waiting} not tagged yet." if waiting else "."
    if write_in_check:
        text += (" " if text else "") + f"Write-ins: {s['written']} of {s['items']} written"
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

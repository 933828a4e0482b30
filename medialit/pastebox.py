"""A box to paste any article into, and the report on it (lesson 05).

The widget side of :mod:`medialit.report`: :func:`paste_box` shows a text
box and a button; the checks themselves are :func:`medialit.report.try_check`.
"""

from __future__ import annotations

import html

from .report import Problem, try_check
from .report_html import render_html

__all__ = ["PasteBox", "paste_box"]


class PasteBox:
    """A text box to paste an article into, a Check button, and the report.

    Anything pasted is checked by :func:`check_article`; a text that cannot
    be checked (empty, huge, HTML source, not English, binary junk) gets a
    plain message in the box's output, never a traceback.  Drivable from
    Python: ``box.text.value = "..."``, then ``box.button.click()``;
    ``box.report`` is the last report (or None) and ``box.message`` the last
    message.
    """

    def __init__(self, title: str = "your text"):
        import ipywidgets as widgets

        self.title = title
        self.report = None
        self.message = ""
        self._checked_text = None  # the text of the last check
        self.text = widgets.Textarea(
            value="", placeholder="Paste the article's text here (plain text, not the page source).",
            description="Article text:", style={"description_width": "initial"},
            layout=widgets.Layout(width="95%", height="10em"))
        self.button = widgets.Button(description="Check this text", icon="search",
                                     tooltip="Run every check of the course on the text above")
        self.output = widgets.HTML("")
        self.button.on_click(lambda _: self.check())
        self.text.observe(self._text_changed, names="value")
        self.widget = widgets.VBox([self.text, self.button, self.output])

    def _text_changed(self, _change) -> None:
        # a report never stays on screen under a text it was not made from
        if self.output.value:
            self.output.value = (f"<p>New text received ({len(self.text.value):,} characters): "
                                 "press 'Check this text'.</p>")

    def check(self):
        """Check the pasted text (what the button does); returns the report or None."""
        text = self.text.value
        same = self._checked_text is not None and text == self._checked_text
        self._checked_text = text
        note = ""
        if same:
            note = ("This is the same text as your last check. If you pasted a new text and still see this, "
                    "the paste was too big to reach the checker (over about 10 MB): paste one article at a time.")
        if len(text) > 200_000:  # a long text takes seconds: say so while it is checked
            self.output.value = f"<p>Checking a long text ({len(text):,} characters): this takes a few seconds …</p>"
        result = try_check(text, self.title)
        if isinstance(result, Problem):
            self.report, self.message = None, Problem(f"{result} {note}".strip())
            self.output.value = (f"<p style='color:#8a1c1c'><b>This text cannot be checked:</b> "
                                 f"{html.escape(self.message)}</p>")
            return None
        self.report, self.message = result, (f"{note} {result.summary}".strip())
        self.output.value = (f"<p style='color:#8a1c1c'><b>{html.escape(note)}</b></p>" if note else "") \
            + render_html(result)
        return result

    def _repr_mimebundle_(self, **kwargs):
        data = self.widget._repr_mimebundle_(**kwargs)
        data["text/plain"] = repr(self)
        return data

    def __repr__(self) -> str:
        return f"PasteBox for {self.title!r}: paste a text and press 'Check this text'."


def paste_box(title: str = "your text") -> PasteBox:
    """A :class:`PasteBox`, ready to show in a notebook cell."""
    return PasteBox(title)

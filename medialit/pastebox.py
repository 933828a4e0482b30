"""A box to paste any article into, and the report on it (lesson 05).

The widget side of :mod:`medialit.report`: :func:`paste_box` shows a text
box and a button; the checks themselves are :func:`medialit.report.try_check`.

The text box is a :class:`PasteArea` (an anywidget, from the ``anywidget`` package,
its JavaScript inline below, nothing fetched at run time): it measures a paste
in the browser and refuses one over :data:`medialit.textcheck.MAX_BYTES`
before sending it.  (A plain ipywidgets Textarea sends the whole value: over
about 10 MB the server drops the message silently and the kernel never
hears of the paste.)  The moment a new text is typed or pasted, the old
report on screen is replaced by a note that it is not checked yet, in the
browser, without waiting for the kernel.
"""

from __future__ import annotations

import html

import anywidget
import traitlets

from .report import Problem, try_check
from .report_html import render_html
from .textcheck import MAX_BYTES

__all__ = ["PasteBox", "PasteArea", "paste_box"]

NOT_CHECKED = "Your new text is not checked yet: press 'Check this text'."

_ESM = r"""
let boxes = 0;
function render({ model, el }) {
  const id = `medialit-paste-${Math.random().toString(36).slice(2)}-${++boxes}`;
  const label = document.createElement("label");
  label.htmlFor = `${id}-text`;
  label.textContent = model.get("description");
  label.style.cssText = "display:block;margin-bottom:0.2em";
  const area = document.createElement("textarea");
  area.id = `${id}-text`;
  area.className = "medialit-paste-text";
  area.placeholder = model.get("placeholder");
  area.value = model.get("value");
  area.setAttribute("aria-describedby", `${id}-note`);
  area.style.cssText = "width:95%;height:10em;box-sizing:border-box;font:inherit";
  const note = document.createElement("p");
  note.id = `${id}-note`;
  note.className = "medialit-paste-note";
  note.setAttribute("role", "status");
  note.style.cssText = "color:#8a1c1c;font-weight:bold;margin:0.2em 0";
  // the report shown under this box (a sibling widget): replaced at once by a
  // note when a new text starts, so an old report never stands under a new text
  function replaceReport(message) {
    const box = el.closest(".widget-vbox");
    const report = box && box.querySelector(".medialit-paste-report");
    const content = report && (report.querySelector(".widget-html-content") || report);
    if (content && content.textContent.trim() && content.textContent.trim() !== message) {
      const p = document.createElement("p");
      p.textContent = message;
      content.replaceChildren(p);
    }
  }
  let timer = null;
  function send() {
    clearTimeout(timer);
    timer = null;
    const text = area.value, limit = model.get("limit");
    const size = text.length * 3 <= limit ? text.length : new TextEncoder().encode(text).length;
    if (size > limit) {  // refused here: the text itself is never sent
      note.textContent = `This text is ${(size / 1e6).toFixed(1)} MB; the limit is ${limit / 1e6} MB, ` +
        "so it was not sent to the checker. Paste one article at a time.";
      replaceReport(note.textContent);
      model.set("refused", size);
    } else {
      note.textContent = "";
      model.set("value", text);
      model.set("refused", 0);
    }
    model.save_changes();
  }
  area.addEventListener("input", (event) => {
    replaceReport(model.get("not_checked"));
    clearTimeout(timer);
    if (event.inputType === "insertFromPaste" || event.inputType === "insertFromDrop") send();
    else timer = setTimeout(send, 400);
  });
  area.addEventListener("blur", () => { if (timer !== null) send(); });
  const follow = () => { if (area.value !== model.get("value")) { area.value = model.get("value"); note.textContent = ""; } };
  model.on("change:value", follow);
  el.append(label, area, note);
  return () => model.off("change:value", follow);
}
export default { render };
"""


class PasteArea(anywidget.AnyWidget):
    """A text box that refuses, in the browser, a text over ``limit`` bytes
    (UTF-8): ``value`` then keeps the last text that was accepted, and
    ``refused`` holds the size of the refused one (0 after an accepted one)."""

    _esm = _ESM
    value = traitlets.Unicode("").tag(sync=True)
    refused = traitlets.Int(0).tag(sync=True)
    limit = traitlets.Int(MAX_BYTES).tag(sync=True)
    description = traitlets.Unicode("Article text:").tag(sync=True)
    placeholder = traitlets.Unicode("").tag(sync=True)
    not_checked = traitlets.Unicode(NOT_CHECKED).tag(sync=True)


def refusal(size: int, limit: int = MAX_BYTES) -> str:
    """What the box says of a text of ``size`` bytes that it did not send (as the browser says it)."""
    return (f"This text is {size / 1e6:.1f} MB; the limit is {limit / 1e6:g} MB, so it was not sent to "
            "the checker. Paste one article at a time.")


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
        self.text = PasteArea(placeholder="Paste the article's text here (plain text, not the page source).")
        self.button = widgets.Button(description="Check this text", icon="search",
                                     tooltip="Run every check of the course on the text above")
        self.output = widgets.HTML("")
        self.output.add_class("medialit-paste-report")  # the browser clears it when a new text starts
        self.button.on_click(lambda _: self.check())
        self.text.observe(self._text_changed, names=["value", "refused"])
        self.widget = widgets.VBox([self.text, self.button, self.output])

    def _text_changed(self, _change) -> None:
        # a report never stays on screen under a text it was not made from
        if self.text.refused:
            self.report, self.message = None, Problem(refusal(self.text.refused, self.text.limit))
            self.output.value = f"<p style='color:#8a1c1c'><b>{html.escape(self.message)}</b></p>"
        elif self.output.value:
            self.output.value = f"<p>{html.escape(NOT_CHECKED, quote=False)}</p>"

    def check(self):
        """Check the pasted text (what the button does); returns the report or None."""
        if self.text.refused:  # the browser kept a too big paste back: nothing new to check
            self._text_changed(None)
            return None
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

    def check_file(self, path, what: str | None = None) -> None:
        """Put the text of the file ``path`` (UTF-8) in the box and check it,
        for a student with no article of their own: the box shows the
        report, ``box.report`` holds it, and a line under the cell says
        where to read it.  ``what`` names the text in that line (default:
        the file's name).  A box that already holds a text keeps it:
        nothing is replaced, and a line says so (or, when the box already
        holds this very file, that its report is above)."""
        from pathlib import Path

        what = what or f"the text of {Path(path).name}"
        text = Path(path).read_text(encoding="utf-8")
        if self.text.value.strip():
            if self.text.value != text:
                print("The box already holds a text, so it was kept. To check the file instead, empty the box "
                      "and run this cell again.")
            elif self.report is not None and self._checked_text == text:
                print(f"The box already holds {what}; its report is above, under the box.")
            else:
                self.check()
                print(f"The box already held {what}; checked it. Scroll up to read the report under the box.")
            return
        self.text.value = text
        self.check()
        print(f"Loaded {what} into the box above and checked it. Scroll up to read the report under the box.")

    def who_says_so(self):
        """The last report's :meth:`~medialit.report.ArticleReport.who_says_so`
        as a captioned table, or a line saying there is no report yet."""
        if self.report is None:
            print("No report yet: paste a text in the box above and press 'Check this text' "
                  "(or run the cell that loads a news report into it).")
            return None
        from .tables import show_table

        return show_table(self.report.who_says_so(), "Who the tool thinks says each sentence of your text",
                          index=False)

    def _repr_mimebundle_(self, **kwargs):
        data = self.widget._repr_mimebundle_(**kwargs)
        data["text/plain"] = repr(self)
        return data

    def __repr__(self) -> str:
        return f"PasteBox for {self.title!r}: paste a text and press 'Check this text'."


def paste_box(title: str = "your text") -> PasteBox:
    """A :class:`PasteBox`, ready to show in a notebook cell."""
    return PasteBox(title)

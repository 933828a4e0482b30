"""How a report shows itself in a notebook: the text with its marks (no
source, loaded words, possible spin), every piece of the text escaped, marks
that do not rely on colour, a legend, and words a screen reader reads out
for each mark.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

from .report import ArticleReport


#: How a sentence's id looks before the sentence: small and muted but read
#: out (it is information: "A20"); muted by opacity, not a fixed colour, so it follows the theme: the
#: light theme's text colour (87% black) at 75% is about 7:1 on white, and a dark theme's light text
#: stays light; above WCAG AA's 4.5:1.  JupyterLab keeps opacity in an untrusted output's inline style.
_SID_STYLE = "opacity:0.75;font-size:85%"


_LEGEND = (
    "<p style='font-size:90%'><b>How to read this:</b> "
    "a <span style='border-bottom:3px double #D55E00'>word<sup>L</sup></span> with a double underline and a "
    "small L is a loaded word; the letter after the L says whose voice: <i>w</i> the writer's own, "
    "<i>q</i> inside a quotation, <i>a</i> a paraphrase the writer attributes to someone. "
    "A <span style='border:1px dashed #0072B2'>word<sup>S</sup></span> in a dashed box with a small S may "
    "have been swapped by a spinner. "
    "<b>⊘</b> at the start of a sentence: the sentence names no source. "
    f"The small faint label before each sentence is its id: <span class='ml-sid' style='{_SID_STYLE}'>A20</span> "
    "is article A's sentence 20, s05 your text's sentence 5. "
    "The table under the text lists every mark with its details; in it, <i>Zipf</i> says how common a word "
    "is in English: 6 or more is very common, below 3 is rare (fewer than one use in a million words).</p>"
)


#: Visually hidden but read by screen readers (the usual "sr-only" rules).
_HIDDEN = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
           "clip:rect(0,0,0,0);white-space:nowrap;border:0")


#: How each voice is said in words.
_VOICES = {"own": "the writer's own voice", "quoted": "in a quotation", "attributed": "a paraphrase the writer attributes to someone"}


def _sentence_id(sentence_id) -> str:
    """The label with a sentence's id (escaped, like every text shown)."""
    return f"<span class='ml-sid' style='{_SID_STYLE}'>{html.escape(str(sentence_id))}</span> "


def _said(text: str) -> str:
    """``text`` for screen readers only (escaped)."""
    return f"<span style='{_HIDDEN}'>{html.escape(text)}</span>"


@dataclass
class _Mark:
    start: int
    end: int
    kind: str      # "loaded:<voice>" or "spin"
    said: str      # what a screen reader hears after the word, e.g. "loaded word, the writer's own voice"
    details: str   # more: the kind of word and the speaker, or the likely original and the evidence


def _spans(report: ArticleReport) -> list[_Mark]:
    """Non-overlapping marks, first come first kept."""
    marks = []
    for row in report.loaded.itertuples(index=False):
        who = getattr(row, "speaker", None)
        voice = _VOICES.get(str(row.voice), str(row.voice))
        details = f"kind: {row.category}" + (f"; speaker: {who}" if isinstance(who, str) and who else "")
        marks.append(_Mark(int(row.start), int(row.end), "loaded:" + str(row.voice), f"loaded word, {voice}", details))
    for row in report.spin.itertuples(index=False):
        original = getattr(row, "likely_original", None)
        details = ((f"likely original (inferred): {original}; " if isinstance(original, str) and original else "")
                   + str(row.evidence))
        marks.append(_Mark(int(row.start), int(row.end), "spin", "may be a swapped word", details))
    marks.sort(key=lambda m: (m.start, -m.end))
    kept, last_end = [], -1
    for mark in marks:
        if mark.start >= last_end:
            kept.append(mark)
            last_end = mark.end
    return kept


#: What marks a symbol as for the eye only (a screen reader skips it).
#: ``aria-hidden`` alone is lost when JupyterLab shows a saved notebook's
#: output untrusted (its HTML sanitizer keeps no aria-* attribute); ``inert``
#: is kept, and also takes an element out of the accessibility tree.
_EYES_ONLY = "aria-hidden='true' inert"


def _mark(fragment: str, mark: _Mark) -> str:
    """A marked word: visible style and letter (hidden from screen readers,
    which hear the meaning in words instead: see :data:`_EYES_ONLY`)."""
    safe, said = html.escape(fragment), _said(f" ({mark.said})")
    if mark.kind == "spin":
        return f"<span style='border:1px dashed #0072B2'>{safe}<sup {_EYES_ONLY}>S</sup>{said}</span>"
    voice = mark.kind.split(":", 1)[1][:1]
    letter = {"o": "w"}.get(voice, voice)
    return (f"<span style='border-bottom:3px double #D55E00'>{safe}<sup {_EYES_ONLY}>L{letter}</sup>"
            f"{said}</span>")


def render_html(report: ArticleReport) -> str:
    """The report as HTML: summary, legend, the marked-up text, a table of
    every mark with its details, and a table of the sources.  All text from
    the article is escaped; each sentence starts with its id (a small grey
    label, read out too); every mark says what it means in words to a
    screen reader, and nothing needs a mouse."""
    from .tables import table_html

    text = report.text
    starts = {int(r.start): r for r in report.attribution.itertuples(index=False)}
    marks = _spans(report)
    out, position = [], 0
    boundaries = sorted(set(starts) | {m.start for m in marks} | {m.end for m in marks} | {len(text)})
    mark_at = {m.start: m for m in marks}
    for boundary in boundaries:
        if boundary < position:
            continue
        if boundary > position:
            out.append(html.escape(text[position:boundary]))
            position = boundary
        if position in starts:
            out.append(_sentence_id(starts[position].sentence_id))
        if position in starts and starts[position].source is None:
            out.append(f"<b {_EYES_ONLY}>⊘</b>{_said('(no source given)')} ")
        if position in mark_at:
            mark = mark_at[position]
            out.append(_mark(text[mark.start:mark.end], mark))
            position = mark.end
    body = "".join(out).replace("\n\n", "</p><p>").replace("\n", "<br>")
    sentence_starts = sorted(starts)
    rows = []
    for mark in marks:
        before = [s for s in sentence_starts if s <= mark.start]
        rows.append({"sentence": starts[before[-1]].sentence_id if before else "",
                     "words": text[mark.start:mark.end], "mark": mark.said, "details": mark.details})
    details = (table_html(pd.DataFrame(rows, columns=["sentence", "words", "mark", "details"]),
                          "Every mark in the text, with its details", index=False)
               if rows else "<p>Nothing in the text is marked.</p>")
    sources = (report.attribution.dropna(subset=["source"])
               .groupby("source").size().sort_values(ascending=False).rename("sentences").reset_index())
    cited = (table_html(sources, "Who is cited, in how many sentences", index=False)
             if len(sources) else "<p>No one is cited.</p>")
    return (f"<div><h3>{html.escape(report.title)}</h3>"
            f"<p>{html.escape(report.summary)}</p>{_LEGEND}"
            f"<div style='max-width:60em;line-height:1.6'><p>{body}</p></div>"
            f"{details}{cited}</div>")

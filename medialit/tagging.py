"""The one tagging widget every lesson uses.

A :class:`Tagger` shows a list of items (sentences or phrases), lets a student
pick a tag for each, and answers back: the Check button shows feedback on
every item, quoting the answer key's rationale (:meth:`Tagger.show_feedback`),
and a score sentence; :meth:`Tagger.score` also gives Cohen's kappa (agreement
beyond chance), for instructors.

The widget class builds the widgets and wires their events; the rest is in
small modules it calls:

* :mod:`medialit.tagscoring` - items, choices and key in one shape; a
  student's tags compared with the key (contested items included); the score;
* :mod:`medialit.tagfeedback` - the feedback and score sentence as HTML;
* :mod:`medialit.tagstore` - saving, loading, merging and resetting, on top of
  :mod:`medialit.savedwork` (the save-file format, the work folder, zipping).

Work is kept: every change is saved as JSON in the work folder (see
:func:`work_dir`), and a new Tagger with the same ``name`` picks the saved tags
up again after a kernel restart.

Everything can be driven from Python, which is how the tests and the
solution notebooks use it::

    tagger.tag("A02", "cited")        # same as clicking the button
    tagger.check_button.click()       # same as pressing Check
    tagger.score()

An activity can also ask for a few words per item (``write_in=``): the
likely original of a spun word, say, checked against the key's accepted
answers, or a neutral rewrite of a sentence, shown beside a model answer.

Parameters of a Tagger: ``items``: a DataFrame with an id and a text column
(``id_column``, ``text_column``; an optional ``highlight`` column names a
phrase to mark), a list of (id, text) pairs, of dicts, or of str.
``choices``: str or (label, value) pairs; the key uses the values.  ``key``:
a DataFrame (``item_id``, ``label``, ``rationale``, optional ``answer``) or a
dict; every label must be a choice's value (``contested`` is one: see
:mod:`medialit.tagscoring`).  ``name``: the activity, and the save file's
name (``<name>.json`` in ``save_dir``, default :func:`work_dir`).
``title``, ``instructions``: shown above the items, as plain text.
``autosave``: save after every change and pick up saved tags (default True).
``write_in``: also give every item a text box with this label;
``write_in_check`` "match" compares it with the key's ``answer`` (accepted
answers separated by ``|``, ignoring case, spaces and punctuation), "name"
does the same for a speaker's name and also says "close"
(:func:`medialit.tagscoring.name_result`), "model" shows the ``answer``
beside it as a model answer, with notes on a write-in that repeats the
highlighted words or uses a loaded word of the course lexicon.
``write_in_for``: the choices' values after which the box is asked for (e.g.
``("loaded", "contested")``); after any other tag it may stay empty, is not
counted as missing and gets no feedback (default: every item).  The box
stays in place either way (the same Tab order), and its label says when it
is asked for.  ``fold_matches``: on an item that matches the key, the key's
reason is folded under "Why?" (one click opens it), so the feedback to read
is that of the items that differ (default: every reason shown).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from . import tagfeedback, tagscoring
from .corpus import load_key  # the answer keys are course data (medialit.corpus); kept here for old imports
from .savedwork import pack_work, reason, work_dir
from .tagscoring import kappa_meaning
from .tagstore import TagStore

# ipywidgets and NLTK are imported where they are first needed (building the
# widgets, computing kappa): each takes a noticeable part of a second to
# import, and a lesson's first cell only names the Tagger.

__all__ = ["Tagger", "work_dir", "load_key", "kappa_meaning", "pack_work"]

MAX_NAME = 100  # characters in a Tagger's name (file names may have at most 255 bytes)


def _write_in_box(widgets, label: str, multiline: bool):
    """A write-in box named ``label``: its text is sent on Enter or on
    leaving the box, not on every key."""
    return (widgets.Textarea if multiline else widgets.Text)(
        value="", description=label, placeholder="type here, then press Enter or click elsewhere",
        continuous_update=False, style={"description_width": "initial"}, layout=widgets.Layout(width="95%"))


class Tagger(TagStore):
    """A tagging activity: items, choices, an answer key, feedback and saving
    (the parameters are described at the top of this module)."""

    def __init__(self, items, choices, key=None, *, name: str, title: str = "",
                 instructions: str = "", save_dir=None, autosave: bool = True,
                 id_column: str = "item_id", text_column: str = "text",
                 write_in: str | None = None, write_in_check: str = "match", write_in_for=None, fold_matches=False):
        if not name or not str(name).replace("_", "").replace("-", "").isalnum() or len(str(name)) > MAX_NAME:
            raise ValueError(f"A Tagger needs a short name (at most {MAX_NAME} characters) made of "
                             "letters, digits, '-' or '_'.")
        self.name = str(name)
        self.items = tagscoring.normalise_items(items, id_column, text_column)
        self.choices = tagscoring.normalise_choices(choices)
        self._values = [value for _, value in self.choices]
        self._labels = {value: label for label, value in self.choices}
        self.key = tagscoring.normalise_key(key)
        if write_in_check not in ("match", "name", "model"):
            raise ValueError("write_in_check must be 'match' (compare with accepted answers), 'name' "
                             "(a speaker's name: also 'close') or 'model' (show a model answer).")
        self.write_in, self.write_in_check = (str(write_in) if write_in else None), write_in_check
        self.write_in_for = tagscoring.normalise_write_in_for(write_in_for, self.write_in, self._values)
        self._asked_for = [self._labels[v] for v in self.write_in_for or ()]  # labels of the tags that ask
        self.answers = tagscoring.key_answers(key)
        tagscoring.check_key(self.key, self.items["item_id"], self._values)
        self._start_store(Path(save_dir or work_dir()) / f"{self.name}.json", autosave)
        self._checked, self.fold_matches = False, bool(fold_matches)
        self._build(title, instructions)
        self._restore_saved()

    @classmethod
    def from_key(cls, key_name: str, choices, **options) -> "Tagger":
        """A Tagger whose items are the rows of ``data/keys/<key_name>.csv``
        (text from its ``sentence`` or ``text`` column, an optional
        ``highlight`` column) with that file as the answer key.  The save
        name defaults to ``key_name``."""
        key = load_key(key_name)
        text_column = "sentence" if "sentence" in key.columns else "text"
        columns = ["item_id", text_column] + (["highlight"] if "highlight" in key.columns else [])
        options.setdefault("name", key_name)
        return cls(key[columns], choices, key, text_column=text_column, **options)

    # ------------------------------------------------------------------ widgets
    def _build(self, title: str, instructions: str) -> None:
        import ipywidgets as widgets

        header = [f"<p><strong>{html.escape(title)}</strong></p>" if title else "",
                  f"<p>{html.escape(instructions)}</p>" if instructions else ""]
        self.header = widgets.HTML("".join(header))
        total = len(self.items)
        self.progress = widgets.IntProgress(value=0, min=0, max=total, description="Tagged:",
                                            layout=widgets.Layout(width="320px"))
        self.progress_label = widgets.Label(f"0 of {total} tagged")
        self.item_html, self.choice_widgets, self.feedback_html, self.text_widgets = {}, {}, {}, {}
        rows = [self._item_row(widgets, number, row)
                for number, row in enumerate(self.items.itertuples(index=False), start=1)]
        self.check_button = widgets.Button(description="Check my tags", icon="check",
                                           tooltip="Compare your tags with the answer key")
        self.save_button = widgets.Button(description="Save my work", icon="save",
                                          tooltip=f"Save your tags to {self.path}")
        self.reset_button = widgets.Button(description="Start again", icon="undo",
                                           tooltip="Clear all tags (a copy of the old ones is kept)")
        self.check_button.on_click(lambda _: self.show_feedback())
        self.save_button.on_click(lambda _: self._save_clicked())
        self.reset_button.on_click(lambda _: self.reset())
        self.status = widgets.HTML("")
        self.summary_html = widgets.HTML("")
        self.widget = widgets.VBox([
            self.header, widgets.HBox([self.progress, self.progress_label]), *rows,
            widgets.HBox([self.check_button, self.save_button, self.reset_button]),
            self.summary_html, self.status,
        ])

    def _item_row(self, widgets, number: int, row):
        """One item's widgets: its text, the choices, a write-in box, the feedback."""
        from .choicegroup import ChoiceGroup  # imports anywidget: on first use, like ipywidgets

        item_id, phrase = row.item_id, getattr(row, "highlight", None)
        text = tagfeedback.highlight(str(row.text), phrase if isinstance(phrase, str) else None)
        self.item_html[item_id] = widgets.HTML(
            f"<div style='margin-top:0.6em'><b>{number}. [{html.escape(item_id)}]</b> {text}</div>")
        # native radio inputs in a group named for its item (medialit.choicegroup):
        # a screen reader says which item and which choice, and Tab / arrow keys / Space work
        toggle = ChoiceGroup(self.choices, value=None, description=f"Your tag for {number} [{item_id}]:")
        toggle.observe(self._on_change, names="value")
        self.choice_widgets[item_id] = toggle
        self.feedback_html[item_id] = widgets.HTML("")
        parts = [self.item_html[item_id], toggle]
        if self.write_in:
            when = tagfeedback.asked_when(self._asked_for, [label for label, _ in self.choices])
            box = _write_in_box(widgets, f"{self.write_in} ({number}{when}):", self.write_in_check == "model")
            box.observe(self._on_change, names="value")
            self.text_widgets[item_id] = box
            parts.append(box)
        return widgets.VBox(parts + [self.feedback_html[item_id]])

    def _repr_mimebundle_(self, **kwargs):
        data = self.widget._repr_mimebundle_(**kwargs)
        data["text/plain"] = repr(self)
        return data

    def __repr__(self) -> str:
        text = (f"Tagger '{self.name}': {len(self.items)} items, {len(self.tags())} tagged, "
                f"choices: {', '.join(label for label, _ in self.choices)}")
        return text + (f"; write-in '{self.write_in}': {len(self.texts())} written" if self.write_in else "")

    def _say(self, message: str, warning: bool = False) -> None:
        self.status.value = tagfeedback.status_html(message, warning)

    @property
    def message(self) -> str:
        """The last status message as plain text (saving, loading, errors)."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.status.value))

    def _on_change(self, change) -> None:
        owner = change.get("owner") if isinstance(change, Mapping) else getattr(change, "owner", None)
        if not getattr(self, "_quiet", False):
            for widgets_ in (self.choice_widgets, self.text_widgets):
                self._touched.update(i for i, w in widgets_.items() if w is owner)
        done = len(self.tags())
        self.progress.value, self.progress_label.value = done, f"{done} of {len(self.items)} tagged"
        if self._checked:
            self._render_feedback()
        if self.autosave:
            try:
                self.save(self.path)
            except OSError as problem:
                self.autosave = False
                self._say(f"Could not save to {self.path} ({reason(problem)}). Automatic saving is off.",
                          warning=True)

    # ------------------------------------------------------------------ tagging
    def tag(self, item_id: str, value: str | None) -> None:
        """Tag one item (what clicking a choice does).  ``value`` may be a
        choice's value or its label; ``None`` clears the tag."""
        if str(item_id) not in self.choice_widgets:
            raise ValueError(f"There is no item '{item_id}' in this activity.")
        if value is not None and value not in self._values:
            by_label = {label: v for label, v in self.choices}
            if value not in by_label:
                raise ValueError(f"'{value}' is not one of the choices: "
                                 f"{', '.join(label for label, _ in self.choices)}.")
            value = by_label[value]
        self.choice_widgets[str(item_id)].value = value

    def tags(self) -> dict[str, str]:
        """The student's tags so far: ``{item_id: value}`` (untagged items left out)."""
        return {i: w.value for i, w in self.choice_widgets.items() if w.value is not None}

    def write(self, item_id: str, text: str) -> None:
        """Type ``text`` into an item's write-in box (what typing does)."""
        if not self.write_in:
            raise ValueError("This activity has no write-in boxes.")
        if str(item_id) not in self.text_widgets:
            raise ValueError(f"There is no item '{item_id}' in this activity.")
        self.text_widgets[str(item_id)].value = "" if text is None else str(text)

    def texts(self) -> dict[str, str]:
        """What the student wrote in the write-in boxes: ``{item_id: text}`` (empty boxes left out)."""
        return {i: w.value.strip() for i, w in self.text_widgets.items() if w.value.strip()}

    # ------------------------------------------------------------------ answers
    @property
    def key_table(self) -> pd.DataFrame:
        """The answer key as a table: ``item_id``, ``label`` (a choice's value), ``rationale``."""
        return tagscoring.key_table(self.key, self.items["item_id"])

    def feedback(self) -> pd.DataFrame:
        """One row per item: ``item_id``, ``your_tag``, ``key``, ``result``
        and ``rationale`` (see :func:`medialit.tagscoring.feedback_table`)."""
        return tagscoring.feedback_table(self.items["item_id"], self.tags(), self.key, self.choices,
                                         texts=self.texts() if self.write_in else None,
                                         answers=self.answers, mode=self.write_in_check,
                                         write_in_for=self.write_in_for)

    def show_feedback(self) -> pd.DataFrame:
        """Show feedback under every item and the score sentence (what the Check
        button does; from then on it follows every change).  Returns :meth:`feedback`."""
        self._checked = True
        return self._render_feedback()

    def _render_feedback(self) -> pd.DataFrame:
        table, highlighted = self.feedback(), tagscoring.highlights(self.items)
        for number, row in enumerate(table.itertuples(index=False), start=1):
            label, rationale = self.key.get(row.item_id, ("", ""))
            sides = [self._labels[v] for v in tagscoring.defended(label, rationale, self.choices)]
            self.feedback_html[row.item_id].value = tagfeedback.item_feedback(
                row, number, sides, bool(self.write_in), highlighted.get(row.item_id), self.fold_matches)
        self.summary_html.value = tagfeedback.summary_html(self.summary(table))
        return table

    def score(self, table: pd.DataFrame | None = None) -> dict:
        """Counts and agreement with the key, kappa included: :func:`medialit.tagscoring.score`."""
        table = self.feedback() if table is None else table
        return tagscoring.score(table, self.tags(), self.key, texts_counted=bool(self.write_in))

    def summary(self, table: pd.DataFrame | None = None) -> str:
        """The student's score sentence, as shown under the Check button."""
        mode = self.write_in_check if self.write_in else None
        return tagfeedback.summary(self.score(table), mode, self._asked_for or None, [c for c, _ in self.choices])

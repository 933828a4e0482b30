"""The one tagging widget every lesson uses.

A :class:`Tagger` shows a list of items (sentences or phrases), lets a student
pick a tag for each, and answers back: the Check button gives feedback on
every item, quoting the answer key's rationale, and :meth:`Tagger.score`
counts agreement with the key, including Cohen's kappa (agreement beyond
chance) computed by NLTK's ``AnnotationTask``.

Work is kept: every change is saved as JSON in the work folder (see
:func:`work_dir`), and a new Tagger with the same ``name`` picks the saved tags
up again after a kernel restart.  Saving writes a temporary file and renames
it, so a crash never leaves half a file; a damaged save file is reported in
plain words, kept as it is, and never overwritten without being set aside.

Everything can be driven from Python, which is how the tests and the
solution notebooks use it::

    tagger.tag("A02", "cited")        # same as clicking the button
    tagger.check_button.click()       # same as pressing Check
    tagger.score()

An activity can also ask for a few words per item (``write_in=``): the
likely original of a spun word, say, checked against the key's accepted
answers, or a neutral rewrite of a sentence, shown beside a model answer.
"""

from __future__ import annotations

import datetime as _dt
import errno
import html
import json
import os
import re
import tempfile
import weakref
from collections.abc import Mapping
from pathlib import Path

import pandas as pd

from . import paths
from .corpus import load_key  # the answer keys are course data (medialit.corpus); kept here for old imports

# ipywidgets and NLTK are imported where they are first needed (building the
# widgets, computing kappa): each takes a noticeable part of a second to
# import, and a lesson's first cell only names the Tagger.

__all__ = ["Tagger", "work_dir", "load_key", "kappa_meaning", "pack_work"]

#: Visually hidden but read by screen readers (the usual "sr-only" rules).
_HIDDEN = ("position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;"
           "clip:rect(0,0,0,0);white-space:nowrap;border:0")

FORMAT = "medialit-tags"
FORMAT_VERSION = 1
_NOT_TAGGED = "not tagged"
MAX_NAME = 100  # characters in a Tagger's name (file names may have at most 255 bytes)
# The Taggers alive in this kernel, by save file: an activity shown twice
# (two cells, a re-run cell) keeps every copy in step.
_LIVE: dict[str, weakref.WeakSet] = {}


def _live_key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


def work_dir() -> Path:
    """Folder where students' tags are saved.

    ``my_work/`` at the top of the course folder the notebook runs in (on a
    hub, each student's own copy), unless the environment variable
    ``MEDIALIT_WORK_DIR`` names another folder (see :mod:`medialit.paths`).  On Binder, download
    this folder before the session ends (see ``00_start_here``).
    """
    return paths.work_dir()


def pack_work(target=None) -> Path:
    """Put every saved file of the work folder into one zip file (default:
    ``my_work.zip`` beside the work folder) and return its path, so it can be
    downloaded in one go, e.g. from Binder before the session ends."""
    import zipfile

    folder = work_dir().resolve()
    # regular files only: a pipe or a folder called *.json is not saved work (and would hang or fail)
    files = sorted(p for p in folder.glob("*.json") if p.is_file()) if folder.is_dir() else []
    if not files:
        raise ValueError(f"There is no saved work in {folder} yet: tag something first.")
    target = Path(target) if target else folder.with_suffix(".zip")
    try:
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in files:
                archive.write(path, arcname=f"{folder.name}/{path.name}")
    except OSError as problem:
        raise ValueError(f"Could not write the zip file {target}: {_reason(problem)}.") from None
    return target


def _reason(problem: OSError) -> str:
    """An OSError in a few plain words ("no such file or directory", ...)."""
    return (problem.strerror or str(problem) or type(problem).__name__).rstrip(".").lower()


def kappa_meaning(kappa: float) -> str:
    """Words for a kappa value, on the scale of Landis & Koch (1977),
    "The measurement of observer agreement for categorical data",
    Biometrics 33(1): 159-174."""
    if kappa < 0:
        return "less than chance agreement"
    for limit, words in [(0.20, "slight"), (0.40, "fair"), (0.60, "moderate"), (0.80, "substantial")]:
        if kappa <= limit:
            return f"{words} agreement"
    return "almost perfect agreement"


def _normalise_items(items, id_column: str, text_column: str) -> pd.DataFrame:
    if isinstance(items, pd.DataFrame):
        frame = items.copy()
    else:
        items = list(items)
        if items and isinstance(items[0], str):
            frame = pd.DataFrame({id_column: [str(i) for i in range(1, len(items) + 1)], text_column: items})
        elif items and isinstance(items[0], (tuple, list)):
            frame = pd.DataFrame([tuple(i)[:2] for i in items], columns=[id_column, text_column])
        else:
            frame = pd.DataFrame(items)
    if frame.empty:
        raise ValueError("There are no items to tag.")
    for column in (id_column, text_column):
        if column not in frame.columns:
            raise ValueError(f"The items need a '{column}' column; they have: {', '.join(map(str, frame.columns))}.")
    frame = frame.rename(columns={id_column: "item_id", text_column: "text"})
    frame["item_id"] = frame["item_id"].astype(str)
    if frame["item_id"].duplicated().any():
        dupes = ", ".join(frame.loc[frame["item_id"].duplicated(), "item_id"])
        raise ValueError(f"Each item needs its own id; these ids are repeated: {dupes}.")
    return frame.reset_index(drop=True)


def _normalise_choices(choices) -> list[tuple[str, str]]:
    pairs = []
    for choice in choices:
        if isinstance(choice, (tuple, list)):
            label, value = choice
        else:
            label = value = choice
        pairs.append((str(label), str(value)))
    if len(pairs) < 2:
        raise ValueError("A Tagger needs at least two choices.")
    return pairs


def _normalise_key(key) -> dict[str, tuple[str, str]]:
    if key is None:
        return {}
    if isinstance(key, pd.DataFrame):
        id_col = "item_id" if "item_id" in key.columns else "sentence_id"
        for column in (id_col, "label"):
            if column not in key.columns:
                raise ValueError(f"The answer key needs a '{column}' column.")
        rationale = key["rationale"] if "rationale" in key.columns else [""] * len(key)
        return {str(i): (str(l), str(r)) for i, l, r in zip(key[id_col], key["label"], rationale)}
    result = {}
    for item_id, value in dict(key).items():
        if isinstance(value, (tuple, list)):
            result[str(item_id)] = (str(value[0]), str(value[1]) if len(value) > 1 else "")
        else:
            result[str(item_id)] = (str(value), "")
    return result


def _key_answers(key) -> dict[str, str]:
    """The key's optional ``answer`` column (write-in answers) by item id."""
    if isinstance(key, pd.DataFrame) and "answer" in key.columns:
        id_col = "item_id" if "item_id" in key.columns else "sentence_id"
        return {str(i): str(a) for i, a in zip(key[id_col], key["answer"].fillna("")) if str(a).strip()}
    if isinstance(key, Mapping):
        return {str(i): str(v[2]) for i, v in key.items() if isinstance(v, (tuple, list)) and len(v) > 2}
    return {}


def _normalise_answer(text: str) -> str:
    """Lower case, punctuation and extra spaces removed: how write-ins are compared."""
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


def _highlight(text: str, phrase: str | None) -> str:
    """Escape ``text`` for HTML, marking the first occurrence of ``phrase``."""
    if phrase:
        at = text.find(phrase)
        if at >= 0:
            return (html.escape(text[:at]) + "<mark><b>" + html.escape(phrase) + "</b></mark>"
                    + html.escape(text[at + len(phrase):]))
    return html.escape(text)


class Tagger:
    """A tagging activity: items, choices, an answer key, feedback and saving.

    Parameters
    ----------
    items : DataFrame, list of (id, text) pairs, list of dicts, or list of str
        What to tag.  A DataFrame needs an id and a text column (see
        ``id_column``/``text_column``); an optional ``highlight`` column names
        a phrase inside the text to mark.
    choices : list of str or (label, value) pairs
        The tags a student can choose.  The key uses the values.
    key : DataFrame (``item_id``, ``label``, ``rationale``) or dict, optional
        The answer key.  Every key label must be one of the choices.
    name : str
        Identifies the activity; also the save file's name (``<name>.json``).
    title, instructions : str
        Shown above the items (as plain text, escaped).
    save_dir : path, optional
        Where to save; defaults to :func:`work_dir`.
    autosave : bool
        Save after every change (default True) and pick up saved tags when
        the Tagger is created.
    write_in : str, optional
        Also give every item a text box with this label (e.g. "The original
        word"), for a few words of the student's own.  The key's optional
        ``answer`` column holds what Check compares them with.
    write_in_check : "match" or "model"
        ``"match"`` (default for short answers): the key's ``answer`` lists
        accepted answers separated by ``|``, compared ignoring case, spaces
        and punctuation.  ``"model"``: the ``answer`` is a model answer,
        shown beside the student's text after Check (no right or wrong).
    """

    def __init__(self, items, choices, key=None, *, name: str, title: str = "",
                 instructions: str = "", save_dir=None, autosave: bool = True,
                 id_column: str = "item_id", text_column: str = "text",
                 write_in: str | None = None, write_in_check: str = "match"):
        if not name or not str(name).replace("_", "").replace("-", "").isalnum() or len(str(name)) > MAX_NAME:
            raise ValueError(f"A Tagger needs a short name (at most {MAX_NAME} characters) made of "
                             "letters, digits, '-' or '_'.")
        self.name = str(name)
        self.items = _normalise_items(items, id_column, text_column)
        self.choices = _normalise_choices(choices)
        self._values = [value for _, value in self.choices]
        self._labels = {value: label for label, value in self.choices}
        self.key = _normalise_key(key)
        if write_in_check not in ("match", "model"):
            raise ValueError("write_in_check must be 'match' (compare with accepted answers) "
                             "or 'model' (show a model answer).")
        self.write_in = str(write_in) if write_in else None
        self.write_in_check = write_in_check
        self.answers = _key_answers(key)
        ids = set(self.items["item_id"])
        unknown = sorted(set(self.key) - ids)
        if unknown:
            raise ValueError(f"The answer key has items that are not in the list: {', '.join(unknown)}.")
        bad = sorted({label for label, _ in self.key.values()} - set(self._values))
        if bad:
            raise ValueError(f"The answer key uses tags that are not among the choices: {', '.join(bad)}.")
        self.path = Path(save_dir) / f"{self.name}.json" if save_dir else work_dir() / f"{self.name}.json"
        self.autosave = autosave
        self._checked = False
        self._kept_note = ""
        self._set_aside = False  # True: the file at self.path could not be loaded; keep it on next save
        self._kept_tags: dict = {}   # saved tags of items this Tagger does not show: kept in the file
        self._kept_texts: dict = {}
        self._touched: set = set()   # items changed here since the file was last read or written
        self._on_disk = None         # the bytes of self.path as this Tagger last read or wrote them
        self._attached = autosave    # follows the save file (autosave=False: a detached copy, e.g. a solution)
        self._build(title, instructions)
        if autosave and _exists(self.path):
            try:
                loaded = self.load(self.path)
                if loaded and self._kept_tags:
                    self._say(f"Welcome back: restored {loaded} saved tag(s) from {self.path}. "
                              + self._kept_sentence(), warning=True)
                elif loaded:
                    self._say(f"Welcome back: restored {loaded} saved tag(s) from {self.path}.")
            except ValueError as problem:
                self.autosave = False
                self._set_aside = True
                self._say(f"{problem} Automatic saving is paused; press 'Save my work' to save "
                          "anyway (the old file will be kept beside the new one).", warning=True)
        _LIVE.setdefault(_live_key(self.path), weakref.WeakSet()).add(self)

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

        header = []
        if title:
            header.append(f"<p><strong>{html.escape(title)}</strong></p>")
        if instructions:
            header.append(f"<p>{html.escape(instructions)}</p>")
        self.header = widgets.HTML("".join(header))
        total = len(self.items)
        self.progress = widgets.IntProgress(value=0, min=0, max=total, description="Tagged:",
                                            layout=widgets.Layout(width="320px"))
        self.progress_label = widgets.Label(f"0 of {total} tagged")
        self.item_html: dict[str, widgets.HTML] = {}
        self.choice_widgets: dict[str, widgets.RadioButtons] = {}
        self.feedback_html: dict[str, widgets.HTML] = {}
        self.text_widgets: dict[str, widgets.Text | widgets.Textarea] = {}
        rows = []
        for number, row in enumerate(self.items.itertuples(index=False), start=1):
            item_id = row.item_id
            phrase = getattr(row, "highlight", None)
            text = _highlight(str(row.text), phrase if isinstance(phrase, str) else None)
            self.item_html[item_id] = widgets.HTML(
                f"<div style='margin-top:0.6em'><b>{number}. [{html.escape(item_id)}]</b> {text}</div>")
            # radio buttons: native inputs, so a screen reader says which choice
            # is selected ("checked"), and Tab / arrow keys / Space work
            toggle = widgets.RadioButtons(
                options=self.choices, value=None, description=f"Your tag for {number} [{item_id}]:",
                orientation="horizontal", style={"description_width": "initial"},
                layout=widgets.Layout(width="auto"))
            toggle.observe(self._on_change, names="value")
            self.choice_widgets[item_id] = toggle
            self.feedback_html[item_id] = widgets.HTML("")
            parts = [self.item_html[item_id], toggle]
            if self.write_in:
                box_class = widgets.Text if self.write_in_check == "match" else widgets.Textarea
                box = box_class(value="", description=f"{self.write_in} ({number}):",
                                placeholder="type here, then press Enter or click elsewhere",
                                continuous_update=False, style={"description_width": "initial"},
                                layout=widgets.Layout(width="95%"))
                box.observe(self._on_change, names="value")
                self.text_widgets[item_id] = box
                parts.append(box)
            parts.append(self.feedback_html[item_id])
            rows.append(widgets.VBox(parts))
        self.check_button = widgets.Button(description="Check my tags", icon="check",
                                           tooltip="Compare your tags with the answer key")
        self.save_button = widgets.Button(description="Save my work", icon="save",
                                          tooltip=f"Save your tags to {self.path}")
        self.reset_button = widgets.Button(description="Start again", icon="undo",
                                           tooltip="Clear all tags (a copy of the old ones is kept)")
        self.check_button.on_click(lambda _: self.check())
        self.save_button.on_click(lambda _: self._save_clicked())
        self.reset_button.on_click(lambda _: self.reset())
        self.status = widgets.HTML("")
        self.summary_html = widgets.HTML("")
        self.widget = widgets.VBox([
            self.header,
            widgets.HBox([self.progress, self.progress_label]),
            *rows,
            widgets.HBox([self.check_button, self.save_button, self.reset_button]),
            self.summary_html,
            self.status,
        ])

    def _repr_mimebundle_(self, **kwargs):
        data = self.widget._repr_mimebundle_(**kwargs)
        data["text/plain"] = repr(self)
        return data

    def __repr__(self) -> str:
        done = len(self.tags())
        text = (f"Tagger '{self.name}': {len(self.items)} items, {done} tagged, "
                f"choices: {', '.join(label for label, _ in self.choices)}")
        if self.write_in:
            text += f"; write-in '{self.write_in}': {len(self.texts())} written"
        return text

    def _say(self, message: str, warning: bool = False) -> None:
        colour = "#a33" if warning else "#333"
        prefix = "Warning: " if warning else ""
        self.status.value = f"<p style='color:{colour}'>{prefix}{html.escape(message)}</p>"

    @property
    def message(self) -> str:
        """The last status message as plain text (saving, loading, errors)."""
        return html.unescape(re.sub(r"<[^>]+>", "", self.status.value))

    def _on_change(self, change) -> None:
        owner = change.get("owner") if isinstance(change, Mapping) else getattr(change, "owner", None)
        if not getattr(self, "_quiet", False):
            for widgets_ in (self.choice_widgets, self.text_widgets):
                self._touched.update(i for i, w in widgets_.items() if w is owner)
        self._update_progress()
        if self._checked:
            self._show_feedback()
        if self.autosave:
            try:
                self.save(self.path)
            except OSError as problem:
                self.autosave = False
                self._say(f"Could not save to {self.path} ({_reason(problem)}). Automatic saving is off.",
                          warning=True)

    def _update_progress(self) -> None:
        done = len(self.tags())
        self.progress.value = done
        self.progress_label.value = f"{done} of {len(self.items)} tagged"

    @property
    def key_table(self) -> pd.DataFrame:
        """The answer key as a table: ``item_id``, ``label`` (a choice's
        value) and ``rationale``, in item order."""
        rows = [(i, *self.key[i]) for i in self.items["item_id"] if i in self.key]
        return pd.DataFrame(rows, columns=["item_id", "label", "rationale"])

    # ------------------------------------------------------------------ tagging
    def tag(self, item_id: str, value: str | None) -> None:
        """Tag one item (what clicking a choice does).  ``value`` may be a
        choice's value or its label; ``None`` clears the tag."""
        item_id = str(item_id)
        if item_id not in self.choice_widgets:
            raise ValueError(f"There is no item '{item_id}' in this activity.")
        if value is not None and value not in self._values:
            by_label = {label: v for label, v in self.choices}
            if value not in by_label:
                raise ValueError(f"'{value}' is not one of the choices: "
                                 f"{', '.join(label for label, _ in self.choices)}.")
            value = by_label[value]
        self.choice_widgets[item_id].value = value

    def tags(self) -> dict[str, str]:
        """The student's tags so far: ``{item_id: value}`` (untagged items left out)."""
        return {i: w.value for i, w in self.choice_widgets.items() if w.value is not None}

    def write(self, item_id: str, text: str) -> None:
        """Type ``text`` into an item's write-in box (what typing does)."""
        item_id = str(item_id)
        if not self.write_in:
            raise ValueError("This activity has no write-in boxes.")
        if item_id not in self.text_widgets:
            raise ValueError(f"There is no item '{item_id}' in this activity.")
        self.text_widgets[item_id].value = "" if text is None else str(text)

    def texts(self) -> dict[str, str]:
        """What the student wrote in the write-in boxes: ``{item_id: text}``
        (empty boxes left out)."""
        return {i: w.value.strip() for i, w in self.text_widgets.items() if w.value.strip()}

    def _text_result(self, item_id: str, written: str) -> str:
        answer = self.answers.get(item_id, "")
        if not written:
            return "not written"
        if self.write_in_check == "model":
            return "model shown" if answer else "no key"
        if not answer:
            return "no key"
        accepted = {_normalise_answer(a) for a in answer.split("|")}
        return "match" if _normalise_answer(written) in accepted else "differs"

    def feedback(self) -> pd.DataFrame:
        """One row per item: ``item_id``, ``your_tag``, ``key``, ``result``
        (``match``, ``differs``, ``not tagged`` or ``no key``) and ``rationale``.

        With write-in boxes, also ``your_text``, ``answer`` and
        ``text_result`` (``match``, ``differs``, ``model shown``, ``not
        written`` or ``no key``)."""
        rows = []
        tags = self.tags()
        texts = self.texts() if self.write_in else {}
        for item_id in self.items["item_id"]:
            mine = tags.get(item_id)
            key_value, rationale = self.key.get(item_id, (None, ""))
            if key_value is None:
                result = "no key"
            elif mine is None:
                result = _NOT_TAGGED
            elif mine == key_value:
                result = "match"
            else:
                result = "differs"
            rows.append({
                "item_id": item_id,
                "your_tag": self._labels.get(mine, "") if mine else "",
                "key": self._labels.get(key_value, "") if key_value else "",
                "result": result,
                "rationale": rationale,
            })
            if self.write_in:
                written = texts.get(item_id, "")
                rows[-1].update(your_text=written, answer=self.answers.get(item_id, ""),
                                text_result=self._text_result(item_id, written))
        columns = ["item_id", "your_tag", "key", "result", "rationale"]
        if self.write_in:
            columns += ["your_text", "answer", "text_result"]
        return pd.DataFrame(rows, columns=columns)

    def _show_feedback(self) -> pd.DataFrame:
        table = self.feedback()
        number = {item_id: n for n, item_id in enumerate(self.items["item_id"], start=1)}
        for row in table.itertuples(index=False):
            why = html.escape(row.rationale)
            if row.result == "match":
                text = f"<span style='color:#1a5e1a'>✓ Matches the key.</span> {why}"
            elif row.result == "differs":
                text = (f"<span style='color:#8a1c1c'>✗ The key says “{html.escape(row.key)}”, "
                        f"you chose “{html.escape(row.your_tag)}”.</span> {why}")
            elif row.result == _NOT_TAGGED:
                text = "<span style='color:#555'>… Not tagged yet: choose a tag, then check again.</span>"
            else:
                text = "<span style='color:#555'>No answer key for this item: discuss it.</span>"
            if self.write_in:
                text += "<br>" + self._text_feedback(row)
            which = f"Feedback on {number[row.item_id]} [{html.escape(row.item_id)}]:"
            self.feedback_html[row.item_id].value = (
                f"<div style='margin-left:1.5em'><span style='{_HIDDEN}'>{which} </span>{text}</div>")
        # role=alert: a screen reader reads the score out as soon as it appears
        self.summary_html.value = f"<div role='alert'><p><b>{html.escape(self.summary(table))}</b></p></div>"
        return table

    def _text_feedback(self, row) -> str:
        mine, answer = html.escape(row.your_text), html.escape(row.answer)
        first = html.escape(row.answer.split("|")[0].strip())
        if row.text_result == "match":
            return f"<span style='color:#1a5e1a'>✓ “{mine}” matches the key.</span>"
        if row.text_result == "differs":
            return (f"<span style='color:#8a1c1c'>✗ You wrote “{mine}”; the key has “{first}”.</span>"
                    + (f" (Also accepted: {html.escape(', '.join(a.strip() for a in row.answer.split('|')[1:]))}.)"
                       if "|" in row.answer else ""))
        if row.text_result == "model shown":
            return (f"<span style='color:#333'>Yours: “{mine}”</span><br>"
                    f"<span style='color:#333'>A model answer: “{answer}”. Compare: what did each of you "
                    "keep, drop or change?</span>")
        if row.text_result == "not written":
            return "<span style='color:#555'>… Nothing written in the box yet.</span>"
        return "<span style='color:#555'>No model answer for this box: discuss it.</span>"

    def check(self) -> pd.DataFrame:
        """Show feedback under every item and the overall score (what the
        Check button does).  Returns :meth:`feedback`."""
        self._checked = True
        return self._show_feedback()

    # ------------------------------------------------------------------ scoring
    def score(self, table: pd.DataFrame | None = None) -> dict:
        """Counts and agreement with the key.

        Returns a dict: ``items``, ``tagged``, ``match``, ``differs``,
        ``not_tagged``, ``percent_match`` (of the tagged items that have a
        key), ``kappa`` (Cohen's kappa between the student and the key over
        those items, or ``None`` when it is undefined) and ``kappa_note``.
        ``table`` is :meth:`feedback`'s table when the caller has it already.
        """
        table = self.feedback() if table is None else table
        counts = table["result"].value_counts()
        match, differs = int(counts.get("match", 0)), int(counts.get("differs", 0))
        compared = match + differs
        kappa, note = None, ""
        if compared < 2:
            note = "Tag at least two items to measure agreement."
        else:
            tags = self.tags()
            data = []
            for item_id in table.loc[table["result"].isin(["match", "differs"]), "item_id"]:
                data.append(("student", item_id, tags[item_id]))
                data.append(("key", item_id, self.key[item_id][0]))
            # One label used by both sides makes kappa 0/0 (NLTK >= 3.10
            # returns 1.0 for it instead of failing), so it is caught here.
            if len({label for _, _, label in data}) >= 2:
                from nltk.metrics.agreement import AnnotationTask

                kappa = round(AnnotationTask(data=data).kappa(), 3)
                note = kappa_meaning(kappa)
            else:
                note = ("Kappa is undefined here: you and the key used the same single tag for every "
                        "item, so agreement by chance cannot be told apart from real agreement.")
        result = {
            "items": len(table),
            "tagged": int(len(self.tags())),
            "match": match,
            "differs": differs,
            "not_tagged": int(counts.get(_NOT_TAGGED, 0)),
            "percent_match": round(100 * match / compared, 1) if compared else None,
            "kappa": kappa,
            "kappa_note": note,
        }
        if self.write_in:
            text_counts = table["text_result"].value_counts()
            result["written"] = int((table["your_text"] != "").sum())
            result["text_match"] = int(text_counts.get("match", 0))
        return result

    def summary(self, table: pd.DataFrame | None = None) -> str:
        """One sentence on the score, as shown under the Check button
        (``table``: :meth:`feedback`'s table, if already made)."""
        s = self.score(table)
        if s["tagged"] == 0 and not s.get("written"):
            return f"Nothing tagged yet: {s['items']} items are waiting."
        text = ""
        if s["tagged"]:
            text = (f"You tagged {s['tagged']} of {s['items']} items; {s['match']} match the key"
                    + (f" ({s['percent_match']:g}%)" if s["percent_match"] is not None else "") + ".")
        if s["kappa"] is not None:
            text += f" Cohen's kappa = {s['kappa']:.2f}: {s['kappa_note']}."
        elif s["kappa_note"]:
            text += " " + s["kappa_note"]
        if self.write_in:
            text += (" " if text else "") + f"Write-ins: {s['written']} of {s['items']} written"
            text += (f", {s['text_match']} match the key." if self.write_in_check == "match"
                     else "; compare each with the model answer.")
        return text.strip()

    # ------------------------------------------------------------------ saving
    def state(self) -> dict:
        """What gets saved: a JSON-ready dict."""
        return {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "tagger": self.name,
            "saved_at": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
            "items": list(self.items["item_id"]),
            # tags of items this Tagger does not show are kept, so nothing saved is ever lost
            "tags": {**self._kept_tags, **{i: w.value for i, w in self.choice_widgets.items()}},
            **({"texts": {**self._kept_texts, **{i: w.value for i, w in self.text_widgets.items()}}}
               if self.write_in or self._kept_texts else {}),
        }

    def _kept_sentence(self) -> str:
        ids = sorted(self._kept_tags)
        shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
        return (f"{len(ids)} saved tag(s) are for items this activity does not show ({shown}); "
                "they are kept in the file and come back when those items do.")

    def _merge(self, raw: bytes, state: dict) -> bool:
        """If another Tagger (another notebook, tab or window) saved this
        activity since this one last read or wrote the file (``raw``, read
        as ``state``), take over its tags for every item not changed here
        since.  True if it did."""
        if raw == self._on_disk:
            return False
        self._apply(state, only_untouched=True)
        return True

    def _tell_the_others(self, data: bytes) -> None:
        """Show what was just saved in the other live Taggers of this activity."""
        state = json.loads(data.decode("utf-8"))
        for other in list(_LIVE.get(_live_key(self.path), ())):
            if other is not self and other._attached and other.path == self.path and not other._set_aside:
                other._apply(state, only_untouched=True)
                other._on_disk = data

    def _apply(self, state: dict, only_untouched: bool = False) -> tuple[int, list, dict]:
        """Put a saved state's tags into the widgets; returns (restored,
        skipped item ids, kept tags of items not shown here)."""
        restored, skipped, kept = 0, [], {}
        autosave, self.autosave, self._quiet = self.autosave, False, True  # don't save while loading
        try:
            for item_id, value in state["tags"].items():
                if item_id not in self.choice_widgets:
                    if value is None or isinstance(value, str):
                        kept[item_id] = value
                    continue
                if value is not None and value not in self._values:
                    skipped.append(item_id)
                    continue
                if only_untouched and item_id in self._touched:
                    continue
                self.choice_widgets[item_id].value = value
                restored += value is not None
            texts = state.get("texts") if isinstance(state.get("texts"), dict) else {}
            kept_texts = {}
            for item_id, text in texts.items():
                if not isinstance(text, str):
                    continue
                if item_id not in self.text_widgets:
                    kept_texts[item_id] = text
                elif not (only_untouched and item_id in self._touched):
                    self.text_widgets[item_id].value = text
                    restored += bool(text.strip())
        finally:
            self.autosave, self._quiet = autosave, False
        self._kept_tags = {i: v for i, v in kept.items() if v is not None}
        self._kept_texts = {i: t for i, t in kept_texts.items() if t.strip()}
        return restored, skipped, kept

    def save(self, path=None) -> Path:
        """Save the tags as JSON to ``path`` (default: the work folder).

        The file is written whole or not at all (temporary file + rename).
        If a file is already there that is not this activity's save (damaged,
        or another activity's), or that could not be loaded when this Tagger
        was created (e.g. none of its items are here), it is first renamed to
        ``<name>.kept-<time>.json`` so nothing is lost.
        """
        path = Path(path) if path is not None else self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "there is a folder with that name")
        note = ""
        if path.exists():
            unreadable = self._set_aside and path == self.path
            try:
                raw = _read_bytes(path)
                state = _parse_state(raw, path, self.name)
            except ValueError:
                unreadable = True
            if not unreadable and path == self.path and self._merge(raw, state):
                note = (" This activity is also open somewhere else (another notebook, tab or window): "
                        "the tags saved there were merged with yours. Use one place at a time."
                        if self._attached else
                        " The tags already saved in the file were kept for the items you have not tagged here.")
            if unreadable:
                stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
                kept = path.with_name(f"{path.stem}.kept-{stamp}{path.suffix}")
                copy = 1
                while kept.exists():  # never replace an earlier kept copy
                    copy += 1
                    kept = path.with_name(f"{path.stem}.kept-{stamp}-{copy}{path.suffix}")
                os.replace(path, kept)
                if path == self.path:
                    self._set_aside = False
                note = f" The file that was there could not be used, so it was kept as {kept.name}."
        payload = json.dumps(self.state(), ensure_ascii=False, indent=1)
        data = payload.encode("utf-8")
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(temp, path)
        except BaseException:
            if os.path.exists(temp):
                os.unlink(temp)
            raise
        if path == self.path:
            self._on_disk, self._touched = data, set()
            self._tell_the_others(data)
        self._kept_note = note
        if note:
            self._say(f"Saved to {path}.{note}", warning=True)
        return path

    def _save_clicked(self) -> None:
        try:
            self.save(self.path)
        except OSError as problem:
            self._say(f"Could not save to {self.path}: {_reason(problem)}.", warning=True)
            return
        self.autosave = True
        if not self._kept_note:
            self._say(f"Saved {len(self.tags())} tag(s) to {self.path} at "
                      f"{_dt.datetime.now().strftime('%H:%M:%S')}.")

    def load(self, path=None) -> int:
        """Load tags saved by :meth:`save`; returns how many tags were restored.

        Raises ValueError, in plain words, if the file is missing, damaged or
        belongs to another activity.  The file itself is never changed.
        Saved tags for items this activity no longer has are skipped and
        reported in :attr:`message`.
        """
        path = Path(path) if path is not None else self.path
        raw = _read_bytes(path)
        state = _parse_state(raw, path, self.name)
        if state["tags"] and not set(state["tags"]) & set(self.choice_widgets):
            raise ValueError(f"The saved file {path} does not match this activity: none of its "
                             "items are here. It has been left unchanged.")
        restored, skipped, _kept = self._apply(state)
        if path == self.path:
            self._on_disk, self._touched = raw, set()
        message = f"Restored {restored} tag(s) from {path}."
        if skipped:
            message += f" Skipped {len(skipped)} saved tag(s) that no longer fit: {', '.join(skipped)}."
        if self._kept_tags:
            message += " " + self._kept_sentence()
        self._say(message, warning=bool(skipped or self._kept_tags))
        return restored

    def reset(self) -> None:
        """Clear every tag ("square one").  The previous tags are first saved
        to ``<name>.before-reset.json`` (the next reset to
        ``<name>.before-reset-2.json``, and so on: no copy is ever replaced),
        so a reset can be undone by ``load()``-ing that file.  If the copy
        cannot be written, nothing is cleared."""
        backup = None
        if self.tags() or self.texts():
            backup = self.path.with_name(f"{self.name}.before-reset.json")
            number = 1
            while _exists(backup):
                number += 1
                backup = self.path.with_name(f"{self.name}.before-reset-{number}.json")
            try:
                self.save(backup)
            except OSError as problem:
                self._say(f"Could not keep a copy of your tags in {backup} ({_reason(problem)}), so nothing "
                          "was cleared.", warning=True)
                return
        self.status.value = ""  # so a failure while clearing (said by _on_change) is not hidden
        try:
            for toggle in self.choice_widgets.values():
                toggle.value = None
            for box in self.text_widgets.values():
                box.value = ""
        finally:
            self._checked = False
            for feedback in self.feedback_html.values():
                feedback.value = ""
            self.summary_html.value = ""
        if not self.status.value:
            self._say("All tags cleared (there were none to keep)." if backup is None
                      else f"All tags cleared. The old ones are in {backup.name}.")


def _exists(path: Path) -> bool:
    """Path.exists(), but a path that cannot even be looked at counts as there
    (so reading it gives a plain message instead of a traceback)."""
    try:
        return path.exists()
    except OSError:
        return True


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, or ValueError in plain words."""
    path = Path(path)
    if not _exists(path):
        raise ValueError(f"There is no saved work at {path}.")
    if path.is_dir():
        raise ValueError(f"{path} is a folder, not a saved tagging file. It has been left as it is.")
    try:
        return path.read_bytes()
    except OSError as problem:
        raise ValueError(f"Your saved work in {path} cannot be opened ({_reason(problem)}). "
                         "The file has been left as it is.") from None


def _parse_state(raw: bytes, path: Path, name: str) -> dict:
    """Validate a save file's bytes, raising ValueError in plain words.
    A byte-order mark (Notepad's "UTF-8" adds one) is accepted."""
    try:
        state = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as problem:
        where = f" (near line {problem.lineno})" if isinstance(problem, json.JSONDecodeError) else ""
        raise ValueError(f"Your saved work in {path} is damaged and cannot be read{where}. "
                         "The file has been left as it is.") from None
    if not isinstance(state, dict) or state.get("format") != FORMAT or not isinstance(state.get("tags"), dict):
        raise ValueError(f"{path} is not a saved tagging file from this course. It has been left as it is.")
    if state.get("tagger") != name:
        raise ValueError(f"{path} holds tags for the activity '{state.get('tagger')}', not '{name}'. "
                         "It has been left as it is.")
    return state


def _read_state(path: Path, name: str) -> dict:
    """Read and validate a save file, raising ValueError in plain words."""
    return _parse_state(_read_bytes(path), path, name)

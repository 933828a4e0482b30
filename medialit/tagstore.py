"""Keeping a Tagger's work: save, load, merge with other copies, reset.

:class:`TagStore` is the part of :class:`medialit.tagging.Tagger` that deals
with its save file; the file format, atomic writing and reading are
:mod:`medialit.savedwork`'s.  Nothing saved is ever lost:

* every change is saved (``autosave``), whole or not at all;
* a file that cannot be used is reported in plain words, kept as it is, and
  set aside (``<name>.kept-<time>.json``) before anything is written there;
* tags of items an activity does not show stay in the file;
* two copies of one activity (two cells, notebooks or tabs) merge their tags
  instead of overwriting each other;
* "Start again" first keeps the old tags in ``<name>.before-reset.json``.

A TagStore works on the widgets the Tagger builds (``choice_widgets``,
``text_widgets``, ``feedback_html``, ``summary_html``) and reports through
the Tagger's ``_say``.
"""

from __future__ import annotations

import datetime as _dt
import errno
import weakref
from pathlib import Path

from . import savedwork

__all__ = ["TagStore"]

# The Taggers alive in this kernel, by save file: an activity shown twice
# (two cells, a re-run cell) keeps every copy in step.
_LIVE: dict[str, weakref.WeakSet] = {}


def _live_key(path: Path) -> str:
    try:
        return str(Path(path).resolve())
    except (OSError, RuntimeError):
        return str(path)


class TagStore:
    """Saving and loading, for :class:`medialit.tagging.Tagger` (see the module's notes)."""

    def _start_store(self, path: Path, autosave: bool) -> None:
        """Set up saving to ``path`` (after the widgets are built) and pick
        up the tags saved there."""
        self.path, self.autosave = path, autosave
        self._kept_note = ""
        self._set_aside = False  # True: the file at self.path could not be loaded; keep it on next save
        self._kept_tags: dict = {}   # saved tags of items this Tagger does not show: kept in the file
        self._kept_texts: dict = {}
        self._touched: set = set()   # items changed here since the file was last read or written
        self._on_disk = None         # the bytes of self.path as this Tagger last read or wrote them
        self._attached = autosave    # follows the save file (autosave=False: a detached copy, e.g. a solution)

    def _restore_saved(self) -> None:
        if self.autosave and savedwork.exists(self.path):
            try:
                loaded = self.load(self.path)
                # the file named as the student finds it, from the work folder down, not the machine's path
                welcome = (f"Welcome back: your saved tags are restored ({loaded} tag{'s' * (loaded != 1)}, "
                           f"from {self.path.parent.name}/{self.path.name}).")
                if loaded and self._kept_tags:
                    self._say(welcome + " " + self._kept_sentence(), warning=True)
                elif loaded:
                    self._say(welcome)
            except ValueError as problem:
                self.autosave = False
                self._set_aside = True
                self._say(f"{problem} Automatic saving is paused; press 'Save my work' to save "
                          "anyway (the old file will be kept beside the new one).", warning=True)
        _LIVE.setdefault(_live_key(self.path), weakref.WeakSet()).add(self)

    def state(self) -> dict:
        """What gets saved: a JSON-ready dict (see :mod:`medialit.savedwork`)."""
        # tags of items this Tagger does not show are kept, so nothing saved is ever lost
        texts = ({**self._kept_texts, **{i: w.value for i, w in self.text_widgets.items()}}
                 if self.write_in or self._kept_texts else None)
        return savedwork.new_state(self.name, self.items["item_id"],
                                   {**self._kept_tags, **{i: w.value for i, w in self.choice_widgets.items()}},
                                   texts)

    def _kept_sentence(self) -> str:
        ids = sorted(self._kept_tags)
        shown = ", ".join(ids[:10]) + (", …" if len(ids) > 10 else "")
        return (f"{len(ids)} saved tag(s) are for items this activity does not show ({shown}); "
                "they are kept in the file and come back when those items do.")

    def _tell_the_others(self, data: bytes) -> None:
        """Show what was just saved in the other live Taggers of this activity."""
        state = savedwork.decode(data)
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
        ``<name>.kept-<time>.json`` so nothing is lost.  If another copy of
        this activity (another notebook, tab or window) saved since this one
        last read or wrote the file, its tags are taken over for every item
        not changed here since.
        """
        path = Path(path) if path is not None else self.path
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "there is a folder with that name")
        note = ""
        if path.exists():
            unreadable = self._set_aside and path == self.path
            try:
                raw = savedwork.read_bytes(path)
                state = savedwork.parse(raw, path, self.name)
            except ValueError:
                unreadable = True
            if not unreadable and path == self.path and raw != self._on_disk:
                self._apply(state, only_untouched=True)
                note = (" This activity is also open somewhere else (another notebook, tab or window): "
                        "the tags saved there were merged with yours. Use one place at a time."
                        if self._attached else
                        " The tags already saved in the file were kept for the items you have not tagged here.")
            if unreadable:
                kept = savedwork.set_aside(path)
                if path == self.path:
                    self._set_aside = False
                note = f" The file that was there could not be used, so it was kept as {kept.name}."
        data = savedwork.encode(self.state())
        savedwork.write(path, data)
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
            self._say(f"Could not save to {self.path}: {savedwork.reason(problem)}.", warning=True)
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
        raw = savedwork.read_bytes(path)
        state = savedwork.parse(raw, path, self.name)
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
            backup = savedwork.free_name(self.path.with_name(f"{self.name}.json"), ".before-reset")
            try:
                self.save(backup)
            except OSError as problem:
                self._say(f"Could not keep a copy of your tags in {backup} ({savedwork.reason(problem)}), so "
                          "nothing was cleared.", warning=True)
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

"""Tables that read well aloud: a caption, and a name on every column.

pandas shows a DataFrame as an HTML table whose top-left header cell is
empty (the index has no name) and that has no caption, so a screen reader
announces "blank" column headers and never says what the table is.
:func:`show_table` gives the same table with a ``<caption>`` and no empty
header cell::

    show_table(articles[["article_id", "title"]], "The two articles")

The index is shown as an ordinary, named column when it carries information
(a name, or labels that are not row numbers), and left out otherwise.
"""

from __future__ import annotations

import html
import re

import pandas as pd

__all__ = ["Table", "show_table", "table_html"]


def _flat(label) -> str:
    if isinstance(label, tuple):
        return " / ".join(str(part) for part in label if str(part) != "")
    return str(label)


def _plain(frame: pd.DataFrame, index: bool | None, index_name: str = "row") -> pd.DataFrame:
    """The frame as it is shown: the index as named column(s) or dropped,
    column labels flattened to non-empty strings."""
    if not isinstance(frame, pd.DataFrame):
        frame = pd.DataFrame(frame)
    if index is None:  # pandas' row numbers (an unnamed index of integers) say nothing: leave them out
        index = not (frame.index.nlevels == 1 and frame.index.name is None
                     and pd.api.types.is_integer_dtype(frame.index.dtype))
    shown = frame.copy()
    if index:
        names = [name if name not in (None, "") else (index_name if shown.index.nlevels == 1 else f"level {i + 1}")
                 for i, name in enumerate(shown.index.names)]
        names = [f"{name} (row)" if name in shown.columns else name for name in names]
        shown.index = shown.index.set_names(names)
        shown = shown.reset_index()
    columns = [_flat(c) or "(no name)" for c in shown.columns]
    shown.columns = pd.Index(columns)
    return shown


def table_html(frame: pd.DataFrame, caption: str, index: bool | None = None, index_name: str = "row") -> str:
    """``frame`` as an HTML table with ``caption`` and no empty header
    cell (all text escaped).  ``index``: show the index as a column (True),
    leave it out (False), or decide (None: shown unless it is pandas' row
    numbers, an unnamed index of integers).  ``index_name`` heads the index
    column when the index has no name of its own."""
    if not str(caption).strip():
        raise ValueError("A table needs a caption: a few words on what it shows.")
    shown = _plain(frame, index, index_name)
    table = shown.to_html(index=False, escape=True)
    return re.sub(r"(<table[^>]*>)", lambda m: f"{m.group(1)}\n  <caption>{html.escape(str(caption))}</caption>",
                  table, count=1)


class Table:
    """A captioned table for a notebook: HTML with a caption, or the same
    as plain text.  ``.frame`` is the DataFrame shown."""

    def __init__(self, frame: pd.DataFrame, caption: str, index: bool | None = None, index_name: str = "row"):
        self.caption = str(caption)
        self.frame = _plain(frame, index, index_name)
        self._html = table_html(frame, caption, index, index_name)

    def _repr_html_(self) -> str:
        return self._html

    def __repr__(self) -> str:
        return f"{self.caption}\n{self.frame.to_string(index=False)}"


def show_table(frame: pd.DataFrame, caption: str, index: bool | None = None, index_name: str = "row") -> Table:
    """``frame`` with a caption, ready to show as the last line of a cell
    (see :func:`table_html` for ``index`` and ``index_name``)."""
    return Table(frame, caption, index, index_name)

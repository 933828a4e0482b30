"""The course's figures.

Every function draws one titled, labelled figure and returns it together with
the table it was drawn from, so a lesson can show the table as the text
alternative.  Colours come from the Okabe-Ito palette, which stays
distinguishable with the common colour-vision deficiencies (Okabe & Ito,
"Color Universal Design", 2008), and every group also gets its own hatch
pattern, so colour is never the only cue.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

__all__ = ["OKABE_ITO", "HATCHES", "grouped_barh"]

#: Okabe-Ito colours (black left out: it hides the hatching).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
#: One hatch per group, the non-colour cue.
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo"]


def grouped_barh(table: pd.DataFrame, title: str, xlabel: str, ylabel: str = ""):
    """Horizontal bars: one row of ``table`` per bar group, one column per
    series (e.g. articles).  Returns ``(figure, table)``.

    The first row of the table is drawn at the top.  Bars carry their value
    as a label, so the exact numbers can be read without the axis.
    """
    if table.empty:
        raise ValueError("There is nothing to plot: the table is empty.")
    rows, series = list(table.index), list(table.columns)
    height = 0.8 / len(series)
    fig, ax = plt.subplots(figsize=(7.5, 0.45 * len(rows) * max(1, len(series) * 0.6) + 1.5))
    for i, column in enumerate(series):
        positions = [r + (i - (len(series) - 1) / 2) * height for r in range(len(rows))]
        bars = ax.barh(positions, table[column], height=height, label=str(column),
                       color=OKABE_ITO[i % len(OKABE_ITO)], hatch=HATCHES[i % len(HATCHES)],
                       edgecolor="black", linewidth=0.6)
        ax.bar_label(bars, padding=2, fontsize=8)
    ax.set_yticks(range(len(rows)), [str(r) for r in rows])
    ax.invert_yaxis()
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    if ylabel:
        ax.set_ylabel(ylabel)
    if len(series) > 1:
        ax.legend(title=table.columns.name or None, loc="lower right")
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    return fig, table

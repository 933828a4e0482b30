"""The course's figures.

Every function draws one titled, labelled figure and returns it together with
the table it was drawn from, so a lesson can show the table as the text
alternative.  Colours come from the Okabe-Ito palette, which stays
distinguishable with the common colour-vision deficiencies (Okabe & Ito,
"Color Universal Design", 2008), and every group also gets its own hatch
pattern, so colour is never the only cue.

Each figure also carries a one-sentence description made from its data
(``fig.alt_text``) and its title (``fig.caption``).  In a notebook it shows as
an HTML ``<figure>``: the picture with that sentence as its ``alt`` text (what
a screen reader reads), and the title as a ``<figcaption>``.  Its plain-text
form is the same two sentences, so a notebook test compares them.
"""

from __future__ import annotations

import base64
import html
import io
import textwrap

import pandas as pd

# matplotlib is imported inside each function that draws (it takes a good
# part of a second), so importing this module for its names costs nothing.

__all__ = ["OKABE_ITO", "HATCHES", "figure_html", "grouped_barh", "share_bars", "chain_diagram", "measure_panels", "count_heatmap",
           "labelled_scatter"]

#: Okabe-Ito colours (black left out: it hides the hatching).
OKABE_ITO = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442"]
#: One hatch per group, the non-colour cue.
HATCHES = ["", "//", "..", "xx", "\\\\", "++", "oo"]


_FIGURE_CLASS = None


def _figure_class():
    """A matplotlib Figure that shows itself in a notebook as an HTML
    ``<figure>`` with alt text and a caption (made once, on first use, so
    that importing this module does not import matplotlib)."""
    global _FIGURE_CLASS
    if _FIGURE_CLASS is None:
        from matplotlib.figure import Figure

        class CourseFigure(Figure):
            """A figure with ``alt_text`` (one sentence on what it shows) and
            ``caption`` (its title)."""

            alt_text = ""
            caption = ""

            def _repr_html_(self) -> str:
                return figure_html(self)

            def __repr__(self) -> str:
                return f"Figure: {self.caption}\nWhat it shows: {self.alt_text}"

        _FIGURE_CLASS = CourseFigure
    return _FIGURE_CLASS


def _no_bare_png(figure_class) -> None:
    """In IPython, show a course figure only as its HTML <figure>: no second,
    bare PNG output without alt text beside it."""
    try:
        from IPython import get_ipython
    except ImportError:
        return
    shell = get_ipython()
    if shell is not None:
        shell.display_formatter.formatters["image/png"].for_type(figure_class, lambda figure: None)


def _subplots(*args, **kwargs):
    import matplotlib.pyplot as plt

    figure_class = _figure_class()
    _no_bare_png(figure_class)
    return plt.subplots(*args, FigureClass=figure_class, **kwargs)


def _describe(fig, title: str, sentence: str):
    fig.caption = str(title)
    fig.alt_text = sentence
    return fig


def figure_html(fig) -> str:
    """``fig`` as an HTML ``<figure>``: a PNG with ``fig.alt_text`` as its
    alt text and ``fig.caption`` as the ``<figcaption>`` (both escaped)."""
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", bbox_inches="tight", facecolor="white")
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    alt = html.escape(getattr(fig, "alt_text", "") or "", quote=True)
    caption = html.escape(getattr(fig, "caption", "") or "")
    return (f"<figure style='margin:0'><img src='data:image/png;base64,{data}' alt='{alt}' "
            f"style='max-width:100%;height:auto'><figcaption>{caption}</figcaption></figure>")


def _number(value) -> str:
    """A number as the alt sentence says it: whole numbers without decimals,
    others to one decimal; a missing value as "no value"."""
    value = float(value)
    if value != value or value in (float("inf"), float("-inf")):
        return "no value"
    return f"{value:.0f}" if value == int(value) else f"{round(value, 1):g}"


def _lower(label: str) -> str:
    """A label inside a sentence: its first letter in lower case, unless the
    label starts with an abbreviation ("TASS", "CSTO")."""
    label = str(label)
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def _names(items) -> str:
    items = [str(i) for i in items]
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


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
    fig, ax = _subplots(figsize=(7.5, 0.45 * len(rows) * max(1, len(series) * 0.6) + 1.5))
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
    def extremes(column) -> str:
        values = table[column].astype(float).dropna()
        if values.empty:
            return "no values"
        return (f"highest {values.idxmax()} ({_number(values.max())}), "
                f"lowest {values.idxmin()} ({_number(values.min())})")

    highest = "; ".join((f"{column}: " if len(series) > 1 else "") + extremes(column) for column in series)
    what = ylabel or table.index.name or "row"
    bars = f"one bar per {_lower(what)}" + (f" for each of {_names(series)}" if len(series) > 1 else "")
    return _describe(fig, title, f"Bar chart of {_lower(xlabel)}, {bars} ({len(rows)} rows): {highest}."), table


# --------------------------------------------------------------------------
# Lesson 02: who says so


def _style(label, i: int):
    """(colour, hatch) for a group: a source type always gets the same pair
    (its place in medialit.attribution.SOURCE_TYPES), anything else by order."""
    from .attribution import SOURCE_TYPES

    if label == "the writer":  # no source: plain grey, no pattern
        return "#BBBBBB", ""
    if label == "not in the table":
        return "#FFFFFF", "oo"
    if label in SOURCE_TYPES:
        i = SOURCE_TYPES.index(label)
    return OKABE_ITO[i % len(OKABE_ITO)], HATCHES[(i + i // len(OKABE_ITO)) % len(HATCHES)]


def share_bars(table: pd.DataFrame, title: str, xlabel: str = "share of the article (%)"):
    """One 100 % bar per column of ``table`` (e.g. per article), split into
    segments by its rows (e.g. source types), each with its own colour and
    hatch.  Segments of 4 % or more carry their value.  Returns
    ``(figure, table)``; the table is the text alternative.
    """
    if table.empty:
        raise ValueError("There is nothing to plot: the table is empty.")
    rows, columns = list(table.index), list(table.columns)
    fig, ax = _subplots(figsize=(8, 1.0 * len(columns) + 2.2))
    left = [0.0] * len(columns)
    for i, row in enumerate(rows):
        values = [float(table.loc[row, c]) for c in columns]
        colour, hatch = _style(row, i)
        bars = ax.barh(range(len(columns)), values, left=left, label=str(row), color=colour, hatch=hatch,
                       edgecolor="black", linewidth=0.6)
        ax.bar_label(bars, labels=[f"{v:.0f}" if v >= 4 else "" for v in values],
                     label_type="center", fontsize=8,
                     bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none", alpha=0.8))
        left = [a + b for a, b in zip(left, values)]
    ax.set_yticks(range(len(columns)), [str(c) for c in columns])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(table.columns.name or "")
    ax.legend(title=(table.index.name or "").replace("_", " ") or None, loc="upper center",
              bbox_to_anchor=(0.5, -0.25 - 0.05 * len(columns)),
              ncol=3, fontsize=8)
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout()
    parts = []
    for column in columns:
        shares = table[column].astype(float).sort_values(ascending=False)
        parts.append(f"{column}: " + ", ".join(f"{row} {_number(v)}%" for row, v in shares.items() if v >= 1))
    sentence = (f"Stacked bars, one per {_lower(table.columns.name or 'column')}, each split into "
                f"{(table.index.name or 'parts').replace('_', ' ')} by share, largest first: " + "; ".join(parts) + ".")
    return _describe(fig, title, sentence), table


def chain_diagram(table: pd.DataFrame, title: str, tail=(), type_of=None):
    """Who passed what to whom: a box for every source, an arrow for every
    hand-off.

    ``table`` has columns ``sentence_id`` and ``chain`` (a list, innermost
    speaker first, as made by :func:`medialit.attribution.attribute`); rows
    with an empty chain are left out.  ``tail`` names the hand-offs every
    chain shares after its last link (for article A: the wire feed, Mint,
    the reader).  ``type_of`` maps a source to its type, which decides its
    colour and hatch.  Speakers are on the left; the reader is on the right.

    Returns ``(figure, edges)``: ``edges`` has one row per arrow (``from``,
    ``to``, ``sentences``), the text alternative.
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    chains = [(sid, list(chain)) for sid, chain in zip(table["sentence_id"], table["chain"]) if chain]
    if not chains:
        raise ValueError("There is nothing to draw: no sentence has a chain of sources.")
    tail = list(tail)
    depth, edges = {}, {}
    for sid, chain in chains:
        path = chain + tail
        for i, node in enumerate(path):
            depth[node] = max(depth.get(node, 0), len(path) - 1 - i)
        for a, b in zip(path, path[1:]):
            edges.setdefault((a, b), []).append(sid)
    width = max(depth.values())
    columns: dict[int, list[str]] = {}
    for node in depth:  # first seen first, so the layout follows the text
        columns.setdefault(width - depth[node], []).append(node)
    tallest = max(len(v) for v in columns.values())
    position = {}
    for x, nodes in columns.items():
        for j, node in enumerate(nodes):  # centred on y = 0, first at the top
            position[node] = (x, (len(nodes) - 1) / 2 - j)
    types = type_of or {}
    kinds = sorted({types.get(n, "") for n in depth if types.get(n)})
    style = {k: _style(k, i) for i, k in enumerate(kinds)}
    fig, ax = _subplots(figsize=(2.1 * (width + 1) + 0.6, 0.75 * tallest + 2.4))
    for (a, b), ids in edges.items():
        (xa, ya), (xb, yb) = position[a], position[b]
        ax.annotate("", xy=(xb - 0.36, yb), xytext=(xa + 0.36, ya),
                    arrowprops=dict(arrowstyle="-|>", color="#444", lw=1.2, shrinkA=0, shrinkB=0))
        if a not in tail:
            ax.text((xa + xb) / 2, (ya + yb) / 2 + 0.12, ", ".join(ids[:3]) + (" …" if len(ids) > 3 else ""),
                    ha="center", va="bottom", fontsize=7, color="#333")
    for node, (x, y) in position.items():
        colour, hatch = style.get(types.get(node, ""), ("#EEEEEE", ""))
        ax.add_patch(plt.Rectangle((x - 0.36, y - 0.22), 0.72, 0.44, facecolor=colour, hatch=hatch,
                                   edgecolor="black", linewidth=0.8, alpha=0.9))
        ax.text(x, y, textwrap.fill(node, 16), ha="center", va="center",
                fontsize=8, bbox=dict(boxstyle="round,pad=0.2", facecolor="white", edgecolor="none", alpha=0.85))
    ax.set_xlim(-0.6, width + 0.6)
    ax.set_ylim(-(tallest - 1) / 2 - 0.5, (tallest - 1) / 2 + 0.5)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("who spoke first (left) → each hand-off → the reader (right)")
    ax.set_title(title)
    ax.spines[["top", "right", "left"]].set_visible(False)
    if style:
        ax.legend(handles=[Patch(facecolor=c, hatch=h, edgecolor="black", label=k) for k, (c, h) in style.items()],
                  title="source type", loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=3, fontsize=8)
    fig.tight_layout()
    rows = [{"from": a, "to": b, "sentences": ", ".join(ids)} for (a, b), ids in edges.items()]
    longest = max((chain + tail for _, chain in chains), key=len)
    first = [node for node in depth if node not in tail and not any(b == node for _, b in edges)]
    sentence = (f"Diagram of {len(depth)} sources and {len(edges)} hand-offs, from who spoke first "
                f"({_names(first)}) to the reader; the longest route is {' → '.join(longest)}.")
    return _describe(fig, title, sentence), pd.DataFrame(rows, columns=["from", "to", "sentences"])


# --------------------------------------------------------------------------
# Lesson 04: spun text


def measure_panels(table: pd.DataFrame, title: str, measures=None, notes=None, ncols: int = 3, limits=None):
    """Small multiples: one panel per measure (a row of ``table``), one bar
    per text (a column of ``table``), each panel on its own scale, so that a
    measure near 30 and one near 100 can be read side by side.

    ``measures`` picks and orders the rows (default: all); ``notes`` maps a
    measure to a short line under its name (e.g. "lower = harder");
    ``limits`` maps a measure to the ``(low, high)`` of its axis, to draw it
    on its whole scale (Flesch reading ease on 0 to 100, so that 5 points
    look like 5 points) instead of from 0 to a little above its tallest bar.
    Bars carry their values.  Returns ``(figure, table)``; the table (the
    rows shown) is the text alternative.
    """
    if table.empty:
        raise ValueError("There is nothing to plot: the table is empty.")
    measures = list(measures) if measures is not None else list(table.index)
    missing = [m for m in measures if m not in table.index]
    if missing:
        raise ValueError(f"These measures are not in the table: {', '.join(map(str, missing))}.")
    limits = dict(limits or {})
    unknown = [m for m in limits if m not in measures]
    if unknown:
        raise ValueError(f"These limits are for measures not shown: {', '.join(map(str, unknown))}.")
    shown = table.loc[measures]
    series = list(shown.columns)
    nrows = -(-len(measures) // ncols)
    fig, axes = _subplots(nrows, ncols, figsize=(3.3 * ncols, 2.6 * nrows + 0.8), squeeze=False)
    for ax, measure in zip(axes.flat, measures):
        values = [float(shown.loc[measure, s]) for s in series]
        bars = ax.bar(range(len(series)), values, color=[OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(series))],
                      hatch=None, edgecolor="black", linewidth=0.6)
        for i, bar in enumerate(bars):
            bar.set_hatch(HATCHES[i % len(HATCHES)])
        ax.bar_label(bars, labels=[f"{v:g}" for v in values], padding=2, fontsize=8)
        ax.set_xticks(range(len(series)), [textwrap.fill(str(s), 12) for s in series], fontsize=8)
        heading = str(measure) + (f"\n({notes[measure]})" if notes and measure in notes else "")
        ax.set_title(heading, fontsize=9)
        ax.set_ylabel("value", fontsize=8)
        top = max([v for v in values if v == v] + [0])
        if measure in limits:
            ax.set_ylim(*limits[measure])
        else:
            ax.set_ylim(0, top * 1.2 if top > 0 else 1)
        ax.spines[["top", "right"]].set_visible(False)
    for ax in list(axes.flat)[len(measures):]:
        ax.set_visible(False)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    values = "; ".join(f"{m} " + " vs ".join(_number(shown.loc[m, s]) for s in series) for m in measures)
    whole = "; ".join(f"{m} on its whole scale, {_number(low)} to {_number(high)}"
                      for m, (low, high) in limits.items())
    sentence = (f"{len(measures)} small bar charts, one per measure, each on its own scale"
                + (f" ({whole})" if whole else "")
                + f", comparing {' with '.join(map(str, series))}: {values}.")
    return _describe(fig, title, sentence), shown


# --------------------------------------------------------------------------
# Lesson 03: loaded words


def count_heatmap(table: pd.DataFrame, title: str, xlabel: str, ylabel: str):
    """A grid of counts: one row of ``table`` per row of cells (e.g.
    speakers), one column per column (e.g. terms).  Shades run from white to
    Okabe-Ito blue (one hue, so it reads in grey and for colour-blind
    readers too), and every non-zero cell carries its number, so the colour
    is never the only cue.  Empty cells stay white.  Returns
    ``(figure, table)``; the table is the text alternative.
    """
    from matplotlib.colors import LinearSegmentedColormap

    if table.empty:
        raise ValueError("There is nothing to plot: the table is empty.")
    values = table.fillna(0).astype(float)
    rows, columns = list(values.index), list(values.columns)
    cmap = LinearSegmentedColormap.from_list("white_to_blue", ["#FFFFFF", OKABE_ITO[0]])
    top = max(float(values.to_numpy().max()), 1.0)
    fig, ax = _subplots(figsize=(1.0 + 0.55 * len(columns) + 0.07 * max(len(str(r)) for r in rows),
                                    1.8 + 0.42 * len(rows)))
    image = ax.imshow(values.to_numpy(), cmap=cmap, vmin=0, vmax=top, aspect="auto")
    for i in range(len(rows)):
        for j in range(len(columns)):
            value = values.iat[i, j]
            if value:
                ax.text(j, i, f"{value:g}", ha="center", va="center", fontsize=9,
                        color="white" if value > top * 0.6 else "black")
    ax.set_xticks(range(len(columns)), [str(c) for c in columns], rotation=45, ha="right")
    ax.set_yticks(range(len(rows)), [str(r) for r in rows])
    ax.set_xticks([x - 0.5 for x in range(1, len(columns))], minor=True)
    ax.set_yticks([y - 0.5 for y in range(1, len(rows))], minor=True)
    ax.grid(which="minor", color="#DDDDDD", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    from matplotlib.ticker import MaxNLocator

    fig.colorbar(image, ax=ax, label="count", shrink=0.8, ticks=MaxNLocator(integer=True))
    fig.tight_layout()
    stacked = values.stack()
    (row, column), most = stacked.idxmax(), stacked.max()
    sentence = (f"Grid of counts, {len(rows)} rows ({_lower(ylabel)}) by {len(columns)} columns ({_lower(xlabel)}), "
                f"darker for more: the largest is {_number(most)} ({row}, {column}); "
                f"{int((stacked > 0).sum())} of {stacked.size} cells are not zero.")
    return _describe(fig, title, sentence), table


def labelled_scatter(table: pd.DataFrame, x: str, y: str, title: str, xlabel: str, ylabel: str,
                     label: str = "file", highlight=()):
    """One point per row of ``table`` (e.g. one per checked file).  Rows
    whose ``label`` is in ``highlight`` get their own marker shape, colour
    and a text label, so they can be found without colour.  Returns
    ``(figure, table)``, the table sorted by ``x`` as the text alternative."""
    if table.empty:
        raise ValueError("There is nothing to plot: the table is empty.")
    fig, ax = _subplots(figsize=(7.5, 5))
    rest = table[~table[label].isin(list(highlight))]
    ax.scatter(rest[x], rest[y], s=30, marker="o", facecolors="none", edgecolors="#555555",
               label=f"other texts ({len(rest)})")
    markers = ["s", "^", "D", "v", "P", "X"]
    for i, name in enumerate(highlight):
        row = table[table[label] == name]
        if row.empty:
            continue
        ax.scatter(row[x], row[y], s=90, marker=markers[i % len(markers)], color=OKABE_ITO[(i + 1) % len(OKABE_ITO)],
                   edgecolors="black", label=str(name), zorder=3)
        ax.annotate(str(name), (row[x].iloc[0], row[y].iloc[0]), xytext=(6, 6), textcoords="offset points")
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(loc="best", frameon=False)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    marked = [f"{name} ({_number(r[x])}, {_number(r[y])})" for name in highlight
              for r in table[table[label] == name].to_dict("records")[:1]]
    sentence = (f"Scatter plot of {len(table)} points, {xlabel} across and {ylabel} up; the others lie between "
                f"{_number(rest[x].min())} and {_number(rest[x].max())} across and between "
                f"{_number(rest[y].min())} and {_number(rest[y].max())} up"
                + (f"; marked: {_names(marked)}" if marked else "") + ".") if len(rest) else (
        f"Scatter plot of {len(table)} points, {xlabel} across and {ylabel} up"
        + (f"; marked: {_names(marked)}" if marked else "") + ".")
    _describe(fig, title, sentence)
    return fig, table.sort_values(x, ascending=False)[[label, x, y]].reset_index(drop=True)

"""Lateral reading: predict, then reveal.

Each lesson ends its main part with one trace to the origin.  You write down
who you think first said something, and in what words, and check that
prediction with ``check("01.T", ...)``; then ``reveal("L03")`` shows the
excerpt of the public original, with who published it, when and where, so
you can compare.  The excerpts live in ``data/lateral/sources.csv``; each one
is a few sentences of a public page, cited by outlet, address and date.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["excerpt", "reveal", "sources"]


def _sources() -> pd.DataFrame:
    from ..corpus import DATA_DIR, _read_csv
    from ..datafiles import from_file

    return from_file(DATA_DIR / "lateral" / "sources.csv", _read_csv)


def sources() -> pd.DataFrame:
    """All the excerpts, one row each (a copy of ``data/lateral/sources.csv``)."""
    return _sources().copy()


def excerpt(lateral_id: str) -> dict:
    """One excerpt as a dict: outlet, url, published, excerpt, translation, why …"""
    table = _sources().set_index("lateral_id")
    key = str(lateral_id).strip().upper()
    if key not in table.index:
        raise ValueError(f"There is no excerpt {lateral_id!r}: the ids run from L01 to {table.index[-1]}.")
    return {"lateral_id": key, **table.loc[key].to_dict()}


def _when(row: dict) -> str:
    if row["published"] == "undated":
        return "page not dated"
    basis = {"page": "", "address": " (date from the page's address)",
             "text": " (date worked out from the text)"}.get(row["date_basis"], "")
    return row["published"] + basis


def reveal(*lateral_ids: str) -> None:
    """Print each excerpt with its citation, ready to compare with a prediction."""
    if not lateral_ids:
        raise ValueError("Give one or more excerpt ids, such as reveal('L01').")
    for number, lateral_id in enumerate(lateral_ids):
        row = excerpt(lateral_id)
        if number:
            print()
        print(f"{row['lateral_id']} · {row['outlet']} · {_when(row)}")
        print(f"  {row['url']}  (read {row['retrieved']})")
        print(f"  “{row['excerpt']}”")
        if row["translation"]:
            print(f"  In English: {row['translation']}")
        print(f"  Why it matters: {row['why']}")

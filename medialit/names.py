"""Who and what is named in a text.

:func:`find_names` looks up the people, news organisations, state bodies and
countries listed in ``data/lexicons/names.csv`` (a gazetteer students can read
and extend).  A list is used instead of a statistical name finder because
NLTK's named-entity models need downloaded data, and because a short,
readable list makes every match explainable.  The price: a name that is not
on the list is not found.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .corpus import DATA_DIR
from .datafiles import from_file
from .textcheck import validate_text

__all__ = ["load_names", "find_names"]

#: The gazetteer the course ships.
NAMES_FILE = DATA_DIR / "lexicons" / "names.csv"

KINDS = ("person", "news organisation", "government or state body", "international organisation", "country")


def load_names(path=NAMES_FILE) -> pd.DataFrame:
    """Read the gazetteer (default ``data/lexicons/names.csv``).

    Columns: ``name``, ``kind``, ``variants`` (``|``-separated surface forms),
    ``role``, ``notes``.
    """
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _compile(path: Path):
    """The compiled pattern for a names file and variant -> (name, kind)."""
    table = load_names(path)
    by_variant = {}
    for name, kind, variants in zip(table["name"], table["kind"], table["variants"]):
        for variant in filter(None, (v.strip() for v in variants.split("|"))):
            by_variant[variant] = (name, kind)
    ordered = sorted(by_variant, key=len, reverse=True)
    regex = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in ordered) + r")\b")
    return regex, by_variant


def find_names(text: str, path=None) -> pd.DataFrame:
    """Find every listed name in ``text``.

    Returns one row per mention: ``name`` (the canonical name), ``kind``,
    ``variant`` (the words as written), ``start`` and ``end`` (offsets into
    ``text``).  Longer forms win over shorter ones, and a mention is never
    counted twice: "Russia’s foreign ministry" is the ministry, not also Russia.

    >>> find_names("Mr Tokayev met Putin. Tokayev left.")["name"].tolist()
    ['Kassym-Jomart Tokayev', 'Vladimir Putin', 'Kassym-Jomart Tokayev']
    """
    validate_text(text)
    # read again when the file changes, so a student who adds a row sees it without restarting
    regex, by_variant = from_file(Path(path) if path else NAMES_FILE, _compile)
    rows = [
        {"name": by_variant[m.group(0)][0], "kind": by_variant[m.group(0)][1],
         "variant": m.group(0), "start": m.start(), "end": m.end()}
        for m in regex.finditer(text)
    ]
    return pd.DataFrame(rows, columns=["name", "kind", "variant", "start", "end"])

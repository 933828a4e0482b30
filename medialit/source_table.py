"""The table of sources: who can be quoted, what type of source each is, and
the spellings to find them by (``data/lexicons/source_types.csv``).

Read once per version of the file (:func:`medialit.datafiles.from_file`):
a student who adds a row sees it at the next call.  Also the chains
("Sultanat Azirbek > Khabar 24 > TASS") as text and back.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd

from .corpus import DATA_DIR
from .datafiles import from_file


#: The table of sources (read it, extend it).
SOURCE_TYPES_FILE = DATA_DIR / "lexicons" / "source_types.csv"


#: Every value ``source_type`` can take.
SOURCE_TYPES = (
    "state media",
    "news agency",
    "government official",
    "foreign government",
    "international organisation",
    "eyewitness",
    "unnamed",
    "the writer",
    "not in the table",
)


CHAIN_SEPARATOR = " > "


def load_source_types(path=None) -> pd.DataFrame:
    """Read the table of sources (default ``data/lexicons/source_types.csv``).

    Columns: ``source`` (canonical name), ``source_type`` (one of
    :data:`SOURCE_TYPES`), ``entity`` (``person``, ``organisation`` or
    ``group``: decides what "he"/"she" and "it" can point back to),
    ``variants`` (the forms to look for, separated by ``|``) and ``notes``.
    """
    table = pd.read_csv(path or SOURCE_TYPES_FILE, dtype=str, keep_default_na=False)
    _check_table(set(table.columns), set(table["source_type"]) if "source_type" in table.columns else set())
    return table


def _check_table(columns: set, types: set) -> None:
    missing = {"source", "source_type", "entity", "variants"} - columns
    if missing:
        raise ValueError(f"The sources table is missing the column(s): {', '.join(sorted(missing))}.")
    bad = sorted(types - set(SOURCE_TYPES))
    if bad:
        raise ValueError(
            f"Unknown source type(s) in the sources table: {', '.join(bad)}. "
            f"Use one of: {', '.join(SOURCE_TYPES[:-1])}."
        )


def _compile_table(path: Path):
    """(regex of all variants, variant -> (source, type, entity), source -> (type, entity))."""
    with open(path, encoding="utf-8", newline="") as handle:  # csv, not pandas: faster on first use
        rows = list(csv.DictReader(handle))
    _check_table({key for row in rows[:1] for key in row}, {row["source_type"] for row in rows})
    by_variant, by_source = {}, {}
    for source, kind, entity, variants in ((r["source"], r["source_type"], r["entity"], r["variants"]) for r in rows):
        by_source[source] = (kind, entity)
        for variant in filter(None, (v.strip() for v in variants.split("|"))):
            by_variant[_spelling(variant)] = (source, kind, entity)
    ordered = sorted(by_variant, key=len, reverse=True)
    regex = re.compile(r"(?<![\w-])(?:" + "|".join(_loose(v) for v in ordered) + r")(?![\w-])")
    return regex, by_variant, by_source


_JOINERS = " ‐‑-"  # the hyphen last: in a [...] class it must not make a range
_JOINED = f"[\\s{_JOINERS.lstrip()}]+"


def _spelling(words: str) -> str:
    """The form a name is looked up by: "Khabar-24" and "Khabar 24", and
    "Kazakhstan’s" and "Kazakhstan's", are the same name."""
    return re.sub(f"[\\s{_JOINERS}]+", " ", words.replace("’", "'"))


def _loose(variant: str) -> str:
    """A pattern for a variant that lets a space and a hyphen stand for each
    other, and a straight and a curly apostrophe."""
    out = []
    for ch in variant:
        if ch in _JOINERS:
            # the space is one of \s: a class without it is the same class, and
            # compiles in a third of the time (this pattern is repeated ~100 times)
            out.append(_JOINED)
        elif ch in "'’":
            out.append("['’]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _lookup(by_variant: dict, words: str):
    """(source, type, entity) of the variant ``words`` as found in a text."""
    return by_variant[_spelling(words)]


def _listed(by_variant: dict, words: str):
    """The table's (source, type, entity) for words found some other way
    ("authorities said": the table's "the authorities"), or None."""
    key = _spelling(words.strip())
    for form in (key, re.sub(r"(?i)^the\s+", "", key), "the " + key):
        hit = by_variant.get(form) or by_variant.get(form[:1].upper() + form[1:])
        if hit:
            return hit
    return None


def _table(path=None):
    """The compiled sources table (:func:`_compile_table`) of ``path`` (default: the course's)."""
    return from_file(Path(path) if path else SOURCE_TYPES_FILE, _compile_table)


def chain_text(chain) -> str:
    """``["Sultanat Azirbek", "Khabar 24", "TASS"]`` -> ``"Sultanat Azirbek > Khabar 24 > TASS"``."""
    return CHAIN_SEPARATOR.join(chain or [])


def with_chain_text(table: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``table`` with its chain columns (``chain``, ``key_chain``)
    written as text (:func:`chain_text`), which reads better in a table."""
    table = table.copy()
    for column in ("chain", "key_chain"):
        if column in table.columns:
            table[column] = table[column].map(chain_text)
    return table


def parse_chain(text) -> list[str]:
    """The inverse of :func:`chain_text`; an empty cell gives ``[]``."""
    if not isinstance(text, str) or not text.strip():
        return []
    return [part.strip() for part in text.split(">") if part.strip()]

"""Checking the attribution extractor against an answer key.

:func:`compare_with_key` sets the extractor's answer beside the key's for every
sentence of the course articles (``data/keys/attribution.csv``),
:func:`compare_items` does the same for a key of single sentences, and
:func:`attribution_scores` / :func:`per_label` turn a comparison into precision and
recall; :func:`source_shares` says how much of each article rests on each
source type.  (Precision and recall of the extractor: not to be confused
with :func:`medialit.classwork.class_agreement`, agreement between students.)
All names are also available from :mod:`medialit.attribution`.
"""

from __future__ import annotations

import re

import pandas as pd

from .attribution import _with_none, attribute, parse_chain

__all__ = ["FIELDS", "article_attribution", "load_attribution_key", "compare_with_key", "compare_items",
           "attribution_scores", "per_label", "source_shares"]

FIELDS = ("source", "chain", "kind", "source_type")
#: The value of each field that means "nothing attributed".
_EMPTY = {"source": None, "chain": (), "kind": "none", "source_type": "the writer"}


def article_attribution(article_ids=("A", "B")) -> pd.DataFrame:
    """:func:`attribute` run on the cleaned course articles, with the ids the
    answer keys use (``A01`` ...) and an ``article_id`` column first."""
    from .corpus import per_article

    return _with_none(per_article(attribute, article_ids), ("source", "cue"))


def load_attribution_key(name: str = "attribution") -> pd.DataFrame:
    """The answer key ``data/keys/<name>.csv``: one row per sentence, with
    ``chain`` as a list and ``source`` as ``None`` where the key has none."""
    from .corpus import load_key

    key = load_key(name)
    key["chain"] = key["chain"].map(parse_chain)
    key["source"] = key["source"].astype(object).where(key["source"].str.strip() != "", None)
    return key


def _blank(value):
    """None for None, NaN and empty strings; the value otherwise."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str) and not value.strip():
        return None
    return value


def _name(value):
    """A source name for comparing: case, spaces and a leading "the" ignored."""
    value = _blank(value)
    if value is None:
        return None
    return re.sub(r"^the\s+", "", " ".join(str(value).lower().split()))


def _same(field, a, b) -> bool:
    if field == "chain":
        return [_name(x) for x in (a or [])] == [_name(x) for x in (b or [])]
    if field == "source":
        return _name(a) == _name(b)
    return _blank(a) == _blank(b)


def compare_with_key(article_ids=("A", "B"), key=None) -> pd.DataFrame:
    """The extractor's answer beside the key's, one row per sentence.

    Columns: ``sentence_id``, ``sentence``, then for each field of
    :data:`FIELDS` the key's value (``key_source`` ...), the extractor's
    (``source`` ...) and whether they agree (``ok_source`` ...), and the
    key's ``rationale``.
    """
    key = load_attribution_key() if key is None else key
    found = article_attribution(article_ids)
    key = key[key["article_id"].isin(list(article_ids))].set_index("sentence_id")
    missing = sorted(set(found["sentence_id"]) ^ set(key.index))
    if missing:
        raise ValueError("The answer key and the articles' sentences do not match "
                         f"(ids {', '.join(missing[:5])}): run the data tests to see why.")
    rows = []
    for row in found.itertuples(index=False):
        k = key.loc[row.sentence_id]
        out = {"sentence_id": row.sentence_id, "sentence": row.sentence}
        for field in FIELDS:
            mine, theirs = getattr(row, field), k[field]
            out[f"key_{field}"], out[field] = theirs, mine
            out[f"ok_{field}"] = _same(field, theirs, mine)
        out["rationale"] = k["rationale"]
        rows.append(out)
    return pd.DataFrame(rows)


def compare_items(key: pd.DataFrame) -> pd.DataFrame:
    """Like :func:`compare_with_key`, for a key of single sentences that are
    not from the course articles (a ``text`` column instead of ids), such as
    ``data/keys/attribution_heldout.csv``. Source names are compared
    ignoring case and a leading "the"."""
    for column in ("item_id", "text") + FIELDS:
        if column not in key.columns:
            raise ValueError(f"The key needs a '{column}' column.")
    rows = []
    for k in key.itertuples(index=False):
        found = attribute(k.text).iloc[0]
        out = {"sentence_id": k.item_id, "sentence": k.text}
        for field in FIELDS:
            theirs = parse_chain(k.chain) if field == "chain" else _blank(getattr(k, field))
            out[f"key_{field}"], out[field] = theirs, found[field]
            out[f"ok_{field}"] = _same(field, theirs, found[field])
        out["rationale"] = getattr(k, "rationale", "")
        rows.append(out)
    return pd.DataFrame(rows)


def _is_empty(field, value) -> bool:
    if field == "chain":
        return not value
    return _blank(value) == _EMPTY[field]


def attribution_scores(comparison: pd.DataFrame) -> pd.DataFrame:
    """Precision and recall of the extractor, per field, from :func:`compare_with_key`.

    For every field, a sentence counts as *found* when the extractor gives
    it something other than "nothing attributed" (no source, kind ``none``,
    type ``the writer``), and as *in the key* when the key does.
    ``precision`` = found and exactly right / found; ``recall`` = found and
    exactly right / in the key; ``agree`` = sentences where extractor and
    key are equal (including both empty) / all sentences.
    """
    rows = []
    n = len(comparison)
    for field in FIELDS:
        key_values, found_values = comparison[f"key_{field}"], comparison[field]
        in_key = sum(not _is_empty(field, v) for v in key_values)
        found = sum(not _is_empty(field, v) for v in found_values)
        right = sum(not _is_empty(field, k) and _same(field, k, f) for k, f in zip(key_values, found_values))
        agree = int(comparison[f"ok_{field}"].sum())
        rows.append({
            "field": field, "sentences": n, "agree": agree, "agree_%": round(100 * agree / n, 1) if n else None,
            "in_key": in_key, "found": found, "found_and_right": right,
            "precision": round(right / found, 3) if found else None,
            "recall": round(right / in_key, 3) if in_key else None,
        })
    return pd.DataFrame(rows)


def per_label(comparison: pd.DataFrame, field: str = "kind") -> pd.DataFrame:
    """Precision and recall for each value of ``kind`` or ``source_type``."""
    if field not in ("kind", "source_type"):
        raise ValueError("per_label works for the fields 'kind' and 'source_type'.")
    key_values, found_values = comparison[f"key_{field}"], comparison[field]
    rows = []
    for label in sorted(set(key_values) | set(found_values)):
        in_key = int((key_values == label).sum())
        found = int((found_values == label).sum())
        right = int(((key_values == label) & (found_values == label)).sum())
        rows.append({field: label, "in_key": in_key, "found": found, "found_and_right": right,
                     "precision": round(right / found, 3) if found else None,
                     "recall": round(right / in_key, 3) if in_key else None})
    return pd.DataFrame(rows)


def source_shares(table: pd.DataFrame, by: str = "source_type", weight: str = "characters") -> pd.DataFrame:
    """How much of each article rests on each source type.

    ``table`` has ``article_id``, ``sentence`` and ``by`` columns (the
    output of :func:`article_attribution`, or the answer key). Returns a
    table with one row per value of ``by`` and one column per article,
    giving the percentage of the article's ``weight`` - ``"characters"``
    (longer sentences count more) or ``"sentences"`` - that rests on it.
    Rows are sorted by the overall share, largest first.
    """
    if weight not in ("characters", "sentences"):
        raise ValueError("weight must be 'characters' or 'sentences'.")
    for column in ("article_id", "sentence", by):
        if column not in table.columns:
            raise ValueError(f"The table needs a '{column}' column.")
    sizes = table["sentence"].str.len() if weight == "characters" else pd.Series(1, index=table.index)
    totals = pd.DataFrame({"article_id": table["article_id"], by: table[by], "size": sizes})
    shares = totals.pivot_table(index=by, columns="article_id", values="size", aggfunc="sum", fill_value=0)
    shares = (100 * shares / shares.sum()).round(1)
    shares = shares.loc[shares.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    shares.columns.name = "article"
    return shares

"""Scoring a tagging activity: the items, the choices and the answer key in
one shape, and a student's tags compared with the key.

Plain functions, data in and out; the Tagger widget (:mod:`medialit.tagging`)
calls them with its items, key and the student's tags.

A key label may be ``contested``: careful journalists defend more than one
answer, and the rationale gives each side (``Contested. Loaded: ... Neutral:
...``).  A student's tag that the rationale defends then counts as agreeing
with the key (result ``accepted``), as does the tag ``contested`` itself.

A write-in box may be asked for only after some tags (``write_in_for``, e.g.
a neutral word only for a word tagged loaded or contested): after any other
tag an empty box is ``not asked``, never missing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import pandas as pd

from .words import normalise_answer

__all__ = ["NOT_TAGGED", "NOT_ASKED", "CONTESTED", "kappa_meaning", "asks_write_in", "normalise_items",
           "normalise_choices", "normalise_key", "key_answers", "normalise_write_in_for", "highlights", "key_table",
           "check_key", "normalise_answer", "defended", "text_result", "name_result", "feedback_table", "score"]

NOT_TAGGED = "not tagged"
#: the write-in result of an empty box that the item's tag does not ask for
NOT_ASKED = "not asked"
CONTESTED = "contested"
#: the results that count as agreeing with the key
AGREE = ("match", "accepted")


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


# ---------------------------------------------------------------- the inputs

def normalise_items(items, id_column: str, text_column: str) -> pd.DataFrame:
    """The items as a table with ``item_id`` and ``text`` (and any other column given)."""
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


def normalise_choices(choices) -> list[tuple[str, str]]:
    """The choices as (label shown, value saved) pairs."""
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


def normalise_write_in_for(write_in_for, write_in, values) -> tuple[str, ...] | None:
    """The choices' ``values`` after which a write-in box is asked for, as a
    tuple (None: after every tag); ValueError in plain words if there is no
    box (``write_in``) or a value is not a choice's."""
    if write_in_for is None:
        return None
    chosen = (str(write_in_for),) if isinstance(write_in_for, str) else tuple(str(v) for v in write_in_for)
    if not write_in or not chosen or set(chosen) - set(values):
        raise ValueError("write_in_for needs write_in= and names the choices' values after which the "
                         f"box is asked for, among: {', '.join(values)}.")
    return chosen


def highlights(items: pd.DataFrame) -> dict[str, str]:
    """The highlighted words of each item that has some (``highlight`` column)."""
    if "highlight" not in items.columns:
        return {}
    return {i: h for i, h in zip(items["item_id"], items["highlight"]) if isinstance(h, str) and h}


def normalise_key(key) -> dict[str, tuple[str, str]]:
    """The answer key as ``{item_id: (label, rationale)}``."""
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


def key_answers(key) -> dict[str, str]:
    """The key's optional ``answer`` column (write-in answers) by item id."""
    if isinstance(key, pd.DataFrame) and "answer" in key.columns:
        id_col = "item_id" if "item_id" in key.columns else "sentence_id"
        return {str(i): str(a) for i, a in zip(key[id_col], key["answer"].fillna("")) if str(a).strip()}
    if isinstance(key, Mapping):
        return {str(i): str(v[2]) for i, v in key.items() if isinstance(v, (tuple, list)) and len(v) > 2}
    return {}


def key_table(key: dict, item_ids) -> pd.DataFrame:
    """The key as a table: ``item_id``, ``label``, ``rationale``, in item order."""
    rows = [(i, *key[i]) for i in item_ids if i in key]
    return pd.DataFrame(rows, columns=["item_id", "label", "rationale"])


# ---------------------------------------------------------------- comparing

def defended(label: str, rationale: str, choices: list[tuple[str, str]]) -> list[str]:
    """The choices' values a key entry accepts besides its own ``label``: for
    a ``contested`` label, each choice whose side the rationale argues
    (``Loaded: ...``, ``Neutral: ...``), in the order of the choices."""
    if label != CONTESTED:
        return []
    sides = []
    for shown, value in choices:
        if value == CONTESTED:
            continue
        names = {value, shown}
        if any(re.search(rf"(?<!\w){re.escape(n[:1].upper() + n[1:])}:", rationale) for n in names if n):
            sides.append(value)
    return sides


def text_result(answer: str, written: str, mode: str) -> str:
    """How a write-in compares with the key's ``answer`` (``mode``: "match",
    "name": a speaker's name, :func:`name_result`, or "model")."""
    if not written:
        return "not written"
    if mode == "model":
        return "model shown" if answer else "no key"
    if not answer:
        return "no key"
    if mode == "name":
        return name_result(answer, written)
    accepted = {normalise_answer(a) for a in answer.split("|")}
    return "match" if normalise_answer(written) in accepted else "differs"


def asks_write_in(tag: str | None, write_in_for) -> bool:
    """Whether an item tagged ``tag`` (None: untagged) asks for its write-in
    box: always when ``write_in_for`` is None, else when the tag is one of
    its values."""
    return write_in_for is None or tag in write_in_for


def name_result(answer: str, written: str) -> str:
    """How a typed name of a speaker compares with the key's accepted
    wordings (``answer``, separated by ``|``): "match", "close" or "differs",
    ignoring case, punctuation and a leading "a", "an" or "the".

    Only a wording in the list is a match, so a name the key does not list
    (TASS for a sentence whose first speaker is the police) never is.  Two
    ways of writing it are forgiven: a description after a comma or in
    brackets ("Samal, a teacher", "officials (not named)"), and alternatives
    that are all accepted ("no one / the writer").  "close": an accepted
    wording is among the words typed, or the words typed are part of one
    ("a spokesman" for "a spokesman for the city's police department")."""
    def words(text):  # compared without a leading "a", "an" or "the", and without possessive s
        plain = re.sub(r"^(?:a|an|the) ", "", normalise_answer(text))
        return re.sub(r"(\w) s\b", r"\1", plain)  # "russia s" (from "Russia's"): "russia"

    accepted = {words(a) for a in answer.split("|")} - {""}
    alternatives = [re.split(r"[,(]", part)[0] for part in re.split(r"/|\bor\b", written)]
    alternatives = [words(a) for a in alternatives if words(a)]
    if words(written) in accepted or (alternatives and all(a in accepted for a in alternatives)):
        return "match"
    mine = f" {words(written)} "
    # an accepted wording with other accepted wordings' words around it, in any order ("police
    # spokeswoman Sultanat Azirbek"): the same speaker, described as the key describes them
    known = {w for a in accepted for w in a.split()} | {"of", "for", "the", "a", "an", "on"}
    if any(f" {a} " in mine for a in accepted) and set(mine.split()) <= known:
        return "match"
    if any(f" {a} " in mine for a in accepted) or (
            len(mine.strip()) > 3 and any(mine in f" {a} " for a in accepted)):
        return "close"
    return "differs"


def feedback_table(item_ids, tags: dict, key: dict, choices, *, texts: dict | None = None,
                   answers: dict | None = None, mode: str = "match", write_in_for=None) -> pd.DataFrame:
    """One row per item: ``item_id``, ``your_tag``, ``key`` (labels as
    shown), ``result`` (``match``, ``accepted``: a side of a contested item
    that the key defends, ``differs``, ``not tagged`` or ``no key``) and
    ``rationale``.  With ``texts`` (write-in boxes), also ``your_text``,
    ``answer``, ``text_result`` and ``asked`` (whether the item's tag asks
    for the box, see ``write_in_for``: values of the choices; None, every
    item).  An empty box that is not asked for has the text result
    ``not asked``."""
    labels = {value: shown for shown, value in choices}
    rows = []
    for item_id in item_ids:
        mine = tags.get(item_id)
        key_value, rationale = key.get(item_id, (None, ""))
        sides = defended(key_value, rationale, choices) if key_value else []
        if key_value is None:
            result = "no key"
        elif mine is None:
            result = NOT_TAGGED
        elif mine == key_value:
            result = "match"
        elif mine in sides:
            result = "accepted"
        else:
            result = "differs"
        rows.append({
            "item_id": item_id,
            "your_tag": labels.get(mine, "") if mine else "",
            "key": labels.get(key_value, "") if key_value else "",
            "result": result,
            "rationale": rationale,
        })
        if texts is not None:
            written = texts.get(item_id, "")
            answer = (answers or {}).get(item_id, "")
            asked = asks_write_in(mine, write_in_for)
            outcome = NOT_ASKED if mine is not None and not (asked or written) else text_result(answer, written, mode)
            rows[-1].update(your_text=written, answer=answer, text_result=outcome, asked=asked)
    columns = ["item_id", "your_tag", "key", "result", "rationale"]
    if texts is not None:
        columns += ["your_text", "answer", "text_result", "asked"]
    return pd.DataFrame(rows, columns=columns)


def score(table: pd.DataFrame, tags: dict, key: dict, texts_counted: bool = False) -> dict:
    """Counts and agreement with the key, from :func:`feedback_table`'s table.

    ``items``, ``tagged``, ``match`` (same tag as the key), ``accepted``
    (contested items tagged with a side the key defends), ``differs``,
    ``not_tagged``, ``percent_match`` (match and accepted, of the tagged
    items that have a key), ``kappa`` (Cohen's kappa between the student and
    the key over those items, an accepted tag counting as the key's; ``None``
    when undefined) and ``kappa_note``.  With ``texts_counted``, also
    ``written`` (boxes with text), ``text_match``, ``asked`` (boxes asked
    for: every item, or with ``write_in_for`` the items tagged with one of
    its values) and ``missing`` (asked for and empty).
    """
    counts = table["result"].value_counts()
    match, accepted = int(counts.get("match", 0)), int(counts.get("accepted", 0))
    differs = int(counts.get("differs", 0))
    compared = match + accepted + differs
    kappa, note = None, ""
    if compared < 2:
        note = "Tag at least two items to measure agreement."
    else:
        data = []
        for item_id, result in zip(table["item_id"], table["result"]):
            if result in (*AGREE, "differs"):
                data.append(("student", item_id, tags[item_id]))
                data.append(("key", item_id, tags[item_id] if result == "accepted" else key[item_id][0]))
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
        "tagged": len(tags),
        "match": match,
        "accepted": accepted,
        "differs": differs,
        "not_tagged": int(counts.get(NOT_TAGGED, 0)),
        "percent_match": round(100 * (match + accepted) / compared, 1) if compared else None,
        "kappa": kappa,
        "kappa_note": note,
    }
    if texts_counted:
        text_counts = table["text_result"].value_counts()
        result["written"] = int((table["your_text"] != "").sum())
        result["text_match"] = int(text_counts.get("match", 0))
        asked = table["asked"] if "asked" in table.columns else pd.Series(True, index=table.index)
        result["asked"] = int(asked.sum())
        result["missing"] = int((asked & (table["your_text"] == "")).sum())
    return result


def check_key(key: dict, item_ids, values) -> None:
    """ValueError in plain words if the key names items not in the list or
    uses tags that are not among the choices' ``values``."""
    unknown = sorted(set(key) - set(item_ids))
    if unknown:
        raise ValueError(f"The answer key has items that are not in the list: {', '.join(unknown)}.")
    bad = sorted({label for label, _ in key.values()} - set(values))
    if bad:
        raise ValueError(f"The answer key uses tags that are not among the choices: {', '.join(bad)}.")

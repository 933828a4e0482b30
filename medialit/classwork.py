"""Collect a class's saved tags and measure agreement.

Every Tagger saves a student's work as ``my_work/<activity>.json`` (the
format is :mod:`medialit.savedwork`'s).  An instructor collects those files, one folder or
one zip file per student, for example::

    class_tags/
        amira/my_work/voice_01.json      # a folder per student
        ben.zip                          # or the my_work.zip lesson 00 makes
        chen/voice_01.json

and then::

    from medialit.classwork import collect, class_agreement
    tags, problems = collect("class_tags")
    report = class_agreement(tags, "voice_01")
    report.items          # per item: how many tagged, the class's choice, agreement
    report.alpha          # Krippendorff's alpha between the students
    report.hardest(5)     # the items the class found hardest

The student's name is the first folder (or the zip file's name) under the
class folder.  A file that cannot be read is listed in ``problems`` and
skipped; it is never changed.  The same is available from the command line:
``python scripts/class_agreement.py class_tags voice_01``.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from nltk.metrics.agreement import AnnotationTask

from . import savedwork
from .corpus import load_key

__all__ = ["collect", "class_agreement", "alpha_meaning", "ClassAgreement"]

TAG_COLUMNS = ["student", "activity", "item_id", "tag", "file"]


def _rows_from_state(state, student: str, where: str) -> list[dict]:
    state = savedwork.check_state(state)
    # a tag is a choice's value, a piece of text: lists, numbers or true/false are not choices
    return [{"student": student, "activity": state["tagger"], "item_id": str(item), "tag": tag, "file": where}
            for item, tag in state["tags"].items() if isinstance(tag, str) and tag.strip()]


def _student_of(path: Path, root: Path) -> str:
    relative = path.relative_to(root)
    return relative.parts[0] if len(relative.parts) > 1 else path.stem


def collect(folder) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Read every saved tag file under ``folder`` (and inside its zip files).

    Returns ``(tags, problems)``: ``tags`` has one row per student, activity
    and item (``student``, ``activity``, ``item_id``, ``tag``, ``file``);
    ``problems`` lists the files that were skipped and why.  Copies made by
    "Start again" (``*.before-reset.json``) and set-aside files
    (``*.kept-*.json``) are not counted.
    """
    root = Path(folder)
    if not root.is_dir():
        raise ValueError(f"There is no folder {root}: give the folder that holds the students' files.")
    rows, problems = [], []

    for path in sorted(root.rglob("*")):
        if path.is_file() and savedwork.counts_as_work(path.name):
            where = str(path.relative_to(root))
            try:
                found = _rows_from_state(savedwork.decode(path.read_bytes()), _student_of(path, root), where)
                if len(path.relative_to(root).parts) == 1:
                    raise ValueError("not inside a student's folder or zip file, so whose work it is is not "
                                     "known: put it in a folder named after the student")
                rows += found
            except (*savedwork.UNREADABLE, ValueError) as problem:
                problems.append({"file": where, "problem": savedwork.problem_in_words(problem)})
        elif path.is_file() and path.suffix.lower() == ".zip":
            student = _student_of(path, root)
            try:
                with zipfile.ZipFile(path) as archive:
                    for name in sorted(archive.namelist()):
                        if not savedwork.counts_as_work(name):
                            continue
                        where = f"{path.relative_to(root)}:{name}"
                        try:
                            state = savedwork.decode(archive.read(name))
                            rows += _rows_from_state(state, student, where)
                        except (*savedwork.UNREADABLE, ValueError) as problem:
                            problems.append({"file": where, "problem": savedwork.problem_in_words(problem)})
            except (zipfile.BadZipFile, OSError, EOFError) as problem:
                problems.append({"file": str(path.relative_to(root)),
                                 "problem": "not a readable zip file" if not isinstance(problem, OSError)
                                 else savedwork.problem_in_words(problem)})
    tags = pd.DataFrame(rows, columns=TAG_COLUMNS)
    # one answer per student, activity and item: the last file read wins
    tags = tags.drop_duplicates(["student", "activity", "item_id"], keep="last").reset_index(drop=True)
    return tags, pd.DataFrame(problems, columns=["file", "problem"])


def alpha_meaning(alpha: float) -> str:
    """Words for Krippendorff's alpha, after Krippendorff's own guideline
    (K. Krippendorff, *Content Analysis*, 2nd ed., 2004, p. 241): rely on
    data with alpha >= 0.800; 0.667-0.800 allows only tentative conclusions."""
    if alpha >= 0.8:
        return "the class tags reliably alike"
    if alpha >= 0.667:
        return "fair agreement, enough only for tentative conclusions"
    return "too little agreement to rely on: discuss the items the class split on"


@dataclass
class ClassAgreement:
    """What :func:`class_agreement` finds.  ``items`` is the per-item table,
    ``students`` the per-student table, ``alpha`` Krippendorff's alpha
    between students (None when undefined), ``summary`` a sentence."""

    activity: str
    items: pd.DataFrame
    students: pd.DataFrame
    alpha: float | None
    summary: str

    def hardest(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` items with the lowest agreement (with the key when
        there is one, else between students)."""
        column = "match_key" if self.items["match_key"].notna().any() else "agree_with_majority"
        return self.items.sort_values([column, "item_id"]).head(n)

    def _repr_html_(self) -> str:
        import html

        return (f"<p>{html.escape(self.summary)}</p>"
                + self.items.to_html(index=False, escape=True))

    def __repr__(self) -> str:
        return self.summary


def class_agreement(tags: pd.DataFrame, activity: str, key: pd.DataFrame | str | None = "auto") -> ClassAgreement:
    """Agreement on one activity: per item, per student, and overall.

    ``key`` is an answer-key table (``item_id``, ``label``), the name of a key
    in ``data/keys/``, ``"auto"`` (the key named like the activity, if there
    is one) or None.  Per item: how many students tagged it, the most common
    tag and its share (``agree_with_majority``), and the share matching the
    key (``match_key``).  ``alpha`` is Krippendorff's alpha between the
    students (NLTK's ``AnnotationTask.alpha``), which allows for missing tags.
    """
    chosen = tags[tags["activity"] == activity]
    if chosen.empty:
        found = ", ".join(sorted(tags["activity"].unique())) or "none"
        raise ValueError(f"No saved tags for the activity '{activity}'. Activities found: {found}.")
    if isinstance(key, str):
        try:
            key = load_key(activity if key == "auto" else key)
        except ValueError:
            if key != "auto":
                raise
            key = None
    key_labels = {} if key is None else dict(zip(key["item_id"].astype(str), key["label"].astype(str)))
    rows = []
    for item_id, group in chosen.groupby("item_id", sort=True):
        counts = group["tag"].value_counts()
        top = sorted(counts[counts == counts.max()].index)[0]
        expected = key_labels.get(item_id)
        rows.append({
            "item_id": item_id,
            "students": len(group),
            "class_choice": top,
            "agree_with_majority": round(counts.max() / len(group), 3),
            "key": expected,
            "match_key": round(float((group["tag"] == expected).mean()), 3) if expected else None,
        })
    items = pd.DataFrame(rows)
    students = (chosen.assign(match=[key_labels.get(i) == t if i in key_labels else None
                                     for i, t in zip(chosen["item_id"], chosen["tag"])])
                .groupby("student", sort=True)
                .agg(tagged=("item_id", "size"), match_key=("match", lambda m: m.dropna().mean()))
                .reset_index())
    alpha = None
    data = [(s, i, t) for s, i, t in zip(chosen["student"], chosen["item_id"], chosen["tag"])]
    n_students = chosen["student"].nunique()
    if n_students >= 2 and chosen["tag"].nunique() >= 2:
        alpha = round(AnnotationTask(data=data).alpha(), 3)
    summary = (f"{n_students} student(s) tagged '{activity}' ({len(items)} items). ")
    if alpha is None:
        summary += "Krippendorff's alpha is undefined (it needs two students and two different tags)."
    else:
        summary += f"Krippendorff's alpha between students = {alpha:.2f}: {alpha_meaning(alpha)}."
    keyed = chosen[chosen["item_id"].isin(key_labels)]
    if len(keyed):
        # over the items that have a key, as the per-item and per-student figures are
        share = float((keyed["tag"] == keyed["item_id"].map(key_labels)).mean())
        which = "all tags" if len(keyed) == len(chosen) else "the tags on items with a key"
        summary += f" {100 * share:.0f}% of {which} match the key."
    return ClassAgreement(activity, items, students, alpha, summary)

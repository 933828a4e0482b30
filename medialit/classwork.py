"""What a class did: agreement on each tagging activity, and the class's
self-check answers.

An instructor collects the students' saved work in one class folder, one
folder or one zip file per student (reading it is :mod:`medialit.classfolder`'s;
its :func:`collect`, :func:`collect_answers`, :func:`name_warnings` and
:func:`duplicate_warnings` are offered here too), and then::

    from medialit.classwork import collect, class_agreement
    tags, problems = collect("class_tags")
    report = class_agreement(tags, "voice_01")
    report.items          # per item: how many tagged, the class's choice, agreement
    report.alpha          # Krippendorff's alpha between the students
    report.hardest(5)     # the items the class found hardest (report.tied(5): those left out at the same agreement)
    report.contested()    # the contested items: no share matching the key, the sides the class chose
    report.weak           # write-ins to follow up (filler, or a loaded label), and who typed them

The self-check answers the students' ``check(...)`` cells recorded
(``my_work/answers.json``, see :mod:`medialit.answers`) come with them::

    from medialit.classwork import collect_answers, answers_table, answers_by_student
    found, problems = collect_answers("class_tags")
    everyone = sorted(set(tags["student"]) | set(found["student"]))   # the class
    answers_table(found, everyone)       # per question: answered (of the class), right, the spread, who has not
    answers_by_student(found, everyone)  # per student: the letter or answer given to each question, or "—"

Questions come in lesson order (:func:`question_order`): per lesson, the
exercises (judgement track, then data track, by number), then the
predictions, then the exit ticket.  The same is available from the command
line: ``python scripts/class_agreement.py class_tags voice_01``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd
from nltk.metrics.agreement import AnnotationTask

from . import tagscoring
from .classfolder import collect, collect_answers, duplicate_warnings, name_warnings
from .corpus import load_key

__all__ = ["collect", "collect_answers", "answers_table", "answers_by_student", "question_order", "one_line",
           "class_agreement", "alpha_meaning", "weak_write_in", "name_warnings", "duplicate_warnings", "shorten",
           "ClassAgreement", "CONTESTED_NOTE", "READING_NOTE"]

#: how long the key's reason is in the one-line :meth:`ClassAgreement.explain`
#: (the per-item table keeps the sentence and the reason in full)
REASON_CHARS = 110


def _kind(question: str) -> str:
    from .selfcheck import is_prediction

    if is_prediction(question):
        return "prediction"
    return "exit ticket" if question.split(".")[-1].startswith("E") else "exercise"


#: the order of a lesson's questions in the class report: the exercises
#: notebook's judgement track (J1, J2, ...) and data track (1, 2, ...), then
#: the lesson's predictions and its other questions (M, P, T), the exit
#: ticket (E1-E3) last; so lesson 03 reads 03.J1-J4, 03.1-03.5, 03.T, 03.E1-E3
_GROUPS = {"J": 0, "": 1, "M": 2, "P": 2, "T": 2, "E": 3}


def question_order(question: str) -> tuple:
    """A sort key putting self-check questions in the order the class report
    lists them: by lesson, then as :data:`_GROUPS` says (exercises by
    number, then the predictions, then the exit ticket), numbers by value
    (``03.2`` before ``03.10``).  An id of another form comes last, by name."""
    match = re.fullmatch(r"(\d+)\.([A-Z]*)(\d*)", str(question))
    if not match or match.group(2) not in _GROUPS:
        return (1, 0, 0, "", 0, str(question))
    lesson, letters, number = match.groups()
    return (0, int(lesson), _GROUPS[letters], letters, int(number or 0), "")


def one_line(text) -> str:
    """``text`` on one line, each line break shown as "\u23ce" (a write-in
    typed over two lines stays readable in a one-line report)."""
    return re.sub(r"\r\n|\r|\n", "\u23ce", str(text))


def _written(answer) -> str:
    """An answer as the student wrote it, on one line, outer spaces removed."""
    text = answer if isinstance(answer, str) else repr(answer)
    return re.sub(r"[ \t]+", " ", one_line(text.strip())) or "(empty)"


def _as_choice(question: str, answer) -> str:
    """What a student chose: the letter of a multiple-choice question
    ("B) because ..." -> "b"), else the answer as written, on one line."""
    from .selfcheck import QUESTIONS
    from .selfcheck.choices import letter

    options = getattr(QUESTIONS.get(question), "options", None)
    if options and isinstance(answer, str):
        given = letter(answer, sorted(options))
        if given in options:
            return given
    return _written(answer)


def _spread(question: str, given) -> str:
    """``"b 5 · a 2"``: what the class chose, most chosen first.  Written
    answers that differ only in capitals count as one, shown as most
    students wrote it; an answer with a comma (or the separator) is quoted."""
    forms: dict[str, list[str]] = {}
    for answer in given:
        choice = _as_choice(question, answer)
        forms.setdefault(choice.casefold(), []).append(choice)
    counted = []
    for written in forms.values():
        shown = min(set(written), key=lambda form: (-written.count(form), form))
        if any(mark in shown for mark in (",", "\u00b7", '"')):
            shown = '"' + shorten(shown, 40).replace('"', "'") + '"'
        else:
            shown = shorten(shown, 40)
        counted.append((shown, len(written)))
    return " \u00b7 ".join(f"{choice} {number}" for choice, number in
                           sorted(counted, key=lambda pair: (-pair[1], pair[0])))


def _class(answers_found: pd.DataFrame, students) -> list[str]:
    """The class: ``students`` given (everyone in the class folder), with anyone who answered."""
    return sorted(set(students if students is not None else []) | set(answers_found["student"]))


def answers_table(answers_found: pd.DataFrame, students=None) -> pd.DataFrame:
    """The class's self-checks, one row per question in the order of
    :func:`question_order`: its ``kind`` (exercise, prediction or exit
    ticket), how many students ``answered`` it ``of`` the class, how many
    were ``right`` (for a prediction: matched the sources), for predictions,
    exit tickets and other multiple-choice questions the ``spread`` of what
    they chose (``"b 5 · a 2"``, most chosen first, answers in their own
    capitals), and ``no_answer``: who in the class has not answered it.

    ``students`` is the class (for example everyone with work in the class
    folder: :func:`collect`'s and :func:`collect_answers`' students); by
    default, the students who answered anything."""
    from .selfcheck import QUESTIONS

    everyone = _class(answers_found, students)
    rows = []
    for question in sorted(answers_found["question"].unique(), key=question_order):
        group = answers_found[answers_found["question"] == question]
        multiple = hasattr(QUESTIONS.get(question), "options")
        spread = _spread(question, group["answer"]) if multiple or _kind(question) != "exercise" else ""
        answered = set(group["student"])
        rows.append({"question": question, "kind": _kind(question), "answered": len(answered),
                     "of": len(everyone), "right": int((group["status"] == "correct").sum()), "spread": spread,
                     "no_answer": ", ".join(s for s in everyone if s not in answered)})
    return pd.DataFrame(rows, columns=["question", "kind", "answered", "of", "right", "spread", "no_answer"])


#: a question a student has not answered, in :func:`answers_by_student`
NO_ANSWER = "\u2014"


def answers_by_student(answers_found: pd.DataFrame, students=None) -> pd.DataFrame:
    """The class's self-checks per student: one row per student of the
    class (``students``, as in :func:`answers_table`), one column per
    question in the order of :func:`question_order`; each cell is what the
    student chose (the letter of a multiple-choice question, else the
    answer as written, on one line) or "\u2014" (:data:`NO_ANSWER`)."""
    everyone = _class(answers_found, students)
    questions = sorted(answers_found["question"].unique(), key=question_order)
    given = {(s, q): _as_choice(q, a) for s, q, a in
             zip(answers_found["student"], answers_found["question"], answers_found["answer"])}
    return pd.DataFrame([{"student": student, **{q: given.get((student, q), NO_ANSWER) for q in questions}}
                         for student in everyone], columns=["student", *questions])


def shorten(text, limit: int) -> str:
    """``text`` on one line, cut at a word before ``limit`` characters with "…"."""
    text = " ".join(str(text or "").split())
    if len(text) <= limit:
        return text
    cut = text[:limit - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return cut + "…"


#: what the report says for a contested item instead of its share matching the key
CONTESTED_NOTE = "contested: every side with a reason counts"

#: the note beside alpha and the share of tags matching the key, where both are given
READING_NOTE = ("Reading both: alpha measures how far the students agree with each other (corrected for chance), "
                "the % how far their tags agree with the key (as their Check counted); most tags can match the key "
                "while the students still split on a few items: those are the ones to discuss.")

#: a write-in that says nothing a reader can use: "idk", "no idea", "?", "-", "..."
_FILLER = re.compile(r"(?:i\s*d\s*k|i\s*don['’]?t\s+know|don['’]?t\s+know|dunno|no\s+idea|not\s+sure|n\s*/\s*a|"
                     r"pass|[^\w]*)[^\w]*", re.I)


def weak_write_in(written, highlighted: str | None = None, answer: str = "", keep_word: bool = False) -> str:
    """Why a student's write-in needs a follow-up, or "" if it does not:
    ``"filler"`` (nothing a reader can use: "idk", "no idea", "?", "-", one
    or two letters, but not an abbreviation in capitals such as "UN") or ``"a loaded label: “thugs”"``, when
    :func:`medialit.tagfeedback.write_in_notes` has a note on it (the notes
    the student's Check gave: a label of the course lexicon, or the
    highlighted words repeated; ``highlighted``, ``answer`` and
    ``keep_word`` as there).

    >>> weak_write_in("idk"), weak_write_in("thugs", "attackers"), weak_write_in("people", "attackers")
    ('filler', 'a loaded label: “thugs”', '')
    """
    from .tagfeedback import write_in_notes

    text = str(written or "").strip()
    letters = re.sub(r"[\W\d_]+", "", text)
    if not text:
        return ""
    # one or two letters, unless written as an abbreviation ("UN", "EU") or a number
    if _FILLER.fullmatch(text) or (len(letters) <= 2 and not re.fullmatch(r"[A-Z]{2}", letters)
                                   and not re.search(r"\d", text)):
        return "filler"
    notes = write_in_notes(text, highlighted, answer, keep_word=keep_word)
    if notes:
        label = re.match(r"“([^”]*)”", notes[0])
        return f"a loaded label: “{label.group(1) if label else text}”"
    return ""


def _follow_up(weak: pd.DataFrame) -> str:
    """One item's weak write-ins on one line, naming who typed each:
    ``"Ben typed “idk” (filler); Amira, Li typed “thugs” (a loaded label: “thugs”)"``."""
    lines = []
    for (written, why), group in weak.groupby(["write_in", "why"], sort=False):
        lines.append(f"{', '.join(sorted(group['student']))} typed “{one_line(written.strip())}” ({why})")
    return "; ".join(lines)


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
    """What :func:`class_agreement` finds.  ``items`` is the per-item table
    (in the order of the answer key, the lesson's order), ``students`` the
    per-student table, ``alpha`` Krippendorff's alpha between students (None
    when undefined), ``summary`` a sentence, ``weak`` the write-ins to follow
    up (student, item_id, write_in, why: see :func:`weak_write_in`)."""

    activity: str
    items: pd.DataFrame
    students: pd.DataFrame
    alpha: float | None
    summary: str
    weak: pd.DataFrame | None = None

    def _ranked(self) -> pd.DataFrame:
        column = "match_key" if self.items["match_key"].notna().any() else "agree_with_majority"
        hard = self.items[self.items[column].notna() & (self.items[column] < 1)]
        return hard.sort_values(column, kind="stable").assign(_value=hard[column])

    def hardest(self, n: int = 5) -> pd.DataFrame:
        """The ``n`` items with the lowest agreement with the key, counted as
        the Tagger counts it (``match_key``), or between students when there
        is no key; items at the same agreement in the order of the answer key
        (the lesson's order; see :meth:`tied` for those left out).  Items
        everyone got right (or everyone agreed on) and contested items (no
        ``match_key``: every side with a reason counts) are never listed."""
        return self._ranked().head(n).drop(columns="_value")

    def tied(self, n: int = 5) -> list[str]:
        """The items left out of :meth:`hardest` ``(n)`` at the same agreement
        as the last one listed (``[]`` when there are none)."""
        ranked = self._ranked()
        if len(ranked) <= n:
            return []
        last = ranked["_value"].iloc[n - 1]
        return ranked.iloc[n:].loc[lambda rest: rest["_value"] == last, "item_id"].tolist()

    def contested(self) -> pd.DataFrame:
        """The contested items (the key's label ``contested``), in the key's order."""
        return self.items[self.items["key"] == tagscoring.CONTESTED]

    def table(self) -> pd.DataFrame:
        """The per-item table to read: ``match_key`` with three decimals, and
        for a contested item :data:`CONTESTED_NOTE` instead of a share."""
        return self.items.assign(match_key=[
            CONTESTED_NOTE if key == tagscoring.CONTESTED else ("" if pd.isna(m) else f"{m:.3f}")
            for key, m in zip(self.items["key"], self.items["match_key"])])

    def explain(self, item_id: str) -> str:
        """One item on one line: what the class chose and what the key says, and
        why (the reason shortened), what students typed (a line break
        shown as "\u23ce") and who typed a write-in to follow up (see
        :func:`weak_write_in`).  For a contested item: the sides the class
        chose, and :data:`CONTESTED_NOTE`."""
        row = self.items.set_index("item_id").loc[str(item_id)]
        contested = row["key"] == tagscoring.CONTESTED
        line = f"{item_id}: {'sides chosen ' if contested else ''}{row['choices']} (of {row['students']})"
        if row["key"]:
            line += f"; key: {CONTESTED_NOTE if contested else row['key']}."
            if row["key_reason"]:
                reason = shorten(row["key_reason"], REASON_CHARS)
                line += f" Why: {reason}{'' if reason[-1] in '.!?…' else '.'}"
        else:
            line += "."
        if row["write_ins"]:
            line += f" Typed: {one_line(row['write_ins'])}"
        if row["follow_up"]:
            line += f"; follow up: {row['follow_up']}"
        return line

    def _repr_html_(self) -> str:
        import html

        return (f"<p>{html.escape(self.summary)}</p>"
                + self.table().to_html(index=False, escape=True))

    def __repr__(self) -> str:
        return self.summary


def class_agreement(tags: pd.DataFrame, activity: str, key: pd.DataFrame | str | None = "auto") -> ClassAgreement:
    """Agreement on one activity: per item, per student, and overall.

    ``key`` is an answer-key table (``item_id``, ``label``), the name of a key
    in ``data/keys/``, ``"auto"`` (the key named like the activity, if there
    is one) or None.  Per item: how many students tagged it, the most common
    tag and its share (``agree_with_majority``), and the share matching the
    key as the Tagger counts it (``match_key``: a tag that is the key's label,
    or a side of a ``contested`` item that the key's rationale defends, as in
    :func:`medialit.tagscoring.defended`; ``accepted`` counts the latter).
    Also: the sentence and the key's reason (in full), the
    ``choices`` made (``"news agency 2 · government official 1"``), the
    ``class_choice`` (``"split"`` on a tie) and the ``write_ins`` students
    typed.  ``alpha`` is Krippendorff's alpha between the
    students (NLTK's ``AnnotationTask.alpha``), which allows for missing tags.
    """
    chosen = tags[tags["activity"] == activity]
    if chosen.empty:
        found = ", ".join(sorted(tags["activity"].unique())) or "none"
        raise ValueError(f"No saved tags for the activity '{activity}'. Activities found: {found}.")
    if "text" not in chosen.columns:
        chosen = chosen.assign(text="")
    if isinstance(key, str):
        try:
            key = load_key(activity if key == "auto" else key)
        except ValueError:
            if key != "auto":
                raise
            key = None
    key_entries = {} if key is None else tagscoring.normalise_key(key)
    key_labels = {item: label for item, (label, _) in key_entries.items()}
    columns = {}    # the key's sentence, highlighted words and model answer per item, where it has them
    if key is not None:
        id_column = "item_id" if "item_id" in key.columns else "sentence_id"
        columns = {c: dict(zip(key[id_column].astype(str), key[c].fillna("").astype(str)))
                   for c in ("sentence", "highlight", "answer") if c in key.columns}
    # the choices as the Tagger knows them (label shown = value saved): every tag used and every key label
    values = sorted(set(chosen["tag"]) | set(key_labels.values()))
    choices = [(value, value) for value in values]
    # each student's result per item, exactly as the Tagger's Check gives it
    results = {}
    for student, own in chosen.groupby("student", sort=True):
        tags = dict(zip(own["item_id"], own["tag"]))
        table = tagscoring.feedback_table(list(tags), tags, key_entries, choices)
        results.update({(student, i): r for i, r in zip(table["item_id"], table["result"])})
    chosen = chosen.assign(result=[results[(s, i)] for s, i in zip(chosen["student"], chosen["item_id"])])
    # the write-ins to follow up, with who typed them (keep_word: a contested item's other side keeps the word)
    weak = []
    for student, item_id, tag, text in zip(chosen["student"], chosen["item_id"], chosen["tag"], chosen["text"]):
        label, reason = key_entries.get(item_id, (None, ""))
        keep = tag in tagscoring.defended(label, reason, choices)[1:] if label else False
        why = weak_write_in(text, columns.get("highlight", {}).get(item_id) or None,
                            columns.get("answer", {}).get(item_id, ""), keep_word=keep) if isinstance(text, str) else ""
        if why:
            weak.append({"student": student, "item_id": item_id, "write_in": text, "why": why})
    weak = pd.DataFrame(weak, columns=["student", "item_id", "write_in", "why"])
    # items in the order of the answer key (the lesson's), then any others by id
    position = {item: number for number, item in enumerate(key_entries)}
    rows = []
    for item_id, group in sorted(chosen.groupby("item_id", sort=True),
                                 key=lambda pair: (position.get(pair[0], len(position)), pair[0])):
        counts = group["tag"].value_counts()
        tops = sorted(counts[counts == counts.max()].index)
        ordered = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
        typed = group.loc[group["text"].fillna("") != "", "text"].value_counts()
        expected, reason = key_entries.get(item_id, (None, ""))
        keyed = group["result"].isin(tagscoring.AGREE)
        rows.append({
            "item_id": item_id,
            "sentence": columns.get("sentence", {}).get(item_id, ""),
            "students": len(group),
            "choices": " \u00b7 ".join(f"{tag} {number}" for tag, number in ordered),
            "class_choice": tops[0] if len(tops) == 1 else "split",
            "agree_with_majority": round(counts.max() / len(group), 3),
            "key": expected,
            "accepted": int((group["result"] == "accepted").sum()) if expected else 0,
            # a contested item has no share matching the key: every side with a reason counts
            "match_key": round(float(keyed.mean()), 3) if expected and expected != tagscoring.CONTESTED else None,
            "key_reason": reason if expected else "",
            "write_ins": " \u00b7 ".join(f"{text} \u00d7{number}" if number > 1 else text
                                        for text, number in sorted(dict(typed).items(),
                                                                   key=lambda pair: (-pair[1], pair[0]))),
            "follow_up": _follow_up(weak[weak["item_id"] == item_id]),
        })
    items = pd.DataFrame(rows)
    students = (chosen.assign(match=[r in tagscoring.AGREE if r != "no key" else None for r in chosen["result"]])
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
        share = float(keyed["result"].isin(tagscoring.AGREE).mean())
        which = "all tags" if len(keyed) == len(chosen) else "the tags on items with a key"
        summary += f" {100 * share:.0f}% of {which} match the key."
        if alpha is not None:
            summary += " " + READING_NOTE
    return ClassAgreement(activity, items, students, alpha, summary, weak)

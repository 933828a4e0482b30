"""How a class tagged one activity: per-item agreement, Krippendorff's alpha,
and the items the class found hardest; and how the class answered the
self-checks.

    python scripts/class_agreement.py FOLDER [ACTIVITY] [--hardest N] [--csv OUT.csv]

FOLDER holds the students' saved files: one folder or one zip file per
student, named after the student (pack_work(name="...") in the lessons'
"Hand in your work" cell writes <name>.zip).  Without ACTIVITY, every
activity found is reported.  Items are scored as the students' Check button
scored them: a side of a contested item that the key defends counts as
agreeing (column "accepted"), and a contested item has no match_key share:
the table says "contested: every side with a reason counts", and a section
lists each contested item with the sides the class chose.  For the hardest
items (lowest agreement first; at the same agreement in the lesson's order,
with "... and N more at the same agreement: ..." for those left out), one
line each says what the class chose, the key and its reason, what students
typed and who typed a write-in to follow up; then "Write-ins to follow up"
lists, per student, each write-in that is filler ("idk", "?", one or two
letters) or a loaded label of the course lexicon.  Beside alpha and the
share of tags matching the key, a note says what each measures.
Without ACTIVITY, the self-check answers the students' check(...) cells
recorded (my_work/answers.json in each pack) are reported too, one row per
question in lesson order (per lesson: exercises by number, then the
predictions, then the exit ticket E1-E3): how many of the class answered
("2 of 3": the class is everyone with saved work in FOLDER), how many right
(for a prediction: matched the sources) and, for predictions, exit tickets
and other multiple-choice questions, the spread of what they chose
("b 5 · a 2"; written answers in their own capitals, quoted when they hold
a comma); then one line per question naming who has not answered it
("No answer to 03.E1: Li_Wei_10B"), and a per-student table (the letter or
answer each student gave to each question, "—" for none).
--csv writes the per-item tables (all activities, one column "activity")
to a CSV file, and beside it the self-check table (OUT-answers.csv, with
the column no_answer) and the per-student table (OUT-students.csv).  Files that cannot be read are listed and skipped, never
changed; names that look alike ("my_work", "my_work (1)") are warned about,
and so are hand-ins that hold identical work (the same files, byte for byte).
See medialit/classwork.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from medialit.classwork import (NO_ANSWER, answers_by_student, answers_table, class_agreement, collect,  # noqa: E402
                                collect_answers, duplicate_warnings, name_warnings, one_line, shorten)


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"give a whole number of items, 1 or more (not {text!r})")
    return number


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder")
    parser.add_argument("activity", nargs="?")
    parser.add_argument("--hardest", type=_positive, default=5, help="how many of the hardest items to list")
    parser.add_argument("--csv", metavar="OUT.csv", help="also write the per-item tables to this CSV file")
    args = parser.parse_args(argv)
    try:
        tags, problems = collect(args.folder)
        found, answer_problems = collect_answers(args.folder)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    problems = pd.concat([problems, answer_problems], ignore_index=True).drop_duplicates(ignore_index=True)
    pd.set_option("display.width", 120)
    if not problems.empty:
        print(f"Skipped {len(problems)} file(s) that could not be read:")
        print(problems.to_string(index=False), end="\n\n")
    activities = [args.activity] if args.activity else sorted(tags["activity"].unique())
    if not activities and found.empty:
        print("No saved tags or self-check answers found.")
        return 1
    for warning in name_warnings(set(tags["student"]) | set(found["student"])) + duplicate_warnings(args.folder):
        print(warning, end="\n\n")
    tables = []
    for activity in activities:
        try:
            report = class_agreement(tags, activity)
        except ValueError as problem:
            print(problem, file=sys.stderr)
            return 2
        tables.append(report.table().assign(activity=activity))
        print(f"== {activity} ==\n{report.summary}\n")
        print(report.table().drop(columns=["sentence", "key_reason", "write_ins", "follow_up"])
              .to_string(index=False), end="\n\n")
        hardest = report.hardest(args.hardest)
        print(f"Hardest {args.hardest} item(s) (lowest agreement first; at the same agreement, in the lesson's order):")
        if len(hardest) < args.hardest:
            print(f"  (only {len(hardest)} item(s) where not everyone agrees with the key, or with each other)")
        for item_id in hardest["item_id"]:
            print(" ", report.explain(item_id))
        tied = report.tied(args.hardest)
        if tied:
            print(f"  ... and {len(tied)} more at the same agreement: {', '.join(tied)}")
        print()
        if not report.contested().empty:
            print("Contested items (no single right answer; the sides the class chose, to discuss):")
            for item_id in report.contested()["item_id"]:
                print(" ", report.explain(item_id))
            print()
        if not report.weak.empty:
            print("Write-ins to follow up (filler, or a loaded label where a neutral word was asked for):")
            for (student, written, why), group in report.weak.groupby(["student", "write_in", "why"], sort=True):
                print(f"  {student}: “{one_line(written.strip())}” ({why}) on {', '.join(group['item_id'])}")
            print()
        print("Per student:")
        print(report.students.to_string(index=False), end="\n\n")
    checks = by_student = None
    if not args.activity and not found.empty:
        # the class: everyone with saved tags or answers in the class folder
        everyone = sorted(set(tags["student"]) | set(found["student"]))
        checks = answers_table(found, everyone)
        by_student = answers_by_student(found, everyone)
        print(f"== self-checks ==\n{len(everyone)} student(s) in the class folder; "
              f"{found['student'].nunique()} of them recorded answers to {len(checks)} question(s) "
              "(the answer each last checked counts).\n")
        shown = checks.assign(answered=[f"{n} of {m}" for n, m in zip(checks["answered"], checks["of"])])
        print(shown.drop(columns=["of", "no_answer"]).to_string(index=False), end="\n\n")
        for question, missing in zip(checks["question"], checks["no_answer"]):
            if missing:
                print(f"No answer to {question}: {missing}")
        print(f"\nPer student (the letter chosen, or the answer as written; {NO_ANSWER} no answer):")
        print(by_student.set_index("student").map(lambda cell: shorten(cell, 30)).reset_index()
              .to_string(index=False), end="\n\n")
    if args.csv:
        writes = []
        if tables:
            out = pd.concat(tables, ignore_index=True)
            writes.append((args.csv, out[["activity", *[c for c in out.columns if c != "activity"]]]))
        target = Path(args.csv)
        for part, table in [("answers", checks), ("students", by_student)]:
            if table is not None:
                writes.append((str(target.with_name(f"{target.stem}-{part}{target.suffix or '.csv'}")), table))
        for target, table in writes:
            try:
                table.to_csv(target, index=False)
            except OSError as problem:
                print(f"Could not write {target}: {problem.strerror or problem}.", file=sys.stderr)
                return 2
            print(f"Wrote {len(table)} row(s) to {target}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How a class tagged one activity: per-item agreement, Krippendorff's alpha,
and the items the class found hardest.

    python scripts/class_agreement.py FOLDER [ACTIVITY] [--hardest N]

FOLDER holds the students' saved files: one folder or one zip file (the
my_work.zip that lesson 00 makes) per student, named after the student.
Without ACTIVITY, every activity found is reported.  Files that cannot be
read are listed and skipped, never changed.  See medialit/classwork.py.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402

from medialit.classwork import class_agreement, collect  # noqa: E402


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
    args = parser.parse_args(argv)
    try:
        tags, problems = collect(args.folder)
    except ValueError as problem:
        print(problem, file=sys.stderr)
        return 2
    pd.set_option("display.width", 120)
    if not problems.empty:
        print(f"Skipped {len(problems)} file(s) that could not be read:")
        print(problems.to_string(index=False), end="\n\n")
    activities = [args.activity] if args.activity else sorted(tags["activity"].unique())
    if not activities:
        print("No saved tags found.")
        return 1
    for activity in activities:
        try:
            report = class_agreement(tags, activity)
        except ValueError as problem:
            print(problem, file=sys.stderr)
            return 2
        print(f"== {activity} ==\n{report.summary}\n")
        print(report.items.to_string(index=False), end="\n\n")
        print(f"Hardest {args.hardest} item(s):")
        print(report.hardest(args.hardest)[["item_id", "class_choice", "key", "match_key",
                                            "agree_with_majority"]].to_string(index=False), end="\n\n")
        print("Per student:")
        print(report.students.to_string(index=False), end="\n\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How often a second reader, labelling blind, agrees with the held-out key.

    .venv/bin/python scripts/label_agreement.py --part test \\
        --attribution data/heldout/second_reading/attribution_test.csv \\
        --loaded data/heldout/second_reading/loaded_test.csv [--list]

The second reader labelled the same sentences without seeing the key or any
tool's output (data/heldout/second_reading/README.md).  An answer "agrees"
the way the extractor's answers are scored in scripts/evaluate_heldout.py:
it is the key's main answer or one of its accepted alternatives (names
compared in lower case, without a leading "the").  So the first column is
the human counterpart of the extractor's figures, a ceiling of sorts for
them; "either way" also counts the key's main answer among the second
reader's alternatives.  Loaded words are matched by overlapping spans.
``--list`` prints every sentence where the two disagree both ways.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import evaluate_heldout as E  # noqa: E402


def _read(path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _main(row: dict) -> dict:
    return {"source": E._name(row["source"]), "chain": E._chain(row["chain"]), "kind": row["kind"]}


def attribution_agreement(key: list[dict], second: list[dict]) -> tuple[dict, list[tuple]]:
    """Figures, and the sentences where neither reading accepts the other's main answer."""
    theirs = {r["sentence_id"]: r for r in second}
    missing = [k["sentence_id"] for k in key if k["sentence_id"] not in theirs]
    if missing:
        raise SystemExit(f"The second reading has no row for {', '.join(missing)}.")
    # (sentence id, key row, key's main answer, what the key accepts, second's main answer, what it accepts)
    rows = [(k["sentence_id"], k, _main(k), E.accepted(k), _main(theirs[k["sentence_id"]]),
             E.accepted(theirs[k["sentence_id"]])) for k in key]
    figures, n = {"sentences": len(key)}, len(key)
    for field in ("source", "chain", "kind"):
        same = sum(a[field] == b[field] for _, _, a, _, b, _ in rows)
        key_accepts = sum(b[field] in ok_a[field] for _, _, _, ok_a, b, _ in rows)
        either = sum(b[field] in ok_a[field] or a[field] in ok_b[field] for _, _, a, ok_a, b, ok_b in rows)
        figures[field] = {"same main answer": same / n, "key accepts the second reading": key_accepts / n,
                          "either way": either / n}
    apart = [(sid, k["sentence"], (k["source"], k["chain"], k["kind"]),
              (theirs[sid]["source"], theirs[sid]["chain"], theirs[sid]["kind"]))
             for sid, k, a, ok_a, b, ok_b in rows
             if any(b[f] not in ok_a[f] and a[f] not in ok_b[f] for f in ("source", "chain", "kind"))]
    with_source = [b["source"] in ok_a["source"] for _, k, _, ok_a, b, _ in rows if k["source"]]
    figures["source, where the key has one"] = sum(with_source) / len(with_source)
    return figures, apart


def loaded_agreement(key: list[dict], second: list[dict]) -> dict:
    def overlaps(a, b):
        return a["article_id"] == b["article_id"] and int(a["start"]) < int(b["end"]) and int(b["start"]) < int(a["end"])

    matched = [(k, next((s for s in second if overlaps(k, s)), None)) for k in key]
    found = [(k, s) for k, s in matched if s is not None]
    return {"key items": len(key), "second reader's items": len(second),
            "key items the second reader marked": len(found) / len(key) if key else None,
            "second reader's items in the key": (sum(any(overlaps(s, k) for k in key) for s in second) / len(second)
                                                 if second else None),
            "same voice (of those both marked)": sum(k["voice"] == s["voice"] for k, s in found) / len(found)
            if found else None}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", default="test", choices=E.PARTS)
    parser.add_argument("--attribution", required=True)
    parser.add_argument("--loaded", required=True)
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    key = [k for k in E.read_key("attribution") if k["part"] == args.part]
    figures, apart = attribution_agreement(key, _read(args.attribution))
    print(f"Attribution, {figures['sentences']} sentences of part {args.part!r}:\n")
    print("| measure | same main answer | key accepts the second reading | either way |")
    print("| --- | ---: | ---: | ---: |")
    for field in ("source", "chain", "kind"):
        f = figures[field]
        print(f"| {field} | " + " | ".join(f"{100 * f[c]:.1f}%" for c in
                                          ("same main answer", "key accepts the second reading", "either way")) + " |")
    print(f"\nsource, where the key has one: key accepts the second reading in "
          f"{100 * figures['source, where the key has one']:.1f}%")
    print(f"sentences where neither reading accepts the other's answer: {len(apart)}")
    loaded_key = [k for k in E.read_key("loaded") if k["part"] == args.part]
    lf = loaded_agreement(loaded_key, _read(args.loaded))
    print("\nLoaded words: " + "; ".join(f"{k} {100 * v:.1f}%" if isinstance(v, float) else f"{k} {v}"
                                         for k, v in lf.items()))
    if args.list:
        for sid, sentence, a, b in apart:
            print(f"\n{sid}: {sentence}\n  key:    {' | '.join(a)}\n  second: {' | '.join(b)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

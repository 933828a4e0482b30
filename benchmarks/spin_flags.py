"""What find_spin(known=False) flags on the clean held-out texts, and its recall (fourth pass, issue 16).

    .venv/bin/python benchmarks/spin_flags.py            # per part: false flags per 1,000 words, toy recall; B recall
    .venv/bin/python benchmarks/spin_flags.py --show     # also every flag on the clean texts, in context
    .venv/bin/python benchmarks/spin_flags.py --misses   # also article B's spin-map rows it misses

The parts are the dev parts of ``scripts/evaluate_heldout.py`` (whose
functions this imports): the held-out test part is not shown here, so that
its texts stay unread.  The toy-spinner recall is
an upper bound: the thesaurus clue of find_spin uses the spinner's own
synonym table.  Article B's recall is a real spinner's work.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]

import evaluate_heldout as E  # noqa: E402



def b_rows():
    from medialit.corpus import article_sentences, article_text
    from medialit.spin import find_spin, spin_map

    b = article_text("B")
    sentences = dict(zip(*(article_sentences(["B"])[c] for c in ("sentence_id", "text"))))
    found = find_spin(b, known=False)
    for row in spin_map().itertuples():
        start = b.index(sentences[row.sentence_id]) + sentences[row.sentence_id].index(row.phrase)
        end = start + len(row.phrase)
        yield row, bool(((found["start"] < end) & (start < found["end"])).any())


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--misses", action="store_true")
    args = parser.parse_args(argv)
    from medialit.spin import find_spin

    print("| part | clean words | flags | per 1,000 | recall rarest | recall any | recall commonest |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    shown = []
    for part in E.DEV_PARTS:
        fig = E.spin_figures(part)
        flags = 0
        for aid, row in E.texts().items():
            if row["part"] != part:
                continue
            found = find_spin(row["text"], known=False)
            flags += len(found)
            for f in found.itertuples():
                t = row["text"]
                shown.append(f"  {aid} {f.phrase!r} {f.score} ({f.likely_original}) | "
                             + t[max(0, f.start - 45):f.end + 45].replace("\n", " "))
        print(f"| {part} | {fig['clean words']:,} | {flags} | {fig['false flags per 1,000 clean words']:.1f} | "
              + " | ".join(f"{100 * fig[f'recall, spinner {c!r}']:.1f}%" for c in E.CHOICES) + " |")
    rows = list(b_rows())
    print(f"\narticle B's spin map, known=False: {sum(h for _, h in rows)}/{len(rows)} = "
          f"{100 * sum(h for _, h in rows) / len(rows):.1f}%")
    if args.show:
        print("\nflags on the clean texts:\n" + "\n".join(shown))
    if args.misses:
        print("\nB rows missed:\n" + "\n".join(f"  {r.spin_id} {r.phrase!r} -> {r.likely_original}"
                                                 for r, h in rows if not h))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""The lessons quote the held-out test part's figures in their prose ("how
good is the tool?"). Those figures must be the ones the evaluation gives,
which scripts/evaluate_heldout.py --write-docs writes into README.md: a lesson
that still quotes the figures of an older test part, or of older rules, fails
here. Figures are quoted rounded to a whole per cent."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NUMBERS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()


def readme_figures() -> dict[str, list[float]]:
    """measure -> its numbers, from the README's held-out table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text[text.index("## How good are the checks on text they were not built on?"):]
    section = section[:section.index("\n## ")]
    figures = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and re.search(r"\d", cells[2]):
            figures[cells[1]] = [float(x) for x in re.findall(r"\d+(?:\.\d+)?", cells[2])]
    return figures


def markdown(notebook: str) -> str:
    cells = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")


def count_test_texts():
    with open(ROOT / "data" / "heldout" / "sources.csv", encoding="utf-8", newline="") as handle:
        return sum(r["part"] == "test" for r in csv.DictReader(handle))


def quotes():
    f = readme_figures()
    pct = lambda measure, i=0: round(f[measure][i])  # noqa: E731
    n = NUMBERS[count_test_texts()]
    return [
        ("02_who_says_so.ipynb", f"the test part of `data/heldout/`: {n} "),
        ("02_who_says_so.ipynb", f"names the right source for {pct('right source, per sentence')} % of the sentences"),
        ("02_who_says_so.ipynb", f"the whole chain for {pct('whole chain right')} %"),
        ("02_who_says_so.ipynb", f"({pct('right source, of the sentences that have one')} %;"),
        ("02_who_says_so.ipynb", f"the sentences that have a source ({pct('right source, of the sentences that have one')} %)"),
        ("03_loaded_words.ipynb", f"the test part of `data/heldout/`: {n} "),
        ("03_loaded_words.ipynb", f"found {pct('labelled words found')} % of the loaded words"),
        ("03_loaded_words.ipynb", f"right voice for {pct('voice right, of those found')} %"),
        ("04_spun_text.ipynb", f"the general clues find {pct(SPIN_B)} % of the swaps"),
        ("04_spun_text.ipynb", f"cover {pct(SPIN_B)} % of the spin map's 107 swaps"),
        ("05_check_any_article.ipynb", f"({pct(SPIN_B)} %) of B's listed swaps"),
        ("05_check_any_article.ipynb", f"found {pct(SPIN_TOY, 1)} % of the words a test spinner swapped at random"),
        ("05_check_any_article.ipynb", f"about {pct(FLAGS)} words per 1,000"),
    ]


SPIN_B = "article B's listed swaps found (a real spinner)"
SPIN_TOY = "toy spinner's swaps found: rarest / random / commonest synonym"
FLAGS = "flags per 1,000 words of clean text"


def test_readme_has_every_figure_the_lessons_quote():
    f = readme_figures()
    for measure in ("right source, per sentence", "whole chain right", "right source, of the sentences that have one",
                    "labelled words found", "voice right, of those found", SPIN_B, SPIN_TOY, FLAGS):
        assert f.get(measure), f"README's held-out table has no figure for {measure!r}"
    assert len(f[SPIN_TOY]) == 3


@pytest.mark.parametrize("notebook,phrase", quotes())
def test_lesson_quotes_the_measured_figure(notebook, phrase):
    assert phrase in markdown(notebook), f"{notebook} should say {phrase!r} (README's held-out table)"

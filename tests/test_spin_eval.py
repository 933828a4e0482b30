"""Checking find_spin against the toy spinner (medialit/spin_eval.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from medialit import article_text
from medialit.spin_eval import spans_found, spinner_detection


def test_spans_found_counts_each_span_once():
    found = pd.DataFrame({"start": [3, 24, 26], "end": [6, 30, 28]})
    # (0, 4) overlaps 3-6; (10, 12) nothing; (20, 25) overlaps 24-30; (6, 8) only touches 3-6
    assert spans_found([(0, 4), (10, 12), (20, 25), (6, 8)], found) == 2
    assert spans_found([], found) == 0
    assert spans_found([(0, 4)], found.iloc[0:0]) == 0


def test_spinner_detection_on_article_a_gives_lesson_04s_table():
    # the figures lesson 04 computes in its own cell (seed 4, rate 0.5); before the context
    # clue (sixth pass, benchmarks/HELDOUT.md) 80 / 61 / 21 found, 77 / 54 / 20 %
    table = spinner_detection(article_text("A"), seed=4)
    assert list(table.index) == ["rarest", "any", "commonest"]
    assert table.to_dict("index") == {
        "rarest": {"words swapped": 104, "found by find_spin": 84, "share found (%)": 81},
        "any": {"words swapped": 112, "found by find_spin": 68, "share found (%)": 61},
        "commonest": {"words swapped": 104, "found by find_spin": 26, "share found (%)": 25},
    }


def test_spinner_detection_refuses_a_text_with_nothing_to_swap():
    with pytest.raises(ValueError, match="no word to swap"):
        spinner_detection("Tokayev met Putin.", seed=1, choices=("rarest",))

"""Each lesson 01-05 has one "predict, then reveal" trace: a checked
prediction (``check("0N.T", ...)``), then ``reveal(...)`` of cited excerpts
that settle it."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from medialit.selfcheck import evaluate
from medialit.selfcheck.lateral import excerpt, reveal, sources

ROOT = Path(__file__).resolve().parent.parent
LESSONS = {"01": "01_the_coverage", "02": "02_who_says_so", "03": "03_loaded_words",
           "04": "04_spun_text", "05": "05_check_any_article"}
# lessons whose prediction feedback points to the reveal by its heading, not by its code
REVEAL_HEADING = {"01": "Back to your prediction"}
# (a prediction the record confirms, one it does not)
PREDICTIONS = {
    "01": ({"who": "the Almaty commandant's office", "area": "Almaty"}, {"who": "Interfax", "area": "the whole country"}),
    "02": (["crazy", "clearly", "disinformation", "playbook"], ["point out", "absolutely wrong"]),
    "03": ("the police", "TASS"),
    "04": ({"B03": "two found decapitated", "B04": "thousands"}, {"B03": "two officers killed", "B04": "dozens"}),
    "05": ("March 2019", "June 2019"),
}


@pytest.mark.parametrize("lesson", sorted(LESSONS))
def test_each_lesson_has_a_predict_then_reveal_trace(lesson, capsys):
    nb = nbformat.read(ROOT / "notebooks" / f"{LESSONS[lesson]}.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    predict = [i for i, c in enumerate(code) if f'check("{lesson}.T"' in c.source]
    shown = [i for i, c in enumerate(code) if "reveal(" in c.source and "import" not in c.source]
    assert len(predict) == 1 and shown and shown[0] > predict[0], "the prediction comes before the reveal"
    ids = re.findall(r'"(L\d\d)"', code[shown[0]].source)
    assert ids and all(excerpt(i)["url"].startswith("http") for i in ids)
    # the reveal is saved empty (a student who scrolls ahead sees no answer) and,
    # when run, prints the cited excerpts with their addresses
    assert "reveal" in code[shown[0]].metadata.get("tags", []) and not code[shown[0]].outputs
    reveal(*ids)
    output = capsys.readouterr().out
    for i in ids:
        assert excerpt(i)["url"] in output, f"lesson {lesson}: the reveal does not show {i}"


@pytest.mark.parametrize("lesson", sorted(PREDICTIONS))
def test_trace_checks_confirm_the_record_and_name_the_excerpts(lesson):
    right, wrong = PREDICTIONS[lesson]
    assert evaluate(f"{lesson}.T", ...)[0] == "not answered"
    status, message = evaluate(f"{lesson}.T", right)
    assert status == "correct", message
    status, message = evaluate(f"{lesson}.T", wrong)
    assert status == "incorrect", message
    for i in re.findall(r"'(L\d\d)'", message):
        excerpt(i)  # every excerpt the message points to exists
    if lesson in REVEAL_HEADING:  # the message names the heading the reveal sits under
        heading = REVEAL_HEADING[lesson]
        assert f"'{heading}'" in message
        nb = nbformat.read(ROOT / "notebooks" / f"{LESSONS[lesson]}.ipynb", as_version=4)
        assert any(c.cell_type == "markdown" and re.search(rf"^#+ {heading}", c.source, re.M) for c in nb.cells)
    else:
        assert "reveal(" in message


def test_reveal_prints_the_citation(capsys):
    reveal("L01")
    shown = capsys.readouterr().out
    row = sources().set_index("lateral_id").loc["L01"]
    for part in (row["outlet"], row["url"], row["published"], row["retrieved"], "police spokeswoman"):
        assert part in shown
    with pytest.raises(ValueError, match="no excerpt"):
        excerpt("L99")


def test_lesson_01_prediction_blanks_and_no_answer_before_the_reveal():
    # the lesson's cell: who = ...; area = ...; check("01.T", {"who": who, "area": area})
    assert evaluate("01.T", {"who": ..., "area": ...})[0] == "not answered"
    assert evaluate("01.T", {"who": "Interfax", "area": ...})[0] == "not answered"
    # a missed prediction is recorded, not corrected: the reveal says who gave the 12
    status, message = evaluate("01.T", {"who": "Interfax", "area": "the whole country"})
    assert status == "incorrect" and "Interfax / the whole country" in message
    assert "commandant" not in message.lower() and "Almaty" not in message
    # a right part is said to be right, the wrong part is left to the reveal
    status, message = evaluate("01.T", {"who": "TASS", "area": "Almaty"})
    assert status == "incorrect" and "'area' matches" in message and "'who' matches" not in message

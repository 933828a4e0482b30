"""The exercise self-checks answer in words and never raise."""

import pandas as pd
import pytest

from medialit.selfcheck import QUESTIONS, check, evaluate


@pytest.mark.parametrize("question", sorted(QUESTIONS))
@pytest.mark.parametrize("blank", [..., None])
def test_blank_is_not_answered_yet(question, blank):
    status, message = evaluate(question, blank)
    assert status == "not answered" and "Not answered yet" in message


@pytest.mark.parametrize("question", sorted(QUESTIONS))
@pytest.mark.parametrize("junk", [object(), 3.5, [1, 2], "nonsense", pd.DataFrame({"a": [1, 2, 3]})])
def test_wrong_kind_of_answer_gives_words_not_a_traceback(question, junk):
    status, message = evaluate(question, junk)
    assert status in {"unexpected", "incorrect"}
    assert message and "Traceback" not in message


def test_correct_answers():
    # Expected answers are pinned, not computed by the checks' own code, so a
    # wrong check fails. 01.1: rows per article of data/keys/attribution.csv
    # (pandas: key.groupby("article_id").size()), 36 and 35. 01.3: the longest
    # sentence of B in that key is B09 (255 characters; next B28, 253).
    assert evaluate("00.1", 2)[0] == "correct"
    assert evaluate("01.1", pd.Series({"A": 36, "B": 35}))[0] == "correct"
    assert evaluate("01.1", {"A": 36, "B": 35})[0] == "correct"
    assert evaluate("01.2", 8)[0] == "correct"
    assert evaluate("01.3", "B09")[0] == "correct"
    assert evaluate("01.3", "B28")[0] == "incorrect"
    assert evaluate("01.4", "Kassym-Jomart Tokayev")[0] == "correct"
    assert evaluate("01.4", "tokayev")[0] == "correct"


def test_wrong_answers_get_hints():
    assert evaluate("00.1", 3)[0] == "incorrect"
    assert evaluate("01.1", {"A": 30, "B": 35}) == (
        "incorrect", "The counts differ from the sentence table. Did you count rows per article_id?")
    assert evaluate("01.2", 7)[0] == "incorrect"
    status, message = evaluate("01.3", "B01")
    assert status == "incorrect" and "longest" in message
    assert "not a sentence id" in evaluate("01.3", "Z99")[1]
    status, message = evaluate("01.4", "Nursultan Nazarbayev")
    assert status == "incorrect" and "named" in message


def test_agency_question_counts_found_missing_and_extra():
    full = {"A02": "TASS", "A03": "TASS", "A04": "Interfax", "A05": "Interfax", "A07": "TASS",
            "B06": "AFP", "B10": "Reuters", "B25": "AFP", "B31": "Reuters"}
    assert evaluate("01.5", full)[0] == "correct"
    assert evaluate("01.5", pd.DataFrame(list(full.items()), columns=["sentence_id", "agency"]))[0] == "correct"
    partial = {k: v for k, v in full.items() if k != "A05"}
    partial["A03"] = "Khabar 24"
    status, message = evaluate("01.5", partial)
    assert status == "incorrect"
    assert "You found 7 of 9" in message and "Khabar 24 is a TV channel" in message


def test_check_prints_one_line(capsys):
    check("01.2", ...)
    out = capsys.readouterr().out
    assert out.startswith("Exercise 01.2: …") and out.count("\n") == 1


def test_unknown_question():
    assert evaluate("99.9", 1)[0] == "unexpected"

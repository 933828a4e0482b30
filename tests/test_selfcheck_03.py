"""Lesson 03's self-checks: right answers pass, wrong ones get a hint."""


import pandas as pd
import pytest

from medialit.corpus import article_text
from medialit.loaded import article_loaded, find_loaded, load_lexicon
from medialit.selfcheck import evaluate


@pytest.fixture(scope="module")
def found():
    return article_loaded()


def test_03_1_ministry_labels(found):
    answer = {
        "Kazakhstan’s foreign ministry": ["armed incursions", "terrorist groups trained abroad"],
        "Russia’s foreign ministry": ["armed formations", "counter-terrorism operations"],
    }
    assert evaluate("03.1", answer)[0] == "correct"
    # built from find_loaded() the way the solution does, with plain keys
    ministries = found[found["speaker"].fillna("").str.contains("foreign ministry")]
    built = ministries.groupby("speaker")["matched"].apply(list).to_dict()
    assert evaluate("03.1", built)[0] == "correct"
    assert evaluate("03.1", {"Kazakhstan": answer["Kazakhstan’s foreign ministry"],
                             "Russia": ["armed formation", "counter-terrorist operation"]})[0] == "correct"
    status, message = evaluate("03.1", {"Kazakhstan": ["armed incursions"], "Russia": ["armed formations", "peacekeepers"]})
    assert status == "incorrect" and "1 of 2" in message and "peacekeepers" in message
    assert "Which ministry" in evaluate("03.1", {"Belarus": ["x"]})[1]


def test_03_2_own_voice(found):
    own = found[(found["article_id"] == "A") & (found["voice"] == "own")]
    assert evaluate("03.2", own)[0] == "correct"  # includes "terrorism", which is optional
    assert evaluate("03.2", ["regime", "rigged", "brutally", "uprising", "authoritarian"])[0] == "correct"
    status, message = evaluate("03.2", ["regime", "rigged", "peacekeepers"])
    assert status == "incorrect" and "3 missing" in message and "peacekeepers" in message


def test_03_3_neutral_alternatives():
    good = {"attackers": "people", "eliminated": "killed", "disinformation": "false claims",
            "insurrection": "protests", "Buccaneers": "looters"}
    assert evaluate("03.3", good)[0] == "correct"
    status, message = evaluate("03.3", {**good, "insurrection": "uprising"})
    assert status == "incorrect" and "itself in the lexicon (escalating event word)" in message
    status, message = evaluate("03.3", {**good, "eliminated": "removed"})
    assert status == "incorrect" and "not among the key's answers" in message
    assert "missing: Buccaneers" in evaluate("03.3", {k: v for k, v in good.items() if k != "Buccaneers"})[1]


def test_03_4_extended_lexicon():
    row = {"term": "pillaged", "variants": "pillage", "category": "escalating event word",
           "refers_to": "the events", "neutral": "looted", "why": "Plunder with violence.", "source": "my class"}
    mine = pd.concat([load_lexicon(), pd.DataFrame([row])], ignore_index=True)
    result = find_loaded(article_text("B"), lexicon=mine, prefix="B")
    status, message = evaluate("03.4", result)
    assert status == "correct" and "pillaged" in message
    assert evaluate("03.4", find_loaded(article_text("B")))[0] == "incorrect"
    assert evaluate("03.4", pd.DataFrame({"term": ["x"]}))[0] == "incorrect"


def test_03_5_distancing():
    assert evaluate("03.5", ["A11", "A13", "A21", "B15"])[0] == "correct"
    status, message = evaluate("03.5", {"A11", "A13", "A21", "B15", "A18"})
    assert status == "correct" and "near relative" in message
    status, message = evaluate("03.5", ["A11", "A13", "A02"])
    assert status == "incorrect" and "2 of 4" in message and "A02" in message


def test_03_t_names_the_police_and_claims_no_record():
    for right in ("the police", "Sultanat Azirbek", "the police spokeswoman"):
        assert evaluate("03.T", right) == (
            "correct", "Right: the police's word, which TASS passed on. Now run the next cell: reveal('L01', 'L30') "
                       "shows AP's copy of the statement and the BBC's rule.")
    status, message = evaluate("03.T", "the writer")
    assert status == "incorrect"
    # the feedback talks about the prediction, not about where check() records it
    assert message.startswith("Your prediction: the writer. A02 names TASS") and "recorded" not in message

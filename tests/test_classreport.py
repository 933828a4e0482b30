"""The class report, second round (issue 14): contested items, weak
write-ins, ties among the hardest items, and how to read alpha beside the
share of tags that match the key."""

import subprocess
import sys

import pandas as pd
import pytest

from medialit.classwork import CONTESTED_NOTE, READING_NOTE, class_agreement, collect, weak_write_in
from test_classwork import CONTESTED_KEY, ROOT, make_class, pack, run_class_script


def report_for(folder, activity="loaded_03", key="auto"):
    return class_agreement(collect(folder)[0], activity, key=key)


def run_script(folder):
    return run_class_script(folder).stdout


@pytest.fixture
def trial_class(tmp_path):
    """Lesson 03's tagging as the trial's class did it: A02 "attackers" is contested in the key."""
    return make_class(tmp_path / "class", "loaded_03", {
        "Siobhan": ({"A02": "contested", "A03": "loaded", "A08": "neutral"}, {"A02": "people", "A03": "killed"}),
        "Ben": ({"A02": "loaded", "A03": "loaded", "A08": "loaded"},
                {"A02": "thugs, | bad\nguys", "A03": "idk", "A08": "?"}),
        "Li": ({"A02": "loaded", "A03": "neutral", "A08": "neutral"}, {"A02": "people", "A03": "people"})})


# ---------------------------------------------------------------- 1. contested items do not look solved

def test_a_contested_item_shows_the_sides_chosen_not_100_percent(trial_class):
    report = report_for(trial_class)
    a02 = report.items.set_index("item_id").loc["A02"]
    assert a02["key"] == "contested" and pd.isna(a02["match_key"])
    assert report.table().set_index("item_id").loc["A02", "match_key"] == CONTESTED_NOTE
    assert report.table().set_index("item_id").loc["A03", "match_key"] == "0.667"
    assert report.explain("A02").startswith(
        "A02: sides chosen loaded 2 · contested 1 (of 3); key: contested: every side with a reason counts. Why: ")
    assert list(report.contested()["item_id"]) == ["A02"]
    # the students' own figures still count a defended side as agreeing, as their Check did
    assert report.students.set_index("student").loc["Ben", "match_key"] == pytest.approx(2 / 3)


def test_the_script_prints_the_contested_note_and_section(trial_class, tmp_path):
    out = run_script(trial_class)
    row = next(line for line in out.splitlines() if line.strip().startswith("A02 "))
    assert row.rstrip().endswith(CONTESTED_NOTE) and "1.000" not in row
    assert "Contested items (no single right answer; the sides the class chose, to discuss):\n  A02: sides chosen" \
        in out


# ---------------------------------------------------------------- 2. weak write-ins, and who typed them

@pytest.mark.parametrize("written", ["idk", "IDK", " ? ", "-", "...", "x", "ok", "I don't know", "no idea", "n/a"])
def test_filler_is_weak(written):
    assert weak_write_in(written) == "filler"


@pytest.mark.parametrize("written", ["people", "UN", "killed", "1990", "", "  "])
def test_a_real_answer_is_not_weak(written):
    assert weak_write_in(written, "eliminated", "killed") == ""


def test_a_loaded_label_is_weak_as_the_students_check_says():
    assert weak_write_in("thugs", "attackers", "people") == "a loaded label: “thugs”"
    assert weak_write_in("attackers", "attackers", "people") == "a loaded label: “attackers”"   # the word repeated
    # the other side of a contested item keeps the word; a label handed back to its owner is what was taught
    assert weak_write_in("attackers", "attackers", "people", keep_word=True) == ""
    assert weak_write_in("the unrest, which he calls a terrorist threat", "terrorist threat",
                         "the unrest, which he calls a terrorist threat") == ""


def test_the_report_names_who_typed_a_weak_write_in(trial_class):
    report = report_for(trial_class)
    items = report.items.set_index("item_id")
    assert items.loc["A02", "follow_up"] == "Ben typed “thugs, | bad⏎guys” (a loaded label: “thugs”)"
    assert items.loc["A03", "follow_up"] == "Ben typed “idk” (filler)"
    assert items.loc["A08", "follow_up"] == "Ben typed “?” (filler)"
    assert report.explain("A03").endswith("Typed: idk · killed · people; follow up: Ben typed “idk” (filler)")
    assert sorted(zip(report.weak["student"], report.weak["item_id"], report.weak["why"])) == [
        ("Ben", "A02", "a loaded label: “thugs”"), ("Ben", "A03", "filler"), ("Ben", "A08", "filler")]
    out = run_script(trial_class)
    assert ("Write-ins to follow up (filler, or a loaded label where a neutral word was asked for):\n"
            "  Ben: “?” (filler) on A08\n  Ben: “idk” (filler) on A03\n"
            "  Ben: “thugs, | bad⏎guys” (a loaded label: “thugs”) on A02\n") in out


def test_the_same_filler_from_two_students_names_both(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for student in ["amira", "ben"]:
        pack(folder / f"{student}.zip", "words", {"k2": "neutral"}, {"k2": "idk"})
    report = report_for(folder, "words", CONTESTED_KEY)
    assert report.items.set_index("item_id").loc["k2", "follow_up"] == "amira, ben typed “idk” (filler)"


# ---------------------------------------------------------------- 3. ties among the hardest items

TIE_KEY = pd.DataFrame({"item_id": ["q9", "q2", "q5", "q1"], "label": ["x", "x", "x", "x"], "rationale": [""] * 4})


def test_ties_come_in_the_keys_order_and_the_rest_are_named(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    # every item: 1 of 2 students right, so all four tie at 0.5
    pack(folder / "amira.zip", "words", {"q1": "x", "q2": "x", "q5": "x", "q9": "x"})
    pack(folder / "ben.zip", "words", {"q1": "y", "q2": "y", "q5": "y", "q9": "y"})
    report = report_for(folder, "words", TIE_KEY)
    assert list(report.items["item_id"]) == ["q9", "q2", "q5", "q1"]        # the lesson's order
    assert list(report.hardest(2)["item_id"]) == ["q9", "q2"]
    assert report.tied(2) == ["q5", "q1"] and report.tied(4) == [] and report.tied(9) == []


def test_the_script_says_how_many_more_tie(trial_class):
    pack(trial_class / "Dana.zip", "loaded_03", {"A22": "neutral", "A26": "neutral", "B32": "neutral"})
    pack(trial_class / "Eve.zip", "loaded_03", {"A22": "loaded", "A26": "loaded", "B32": "loaded"})
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_agreement.py"), str(trial_class),
                             "loaded_03", "--hardest", "2"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    # A22, A26 and B32 tie at 0.5 (1 of 2), before A03 and A08 at 0.667; the first two in the lesson's order
    assert ("Hardest 2 item(s) (lowest agreement first; at the same agreement, in the lesson's order):\n"
            "  A22: loaded 1 · neutral 1 (of 2); key: loaded.") in result.stdout
    assert "\n  A26: " in result.stdout
    assert "\n  ... and 1 more at the same agreement: B32\n" in result.stdout


# ---------------------------------------------------------------- 4. reading alpha beside the share matching the key

def test_a_note_on_reading_alpha_beside_the_share_matching_the_key(trial_class):
    summary = report_for(trial_class).summary
    assert "% of all tags match the key. " + READING_NOTE in summary
    assert "agree with each other" in READING_NOTE and "agree with the key" in READING_NOTE


def test_no_note_when_alpha_is_undefined(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    pack(folder / "solo.zip", "words", {"k2": "loaded", "k3": "neutral"})
    summary = report_for(folder, "words", CONTESTED_KEY).summary
    assert "undefined" in summary and "match the key" in summary and READING_NOTE not in summary

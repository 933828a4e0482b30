"""Collecting a class's saved tags and measuring agreement."""

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from medialit.classwork import alpha_meaning, class_agreement, collect
from medialit.tagging import Tagger

ROOT = Path(__file__).resolve().parent.parent
ITEMS = [("1", "first"), ("2", "second"), ("3", "third")]
KEY = pd.DataFrame({"item_id": ["1", "2", "3"], "label": ["x", "y", "x"], "rationale": ["", "", ""]})


def save_for(folder, student, tags, name="demo"):
    """Save one student's tags the way a real Tagger does."""
    tagger = Tagger(ITEMS, ["x", "y"], KEY, name=name, save_dir=folder / student / "my_work")
    for item, tag in tags.items():
        tagger.tag(item, tag)
    return tagger.path


@pytest.fixture
def class_folder(tmp_path):
    folder = tmp_path / "class"
    save_for(folder, "amira", {"1": "x", "2": "y", "3": "x"})
    save_for(folder, "ben", {"1": "x", "2": "y", "3": "y"})
    save_for(folder, "chen", {"1": "x"})
    return folder


def test_collect_reads_every_students_file(class_folder):
    tags, problems = collect(class_folder)
    assert problems.empty
    assert sorted(tags["student"].unique()) == ["amira", "ben", "chen"]
    assert len(tags) == 7
    assert set(tags.loc[tags["student"] == "ben", "tag"]) == {"x", "y"}


def test_agreement_per_item_alpha_and_hardest(class_folder):
    tags, _ = collect(class_folder)
    report = class_agreement(tags, "demo", key=KEY)
    items = report.items.set_index("item_id")
    assert items.loc["1", "students"] == 3 and items.loc["1", "agree_with_majority"] == 1.0
    assert items.loc["3", "match_key"] == 0.5 and items.loc["3", "agree_with_majority"] == 0.5
    # worked by hand: pairable values x,x,x | y,y | x,y -> Do = 2/7, De = 24/42, alpha = 0.5
    assert report.alpha == 0.5
    assert list(report.hardest(1)["item_id"]) == ["3"]
    assert "3 student(s)" in report.summary and "alpha between students = 0.50" in report.summary
    assert "86% of all tags match the key" in report.summary   # 6 of 7
    students = report.students.set_index("student")
    assert students.loc["ben", "match_key"] == pytest.approx(2 / 3)


def test_zip_files_count_and_reset_copies_do_not(class_folder, tmp_path):
    # a student hands in the my_work.zip from lesson 00 instead of a folder
    dana = tmp_path / "dana"
    path = save_for(dana, "x", {"1": "y", "2": "y", "3": "y"})
    with zipfile.ZipFile(class_folder / "dana.zip", "w") as archive:
        archive.write(path, "my_work/demo.json")
    shutil.copy(path, class_folder / "amira" / "my_work" / "demo.before-reset.json")
    tags, problems = collect(class_folder)
    assert problems.empty
    assert sorted(tags["student"].unique()) == ["amira", "ben", "chen", "dana"]
    assert len(tags) == 10


def test_damaged_files_are_reported_skipped_and_left_alone(class_folder):
    bad = class_folder / "eve" / "my_work" / "demo.json"
    bad.parent.mkdir(parents=True)
    bad.write_text('{"format": "medialit-tags", "tags": ', encoding="utf-8")
    (class_folder / "fay.zip").write_bytes(b"not a zip")
    (class_folder / "gil.json").write_text(json.dumps({"hello": 1}), encoding="utf-8")
    tags, problems = collect(class_folder)
    assert len(tags) == 7
    assert dict(zip(problems["file"], problems["problem"])) == {
        "eve/my_work/demo.json": "damaged: not valid JSON (near line 1)",
        "fay.zip": "not a readable zip file",
        "gil.json": "not a saved tagging file from this course",
    }
    assert bad.read_text(encoding="utf-8") == '{"format": "medialit-tags", "tags": '


def test_plain_messages_for_wrong_folder_or_activity(tmp_path, class_folder):
    with pytest.raises(ValueError, match="There is no folder"):
        collect(tmp_path / "nowhere")
    tags, _ = collect(class_folder)
    with pytest.raises(ValueError, match="Activities found: demo"):
        class_agreement(tags, "voice_01")


def test_alpha_undefined_for_one_student(tmp_path):
    save_for(tmp_path, "solo", {"1": "x", "2": "y"})
    report = class_agreement(collect(tmp_path)[0], "demo", key=None)
    assert report.alpha is None and "undefined" in report.summary
    assert report.items["match_key"].isna().all()


def test_key_found_by_activity_name(tmp_path):
    key = pd.read_csv(ROOT / "data" / "keys" / "voice_01.csv", dtype=str)
    items = list(zip(key["item_id"], key["sentence"]))
    for student, flip in [("a", False), ("b", True)]:
        t = Tagger(items, ["writer", "cited"], key, name="voice_01", save_dir=tmp_path / student)
        for i, label in zip(key["item_id"], key["label"]):
            t.tag(i, ("writer" if label == "cited" else "cited") if flip and i == "A02" else label)
    report = class_agreement(collect(tmp_path)[0], "voice_01")
    assert report.items.set_index("item_id").loc["A02", "match_key"] == 0.5
    assert report.items["match_key"].notna().all()


@pytest.mark.parametrize("alpha, words", [(0.9, "reliably"), (0.7, "tentative"), (0.2, "too little")])
def test_alpha_meaning(alpha, words):
    assert words in alpha_meaning(alpha)


def test_command_line_script(class_folder):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_agreement.py"), str(class_folder)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "== demo ==" in result.stdout and "Hardest 5 item(s):" in result.stdout
    assert "alpha between students = 0.50" in result.stdout

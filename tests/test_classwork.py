"""Collecting a class's saved tags and measuring agreement."""

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from medialit.classwork import alpha_meaning, class_agreement, collect, name_warnings
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
    assert "== demo ==" in result.stdout and "Hardest 5 item(s) (lowest agreement first" in result.stdout
    assert "alpha between students = 0.50" in result.stdout


# ---------------------------------------------------------------- hand-made packs (issue 14)

def pack(path, activity, tags, texts=None):
    """A pack as pack_work() writes it, made by hand: my_work/<activity>.json in a zip."""
    state = {"format": "medialit-tags", "version": 1, "tagger": activity, "saved_at": "2026-11-30T10:00:00+00:00",
             "items": list(tags), "tags": tags}
    if texts is not None:
        state["texts"] = texts
    with zipfile.ZipFile(path, "a" if path.exists() else "w") as archive:
        archive.writestr(f"my_work/{activity}.json", json.dumps(state))


CONTESTED_KEY = pd.DataFrame({
    "item_id": ["c1", "k2", "k3"],
    "sentence": ["Dozens of attackers were killed in an attack on administrative buildings in Almaty.",
                 "They have been eliminated.", "Protests began on Sunday."],
    "label": ["contested", "loaded", "neutral"],
    "rationale": ["Contested. Loaded: only the police call them attackers. Neutral: storming a building is an attack.",
                  "A euphemism for killed.", "Says what happened."]})


def make_class(folder, activity, students):
    """A class folder of packed work: ``students`` maps a zip's name to
    (tags, write-ins) for ``activity``."""
    folder.mkdir()
    for name, (tags, texts) in students.items():
        pack(folder / f"{name}.zip", activity, tags, texts)
    return folder


@pytest.fixture
def contested_class(tmp_path):
    return make_class(tmp_path / "class", "words", {
        "amira": ({"c1": "loaded", "k2": "loaded", "k3": "neutral"}, {"c1": "people", "k2": "killed"}),
        "ben": ({"c1": "neutral", "k2": "neutral", "k3": "neutral"}, {"c1": "people", "k2": "killed"}),
        "chen": ({"c1": "contested", "k2": "contested", "k3": "neutral"}, {"c1": "protesters", "k2": "  "})})


def test_contested_items_are_scored_as_the_tagger_scores_them(contested_class):
    tags, problems = collect(contested_class)
    assert problems.empty
    report = class_agreement(tags, "words", key=CONTESTED_KEY)
    items = report.items.set_index("item_id")
    # c1: loaded and neutral are both argued in the rationale, contested is the key's own label; every
    # side with a reason counts, so the item has no share matching the key (not a misleading 1.0)
    assert pd.isna(items.loc["c1", "match_key"]) and items.loc["c1", "accepted"] == 2
    assert items.loc["k2", "match_key"] == 0.333 and items.loc["k2", "accepted"] == 0
    assert items.loc["k3", "match_key"] == 1.0
    # per student: amira 3 of 3, ben 2 of 3, chen 2 of 3
    students = report.students.set_index("student")["match_key"]
    assert students["amira"] == 1.0 and students["ben"] == pytest.approx(2 / 3)
    assert "78% of all tags match the key" in report.summary           # 7 of 9
    # a three-way tie is "split", not the alphabetically first tag
    assert items.loc["c1", "class_choice"] == "split" and items.loc["k3", "class_choice"] == "neutral"
    assert items.loc["c1", "choices"] == "contested 1 · loaded 1 · neutral 1"
    assert items.loc["k3", "choices"] == "neutral 3"


def test_hardest_never_lists_items_everyone_got_right(contested_class):
    report = class_agreement(collect(contested_class)[0], "words", key=CONTESTED_KEY)
    assert list(report.hardest(5)["item_id"]) == ["k2"]


def test_the_report_says_why(contested_class):
    report = class_agreement(collect(contested_class)[0], "words", key=CONTESTED_KEY)
    items = report.items.set_index("item_id")
    assert items.loc["c1", "sentence"] == "Dozens of attackers were killed in an attack on administrative buildings in Almaty."
    assert items.loc["k2", "key_reason"] == "A euphemism for killed."
    assert items.loc["c1", "write_ins"] == "people ×2 · protesters"
    assert items.loc["k2", "write_ins"] == "killed ×2"
    assert report.explain("k2") == ("k2: contested 1 · loaded 1 · neutral 1 (of 3); key: loaded. "
                                    "Why: A euphemism for killed. Typed: killed ×2")
    assert report.explain("c1") == ("c1: sides chosen contested 1 · loaded 1 · neutral 1 (of 3); key: contested: "
                                    "every side with a reason counts. Why: Contested. Loaded: only the "
                                    "police call them attackers. Neutral: storming a building is an attack. "
                                    "Typed: people ×2 · protesters")


def test_a_contested_item_of_the_real_key_is_not_hardest(tmp_path):
    # lesson 03's key: A02 "attackers" is contested, both sides argued (the trial's class saw 100%)
    folder = tmp_path / "class"
    folder.mkdir()
    for student, tag in [("amira", "loaded"), ("ben", "neutral"), ("chen", "contested")]:
        pack(folder / f"{student}.zip", "loaded_03", {"A02": tag, "A03": "loaded"})
    report = class_agreement(collect(folder)[0], "loaded_03")
    a02 = report.items.set_index("item_id").loc["A02"]
    assert pd.isna(a02["match_key"]) and a02["accepted"] == 2 and a02["class_choice"] == "split"
    assert report.hardest(5).empty


def test_same_names_are_warned_about(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for name in ["my_work", "my_work (1)", "Amira", "amira-2", "ben"]:
        pack(folder / f"{name}.zip", "words", {"k3": "neutral"})
    tags, _ = collect(folder)
    assert name_warnings(tags["student"]) == [
        "Warning: 'Amira' and 'amira-2' look like the same name: rename each file after its student, "
        "or ask students to pack with pack_work(name=\"their name\").",
        "Warning: 'my_work' and 'my_work (1)' look like the same name: rename each file after its student, "
        "or ask students to pack with pack_work(name=\"their name\").",
    ]
    assert name_warnings(["amira", "ben"]) == []


def run_class_script(folder, csv_out=None):
    """scripts/class_agreement.py on a class folder, as a teacher runs it (with --csv if
    ``csv_out``); it must succeed."""
    csv = ["--csv", str(csv_out)] if csv_out else []
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_agreement.py"), str(folder), *csv],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result


def test_command_line_explains_and_writes_csv(contested_class, tmp_path):
    pack(contested_class / "my_work.zip", "words", {"k2": "loaded"})
    pack(contested_class / "my_work (1).zip", "words", {"k2": "loaded"})
    out = tmp_path / "report.csv"
    result = run_class_script(contested_class, out)
    assert "Warning: 'my_work' and 'my_work (1)' look like the same name" in result.stdout
    # no key file is called "words", so the script reports agreement between students only
    assert "k2: loaded 3 · contested 1 · neutral 1 (of 5)" in result.stdout
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert list(table["activity"]) == ["words"] * 3
    assert list(table["item_id"]) == ["c1", "k2", "k3"]
    assert table.loc[1, "write_ins"] == "killed ×2"


# ---------------------------------------------------------------- the class's self-check answers (issue 14)

def hand_in(home, class_folder, student, checks, monkeypatch, tags=None):
    """One student's lesson as it happens: check(...) cells (and a Tagger),
    then the hand-in cell's pack_work(name=...); the zip goes to the class folder."""
    from medialit.savedwork import pack_work
    from medialit.selfcheck import check

    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(home / student / "my_work"))
    for question, answer in checks:
        check(question, answer)
    if tags:
        tagger = Tagger(ITEMS, ["x", "y"], KEY, name="demo")
        for item, tag in tags.items():
            tagger.tag(item, tag)
    zip_file = pack_work(name=student)
    shutil.copy(zip_file, class_folder / zip_file.name)


@pytest.fixture
def answering_class(tmp_path, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    homes = tmp_path / "homes"
    hand_in(homes, folder, "amira", [("03.T", "TASS"), ("03.T", "the police"), ("03.E1", "b"), ("03.E2", "a"),
                                     ("00.1", 2)], monkeypatch, tags={"1": "x", "2": "y"})
    hand_in(homes, folder, "ben", [("03.T", "TASS"), ("03.E1", "B) because the police said it"), ("00.1", 3),
                                   ("03.1", ...)], monkeypatch)
    hand_in(homes, folder, "chen", [("03.T", " The police "), ("03.E1", "c")], monkeypatch)
    return folder


def test_the_class_table_of_self_checks(answering_class):
    from medialit.classwork import answers_table, collect_answers

    found, problems = collect_answers(answering_class)
    assert problems.empty
    assert sorted(zip(found["student"], found["question"], found["status"])) == [
        ("amira", "00.1", "correct"), ("amira", "03.E1", "correct"), ("amira", "03.E2", "incorrect"),
        ("amira", "03.T", "correct"), ("ben", "00.1", "incorrect"), ("ben", "03.E1", "correct"),
        ("ben", "03.T", "differs"), ("chen", "03.E1", "incorrect"), ("chen", "03.T", "correct")]
    assert found.set_index(["student", "question"]).loc[("amira", "03.T"), "tries"] == 2
    table = answers_table(found)
    # in lesson order (the prediction before the exit ticket), answers in the students' own capitals
    assert table.to_dict("records") == [
        {"question": "00.1", "kind": "exercise", "answered": 2, "of": 3, "right": 1, "spread": "",
         "no_answer": "chen"},
        {"question": "03.T", "kind": "prediction", "answered": 3, "of": 3, "right": 2,
         "spread": "The police 2 · TASS 1", "no_answer": ""},
        {"question": "03.E1", "kind": "exit ticket", "answered": 3, "of": 3, "right": 2, "spread": "b 2 · c 1",
         "no_answer": ""},
        {"question": "03.E2", "kind": "exit ticket", "answered": 1, "of": 3, "right": 0, "spread": "a 1",
         "no_answer": "ben, chen"},
    ]
    # the tags in the same zips are read as before, and the answers file is not taken for a broken tag file
    tags, tag_problems = collect(answering_class)
    assert tag_problems.empty and sorted(zip(tags["student"], tags["item_id"])) == [("amira", "1"), ("amira", "2")]


def test_answers_that_cannot_be_read_are_listed_and_skipped(answering_class):
    from medialit.classwork import collect_answers

    (answering_class / "dan" / "my_work").mkdir(parents=True)
    (answering_class / "dan" / "my_work" / "answers.json").write_bytes(b"{broken")
    (answering_class / "answers.json").write_bytes(b"{}")
    found, problems = collect_answers(answering_class)
    assert sorted(found["student"].unique()) == ["amira", "ben", "chen"]
    assert problems.to_dict("records") == [
        {"file": "answers.json", "problem": "not a self-check answers file from this course"},
        {"file": "dan/my_work/answers.json", "problem": "damaged: not valid JSON (near line 1)"},
    ]
    assert (answering_class / "dan" / "my_work" / "answers.json").read_bytes() == b"{broken"


def test_command_line_prints_and_writes_the_self_check_table(answering_class, tmp_path):
    out = tmp_path / "report.csv"
    result = run_class_script(answering_class, out)
    assert "== demo ==" in result.stdout
    assert "== self-checks ==\n3 student(s) in the class folder; 3 of them recorded answers to 4 question(s)" \
        in result.stdout
    assert re.search(r"\n +03\.T +prediction +3 of 3 +2 +The police 2 · TASS 1\n", result.stdout)
    assert f"Wrote 4 row(s) to {tmp_path / 'report-answers.csv'}." in result.stdout
    table = pd.read_csv(tmp_path / "report-answers.csv", dtype=str, keep_default_na=False)
    assert list(table.columns) == ["question", "kind", "answered", "of", "right", "spread", "no_answer"]
    assert table.loc[2].tolist() == ["03.E1", "exit ticket", "3", "3", "2", "b 2 · c 1", ""]
    assert table.loc[3].tolist() == ["03.E2", "exit ticket", "1", "3", "0", "a 1", "ben, chen"]
    # the text report: answered N of M, and who has not answered each question
    assert re.search(r"\n +03\.E2 +exit ticket +1 of 3 +0 +a 1\n", result.stdout)
    assert "No answer to 00.1: chen\nNo answer to 03.E2: ben, chen\n" in result.stdout
    assert f"Wrote 3 row(s) to {tmp_path / 'report-students.csv'}." in result.stdout
    students = pd.read_csv(tmp_path / "report-students.csv", dtype=str, keep_default_na=False)
    assert students.to_dict("records") == [
        {"student": "amira", "00.1": "2", "03.T": "the police", "03.E1": "b", "03.E2": "a"},
        {"student": "ben", "00.1": "3", "03.T": "TASS", "03.E1": "b", "03.E2": "—"},
        {"student": "chen", "00.1": "—", "03.T": "The police", "03.E1": "c", "03.E2": "—"}]
    assert pd.read_csv(out, dtype=str)["activity"].unique().tolist() == ["demo"]


def test_a_class_with_answers_and_no_tags_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "class"
    folder.mkdir()
    hand_in(tmp_path / "homes", folder, "amira", [("00.E1", "b")], monkeypatch)
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_agreement.py"), str(folder)],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "== self-checks ==\n1 student(s) in the class folder; 1 of them recorded answers to 1 question(s)" \
        in result.stdout


def test_who_has_not_answered_and_each_students_answers(tmp_path, monkeypatch):
    from medialit.classwork import answers_by_student, answers_table, collect_answers

    folder = tmp_path / "class"
    folder.mkdir()
    homes = tmp_path / "homes"
    hand_in(homes, folder, "Siobhan", [("03.T", "the police spokeswoman, Azirbek"), ("03.E1", "b"),
                                       ("03.E3", "c")], monkeypatch)
    hand_in(homes, folder, "Ben", [("03.E1", "c"), ("03.T", "TASS")], monkeypatch)
    hand_in(homes, folder, "Li", [("03.T", "the writer")], monkeypatch)
    pack(folder / "Dana.zip", "words", {"k3": "neutral"})      # tags and no self-check answers
    found, _ = collect_answers(folder)
    everyone = ["Ben", "Dana", "Li", "Siobhan"]
    table = answers_table(found, everyone).set_index("question")
    assert list(table.index) == ["03.T", "03.E1", "03.E3"]
    assert table["answered"].tolist() == [3, 2, 1] and table["of"].tolist() == [4, 4, 4]
    assert table["no_answer"].tolist() == ["Dana", "Dana, Li", "Ben, Dana, Li"]
    # a name keeps its capitals, and an answer with a comma in it is quoted
    assert table.loc["03.T", "spread"] == '"the police spokeswoman, Azirbek" 1 · TASS 1 · the writer 1'
    by_student = answers_by_student(found, everyone)
    assert by_student.columns.tolist() == ["student", "03.T", "03.E1", "03.E3"]
    assert by_student.values.tolist() == [
        ["Ben", "TASS", "c", "—"],
        ["Dana", "—", "—", "—"],
        ["Li", "the writer", "—", "—"],
        ["Siobhan", "the police spokeswoman, Azirbek", "b", "c"]]


@pytest.mark.parametrize("unordered, ordered", [
    (["03.E1", "03.T", "03.2", "03.10", "03.J1", "02.E3"], ["02.E3", "03.J1", "03.2", "03.10", "03.T", "03.E1"]),
    (["04.E1", "04.P", "04.1", "00.E1", "00.2"], ["00.2", "00.E1", "04.1", "04.P", "04.E1"]),
])
def test_questions_come_in_lesson_order(unordered, ordered):
    from medialit.classwork import question_order

    assert sorted(unordered, key=question_order) == ordered


def test_csv_keeps_sentence_and_reason_in_full_and_the_text_report_stays_on_one_line(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    long_reason = ("Loaded: it names the dead by what the police say they did, which no independent source "
                   "confirms; the plain words are people or protesters, and the reason goes on past the cut.")
    key = CONTESTED_KEY.assign(rationale=[CONTESTED_KEY.loc[0, "rationale"], long_reason, "Says what happened."])
    pack(folder / "amira.zip", "words", {"k2": "neutral"}, {"k2": "thugs, | bad\nguys"})
    pack(folder / "ben.zip", "words", {"k2": "loaded"}, {"k2": "killed"})
    report = class_agreement(collect(folder)[0], "words", key=key)
    k2 = report.items.set_index("item_id").loc["k2"]
    assert k2["key_reason"] == long_reason and k2["sentence"] == "They have been eliminated."
    assert k2["write_ins"] == "killed · thugs, | bad\nguys"
    line = report.explain("k2")
    assert "\n" not in line and "Typed: killed · thugs, | bad\u23ceguys; follow up:" in line
    # the one-line report cuts the reason at a word, under 110 characters
    assert "which no independent source confirms; the plain… Typed:" in line and long_reason not in line


def test_command_line_csv_has_the_full_sentence_and_reason_of_the_real_key(tmp_path):
    folder = tmp_path / "class"
    folder.mkdir()
    for student, tag in [("amira", "loaded"), ("ben", "neutral")]:
        pack(folder / f"{student}.zip", "loaded_03", {"A22": tag}, {"A22": "false\nclaims"})
    out = tmp_path / "report.csv"
    result = run_class_script(folder, out)
    key = pd.read_csv(ROOT / "data" / "keys" / "loaded_03.csv", dtype=str).set_index("item_id")
    row = pd.read_csv(out, dtype=str, keep_default_na=False).set_index("item_id").loc["A22"]
    assert len(key.loc["A22", "rationale"]) > 110       # longer than the text report's line shows
    assert row["key_reason"] == key.loc["A22", "rationale"] and row["sentence"] == key.loc["A22", "sentence"]
    assert "Typed: false\u23ceclaims ×2" in result.stdout


def test_identical_work_handed_in_twice_is_warned_about(tmp_path):
    from medialit.classwork import duplicate_warnings

    folder = tmp_path / "class"
    folder.mkdir()
    pack(folder / "Li_Wei_10B.zip", "words", {"k3": "neutral", "k2": "loaded"})
    shutil.copy(folder / "Li_Wei_10B.zip", folder / "my_work.zip")
    # the same files unpacked into a folder count as the same work too
    with zipfile.ZipFile(folder / "Li_Wei_10B.zip") as archive:
        archive.extractall(folder / "li")
    # the same tags saved at another time are not identical work (two students can tag alike) ...
    pack(folder / "amira.zip", "words", {"k3": "neutral", "k2": "loaded"})
    with zipfile.ZipFile(folder / "amira.zip") as archive:
        raw = archive.read("my_work/words.json").replace(b"10:00:00", b"10:05:00")
    with zipfile.ZipFile(folder / "amira.zip", "w") as archive:
        archive.writestr("my_work/words.json", raw)
    # ... nor is the same file with one more beside it
    pack(folder / "ben.zip", "words", {"k3": "neutral", "k2": "loaded"})
    pack(folder / "ben.zip", "other", {"k3": "neutral"})
    assert duplicate_warnings(folder) == [
        "Warning: 'Li_Wei_10B.zip', 'li' and 'my_work.zip' hold identical work (the same files, byte for byte, "
        "save times included): one student's work handed in twice, and counted twice. Keep one and ask whose it is."]
    result = run_class_script(folder, tmp_path / "r.csv")
    assert "Warning: 'Li_Wei_10B.zip', 'li' and 'my_work.zip' hold identical work" in result.stdout
    (folder / "my_work.zip").unlink()
    shutil.rmtree(folder / "li")
    assert duplicate_warnings(folder) == []

"""Self-check answers kept in the work folder (issue 14): medialit.answers,
check() recording, my_answers(), packing and restoring them, and the faults
(a folder that cannot be written, a full disk, a damaged answers file).

Expected values are written out by hand; nothing here is computed by the
module under test."""

import errno
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from medialit import answers, savedwork
from medialit.selfcheck import check, my_answers

ROOT = Path(__file__).resolve().parent.parent


def on_disk(folder) -> dict:
    return json.loads((folder / "answers.json").read_text(encoding="utf-8"))


def recorded(folder) -> dict:
    """{question: [(answer, status), ...]} as the file holds them."""
    return {q: [(e["answer"], e["status"]) for e in entries] for q, entries in on_disk(folder)["answers"].items()}


# ---------------------------------------------------------------- what is kept of an answer

@pytest.mark.parametrize("answer, kept", [
    ("the police", "the police"),
    (3, 3),
    (2.5, 2.5),
    (True, True),
    (["A02", "A05"], ["A02", "A05"]),
    (("A02", 7), ["A02", 7]),
    ({"A02": "TASS"}, "{'A02': 'TASS'}"),
    (float("nan"), "nan"),
    (10 ** 30, "1000000000000000000000000000000"),
    ([1, float("inf")], "[1, inf]"),
    (None, "None"),
])
def test_an_answer_is_kept_as_written_or_as_its_repr(answer, kept):
    assert answers.as_saved(answer) == kept


def test_long_answers_are_cut():
    assert answers.as_saved("x" * 1000) == "x" * 299 + "…"
    assert answers.as_saved({"A02": "x" * 1000}) == "{'A02': '" + "x" * 290 + "…"
    assert answers.as_saved(list("abc") * 30) == repr(list("abc") * 30)[:299] + "…"   # over 50 items


# ---------------------------------------------------------------- check() records

def test_check_records_each_answer_with_its_status_and_time(work_folder, capsys):
    check("03.T", "TASS")
    check("03.T", "the police")
    check("03.E1", "B) because the police said it")
    out = capsys.readouterr().out
    assert out.count("\n") == 3                    # one line per check, nothing more said
    assert recorded(work_folder) == {"03.E1": [("B) because the police said it", "correct")],
                                     "03.T": [("TASS", "differs"), ("the police", "correct")]}
    book = on_disk(work_folder)
    assert book["format"] == "medialit-answers" and book["version"] == 1
    assert all(re.fullmatch(r"20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00", entry["at"])
               for entries in book["answers"].values() for entry in entries)
    assert sorted(p.name for p in work_folder.iterdir()) == ["answers.json"]   # no temporary left


def test_a_blank_or_an_unknown_question_is_not_recorded(work_folder):
    check("03.1", ...)
    check("04.T", [..., ...])
    check("99.9", "x")
    assert not work_folder.exists()


def test_a_check_run_in_the_solutions_folder_is_not_recorded(work_folder, monkeypatch):
    """A solution notebook's kernel runs in solutions/: its answers are the
    key's, and must not count as the student's in the teacher's table."""
    root = Path(__file__).resolve().parent.parent
    monkeypatch.chdir(root / "solutions")
    check("03.T", "the police")
    assert not work_folder.exists()
    monkeypatch.chdir(root / "exercises")    # the exercise notebooks are the student's own
    check("03.T", "the police")
    assert recorded(work_folder) == {"03.T": [("the police", "correct")]}


def test_the_wrong_kind_of_answer_is_recorded_as_unexpected(work_folder):
    check("00.1", "two")
    assert recorded(work_folder) == {"00.1": [("two", "unexpected")]}


def test_only_the_last_five_answers_to_a_question_are_kept(work_folder):
    for number in range(1, 8):
        check("00.1", number)
    assert recorded(work_folder) == {"00.1": [(3, "incorrect"), (4, "incorrect"), (5, "incorrect"),
                                              (6, "incorrect"), (7, "incorrect")]}


def test_two_notebooks_add_to_the_same_file(work_folder):
    # each check reads the file again, so an answer saved elsewhere in between is kept
    check("00.1", 2)
    other = on_disk(work_folder)
    other["answers"]["00.2"] = [{"answer": "TASS", "status": "incorrect", "at": "2026-11-30T09:00:00+00:00"}]
    (work_folder / "answers.json").write_text(json.dumps(other), encoding="utf-8")
    check("00.E1", "b")
    assert recorded(work_folder) == {"00.1": [(2, "correct")], "00.2": [("TASS", "incorrect")],
                                     "00.E1": [("b", "correct")]}


# ---------------------------------------------------------------- my_answers()

def test_my_answers_after_a_restart(work_folder):
    def run(code):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                              env=dict(os.environ, MEDIALIT_WORK_DIR=str(work_folder)))
        assert done.returncode == 0, done.stderr
        return done.stdout

    run("from medialit.selfcheck import check\n"
        "check('03.T', 'TASS'); check('03.T', 'the police'); check('03.E2', 'a'); check('03.1', ['A02'])\n"
        "check('04.T', 'the writer')")
    # a new Python: nothing is remembered but the file
    assert run("from medialit.selfcheck import my_answers; my_answers('03')") == (
        "Your answers for lesson 03 (3), as last checked:\n"
        "  03.1: ['A02'] - not yet (not the kind of answer expected)\n"
        "  03.E2: 'a' - not yet\n"
        "  03.T: 'the police' - prediction, matches the sources (answered 2 times)\n")


def test_my_answers_says_when_there_is_nothing(work_folder, capsys):
    check("00.1", 2)
    capsys.readouterr()
    my_answers(5)
    assert capsys.readouterr().out == (
        "No answers recorded for lesson 05 yet: they are recorded each time you run a check(...) cell with an "
        "answer in place of the ...\n")
    my_answers()
    assert capsys.readouterr().out == "Your answers for any lesson (1), as last checked:\n  00.1: 2 - ✓\n"


def test_a_prediction_that_differs_is_just_a_prediction(work_folder, capsys):
    check("03.T", "TASS")
    capsys.readouterr()
    my_answers("3")
    assert capsys.readouterr().out == "Your answers for lesson 03 (1), as last checked:\n  03.T: 'TASS' - prediction\n"


# ---------------------------------------------------------------- faults: nothing stops the lesson, nothing lost

def test_a_folder_that_cannot_be_written_is_one_line(tmp_path, monkeypatch, capsys):
    blocked = tmp_path / "work"
    blocked.write_text("a file where the folder should be")
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(blocked))
    check("00.1", 2)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Exercise 00.1: ✓ Correct.")
    assert lines[1:] == [f"(Your answer was checked but could not be saved in {blocked}: file exists.)"]
    assert blocked.read_text() == "a file where the folder should be"


def test_a_full_disk_is_one_line_and_the_old_answers_stay(work_folder, monkeypatch, capsys):
    check("00.1", 2)
    before = (work_folder / "answers.json").read_bytes()
    capsys.readouterr()

    def full(_):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(savedwork.os, "fsync", full)
    check("00.2", "Interfax")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1] == (f"(Your answer was checked but could not be saved in {work_folder}: "
                                            "no space left on device.)")
    assert (work_folder / "answers.json").read_bytes() == before
    assert sorted(p.name for p in work_folder.iterdir()) == ["answers.json"]   # the temporary file is gone


@pytest.mark.parametrize("content", [b"{broken", b"\xff\xfe garbage",
                                     b'{"format": "medialit-tags", "tagger": "x", "tags": {}}',
                                     b'{"format": "medialit-answers", "answers": {"00.1": [{"answer": 1}]}}'])
def test_a_damaged_answers_file_is_kept_aside_and_a_new_one_started(work_folder, capsys, content):
    work_folder.mkdir()
    (work_folder / "answers.json").write_bytes(content)
    check("00.1", 2)
    lines = capsys.readouterr().out.splitlines()
    [kept] = [p for p in work_folder.iterdir() if p.name != "answers.json"]
    assert kept.name.startswith("answers.kept-") and kept.read_bytes() == content
    assert lines[1] == (f"Your answers file {work_folder / 'answers.json'} could not be read, so it was kept as "
                        f"{kept.name} and a new one was started with this answer.")
    assert recorded(work_folder) == {"00.1": [(2, "correct")]}
    assert not savedwork.counts_as_work(kept.name)


def test_my_answers_on_a_damaged_file_says_so_and_leaves_it(work_folder, capsys):
    work_folder.mkdir()
    (work_folder / "answers.json").write_bytes(b"{broken")
    my_answers("00")
    out = capsys.readouterr().out
    assert out == (f"Your saved answers in {work_folder / 'answers.json'} cannot be used "
                   "(damaged: not valid JSON (near line 1)).\n")
    assert (work_folder / "answers.json").read_bytes() == b"{broken"


# ---------------------------------------------------------------- packed and restored with the tags

def test_pack_work_holds_the_answers_with_the_tags(work_folder):
    from medialit.tagging import Tagger

    Tagger([("i1", "first")], ["a", "b"], name="act").tag("i1", "a")
    check("01.E1", "a")
    target = savedwork.pack_work(name="Amira K")
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["my_work/act.json", "my_work/answers.json"]
        assert archive.read("my_work/answers.json") == (work_folder / "answers.json").read_bytes()


@pytest.mark.skipif(os.name == "nt", reason="POSIX mode bits")
@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o002, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_the_zip_is_readable_by_others_as_a_normal_file_is(work_folder, umask, mode):
    # a student copies it into a hub's shared folder: cp keeps the mode, and the teacher must read it
    check("00.1", 2)
    old = os.umask(umask)
    try:
        target = savedwork.pack_work(name="Amira K")
    finally:
        os.umask(old)
    assert target.stat().st_mode & 0o777 == mode


def test_answers_alone_can_be_packed(work_folder):
    check("00.1", 2)
    assert zipfile.ZipFile(savedwork.pack_work()).namelist() == ["my_work/answers.json"]


def test_restoring_merges_the_answers_of_the_zip_with_those_here(tmp_path, monkeypatch):
    # yesterday: answers to lesson 01 and a first try at 00.1, packed
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path / "yesterday" / "my_work"))
    check("00.1", 3)
    check("01.E1", "b")
    pack = savedwork.pack_work(name="amira")
    # today, a fresh folder: 00.1 answered again before the zip is restored
    today = tmp_path / "today" / "my_work"
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(today))
    check("00.1", 2)
    assert savedwork.restore_work(pack) == [
        "answers.json: merged with the answers already here (the latest answer to each question counts)"]
    assert recorded(today) == {"00.1": [(3, "incorrect"), (2, "correct")], "01.E1": [("b", "correct")]}
    assert sorted(p.name for p in today.iterdir()) == ["answers.json"]
    assert savedwork.restore_work(pack) == ["answers.json: every answer in the zip is here already, left as it is"]


def test_restoring_into_an_empty_folder_and_over_a_damaged_file(tmp_path, work_folder):
    book = {"format": "medialit-answers", "version": 1, "saved_at": "2026-11-30T10:00:00+00:00",
            "answers": {"02.T": [{"answer": "TASS", "status": "incorrect", "at": "2026-11-30T10:00:00+00:00"}]}}
    raw = json.dumps(book).encode()
    with zipfile.ZipFile(tmp_path / "p.zip", "w") as archive:
        archive.writestr("my_work/answers.json", raw)
    assert savedwork.restore_work(tmp_path / "p.zip") == ["answers.json: restored"]
    (work_folder / "answers.json").write_bytes(b"{broken")
    [said] = savedwork.restore_work(tmp_path / "p.zip")
    assert said.startswith("answers.json: restored; the damaged one that was here is kept as answers.kept-")
    assert sorted(p.read_bytes() for p in work_folder.iterdir()) == [raw, b"{broken"]


def test_a_pack_whose_answers_file_is_not_one_is_refused(tmp_path, work_folder):
    with zipfile.ZipFile(tmp_path / "p.zip", "w") as archive:
        archive.writestr("my_work/answers.json", b'{"format": "medialit-tags", "tagger": "answers", "tags": {}}')
    with pytest.raises(ValueError, match="answers.json is not a self-check answers file. Nothing was restored."):
        savedwork.restore_work(tmp_path / "p.zip")
    assert not work_folder.exists()

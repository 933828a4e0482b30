"""Fault injection (issue 18): what a hostile or clumsy user does to saved
work, set-up and the report.  One test (or a few) per numbered defect of the
issue; each failed on the code before the fix (commit bf1460e).  The slow
cases (a 2 MB paragraph, a 500 MB file) are benchmark rows instead:
``benchmarks/run.py --faults``."""

import codecs
import importlib.util
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from medialit.tagging import Tagger

ROOT = Path(__file__).resolve().parent.parent
FIVE = [(f"i{n}", f"item {n}") for n in range(1, 6)]


def saved(folder, name="act"):
    return json.loads((Path(folder) / f"{name}.json").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- 1. saved tags dropped


def test_1_tags_of_items_not_shown_are_kept_and_come_back(tmp_path):
    first = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    for n in range(1, 6):
        first.tag(f"i{n}", "a")
    fewer = Tagger(FIVE[:3], ["a", "b"], name="act", save_dir=tmp_path)
    assert "i4" in fewer.message and "i5" in fewer.message and "kept" in fewer.message
    fewer.tag("i1", "b")
    # the warning is still there after a click, and the file still holds i4 and i5
    assert "i4" in fewer.message
    assert saved(tmp_path)["tags"] == {"i1": "b", "i2": "a", "i3": "a", "i4": "a", "i5": "a"}
    again = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    assert again.tags() == {"i1": "b", "i2": "a", "i3": "a", "i4": "a", "i5": "a"}


def test_1_two_live_taggers_of_one_activity_lose_nothing(tmp_path):
    one = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    two = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)  # the activity shown twice
    one.tag("i1", "a")
    two.tag("i2", "b")
    one.tag("i3", "a")
    assert saved(tmp_path)["tags"] == {"i1": "a", "i2": "b", "i3": "a", "i4": None, "i5": None}
    assert "open somewhere else" in one.message
    two.tag("i4", "b")
    assert saved(tmp_path)["tags"] == {"i1": "a", "i2": "b", "i3": "a", "i4": "b", "i5": None}


# ---------------------------------------------------------------- 2. the backup overwritten


def test_2_every_reset_keeps_its_own_backup(tmp_path):
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    for n in range(1, 6):
        tagger.tag(f"i{n}", "a")
    tagger.reset_button.click()
    tagger.tag("i1", "b")  # one stray click
    tagger.reset_button.click()
    first = json.loads((tmp_path / "act.before-reset.json").read_text(encoding="utf-8"))
    second = json.loads((tmp_path / "act.before-reset-2.json").read_text(encoding="utf-8"))
    assert first["tags"] == {f"i{n}": "a" for n in range(1, 6)}
    assert second["tags"] == {"i1": "b", "i2": None, "i3": None, "i4": None, "i5": None}
    assert "act.before-reset-2.json" in tagger.message


def test_2_reset_with_nothing_tagged_names_no_backup(tmp_path):
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    tagger.reset_button.click()
    assert "before-reset" not in tagger.message
    assert not list(tmp_path.glob("*before-reset*"))


# ---------------------------------------------------------------- 8. plain sentences, not tracebacks (saved work)


def test_8_save_path_that_is_a_folder_is_one_sentence(tmp_path):
    (tmp_path / "act.json").mkdir()
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    assert "is a folder" in tagger.message
    tagger.save_button.click()  # no exception escapes the button
    assert tagger.message.startswith("Warning:") and "folder" in tagger.message
    assert (tmp_path / "act.json").is_dir()


def test_8_json_nested_deeply_is_called_damaged(tmp_path):
    (tmp_path / "act.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    assert "damaged" in tagger.message
    assert (tmp_path / "act.json").read_text(encoding="utf-8").startswith("[[[")


def test_8_a_very_long_name_is_refused_plainly(tmp_path):
    with pytest.raises(ValueError, match="short name"):
        Tagger(FIVE, ["a", "b"], name="x" * 300, save_dir=tmp_path)


def test_8_reset_on_an_unwritable_folder_says_so_and_keeps_the_tags(tmp_path):
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path / "work")
    tagger.tag("i1", "a")
    # the folder is replaced by a file: nothing can be written there any more
    shutil.rmtree(tmp_path / "work")
    (tmp_path / "work").write_text("not a folder")
    tagger.reset_button.click()
    assert tagger.message.startswith("Warning:") and "nothing was cleared" in tagger.message
    assert tagger.tags() == {"i1": "a"}


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root can read a file whatever its permissions")
def test_8_unreadable_save_file_is_one_sentence(tmp_path):
    path = tmp_path / "act.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    assert "cannot be opened" in tagger.message


def test_8_pack_work_with_the_current_folder_as_work_folder(tmp_path, monkeypatch):
    from medialit.tagging import pack_work

    work = tmp_path / "my_work"
    Tagger(FIVE, ["a", "b"], name="act", save_dir=work).tag("i1", "a")
    monkeypatch.chdir(work)
    monkeypatch.setenv("MEDIALIT_WORK_DIR", ".")
    target = pack_work()
    assert target == tmp_path / "my_work.zip"
    assert zipfile.ZipFile(target).namelist() == ["my_work/act.json"]


def test_8_pack_work_to_a_missing_folder_is_one_sentence(tmp_path, monkeypatch):
    from medialit.tagging import pack_work

    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path / "my_work"))
    Tagger(FIVE, ["a", "b"], name="act").tag("i1", "a")
    with pytest.raises(ValueError, match="Could not write the zip file"):
        pack_work(tmp_path / "no" / "such" / "folder" / "work.zip")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_8_pack_work_skips_a_pipe_named_json(tmp_path):
    work = tmp_path / "my_work"
    Tagger(FIVE, ["a", "b"], name="act", save_dir=work).tag("i1", "a")
    os.mkfifo(work / "pipe.json")
    code = ("from medialit.tagging import pack_work; import zipfile; "
            "print(zipfile.ZipFile(pack_work()).namelist())")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, MEDIALIT_WORK_DIR=str(work)))
    assert done.stdout.strip() == "['my_work/act.json']", done.stderr


# ---------------------------------------------------------------- 9. a byte-order mark


def test_9_a_save_file_with_a_bom_is_read(tmp_path):
    state = {"format": "medialit-tags", "version": 1, "tagger": "act", "tags": {"i1": "b", "i2": "a"}}
    (tmp_path / "act.json").write_bytes(codecs.BOM_UTF8 + json.dumps(state).encode("utf-8"))
    tagger = Tagger(FIVE, ["a", "b"], name="act", save_dir=tmp_path)
    assert tagger.tags() == {"i1": "b", "i2": "a"}
    assert "Welcome back" in tagger.message

"""medialit.savedwork: the save-file format, reading, atomic writing, zipping.

Expected values are written out by hand; nothing here is computed by the
module under test."""

import json
import zipfile

import pytest

from medialit import savedwork


def test_a_state_round_trips_through_a_file(tmp_path):
    state = savedwork.new_state("voice_01", ["A02", "A03"], {"A02": "cited", "A03": None}, {"A02": "TASS"})
    path = tmp_path / "voice_01.json"
    savedwork.write(path, savedwork.encode(state))
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["format"] == "medialit-tags" and on_disk["version"] == 1
    assert on_disk["tagger"] == "voice_01"
    assert on_disk["items"] == ["A02", "A03"]
    assert on_disk["tags"] == {"A02": "cited", "A03": None}
    assert on_disk["texts"] == {"A02": "TASS"}
    assert savedwork.read(path, "voice_01") == on_disk
    assert sorted(p.name for p in tmp_path.iterdir()) == ["voice_01.json"]  # no temporary left


def test_a_state_without_write_ins_has_no_texts():
    assert "texts" not in savedwork.new_state("warmup_00", ["A08"], {"A08": "event"})


def test_a_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "warmup_00.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(
        {"format": "medialit-tags", "version": 1, "tagger": "warmup_00", "tags": {"A08": "event"}}).encode())
    assert savedwork.read(path, "warmup_00")["tags"] == {"A08": "event"}


@pytest.mark.parametrize("content, words", [
    (b'{"format": "medialit-tags", "tags": {', "is damaged and cannot be read (near line 1)"),
    (b"\xff\xfe\x00garbage", "is damaged and cannot be read."),
    (b'{"some": "other json"}', "is not a saved tagging file from this course"),
    (b'{"format": "medialit-tags", "tagger": "spin_04", "tags": {}}', "holds tags for the activity 'spin_04', not 'voice_01'"),
])
def test_a_file_that_cannot_be_used_gives_a_plain_message_and_is_left_as_it_is(tmp_path, content, words):
    path = tmp_path / "voice_01.json"
    path.write_bytes(content)
    with pytest.raises(ValueError) as info:
        savedwork.read(path, "voice_01")
    message = str(info.value)
    assert words in message
    assert message.endswith("has been left as it is.")
    assert "Traceback" not in message
    assert path.read_bytes() == content


def test_a_missing_file_and_a_folder_are_said_in_words(tmp_path):
    with pytest.raises(ValueError, match="There is no saved work at"):
        savedwork.read(tmp_path / "nothing.json", "nothing")
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(ValueError, match="is a folder, not a saved tagging file"):
        savedwork.read(tmp_path / "folder.json", "folder")


def test_a_damaged_file_is_set_aside_never_replaced(tmp_path):
    path = tmp_path / "voice_01.json"
    path.write_bytes(b"{broken")
    first = savedwork.set_aside(path)
    path.write_bytes(b"{broken again")
    second = savedwork.set_aside(path)
    assert first != second and not path.exists()
    assert first.name.startswith("voice_01.kept-") and first.read_bytes() == b"{broken"
    assert second.read_bytes() == b"{broken again"


def test_free_name_counts_up(tmp_path):
    path = tmp_path / "demo.json"
    assert savedwork.free_name(path, ".before-reset").name == "demo.before-reset.json"
    (tmp_path / "demo.before-reset.json").write_text("{}")
    assert savedwork.free_name(path, ".before-reset").name == "demo.before-reset-2.json"


def test_check_state_reasons():
    with pytest.raises(ValueError, match="^not a saved tagging file from this course$"):
        savedwork.check_state({"format": "something else", "tags": {}})
    with pytest.raises(ValueError, match="^the file does not say which activity it is for$"):
        savedwork.check_state({"format": "medialit-tags", "tags": {}, "tagger": " "})


@pytest.mark.parametrize("name, counted", [
    ("voice_01.json", True), ("amira/my_work/loaded_03.json", True),
    ("voice_01.before-reset.json", False), ("voice_01.before-reset-2.json", False),
    ("voice_01.kept-20261130-120000.json", False), (".voice_01.json.abc.tmp", False), ("notes.txt", False),
])
def test_which_files_count_as_work(name, counted):
    assert savedwork.counts_as_work(name) is counted


def test_pack_work_zips_every_saved_file(work_folder):
    work_folder.mkdir()
    (work_folder / "voice_01.json").write_bytes(b'{"a": 1}')
    (work_folder / "loaded_03.json").write_bytes(b'{"b": 2}')
    (work_folder / "notes.txt").write_text("not saved work")
    target = savedwork.pack_work()
    assert target == work_folder.resolve().with_suffix(".zip")
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["my_work/loaded_03.json", "my_work/voice_01.json"]
        assert archive.read("my_work/voice_01.json") == b'{"a": 1}'


def test_pack_work_with_nothing_saved_says_so(work_folder):
    with pytest.raises(ValueError, match="There is no saved work in .* yet: tag something first."):
        savedwork.pack_work()

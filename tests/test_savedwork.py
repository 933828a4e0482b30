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
    assert target == work_folder.resolve().parent / "my_work.zip"
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == ["my_work/loaded_03.json", "my_work/voice_01.json"]
        assert archive.read("my_work/voice_01.json") == b'{"a": 1}'


def test_pack_work_with_nothing_saved_says_so(work_folder):
    with pytest.raises(ValueError, match="There is no saved work in .* yet: tag something first."):
        savedwork.pack_work()


# ---------------------------------------------------------------- packing with a name, restoring

ITEMS = [("i1", "first"), ("i2", "second"), ("i3", "third")]


def state_bytes(tags, saved_at):
    return json.dumps({"format": "medialit-tags", "version": 1, "tagger": "act", "saved_at": saved_at,
                       "items": ["i1", "i2", "i3"], "tags": tags}).encode("utf-8")


def make_zip(path, members):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("name, file_name", [
    ("Amira K.", "Amira_K.zip"), ("ben", "ben.zip"), ("../../etc/passwd", "etc_passwd.zip"),
    ("Айгерим Серикова", "Айгерим_Серикова.zip"), ("  chen / li  ", "chen_li.zip"),
])
def test_pack_work_with_a_name_writes_that_name_beside_the_work_folder(tmp_path, monkeypatch, name, file_name):
    folder = tmp_path / "anything"          # a hub may call the work folder anything
    folder.mkdir()
    (folder / "act.json").write_bytes(b'{"a": 1}')
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(folder))
    target = savedwork.pack_work(name=name)
    assert target == tmp_path / file_name
    assert zipfile.ZipFile(target).namelist() == ["my_work/act.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["anything", file_name])  # no temporary left


def test_pack_work_is_my_work_zip_whatever_the_work_folder_is_called(tmp_path, monkeypatch):
    folder = tmp_path / "work-of-jovyan"
    folder.mkdir()
    (folder / "act.json").write_bytes(b'{"a": 1}')
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(folder))
    assert savedwork.pack_work() == tmp_path / "my_work.zip"


@pytest.mark.parametrize("name", ["", "  ", "...", "/"])
def test_pack_work_with_an_empty_name_says_so(work_folder, name):
    work_folder.mkdir()
    (work_folder / "act.json").write_bytes(b'{"a": 1}')
    with pytest.raises(ValueError, match="Give your name as letters or digits"):
        savedwork.pack_work(name=name)


def test_a_pack_uploaded_to_notebooks_is_restored_into_the_real_work_folder(tmp_path, monkeypatch):
    from medialit.tagging import Tagger

    # yesterday's session: tags saved and packed
    monkeypatch.setenv("MEDIALIT_WORK_DIR", str(tmp_path / "old" / "my_work"))
    Tagger(ITEMS, ["a", "b"], name="act").tag("i1", "a")
    Tagger(ITEMS, ["a", "b"], name="act").tag("i3", "b")
    pack = savedwork.pack_work(name="amira")
    # today: a fresh Binder course folder; the kernel runs in notebooks/, where the upload lands
    course = tmp_path / "course"
    (course / "data").mkdir(parents=True)
    (course / "data" / "articles.csv").write_text("article_id\n")
    (course / "notebooks").mkdir()
    (course / "notebooks" / "amira.zip").write_bytes(pack.read_bytes())
    monkeypatch.delenv("MEDIALIT_WORK_DIR")
    monkeypatch.chdir(course / "notebooks")
    assert savedwork.restore_work("amira.zip") == ["act.json: restored"]
    assert sorted(p.name for p in (course / "my_work").iterdir()) == ["act.json"]
    assert not (course / "notebooks" / "my_work").exists()
    tagger = Tagger(ITEMS, ["a", "b"], name="act")
    assert tagger.tags() == {"i1": "a", "i3": "b"}
    assert tagger.message == "Welcome back: your saved tags are restored (2 tags, from my_work/act.json)."


def test_restoring_twice_changes_nothing(work_folder, tmp_path):
    pack = make_zip(tmp_path / "p.zip", {"my_work/act.json": state_bytes({"i1": "a"}, "2026-11-30T10:00:00+00:00")})
    savedwork.restore_work(pack)
    assert savedwork.restore_work(pack) == ["act.json: already there, left as it is"]
    assert sorted(p.name for p in work_folder.iterdir()) == ["act.json"]


def test_a_newer_local_file_is_kept_and_the_zips_copy_put_beside_it(work_folder, tmp_path):
    work_folder.mkdir()
    newer = state_bytes({"i1": "b", "i2": "b"}, "2026-11-30T12:00:00+00:00")
    older = state_bytes({"i1": "a"}, "2026-11-29T09:00:00+00:00")
    (work_folder / "act.json").write_bytes(newer)
    [said] = savedwork.restore_work(make_zip(tmp_path / "p.zip", {"my_work/act.json": older}))
    assert said.startswith("act.json: the one here is newer, kept; the zip's copy is beside it as act.kept-from-zip-")
    assert (work_folder / "act.json").read_bytes() == newer
    [beside] = [p for p in work_folder.iterdir() if p.name != "act.json"]
    assert beside.read_bytes() == older and not savedwork.counts_as_work(beside.name)


def test_an_older_local_file_is_set_aside_before_the_zips_copy_replaces_it(work_folder, tmp_path):
    work_folder.mkdir()
    older = state_bytes({"i1": "a"}, "2026-11-29T09:00:00+00:00")
    newer = state_bytes({"i1": "b", "i2": "b"}, "2026-11-30T12:00:00+00:00")
    (work_folder / "act.json").write_bytes(older)
    [said] = savedwork.restore_work(make_zip(tmp_path / "p.zip", {"act.json": newer}))
    assert said.startswith("act.json: restored; the older one that was here is kept as act.kept-")
    assert (work_folder / "act.json").read_bytes() == newer
    [aside] = [p for p in work_folder.iterdir() if p.name != "act.json"]
    assert aside.read_bytes() == older


def test_a_damaged_local_file_is_set_aside(work_folder, tmp_path):
    work_folder.mkdir()
    (work_folder / "act.json").write_bytes(b"{broken")
    good = state_bytes({"i1": "a"}, "2026-11-29T09:00:00+00:00")
    [said] = savedwork.restore_work(make_zip(tmp_path / "p.zip", {"my_work/act.json": good}))
    assert "the damaged one that was here is kept as act.kept-" in said
    assert sorted(p.read_bytes() for p in work_folder.iterdir()) == [good, b"{broken"]


@pytest.mark.parametrize("member, words", [
    ("../../evil.json", "is not a file of the my_work folder"),
    ("/etc/evil.json", "is not a file of the my_work folder"),
    ("my_work/../../evil.json", "is not a file of the my_work folder"),
    ("a/b/c.json", "is not a file of the my_work folder"),
    ("..\\evil.json", "is not a file of the my_work folder"),
    ("C:/evil.json", "is not a file of the my_work folder"),
    ("my_work/run.py", "is not a saved tagging file (*.json)"),
])
def test_a_zip_that_is_not_a_pack_is_refused_and_nothing_written(work_folder, tmp_path, member, words):
    good = state_bytes({"i1": "a"}, "2026-11-29T09:00:00+00:00")
    pack = make_zip(tmp_path / "p.zip", {"my_work/act.json": good, member: good})
    with pytest.raises(ValueError, match="is not a pack of this course's work") as info:
        savedwork.restore_work(pack)
    assert words in str(info.value) and str(info.value).endswith("Nothing was restored.")
    assert not work_folder.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.zip"]


def test_json_that_is_not_saved_tags_and_huge_files_are_refused(work_folder, tmp_path):
    with pytest.raises(ValueError, match="other.json is not a saved tagging file. Nothing was restored."):
        savedwork.restore_work(make_zip(tmp_path / "a.zip", {"my_work/other.json": b'{"hello": 1}'}))
    with pytest.raises(ValueError, match="far larger than saved tags"):
        savedwork.restore_work(make_zip(tmp_path / "b.zip", {"my_work/act.json": b" " * (3 * 1024 * 1024)}))
    (tmp_path / "c.zip").write_bytes(b"not a zip at all")
    with pytest.raises(ValueError, match="cannot be read as a zip file"):
        savedwork.restore_work(tmp_path / "c.zip")
    with pytest.raises(ValueError, match="There is no file nowhere.zip in this folder or in the course folder"):
        savedwork.restore_work("nowhere.zip")
    assert not work_folder.exists()


def test_restore_work_is_exported_from_medialit():
    import medialit

    assert medialit.restore_work is savedwork.restore_work and medialit.pack_work is savedwork.pack_work

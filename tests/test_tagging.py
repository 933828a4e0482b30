"""Unit tests for medialit.tagging: the Tagger, driven from Python the way
the solution notebooks drive it (set ``.value``, call ``.click()``)."""

import html
import json
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from medialit import savedwork, tagfeedback, tagging
from medialit.tagging import Tagger, kappa_meaning, load_key, work_dir

ITEMS = [
    ("q1", "“They have been eliminated,” said Sultanat Azirbek."),
    ("q2", "Russia’s foreign ministry echoed the sentiment."),
    ("q3", "Allegations of terrorism are often used to stigmatize opponents."),
]
CHOICES = ["writer", "cited"]
KEY = pd.DataFrame({
    "item_id": ["q1", "q2", "q3"],
    "label": ["writer", "cited", "cited"],
    "rationale": ["R1: the police spokesman's own words.", "R2: the ministry is named.", "R3: no source."],
})


def make(name="demo", items=ITEMS, choices=CHOICES, key=KEY, **kwargs):
    return Tagger(items, choices, key, name=name, **kwargs)


def all_widget_values(tagger):
    """Every string value shown by any widget inside the Tagger."""
    found, stack = [], [tagger.widget]
    while stack:
        w = stack.pop()
        for attr in ("value", "description", "tooltip"):
            value = getattr(w, attr, None)
            if isinstance(value, str):
                found.append(value)
        stack.extend(getattr(w, "children", ()))
    return found


def files_in(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


# --------------------------------------------------------------------------
# The work folder (conftest points it at a fresh temporary folder)


def test_work_dir_follows_the_environment(work_folder):
    assert work_dir() == work_folder
    tagger = make()
    assert tagger.path == work_folder / "demo.json"


def test_work_dir_default_is_my_work(monkeypatch):
    monkeypatch.delenv("MEDIALIT_WORK_DIR")
    assert work_dir().name == "my_work"
    assert work_dir().parent == Path(tagging.__file__).resolve().parent.parent


# --------------------------------------------------------------------------
# Feedback


def test_check_gives_feedback_under_each_item():
    tagger = make()
    tagger.tag("q1", "writer")  # matches the key
    tagger.choice_widgets["q2"].value = "writer"  # differs: key says cited
    tagger.check_button.click()
    match, differs, untagged = (tagger.feedback_html[i].value for i in ("q1", "q2", "q3"))
    assert "✓" in match and "✗" not in match
    assert "R1: the police spokesman&#x27;s own words." in match
    assert "✗" in differs and "✓" not in differs
    assert "The key says “cited”" in differs and "you chose “writer”" in differs
    assert "R2: the ministry is named." in differs
    assert "Not tagged yet" in untagged and "R3" not in untagged
    # the agreement is of the tagged items, and the untagged one is counted, not hidden
    assert ("You tagged 2 of 3 items; 1 of the 2 you tagged matches the key; 1 not tagged yet."
            in tagger.summary_html.value)


def test_no_feedback_before_check_then_live_after():
    tagger = make()
    tagger.tag("q1", "cited")
    assert all(w.value == "" for w in tagger.feedback_html.values())
    assert tagger.summary_html.value == ""
    tagger.check_button.click()
    assert "✗" in tagger.feedback_html["q1"].value
    tagger.tag("q1", "writer")  # after a check, feedback follows each change
    assert "✓" in tagger.feedback_html["q1"].value


def test_feedback_table():
    tagger = make()
    tagger.tag("q1", "writer")
    tagger.tag("q2", "writer")
    table = tagger.show_feedback()
    assert table.columns.tolist() == ["item_id", "your_tag", "key", "result", "rationale"]
    assert table["result"].tolist() == ["match", "differs", "not tagged"]
    assert table["your_tag"].tolist() == ["writer", "writer", ""]
    assert table["key"].tolist() == ["writer", "cited", "cited"]


def test_items_without_a_key_entry():
    tagger = make(key={"q1": ("writer", "why")})
    tagger.tag("q2", "cited")
    tagger.show_feedback()
    assert "No answer key" in tagger.feedback_html["q2"].value
    assert tagger.feedback()["result"].tolist() == ["not tagged", "no key", "no key"]


def test_tagger_without_key():
    tagger = make(key=None)
    tagger.tag("q1", "writer")
    assert tagger.score()["match"] == 0
    assert tagger.score()["kappa"] is None


# --------------------------------------------------------------------------
# Score and kappa


def cohen_kappa(a, b):
    """Cohen's kappa written out by hand, to check NLTK's value."""
    n = len(a)
    observed = sum(x == y for x, y in zip(a, b)) / n
    labels = set(a) | set(b)
    expected = sum((a.count(k) / n) * (b.count(k) / n) for k in labels)
    return (observed - expected) / (1 - expected)


def test_score_counts_and_kappa():
    tagger = make()
    for item_id, value in zip(["q1", "q2", "q3"], ["writer", "writer", "cited"]):
        tagger.tag(item_id, value)
    # student w,w,c vs key w,c,c: observed 2/3, chance 2/3*1/3 + 1/3*2/3 = 4/9,
    # kappa = (2/3 - 4/9) / (1 - 4/9) = 0.4
    expected = cohen_kappa(["w", "w", "c"], ["w", "c", "c"])
    assert expected == pytest.approx(0.4)
    score = tagger.score()
    assert score == {
        "items": 3, "tagged": 3, "match": 2, "accepted": 0, "differs": 1, "not_tagged": 0,
        "percent_match": 66.7, "kappa": pytest.approx(expected, abs=1e-3), "kappa_note": "fair agreement",
    }
    tagger.show_feedback()
    # the student's score sentence is counts only: kappa is for instructors (issue 14)
    assert "You tagged 3 of 3 items; 2 of 3 match the key.</b>" in tagger.summary_html.value
    assert "kappa" not in tagger.summary_html.value.lower()
    assert "%" not in tagger.summary_html.value  # "2 of 3", not "66.7%" (lesson 03's third trial)


def test_kappa_of_a_longer_run_matches_hand_computation():
    ids = [f"i{n}" for n in range(8)]
    key = ["a", "a", "b", "b", "c", "c", "a", "b"]
    mine = ["a", "b", "b", "b", "c", "a", "a", "c"]
    tagger = make(name="longer", items=[(i, f"Item {i}.") for i in ids], choices=["a", "b", "c"],
                  key=dict(zip(ids, key)))
    for i, value in zip(ids, mine):
        tagger.tag(i, value)
    assert tagger.score()["kappa"] == pytest.approx(round(cohen_kappa(mine, key), 3))
    assert tagger.score()["percent_match"] == 62.5


def test_kappa_needs_two_items():
    tagger = make()
    tagger.tag("q1", "writer")
    score = tagger.score()
    assert score["kappa"] is None
    assert "at least two" in score["kappa_note"]


def test_kappa_undefined_when_everything_has_one_label():
    key = {"q1": "cited", "q2": "cited", "q3": "cited"}
    tagger = make(key=key)
    for item_id in key:
        tagger.tag(item_id, "cited")
    score = tagger.score()  # no exception
    assert score["match"] == 3
    assert score["kappa"] is None
    assert "undefined" in score["kappa_note"]
    tagger.show_feedback()
    assert "undefined" not in tagger.summary_html.value
    assert "kappa" not in tagger.summary_html.value.lower()
    assert "You tagged 3 of 3 items; 3 of 3 match the key." in tagger.summary_html.value


def test_kappa_when_only_the_student_uses_one_label():
    # Not undefined: chance agreement is below 1, kappa is 0.
    tagger = make()
    for item_id in ("q1", "q2", "q3"):
        tagger.tag(item_id, "cited")
    assert tagger.score()["kappa"] == pytest.approx(cohen_kappa(["c", "c", "c"], ["w", "c", "c"]))


@pytest.mark.parametrize("kappa, words", [
    (-0.1, "less than chance agreement"), (0.0, "slight agreement"), (0.2, "slight agreement"),
    (0.4, "fair agreement"), (0.41, "moderate agreement"), (0.75, "substantial agreement"),
    (0.81, "almost perfect agreement"), (1.0, "almost perfect agreement"),
])
def test_kappa_meaning(kappa, words):
    assert kappa_meaning(kappa) == words


def test_summary_when_nothing_is_tagged():
    tagger = make()
    assert tagger.summary() == "Nothing tagged yet: 3 items are waiting."


# --------------------------------------------------------------------------
# Progress


def test_progress_bar_and_label_follow_the_tags():
    tagger = make()
    assert (tagger.progress.value, tagger.progress.max) == (0, 3)
    assert tagger.progress_label.value == "0 of 3 tagged"
    tagger.tag("q1", "writer")
    tagger.choice_widgets["q3"].value = "cited"
    assert tagger.progress.value == 2
    assert tagger.progress_label.value == "2 of 3 tagged"
    tagger.tag("q1", None)  # clearing a tag
    assert tagger.progress.value == 1
    assert tagger.progress_label.value == "1 of 3 tagged"


# --------------------------------------------------------------------------
# HTML escaping: user text never becomes markup


def test_item_title_instructions_and_rationale_are_escaped():
    evil_item = "<img src=x onerror=alert(1)>"
    evil = "<script>alert('x')</script>"
    items = [("q1", evil_item), ("q2", "Plain text."), ("q<3>", "Another & more.")]
    key = {"q1": ("writer", evil), "q2": ("cited", evil), "q<3>": ("cited", "ok")}
    tagger = Tagger(items, [(evil, "writer"), ("cited", "cited")], key, name="escape",
                    title=evil, instructions=evil)
    tagger.tag("q1", "writer")
    tagger.tag("q2", "writer")
    tagger.check_button.click()
    values = all_widget_values(tagger)
    joined = "\n".join(values)
    assert "<img" not in joined and "<script" not in joined
    assert "&lt;img src=x onerror=alert(1)&gt;" in tagger.item_html["q1"].value
    assert "&lt;script&gt;" in tagger.header.value
    assert "&lt;script&gt;" in tagger.feedback_html["q1"].value
    assert "[q&lt;3&gt;]" in tagger.item_html["q<3>"].value
    assert "Another &amp; more." in tagger.item_html["q<3>"].value


def test_highlight_marks_an_escaped_phrase():
    items = pd.DataFrame({"item_id": ["h1"], "text": ["They were <b>bandits</b>, police said."],
                          "highlight": ["<b>bandits</b>"]})
    tagger = Tagger(items, CHOICES, name="highlight")
    value = tagger.item_html["h1"].value
    assert "<mark><b>&lt;b&gt;bandits&lt;/b&gt;</b></mark>" in value
    assert "<b>bandits</b>" not in value


# --------------------------------------------------------------------------
# Saving and loading


def test_autosave_writes_the_file_on_each_change(work_folder):
    tagger = make()
    assert not tagger.path.exists()
    tagger.tag("q1", "writer")
    state = json.loads(tagger.path.read_text(encoding="utf-8"))
    assert state["format"] == "medialit-tags"
    assert state["version"] == 1
    assert state["tagger"] == "demo"
    assert state["items"] == ["q1", "q2", "q3"]
    assert state["tags"] == {"q1": "writer", "q2": None, "q3": None}
    tagger.choice_widgets["q2"].value = "cited"
    assert json.loads(tagger.path.read_text(encoding="utf-8"))["tags"]["q2"] == "cited"
    assert files_in(work_folder) == ["demo.json"]  # no *.tmp left behind


def test_new_tagger_with_same_name_restores_tags(tmp_path):
    folder = tmp_path / "elsewhere"
    first = make(save_dir=folder)
    first.tag("q1", "writer")
    first.tag("q3", "cited")
    saved = first.save()
    assert saved == folder / "demo.json"
    second = make(save_dir=folder)
    assert second.tags() == {"q1": "writer", "q3": "cited"}
    assert second.progress.value == 2
    assert "your saved tags are restored (2 tags, from " in second.message
    assert str(folder) not in second.message, "no machine path: the folder and file name are enough"


def test_explicit_save_and_load_with_autosave_off(tmp_path):
    tagger = make(autosave=False)
    tagger.tag("q2", "cited")
    assert not tagger.path.exists()  # autosave off: nothing written
    target = tmp_path / "copy" / "mine.json"
    tagger.save(target)
    json.loads(target.read_text(encoding="utf-8"))  # valid JSON
    other = make(autosave=False)
    assert other.tags() == {}
    assert other.load(target) == 1
    assert other.tags() == {"q2": "cited"}
    assert "Restored 1 tag(s)" in other.message


def test_load_skips_tags_for_items_that_are_gone(tmp_path):
    path = tmp_path / "demo.json"
    path.write_text(json.dumps({"format": "medialit-tags", "version": 1, "tagger": "demo",
                                "tags": {"q1": "writer", "old": "cited", "q2": "no-such-tag"}}))
    tagger = make(autosave=False)
    assert tagger.load(path) == 1
    assert tagger.tags() == {"q1": "writer"}
    # the unknown choice is skipped; the tag of an item not shown here is kept (issue 18)
    assert "Skipped 1" in tagger.message and "q2" in tagger.message and "old" in tagger.message


def test_save_is_atomic_and_leaves_no_temporary_files(work_folder):
    tagger = make()
    for value in ("writer", "cited", "writer", None, "cited"):
        tagger.tag("q1", value)
    tagger.save()
    assert files_in(work_folder) == ["demo.json"]
    assert not [name for name in files_in(work_folder) if name.endswith(".tmp")]


def test_failed_write_keeps_the_old_file_and_no_temporary(work_folder, monkeypatch):
    tagger = make()
    tagger.tag("q1", "writer")
    before = tagger.path.read_bytes()

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(savedwork.os, "replace", broken_replace)
    with pytest.raises(OSError):
        tagger.save()
    assert tagger.path.read_bytes() == before
    assert files_in(work_folder) == ["demo.json"]


def test_autosave_failure_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    tagger = make(save_dir=blocker / "sub")
    tagger.tag("q1", "writer")  # must not raise
    assert tagger.tags() == {"q1": "writer"}
    assert tagger.autosave is False
    assert tagger.message.startswith("Warning: Could not save")


def test_corrupt_file_load_raises_plainly_and_leaves_the_file(work_folder):
    work_folder.mkdir()
    path = work_folder / "demo.json"
    junk = b'{"format": "medialit-tags", "tagg\xff'
    path.write_bytes(junk)
    tagger = make(autosave=False)
    with pytest.raises(ValueError) as info:
        tagger.load(path)
    message = str(info.value)
    assert "damaged" in message and "Traceback" not in message
    assert path.read_bytes() == junk


@pytest.mark.parametrize("junk", [b'{"format": "medialit-tags", "tagg', b"\x00\x01\xfe binary",
                                  b'["a", "list"]', b'{"format": "something-else", "tags": {}}'])
def test_tagger_over_a_corrupt_file_warns_and_does_not_touch_it(work_folder, junk):
    work_folder.mkdir()
    path = work_folder / "demo.json"
    path.write_bytes(junk)
    tagger = make()
    assert tagger.message.startswith("Warning:")
    assert "left as it is" in tagger.message
    assert tagger.autosave is False
    assert tagger.tags() == {}
    tagger.tag("q1", "writer")  # autosave paused: the file is not touched
    assert path.read_bytes() == junk
    assert files_in(work_folder) == ["demo.json"]


def test_save_button_keeps_the_corrupt_file_aside(work_folder):
    work_folder.mkdir()
    path = work_folder / "demo.json"
    junk = b'{"format": "medialit-tags", "tagg'
    path.write_bytes(junk)
    tagger = make()
    tagger.tag("q1", "writer")
    tagger.save_button.click()
    kept = [name for name in files_in(work_folder) if name.startswith("demo.kept-")]
    assert len(kept) == 1 and kept[0].endswith(".json")
    assert (work_folder / kept[0]).read_bytes() == junk
    assert json.loads(path.read_text(encoding="utf-8"))["tags"]["q1"] == "writer"
    assert "kept as " + kept[0] in tagger.message
    assert tagger.autosave is True  # saving works again from now on
    tagger.tag("q2", "cited")
    assert json.loads(path.read_text(encoding="utf-8"))["tags"]["q2"] == "cited"


def test_file_from_another_activity(tmp_path):
    path = make(name="lesson2", autosave=False).save(tmp_path / "lesson2.json")
    tagger = make(name="lesson3", autosave=False)
    with pytest.raises(ValueError) as info:
        tagger.load(path)
    assert "lesson2" in str(info.value) and "lesson3" in str(info.value)


def test_tagger_over_another_activitys_file_keeps_it_on_save(tmp_path):
    folder = tmp_path / "work"
    other = make(name="lesson2", save_dir=folder)
    other.tag("q1", "cited")
    original = (folder / "lesson2.json").read_bytes()
    os.replace(folder / "lesson2.json", folder / "lesson3.json")  # student renamed it
    tagger = make(name="lesson3", save_dir=folder)
    assert "lesson2" in tagger.message and tagger.autosave is False
    tagger.save_button.click()
    kept = [name for name in files_in(folder) if name.startswith("lesson3.kept-")]
    assert len(kept) == 1
    assert (folder / kept[0]).read_bytes() == original


def test_file_whose_items_do_not_match(tmp_path):
    path = tmp_path / "demo.json"
    content = json.dumps({"format": "medialit-tags", "version": 1, "tagger": "demo",
                          "items": ["x1", "x2"], "tags": {"x1": "writer", "x2": "cited"}})
    path.write_text(content, encoding="utf-8")
    tagger = make(autosave=False)
    with pytest.raises(ValueError, match="does not match this activity"):
        tagger.load(path)
    assert path.read_text(encoding="utf-8") == content


def test_tagger_over_a_file_whose_items_do_not_match_keeps_it_on_save(work_folder):
    work_folder.mkdir()
    path = work_folder / "demo.json"
    content = json.dumps({"format": "medialit-tags", "version": 1, "tagger": "demo",
                          "items": ["x1"], "tags": {"x1": "writer"}})
    path.write_text(content, encoding="utf-8")
    tagger = make()
    assert tagger.autosave is False
    assert "kept beside the new one" in tagger.message
    tagger.tag("q1", "writer")
    assert path.read_text(encoding="utf-8") == content
    tagger.save_button.click()  # the message promised the old file is kept
    kept = [name for name in files_in(work_folder) if name.startswith("demo.kept-")]
    assert len(kept) == 1
    assert (work_folder / kept[0]).read_text(encoding="utf-8") == content
    assert json.loads(path.read_text(encoding="utf-8"))["tags"]["q1"] == "writer"


def test_load_missing_file():
    with pytest.raises(ValueError, match="no saved work"):
        make(autosave=False).load()


# --------------------------------------------------------------------------
# Reset


def test_reset_clears_tags_and_keeps_a_copy(work_folder):
    tagger = make()
    tagger.tag("q1", "writer")
    tagger.tag("q2", "cited")
    tagger.show_feedback()
    tagger.reset_button.click()
    assert tagger.tags() == {}
    assert tagger.progress.value == 0
    assert all(w.value == "" for w in tagger.feedback_html.values())
    assert tagger.summary_html.value == ""
    backup = work_folder / "demo.before-reset.json"
    assert json.loads(backup.read_text(encoding="utf-8"))["tags"] == {"q1": "writer", "q2": "cited", "q3": None}
    assert json.loads(tagger.path.read_text(encoding="utf-8"))["tags"] == {"q1": None, "q2": None, "q3": None}
    assert "before-reset.json" in tagger.message
    # the reset can be undone
    assert tagger.load(backup) == 2
    assert tagger.tags() == {"q1": "writer", "q2": "cited"}


def test_feedback_is_not_live_after_reset():
    tagger = make()
    tagger.tag("q1", "writer")
    tagger.show_feedback()
    tagger.reset()
    tagger.tag("q1", "cited")
    assert tagger.feedback_html["q1"].value == ""


# --------------------------------------------------------------------------
# Construction and bad input


def test_repr_is_a_deterministic_one_liner():
    tagger = make(choices=[("The writer", "writer"), ("A cited source", "cited")])
    assert repr(tagger) == "Tagger 'demo': 3 items, 0 tagged, choices: The writer, A cited source"
    tagger.tag("q1", "writer")
    assert repr(tagger) == "Tagger 'demo': 3 items, 1 tagged, choices: The writer, A cited source"
    assert tagger._repr_mimebundle_()["text/plain"] == repr(tagger)


def test_tag_with_unknown_id():
    with pytest.raises(ValueError, match="no item 'q9'"):
        make().tag("q9", "writer")


def test_tag_with_unknown_value():
    tagger = make()
    with pytest.raises(ValueError, match="'maybe' is not one of the choices: writer, cited"):
        tagger.tag("q1", "maybe")
    assert tagger.tags() == {}


def test_choices_as_label_value_pairs():
    key = pd.DataFrame({"item_id": ["q1", "q2", "q3"], "label": ["own", "quoted", "quoted"],
                        "rationale": ["r1", "r2", "r3"]})
    tagger = make(choices=[("Writer's own voice", "own"), ("Quoted source", "quoted")], key=key)
    tagger.tag("q1", "own")  # by value
    tagger.tag("q2", "Writer's own voice")  # by label
    tagger.choice_widgets["q3"].value = "quoted"  # what a click does
    assert tagger.tags() == {"q1": "own", "q2": "own", "q3": "quoted"}
    tagger.show_feedback()
    assert "✓" in tagger.feedback_html["q1"].value
    assert "The key says “Quoted source”, you chose “Writer&#x27;s own voice”" in tagger.feedback_html["q2"].value
    assert tagger.score()["match"] == 2
    assert json.loads(tagger.path.read_text(encoding="utf-8"))["tags"]["q2"] == "own"


def test_key_label_not_among_choices():
    key = KEY.assign(label=["writer", "cited", "unsure"])
    with pytest.raises(ValueError, match="not among the choices: unsure"):
        make(key=key)


def test_key_must_use_values_not_labels():
    with pytest.raises(ValueError, match="not among the choices"):
        make(choices=[("Writer", "own"), ("Quoted", "quoted")], key={"q1": "Writer"})


def test_key_with_unknown_ids():
    key = pd.DataFrame({"item_id": ["q1", "zz"], "label": ["writer", "cited"], "rationale": ["", ""]})
    with pytest.raises(ValueError, match="not in the list: zz"):
        make(key=key)


def test_key_without_label_column():
    with pytest.raises(ValueError, match="'label' column"):
        make(key=pd.DataFrame({"item_id": ["q1"], "answer": ["writer"]}))


def test_key_with_sentence_id_column():
    key = pd.DataFrame({"sentence_id": ["q1"], "label": ["cited"]})
    tagger = make(key=key)
    assert tagger.key == {"q1": ("cited", "")}


@pytest.mark.parametrize("name", ["", "has space", "../escape", "a/b"])
def test_bad_names(name):
    with pytest.raises(ValueError, match="short name"):
        make(name=name)


def test_items_in_other_shapes():
    as_strings = Tagger(["First.", "Second."], CHOICES, name="strings")
    assert as_strings.items["item_id"].tolist() == ["1", "2"]
    as_dicts = Tagger([{"item_id": "a", "text": "A."}, {"item_id": "b", "text": "B."}], CHOICES, name="dicts")
    assert as_dicts.items["text"].tolist() == ["A.", "B."]
    frame = pd.DataFrame({"sentence_id": ["A01"], "sentence": ["Dozens killed."]})
    custom = Tagger(frame, CHOICES, name="frame", id_column="sentence_id", text_column="sentence")
    assert custom.items.columns.tolist() == ["item_id", "text"]


def test_bad_items_and_choices():
    with pytest.raises(ValueError, match="no items"):
        Tagger([], CHOICES, name="empty")
    with pytest.raises(ValueError, match="repeated: q1"):
        Tagger([("q1", "A."), ("q1", "B.")], CHOICES, name="dupes")
    with pytest.raises(ValueError, match="'text' column"):
        Tagger(pd.DataFrame({"item_id": ["q1"]}), CHOICES, name="nocol")
    with pytest.raises(ValueError, match="at least two choices"):
        Tagger(ITEMS, ["only"], name="onechoice")


def test_load_key_unknown_name():
    with pytest.raises(ValueError, match="no answer key called 'no_such_key'"):
        load_key("no_such_key")


# --------------------------------------------------------------------------
# Timing


def test_check_is_fast_for_fifty_items():
    ids = [f"i{n:02d}" for n in range(50)]
    key = {i: ("writer" if n % 3 else "cited", f"Because of reason {n}.") for n, i in enumerate(ids)}
    tagger = Tagger([(i, f"Sentence number {n} about the protests.") for n, i in enumerate(ids)],
                    CHOICES, key, name="timing")
    for n, i in enumerate(ids):
        tagger.tag(i, "writer" if n % 2 else "cited")
    start = time.perf_counter()
    tagger.check_button.click()
    elapsed = time.perf_counter() - start
    print(f"\ncheck() on 50 tagged items took {elapsed * 1000:.1f} ms")
    assert sum("✓" in w.value or "✗" in w.value for w in tagger.feedback_html.values()) == 50
    assert elapsed < 0.2


def test_two_set_asides_in_the_same_second_keep_both(tmp_path):
    """A damaged file set aside twice within one second must not replace the
    first kept copy."""
    items = [("a", "one"), ("b", "two")]
    for attempt in range(2):
        (tmp_path / "twice.json").write_text("{damaged", encoding="utf-8")
        tagger = Tagger(items, ["x", "y"], name="twice", save_dir=tmp_path)
        tagger.save_button.click()
    kept = sorted(p.name for p in tmp_path.glob("twice.kept-*.json"))
    assert len(kept) == 2
    assert all((tmp_path / name).read_text(encoding="utf-8") == "{damaged" for name in kept)


# ---------------------------------------------------------------- write-in boxes
WRITE_KEY = pd.DataFrame({
    "item_id": ["q1", "q2", "q3"],
    "label": ["writer", "cited", "cited"],
    "rationale": ["r1", "r2", "r3"],
    "answer": ["city|town", "allies", ""],
})


def test_write_in_match_accepts_alternatives_ignoring_case_and_punctuation(tmp_path):
    t = make("writein", key=WRITE_KEY, write_in="The original word", save_dir=tmp_path)
    t.write("q1", "  Town. ")
    t.write("q2", "helpers")
    table = t.show_feedback()
    assert list(table["text_result"]) == ["match", "differs", "not written"]
    assert t.texts() == {"q1": "Town.", "q2": "helpers"}
    assert "✓ “Town.” matches the key" in t.feedback_html["q1"].value
    assert "the key has “allies”" in t.feedback_html["q2"].value
    s = t.score()
    assert (s["written"], s["text_match"]) == (2, 1)
    assert "Write-ins: 2 of 3 written, 1 matches the key." in t.summary()


def test_the_tick_for_a_tag_says_it_is_for_the_tag_when_a_line_on_the_box_follows(tmp_path):
    # found by lesson 04's second trial: "✓ Matches the key." then "✗ You wrote …" read as a contradiction
    t = make("tick", key=WRITE_KEY, write_in="The original word", save_dir=tmp_path)
    t.tag("q2", "cited")
    t.write("q2", "helpers")
    t.show_feedback()
    q2 = t.feedback_html["q2"].value
    assert "✓ Your tag matches the key.</span> r2" in q2 and "the key has “allies”" in q2
    plain = make("tick_plain", key=WRITE_KEY, save_dir=tmp_path)   # no box: nothing to tell apart
    plain.tag("q2", "cited")
    plain.show_feedback()
    assert "✓ Matches the key.</span> r2" in plain.feedback_html["q2"].value


def test_a_typed_name_matches_only_a_listed_wording_and_is_close_when_less_precise(tmp_path):
    from medialit.tagscoring import name_result

    police = "Sultanat Azirbek|the police spokeswoman|a spokesman for the city’s police department|police"
    assert name_result(police, "A spokesman for the city's police department") == "match"
    assert name_result(police, "Sultanat Azirbek (on Khabar 24)") == "match"  # a description in brackets
    assert name_result("Samal", "Samal, a teacher") == "match"  # a description after a comma
    assert name_result("the writer|no one", "no one / the writer") == "match"  # every alternative accepted
    assert name_result(police, "TASS") == "differs"  # a relay the key does not list
    assert name_result(police, "Interfax, the channel") == "differs"
    assert name_result(police, "TASS or the police") == "close"  # hedged between a relay and the speaker
    assert name_result(police, "a spokesman") == "close"  # part of an accepted wording
    assert name_result("Russia’s foreign ministry", "Russia") == "close"
    assert name_result(police, "the") == "differs"  # too short to be part of a name
    assert name_result(police, "the spokesman for the city's police department") == "match"  # "a" or "the"
    # the name with the key's own description of the speaker, in any order (fourth lesson 02 trial)
    a03 = ("Sultanat Azirbek|Azirbek|the police spokesman|police spokesman|the police spokeswoman|"
           "police spokeswoman|a spokesman for the city’s police department")
    assert name_result(a03, "police spokeswoman Sultanat Azirbek") == "match"
    assert name_result(a03, "Sultanat Azirbek police spokesman") == "match"
    assert name_result(a03, "Sultanat Azirbek of TASS") == "close"   # a word the key does not use
    assert name_result("Khabar 24|the channel|Kazakh state television", "the state TV channel Khabar 24") == "close"
    # a possessive left out is the same name (found by the third lesson 02 trial: A19)
    assert name_result("Russia’s foreign ministry", "Russia foreign ministry") == "match"
    assert name_result("Russia’s foreign ministry", "Russia's Foreign Ministry") == "match"
    assert name_result("Russia’s foreign ministry", "Russia foreign") == "close"
    t, table = checked_write_ins(tmp_path, "name", ["Samal", "Sultanat Azirbek|police", ""],
                                 {"q1": "Samal, a teacher", "q2": "a police officer"})
    assert list(table["text_result"]) == ["match", "close", "not written"]
    assert "≈ Close: you wrote “a police officer”; the key has “Sultanat Azirbek”." in t.feedback_html["q2"].value
    assert "✗" not in t.feedback_html["q2"].value
    assert "1 matches the key" in t.summary()


def checked_write_ins(tmp_path, mode, answers, written):
    """A write-in Tagger in ``mode`` with the key's ``answers``, the texts in
    ``written`` typed, and Check pressed: the Tagger and its feedback table."""
    t = make(mode, key=WRITE_KEY.assign(answer=answers), write_in="Your answer", write_in_check=mode,
             save_dir=tmp_path)
    for item_id, text in written.items():
        t.write(item_id, text)
    return t, t.show_feedback()


def test_write_in_model_answer_is_shown_escaped_beside_the_students_text(tmp_path):
    t, table = checked_write_ins(tmp_path, "model", ["Police said <b>dozens</b> died.", "", ""],
                                 {"q1": "<script>x</script> my version", "q2": "something"})
    assert list(table["text_result"]) == ["model shown", "no key", "not written"]
    html_out = t.feedback_html["q1"].value
    assert "&lt;script&gt;x&lt;/script&gt; my version" in html_out and "<script>" not in html_out
    assert "A model answer: “Police said &lt;b&gt;dozens&lt;/b&gt; died.”</span>" in html_out  # no second full stop


def test_write_ins_are_saved_restored_and_reset(tmp_path):
    t = make("keepme", key=WRITE_KEY, write_in="Original", save_dir=tmp_path)
    t.tag("q1", "writer")
    t.write("q2", "allies")
    saved = json.loads((tmp_path / "keepme.json").read_text(encoding="utf-8"))
    assert saved["texts"]["q2"] == "allies" and saved["tags"]["q1"] == "writer"
    again = make("keepme", key=WRITE_KEY, write_in="Original", save_dir=tmp_path)
    assert again.tags() == {"q1": "writer"} and again.texts() == {"q2": "allies"}
    assert "restored (2 tags, from " in again.message
    again.reset()
    assert again.texts() == {} and again.tags() == {}
    before = json.loads((tmp_path / "keepme.before-reset.json").read_text(encoding="utf-8"))
    assert before["texts"]["q2"] == "allies"


def test_write_in_options_are_checked():
    with pytest.raises(ValueError, match="write_in_check"):
        make("bad", write_in="x", write_in_check="exact")
    plain = make("plain")
    with pytest.raises(ValueError, match="no write-in boxes"):
        plain.write("q1", "text")
    assert "your_text" not in plain.feedback().columns
    assert "texts" not in plain.state()


# --------------------------------------------------------------------------
# Assistive technology: choices with a state, feedback that is announced


def test_choices_are_radio_buttons_named_for_their_item():
    """Native radio inputs (a screen reader says "checked" / "not checked")
    in a group named for the item they tag; the state follows the tag.
    (The browser side, the radiogroup's name and the arrow keys, is checked
    in tests/test_browser.py.)"""
    from medialit.choicegroup import ChoiceGroup

    tagger = make()
    for number, (item_id, _) in enumerate(ITEMS, start=1):
        choice = tagger.choice_widgets[item_id]
        assert isinstance(choice, ChoiceGroup)
        assert choice.description == f"Your tag for {number} [{item_id}]:"
        assert [tuple(o) for o in choice.options] == [("writer", "writer"), ("cited", "cited")]
        assert choice.value is None
    tagger.tag("q2", "cited")
    assert tagger.choice_widgets["q2"].value == "cited"


def test_a_choice_group_refuses_a_value_that_is_not_a_choice():
    import traitlets

    tagger = make()
    with pytest.raises(traitlets.TraitError):
        tagger.choice_widgets["q1"].value = "nonsense"
    assert tagger.choice_widgets["q1"].value is None


def test_feedback_is_announced_and_says_which_item():
    tagger = make()
    tagger.tag("q1", "writer")
    tagger.check_button.click()
    summary = tagger.summary_html.value
    assert summary.startswith("<div role='alert'>") and "You tagged 1 of 3 items" in summary
    assert "Feedback on 1 [q1]:" in tagger.feedback_html["q1"].value
    assert "Feedback on 3 [q3]:" in tagger.feedback_html["q3"].value


# --------------------------------------------------------------------------
# Contested items (issue 14's trial of lesson 03): a side the key's rationale
# defends agrees with the key.  The items and labels are data/keys/loaded_03.csv's:
# A02 "attackers", A13 "peacekeepers", A24 "uprising" are contested (each
# rationale has a "Loaded: ..." and a "Neutral: ..." side), A03 "eliminated"
# is loaded, B02 "protesters" is neutral.

LOADED_CHOICES = [("loaded", "loaded"), ("contested", "contested"), ("neutral", "neutral")]


def test_a_contested_item_accepts_either_side_the_rationale_defends(tmp_path):
    tagger = Tagger.from_key("loaded_03", choices=LOADED_CHOICES, save_dir=tmp_path)
    for item_id, value in [("A02", "loaded"), ("A13", "neutral"), ("A24", "contested"),
                           ("A03", "neutral"), ("B02", "loaded")]:
        tagger.tag(item_id, value)
    table = tagger.show_feedback().set_index("item_id")
    assert table.loc[["A02", "A13", "A24", "A03", "B02"], "result"].tolist() == [
        "accepted", "accepted", "match", "differs", "differs"]
    a02 = tagger.feedback_html["A02"].value
    assert "✓" in a02 and "✗" not in a02
    assert "Agrees with the key: contested, so “loaded” and “neutral” are both defensible; you chose “loaded”" in a02
    assert "Contested. Loaded: “attackers” names the dead by what they are said to have done" in a02
    assert "Matches the key: contested, with a case for “loaded” and “neutral”" in tagger.feedback_html["A24"].value
    assert "The key says “loaded”, you chose “neutral”" in tagger.feedback_html["A03"].value
    score = tagger.score()
    assert (score["match"], score["accepted"], score["differs"], score["percent_match"]) == (1, 2, 2, 60.0)
    # student loaded, neutral, contested, neutral, loaded against the key with the accepted
    # sides counted as agreeing (loaded, neutral, contested, loaded, neutral): observed 3/5,
    # chance 2/5*2/5 + 2/5*2/5 + 1/5*1/5 = 0.36, kappa = (0.6 - 0.36) / 0.64 = 0.375
    assert score["kappa"] == pytest.approx(0.375, abs=1e-3)
    assert tagger.summary() == ("You tagged 5 of 15 items; 3 of the 5 you tagged match the key, "
                                "counting 2 contested items where the key accepts your answer; "
                                "10 not tagged yet.")


def test_defended_sides_come_from_the_rationale():
    from medialit.tagscoring import defended

    key = load_key("loaded_03").set_index("item_id")
    assert defended("contested", key.loc["B01", "rationale"], LOADED_CHOICES) == ["loaded", "neutral"]
    assert defended("loaded", key.loc["A03", "rationale"], LOADED_CHOICES) == []
    assert defended("contested", "Contested. Loaded: a verdict. Nothing said for the other side.",
                    LOADED_CHOICES) == ["loaded"]


def test_score_sentence_counts_the_untagged_items_and_keeps_the_short_form_when_all_are_tagged():
    from medialit.tagfeedback import summary

    partial = {"items": 15, "tagged": 2, "match": 2, "accepted": 0, "percent_match": 100.0}
    assert summary(partial) == "You tagged 2 of 15 items; 2 of the 2 you tagged match the key; 13 not tagged yet."
    done = {"items": 3, "tagged": 3, "match": 1, "accepted": 0, "percent_match": 33.3}
    assert summary(done) == "You tagged 3 of 3 items; 1 of 3 matches the key."


def test_a_contested_write_in_shows_the_model_only_for_the_loaded_side(tmp_path):
    tagger = Tagger.from_key("loaded_03", choices=LOADED_CHOICES, save_dir=tmp_path,
                             write_in="A neutral word for it", write_in_check="model")
    tagger.tag("A24", "neutral")          # contested: either side is defensible
    tagger.text_widgets["A24"].value = "uprising"
    tagger.tag("A03", "loaded")           # not contested: the model answer stands alone
    tagger.text_widgets["A03"].value = "fighters"
    tagger.check_button.click()
    a24, a03 = tagger.feedback_html["A24"].value, tagger.feedback_html["A03"].value
    assert "If you judged it “loaded”, a model answer: “protests" in a24
    assert "; if “neutral”, keep the word." in a24
    assert "A model answer: “" in a03 and "If you judged it" not in a03
    assert "A model answer: “killed”.</span>" in a03  # a word gets its full stop after the quote
    # the 'Compare ...' prompt is said once above the Tagger, not under every item
    assert "keep, drop or change" not in a24 + a03


# --------------------------------------------------------------------------
# Write-ins asked for only after some tags (lesson 03's third trial): a neutral
# word is asked for a word tagged loaded or contested, not for a neutral one.


def turn_1(tmp_path, **options):
    """Lesson 03's Turn 1, as the lesson makes it."""
    return Tagger.from_key("loaded_03", choices=LOADED_CHOICES, save_dir=tmp_path,
                           write_in="A neutral word for it", write_in_check="model", **options)


def test_the_write_in_label_says_when_it_is_asked_for(tmp_path):
    asked = turn_1(tmp_path, write_in_for=("loaded", "contested"))
    assert asked.text_widgets["A08"].description == (
        "A neutral word for it (3, only if you tagged loaded or contested):")
    always = turn_1(tmp_path / "other")
    assert always.text_widgets["A08"].description == "A neutral word for it (3):"


def test_an_empty_box_after_a_tag_that_does_not_ask_for_it_is_not_missing(tmp_path):
    tagger = turn_1(tmp_path, write_in_for=("loaded", "contested"))
    tagger.tag("A08", "neutral")       # not asked: the box stays empty
    tagger.tag("A03", "loaded")        # asked, and left empty
    tagger.tag("A02", "contested")     # asked, and written
    tagger.write("A02", "people")
    table = tagger.show_feedback().set_index("item_id")
    assert table.loc[["A08", "A03", "A02"], "text_result"].tolist() == ["not asked", "not written", "model shown"]
    assert table.loc[["A08", "A03", "A02"], "asked"].tolist() == [False, True, True]
    a08 = tagger.feedback_html["A08"].value
    assert "Matches the key" in a08 and "Nothing written" not in a08 and "model answer" not in a08
    assert "Nothing written in the box yet" in tagger.feedback_html["A03"].value
    score = tagger.score()
    assert (score["written"], score["asked"], score["missing"]) == (1, 2, 1)
    assert tagger.summary().endswith(
        "Write-ins (asked for the items you tag loaded or contested): 1 of 2 written; "
        "compare each with the model answer.")
    # without write_in_for every box is asked for, as before
    every = turn_1(tmp_path / "every")
    every.tag("A08", "neutral")
    assert every.feedback().set_index("item_id").loc["A08", "text_result"] == "not written"
    assert every.summary().endswith("Write-ins: 0 of 15 written; compare each with the model answer.")


def test_a_box_asked_after_every_tag_but_one_names_that_one(tmp_path):
    """Lesson 02's first Tagger: a speaker is asked for after seven source
    types, not after "the writer"; the label names the one tag, not seven."""
    sources = ["state media", "news agency", "government official", "foreign government",
               "international organisation", "eyewitness", "unnamed"]
    tagger = Tagger.from_key("attribution_02_type", choices=sources + ["the writer"], save_dir=tmp_path,
                             write_in="Who says so?", write_in_check="name", write_in_for=sources)
    assert tagger.text_widgets["A07"].description == "Who says so? (6, not if you tagged the writer):"
    tagger.tag("A07", "the writer")   # not asked
    tagger.tag("A06", "unnamed")      # asked, and written
    tagger.write("A06", "officials")
    tagger.tag("A05", "state media")  # asked, left empty
    table = tagger.feedback().set_index("item_id")
    assert table.loc[["A07", "A06", "A05"], "text_result"].tolist() == ["not asked", "match", "not written"]
    assert tagger.summary().endswith(
        "Write-ins (asked for the items you did not tag the writer): 1 of 2 written, 1 matches the key.")
    # two tags that ask, of three: both are named, as before
    assert tagfeedback.asked_when(["loaded", "contested"], ["loaded", "neutral", "contested"]) == (
        ", only if you tagged loaded or contested")


def test_fold_matches_folds_the_reason_of_a_match_only(tmp_path):
    """Lesson 02's Taggers (second trial): a ✓ item's reason is one click away,
    the reason of an item that differs is shown as before."""
    kinds = Tagger.from_key("attribution_02_kind", choices=["direct", "indirect", "mixed", "none"],
                            save_dir=tmp_path, autosave=False, fold_matches=True)
    kinds.tag("A03", "direct")   # matches
    kinds.tag("B14", "none")     # differs
    kinds.show_feedback()
    reason = html.escape(kinds.key["A03"][1], quote=False)
    a03, b14 = kinds.feedback_html["A03"].value, kinds.feedback_html["B14"].value
    assert "<details><summary>" in a03 and "Why?</summary>" + reason + "</details>" in a03
    assert "<details>" not in b14 and html.escape(kinds.key["B14"][1], quote=False) in b14
    plain = Tagger.from_key("attribution_02_kind", choices=["direct", "indirect", "mixed", "none"],
                            save_dir=tmp_path / "plain", autosave=False)
    plain.tag("A03", "direct")
    plain.show_feedback()
    assert "<details>" not in plain.feedback_html["A03"].value and reason in plain.feedback_html["A03"].value


def test_write_in_for_must_name_choices():
    with pytest.raises(ValueError, match="write_in_for"):
        make("bad", write_in="x", write_in_for=("loaded",))      # not a choice of this Tagger
    with pytest.raises(ValueError, match="write_in_for"):
        make("bad", write_in_for=("writer",))                    # no box to ask for


def test_an_old_save_with_a_write_in_for_every_item_still_loads(tmp_path):
    """Saved before write_in_for: a word written again for a neutral item."""
    state = savedwork.new_state("loaded_03", ["A08", "A03"], {"A08": "neutral", "A03": "loaded"},
                                {"A08": "protests", "A03": "killed"})
    (tmp_path / "loaded_03.json").write_bytes(savedwork.encode(state))
    tagger = turn_1(tmp_path, write_in_for=("loaded", "contested"))
    assert tagger.tags() == {"A08": "neutral", "A03": "loaded"}
    assert tagger.texts() == {"A08": "protests", "A03": "killed"}
    tagger.tag("A03", "neutral")               # a change of tag keeps what was written
    assert tagger.texts()["A03"] == "killed"
    table = tagger.feedback().set_index("item_id")
    assert table.loc["A08", "text_result"] == "model shown"   # written anyway: still answered
    assert tagger.score()["missing"] == 0


# --------------------------------------------------------------------------
# Write-in feedback that teaches (model mode): a loaded word of the lexicon,
# or the highlighted word again, is pointed out.


def test_a_write_in_that_is_itself_a_lexicon_label_is_pointed_out(tmp_path):
    tagger = turn_1(tmp_path, write_in_for=("loaded", "contested"))
    for item_id, written in [("A22", "crazy claims"), ("B32", "pirates"), ("A02", "thugs"), ("A03", "killed")]:
        tagger.tag(item_id, "loaded")
        tagger.write(item_id, written)
    tagger.show_feedback()
    a22 = tagger.feedback_html["A22"].value
    assert "“crazy” carries a verdict too" in a22
    assert "“pirates” carries a verdict too: a word for sea robbers" in tagger.feedback_html["B32"].value
    assert "“thugs” carries a verdict too" in tagger.feedback_html["A02"].value
    assert "verdict too" not in tagger.feedback_html["A03"].value      # "killed" is a neutral row


def test_words_the_model_answer_uses_and_neutral_words_are_not_flagged():
    from medialit.tagfeedback import write_in_notes

    # B32's model answer offers "looters" (the inferred original), a label itself
    assert write_in_notes("looters", "Buccaneers", "looters (the inferred original), or people") == []
    assert write_in_notes("protesters", "attackers", "people (and say who calls them attackers)") == []
    assert write_in_notes("", "attackers", "people") == []


def test_a_write_in_that_repeats_the_highlighted_word_is_told_so():
    from medialit.tagfeedback import write_in_notes

    answer = "people (and say who calls them attackers)"
    assert write_in_notes("attackers", "attackers", answer) == [
        "“attackers” repeats the highlighted “attackers”: a neutral word says the same without its verdict."]
    assert write_in_notes("Attacker", "attackers", answer)[0].startswith("“Attacker” repeats")  # another form
    # the side that keeps the word (a contested item tagged neutral) is not told off
    assert write_in_notes("uprising", "uprising", "protests", keep_word=True) == []
    # a rewritten sentence that keeps the label
    rewrite = write_in_notes("People were unhappy with the regime.", "regime", "... the government ...")
    assert rewrite == ["“People were unhappy with the regime.” repeats the highlighted “regime”: "
                       "a neutral word says the same without its verdict."]


def test_a_contested_item_asks_for_the_reason_of_the_side_chosen(tmp_path):
    tagger = turn_1(tmp_path)
    tagger.tag("A02", "loaded")
    tagger.tag("A13", "contested")
    tagger.tag("A03", "loaded")
    tagger.show_feedback()
    assert "Keep your reason for “loaded” in mind, or jot it down: you will argue it when you compare answers." in tagger.feedback_html["A02"].value
    assert "Which side do you find stronger? Keep your reason in mind, or jot it down: you will argue it when you compare answers." in tagger.feedback_html["A13"].value
    assert "one line" not in tagger.feedback_html["A03"].value


def test_a_write_in_that_hands_the_label_back_is_not_told_it_carries_a_verdict():
    """Lesson 03 teaches handing a label back ("what the government calls
    terrorism"); a rewrite that does so is not flagged (fifth lesson 03 trial)."""
    from medialit.tagfeedback import write_in_notes

    assert write_in_notes("leaders call protesters terrorists to make them look bad", "terrorism",
                          "violence, or attacks") == []
    assert write_in_notes("what the ministry described as bandits", "bandits", "armed men") == []
    # a label used in the writer's own voice is still pointed out
    assert write_in_notes("the terrorists attacked", "terrorism", "violence")[0].startswith("“terrorists” carries")
    assert write_in_notes("bandits", "bandits", "armed men")[0].startswith("“bandits” repeats")

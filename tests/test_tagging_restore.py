"""A saved-then-reloaded session restores every tag and every write-in, for
every tagging activity of the course (issue 6: student work survives a
kernel restart or an ended Binder session)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from medialit import Tagger, load_key

ROOT = Path(__file__).resolve().parent.parent
#: every Tagger.from_key activity in the lessons, with its write-in settings
ACTIVITIES = {
    "warmup_00": {},
    "voice_01": {},
    "attribution_02_type": {"write_in": "Who says so?", "write_in_check": "name"},
    "attribution_02_kind": {},
    "loaded_03": {"write_in": "A neutral word for it", "write_in_check": "model"},
    "voice_03": {},
    "rewrite_03": {"write_in": "Your neutral version", "write_in_check": "model"},
    "spin_04": {"write_in": "The original word", "write_in_check": "match"},
}


def _tagger(name, folder):
    key = load_key(name)
    choices = sorted(set(key["label"])) + ["zz-other"]
    return Tagger.from_key(name, choices, save_dir=folder, **ACTIVITIES[name])


def test_every_activity_is_listed():
    lessons = "\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "notebooks").glob("*.ipynb")))
    for name in ACTIVITIES:
        assert f'\\"{name}\\"' in lessons, f"{name} is not used by any lesson any more"


@pytest.mark.parametrize("name", sorted(ACTIVITIES))
def test_all_tags_and_write_ins_come_back(name, tmp_path):
    first = _tagger(name, tmp_path)
    ids = list(first.items["item_id"])
    choices = [value for _, value in first.choices]
    for number, item in enumerate(ids):  # tag every item, using every choice
        first.tag(item, choices[number % len(choices)])
        if first.write_in:
            first.write(item, f"answer “{number}” <b>&</b>")
    expected_tags, expected_texts = first.tags(), first.texts()
    assert len(expected_tags) == len(ids)
    del first  # the kernel restarts: only the file is left
    second = _tagger(name, tmp_path)
    assert second.tags() == expected_tags
    assert second.texts() == expected_texts
    assert second.progress.value == len(ids)
    assert f"your saved tags are restored ({len(ids) * (2 if second.write_in else 1)} tags, from " in second.message


def test_restore_in_a_new_python_process(tmp_path):
    """Save in one process, reload in another, as after a real restart."""
    first = _tagger("spin_04", tmp_path)
    for item in first.items["item_id"]:
        first.tag(item, "swapped")
        first.write(item, "city")
    script = (
        "import json, sys; from pathlib import Path;"
        "sys.path.insert(0, sys.argv[2]);"
        "from test_tagging_restore import _tagger;"
        "t = _tagger('spin_04', Path(sys.argv[1]));"
        "print(json.dumps([t.tags(), t.texts()]))"
    )
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path), str(ROOT / "tests")],
                         capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    tags, texts = json.loads(out.stdout.strip().splitlines()[-1])
    assert tags == first.tags() and texts == first.texts()

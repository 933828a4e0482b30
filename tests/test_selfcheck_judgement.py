"""Issue 14 for lessons 00-02: the judgement tracks, the text answer of
lesson 00, the exit tickets, the warm-up's "both", and the optional marks
(the short version of each lesson still runs)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest

from medialit.selfcheck import QUESTIONS, evaluate
from medialit.selfcheck import lesson01_judgement, lesson02_judgement

ROOT = Path(__file__).resolve().parent.parent
KEYS = ROOT / "data" / "keys"
sys.path.insert(0, str(ROOT / "scripts"))
from short_version import short_version  # noqa: E402
from notebook_tools import run_notebook  # noqa: E402

CHOICE_QUESTIONS = sorted(q for q in QUESTIONS if hasattr(QUESTIONS[q], "options")
                          and q[:2] in {"00", "01", "02"})


def _key(name):
    return pd.read_csv(KEYS / f"{name}.csv", dtype=str, keep_default_na=False)


def _notebook(path):
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def test_the_choice_questions_of_lessons_00_to_02_exist():
    expected = {f"00.E{i}" for i in (1, 2, 3)} | {f"01.E{i}" for i in (1, 2, 3)} | {f"02.E{i}" for i in (1, 2, 3)}
    expected |= {f"01.J{i}" for i in (1, 2, 3, 4)} | {f"02.J{i}" for i in (1, 2, 3, 4, 5)}
    assert expected <= set(CHOICE_QUESTIONS)


@pytest.mark.parametrize("question", CHOICE_QUESTIONS)
def test_each_option_is_explained_and_only_one_is_right(question):
    check = QUESTIONS[question]
    for letter, option in check.options.items():
        status, message = evaluate(question, letter)
        assert status == ("correct" if option.right else "incorrect"), (question, letter)
        assert option.why and option.why in message, "every answer is explained in words"
        assert ("Revisit:" in message) == (not option.right), "a wrong answer says what to read again"
    right = check.right
    for variant in (right.upper(), f"({right})", f" {right}) ", f"{right}."):
        assert evaluate(question, variant)[0] == "correct", variant
    assert evaluate(question, ...)[0] == "not answered"
    assert evaluate(question, 2)[0] == "unexpected"
    status, message = evaluate(question, "z")
    assert status == "incorrect" and "Choose one of the letters" in message


def test_the_right_answers_are_not_all_the_same_letter():
    for lesson in ("01.J", "02.J", "00.E", "01.E", "02.E"):
        letters = {QUESTIONS[q].right for q in CHOICE_QUESTIONS if q.startswith(lesson)}
        assert len(letters) >= 2, f"{lesson}: every right answer is the same letter"


def test_judgement_answers_agree_with_the_attribution_key():
    key = _key("attribution").set_index("sentence_id")
    right = {q: QUESTIONS[q].options[QUESTIONS[q].right].text for q in CHOICE_QUESTIONS}
    # 01: whose voice
    for question, sentence_id in lesson01_judgement.ITEMS.items():
        if not sentence_id.startswith(("A", "B")):
            continue
        source = key.loc[sentence_id, "source"]
        text = right[question].lower()
        if not source:
            assert "writer" in text, question
        elif key.loc[sentence_id, "source_type"] == "unnamed":
            assert "not named" in text, question
        else:
            assert source.lower() in text, question
    # 02: the kind of report
    for question in ("02.J1", "02.J2"):
        sentence_id = lesson02_judgement.ITEMS[question]
        assert right[question] == key.loc[sentence_id, "kind"], question


def test_judgement_items_are_not_tagged_in_their_lesson_and_excerpts_are_cited():
    lateral = pd.read_csv(ROOT / "data" / "lateral" / "sources.csv", dtype=str, keep_default_na=False)
    lateral = lateral.set_index("lateral_id")
    tagged = {"01": set(_key("voice_01")["item_id"]),
              "02": set(_key("attribution_02_type")["item_id"]) | set(_key("attribution_02_kind")["item_id"])}
    for items in (lesson01_judgement.ITEMS, lesson02_judgement.ITEMS):
        for question, ref in items.items():
            if ref.startswith("L"):
                assert lateral.loc[ref, "url"].startswith("http") and lateral.loc[ref, "published"], ref
            else:
                assert ref not in tagged[question[:2]], f"{question}: {ref} is tagged in the lesson"
    needles = {"L24": "A top law-enforcement official", "L13": "The interior ministry said at least 18",
               "L03": "quoted the Kazakh health ministry", "L20": "Ned Price told reporters"}
    for ref, needle in needles.items():
        assert needle in lateral.loc[ref, "excerpt"], ref


@pytest.mark.parametrize("name, minimum", [("01_the_coverage", 4), ("02_who_says_so", 4)])
def test_every_exercise_notebook_has_checked_judgement_items_in_its_exercise_copy(name, minimum):
    for folder in ("exercises", "solutions"):
        notebook = _notebook(f"{folder}/{name}.ipynb")
        code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
        asked = set(re.findall(r'check\("(\d\d\.J\d)"', code))
        assert len(asked) >= minimum and asked <= set(QUESTIONS), (folder, asked)
        for cell in notebook["cells"]:  # the judgement track is core: never tagged optional
            if cell["cell_type"] == "code" and re.search(r'check\("\d\d\.J', "".join(cell["source"])):
                assert "optional" not in cell.get("metadata", {}).get("tags", [])
    exercise = _notebook(f"exercises/{name}.ipynb")
    for cell in exercise["cells"]:
        source = "".join(cell["source"])
        if re.search(r"^answer_j\d = ", source, re.M):
            assert re.search(r"^answer_j\d = \.\.\.$", source, re.M), "the exercise copy leaves the answer blank"
            assert "Your code here" not in source, "the judgement track asks for no code"


def test_the_text_answer_of_lesson_00():
    # 00.2 asks for the last name in the source column of the timeline's row about the
    # 12 officers (data/timeline.csv, A04: "Khabar 24 > Interfax"), not of the row the
    # lesson explains (the police statement, "Sultanat Azirbek > Khabar 24 > TASS")
    timeline = pd.read_csv(ROOT / "data" / "timeline.csv", dtype=str, keep_default_na=False)
    row = timeline[timeline["event"].str.contains("12 law enforcement officers")]
    assert list(row["source"]) == ["Khabar 24 > Interfax"]
    assert evaluate("00.2", "Interfax")[0] == "correct"
    assert evaluate("00.2", "  interfax ")[0] == "correct"
    status, message = evaluate("00.2", "Khabar 24")
    assert status == "incorrect" and "channel" in message and "first speaker first" in message
    status, message = evaluate("00.2", "TASS")
    assert status == "incorrect" and "police statement" in message and "12 law enforcement officers" in message
    for outlet in ("Mint", "Reuters"):  # they passed article A on, but are not in the source column
        status, message = evaluate("00.2", outlet)
        assert status == "incorrect" and "source column stops before them" in message
    status, message = evaluate("00.2", 24)
    assert status == "unexpected" and "quotes" in message
    assert evaluate("00.2", ...)[0] == "not answered"


def test_the_number_answer_of_lesson_00_says_what_to_type():
    status, message = evaluate("00.1", "2")  # the right number, typed as text
    assert status == "unexpected"
    assert '"2" in quotes is text: write 2, with no quotes' in message
    status, message = evaluate("00.1", "two")
    assert status == "unexpected" and "digits, with no quotes" in message
    status, message = evaluate("00.1", 2.0)
    assert status == "unexpected" and "write 2, not 2.0" in message
    status, message = evaluate("00.1", 3)
    assert status == "incorrect" and not message.startswith("Not quite"), "'✗ Not yet. Not quite.' says it twice"


def test_lesson_00_teaches_quotes_errors_and_text_cells():
    notebook = nbformat.read(ROOT / "notebooks" / "00_start_here.ipynb", as_version=4)
    text = "\n".join(c.source for c in notebook.cells)
    assert 'check("00.2", agency)' in text and "agency = ..." in text
    assert "NameError" in text and "Run All Above" in text
    assert "Double-click" in text and any(c.cell_type == "markdown" and c.source == "*Write your answer here.*"
                                          for c in notebook.cells)
    assert "A note before you start" in notebook.cells[1].source


def test_the_warm_up_accepts_both_where_the_rationale_says_both():
    key = _key("warmup_00").set_index("item_id")
    assert key.loc["A26", "label"] == "both"
    assert "event" in key.loc["A26", "rationale"] and "judgement" in key.loc["A26", "rationale"]
    lesson = (ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    assert '(\\"does both\\", \\"both\\")' in lesson


@pytest.mark.parametrize("path", ["notebooks/00_start_here.ipynb", "notebooks/01_the_coverage.ipynb",
                                  "notebooks/02_who_says_so.ipynb", "notebooks/03_loaded_words.ipynb",
                                  "notebooks/04_spun_text.ipynb", "notebooks/05_check_any_article.ipynb"])
def test_lessons_have_optional_marks_and_a_checked_exit_ticket(path):
    notebook = nbformat.read(ROOT / path, as_version=4)
    lesson = Path(path).name[:2]
    optional = [c for c in notebook.cells if "optional" in c.metadata.get("tags", [])]
    assert optional, "no optional part marked in the cell metadata"
    for cell in notebook.cells:
        first_line = cell.source.splitlines()[0] if cell.source else ""
        if cell.cell_type == "markdown" and first_line.startswith("#") and "*(optional)*" in first_line:
            assert cell in optional, f"{first_line}: marked optional in the text but not in the metadata"
        if cell.cell_type == "markdown":
            # one marker in every lesson (docs/lessons/README.md): "*(optional)*", never "*Optional —*"
            assert "Optional —" not in cell.source, f"{first_line}: the old marker"
    for cell in (c for c in optional if c.cell_type == "markdown"):
        headings = [line for line in cell.source.splitlines() if line.startswith("#")]
        assert all(line.endswith("*(optional)*") for line in headings), f"{headings}: optional, not marked so"
    code = "\n".join(c.source for c in notebook.cells if c.cell_type == "code")
    for number in (1, 2, 3):
        assert f'check("{lesson}.E{number}", exit_{number})' in code
    exit_cells = [i for i, c in enumerate(notebook.cells) if f'check("{lesson}.E1"' in c.source]
    # after the exit ticket come only the hand-in (a heading and one cell) and the takeaways
    hand_in = [i for i, c in enumerate(notebook.cells) if c.source.startswith("## Hand in your work")]
    assert exit_cells and exit_cells[0] > len(notebook.cells) - 4 - 2 * len(hand_in), \
        "the exit ticket comes at the end"
    assert all(i > exit_cells[0] and "pack_work(name=" in notebook.cells[i + 1].source for i in hand_in)


@pytest.mark.parametrize("path", ["notebooks/00_start_here.ipynb", "notebooks/01_the_coverage.ipynb",
                                  "notebooks/02_who_says_so.ipynb", "notebooks/03_loaded_words.ipynb",
                                  "notebooks/04_spun_text.ipynb", "exercises/01_the_coverage.ipynb",
                                  "exercises/02_who_says_so.ipynb"])
def test_the_short_version_without_optional_cells_runs(path, tmp_path):
    notebook = nbformat.read(ROOT / path, as_version=4)
    short = short_version(notebook)
    assert 0 < len(short.cells) < len(notebook.cells)
    run_notebook(short, (ROOT / path).parent, timeout=300, work_dir=tmp_path)
    errors = [o for c in short.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors


# --------------------------------------------------------------------------
# Individual feedback after Check: which items to read again, and why


def test_to_revisit_names_the_items_that_differ_and_what_to_look_for(tmp_path):
    from medialit import Tagger
    from medialit.selfcheck.revisit import KIND_02, TYPE_02, VOICE_01, WARMUP_00, to_revisit

    voice = Tagger.from_key("voice_01", choices=[("the writer's own", "writer"), ("someone the writer cites", "cited")],
                            save_dir=tmp_path, autosave=False)
    assert "Nothing tagged yet" in to_revisit(voice, VOICE_01)
    for item_id, label in zip(voice.key_table["item_id"], voice.key_table["label"]):
        voice.tag(item_id, label)
    assert "Nothing to revisit" in to_revisit(voice, VOICE_01)
    voice.tag("A07", "cited")
    voice.tag("A02", None)
    text = to_revisit(voice, VOICE_01)
    assert "A07: you chose “someone the writer cites”, the key says “the writer's own”" in text
    assert VOICE_01["writer"] in text and "Not tagged yet: A02." in text
    assert "A03" not in text, "a matching item is not listed"

    kinds = Tagger.from_key("attribution_02_kind", choices=list(KIND_02), save_dir=tmp_path, autosave=False)
    kinds.tag("B14", "none")
    assert KIND_02["direct"] in to_revisit(kinds, KIND_02)
    types = Tagger.from_key("attribution_02_type", choices=list(TYPE_02), write_in="Who says so?",
                            save_dir=tmp_path, autosave=False)
    types.tag("A05", "state media")
    types.write("A05", "Interfax")
    text = to_revisit(types, TYPE_02)
    assert "A05: you wrote “Interfax”, the key has “Kazakh state media”" in text
    assert "you chose" not in text, "the right tag is not listed"
    assert "(1 sentence)" in text
    types.tag("A07", "news agency")
    types.write("A07", "TASS")  # a tag and a write-in that differ: two lines, one sentence
    text = to_revisit(types, TYPE_02)
    assert "(2 sentences)" in text and text.count("- A07:") == 2
    labels = set(pd.read_csv(KEYS / "warmup_00.csv")["label"])
    assert labels <= set(WARMUP_00) and set(pd.read_csv(KEYS / "voice_01.csv")["label"]) <= set(VOICE_01)
    assert set(pd.read_csv(KEYS / "attribution_02_type.csv")["label"]) <= set(TYPE_02)
    assert set(pd.read_csv(KEYS / "attribution_02_kind.csv")["label"]) <= set(KIND_02)


def test_the_short_version_in_another_folder_keeps_its_links_working(tmp_path):
    import subprocess
    import sys

    from short_version import relink

    folder = ROOT / "notebooks"
    text = ("[lesson 01](01_the_coverage.ipynb), [exercises](../exercises/02_who_says_so.ipynb), "
            "[a site](https://example.org/x), [above](#key-takeaways), <img src=\"figures/a.png\">")
    assert relink(text, folder, ROOT / "short") == (
        "[lesson 01](../notebooks/01_the_coverage.ipynb), [exercises](../exercises/02_who_says_so.ipynb), "
        "[a site](https://example.org/x), [above](#key-takeaways), <img src=\"../notebooks/figures/a.png\">")
    assert relink(text, folder, folder) == text
    target = tmp_path / "short" / "02_who_says_so.ipynb"
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "short_version.py"),
                           str(ROOT / "notebooks" / "02_who_says_so.ipynb"), str(target)],
                          capture_output=True, text=True, check=True)
    assert done.stdout.startswith(str(target))
    short = target.read_text(encoding="utf-8")
    assert "](01_the_coverage.ipynb)" not in short
    # every relative link in the short copy names a file that exists
    import re

    for link in re.findall(r"\]\(((?!https?:|#)[^)#\s]+)", short):
        assert (target.parent / link).resolve().is_file(), link

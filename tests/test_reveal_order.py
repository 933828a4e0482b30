"""Predict, then reveal (issue 14): no Tagger item's key answer appears in any
output above that Tagger, in the executed lesson notebooks.

What counts as the *answer* to an item (``answers_for``):

* the key's ``label`` for the item (``event``, ``cited``, ``news agency``,
  ``indirect``, ``loaded``, ``quoted``, ``swapped`` ...);
* every accepted write-in in the key's ``answer`` column (split on ``|``):
  the speaker of ``attribution_02_type``, the original word of ``spin_04``,
  the model neutral word of ``loaded_03``;
* the key's ``speaker`` column where there is one (``voice_03``);
* for keys whose items are sentences of the articles and that ask *who says
  so* (``voice_01``, ``attribution_02_type``): the source and every name in
  the chain of ``data/keys/attribution.csv`` for a cited item, since a row
  that shows a sentence beside its source tells the student it is cited.

What counts as *showing the item* in a row (``identifies``): a cell whose
text is the item's id (``A07``) or contains it as a word; a cell that holds
the item's sentence (its first 60 characters, or the whole sentence if
shorter); a cell of at least 20 characters that is a piece of the item's
sentence (a quotation from it); or, for keys that mark one word of the
sentence (a ``highlight`` column), a cell that is that word.

What counts as *appearing*: one row of one output shows the item and, in
another cell of the same row, an answer. A row is a ``<tr>`` of an HTML
table (header cells of the body rows, i.e. the index, included; the header
row of column names is not a data row), or one line of text output
(``print``, a repr). In a line of text the answer must stand as a whole
word or phrase, compared without case, outside the item's own sentence (a
sentence that names its source, printed on its own, is the task, not the
answer). Cells are compared without case, with
spaces and quotation marks normalised; a cell "is" an answer when it equals
it or when one of its parts split at ``>``, ``;``, ``|`` or ``,`` (a chain
``Sultanat Azirbek > Khabar 24 > TASS``, a list) equals it.

Outputs *above* a Tagger are the outputs of every code cell before the cell
that creates it.  The notebooks checked are the committed, executed lessons.

A student can also scroll *down* the committed notebook before tagging, so no
committed output anywhere may show an answer either: a cell below the
activity that shows answers (the reveal, the tables after it, ``reveal()``'s
sources for a prediction) is tagged ``reveal`` and saved without outputs by
``scripts/notebook_tools.py execute``; it shows its output only when the
student runs it, after committing to an answer.
"""

from __future__ import annotations

import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from notebook_tools import IGNORE_OUTPUT, REVEAL, hide_reveals  # noqa: E402

KEYS = ROOT / "data" / "keys"
LESSONS = sorted((ROOT / "notebooks").glob("0[0-5]_*.ipynb"))
#: lessons whose reveal order may still be wrong (expected failures); empty:
#: every lesson is checked strictly
PENDING: set[str] = set()
#: keys that ask "who says so?" about sentences of the two articles
WHO_KEYS = {"voice_01", "attribution_02_type"}
TAGGER = re.compile(r"Tagger\.from_key\(\s*[\"']([A-Za-z0-9_]+)[\"']")


# --------------------------------------------------------------------------
# Reading outputs as rows of cells


class _Rows(HTMLParser):
    """The body rows of every HTML table in a piece of HTML, as lists of cell texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self._row, self._cell, self._in_head = [], None, None, False

    def handle_starttag(self, tag, attrs):
        if tag == "thead":
            self._in_head = True
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag == "thead":
            self._in_head = False
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append("".join(self._cell))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            if not self._in_head and self._row:
                self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def output_rows(output: dict) -> list[tuple[str, list[str]]]:
    """``(kind, cells)`` for every row of one output: ``("table", cells)`` for
    a row of an HTML table, ``("line", [line])`` for a line of text."""
    rows = []
    data = output.get("data", {})
    if "text/html" in data:
        parser = _Rows()
        parser.feed("".join(data["text/html"]))
        rows += [("table", cells) for cells in parser.rows]
    texts = []
    if output.get("output_type") == "stream":
        texts.append("".join(output.get("text", "")))
    elif "text/plain" in data and "text/html" not in data:
        texts.append("".join(data["text/plain"]))
    for text in texts:
        rows += [("line", [line]) for line in text.splitlines() if line.strip()]
    return rows


def _norm(text: str) -> str:
    text = html.unescape(str(text)).replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def _parts(cell: str) -> set[str]:
    cell = _norm(cell).strip(" '\"[]")
    parts = {cell}
    for sep in (">", ";", "|", ","):
        parts |= {p.strip(" '\"[]") for p in cell.split(sep)}
    return {p for p in parts if p}


# --------------------------------------------------------------------------
# Items, their answers, and what shows them


def _attribution_key() -> pd.DataFrame:
    return pd.read_csv(KEYS / "attribution.csv", dtype=str, keep_default_na=False).set_index("sentence_id")


def load_items(key_name: str) -> list[dict]:
    """One dict per item of a key: id, sentence, highlight and its answers."""
    key = pd.read_csv(KEYS / f"{key_name}.csv", dtype=str, keep_default_na=False)
    attribution = _attribution_key()
    text_column = "sentence" if "sentence" in key.columns else "text"
    items = []
    for row in key.to_dict("records"):
        # "[Before it, A13: …] sentence" or "sentence [After it, A03: …]": only the item's own sentence identifies it
        sentence = re.sub(r"^\[Before it, A\d\d(?:–A\d\d)?: .+?\] ", "", row[text_column], flags=re.S)
        sentence = re.sub(r" \[After it, A\d\d: .+\]$", "", sentence, flags=re.S)
        items.append({"id": row["item_id"], "sentence": sentence, "highlight": row.get("highlight", ""),
                      "answers": answers_for(key_name, row, attribution)})
    return items


def answers_for(key_name: str, row: dict, attribution: pd.DataFrame) -> set[str]:
    answers = {row["label"]}
    answers |= {a for a in row.get("answer", "").split("|") if a.strip()}
    if row.get("speaker"):
        answers.add(row["speaker"])
    if key_name in WHO_KEYS and row["item_id"] in attribution.index:
        source = attribution.loc[row["item_id"], "source"]
        chain = attribution.loc[row["item_id"], "chain"]
        if source:
            answers |= {source, chain} | {c.strip() for c in chain.split(">")}
    return {_norm(a) for a in answers if a.strip()}


def identifies(cell: str, item: dict) -> bool:
    """Does this cell show the item: its id, its sentence, or its marked word?"""
    text, sentence = _norm(cell), _norm(item["sentence"])
    if re.search(r"(?<![\w-])" + re.escape(item["id"].lower()) + r"(?![\w-])", text):
        return True
    if sentence[:60] and sentence[:60] in text:
        return True
    if len(text) >= 20 and text in sentence:
        return True
    return bool(item["highlight"]) and _parts(cell) & {_norm(item["highlight"])} != set()


def row_reveals(kind: str, cells: list[str], item: dict) -> str | None:
    """The answer this row shows together with the item, or None."""
    if kind == "line":
        line = cells[0]
        if not identifies(line, item):
            return None
        text, sentence = _norm(line), _norm(item["sentence"])
        if text.rstrip(" .…") in sentence:  # the line is (a piece of) the sentence itself
            return None
        text = text.replace(sentence, " ")  # the sentence names its own source: only the rest counts
        for answer in sorted(item["answers"]):
            if re.search(r"(?<![\w-])" + re.escape(answer) + r"(?![\w-])", text):
                return answer
        return None
    for i, cell in enumerate(cells):
        if not identifies(cell, item):
            continue
        for j, other in enumerate(cells):
            if j != i and _parts(other) & item["answers"]:
                return sorted(_parts(other) & item["answers"])[0]
    return None


def taggers(notebook: dict) -> list[tuple[int, str]]:
    """``(cell index, key name)`` of every Tagger made from a key in a notebook."""
    found = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] == "code":
            found += [(index, name) for name in TAGGER.findall("".join(cell["source"]))]
    return found


def reveals_above(notebook: dict, index: int, key_name: str) -> list[str]:
    """Every place above cell ``index`` where an item's answer appears."""
    return reveals_in(notebook["cells"][:index], key_name)


def reveals_in(cells: list[dict], key_name: str) -> list[str]:
    """Every place in these cells' outputs where an item's answer appears."""
    items = load_items(key_name)
    problems = []
    for number, cell in enumerate(cells):
        if cell["cell_type"] != "code":
            continue
        for output in cell.get("outputs", []):
            for kind, cells in output_rows(output):
                for item in items:
                    answer = row_reveals(kind, cells, item)
                    if answer:
                        shown = " | ".join(c.strip()[:60] for c in cells)
                        problems.append(f"cell {number} shows {item['id']} with its answer '{answer}': {shown}")
    return problems


# --------------------------------------------------------------------------
# The definition, on outputs made up for the test


def _html_table(rows, header=("sentence_id", "source")):
    head = "".join(f"<th>{h}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in rows)
    return {"output_type": "display_data",
            "data": {"text/html": f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"}}


def _notebook(outputs, key_name):
    return {"cells": [{"cell_type": "code", "source": "x", "outputs": outputs},
                      {"cell_type": "code", "source": f'Tagger.from_key(\n    "{key_name}", choices=[])',
                       "outputs": []}]}


def test_a_table_row_with_the_id_and_the_label_is_a_reveal():
    notebook = _notebook([_html_table([("A02", "indirect"), ("A09", "mixed")], ("sentence_id", "kind"))],
                         "attribution_02_kind")
    assert taggers(notebook) == [(1, "attribution_02_kind")]
    problems = reveals_above(notebook, 1, "attribution_02_kind")
    assert len(problems) == 1 and "A02" in problems[0] and "indirect" in problems[0]


def test_a_sentence_beside_its_source_reveals_a_who_says_so_item():
    a04 = _attribution_key().loc["A04", "sentence"]
    quote = "12 law enforcement officers were killed and more than 350 were injured"
    assert quote in a04
    for cells in ([a04, "Khabar 24"], [quote, "Khabar 24 > Interfax"]):
        notebook = _notebook([_html_table([cells], ("sentence", "source"))], "voice_01")
        assert reveals_above(notebook, 1, "voice_01"), cells


def test_a_printed_line_with_the_id_and_the_answer_is_a_reveal():
    printed = {"output_type": "stream", "name": "stdout", "text": "A03 direct\nB14 none of it\n"}
    problems = reveals_above(_notebook([printed], "attribution_02_kind"), 1, "attribution_02_kind")
    assert [p.split(":")[0] for p in problems] == ["cell 0 shows A03 with its answer 'direct'"]


def test_rows_without_the_answer_or_without_the_item_are_not_reveals():
    a02 = _attribution_key().loc["A02", "sentence"]  # names its own source, TASS
    printed = {"output_type": "stream", "name": "stdout", "text": a02 + "\n" + a02[:80] + " ...\n"}
    assert reveals_above(_notebook([printed], "voice_01"), 1, "voice_01") == []
    printed["text"] += "A02 TASS\n"
    assert len(reveals_above(_notebook([printed], "voice_01"), 1, "voice_01")) == 1
    harmless = [_html_table([("A02", "Russian news agency")], ("sentence_id", "note")),   # id, no answer
                _html_table([("A99", "indirect")], ("sentence_id", "kind")),              # answer, other item
                {"output_type": "stream", "name": "stdout", "text": "the news agency said\n"}]
    assert reveals_above(_notebook(harmless, "attribution_02_kind"), 1, "attribution_02_kind") == []
    # the column names are not a data row
    header_only = _html_table([], ("A02", "indirect"))
    assert reveals_above(_notebook([header_only], "attribution_02_kind"), 1, "attribution_02_kind") == []


def test_a_highlighted_word_with_its_label_is_a_reveal():
    key = pd.read_csv(KEYS / "voice_03.csv", dtype=str, keep_default_na=False).iloc[0]
    notebook = _notebook([_html_table([(key["highlight"], key["label"])], ("term", "voice"))], "voice_03")
    assert reveals_above(notebook, 1, "voice_03")


# --------------------------------------------------------------------------
# The lessons


def _cases():
    for path in LESSONS:
        notebook = json.loads(path.read_text(encoding="utf-8"))
        for index, key_name in taggers(notebook):
            lesson = path.name[:2]
            marks = [pytest.mark.xfail(strict=False, reason=f"lesson {lesson}'s reveal order is reworked for "
                                       "issue 14 on another branch (lessons 03–05)")] if lesson in PENDING else []
            yield pytest.param(path, index, key_name, marks=marks, id=f"{path.stem}-{key_name}")


@pytest.mark.parametrize("path, index, key_name", list(_cases()))
def test_no_key_answer_above_its_tagger(path, index, key_name):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    problems = reveals_above(notebook, index, key_name)
    assert not problems, f"{path.name}, {key_name}:\n" + "\n".join(problems[:10])


def test_every_lesson_00_to_05_is_scanned():
    """Six lessons, each read; a lesson with no Tagger (05 today) has nothing
    to reveal, and says so here rather than being skipped silently."""
    assert [p.name[:2] for p in LESSONS] == ["00", "01", "02", "03", "04", "05"]
    counts = {p.name[:2]: len(taggers(json.loads(p.read_text(encoding="utf-8")))) for p in LESSONS}
    assert all(counts[lesson] for lesson in ("00", "01", "02", "03", "04")), counts


def test_every_lesson_00_to_02_has_its_taggers_and_executed_outputs():
    """The check above is not vacuous: the lessons are executed and their
    Taggers are found."""
    expected = {"00": {"warmup_00"}, "01": {"voice_01"}, "02": {"attribution_02_type", "attribution_02_kind"}}
    for path in LESSONS:
        lesson = path.name[:2]
        if lesson not in expected:
            continue
        notebook = json.loads(path.read_text(encoding="utf-8"))
        assert {name for _, name in taggers(notebook)} == expected[lesson], path.name
        first = min(index for index, _ in taggers(notebook))
        outputs = [o for c in notebook["cells"][:first] if c["cell_type"] == "code" for o in c.get("outputs", [])]
        assert any(output_rows(o) for o in outputs), f"{path.name}: no executed output above its first Tagger"


# --------------------------------------------------------------------------
# Below the activity: nothing in the committed file gives an answer away

#: a prediction's self-check, ``check("02.T", ...)``
PREDICTION = re.compile(r"check\(\s*[\"']0\d\.T[\"']")


def _first_activity(notebook: dict) -> int | None:
    """The index of the first code cell where the student commits to an
    answer: a Tagger or a prediction's check."""
    for index, cell in enumerate(notebook["cells"]):
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and (TAGGER.search(source) or PREDICTION.search(source)):
            return index
    return None


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_no_committed_output_anywhere_shows_a_key_answer(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    problems = [p for _, key_name in taggers(notebook) for p in reveals_in(notebook["cells"], key_name)]
    assert not problems, (f"{path.name}: tag these cells 'reveal' (scripts/notebook_tools.py saves them "
                          "without outputs) or change what they print:\n" + "\n".join(problems[:10]))


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_reveal_cells_come_after_the_activity_and_are_saved_empty(path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    first = _first_activity(notebook)
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        if "reveal(" in "".join(cell["source"]):  # a prediction's public sources
            assert REVEAL in _tags(cell), f"{path.name} cell {index} calls reveal() but is not tagged 'reveal'"
        if REVEAL in _tags(cell):
            # above the activity, hiding the output would only hide it from this test, not from the student
            assert first is not None and index > first, f"{path.name} cell {index}: a reveal before the activity"
            assert not cell.get("outputs") and IGNORE_OUTPUT in _tags(cell), (
                f"{path.name} cell {index}: re-run scripts/notebook_tools.py execute {path.name}")


def test_the_lessons_have_reveal_cells_to_hide():
    """Not vacuous: lessons 01-05 each hide at least one reveal (their
    prediction's sources at least)."""
    counts = {p.name[:2]: sum(REVEAL in _tags(c) for c in json.loads(p.read_text(encoding="utf-8"))["cells"])
              for p in LESSONS}
    assert all(counts[lesson] >= 1 for lesson in ("01", "02", "03", "04", "05")), counts


def test_hide_reveals_empties_only_tagged_code_cells():
    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("print('A02 TASS')", metadata={"tags": [REVEAL]},
                                  outputs=[nbformat.v4.new_output("stream", text="A02 TASS\n")], execution_count=3),
        nbformat.v4.new_code_cell("print(1)", outputs=[nbformat.v4.new_output("stream", text="1\n")],
                                  execution_count=4),
        nbformat.v4.new_markdown_cell("text", metadata={"tags": [REVEAL]})])
    assert hide_reveals(notebook) == 1
    hidden, kept, _ = notebook.cells
    assert hidden.outputs == [] and hidden.execution_count is None
    assert hidden.metadata["tags"] == [REVEAL, IGNORE_OUTPUT]
    assert kept.outputs[0]["text"] == "1\n" and kept.execution_count == 4
    assert hide_reveals(notebook) == 1 and hidden.metadata["tags"] == [REVEAL, IGNORE_OUTPUT]  # no second tag


def test_cells_about_this_computer_are_saved_empty_too():
    """Lesson 00 trial: the committed lesson showed the build machine's
    /tmp/... folder as "where your work is saved"."""
    from notebook_tools import THIS_COMPUTER

    notebook = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("print(work_dir())", metadata={"tags": [THIS_COMPUTER]},
                                  outputs=[nbformat.v4.new_output("stream", text="/tmp/tmpx/my_work\n")],
                                  execution_count=1)])
    assert hide_reveals(notebook) == 1
    cell = notebook.cells[0]
    assert cell.outputs == [] and cell.metadata["tags"] == [THIS_COMPUTER, IGNORE_OUTPUT]
    lesson = json.loads((ROOT / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8"))
    for cell in lesson["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and ("work_dir()" in source or "pack_work()" in source):
            assert THIS_COMPUTER in _tags(cell) and not cell["outputs"], source
    assert "/tmp/" not in json.dumps([c.get("outputs", []) for c in lesson["cells"]])

"""Structure of the course notebooks: conventions from DESIGN.md, executed
outputs committed, exercises in step with solutions.  (nbval, run by the
same pytest command, re-runs each notebook and compares its outputs.)"""

import re
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import notebook_tools  # noqa: E402

LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SOLUTIONS = sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb"))
ALL = notebook_tools.all_notebooks()


def _read(path):
    return nbformat.read(path, as_version=4)


def _headings(notebook):
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        in_fence = False
        for line in cell.source.splitlines():
            if line.startswith("```"):
                in_fence = not in_fence
            match = re.match(r"^(#{1,6}) ", line)
            if match and not in_fence:
                yield len(match.group(1)), line


def test_lessons_00_and_01_exist():
    names = [p.name for p in LESSONS]
    assert names[:2] == ["00_start_here.ipynb", "01_the_coverage.ipynb"]


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_opens_with_objectives_time_and_prerequisites(path):
    first = _read(path).cells[0]
    assert first.cell_type == "markdown" and first.source.startswith("# ")
    for part in ("What you will learn", "Time:", "What to know first"):
        assert part in first.source, f"{path.name}: first cell lacks '{part}'"
    objectives = re.findall(r"^\d\. ", first.source, re.M)
    assert 3 <= len(objectives) <= 4


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.name)
def test_lesson_ends_with_takeaways_and_next(path):
    tail = "\n".join(c.source for c in _read(path).cells[-2:])
    assert "## Key takeaways" in tail and "## What's next" in tail


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_headings_in_order(path):
    levels = [level for level, _ in _headings(_read(path))]
    assert levels.count(1) == 1 and levels[0] == 1, "one H1, first"
    for before, after in zip(levels, levels[1:]):
        assert after <= before + 1, f"{path.name}: heading level jumps from {before} to {after}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_links_to_notebooks_resolve(path):
    for cell in _read(path).cells:
        if cell.cell_type == "markdown":
            for target in re.findall(r"\]\(([^)#]+\.ipynb)\)", cell.source):
                assert (path.parent / target).resolve().exists(), f"{path.name}: broken link {target}"


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_committed_executed_without_errors(path):
    notebook = _read(path)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert code, "no code cells"
    # reveals and this-computer cells are saved empty, unnumbered (docs/lessons/README.md);
    # the rest is numbered in order
    counts = [c.execution_count for c in code
              if not {"reveal", "this-computer"} & set(c.metadata.get("tags", []))]
    assert None not in counts, f"{path.name}: not executed top to bottom; run scripts/notebook_tools.py all"
    assert counts == sorted(counts), f"{path.name}: cells were executed out of order"
    for cell in code:
        assert not [o for o in cell.outputs if o.output_type == "error"], f"{path.name}: error output"
        assert not [o for o in cell.outputs if o.get("name") == "stderr"], f"{path.name}: warning output"


@pytest.mark.parametrize("path", ALL, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_plot_ends_with_show_and_is_explained(path):
    cells = _read(path).cells
    for number, cell in enumerate(cells):
        if cell.cell_type == "code" and re.search(r"\bplt\.|grouped_barh\(", cell.source) \
                and "import" not in cell.source.splitlines()[0]:
            assert cell.source.rstrip().endswith("plt.show()"), f"{path.name}: plot cell must end with plt.show()"
            following = cells[number + 1]
            assert following.cell_type == "markdown", f"{path.name}: a plot needs a sentence saying what it shows"


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_exercises_in_step_with_solutions(path):
    assert notebook_tools.drift(path) == []


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_exercises_have_blanks_and_no_answers(path):
    exercise = _read(notebook_tools.exercise_path(path))
    text = "\n".join(c.source for c in exercise.cells)
    assert "BEGIN SOLUTION" not in text and "solutions notebook" not in text
    blanks = [c for c in exercise.cells if c.cell_type == "code" and re.search(r"= \.\.\.$", c.source, re.M)]
    assert len(blanks) >= 4, "at least four exercises with blanks"
    # every blank's check answers "not answered yet" in the committed outputs
    outputs = [o.get("text", "") for c in exercise.cells if c.cell_type == "code" for o in c.outputs]
    assert sum("Not answered yet" in o for o in outputs) == len(blanks)


@pytest.mark.parametrize("path", SOLUTIONS, ids=lambda p: p.name)
def test_solution_markers_are_never_headings(path):
    """In markdown, the markers are HTML comments: a screen reader's list of
    headings holds no "BEGIN SOLUTION", and the script still finds them."""
    markdown = [c.source for c in _read(path).cells if c.cell_type == "markdown"]
    assert not [s for s in markdown if re.search(r"^#+ *(BEGIN|END) SOLUTION", s, re.M)]
    answers = [s for s in markdown if notebook_tools.MARKDOWN_BEGIN in s]
    assert answers, "a written answer between <!-- BEGIN SOLUTION --> and <!-- END SOLUTION -->"
    for source in answers:
        assert notebook_tools.MARKDOWN_END in source
        assert "BEGIN SOLUTION" not in notebook_tools.exercise_source(source, "markdown")


def test_blanking_rules():
    code = "x = 1\n### BEGIN SOLUTION\ntotal = x + 1\nanswer = total * 2\n### END SOLUTION\ncheck('q', answer)"
    assert notebook_tools.exercise_source(code, "code") == (
        "x = 1\n# Your code here (use as many lines as you need)\nanswer = ...\ncheck('q', answer)")
    md = "Question?\n### BEGIN SOLUTION\nThe answer.\n### END SOLUTION\n"
    assert notebook_tools.exercise_source(md, "markdown") == "Question?\n*Write your answer here.*"
    md = "Question?\n<!-- BEGIN SOLUTION -->\nThe answer.\n<!-- END SOLUTION -->\n"
    assert notebook_tools.exercise_source(md, "markdown") == "Question?\n*Write your answer here.*"

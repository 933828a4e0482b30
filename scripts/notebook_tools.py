"""Build the course notebooks: write exercises/ from solutions/, and execute
notebooks in place so their committed outputs are current.

    python scripts/notebook_tools.py exercises      # solutions/ -> exercises/
    python scripts/notebook_tools.py execute [NB..] # run notebooks, save outputs, print times
    python scripts/notebook_tools.py all            # both, for every notebook

It also holds the course's one notebook runner, used by scripts/binder_check.py,
benchmarks/run.py and the tests: ``run_notebook()`` (and ``notebook_client()``,
the nbclient client it drives, for callers that run cell by cell).

Solutions hold answers between nbgrader's markers ``### BEGIN SOLUTION`` and
``### END SOLUTION`` in code cells, and ``<!-- BEGIN SOLUTION -->`` and
``<!-- END SOLUTION -->`` in markdown cells (an HTML comment: found by this
script and by nbgrader, which looks for "BEGIN SOLUTION" in a line, but never
shown, so it does not become a heading).  In the exercise copy, a code block becomes a blank:
the variable(s) assigned on the block's last assignment get ``= ...``.  A
markdown block becomes "*Write your answer here.*".  Cells tagged
``solutions-only`` are left out of the exercises.

Cells tagged ``reveal`` show an answer (a Tagger item's key answer, a
prediction's sources) below the place where the student commits to one.
``execute`` saves them without outputs, so a student who scrolls down the
committed notebook before tagging sees nothing of the answer; they run like
every other cell, and nbval runs them too but does not compare their output
(they also carry nbval's ``nbval-ignore-output`` tag, which ``execute`` adds).
tests/test_reveal_order.py checks that no committed output shows an answer.
Cells tagged ``this-computer`` (where your work is saved) are saved empty the
same way: their output is true only of the computer that ran them.
"""

from __future__ import annotations

import ast
import copy
import os
import re
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
BEGIN = "BEGIN SOLUTION"
_BLOCK = re.compile(r"^([ \t]*)(?:### BEGIN SOLUTION|<!-- BEGIN SOLUTION -->)[^\n]*\n(.*?)"
                    r"^[ \t]*(?:### END SOLUTION|<!-- END SOLUTION -->)[^\n]*(\n|$)", re.S | re.M)
#: The markers as markdown cells write them.
MARKDOWN_BEGIN, MARKDOWN_END = "<!-- BEGIN SOLUTION -->", "<!-- END SOLUTION -->"


def _blank_for(code: str, indent: str) -> str:
    """The exercise blank for a solution code block."""
    try:
        tree = ast.parse(textwrap.dedent(code))
    except SyntaxError:
        tree = None
    targets: list[str] = []
    if tree is not None:
        for node in reversed(tree.body):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                nodes = node.targets if isinstance(node, ast.Assign) else [node.target]
                targets = [ast.unparse(t) for t in nodes]
                break
    written = tree is not None and tree.body and all(
        isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
        for node in tree.body)
    lines = [f"{indent}# Your answer here, in quotation marks" if written
             else f"{indent}# Your code here (use as many lines as you need)"]
    lines += [f"{indent}{target} = ..." for target in targets] or [f"{indent}..."]
    return "\n".join(lines) + "\n"


def exercise_source(source: str, cell_type: str) -> str:
    """Return ``source`` with every solution block replaced by a blank."""
    if BEGIN not in source:
        return source
    if cell_type == "markdown":
        return _BLOCK.sub(lambda m: "*Write your answer here.*\n", source).rstrip("\n")
    return _BLOCK.sub(lambda m: _blank_for(m.group(2), m.group(1)), source).rstrip("\n")


def make_exercise(solution: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The exercise notebook for a solutions notebook (outputs cleared)."""
    notebook = copy.deepcopy(solution)
    cells = []
    for cell in notebook.cells:
        if "solutions-only" in cell.get("metadata", {}).get("tags", []):
            continue
        cell.source = exercise_source(cell.source, cell.cell_type)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        cells.append(cell)
    notebook.cells = cells
    return notebook


def exercise_path(solution_path: Path) -> Path:
    return ROOT / "exercises" / solution_path.name


def write_exercises() -> list[Path]:
    """Write exercises/NN_*.ipynb for every solutions/NN_*.ipynb (unexecuted).

    An exercise notebook already in step with its solutions is left as it
    is, so its executed outputs stay."""
    written = []
    for path in sorted((ROOT / "solutions").glob("[0-9][0-9]_*.ipynb")):
        target = exercise_path(path)
        if target.exists() and not drift(path):
            continue
        exercise = make_exercise(nbformat.read(path, as_version=4))
        target.parent.mkdir(exist_ok=True)
        nbformat.write(exercise, target)
        written.append(target)
    return written


def drift(solution_path: Path) -> list[str]:
    """Differences between the committed exercise notebook and the one the
    solutions would produce, as human-readable lines (empty = in step)."""
    expected = make_exercise(nbformat.read(solution_path, as_version=4))
    target = exercise_path(solution_path)
    if not target.exists():
        return [f"{target.name} is missing: run python scripts/notebook_tools.py all"]
    actual = nbformat.read(target, as_version=4)
    problems = []
    exp = [(c.cell_type, c.source) for c in expected.cells]
    act = [(c.cell_type, c.source) for c in actual.cells]
    if len(exp) != len(act):
        problems.append(f"{target.name}: {len(act)} cells, expected {len(exp)}")
    for number, (e, a) in enumerate(zip(exp, act), start=1):
        if e != a:
            problems.append(f"{target.name} cell {number} differs from the solution's blanked version")
    return problems


def notebook_client(notebook: nbformat.NotebookNode, folder: Path, timeout: int = 300, **options):
    """The nbclient client every runner of the course uses (this script,
    scripts/binder_check.py, benchmarks/run.py, the tests): a fresh
    ``python3`` kernel started in ``folder`` (the notebook's own folder, as in
    Jupyter), ``timeout`` seconds allowed per cell; ``options`` go to
    ``nbclient.NotebookClient``."""
    from nbclient import NotebookClient

    return NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                          resources={"metadata": {"path": str(folder)}}, **options)


def run_notebook(notebook: Path | nbformat.NotebookNode, folder: Path | None = None, timeout: int = 300,
                 work_dir: str | None = None) -> tuple[nbformat.NotebookNode, float]:
    """Run a notebook top to bottom in a fresh kernel; return it, executed,
    and the seconds the run took.

    ``notebook`` is a path (the kernel starts in its folder) or a notebook
    already read (then ``folder`` says where the kernel starts).  With
    ``work_dir`` the kernel saves the student's work there
    (``MEDIALIT_WORK_DIR``), not in the course's my_work/.  A failing cell
    raises nbclient's ``CellExecutionError``."""
    if not isinstance(notebook, nbformat.NotebookNode):
        folder = folder or Path(notebook).parent
        notebook = nbformat.read(notebook, as_version=4)
    elif folder is None:
        raise ValueError("run_notebook needs the folder the kernel starts in for a notebook already read")
    old = os.environ.get("MEDIALIT_WORK_DIR")
    if work_dir is not None:
        os.environ["MEDIALIT_WORK_DIR"] = str(work_dir)  # the kernel inherits it when it starts
    try:
        start = time.perf_counter()
        notebook_client(notebook, folder, timeout, record_timing=False).execute()
        return notebook, time.perf_counter() - start
    finally:
        if old is None:
            os.environ.pop("MEDIALIT_WORK_DIR", None)
        else:
            os.environ["MEDIALIT_WORK_DIR"] = old


def error_line(problem: Exception) -> str:
    """A failed run's error in one line: its type and the last line of its
    message (nbclient puts the cell's traceback first), colour codes removed."""
    last = re.sub(r"\x1b\[[0-9;]*m", "", str(problem)).strip().splitlines() or [""]
    return f"{type(problem).__name__}: {last[-1]}"


def execute(path: Path) -> float:
    """Run a notebook top to bottom in place (fresh kernel, empty work folder);
    return the seconds it took."""
    with tempfile.TemporaryDirectory() as work:
        # called my_work like a student's, so the saved outputs read as the lessons say
        notebook, seconds = run_notebook(path, timeout=300, work_dir=str(Path(work) / "my_work"))
    notebook.metadata.pop("widgets", None)  # widget state: bulky, and random ids
    for cell in notebook.cells:  # timings from older runs: noise in diffs
        cell.metadata.pop("execution", None)
    hide_reveals(notebook)
    nbformat.write(notebook, path)
    return seconds


REVEAL, IGNORE_OUTPUT = "reveal", "nbval-ignore-output"
#: a cell whose output says something true only of the computer that ran it
#: (where the work folder is): saved empty like a reveal, so the committed
#: notebook never shows the build machine's folders
THIS_COMPUTER = "this-computer"
SAVED_EMPTY = (REVEAL, THIS_COMPUTER)


def hide_reveals(notebook: nbformat.NotebookNode) -> int:
    """Empty the outputs of the code cells tagged ``reveal`` or
    ``this-computer`` (and give them nbval's ``nbval-ignore-output`` tag);
    return how many were emptied."""
    hidden = 0
    for cell in notebook.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or not set(SAVED_EMPTY) & set(tags):
            continue
        if IGNORE_OUTPUT not in tags:
            cell.metadata["tags"] = [*tags, IGNORE_OUTPUT]
        cell.outputs, cell.execution_count = [], None
        hidden += 1
    return hidden


def all_notebooks() -> list[Path]:
    return [p for folder in ("notebooks", "solutions", "exercises")
            for p in sorted((ROOT / folder).glob("[0-9][0-9]_*.ipynb"))]


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "all"
    if command in ("-h", "--help", "help"):
        print(__doc__)
        return 0
    if command in ("exercises", "all"):
        for path in write_exercises():
            print(f"wrote {path.relative_to(ROOT)} (execute it to store its outputs)")
    if command in ("execute", "all"):
        paths = [Path(p).resolve() for p in argv[1:]] if command == "execute" and argv[1:] else all_notebooks()
        for path in paths:
            print(f"{execute(path):6.1f} s  {path.relative_to(ROOT)}")
    if command not in ("exercises", "execute", "all"):
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

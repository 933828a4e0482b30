#!/usr/bin/env python3
"""Before and after in one run: ``check_article`` and each lesson's kernel
time, on this checkout and on another one (an older commit), alternating.

    git archive 8c0bd11 | (mkdir -p /tmp/before && tar -x -C /tmp/before)
    .venv/bin/python benchmarks/compare.py --before /tmp/before

Both sides run in fresh processes of this venv's Python, each with its own
``medialit`` first on ``sys.path`` (``PYTHONPATH``) and its own ``data/``,
notebooks and working folder, so the only difference is the checkout.  The
rounds alternate which side goes first, and the report keeps each side's
median, so a burst of load on this shared machine hits both sides alike.

Measured, per side and round:

* ``check_article``: CPU milliseconds per text (``time.process_time``) over
  ``--texts`` practice texts of ~5 KB (``corpus.mixed_articles``, seed 0),
  after one call that loads the data files, as a lesson's first call does;
* each ``notebooks/NN_*.ipynb`` top to bottom in a new kernel: the kernel
  process's CPU seconds (steadier than wall time on a shared machine) and
  the wall time; and the same lesson's code cells run in a fresh IPython
  shell without a kernel: the CPU its own code costs (the steadiest figure).

Writes ``benchmarks/COMPARE.md`` (or ``--out``).  Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "COMPARE.md"

_CHECK = r"""
import json, sys, time
from medialit.corpus import mixed_articles
from medialit.report import check_article
texts = mixed_articles(int(sys.argv[1]), seed=0)
check_article(texts[0])  # load the data files once, as a lesson's first call does
times = []
for text in texts:
    start = time.process_time()
    check_article(text)
    times.append(time.process_time() - start)
print(json.dumps({"ms_per_text": 1000 * sum(times) / len(times), "kb": sum(len(t.encode()) for t in texts) / 1024}))
"""

# What each removed text-keyed cache used to save on a repeated call: the work
# itself, on article A, median of 20 (this checkout only).
_REMOVED = r"""
import json, statistics, time
from medialit.corpus import article_text, split_sentences
from medialit.textcheck import validate_text
from medialit.readability import validate_prose
from medialit.quotes import quote_spans
from medialit.attribution import attribute
text = article_text("A")
table = split_sentences(text, "A")
work = {
    "corpus._sentences (split a text into sentences)": lambda: split_sentences(text, "A"),
    "attribution._quote_spans (find the quotations)": lambda: quote_spans(text),
    "attribution._attribute (attribute every sentence, table given)": lambda: attribute(text, sentences=table),
    "textcheck._problem (validate_text)": lambda: validate_text(text),
    "readability._prose_problem (validate_prose, incl. validate_text)": lambda: validate_prose(text),
}
out = {}
for name, call in work.items():
    call()
    times = []
    for _ in range(20):
        start = time.process_time()
        call()
        times.append(time.process_time() - start)
    out[name] = 1000 * statistics.median(times)
print(json.dumps(out))
"""

_LESSONS = r"""
import json, sys, time
from pathlib import Path
import nbformat, psutil
from nbclient import NotebookClient
out = {}
for path in sorted(Path("notebooks").glob("[0-9][0-9]_*.ipynb")):
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    start = time.perf_counter()
    with client.setup_kernel():
        process = psutil.Process(client.km.provisioner.pid)
        for index, cell in enumerate(notebook.cells):
            client.execute_cell(cell, index)
        out[path.name] = {"cpu": sum(process.cpu_times()[:2]), "wall": time.perf_counter() - start}
print(json.dumps(out))
"""


# Each lesson's code cells run in one fresh IPython shell (no kernel, no
# messaging): the CPU seconds the lesson's own code costs, imports included.
# Steadier than a kernel's CPU, which also counts its start and its messages.
_CELLS = r"""
import json, sys, time
from pathlib import Path
import matplotlib
matplotlib.use("agg")
from IPython.core.interactiveshell import InteractiveShell
path = Path(sys.argv[1])
import os
os.chdir(path.parent)
shell = InteractiveShell.instance()
start = time.process_time()
for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
    if cell["cell_type"] == "code":
        shell.run_cell("".join(cell["source"]), silent=True)
print(json.dumps({"cpu": time.process_time() - start}))
"""


def _run(side: Path, code: str, *args: str) -> dict:
    """Run ``code`` with ``side``'s medialit and data, in ``side``, in a fresh process."""
    with tempfile.TemporaryDirectory(prefix="medialit-compare-") as work:
        env = {**os.environ, "PYTHONPATH": str(side), "MEDIALIT_WORK_DIR": work, "MPLBACKEND": "agg"}
        env.pop("MEDIALIT_DATA", None)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        done = subprocess.run([sys.executable, "-c", code, *args], cwd=side, env=env, capture_output=True,
                              text=True, timeout=3600)
    if done.returncode:
        raise SystemExit(f"{side}: {done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _check_imports_from(side: Path) -> None:
    code = "import medialit, sys; print(medialit.__file__)"
    found = subprocess.run([sys.executable, "-c", code], cwd=side, env={**os.environ, "PYTHONPATH": str(side)},
                           capture_output=True, text=True).stdout.strip()
    if not found.startswith(str(side.resolve())):
        raise SystemExit(f"{side} does not import its own medialit (got {found})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--before", type=Path, required=True, help="the other checkout (e.g. from git archive)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each side once per round (default 3)")
    parser.add_argument("--texts", type=int, default=100, help="practice texts for check_article (default 100)")
    parser.add_argument("--skip-lessons", action="store_true", help="only check_article")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    sides = {"before": args.before.resolve(), "after": ROOT}
    for side in sides.values():
        _check_imports_from(side)
    results = {name: {"check": [], "lessons": []} for name in sides}
    for round_ in range(args.rounds):
        order = list(sides) if round_ % 2 == 0 else list(reversed(sides))
        for name in order:
            check = _run(sides[name], _CHECK, str(args.texts))
            results[name]["check"].append(check)
            print(f"round {round_ + 1} {name:6} check_article {check['ms_per_text']:.1f} ms CPU per text", flush=True)
            if not args.skip_lessons:
                lessons = _run(sides[name], _LESSONS)
                for notebook in lessons:
                    path = str(sides[name] / "notebooks" / notebook)
                    lessons[notebook]["cells"] = _run(sides[name], _CELLS, path)["cpu"]
                results[name]["lessons"].append(lessons)
                print(f"round {round_ + 1} {name:6} lessons " + ", ".join(
                    f"{k[:2]} {v['cpu']:.1f}s" for k, v in lessons.items()), flush=True)
    removed = _run(ROOT, _REMOVED)
    args.out.write_text(_markdown(results, sides, args, removed), encoding="utf-8")
    print(f"written: {args.out}")
    return 0


def _median(values):
    return statistics.median(values) if values else float("nan")


def _commit(path: Path) -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=path, capture_output=True, text=True)
    return done.stdout.strip() or "(not a git checkout)"


def _markdown(results, sides, args, removed) -> str:
    lines = ["# Before and after, one run", "",
             f"Measured {dt.datetime.now(dt.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
             f"(load average at the end {', '.join(f'{x:.2f}' for x in os.getloadavg())}); after = commit "
             f"{_commit(ROOT)}, before = `{args.before}`.  {args.rounds} rounds, alternating which side goes "
             "first; medians.  Command: `.venv/bin/python benchmarks/compare.py "
             + " ".join(sys.argv[1:]) + "`.", "",
             "| measure | before | after | after / before |", "| --- | ---: | ---: | ---: |"]
    b = _median([r["ms_per_text"] for r in results["before"]["check"]])
    a = _median([r["ms_per_text"] for r in results["after"]["check"]])
    lines.append(f"| check_article, ms CPU per ~5 KB text ({args.texts} texts) | {b:.1f} | {a:.1f} | {a / b:.2f} |")
    names = sorted({n for r in results["after"]["lessons"] for n in r})
    for name in names:
        for what, unit in (("cells", "its code cells in one process, CPU s"), ("cpu", "kernel CPU s"),
                           ("wall", "wall s")):
            b = _median([r[name][what] for r in results["before"]["lessons"] if name in r])
            a = _median([r[name][what] for r in results["after"]["lessons"] if name in r])
            lines.append(f"| {name}, {unit} | {b:.2f} | {a:.2f} | {a / b:.2f} |")
    lines += ["", "The lessons' own content may differ between the two checkouts (cells added or moved); "
              "the kernel time is the whole lesson as each checkout has it.", "",
              "## What the removed text caches used to save", "",
              "Each removed cache answered a repeated call for the same text from memory.  Without it the "
              "work is done again; what that costs, on article A (5.6 KB), this checkout, median of 20 "
              "(ms CPU):", "", "| removed cache (the work it skipped) | ms |", "| --- | ---: |"]
    lines += [f"| {name} | {ms:.2f} |" for name, ms in removed.items()]
    lines.append("")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""How fast is the course on this machine?  One command, one report.

    .venv/bin/python benchmarks/run.py

prints each figure as it is measured and writes them, with the machine's core
count, load and the date, to ``benchmarks/RESULTS.md``.  It is not part of
the test suite (pytest's testpaths do not include ``benchmarks/``).

Parts (skip any with ``--skip``, e.g. ``--skip install,throughput``):

``notebooks``   (a) every ``notebooks/NN_*.ipynb`` top to bottom with nbclient
                (kernels use Python's bytecode cache, as ``course.py open``'s do):
                *cold* = a new kernel, timed from asking for the kernel to the
                last cell ("Restart kernel and run all"); *warm* = the same
                notebook again in that running kernel ("Run all" once more).
                (b) from asking for the kernel to the end of the first cell
                that shows output (the imports and loading the corpus).
``tagger``      (c) the Tagger's Check (what the button does) for 50 tagged
                items, median of 30, plus one tag click (which autosaves).
``throughput``  (d) KB/s of ``attribution.attribute``, ``loaded.find_loaded``,
                ``spin.find_spin``, ``readability.scores`` and
                ``report.check_article`` over a generated corpus (default
                1,000 texts of ~5 KB mixed from the two articles' sentences),
                beside a naive baseline: per-sentence textstat calls and a
                per-word ``wordfreq.zipf_frequency`` call.  A module that
                does not exist yet is reported as "not available yet".
``coldstart``   (f) a first answer in a fresh process: ``import medialit`` plus
                the first ``check_article`` on a 5 KB text, against ``python -c
                "import pandas"``; fresh processes, alternating, median of 7
                (issue 16's target: at most 2.5× the pandas import).
``install``     (e) size and time of a fresh venv from requirements.txt, built
                as Binder does, by ``scripts/binder_check.py`` (downloads
                ~200 MB, a few minutes).  ``--install-json FILE`` keeps that
                result in FILE and reuses it on later runs instead of
                building again.

``--faults``    only the slow rows of the fault-injection suite (issue 18;
                the rest is tests/test_faults.py), each in a fresh process,
                written to ``benchmarks/FAULTS.md``: ``check_article`` on one
                long paragraph without full stops (100 KB to 1.9 MB, just under
                the 2 MB cap; ``--fault-sizes 100,200`` picks sizes in KB) and on
                1.9 MB of ordinary prose; ``check_folder`` on a folder with a
                500 MB file; the memory left after 40 refused 20 MB pastes.
                ``--code DIR`` runs them on another checkout's medialit (e.g.
                ``git archive bf1460e | tar -x -C /tmp/old``), for "before" figures.

``--profile`` also writes a pyinstrument profile of ``check_article`` to
``benchmarks/profile_check_article.txt``.  ``--articles N`` uses a smaller
corpus; ``--repeat N`` runs each notebook N times cold and keeps the fastest.

Targets (from the course's issue 7): a lesson runs top to bottom in under 8 s;
first output under 2 s; Tagger check under 20 ms; ``check_article`` at least
300 KB/s per core and faster than the naive baseline.  Throughput is measured
in one process, i.e. on one core.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).resolve().parent / "RESULTS.md"
PARTS = ("notebooks", "tagger", "throughput", "install", "coldstart")
NOT_YET = "not available yet"
TARGETS = {"lesson_seconds": 8.0, "first_output_seconds": 2.0, "check_ms": 20.0, "check_article_kbps": 300.0,
           "coldstart_ratio": 2.5}

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))  # notebook_tools: the one notebook runner


def say(message: str) -> None:
    print(message, flush=True)


def verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("met" if ok else "**missed**")


# ---------------------------------------------------------------- (a), (b)
def time_notebook(path: Path, timeout: int = 300) -> dict:
    """Cold run (new kernel), first output, then a warm run in the same kernel."""
    import nbformat
    from notebook_tools import error_line, notebook_client

    notebook = nbformat.read(path, as_version=4)
    # the course's one client, driven cell by cell here to time the first output and a warm re-run
    client = notebook_client(notebook, path.parent, timeout)
    result = {"notebook": path.name, "error": None}
    start = time.perf_counter()
    try:
        with client.setup_kernel():
            result["kernel_start"] = time.perf_counter() - start
            cpu = _kernel_cpu(client)
            first = None
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
                if first is None and cell.cell_type == "code" and cell.get("outputs"):
                    first = time.perf_counter() - start
                    result["first_output_cpu"] = cpu()
            result["first_output"] = first
            result["cold"] = time.perf_counter() - start
            result["cold_cpu"] = cpu()
            client.reset_execution_trackers()
            again = time.perf_counter()
            for index, cell in enumerate(notebook.cells):
                client.execute_cell(cell, index)
            result["warm"] = time.perf_counter() - again
    except Exception as problem:  # report the failure in the table, go on with the others
        result["error"] = error_line(problem)
    return result


def _kernel_cpu(client):
    """A function giving the kernel process's CPU seconds so far (user +
    system, from its start), or None when it cannot be read.  On a shared
    machine this is steadier than wall time: waiting for a core does not count."""
    try:
        import psutil

        process = psutil.Process(client.km.provisioner.pid)
        return lambda: sum(process.cpu_times()[:2])
    except Exception:
        return lambda: None


def bench_notebooks(repeat: int) -> list[dict]:
    lessons = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    results = []
    for path in lessons:
        runs = [time_notebook(path) for _ in range(repeat)]
        good = [r for r in runs if not r["error"]]
        best = min(good, key=lambda r: r["cold"]) if good else runs[0]
        results.append(best)
        if best["error"]:
            say(f"  {path.name:30} FAILED {best['error']}")
        else:
            say(f"  {path.name:30} cold {best['cold']:5.2f} s  warm {best['warm']:5.2f} s  "
                f"kernel {best['kernel_start']:4.2f} s  first output {best['first_output'] or 0:4.2f} s  "
                f"(kernel CPU: first output {best.get('first_output_cpu') or 0:4.2f} s, "
                f"cold {best.get('cold_cpu') or 0:4.2f} s)")
    return results


# ---------------------------------------------------------------- (c)
def bench_tagger(items: int = 50, repeat: int = 30) -> dict:
    import random

    from medialit import article_sentences
    from medialit.tagging import Tagger

    pool = article_sentences()
    rows = pool.head(items) if len(pool) >= items else pool.sample(items, replace=True, random_state=0)
    frame = rows.reset_index(drop=True).assign(item_id=[f"i{n:02d}" for n in range(items)])[["item_id", "text"]]
    rng = random.Random(0)
    choices = [("the writer's own", "writer"), ("someone the writer cites", "cited")]
    key = {i: (rng.choice(["writer", "cited"]), f"why {i}") for i in frame["item_id"]}
    with tempfile.TemporaryDirectory() as folder:
        tagger = Tagger(frame, choices, key, name="bench", save_dir=folder)
        click = time.perf_counter()
        tagger.tag("i00", "writer")  # one click: updates progress and autosaves
        click = time.perf_counter() - click
        tagger.autosave = False
        for item_id in frame["item_id"]:
            tagger.tag(item_id, rng.choice(["writer", "cited"]))
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            tagger.check_button.click()
            times.append(time.perf_counter() - start)
        summary = tagger.summary()
        result = {"items": items, "check_ms": statistics.median(times) * 1000,
                  "check_max_ms": max(times) * 1000, "click_ms": click * 1000, "summary": summary}
        # the same with a write-in box per item, answers matched against the key
        try:
            written = Tagger(frame, choices, {i: (*v, "TASS | Interfax") for i, v in key.items()},
                             name="bench_write", save_dir=folder, autosave=False,
                             write_in="Who says so?", write_in_check="match")
        except TypeError:
            written = None
        if written is not None:
            for item_id in frame["item_id"]:
                written.tag(item_id, rng.choice(["writer", "cited"]))
                written.write(item_id, rng.choice(["tass", "Interfax.", "Reuters"]))
            times = []
            for _ in range(repeat):
                start = time.perf_counter()
                written.check_button.click()
                times.append(time.perf_counter() - start)
            result["check_write_in_ms"] = statistics.median(times) * 1000
    say(f"  Check with {items} items: median {result['check_ms']:.1f} ms (max {result['check_max_ms']:.1f} ms); "
        f"one tag click with autosave {result['click_ms']:.1f} ms"
        + (f"; with write-in boxes {result['check_write_in_ms']:.1f} ms" if "check_write_in_ms" in result else ""))
    return result


# ---------------------------------------------------------------- (d)
def make_corpus(n: int, size: int = 5000, seed: int = 0) -> list[str]:
    """``n`` texts of ~``size`` characters, mixed from the two articles'
    sentences (medialit.corpus.mixed_articles when it exists)."""
    try:
        from medialit.corpus import mixed_articles
    except ImportError:
        mixed_articles = None
    if mixed_articles is not None:
        return mixed_articles(n, size=size, seed=seed)
    import random

    from medialit import article_sentences

    pool = list(article_sentences()["text"])
    rng = random.Random(seed)
    texts = []
    for _ in range(n):
        chosen = []
        while sum(len(s) + 1 for s in chosen) < size:
            chosen.append(rng.choice(pool))
        texts.append("\n\n".join(" ".join(chosen[i:i + 3]) for i in range(0, len(chosen), 3)) + "\n")
    return texts


def naive_baseline(text: str) -> dict:
    """What a first attempt would do: split sentences with a regular
    expression, call textstat on every sentence, and wordfreq on every word."""
    import textstat
    from wordfreq import zipf_frequency

    sentences = [s for s in re.split(r"(?<=[.!?”])\s+", text) if s.strip()]
    ease = [textstat.flesch_reading_ease(s) for s in sentences]
    grade = [textstat.flesch_kincaid_grade(s) for s in sentences]
    zipf = [zipf_frequency(w, "en") for s in sentences for w in re.findall(r"[A-Za-z’']+", s)]
    rare = sum(z < 3 for z in zipf)
    return {"ease": sum(ease) / len(ease), "grade": sum(grade) / len(grade), "rare": rare}


def text_caches() -> list:
    """textstat's result caches keyed by a text (an lru_cache whose first
    parameter is ``text``).

    The generated corpus reuses the two articles' sentences, so the naive
    baseline's per-sentence textstat calls would mostly hit textstat's own
    caches, which no real corpus of distinct articles would; clearing them
    before each text (outside the timing) measures every text as new.
    medialit keeps no cache keyed by a text (issue 15; tests/test_dataflow.py),
    so the search finds none there."""
    import importlib
    import inspect
    import pkgutil

    import medialit
    import textstat.backend

    caches = []
    packages = [(textstat.backend.__path__, "textstat.backend."), (medialit.__path__, "medialit.")]
    for info in (i for path, prefix in packages for i in pkgutil.walk_packages(path, prefix)):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if callable(value) and hasattr(value, "cache_clear") and getattr(value, "__module__", "") == info.name:
                try:
                    first = next(iter(inspect.signature(value).parameters), "")
                except (TypeError, ValueError):
                    continue
                if first == "text":
                    caches.append(value)
    return caches


def _function(module: str, name: str):
    import importlib

    try:
        return getattr(importlib.import_module(f"medialit.{module}"), name)
    except (ImportError, AttributeError):
        return None


def bench_throughput(articles: int) -> dict:
    say(f"  generating {articles} texts ...")
    texts = make_corpus(articles)
    kilobytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    unique_sentences = len({s for t in texts for s in re.split(r"(?<=[.!?”])\s+", t)})
    say(f"  corpus: {len(texts)} texts, {kilobytes:,.0f} KB, ~{unique_sentences} distinct sentences")
    wanted = [("attribution", "attribute"), ("loaded", "find_loaded"), ("spin", "find_spin"),
              ("readability", "scores"), ("report", "check_article")]
    caches = text_caches()
    rows = []
    for module, name in wanted + [("(baseline)", "naive")]:
        label = f"{module}.{name}" if module != "(baseline)" else "naive baseline (textstat per sentence, wordfreq per word)"
        function = naive_baseline if module == "(baseline)" else _function(module, name)
        if function is None:
            rows.append({"function": label, "status": NOT_YET})
            say(f"  {label:40} {NOT_YET}")
            continue
        try:
            function(texts[0])  # load data files and lexicons once, as a lesson's first call does
            seconds = cpu = 0.0
            for text in texts:
                for cache in caches:
                    cache.cache_clear()
                start, start_cpu = time.perf_counter(), time.process_time()
                function(text)
                seconds += time.perf_counter() - start
                cpu += time.process_time() - start_cpu
        except ModuleNotFoundError as problem:  # e.g. check_article before medialit.spin exists
            rows.append({"function": label, "status": f"{NOT_YET} (needs {problem.name})"})
            say(f"  {label:40} {rows[-1]['status']}")
            continue
        except Exception as problem:
            rows.append({"function": label, "status": f"error: {type(problem).__name__}: {problem}"[:200]})
            say(f"  {label:40} error: {problem}")
            continue
        rows.append({"function": label, "status": "ok", "seconds": seconds, "wall_kbps": kilobytes / seconds,
                     "kbps": kilobytes / cpu, "ms_per_text": 1000 * cpu / len(texts)})
        say(f"  {label:40} {kilobytes / cpu:8.0f} KB per CPU-second ({1000 * cpu / len(texts):.1f} ms CPU "
            f"per text; wall {kilobytes / seconds:.0f} KB/s)")
    cleared = sorted(f"{c.__module__}.{c.__name__}" for c in caches if c.__module__.startswith("medialit"))
    return {"texts": len(texts), "kilobytes": kilobytes, "unique_sentences": unique_sentences, "rows": rows,
            "caches": cleared}


def profile_check_article(articles: int, out: Path) -> None:
    function = _function("report", "check_article")
    if function is None:
        say(f"  check_article is {NOT_YET}: no profile")
        return
    from pyinstrument import Profiler

    texts = make_corpus(articles, seed=1)
    function(texts[0])
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for text in texts:
        function(text)
    profiler.stop()
    out.write_text(profiler.output_text(unicode=False, color=False, show_all=False))
    say(f"  profile of check_article over {len(texts)} texts written to {out.relative_to(ROOT)}")


# ---------------------------------------------------------------- fault rows (issue 18)
FAULTS = Path(__file__).resolve().parent / "FAULTS.md"

# Each row runs in a fresh Python (so memory figures are its own) that
# imports medialit from CODE; it prints one JSON line.
_LONG_PARAGRAPH = r"""
import json, re, resource, sys, time
sys.path.insert(0, sys.argv[1])
from medialit.corpus import article_text
from medialit.report import check_article
base = re.sub(r"\s+", " ", re.sub(r"[.!?;:\n]+", ",", " ".join(article_text(a) for a in ("A", "B"))))
size, kind = int(sys.argv[2]), sys.argv[3]
if kind == "prose":  # ordinary sentences and paragraphs
    base = article_text("A") + "\n\n" + article_text("B") + "\n\n"
text = (base + " ") * (size // len(base.encode()) + 1)
text = text.encode()[:size].decode(errors="ignore").rsplit(" ", 1)[0]
check_article("Police said the square was closed on Thursday, and dozens were arrested.")  # load data once
start, cpu = time.perf_counter(), time.process_time()
report = check_article(text)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "bytes": len(text.encode()), "sentences": report.figures["sentences"],
                  "max_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

_BIG_FILE = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from medialit.corpus import article_text
from medialit.report import check_folder
folder = Path(tempfile.mkdtemp(prefix="medialit-bench-big-"))
(folder / "article_A.txt").write_text(article_text("A"), encoding="utf-8")
with open(folder / "huge.txt", "wb") as handle:
    handle.truncate(int(sys.argv[2]))  # sparse: takes no disk space
check_folder(folder, pattern="article_A.txt", workers=1, progress=False)  # load data once: measure the big file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
start = time.perf_counter()
try:
    table = check_folder(folder, workers=1, progress=False)
    problem = table.set_index("file").loc["huge.txt", "problem"]
    others = int((table["problem"] == "").sum())
except MemoryError:
    problem, others = "MemoryError: the whole run failed", 0
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "extra_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024 - before,
                  "problem": problem, "other_files_checked": others}))
for path in folder.iterdir():
    path.unlink()
folder.rmdir()
"""

_REFUSED = r"""
import gc, json, sys
sys.path.insert(0, sys.argv[1])
from medialit.report import try_check
def rss_mb():
    return int(open("/proc/self/statm").read().split()[1]) * 4096 / 1e6
try_check("Police said the square was closed on Thursday, and dozens were arrested.")
gc.collect()
before = rss_mb()
for n in range(int(sys.argv[2])):
    paste = ("Police said the square was closed. " * 580_000) + str(n)  # 20 MB
    try_check(paste)
    del paste
gc.collect()
print(json.dumps({"kept_mb": rss_mb() - before}))
"""


def _row(script: str, *args) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], capture_output=True, text=True,
                          cwd=tempfile.gettempdir(), env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def bench_faults(code: Path, sizes_kb: list[int]) -> dict:
    rows = {"code": str(code), "long_paragraph": [], "prose": None, "big_file": None, "refused": None}
    for kb in sizes_kb:
        result = _row(_LONG_PARAGRAPH, code, kb * 1000, "paragraph")
        rows["long_paragraph"].append({"kb": kb, **result})
        say(f"  one paragraph, no full stops, {kb:5} KB: " + (f"{result['seconds']:7.1f} s (CPU {result['cpu']:.1f} s)"
            if "seconds" in result else result["error"]))
    result = _row(_LONG_PARAGRAPH, code, 1_900_000, "prose")
    rows["prose"] = result
    say("  ordinary prose, 1,900 KB: " + (f"{result['seconds']:.1f} s (CPU {result['cpu']:.1f} s), "
                                         f"{result['sentences']} sentences"
                                         if "seconds" in result else result["error"]))
    result = _row(_BIG_FILE, code, 500_000_000)
    rows["big_file"] = result
    say("  check_folder with a 500 MB file: " + (f"{result['seconds']:.1f} s, {result['extra_rss_mb']:.0f} MB more "
                                                 f"memory; {result['problem']}" if "seconds" in result else result["error"]))
    result = _row(_REFUSED, code, 40)
    rows["refused"] = result
    say("  memory kept after 40 refused 20 MB pastes: " + (f"{result['kept_mb']:.0f} MB" if "kept_mb" in result
                                                           else result["error"]))
    return rows


def faults_markdown(rows: dict, command: str) -> str:
    m = machine()
    lines = ["# Fault rows (issue 18)", "",
             f"`{command}` on {m['cores']} cores ({m['cpu']}), load {m['load']}, {m['date']}, medialit from "
             f"`{rows['code']}`.", "",
             "| case | wall s | CPU s | note |", "| --- | ---: | ---: | --- |"]
    for r in rows["long_paragraph"]:
        if "seconds" in r:
            lines.append(f"| check_article, one paragraph without full stops, {r['kb']:,} KB | {r['seconds']:.1f} "
                         f"| {r['cpu']:.1f} | peak memory {r['max_rss_mb']:.0f} MB |")
        else:
            lines.append(f"| check_article, one paragraph without full stops, {r['kb']:,} KB | | | {r['error']} |")
    p = rows["prose"]
    if p and "seconds" in p:
        lines.append(f"| check_article, ordinary prose, 1,900 KB | {p['seconds']:.1f} | {p['cpu']:.1f} | "
                     f"{p['sentences']:,} sentences |")
    b = rows["big_file"]
    if b and "seconds" in b:
        lines.append(f"| check_folder, a folder with a 500 MB file and article A | {b['seconds']:.1f} | | "
                     f"{b['extra_rss_mb']:.0f} MB more memory; other files checked: {b['other_files_checked']}; "
                     f"“{b['problem']}” |")
    f = rows["refused"]
    if f and "kept_mb" in f:
        lines.append(f"| memory kept after 40 refused 20 MB pastes | | | {f['kept_mb']:.0f} MB |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- (e)
def bench_install(install_json: Path | None, keep: Path | None = None) -> dict:
    if install_json and install_json.exists():
        result = json.loads(install_json.read_text())
        say(f"  reusing the fresh-venv figures in {install_json} (measured {result.get('measured', '?')})")
        if keep and (keep / "venv").is_dir():
            # today's lessons, run again in the environment built then (no second install)
            with tempfile.TemporaryDirectory() as folder:
                out = Path(folder) / "binder.json"
                subprocess.call([sys.executable, str(ROOT / "scripts" / "binder_check.py"), "--reuse", str(keep),
                                 "--json", str(out)], cwd=ROOT)
                if out.exists():
                    result["notebooks"] = json.loads(out.read_text()).get("notebooks", [])
                    result["lessons_measured"] = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
        return result
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "binder.json"
        start = time.perf_counter()
        command = [sys.executable, str(ROOT / "scripts" / "binder_check.py"), "--json", str(out)]
        if keep:
            command += ["--keep", str(keep)]
        code = subprocess.call(command, cwd=ROOT)
        wall = time.perf_counter() - start
        result = json.loads(out.read_text()) if out.exists() else {}
    result.update({"exit_code": code, "wall_seconds": round(wall, 1),
                   "measured": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")})
    if install_json:
        install_json.write_text(json.dumps(result, indent=1))
    return result


# ---------------------------------------------------------------- report
def machine() -> dict:
    model = ""
    try:
        model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                      if line.startswith("model name")), "")
    except OSError:
        pass
    return {"cores": os.cpu_count(), "cpu": model or platform.processor() or platform.machine(),
            "load": os.getloadavg() if hasattr(os, "getloadavg") else None,
            "python": platform.python_version(), "system": platform.platform(terse=True),
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "commit": git_commit()}


def speed_check() -> float:
    """CPU milliseconds for a fixed piece of pure-Python work (median of 5).
    The machine is shared and its speed drifts (two-fold within an hour has
    been seen); this figure, taken at the start and the end of a run, says
    how fast the machine was while the rest was measured."""
    runs = []
    for _ in range(5):
        start = time.process_time()
        total = 0
        for i in range(400_000):
            total += i * i % 7
        re.findall(r"\b\w+ing\b", "a ringing thing, singing and sing " * 2_000)
        runs.append(1000 * (time.process_time() - start))
    return statistics.median(runs)


def git_commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return ""


def _num(value) -> str:
    return "?" if value is None else f"{value:.2f}"


def _speed(m: dict) -> str:
    if m.get("speed_start_ms") is None:
        return ""
    return (f"speed check (fixed pure-Python work, CPU ms; lower = faster machine): "
            f"{m['speed_start_ms']:.0f} at the start, {_num0(m.get('speed_end_ms'))} at the end")


def _num0(value) -> str:
    return "?" if value is None else f"{value:.0f}"


def _quality_section() -> str:
    """How good the checks are on held-out real coverage (scripts/evaluate_heldout.py)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    import evaluate_heldout

    return evaluate_heldout.quality_markdown(evaluate_heldout.evaluate(), link="HELDOUT.md",
                                             heading="## Quality: the checks on held-out real coverage")


_COLD = ("import time; t = time.perf_counter()\n"
         "import medialit\nfrom medialit.corpus import article_text\nfrom medialit.report import check_article\n"
         "text = (article_text('A') + '\\n\\n' + article_text('B'))[:5000]\n"
         "check_article(text)\n")


def bench_coldstart(runs: int = 7) -> dict:
    """Wall seconds of fresh processes: `import pandas` and the first check_article;
    and their CPU seconds (user + system), which waiting for a core does not count."""
    import resource

    python = sys.executable
    pandas, first, pandas_cpu, first_cpu = [], [], [], []
    for _ in range(runs):
        for sink, cpu, code in ((pandas, pandas_cpu, "import pandas"), (first, first_cpu, _COLD)):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([python, "-c", code], check=True, cwd=ROOT)
            sink.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    p, c = statistics.median(pandas), statistics.median(first)
    pc, cc = statistics.median(pandas_cpu), statistics.median(first_cpu)
    say(f"  import pandas {p:.2f} s; import medialit + first check_article (5 KB) {c:.2f} s; ratio {c / p:.1f}"
        f" (CPU: {pc:.2f} s, {cc:.2f} s; ratio {cc / pc:.1f})")
    return {"runs": runs, "pandas_s": p, "first_check_s": c, "ratio": c / p,
            "pandas_cpu_s": pc, "first_check_cpu_s": cc, "cpu_ratio": cc / pc,
            "pandas_all": pandas, "first_all": first}


def markdown(results: dict, command: str, before: dict | None = None) -> str:
    m = results["machine"]
    load = ", ".join(f"{x:.2f}" for x in m["load"]) if m["load"] else "unknown"
    lines = ["# Benchmark results", "",
             f"Measured {m['date']} on {m['cores']} cores ({m['cpu']}), {m['system']}, Python {m['python']}, "
             f"commit {m.get('commit') or '?'}; load average at start {load} (a shared machine: wall times grow "
             "with the load, CPU times much less); " + (_speed(m) or "no speed check") + ".", "",
             f"Command: `{command}`  (see `benchmarks/run.py` for what each part measures).", ""]
    if before:
        b = before["machine"]
        lines += [f"**Before** columns: the same benchmark on commit {b.get('commit') or '?'}, measured "
                  f"{b['date']}; {_speed(b) or 'no speed check'}.  Compare a row's before and after only "
                  "when the two speed checks are close.", ""]
    lines += [_quality_section()]
    old_lessons = {r["notebook"]: r for r in (before or {}).get("notebooks", []) if not r.get("error")}
    old_rows = {r["function"]: r for r in (before or {}).get("throughput", {}).get("rows", []) if r["status"] == "ok"}
    if "notebooks" in results:
        lines += ["## (a) Lessons top to bottom, (b) first output", "",
                  f"Target: a lesson under {TARGETS['lesson_seconds']:g} s cold; first output under "
                  f"{TARGETS['first_output_seconds']:g} s after asking for the kernel.", "",
                  "Wall times are what a student waits; the kernel's CPU seconds (in brackets) are what "
                  "the lesson costs, whatever else the machine is doing.  Kernels use Python's bytecode "
                  "cache, as they do when a student opens the course.", "",
                  "| notebook | cold (new kernel) s | warm (same kernel) s | kernel start s | first output s | "
                  "lesson target | first-output target |" + (" before: cold s | before: first output s |"
                                                             if old_lessons else ""),
                  "| --- | ---: | ---: | ---: | ---: | --- | --- |" + (" ---: | ---: |" if old_lessons else "")]
        for r in results["notebooks"]:
            if r["error"]:
                lines.append(f"| {r['notebook']} | failed: {r['error']} | | | | **missed** | |")
                continue
            first = r["first_output"]
            row = (f"| {r['notebook']} | {r['cold']:.2f} ({_num(r.get('cold_cpu'))} CPU) | {r['warm']:.2f} | "
                   f"{r['kernel_start']:.2f} | {_num(first)} ({_num(r.get('first_output_cpu'))} CPU) | "
                   f"{verdict(r['cold'] < TARGETS['lesson_seconds'])} | "
                   f"{verdict(first < TARGETS['first_output_seconds'] if first else None)} |")
            if old_lessons:
                o = old_lessons.get(r["notebook"])
                row += (f" {o['cold']:.2f} ({_num(o.get('cold_cpu'))} CPU) | {_num(o.get('first_output'))} "
                        f"({_num(o.get('first_output_cpu'))} CPU) |" if o else " | |")
            lines.append(row)
        lines.append("")
    if "tagger" in results:
        t = results["tagger"]
        lines += ["## (c) Tagger", "",
                  "| measure | ms | target |", "| --- | ---: | --- |",
                  f"| Check ({t['items']} items tagged), median of 30 | {t['check_ms']:.1f} | "
                  f"{verdict(t['check_ms'] < TARGETS['check_ms'])} (< {TARGETS['check_ms']:g} ms) |",
                  f"| Check, slowest of 30 | {t['check_max_ms']:.1f} | |",
                  f"| one tag click, with autosave to disk | {t['click_ms']:.1f} | |"]
        if "check_write_in_ms" in t:
            lines.append(f"| Check ({t['items']} items tagged and a write-in answer each, matched), median | "
                         f"{t['check_write_in_ms']:.1f} | {verdict(t['check_write_in_ms'] < TARGETS['check_ms'])} |")
        lines.append("")
    if "throughput" in results:
        d = results["throughput"]
        base = next((r for r in d["rows"] if r["function"].startswith("naive") and r["status"] == "ok"), None)
        lines += ["## (d) Analysis throughput, one process (= one core)", "",
                  f"Corpus: {d['texts']:,} generated texts, {d['kilobytes']:,.0f} KB in all, mixed from the two "
                  f"articles' sentences (~{d['unique_sentences']} distinct sentences).  Because sentences "
                  "repeat across texts, every result cache keyed by a text (textstat's, and medialit's "
                  f"memory of recent texts: {', '.join(d.get('caches', [])) or 'none'}) is cleared before "
                  "each text, outside the timing; otherwise a per-sentence caller would look several "
                  "times faster than it would on real, distinct articles.", "",
                  "KB per CPU-second is throughput per core (time spent waiting for a core on the shared "
                  "machine not counted); wall-clock KB/s beside it.", "",
                  "| function | KB per CPU-second | CPU ms per text | wall KB/s | vs naive baseline | target |"
                  + (" before: KB per CPU-second | before: CPU ms per text |" if old_rows else ""),
                  "| --- | ---: | ---: | ---: | ---: | --- |" + (" ---: | ---: |" if old_rows else "")]
        for r in d["rows"]:
            if r["status"] != "ok":
                lines.append(f"| `{r['function']}` | {r['status']} | | | | |")
                continue
            o = old_rows.get(r["function"])
            was = (f" {o['kbps']:,.0f} | {o['ms_per_text']:.1f} |" if o else " | |") if old_rows else ""
            ratio = f"{r['kbps'] / base['kbps']:.1f}×" if base and r is not base else ""
            target = ""
            if r["function"] == "report.check_article":
                ok = r["kbps"] >= TARGETS["check_article_kbps"] and (base is None or r["kbps"] > base["kbps"])
                target = f"{verdict(ok)} (≥ {TARGETS['check_article_kbps']:g} KB/s and faster than the baseline)"
            name = r["function"] if r["function"].startswith("naive") else f"`{r['function']}`"
            lines.append(f"| {name} | {r['kbps']:,.0f} | {r['ms_per_text']:.1f} | {r['wall_kbps']:,.0f} | "
                         f"{ratio} | {target} |{was}")
        lines.append("")
        scores = next((r for r in d["rows"] if r["function"] == "readability.scores" and r["status"] == "ok"), None)
        if base and scores:
            from medialit.readability import METRICS

            lines += ["What the baseline does: two formulas (Flesch reading ease and Flesch–Kincaid) per "
                      "sentence with textstat and a Zipf lookup per word with wordfreq, i.e. part of the "
                      "readability-and-rarity quarter of `check_article`.  Like for like, "
                      f"`readability.scores` (all {len(METRICS)} measures of the report, whole text) runs at "
                      f"{scores['kbps'] / base['kbps']:.1f}× the baseline's speed.  `check_article` also finds "
                      "who says so, the loaded words and their voices, and the spin candidates, which the "
                      "baseline does not do at all.", ""]
    if "install" in results:
        e = results["install"]
        lines += ["## (e) A fresh environment, as Binder builds it", ""]
        if e.get("install_seconds") is None:
            lines.append(f"Not measured: {e.get('note', 'the build failed')} (exit code {e.get('exit_code')}).")
        else:
            ran = e.get("notebooks", [])
            lessons = ", ".join(f"{n['notebook']} {n['seconds']:.1f} s" + (" FAILED" if n["error"] else "")
                                for n in ran)
            lines += ["| measure | value |", "| --- | ---: |",
                      f"| `pip install --no-cache-dir -r requirements.txt` into a new venv | "
                      f"{e['install_seconds']:.0f} s |",
                      f"| size of that venv on disk | {e['venv_mb']:,} MB |",
                      f"| whole check (export, install, run every lesson) | {e.get('wall_seconds', 0):.0f} s |", "",
                      f"Install measured {e.get('measured', '?')} with `python3 scripts/binder_check.py` "
                      "(wheels downloaded from the package index, no pip cache, as on Binder; the download "
                      "speed dominates the time).  Lessons run top to bottom in that fresh venv"
                      + (f" (re-run {e['lessons_measured']} with `--reuse`)" if e.get("lessons_measured") else "")
                      + f": {lessons or 'none'}."]
        lines.append("")
    if "coldstart" in results:
        c = results["coldstart"]
        met = "met" if c["ratio"] <= TARGETS["coldstart_ratio"] else "**missed**"
        lines += ["## (f) A first answer in a fresh process", "",
                  f"Median of {c['runs']} fresh processes each, run alternately: `python -c \"import pandas\"` "
                  f"{c['pandas_s']:.2f} s; `import medialit` and the first `check_article` on a 5 KB text "
                  f"{c['first_check_s']:.2f} s: **{c['ratio']:.1f}×** the pandas import (target at most "
                  f"{TARGETS['coldstart_ratio']:g}×: {met}).  Wall times on a shared machine: the ratio moves "
                  "with the load."
                  + (f"  CPU seconds (user + system, steadier under load): {c['pandas_cpu_s']:.2f} s and "
                     f"{c['first_check_cpu_s']:.2f} s, **{c['cpu_ratio']:.1f}×**." if "cpu_ratio" in c else ""), ""]
    if results.get("skipped"):
        lines += [f"Skipped in this run: {', '.join(results['skipped'])}.", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--skip", default="", help=f"comma-separated parts to skip: {', '.join(PARTS)}")
    parser.add_argument("--articles", type=int, default=1000, help="texts in the throughput corpus (default 1000)")
    parser.add_argument("--repeat", type=int, default=1, help="cold runs per notebook; the fastest is kept")
    parser.add_argument("--install-json", type=Path, help="keep/reuse the fresh-venv figures in this file")
    parser.add_argument("--keep-venv", type=Path, help="build the fresh venv in this new folder and keep it "
                        "(then `scripts/binder_check.py --reuse FOLDER` re-runs the lessons in it)")
    parser.add_argument("--profile", action="store_true", help="write a pyinstrument profile of check_article")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where to write the markdown (default RESULTS.md)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    parser.add_argument("--before", type=Path, help="a JSON file from an earlier run (--json): its figures are "
                        "shown beside this run's, as 'before'")
    parser.add_argument("--faults", action="store_true", help="run only the fault rows (issue 18) and write "
                        "benchmarks/FAULTS.md (or --out)")
    parser.add_argument("--fault-sizes", default="100,200,400,800,1900",
                        help="paragraph sizes in KB for --faults (default 100,200,400,800,1900)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout whose medialit --faults runs")
    args = parser.parse_args(argv)
    if args.faults:
        say(f"fault rows, medialit from {args.code}:")
        rows = bench_faults(args.code.resolve(), [int(k) for k in args.fault_sizes.split(",") if k.strip()])
        command = "python " + " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
        out = FAULTS if args.out == RESULTS else args.out
        out.write_text(faults_markdown(rows, command), encoding="utf-8")
        if args.json:
            args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
        say(f"written: {out}")
        return 0
    skip = {part.strip() for part in args.skip.split(",") if part.strip()}
    unknown = skip - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s) to skip: {', '.join(sorted(unknown))}; the parts are {', '.join(PARTS)}")

    with tempfile.TemporaryDirectory(prefix="medialit-bench-work-") as work:
        # lessons and Taggers save into a throw-away work folder, never my_work/
        os.environ["MEDIALIT_WORK_DIR"] = work
        os.environ.setdefault("MPLBACKEND", "agg")
        results: dict = {"machine": machine(), "skipped": sorted(skip)}
        results["machine"]["speed_start_ms"] = speed_check()
        say(f"benchmark on {results['machine']['cores']} cores, {results['machine']['date']}, commit "
            f"{results['machine']['commit'] or '?'}; speed check {results['machine']['speed_start_ms']:.0f} ms")
        if "notebooks" not in skip:
            # Kernels start as a student's do (`course.py open`): with Python's
            # bytecode cache.  The test runner and some sandboxes turn it off
            # (PYTHONDONTWRITEBYTECODE), which makes every kernel recompile
            # medialit (~0.1 s) before its first output.
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            import compileall

            compileall.compile_dir(ROOT / "medialit", quiet=1)
            say("(a, b) lessons top to bottom, cold and warm kernel:")
            results["notebooks"] = bench_notebooks(args.repeat)
        if "tagger" not in skip:
            say("(c) Tagger check:")
            results["tagger"] = bench_tagger()
        if "throughput" not in skip:
            say("(d) analysis throughput:")
            results["throughput"] = bench_throughput(args.articles)
        if args.profile:
            profile_check_article(min(args.articles, 100), Path(__file__).resolve().parent / "profile_check_article.txt")
        if "coldstart" not in skip:
            say("(f) first answer in a fresh process:")
            results["coldstart"] = bench_coldstart()
        if "install" not in skip:
            say("(e) fresh venv as Binder builds it (scripts/binder_check.py):")
            results["install"] = bench_install(args.install_json, args.keep_venv)

        results["machine"]["speed_end_ms"] = speed_check()
        say(f"speed check at the end {results['machine']['speed_end_ms']:.0f} ms")

    command = "python " + " ".join(["benchmarks/run.py", *(argv if argv is not None else sys.argv[1:])])
    before = json.loads(args.before.read_text()) if args.before else None
    if args.json:
        args.json.write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
        say(f"written: {args.json}")
    args.out.write_text(markdown(results, command, before), encoding="utf-8")
    say(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

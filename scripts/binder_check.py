#!/usr/bin/env python3
"""Build the course the way Binder does, in a fresh virtual environment, and
run every lesson in it.

    python3 scripts/binder_check.py                 # what is committed (git HEAD)
    python3 scripts/binder_check.py --worktree      # the working tree, uncommitted files too
    python3 scripts/binder_check.py --venv .venv    # skip the build: run the lessons in an existing venv
    python3 scripts/binder_check.py --json out.json # also write the figures as JSON
    python3 scripts/binder_check.py --keep DIR      # build in DIR and keep it, then later:
    python3 scripts/binder_check.py --reuse DIR     # fresh export of HEAD into DIR, lessons run
                                                    # in DIR's venv again (no second install)

What Binder (repo2docker) does with this repository, and what this script copies:

1. It checks the repository out: only committed files (``git archive HEAD``;
   ``--worktree`` copies tracked and untracked, not ignored, files instead).
2. It takes the Python version from ``runtime.txt`` (``python-3.11``): this
   script looks for ``python3.11`` (or ``--python``) and refuses another.
3. It runs ``pip install --no-cache-dir -r requirements.txt`` in the checkout
   (``-e .`` at the end installs ``medialit`` from it).  ``--pip-cache`` lets
   pip use its cache instead (faster, but not what Binder measures).
4. A user opens the notebooks: here every ``notebooks/NN_*.ipynb`` is run top
   to bottom with nbclient in the new environment (kernel ``python3`` found
   in that environment only: a temporary JUPYTER_DATA_DIR hides the user's
   kernels), with a temporary MEDIALIT_WORK_DIR.

It prints the install time, the environment's size and each lesson's run
time, and exits non-zero if the install or any lesson fails.  The build
downloads the pinned wheels (~200 MB) and takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def say(message: str) -> None:
    print(f"[binder-check] {message}", flush=True)


def folder_size(path: Path) -> int:
    """Bytes in all regular files under ``path`` (symlinks not followed)."""
    total = 0
    for folder, _, files in os.walk(path):
        for name in files:
            file = Path(folder) / name
            if not file.is_symlink():
                total += file.stat().st_size
    return total


def runtime_version() -> str:
    """The Python version Binder will use, from runtime.txt (e.g. '3.11')."""
    text = (ROOT / "runtime.txt").read_text(encoding="utf-8").strip()
    if not text.startswith("python-"):
        raise SystemExit(f"runtime.txt should read like 'python-3.11', not {text!r}")
    return text.removeprefix("python-")


def find_python(wanted: str, given: str | None) -> str:
    candidates = [given] if given else [f"python{wanted}", sys.executable, "python3"]
    for candidate in candidates:
        path = shutil.which(candidate) if candidate else None
        if not path:
            continue
        version = subprocess.run([path, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                                 capture_output=True, text=True).stdout.strip()
        if version == wanted:
            return path
        if given:
            raise SystemExit(f"{given} is Python {version}, but runtime.txt asks for {wanted}")
    raise SystemExit(f"no Python {wanted} found (runtime.txt asks for it); pass one with --python")


def export_source(target: Path, worktree: bool) -> None:
    """Put the repository's files into ``target`` as Binder would see them."""
    if worktree:
        listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                                cwd=ROOT, check=True, capture_output=True).stdout.decode().split("\0")
        for name in filter(None, listed):
            source = ROOT / name
            if source.is_file():
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)
        return
    archive = target.resolve().parent / "source.tar"
    subprocess.run(["git", "archive", "--format=tar", "-o", str(archive), "HEAD"], cwd=ROOT, check=True)
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    archive.unlink()


def build(python: str, source: Path, venv: Path, pip_cache: bool) -> dict:
    """Create ``venv`` and install requirements.txt into it as Binder does."""
    start = time.perf_counter()
    subprocess.run([python, "-m", "venv", str(venv)], check=True)
    created = time.perf_counter() - start
    command = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
               "-r", "requirements.txt"]
    if not pip_cache:
        command.insert(4, "--no-cache-dir")
    say(" ".join(command[2:]) + f"   (in {source})")
    subprocess.run(command, cwd=source, check=True)
    seconds = time.perf_counter() - start
    size = folder_size(venv)
    say(f"fresh venv: created in {created:.1f} s, installed in {seconds:.1f} s in all, "
        f"{size / 1e6:.0f} MB on disk")
    return {"install_seconds": round(seconds, 1), "venv_mb": round(size / 1e6), "pip_cache": pip_cache}


def run_here(paths: list[Path], timeout: int) -> list[dict]:
    """Run each notebook top to bottom with nbclient in *this* interpreter's
    environment; returns one dict per notebook (name, seconds, error)."""
    import nbformat
    from nbclient import NotebookClient

    results = []
    for path in paths:
        notebook = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        error = None
        try:
            NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                           resources={"metadata": {"path": str(path.parent)}}).execute()
        except Exception as problem:  # report every lesson, then fail
            last = re.sub(r"\x1b\[[0-9;]*m", "", str(problem)).strip().splitlines() or [""]
            error = f"{type(problem).__name__}: {last[-1]}"
        seconds = time.perf_counter() - start
        results.append({"notebook": path.name, "seconds": round(seconds, 2), "error": error})
        say(f"{path.name:32} {seconds:6.1f} s  {'FAILED: ' + error if error else 'ok'}")
    return results


def run_in(venv_python: Path, source: Path, timeout: int) -> list[dict]:
    """Run ``source``'s lessons in another environment (this script, run by
    that environment's Python), isolated from the user's Jupyter folders."""
    with tempfile.TemporaryDirectory(prefix="binder-check-run-") as temp:
        env = dict(os.environ, JUPYTER_DATA_DIR=f"{temp}/data", JUPYTER_CONFIG_DIR=f"{temp}/config",
                   JUPYTER_RUNTIME_DIR=f"{temp}/runtime", MEDIALIT_WORK_DIR=f"{temp}/my_work",
                   JUPYTER_PLATFORM_DIRS="1", MPLBACKEND="agg")
        env.pop("PYTHONPATH", None)
        out = Path(temp) / "results.json"
        lessons = sorted((source / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        subprocess.run([str(venv_python), str(Path(__file__).resolve()), "--run-here", "--json", str(out),
                        "--timeout", str(timeout), *map(str, lessons)], cwd=source, env=env, check=False)
        return json.loads(out.read_text()) if out.exists() else [{"notebook": "(all)", "seconds": 0,
                                                                   "error": "the runner did not finish"}]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--worktree", action="store_true", help="use the working tree, not git HEAD")
    parser.add_argument("--venv", type=Path, help="run the lessons in this existing venv; no build")
    parser.add_argument("--python", help="the interpreter to build with (default: python<runtime.txt version>)")
    parser.add_argument("--pip-cache", action="store_true", help="let pip use its cache (Binder does not)")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temporary one)")
    parser.add_argument("--reuse", type=Path, help="a folder made by --keep: export the source again, "
                        "run the lessons in its venv, no install")
    parser.add_argument("--timeout", type=int, default=120, help="seconds allowed per cell (default 120)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--run-here", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("notebooks", nargs="*", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.run_here:  # inside the environment under test
        results = run_here(args.notebooks, args.timeout)
        if args.json:
            args.json.write_text(json.dumps(results, indent=1))
        return 0

    wanted = runtime_version()
    report: dict = {"runtime": f"python-{wanted}"}
    work = (args.keep or args.reuse or Path(tempfile.mkdtemp(prefix="binder-check-"))).resolve()
    try:
        if args.venv:
            venv = args.venv.resolve()
            source = ROOT
            say(f"running the lessons in the existing environment {venv}")
        elif args.reuse:
            reuse = args.reuse.resolve()
            source, venv = reuse / "repo", reuse / "venv"
            if not (venv / "bin" / "python").exists():
                raise SystemExit(f"{reuse} has no venv/ made by --keep")
            shutil.rmtree(source, ignore_errors=True)  # medialit is installed from here (-e .)
            source.mkdir()
            export_source(source, args.worktree)
            say(f"source: {'working tree' if args.worktree else 'git HEAD'} -> {source}; "
                f"reusing the environment built earlier in {venv}")
        else:
            python = find_python(wanted, args.python)
            source, venv = work / "repo", work / "venv"
            if source.exists() or venv.exists():
                raise SystemExit(f"{work} is not empty: give --keep a new folder")
            source.mkdir(parents=True)
            export_source(source, args.worktree)
            say(f"source: {'working tree' if args.worktree else 'git HEAD'} -> {source}; Python {wanted}: {python}")
            try:
                report.update(build(python, source, venv, args.pip_cache))
            except subprocess.CalledProcessError as problem:
                say(f"the install failed (exit code {problem.returncode}): Binder's build would fail too")
                return 1
        python_in_venv = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
        report["notebooks"] = run_in(python_in_venv, source, args.timeout)
        failed = [r for r in report["notebooks"] if r["error"]]
        total = sum(r["seconds"] for r in report["notebooks"])
        say(f"{len(report['notebooks'])} lesson(s) run in {total:.1f} s; "
            + (f"{len(failed)} FAILED" if failed else "all ran without errors"))
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
        return 1 if failed else 0
    finally:
        if not args.keep and not args.reuse:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())

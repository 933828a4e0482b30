#!/usr/bin/env python3
"""Set up the course and open it, or run every test.  Needs only Python 3.11+.

    python3 course.py open              # set up, then open JupyterLab at lesson 00
    python3 course.py open --headless   # on a server: no browser, listen on all addresses
    python3 course.py test              # set up, then run every test (what CI runs)

"Set up" means: make a virtual environment in .venv/ and install the exact
versions in requirements.txt into it.  It is done once, and again only when
requirements.txt changes.  Nothing is downloaded after that: the course runs
offline.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".requirements-sha256"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def setup() -> None:
    """Create .venv and install requirements.txt, unless already up to date."""
    if sys.version_info < (3, 11):
        sys.exit(f"[course] This course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    wanted = hashlib.sha256((ROOT / "requirements.txt").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    start = time.perf_counter()
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV} ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    say("installing the pinned packages from requirements.txt (first time only: a few minutes) ...")
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-r", "requirements.txt"], cwd=ROOT, check=True)
    STAMP.write_text(wanted)
    say(f"set-up done in {time.perf_counter() - start:.0f} s.")


def open_course(headless: bool, port: int) -> int:
    # serve the whole course folder (so exercises/, solutions/ and my_work/
    # show in the file browser) and open lesson 00
    command = [str(BIN / "jupyter"), "lab", f"--ServerApp.root_dir={ROOT}",
               "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb", f"--port={port}"]
    if headless:
        command += ["--no-browser", "--ip=0.0.0.0"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    say("starting JupyterLab; stop it with Ctrl+C (twice).")
    if headless:
        say(f"on a server: open the http://127.0.0.1:{port}/lab/tree/...?token=... link printed below, "
            f"after forwarding the port, e.g. ssh -L {port}:localhost:{port} you@server")
    return subprocess.call(command, cwd=ROOT)


def run_tests(extra: list[str]) -> int:
    start = time.perf_counter()
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    code = subprocess.call([str(PYTHON), "-m", "pytest", *extra], cwd=ROOT, env=env)
    say(f"test suite wall time: {time.perf_counter() - start:.1f} s (exit code {code})")
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    opener = sub.add_parser("open", help="set up, then open JupyterLab at notebooks/00_start_here.ipynb")
    opener.add_argument("--headless", action="store_true", help="server mode: no browser, listen on 0.0.0.0")
    opener.add_argument("--port", type=int, default=8888)
    tester = sub.add_parser("test", help="set up, then run every test")
    tester.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    sub.add_parser("setup", help="only set up .venv")
    # parse_known_args: pytest options such as -x or -k pass through to pytest
    args, unknown = parser.parse_known_args()
    if unknown and args.command != "test":
        parser.error(f"unrecognised arguments: {' '.join(unknown)}")
    setup()
    if args.command == "open":
        return open_course(args.headless, args.port)
    if args.command == "test":
        return run_tests(unknown + args.pytest_args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Set up the course and open it, or run every test.  Needs only Python 3.11+.

    python3 course.py open              # set up, then open JupyterLab at lesson 00
    python3 course.py open --headless   # on a server: no browser, listen on all addresses
    python3 course.py test              # set up, then run every test (what CI runs)
    python3 course.py link --hub https://hub.example.edu   # a class link (nbgitpuller)

"Set up" means: make a virtual environment in .venv/ and install the exact
versions in requirements.txt into it (for `test`, requirements-test.txt too),
then the course's own package, medialit.  It is done once, and again only when
those files change.  Nothing is downloaded after that: the course runs
offline.  If the course folder holds a wheels/ folder (see the README's
offline-laptop section), set-up installs from it and never uses the network.
"""

from __future__ import annotations

import argparse
import hashlib
import urllib.parse
import os
import subprocess
import sys
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WHEELS = ROOT / "wheels"
RUNTIME = ["requirements.txt"]
FOR_TESTS = ["requirements.txt", "requirements-test.txt"]
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")


def say(message: str) -> None:
    print(f"[course] {message}", flush=True)


def setup(requirements: list[str]) -> None:
    """Create .venv and install the requirement files and medialit, unless
    already up to date (a stamp per set of files remembers their checksum)."""
    if sys.version_info < (3, 11):
        sys.exit(f"[course] This course needs Python 3.11 or newer; this is {sys.version.split()[0]}.")
    digest = hashlib.sha256()
    for name in [*requirements, "pyproject.toml"]:
        digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    stamp = VENV / f".stamp-{'-'.join(Path(n).stem for n in requirements)}"
    if PYTHON.exists() and stamp.exists() and stamp.read_text().strip() == wanted:
        return
    start = time.perf_counter()
    if not PYTHON.exists():
        say(f"creating a virtual environment in {VENV} ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    files = [arg for name in requirements for arg in ("-r", name)]
    if WHEELS.is_dir():
        # a laptop with no network: everything, medialit too, comes from wheels/
        say(f"installing from {WHEELS} (no network needed) ...")
        subprocess.run([*pip, "--no-index", "--find-links", str(WHEELS), *files, "medialit"], cwd=ROOT, check=True)
    else:
        say(f"installing the pinned packages from {' and '.join(requirements)} "
            "(first time only: a few minutes) ...")
        subprocess.run([*pip, *files], cwd=ROOT, check=True)
        # editable: a change to medialit/ shows at the next kernel restart
        subprocess.run([*pip, "--no-deps", "--editable", "."], cwd=ROOT, check=True)
    stamp.write_text(wanted)
    say(f"set-up done in {time.perf_counter() - start:.0f} s.")


def class_link(hub: str, repo: str | None, branch: str) -> str:
    """The nbgitpuller link that gives each student their own copy of the
    course on ``hub`` and opens lesson 00 in it.

    nbgitpuller clones ``repo`` into the student's home, into the folder
    ``targetpath``: the last part of the repository's address without
    ``.git`` (nbgitpuller's own default would keep ``.git``); the lesson's
    path starts with that folder.

    >>> class_link("https://hub.example.edu/", "https://github.com/me/course.git", "main")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fme%2Fcourse.git&branch=main&targetpath=course&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00_start_here.ipynb'
    """
    if not hub.startswith(("https://", "http://")):
        raise ValueError(f"The hub's address should start with https:// (got {hub!r}).")
    if repo is None:
        found = subprocess.run(["git", "remote", "get-url", "origin"], cwd=ROOT, capture_output=True, text=True)
        repo = found.stdout.strip()
        if found.returncode or not repo:
            raise ValueError("This folder has no git remote called origin: give the course's address with --repo URL.")
    folder = repo.rstrip("/").split("/")[-1].removesuffix(".git")
    query = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                                    "urlpath": f"lab/tree/{folder}/notebooks/00_start_here.ipynb"},
                                   quote_via=urllib.parse.quote, safe="")
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


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
    tester = sub.add_parser("test", help="set up (with the test tools), then run every test")
    tester.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    sub.add_parser("setup", help="only set up .venv (what `open` needs)")
    linker = sub.add_parser("link", help="print the link that gives each student of a class hub their own copy")
    linker.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    linker.add_argument("--repo", help="the course's git address (default: this folder's origin)")
    linker.add_argument("--branch", default="main")
    # parse_known_args: pytest options such as -x or -k pass through to pytest
    args, unknown = parser.parse_known_args()
    if unknown and args.command != "test":
        parser.error(f"unrecognised arguments: {' '.join(unknown)}")
    if args.command == "link":
        try:
            print(class_link(args.hub, args.repo, args.branch))
        except ValueError as problem:
            sys.exit(f"[course] {problem}")
        return 0
    setup(FOR_TESTS if args.command == "test" else RUNTIME)
    if args.command == "open":
        return open_course(args.headless, args.port)
    if args.command == "test":
        return run_tests(unknown + args.pytest_args)
    return 0


if __name__ == "__main__":
    sys.exit(main())

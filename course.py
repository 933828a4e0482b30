#!/usr/bin/env python3
"""Set up the course and open it, or run every test.  Needs only Python 3.11+.

    python3 course.py open              # set up, then open JupyterLab at lesson 00
    python3 course.py open --headless   # on a server: no browser (listens on 127.0.0.1; see --ip)
    python3 course.py test              # set up, then run every test (what CI runs)
    python3 course.py link --hub https://hub.example.edu   # a class link (nbgitpuller)
    python3 course.py link --hub https://hub.example.edu --open notebooks/02_who_says_so.ipynb

"Set up" means: make a virtual environment in .venv/ and install the exact
versions in requirements.txt into it (for `test`, requirements-test.txt too),
then the course's own package, medialit.  It is done once, and again only when
those files change, or when .venv/ is damaged or was made for another copy of
the course folder (then it is rebuilt, and set-up says so).  Nothing is
downloaded after that: the course runs offline.  If the course folder holds a
wheels/ folder (see the README's offline-laptop section), set-up installs from
it and never uses the network.
"""
# Written so that any Python, even 2.7, can read this file and say plainly
# which Python is needed: no f-strings, no annotations, nothing newer.
from __future__ import print_function

import sys

if sys.version_info < (3, 11):
    sys.stderr.write("[course] This course needs Python 3.11 or newer; this is Python %s. Install Python 3.11 "
                     "or newer (python.org) and run: python3 course.py open\n" % sys.version.split()[0])
    sys.exit(1)

import argparse  # noqa: E402
import hashlib  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import venv  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
WHEELS = ROOT / "wheels"
PACKAGE = ROOT / "medialit"  # the course's own package, installed after the pins
RUNTIME = ["requirements.txt"]
FOR_TESTS = ["requirements.txt", "requirements-test.txt"]
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
PASTE_LIMIT = 100 * 1024 * 1024  # bytes of one message from the browser to the kernel


class Stop(Exception):
    """A failure the student can act on: its message is one [course] sentence."""


def say(message):
    print("[course] " + message, flush=True)


def _stamp_for(wanted):
    # the folder is part of the stamp: a .venv copied or moved with the course
    # folder still points at the old place, so it must be rebuilt
    return "%s %s" % (wanted, VENV)


def _runs():
    """Does .venv's Python start at all (not, say, made on another kind of computer)?"""
    try:
        return subprocess.run([str(PYTHON), "-S", "-c", ""], timeout=60).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def venv_problem():
    """Why .venv cannot be used as it is, in a few words, or None."""
    try:
        done = subprocess.run([str(PYTHON), "-c", "import pip, sys; print(sys.prefix)"],
                              capture_output=True, text=True, timeout=300)
    except OSError:
        return "its Python cannot run on this computer"
    except subprocess.TimeoutExpired:
        return "its Python does not answer"
    if done.returncode != 0:
        return "it is incomplete (an earlier set-up was interrupted)"
    for stamp in VENV.glob(".stamp-*"):
        recorded = stamp.read_text().split(" ", 1)
        if len(recorded) == 2 and recorded[1].strip() != str(VENV):
            return "it was made for a copy of the course in another folder"
    return None


def setup(requirements):
    """Create .venv and install the requirement files and medialit, unless
    already up to date (a stamp per set of files remembers their checksum)."""
    digest = hashlib.sha256()
    for name in requirements + ["pyproject.toml"]:
        if (ROOT / name).exists():
            digest.update((ROOT / name).read_bytes())
    wanted = digest.hexdigest()
    stamp = VENV / (".stamp-" + "-".join(Path(name).stem for name in requirements))
    if PYTHON.exists() and stamp.exists() and stamp.read_text().strip() == _stamp_for(wanted) and _runs():
        return
    start = time.perf_counter()
    if PYTHON.exists() or VENV.exists():
        problem = venv_problem() if PYTHON.exists() else "it is incomplete (it has no Python)"
        if problem:
            say("the .venv folder cannot be used: %s. Rebuilding it (a few minutes) ..." % problem)
            shutil.rmtree(VENV, ignore_errors=True)
    if not PYTHON.exists():
        say("creating a virtual environment in %s ..." % VENV)
        try:
            venv.EnvBuilder(with_pip=True).create(VENV)
        except (subprocess.CalledProcessError, OSError) as problem:
            raise Stop("could not make a virtual environment in %s (%s). On Debian or Ubuntu, install the "
                       "python3-venv package first (sudo apt install python3-venv), then run this again."
                       % (VENV, getattr(problem, "strerror", None) or problem.__class__.__name__))
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    files = [arg for name in requirements for arg in ("-r", name)]
    if WHEELS.is_dir():
        # a laptop with no network: everything, medialit too, comes from wheels/
        say("installing from %s (no network needed) ..." % WHEELS)
        steps = [pip + ["--no-index", "--find-links", str(WHEELS)] + files + ["medialit"] * PACKAGE.is_dir()]
    else:
        say("installing the pinned packages from %s (first time only: a few minutes) ..."
            % " and ".join(requirements))
        # then medialit, editable: a change to medialit/ shows at the next kernel restart
        steps = [pip + files] + [pip + ["--no-deps", "--editable", "."]] * PACKAGE.is_dir()
    for step in steps:
        if subprocess.call(step, cwd=str(ROOT)) != 0:
            raise Stop("could not download and install the packages (pip's messages are above). If this "
                       "computer is offline, connect it once for set-up, or see 'Offline laptops' in "
                       "README.md; then run this again.")
    stamp.write_text(_stamp_for(wanted))
    say("set-up done in %.0f s." % (time.perf_counter() - start))


DEFAULT_LESSON = "notebooks/00_start_here.ipynb"


def lesson_path(given):
    """``given`` as a path inside the course folder, with forward slashes
    (``notebooks/02_who_says_so.ipynb``); Stop if it is not a file of the course."""
    path = Path(given)
    if path.is_absolute():
        try:
            path = path.resolve().relative_to(ROOT)
        except ValueError:
            raise Stop("--open takes a file of the course folder, e.g. notebooks/02_who_says_so.ipynb "
                       "(%s is outside it)." % given)
    if ".." in path.parts or not (ROOT / path).is_file():
        lessons = sorted(p.name for p in (ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        raise Stop("There is no file %s in the course folder. Give a path from the course folder, one of: %s."
                   % (given, ", ".join("notebooks/" + name for name in lessons)))
    return path.as_posix()


def class_link(hub, repo, branch, lesson=DEFAULT_LESSON):
    """The nbgitpuller link that gives each student their own copy of the
    course on ``hub`` and opens ``lesson`` (default: lesson 00) in it.

    nbgitpuller clones ``repo`` into the student's home, into the folder
    ``targetpath``: the last part of the repository's address without
    ``.git`` (nbgitpuller's own default would keep ``.git``); the lesson's
    path starts with that folder.

    >>> class_link("https://hub.example.edu/", "https://github.com/me/course.git", "main")
    'https://hub.example.edu/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fme%2Fcourse.git&branch=main&targetpath=course&urlpath=lab%2Ftree%2Fcourse%2Fnotebooks%2F00_start_here.ipynb'
    """
    if not hub.startswith(("https://", "http://")):
        raise Stop("The hub's address should start with https:// (got %r)." % hub)
    if repo is None:
        found = subprocess.run(["git", "remote", "get-url", "origin"], cwd=str(ROOT), capture_output=True,
                               text=True)
        repo = found.stdout.strip()
        if found.returncode or not repo:
            raise Stop("This folder has no git remote called origin: give the course's address with --repo URL.")
    folder = repo.rstrip("/").split("/")[-1]
    if folder.endswith(".git"):
        folder = folder[:-len(".git")]
    query = urllib.parse.urlencode({"repo": repo, "branch": branch, "targetpath": folder,
                                    "urlpath": "lab/tree/%s/%s" % (folder, lesson_path(lesson))},
                                   quote_via=urllib.parse.quote, safe="")
    return "%s/hub/user-redirect/git-pull?%s" % (hub.rstrip("/"), query)


def free_port(port, ip):
    """``port`` if nothing listens on it, else the next free one (up to 50 further)."""
    for candidate in range(port, port + 50):
        with socket.socket(socket.AF_INET6 if ":" in ip else socket.AF_INET) as probe:
            try:
                probe.bind((ip, candidate))
            except OSError:
                continue
        return candidate
    raise Stop("ports %d to %d are all busy; give another with --port" % (port, port + 49))


def open_command(headless, port, ip=None):
    """The JupyterLab command and the port it will really use."""
    ip = ip or "127.0.0.1"
    chosen = free_port(port, "0.0.0.0" if ip in ("0.0.0.0", "*", "") else ip)
    if chosen != port:
        say("port %d is busy (another JupyterLab?); using port %d instead." % (port, chosen))
    # serve the whole course folder (so exercises/, solutions/ and my_work/
    # show in the file browser) and open lesson 00; port_retries=0: the port
    # in the hint below is the port it listens on
    command = [str(PYTHON), "-m", "jupyterlab", "--ServerApp.root_dir=%s" % ROOT,
               "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb", "--port=%d" % chosen,
               "--ServerApp.port_retries=0", "--ip=%s" % ip,
               # a paste of up to 100 MB reaches the kernel, which refuses it in plain words
               # (the default, 10 MB, drops a bigger message silently)
               '--ServerApp.tornado_settings={"websocket_max_message_size": %d}' % PASTE_LIMIT]
    if headless:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command, chosen


def run_child(command, **options):
    """Run ``command`` until it ends.  Ctrl+C goes to it too (JupyterLab asks
    to confirm, pytest stops); this script only waits and then ends quietly."""
    child = subprocess.Popen(command, **options)
    while True:
        try:
            return child.wait()
        except KeyboardInterrupt:
            continue


def open_course(headless, port, ip=None):
    command, chosen = open_command(headless, port, ip)
    say("starting JupyterLab; stop it with Ctrl+C (twice).")
    if headless:
        say("on a server: open the http://127.0.0.1:%d/lab/tree/...?token=... link printed below, "
            "after forwarding the port, e.g. ssh -L %d:localhost:%d you@server" % (chosen, chosen, chosen))
    return run_child(command, cwd=str(ROOT))


def run_tests(extra):
    start = time.perf_counter()
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1")
    code = run_child([str(PYTHON), "-m", "pytest"] + list(extra), cwd=str(ROOT), env=env)
    say("test suite wall time: %.1f s (exit code %d)" % (time.perf_counter() - start, code))
    return code


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    opener = sub.add_parser("open", help="set up, then open JupyterLab at notebooks/00_start_here.ipynb")
    opener.add_argument("--headless", action="store_true", help="server mode: no browser")
    opener.add_argument("--port", type=int, default=8888, help="the port to listen on (default 8888; if it is "
                        "busy, the next free one)")
    opener.add_argument("--ip", help="the address to listen on (default 127.0.0.1, this computer only; "
                        "0.0.0.0 = every address, for a trusted network)")
    tester = sub.add_parser("test", help="set up (with the test tools), then run every test")
    tester.add_argument("pytest_args", nargs=argparse.REMAINDER, help="extra arguments for pytest")
    sub.add_parser("setup", help="only set up .venv (what `open` needs)")
    linker = sub.add_parser("link", help="print the link that gives each student of a class hub their own copy")
    linker.add_argument("--hub", required=True, help="the hub's address, e.g. https://hub.example.edu")
    linker.add_argument("--repo", help="the course's git address (default: this folder's origin)")
    linker.add_argument("--branch", default="main")
    linker.add_argument("--open", default=DEFAULT_LESSON, metavar="NOTEBOOK",
                        help="the notebook the link opens, from the course folder (default %s)" % DEFAULT_LESSON)
    # parse_known_args: pytest options such as -x or -k pass through to pytest
    args, unknown = parser.parse_known_args(argv)
    if unknown and args.command != "test":
        parser.error("unrecognised arguments: %s" % " ".join(unknown))
    if args.command == "link":
        print(class_link(args.hub, args.repo, args.branch, args.open))
        return 0
    setup(FOR_TESTS if args.command == "test" else RUNTIME)
    if args.command == "open":
        return open_course(args.headless, args.port, args.ip)
    if args.command == "test":
        return run_tests(unknown + args.pytest_args)
    return 0


def run():
    try:
        return main()
    except Stop as problem:
        say(str(problem))
        return 1
    except KeyboardInterrupt:
        print("", flush=True)
        say("stopped (Ctrl+C). Run the same command again to carry on; a half-made set-up is repaired.")
        return 130


if __name__ == "__main__":
    sys.exit(run())

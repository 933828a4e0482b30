"""A class on a real JupyterHub: one link, a copy of the course per student,
each student's work their own, collected by the instructor.

Everything runs on 127.0.0.1 and is started and stopped by the test:

* JupyterHub (``jupyterhub`` from PyPI, in requirements-test.txt) with
  ``DummyAuthenticator`` (one class password) and a local-process spawner
  (``SimpleLocalProcessSpawner``: each student's home is a folder under the
  test's temporary folder);
* ``configurable-http-proxy`` from npm, installed by the test into
  ``tests/tools/node_modules`` with ``npm ci`` (pinned in
  ``tests/tools/package-lock.json``);
* the single-user servers run this course's environment (``.venv``), which
  has nbgitpuller and ``medialit`` installed from *this* checkout: the
  "installed in the image from another checkout" case;
* the course is served from a bare git clone of HEAD.

Three students log in with Chromium and open the link that
``python3 course.py link`` prints; nbgitpuller pulls a copy into each home
and JupyterLab opens lesson 00.  Through the hub's REST and kernel
websocket API (the proxy, an instructor service token), each student's
kernel runs every code cell of lesson 00 from their own copy, tags the
warm-up and packs ``my_work.zip``.  The instructor collects the three zips
and runs ``scripts/class_agreement.py``.  Nothing of one student may appear
in another's copy.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tests" / "tools"
STUDENTS = ["amira", "bolat", "chen"]
PASSWORD = "class-password"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _proxy() -> Path:
    """configurable-http-proxy, installed from the lock file if missing."""
    binary = TOOLS / "node_modules" / ".bin" / "configurable-http-proxy"
    if not binary.exists():
        if not shutil.which("npm"):
            _missing("npm is needed to install configurable-http-proxy (apt-get install npm; .ci/run does it)")
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=TOOLS, check=True)
    return binary


def _get(url: str, token: str, method: str = "GET", body: dict | None = None) -> dict:
    request = urllib.request.Request(url, method=method, headers={"Authorization": f"token {token}"},
                                     data=None if body is None else json.dumps(body).encode())
    with urllib.request.urlopen(request, timeout=60) as answer:
        text = answer.read()
    return json.loads(text) if text else {}


class Hub:
    def __init__(self, base: Path):
        self.base = base
        self.port, self.hub_port, self.api_port = _free_port(), _free_port(), _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.token = secrets.token_hex(16)
        self.homes = base / "homes"
        self.log = base / "hub.log"
        self.process = None

    def config(self) -> str:
        venv_bin = Path(sys.executable).parent
        args = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        return f"""
c = get_config()  # noqa
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = {self.port}
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = {self.hub_port}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{self.api_port}"
c.ConfigurableHTTPProxy.command = [{str(_proxy())!r}]
c.ConfigurableHTTPProxy.pid_file = {str(self.base / "proxy.pid")!r}
c.JupyterHub.db_url = "sqlite:///{self.base / "hub.sqlite"}"
c.JupyterHub.cookie_secret_file = {str(self.base / "cookie_secret")!r}
c.JupyterHub.pid_file = {str(self.base / "hub.pid")!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(self.homes / "{username}")!r}
c.Spawner.cmd = [{str(venv_bin / "jupyterhub-singleuser")!r}]
c.Spawner.args = {args!r}
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{"MPLBACKEND": "agg", "JUPYTER_PLATFORM_DIRS": "1",
                          "PATH": {str(venv_bin) + os.pathsep + "/usr/bin:/bin"!r}}}
c.JupyterHub.services = [{{"name": "instructor", "api_token": {self.token!r}}}]
c.JupyterHub.load_roles = [{{"name": "instructor", "services": ["instructor"],
                             "scopes": ["admin:users", "admin:servers", "access:servers", "list:users"]}}]
"""

    def start(self) -> None:
        config = self.base / "jupyterhub_config.py"
        config.write_text(self.config())
        env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIALIT", "JUPYTER", "PYTHONPATH"))}
        self.process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=self.base,
                                        env=env, stdout=self.log.open("w"), stderr=subprocess.STDOUT,
                                        start_new_session=True)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"JupyterHub stopped at start:\n{self.log_tail()}")
            try:
                _get(f"{self.url}/hub/api/", self.token)
                return
            except OSError:
                time.sleep(0.5)
        pytest.fail(f"JupyterHub did not answer in 90 s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 60) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            for name in STUDENTS:  # stop the single-user servers through the hub
                try:
                    _get(f"{self.url}/hub/api/users/{name}/server", self.token, "DELETE")
                except OSError:
                    pass
            self.process.terminate()
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, 9)


def _bare_clone(base: Path) -> Path:
    """The course as the class's git server would serve it: a bare clone
    whose branch ``main`` is this checkout's HEAD (committed files only)."""
    bare = base / "server" / "kz-course.git"
    subprocess.run(["git", "clone", "--quiet", "--bare", "--no-local", str(ROOT), str(bare)], check=True)
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()
    subprocess.run(["git", "update-ref", "refs/heads/main", head], cwd=bare, check=True)
    return bare


def _execute(ws, code: str, timeout: float = 120) -> dict:
    """Run ``code`` in the kernel behind the websocket ``ws``; return its
    stdout text, and the error (if any)."""
    msg_id = uuid.uuid4().hex
    ws.send(json.dumps({
        "header": {"msg_id": msg_id, "username": "test", "session": uuid.uuid4().hex,
                   "msg_type": "execute_request", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True}}))
    out, error, deadline = [], None, time.time() + timeout
    while time.time() < deadline:
        message = json.loads(ws.recv())
        if message.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        kind = message["msg_type"]
        if kind == "stream":
            out.append(message["content"]["text"])
        elif kind == "error":
            error = f"{message['content']['ename']}: {message['content']['evalue']}"
        elif kind == "status" and message["content"]["execution_state"] == "idle":
            return {"stdout": "".join(out), "error": error}
    return {"stdout": "".join(out), "error": f"no answer in {timeout} s"}


def _missing(problem: str) -> None:
    """A tool this test needs is not on the machine: a failure in CI (.ci/run
    installs it), a skip with the reason on a developer's machine."""
    pytest.fail(problem) if os.environ.get("CI") else pytest.skip(problem)


def _missing_browser() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package 'playwright' is not installed"
    if not shutil.which("chromium"):
        return "no 'chromium' on PATH (.ci/run installs it with apt)"
    return None


@pytest.fixture
def hub(tmp_path):
    problem = _missing_browser()
    if problem:
        _missing(problem)
    server = Hub(tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def test_a_class_on_a_real_hub(hub, tmp_path):
    from playwright.sync_api import sync_playwright
    from websocket import create_connection

    bare = _bare_clone(tmp_path)
    link = subprocess.run([sys.executable, str(ROOT / "course.py"), "link", "--hub", hub.url,
                           "--repo", f"file://{bare}", "--branch", "main"],
                          capture_output=True, text=True, check=True).stdout.strip()
    folder = "kz-course"
    timings = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
        try:
            for name in STUDENTS:
                start = time.perf_counter()
                context = browser.new_context()
                page = context.new_page()
                page.goto(f"{hub.url}/hub/login")
                page.fill("input[name=username]", name)
                page.fill("input[name=password]", PASSWORD)
                page.click("input[type=submit], button[type=submit]")
                page.wait_for_url(lambda url: "/hub/login" not in url, timeout=30_000)
                page.goto(link)
                lesson = f"/user/{name}/lab/tree/{folder}/notebooks/00_start_here.ipynb"
                try:
                    page.wait_for_url(lambda url, lesson=lesson: lesson in url, timeout=180_000)
                except Exception:
                    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
                    pytest.fail(f"{name}: the link did not open lesson 00 (at {page.url}; screenshot "
                                f"{tmp_path / (name + '.png')}):\n{hub.log_tail()}")
                timings[name] = time.perf_counter() - start
                context.close()
        finally:
            browser.close()

    for name in STUDENTS:
        copy = hub.homes / name / folder
        assert (copy / "notebooks" / "00_start_here.ipynb").exists(), f"{name} has no pulled copy"
        assert (copy / ".git").is_dir(), f"{name}'s copy is not a git clone (nbgitpuller merges later updates)"

    # each student's kernel, through the proxy and the hub's API
    choices = {"amira": "event", "bolat": "judgement", "chen": "event"}
    for name in STUDENTS:
        base = f"{hub.url}/user/{name}"
        session = _get(f"{base}/api/sessions", hub.token, "POST",
                       {"path": f"{folder}/notebooks/00_start_here.ipynb", "type": "notebook",
                        "kernel": {"name": "python3"}})
        ws = create_connection(f"ws://127.0.0.1:{hub.port}/user/{name}/api/kernels/{session['kernel']['id']}"
                               f"/channels", header=[f"Authorization: token {hub.token}"], timeout=120)
        try:
            lesson = nbformat.read(hub.homes / name / folder / "notebooks" / "00_start_here.ipynb", as_version=4)
            for cell in lesson.cells:
                if cell.cell_type == "code":
                    result = _execute(ws, cell.source)
                    assert result["error"] is None or "not answered" in result["stdout"], (
                        f"{name}: lesson 00 cell failed: {result['error']}\n{cell.source[:200]}")
            where = _execute(ws, "import json, medialit.corpus as c, medialit.tagging as t\n"
                                 "print(json.dumps([str(c.DATA_DIR), str(t.work_dir())]))")
            data, work = json.loads(where["stdout"])
            assert Path(data) == hub.homes / name / folder / "data", f"{name}'s kernel reads {data}"
            assert Path(work) == hub.homes / name / folder / "my_work", f"{name}'s kernel saves to {work}"
            tagged = _execute(ws, f"for item in warmup.items[\"item_id\"]:\n    warmup.tag(item, {choices[name]!r})\n"
                                  "from medialit.tagging import pack_work\nprint(pack_work())")
            assert tagged["error"] is None, tagged
        finally:
            ws.close()

    # nothing of one student in another's copy, nothing in this checkout
    for name in STUDENTS:
        copy = hub.homes / name / folder
        saved = sorted(p.name for p in (copy / "my_work").glob("*.json"))
        assert saved == ["warmup_00.json"], f"{name}: {saved}"
        others = [other for other in STUDENTS if other != name]
        for other in others:
            assert not list((hub.homes / other).rglob(f"*{name}*")), f"{name}'s files in {other}'s home"
        tags = json.loads((copy / "my_work" / "warmup_00.json").read_text())["tags"]
        assert set(tags.values()) == {choices[name]}, f"{name}'s file holds someone else's tags: {tags}"

    # the instructor collects the zips and reports the class
    class_folder = tmp_path / "class"
    class_folder.mkdir()
    for name in STUDENTS:
        shutil.copy(hub.homes / name / folder / "my_work.zip", class_folder / f"{name}.zip")
    report = subprocess.run([sys.executable, str(ROOT / "scripts" / "class_agreement.py"), str(class_folder),
                             "warmup_00"], capture_output=True, text=True)
    assert report.returncode == 0, report.stderr
    for name in STUDENTS:
        assert name in report.stdout, f"{name} is missing from the class report"

    # mid-term update: the instructor pushes a change to a line amira also
    # changed, and a new file; her next pull keeps her line, brings the new
    # file, and leaves her saved work alone (my_work/ is git-ignored)
    copy = hub.homes / "amira" / folder
    lesson_file = copy / "notebooks" / "00_start_here.ipynb"
    original = lesson_file.read_text(encoding="utf-8")
    first_line = next(line for line in original.splitlines() if "# " in line)
    lesson_file.write_text(original.replace(first_line, first_line.replace("# ", "# (my notes) ", 1), 1),
                           encoding="utf-8")
    editor = tmp_path / "instructor-clone"
    subprocess.run(["git", "clone", "--quiet", "--branch", "main", str(bare), str(editor)], check=True)
    upstream = (editor / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    (editor / "notebooks" / "00_start_here.ipynb").write_text(
        upstream.replace(first_line, first_line.replace("# ", "# (updated) ", 1), 1), encoding="utf-8")
    (editor / "NEWS.md").write_text("Week 2: lesson 01 is ready.\n", encoding="utf-8")
    git = ["git", "-c", "user.name=Instructor", "-c", "user.email=instructor@example.edu"]
    subprocess.run([*git, "commit", "--quiet", "-am", "week 2"], cwd=editor, check=True)
    subprocess.run(["git", "add", "NEWS.md"], cwd=editor, check=True)
    subprocess.run([*git, "commit", "--quiet", "-m", "news"], cwd=editor, check=True)
    subprocess.run(["git", "push", "--quiet", "origin", "main"], cwd=editor, check=True)
    query = link.split("?", 1)[1]
    request = urllib.request.Request(f"{hub.url}/user/amira/git-pull/api?{query}",
                                     headers={"Authorization": f"token {hub.token}"})
    with urllib.request.urlopen(request, timeout=120) as stream:  # what the link's page reads
        events = stream.read().decode()
    assert "finished" in events, events[-1500:]
    merged = lesson_file.read_text(encoding="utf-8")
    assert "# (my notes) " in merged and "# (updated) " not in merged, "the student's line was not kept"
    assert (copy / "NEWS.md").exists(), "the update did not arrive"
    assert (copy / "my_work" / "warmup_00.json").exists(), "the pull touched the student's saved work"

    print(f"hub: link -> lesson 00 open per student: "
          + ", ".join(f"{n} {s:.0f} s" for n, s in timings.items()) + f"\n{report.stdout[:1500]}")

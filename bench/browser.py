"""Helpers shared by the benchmark, the load test and the offline probe.

Start a Streamlit app with the project's own binary, find the page URLs from the app's navigation
list, tell when Streamlit has finished rendering (from the page itself, not from a sleep), and
measure the memory of the server's process tree. No Streamlit import at module level: the
offline probe and the benchmark import this before any server exists.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from contextlib import closing, suppress
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
STREAMLIT = ROOT / ".venv" / "bin" / "streamlit"
# The entry point `make run` uses: streamlit_app.py at the root (it runs dashboard/app.py; started
# from dashboard/ itself, Streamlit would treat dashboard/pages/ as an old-style pages folder).
DASHBOARD_APP = next(p for p in (ROOT / "streamlit_app.py", ROOT / "dashboard" / "app.py") if p.exists())
HELLO_APP = ROOT / "bench" / "hello_app.py"
FRAME_APP = ROOT / "bench" / "frame_app.py"  # the dashboard's frame around an empty page
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The same switches as the test suite's browser fixture (tests/conftest.py).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
LOCAL_HOSTS = ("127.0.0.1", "localhost")

# performance.now() (ms since the document's navigation start) once Streamlit has run the script
# to its end: script state back to notRunning, no status widget, no skeleton, and the page's main
# element (its title, h1 or h2, or an error box) visible. False while anything is still pending.
RENDERED_JS = """() => {
  const app = document.querySelector('[data-testid="stApp"]');
  if (!app || app.getAttribute('data-test-script-state') !== 'notRunning') return false;
  if (document.querySelector('[data-testid="stStatusWidget"]')) return false;
  if (document.querySelector('[data-testid="stSkeleton"]')) return false;
  const title = document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] h2');
  if (title && title.innerText.trim() && title.getBoundingClientRect().height > 0) return performance.now();
  // A page that failed before its title is finished too: the caller reads the error boxes.
  const failed = document.querySelector('[data-testid="stException"], [data-testid="stAlertContentError"]');
  return failed ? performance.now() : false;
}"""

# Counts finished script runs (state leaving 'running'), so that an interaction can wait for the
# rerun it caused instead of seeing the previous run's finished state.
RUN_COUNTER_JS = """() => {
  if (window.__benchRuns !== undefined) return window.__benchRuns;
  window.__benchRuns = 0;
  const app = document.querySelector('[data-testid="stApp"]');
  new MutationObserver(records => {
    for (const record of records) {
      if (record.oldValue === 'running') window.__benchRuns += 1;
    }
  }).observe(app, {attributes: true, attributeFilter: ['data-test-script-state'], attributeOldValue: true});
  return 0;
}"""

# (A click that reloaded the whole document leaves no counter: the fresh document's first finished
# run is then the one waited for; 'notRunning' only appears after that run.)
RUN_FINISHED_JS = """(before) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const ran = window.__benchRuns === undefined || window.__benchRuns > before;
  return ran && app && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"]') ? performance.now() : false;
}"""

# What went wrong on screen: Streamlit exception boxes and error alerts, with their text.
SCREEN_ERRORS_JS = """() => {
  const found = [];
  for (const node of document.querySelectorAll('[data-testid="stException"]')) {
    found.push('exception: ' + node.innerText.slice(0, 300));
  }
  for (const node of document.querySelectorAll('[data-testid="stAlertContentError"]')) {
    found.push('error box: ' + node.innerText.slice(0, 300));
  }
  return found;
}"""

# The page's title: its first h1 (st.title), or h2 where a page titles itself with st.header
# (the presentation slides).
TITLE_JS = """() => {
  const h = document.querySelector('[data-testid="stMain"] h1, [data-testid="stMain"] h2');
  return h ? h.innerText.trim() : '';
}"""


def page_paths() -> list[tuple[str, str]]:
    """(url path name, URL path) of every page in the app's navigation, in order ('/' for the default)."""
    from dashboard.components.shell import PAGES

    return [(url_path, "/" if file == "overview.py" else f"/{url_path}") for file, url_path, *_ in PAGES]


def is_local(url: str) -> bool:
    """Whether a request stays on this machine (data: and blob: URLs never leave it)."""
    if url.startswith(("data:", "blob:", "about:")):
        return True
    return (urlparse(url).hostname or "") in LOCAL_HOSTS


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tree_rss(pid: int) -> int:
    """Resident memory (bytes) of a process and all its children."""
    import psutil

    root = psutil.Process(pid)
    total = 0
    for process in [root, *root.children(recursive=True)]:
        with suppress(psutil.Error):
            total += process.memory_info().rss
    return total


class App:
    """One Streamlit server process started from the project's virtualenv."""

    def __init__(self, script: Path, db_url: str | None = None, port: int | None = None, extra_env: dict | None = None):
        self.script = Path(script)
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, **(extra_env or {})}
        if db_url:
            self.env["WALLIMAGE_DB_URL"] = db_url
        self.process: subprocess.Popen | None = None
        handle, self.log_path = tempfile.mkstemp(prefix="streamlit-", suffix=".log")
        os.close(handle)
        self.started_at = 0.0

    def start(self, timeout: float = 60, poll: float = 0.02) -> float:
        """Start the server; return the seconds from process start to a healthy answer."""
        command = [
            str(STREAMLIT),
            "run",
            str(self.script),
            "--server.port",
            str(self.port),
            "--server.headless",
            "true",
        ]
        self.started_at = time.perf_counter()
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT)
        deadline = self.started_at + timeout
        while time.perf_counter() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"streamlit exited early ({self.script.name}):\n{self.output()}")
            with suppress(OSError), urllib.request.urlopen(f"{self.base}/_stcore/health", timeout=1) as response:
                if response.status == 200:
                    return time.perf_counter() - self.started_at
            time.sleep(poll)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy within {timeout:.0f} s ({self.script.name})")

    def output(self) -> str:
        """What the server printed so far."""
        return Path(self.log_path).read_text(encoding="utf-8", errors="replace")

    def rss_bytes(self) -> int:
        """Resident memory of the server process and all its children."""
        return tree_rss(self.process.pid)

    def terminate(self) -> None:
        """Stop the server process (killed if it does not stop within 10 s); the log is kept."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    def restart(self) -> float:
        """A fresh server process on the same port and database (e.g. after a runaway script)."""
        self.terminate()
        return self.start()

    def stop(self) -> None:
        """Stop the server and remove its log."""
        self.terminate()
        with suppress(OSError):
            os.unlink(self.log_path)

    def __enter__(self) -> App:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def launch_chromium(playwright):
    """Debian's Chromium (never a downloaded build) with the test suite's switches."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def wait_rendered(tab, timeout: float = 60_000) -> float:
    """Wait (sync Playwright) until the page has rendered; return performance.now() at that moment (ms)."""
    return tab.wait_for_function(RENDERED_JS, timeout=timeout, polling="raf").json_value()


async def wait_rendered_async(tab, timeout: float = 60_000) -> float:
    """Same as wait_rendered, for playwright.async_api pages."""
    handle = await tab.wait_for_function(RENDERED_JS, timeout=timeout, polling="raf")
    return await handle.json_value()


def timed_visit(tab, url: str, timeout: float = 60_000) -> float:
    """Open a URL in an open tab; return ms from navigation start until the page has rendered."""
    tab.goto(url, wait_until="commit", timeout=timeout)
    return wait_rendered(tab, timeout)

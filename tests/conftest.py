"""Shared fixtures: a fixture database built at session start, PostgreSQL, the app, Chromium.

Under CI (`CI=true`) nothing that the suite needs may be skipped: a missing Chromium or an
unreachable PostgreSQL server fails the run instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from dashboard.data.build import build  # noqa: E402
from dashboard.data.database import Database  # noqa: E402

APP = ROOT / "streamlit_app.py"
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PG_ADMIN_URL = "postgresql+psycopg2://postgres@127.0.0.1:5432/test"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def skip_or_fail(reason: str):
    """Skip locally, fail under CI (where everything must run)."""
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: this test must not be skipped)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def fixture_db_path(tmp_path_factory) -> Path:
    """The SQLite database built from the seeds into a temporary folder."""
    path = tmp_path_factory.mktemp("db") / "wallimage.sqlite"
    build(output=path)
    return path


@pytest.fixture(scope="session")
def fixture_db_url(fixture_db_path) -> str:
    return f"sqlite:///{fixture_db_path}"


@pytest.fixture(scope="session")
def db(fixture_db_url) -> Database:
    """Read-only Database on the fixture SQLite file."""
    database = Database(fixture_db_url)
    yield database
    database.dispose()


def _pg_admin():
    from sqlalchemy import create_engine

    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT", connect_args={"connect_timeout": 3})


@pytest.fixture(scope="session")
def pg_url() -> str:
    """A throw-away PostgreSQL database built from the seeds; dropped at the end."""
    from sqlalchemy import text

    name = f"wallimage_test_{uuid.uuid4().hex[:8]}"
    try:
        admin = _pg_admin()
        with admin.connect() as con:
            con.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as problem:  # server down or unreachable
        skip_or_fail(f"PostgreSQL at 127.0.0.1:5432 is not reachable: {problem}")
    url = f"postgresql+psycopg2://postgres@127.0.0.1:5432/{name}"
    build(url=url)
    yield url
    with admin.connect() as con:
        con.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        con.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@contextmanager
def readonly_role(database: str, prefix: str = "wallimage_reader"):
    """A login role made by tools/postgres_readonly_role.sql on a throw-away database: (role, password),
    dropped afterwards."""
    role, password = f"{prefix}_{uuid.uuid4().hex[:8]}", f"pw{uuid.uuid4().hex[:12]}"
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1"]
        + ["-v", f"role={role}", "-v", f"password='{password}'"]
        + ["-f", str(ROOT / "tools" / "postgres_readonly_role.sql")],
        check=True,
        capture_output=True,
        text=True,
    )
    try:
        yield role, password
    finally:
        from sqlalchemy import create_engine
        from sqlalchemy import text as sql

        admin = create_engine(f"postgresql+psycopg2://postgres@127.0.0.1:5432/{database}", isolation_level="AUTOCOMMIT")
        with admin.connect() as con:
            con.execute(sql(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'"))
            con.execute(sql(f'DROP OWNED BY "{role}"'))
            con.execute(sql(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.fixture(scope="module")
def reader_url(pg_url):
    """The URL of a read-only login role on the throw-away database (dropped after)."""
    database = pg_url.rsplit("/", 1)[1]
    with readonly_role(database) as (role, password):
        yield f"postgresql+psycopg2://{role}:{password}@127.0.0.1:5432/{database}"


@pytest.fixture(scope="session")
def pg_db(pg_url) -> Database:
    """Read-only Database on the PostgreSQL copy."""
    database = Database(pg_url)
    yield database
    database.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request, db):
    """Run a test on both engines."""
    return db if request.param == "sqlite" else request.getfixturevalue("pg_db")


@pytest.fixture
def app_env(monkeypatch, fixture_db_url):
    """Point the app (AppTest, in-process) at the fixture database."""
    monkeypatch.setenv("WALLIMAGE_DB_URL", fixture_db_url)
    return fixture_db_url


def run_app(
    page: str | None = None,
    lang: str = "fr",
    params: dict | None = None,
    timeout: float = 60,
    state: dict | None = None,
):
    """AppTest of the app (streamlit_app.py) switched to a page file, e.g. 'dashboard/pages/investment.py'.

    `state` presets session state before the first run, e.g. the open tab of a page with lazy tabs
    ({"investment_tab": "Les œuvres"}) or an open "data behind" expander ({"key:data": True}).
    """
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=timeout)
    if lang != "fr":
        at.query_params["lang"] = lang
    for key, value in (params or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    # Switch before the first run, so the target page (not the overview) reads the URL parameters.
    if page:
        at.switch_page(page)
    at.run()
    return at


def free_port() -> int:
    with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_streamlit(db_url: str, port: int | None = None, extra_env: dict | None = None, wrapper: list | None = None):
    """Start the app as `make run` does (but on a free port); return (process, base URL)."""
    port = port or free_port()
    env = {**os.environ, "WALLIMAGE_DB_URL": db_url, **(extra_env or {})}
    command = [
        *(wrapper or []),
        str(ROOT / ".venv" / "bin" / "streamlit"),
        "run",
        str(APP),
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return process, base
        except OSError:
            time.sleep(0.3)
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited early: {process.stdout.read().decode(errors='replace')}")
    process.terminate()
    raise RuntimeError("streamlit did not become healthy within 60 s")


@contextmanager
def streamlit_server(db_url: str):
    """A Streamlit server (start_streamlit) for the length of a block: its base URL; stopped after."""
    process, base = start_streamlit(db_url)
    try:
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def app_server(fixture_db_url):
    """One Streamlit server on the fixture database for the browser tests."""
    with streamlit_server(fixture_db_url) as base:
        yield base


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser build)."""
    if not Path(CHROMIUM).exists():
        skip_or_fail("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ],
        )
        yield instance
        instance.close()


class OutsideRequests(list):
    """Every request that tried to leave 127.0.0.1 (each was blocked)."""


@pytest.fixture
def page(browser, request):
    """A fresh browser page that blocks and records every request not to 127.0.0.1/localhost."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="fr-BE")
    outside = OutsideRequests()

    def guard(route):
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:")) or host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    # Generous waits: CI shares a 2-core machine; these are correctness tests, not timings.
    context.set_default_timeout(90_000)
    context.route("**/*", guard)
    tab = context.new_page()
    tab.outside_requests = outside
    tab.console_errors = []
    tab.page_errors = []
    tab.on("console", lambda message: tab.console_errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.page_errors.append(str(error)))
    yield tab
    ARTIFACTS.mkdir(exist_ok=True)
    with suppress(Exception):
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name[:80]}.png"), full_page=True)
    context.close()


def wait_for_app(tab, timeout: float = 90_000) -> None:
    """Wait until Streamlit has rendered and finished running the script."""
    tab.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=timeout)
    tab.wait_for_timeout(300)
    tab.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
        " && document.querySelectorAll('[data-testid=\"stSkeleton\"]').length === 0",
        timeout=timeout,
    )
    tab.wait_for_timeout(300)


def visible_text(tab) -> str:
    """The page's visible text with no-break spaces made plain."""
    return tab.inner_text("body").replace("\u00a0", " ").replace("\u202f", " ")

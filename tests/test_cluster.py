"""Many viewers: `make cluster`'s own runner, nginx and two replicas, each in its own network namespace.

The module starts `python -m deploy.cluster` (what `make cluster` runs) with two replicas, each in a
network namespace of its own behind a veth link (deploy/netns.py: a real network boundary, as
separate hosts), each reading its own copy of the fixture database, running as `nobody`. Through
nginx: the security headers, the Host check and the refused endpoints; a real Chromium through every
page under the enforced Content-Security-Policy (every `securitypolicyviolation` recorded) with a
download served by the session's replica; a small load (WALLIMAGE_CLUSTER_SESSIONS websocket
sessions, 10 by default, through every page, bench/cluster_load.py) spread over both replicas; a
failover (one replica SIGKILLed a third of the way in: no session ends in an error, the sessions on
it reconnect and finish on the other; the runner then restarts it); and Ctrl-C stopping everything.
The deployment recipe is rendered from the same templates and checked with `nginx -t` and
`systemd-analyze verify`. PostgreSQL: two replicas read through the read-only role. Figures go to
artifacts/cluster.json; nothing here is a timing assertion (bench/cluster_load.py measures).
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, ROOT, free_port, skip_or_fail

from bench.browser import (
    RUN_COUNTER_JS,
    RUN_FINISHED_JS,
    SCREEN_ERRORS_JS,
    TITLE_JS,
    page_paths,
    tree_rss,
    wait_rendered,
)
from bench.cluster_load import balanced_cookies, drive, summarise
from deploy import netns
from deploy.cluster import NGINX, Cluster
from deploy.render import Site, content_security_policy, replica_command, site_config, systemd_files, write_recipe

SESSIONS = int(os.environ.get("WALLIMAGE_CLUSTER_SESSIONS", "10"))
START_TIMEOUT_S = 150
LOAD_TIMEOUT_S = 240
SECURITY_HEADERS = {
    "content-security-policy": None,  # compared with deploy.render.content_security_policy()
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
}
# Records every Content-Security-Policy violation of the page (blocked script, style, image, worker…).
CSP_PROBE_JS = """window.__csp = [];
document.addEventListener('securitypolicyviolation', e => window.__csp.push(
  e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));"""


def need_nginx() -> None:
    if not Path(NGINX).exists():
        skip_or_fail("nginx is not installed (make test installs Debian's nginx)")


def request(base: str, path: str, method: str = "GET", host: str | None = None, body: bytes | None = None):
    """(status, lower-cased headers) of one plain HTTP request."""
    parsed = urlparse(base)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    try:
        headers = {"Host": host} if host else {}
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, {key.lower(): value for key, value in response.getheaders()}
    finally:
        connection.close()


def run_async(coroutine):
    """asyncio in a thread of its own (the sync Playwright of the browser tests may own this thread's loop)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def record(name: str, figures: dict) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / "cluster.json"
    data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    data[name] = figures
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    print(name, json.dumps(figures, ensure_ascii=False))


# -- the deployment recipe -----------------------------------------------------------------------


def test_the_recipe_is_rendered_from_the_templates_make_cluster_uses(tmp_path):
    need_nginx()
    args = SimpleNamespace(
        replicas=3,
        first_port=8501,
        replica_address="127.0.0.1",
        listen="80",
        server_name="dashboard.example.be",
        https=True,
        app_dir=str(ROOT),
        user="wallimage",
        db_url="postgresql+psycopg2://wallimage_reader:secret@db.internal:5432/wallimage",
    )
    written = write_recipe(tmp_path, args)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "nginx/wallimage.conf",
        "systemd/wallimage.target",
        "systemd/wallimage@.service",
        "wallimage.env",
    ]
    unit = (tmp_path / "systemd" / "wallimage@.service").read_text(encoding="utf-8")
    # The replica's command line is the one make cluster runs (the port is the unit's instance).
    assert f"ExecStart={shlex.join(replica_command('127.0.0.1', '%i', ROOT))}\n" in unit
    for line in ("User=wallimage", "Restart=on-failure", "ProtectSystem=strict", f"ReadOnlyPaths={ROOT}"):
        assert line + "\n" in unit
    assert "NoNewPrivileges=yes" in unit and "CapabilityBoundingSet=\n" in unit
    target = (tmp_path / "systemd" / "wallimage.target").read_text(encoding="utf-8")
    assert "Wants=wallimage@8501.service wallimage@8502.service wallimage@8503.service" in target
    env = tmp_path / "wallimage.env"
    assert env.stat().st_mode & 0o777 == 0o600
    secret = next(line for line in env.read_text().splitlines() if line.startswith("STREAMLIT_SERVER_COOKIE_SECRET="))
    assert len(secret.split("=", 1)[1]) == 64
    write_recipe(tmp_path / "again", args)
    assert secret not in (tmp_path / "again" / "wallimage.env").read_text(), "a fresh cookie secret per render"

    site = (tmp_path / "nginx" / "wallimage.conf").read_text(encoding="utf-8")
    assert site == site_config(
        Site(
            replicas=[("127.0.0.1", p) for p in (8501, 8502, 8503)],
            listen="80",
            server_names="dashboard.example.be",
            https=True,
        )
    )
    assert "SameSite=Lax; Secure" in site and "server_name dashboard.example.be;" in site
    # nginx accepts it inside Debian's http block (a minimal one here).
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid; error_log stderr; events {{}} http {{ include {tmp_path}/nginx/wallimage.conf; }}\n"
    )
    checked = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True, timeout=30
    )
    assert checked.returncode == 0, checked.stderr
    # systemd's own checker, where the machine has it (Debian's systemd package).
    analyze = shutil.which("systemd-analyze")
    if analyze:
        instance = tmp_path / "systemd" / "wallimage@8501.service"
        instance.write_text(unit, encoding="utf-8")
        verified = subprocess.run(
            [analyze, "verify", "--man=no", str(instance), str(tmp_path / "systemd" / "wallimage.target")],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert verified.returncode == 0 and "wallimage" not in verified.stderr, verified.stderr


def test_units_name_every_replica_port():
    files = systemd_files(replicas=2, first_port=9001)
    assert "Wants=wallimage@9001.service wallimage@9002.service" in files["wallimage.target"]
    assert "--server.port %i" in files["wallimage@.service"]


# -- the cluster of make cluster, two replicas in network namespaces -------------------------------


@pytest.fixture(scope="module")
def cluster(fixture_db_path, tmp_path_factory):
    """`python -m deploy.cluster --netns` with two replicas; its state file gives pids and addresses."""
    need_nginx()
    problem = netns.problem()
    if problem:
        skip_or_fail(f"network namespaces are not available here: {problem}")
    folder = tmp_path_factory.mktemp("cluster")
    state_file, log_file = folder / "state.json", folder / "cluster.log"
    port = free_port()
    command = [sys.executable, "-m", "deploy.cluster", "--replicas", "2", "--port", str(port), "--netns"]
    command += ["--store", "sqlite-copy", "--db-url", f"sqlite:///{fixture_db_path}", "--user", "nobody"]
    command += ["--state", str(state_file), "--restart-delay", "3"]
    with open(log_file, "wb") as log:
        process = subprocess.Popen(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    handle = SimpleNamespace(process=process, base=base, state_file=state_file, log=log_file, port=port)
    handle.state = lambda: json.loads(state_file.read_text(encoding="utf-8"))
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not state_file.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"make cluster's runner did not start:\n{log_file.read_text()[-3000:]}")
            time.sleep(0.5)
        handle.first_state = handle.state()
        yield handle
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


def test_make_cluster_serves_the_site_rendered_from_the_template(cluster):
    state = cluster.first_state
    assert state["netns"] and len(state["namespaces"]) == 2
    assert [r["name"] for r in state["replicas"]] == ["r1", "r2"]
    assert all(r["address"].startswith("10.231.") for r in state["replicas"])
    served = (Path(state["run_dir"]) / "wallimage-site.conf").read_text(encoding="utf-8")
    replicas = [(r["address"], r["port"]) for r in state["replicas"]]
    assert served == site_config(Site(replicas=replicas, listen=f"127.0.0.1:{cluster.port}"))
    # Each replica has its own copy of the data, and runs as nobody.
    assert len({r["db_url"] for r in state["replicas"]}) == 2
    import psutil

    for replica in state["replicas"]:
        assert psutil.Process(replica["pid"]).username() == "nobody"


def test_security_headers_host_check_and_refused_endpoints(cluster):
    status, headers = request(cluster.base, "/")
    assert status == 200
    expected = {**SECURITY_HEADERS, "content-security-policy": content_security_policy()}
    for name, value in expected.items():
        assert headers.get(name) == value, name
    assert headers["set-cookie"].startswith("wallimage_route=") and "HttpOnly" in headers["set-cookie"]
    assert headers["x-wallimage-replica"] in ("r1", "r2")
    assert headers["server"] == "nginx"  # no version

    refused = {
        ("GET", "/_stcore/metrics"): 403,
        ("PUT", "/_stcore/upload_file/session/file"): 405,
        ("DELETE", "/_stcore/upload_file/session/file"): 405,
        ("GET", "/_stcore/upload_file/session/file"): 403,
        ("POST", "/_stcore/agent/interact"): 405,
        ("GET", "/_stcore/agent/openapi.json"): 403,
        ("POST", "/"): 405,
    }
    for (method, path), code in refused.items():
        status, headers = request(cluster.base, path, method, body=b"x" if method in ("PUT", "POST") else None)
        assert status == code, (method, path, status)
        assert headers.get("x-frame-options") == "DENY", "security headers on refusals too"
        assert headers.get("x-wallimage-replica") == "-", "never reached a replica"
    # The Host check: another name never reaches a replica.
    status, headers = request(cluster.base, "/", host="evil.example")
    assert status == 421
    # What the proxy refuses, a replica would have answered: the proxy is what protects it.
    replica = cluster.first_state["replicas"][0]
    assert request(f"http://{replica['address']}:{replica['port']}", "/_stcore/metrics")[0] == 200


@pytest.mark.browser
def test_chromium_visits_every_page_through_the_proxy_under_the_csp(cluster, browser, tmp_path):
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True, locale="fr-BE")
    context.set_default_timeout(90_000)
    context.add_init_script(CSP_PROBE_JS)
    outside, console, page_errors, documents, replicas = [], [], [], [], set()

    def guard(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    def on_response(response):
        replica = response.headers.get("x-wallimage-replica")
        if replica and replica != "-":
            replicas.add(replica)
        if response.request.resource_type == "document":
            documents.append((response.url, response.status, response.headers))

    def on_console(message):
        url = (message.location or {}).get("url", "")
        # Streamlit probes /<page>/_stcore/health and host-config before falling back (a 404, harmless).
        if message.type == "error" and "_stcore/health" not in url and "_stcore/host-config" not in url:
            console.append(message.text)

    context.route("**/*", guard)
    tab = context.new_page()
    tab.on("response", on_response)
    tab.on("console", on_console)
    tab.on("pageerror", lambda error: page_errors.append(str(error)))
    visited = {}
    try:
        for name, path in page_paths():
            tab.goto(cluster.base + path)
            wait_rendered(tab, 90_000)
            tab.wait_for_timeout(500)  # late workers, images and styles
            visited[name] = {
                "title": tab.evaluate(TITLE_JS),
                "screen_errors": tab.evaluate(SCREEN_ERRORS_JS),
                "csp": tab.evaluate("window.__csp"),
            }
        # A download is a /media/ file held by the replica of the session: affinity must bring it there.
        tab.goto(cluster.base + "/sources")
        wait_rendered(tab, 90_000)
        button = tab.locator(".st-key-sources_discrepancies-xlsx button")
        button.wait_for()
        with tab.expect_download() as download:
            button.click()
        target = tmp_path / download.value.suggested_filename
        download.value.save_as(target)
        # The policy is enforced (not only sent): an outside image is blocked by the CSP itself.
        console_before_control = list(console)
        tab.evaluate(
            "() => { const i = new Image(); i.src = 'http://example.invalid/x.png'; document.body.append(i); }"
        )
        tab.wait_for_function("() => window.__csp.some(v => v.startsWith('img-src http://example.invalid'))")
    finally:
        context.close()
    record("chromium", {"pages": visited, "replicas": sorted(replicas), "documents": len(documents)})

    assert [name for name, _ in page_paths()] == list(visited)
    for name, seen in visited.items():
        assert seen["title"], f"{name}: no title"
        assert seen["screen_errors"] == [], (name, seen["screen_errors"])
        assert seen["csp"] == [], (name, seen["csp"])
    assert target.name.endswith(".xlsx") and target.stat().st_size > 1000
    assert len(replicas) == 1, f"one browser, one replica (affinity): {replicas}"
    assert documents and all(status == 200 for _, status, _ in documents)
    for url, _, headers in documents:
        for header, value in SECURITY_HEADERS.items():
            assert headers.get(header) == (value or content_security_policy()), (url, header)
    assert outside == [] and page_errors == [] and console_before_control == []


def replica_rss(cluster):
    def sizes() -> dict[str, int]:
        result = {}
        for replica in cluster.state()["replicas"]:
            with suppress(Exception):
                result[replica["name"]] = tree_rss(replica["pid"])
        return result

    return sizes


def test_sessions_through_the_proxy_spread_over_both_replicas_without_error(cluster):
    cookies = balanced_cookies(cluster.base, SESSIONS, ["r1", "r2"])
    load = run_async(drive(cluster.base, SESSIONS, replica_rss(cluster), None, LOAD_TIMEOUT_S, LOAD_TIMEOUT_S, cookies))
    summary = summarise(load, 2)
    record("load", summary)
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["page_runs"] == summary["expected_page_runs"]
    assert summary["sessions_finished"] == SESSIONS
    assert set(summary["first_replica_of_sessions"]) == {"r1", "r2"}, summary["first_replica_of_sessions"]
    assert all(size > 0 for size in summary["replica_rss_peak_mb"].values())


def test_failover_a_killed_replica_s_sessions_finish_on_the_other(cluster):
    victim = cluster.state()["replicas"][0]

    def kill():
        os.killpg(victim["pid"], signal.SIGKILL)

    cookies = balanced_cookies(cluster.base, SESSIONS, ["r1", "r2"])
    load = run_async(
        drive(
            cluster.base,
            SESSIONS,
            replica_rss(cluster),
            (victim["name"], kill),
            LOAD_TIMEOUT_S,
            LOAD_TIMEOUT_S,
            cookies,
        )
    )
    summary = summarise(load, 2)
    record("failover", summary)
    failover = summary["failover"]
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["sessions_finished"] == SESSIONS and summary["page_runs"] == summary["expected_page_runs"]
    assert failover["sessions_dropped"] == SESSIONS // 2, "every session on the killed replica lost its connection"
    assert failover["dropped_sessions_finished_elsewhere"] == failover["sessions_dropped"]
    assert failover["other_sessions_dropped"] == 0, "sessions on the other replica were unaffected"
    # The runner restarts the dead replica (systemd's Restart=on-failure) and the proxy serves again.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        replica = cluster.state()["replicas"][0]
        if replica["restarts"] >= 1 and replica["alive"]:
            break
        time.sleep(0.5)
    assert replica["restarts"] >= 1 and replica["alive"] and replica["pid"] != victim["pid"]
    assert request(cluster.base, "/_stcore/health")[0] == 200


@pytest.mark.browser
def test_a_browser_on_a_killed_replica_reconnects_to_the_other_and_goes_on(cluster, browser):
    """Chromium's replica dies: Streamlit's frontend reconnects through nginx; the next click runs on the other.

    Measured behaviour of Streamlit 1.67's frontend: after the websocket closes it shows its
    "Connecting" notice, pings /_stcore/health, reopens the websocket (nginx sends it to the live
    replica) and keeps the page it shows; it does not rerun by itself. The next interaction (here a
    key on the share slider) runs in a new session on the other replica, which rebuilds the view from
    the URL (English, share 40: the slider goes back to the URL's value); the one after moves it on.
    """
    deadline = time.monotonic() + 60
    while not all(r["alive"] for r in cluster.state()["replicas"]) and time.monotonic() < deadline:
        time.sleep(0.5)
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-BE")
    context.set_default_timeout(90_000)
    health, sockets, page_errors = [], [], []
    context.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(("data:", "blob:")) or urlparse(route.request.url).hostname == "127.0.0.1"
            else route.abort()
        ),
    )
    tab = context.new_page()
    tab.on(
        "response",
        lambda r: (
            health.append((r.status, r.headers.get("x-wallimage-replica"))) if "_stcore/health" in r.url else None
        ),
    )
    tab.on("websocket", lambda socket: sockets.append(time.monotonic()))
    tab.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        tab.goto(cluster.base + "/scenarios?share=40&lang=en")
        wait_rendered(tab, 90_000)
        served_by = {r for status, r in health if status == 200}
        assert len(served_by) == 1, health
        victim = next(r for r in cluster.state()["replicas"] if r["name"] in served_by)
        checked, opened = len(health), len(sockets)
        killed_at = time.monotonic()
        os.killpg(victim["pid"], signal.SIGKILL)
        while time.monotonic() < killed_at + 60 and len(sockets) == opened:
            tab.wait_for_timeout(200)
        assert len(sockets) > opened, "the frontend did not reconnect within 60 s"
        reconnect_s = round(sockets[-1] - killed_at, 1)
        after = [r for status, r in health[checked:] if status == 200]
        assert after and victim["name"] not in after, health[checked:]
        title = tab.evaluate(TITLE_JS)
        runs = tab.evaluate(RUN_COUNTER_JS)
        tab.get_by_role("slider").first.focus()
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function(RUN_FINISHED_JS, arg=runs, timeout=90_000, polling=200)
        wait_rendered(tab, 90_000)
        rebuilt_url, rebuilt_title = tab.url, tab.evaluate(TITLE_JS)
        runs = tab.evaluate(RUN_COUNTER_JS)
        tab.get_by_role("slider").first.focus()
        tab.keyboard.press("ArrowRight")
        tab.wait_for_function(RUN_FINISHED_JS, arg=runs, timeout=90_000, polling=200)
        tab.wait_for_function("() => window.location.search.includes('share=41')", timeout=90_000)
        wait_rendered(tab, 90_000)
        record("browser_failover", {"killed": victim["name"], "reconnect_s": reconnect_s, "served_after": after})
        assert rebuilt_url.endswith("/scenarios?share=40&lang=en") and rebuilt_title == title
        assert "lang=en" in tab.url and tab.evaluate(TITLE_JS) == title
        assert tab.evaluate(SCREEN_ERRORS_JS) == [] and page_errors == []
    finally:
        context.close()


def test_ctrl_c_stops_nginx_every_replica_and_the_namespaces(cluster):
    import psutil

    state = cluster.state()
    os.killpg(cluster.process.pid, signal.SIGINT)
    assert cluster.process.wait(timeout=40) == 0, cluster.log.read_text()[-2000:]
    pids = [state["nginx_pid"], *(r["pid"] for r in state["replicas"])]
    assert not [pid for pid in pids if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]
    assert not set(state["namespaces"]) & set(netns.ip("netns", "list").stdout.split())
    assert not Path(state["run_dir"]).exists()
    with pytest.raises(OSError):
        urllib.request.urlopen(cluster.base + "/_stcore/health", timeout=3)


# -- PostgreSQL through the read-only role ---------------------------------------------------------


@pytest.mark.postgres
def test_replicas_read_postgresql_through_the_read_only_role(reader_url):
    need_nginx()
    user = "nobody" if os.geteuid() == 0 else None
    with Cluster(replicas=2, port=free_port(), store="postgres", db_url=reader_url, user=user) as pg_cluster:
        assert {r.db_url for r in pg_cluster.members} == {reader_url}
        cookies = balanced_cookies(pg_cluster.base, 4, ["r1", "r2"])
        load = run_async(drive(pg_cluster.base, 4, pg_cluster.rss, None, LOAD_TIMEOUT_S, LOAD_TIMEOUT_S, cookies))
    summary = summarise(load, 2)
    record("postgres", summary)
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["page_runs"] == summary["expected_page_runs"]
    assert set(summary["first_replica_of_sessions"]) == {"r1", "r2"}

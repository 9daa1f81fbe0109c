"""Offline probe: start the app and Chromium with no network at all, open every page in FR and EN.

Meant to run inside a network namespace that has only a loopback interface:

    unshare -n sh -c 'ip link set lo up && exec "$0" "$@"' .venv/bin/python bench/offline_probe.py \
        --db-url sqlite:///PATH --screenshots artifacts/offline

It first proves the isolation (interfaces present, an outside connection attempt and a DNS lookup
must fail), then starts Streamlit on the given database, opens each page of the navigation in
French and English (`?lang=en`) in Debian's Chromium, waits until Streamlit has finished, and
records the page title, Streamlit error boxes, page exceptions, console errors and every request
that was not for 127.0.0.1. Screenshots go to --screenshots. The summary is printed as one JSON
document on the last line of standard output. With --route-guard (for machines where a network
namespace cannot be created) outside requests are also blocked by Playwright routing.
"""

from __future__ import annotations

import argparse
import json
import socket
import sys
import time
from contextlib import suppress
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the project importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.browser import (  # noqa: E402
    DASHBOARD_APP,
    SCREEN_ERRORS_JS,
    TITLE_JS,
    App,
    is_local,
    launch_chromium,
    page_paths,
    wait_rendered,
)

LANGUAGES = ("fr", "en")


def isolation() -> dict:
    """What the process can reach: its network interfaces, an outside TCP connection, a DNS lookup."""
    # Asked of the kernel (netlink), not /sys/class/net: sysfs shows the namespace it was mounted in.
    interfaces = sorted(name for _, name in socket.if_nameindex())
    outcome = {"interfaces": interfaces}
    try:
        with socket.create_connection(("1.1.1.1", 443), timeout=3):
            outcome["outside_tcp"] = "connected"
    except OSError as problem:
        outcome["outside_tcp"] = f"failed: {problem.strerror or problem}"
    try:
        socket.getaddrinfo("example.com", 443)
        outcome["dns"] = "resolved"
    except OSError as problem:
        outcome["dns"] = f"failed: {problem.strerror or problem}"
    outcome["isolated"] = outcome["outside_tcp"] != "connected" and outcome["dns"] != "resolved"
    return outcome


def benign_console_error(message) -> bool:
    """Streamlit's own probe of a sub-path base URL (/<page>/_stcore/health → 404) before it falls back."""
    url = (message.location or {}).get("url", "")
    return "_stcore/health" in url or "_stcore/host-config" in url


def deep_link_first(browser, base: str, screenshots: Path) -> dict:
    """The very first request to the fresh server is a shared link to a page other than the root."""
    name, path = page_paths()[2 if len(page_paths()) > 2 else -1]
    url = f"{base}{path}?lang=en"
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    tab = context.new_page()
    entry = {"page": name, "url": url}
    try:
        tab.goto(url, wait_until="commit", timeout=60_000)
        wait_rendered(tab, 60_000)
        entry["rendered"] = True
    except Exception as problem:
        entry["rendered"] = False
        entry["problem"] = f"{type(problem).__name__}: {str(problem).splitlines()[0]}"
    entry["title"] = tab.evaluate(TITLE_JS)
    entry["screen_errors"] = tab.evaluate(SCREEN_ERRORS_JS)
    with suppress(Exception):  # a screenshot is a bonus, never the reason a probe fails
        tab.screenshot(path=str(screenshots / f"deep_link_first_{name}.png"), full_page=True)
    context.close()
    return entry


def probe(db_url: str, screenshots: Path, route_guard: bool, settle_ms: int) -> dict:
    """Open every page in both languages; return what happened."""
    from playwright.sync_api import sync_playwright

    summary = {
        "network": isolation(),
        "route_guard": route_guard,
        "pages": [],
        "outside_requests": [],
        "failed_requests": [],
        "console_errors": [],
        "page_errors": [],
    }
    screenshots.mkdir(parents=True, exist_ok=True)
    with App(DASHBOARD_APP, db_url) as app, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            summary["deep_link_first"] = deep_link_first(browser, app.base, screenshots)
            for lang in LANGUAGES:
                context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="fr-BE")
                if route_guard:
                    context.route(
                        "**/*", lambda route: route.continue_() if is_local(route.request.url) else route.abort()
                    )
                tab = context.new_page()
                current = {"page": None}
                tab.on(
                    "request",
                    lambda request, c=current: (
                        None
                        if is_local(request.url)
                        else summary["outside_requests"].append(f"{c['page']}: {request.url}")
                    ),
                )
                tab.on(
                    "requestfailed",
                    lambda request, c=current: summary["failed_requests"].append(
                        f"{c['page']}: {request.url} ({request.failure})"
                    ),
                )
                tab.on(
                    "console",
                    lambda message, c=current: (
                        summary["console_errors"].append(f"{c['page']}: {message.text}")
                        if message.type == "error" and not benign_console_error(message)
                        else None
                    ),
                )
                tab.on("pageerror", lambda error, c=current: summary["page_errors"].append(f"{c['page']}: {error}"))
                for name, path in page_paths():
                    current["page"] = f"{name} ({lang})"
                    url = app.base + path + ("?lang=en" if lang == "en" else "")
                    entry = {"page": name, "lang": lang, "url": url}
                    started = time.perf_counter()
                    try:
                        tab.goto(url, wait_until="commit", timeout=60_000)
                        wait_rendered(tab, 60_000)
                        # Let charts and maps mount: a late fetch (fonts, tiles, CDN scripts) is recorded too.
                        tab.wait_for_timeout(settle_ms)
                        wait_rendered(tab, 60_000)
                        entry["rendered"] = True
                    except Exception as problem:
                        entry["rendered"] = False
                        entry["problem"] = f"{type(problem).__name__}: {str(problem).splitlines()[0]}"
                    entry["seconds"] = round(time.perf_counter() - started, 2)
                    entry["title"] = tab.evaluate(TITLE_JS)
                    entry["screen_errors"] = tab.evaluate(SCREEN_ERRORS_JS)
                    entry["text"] = tab.inner_text("body").replace("\u00a0", " ").replace("\u202f", " ")[:4000]
                    shot = screenshots / f"{name}_{lang}.png"
                    try:
                        tab.screenshot(path=str(shot), full_page=True)
                        entry["screenshot"] = str(shot)
                    except Exception as problem:
                        entry["screenshot"] = f"failed: {type(problem).__name__}"
                    summary["pages"].append(entry)
                context.close()
        finally:
            browser.close()
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-url", required=True, help="SQLAlchemy URL of the database to serve")
    parser.add_argument("--screenshots", type=Path, required=True, help="folder for one screenshot per page")
    parser.add_argument("--route-guard", action="store_true", help="also block outside requests in Playwright")
    parser.add_argument("--settle-ms", type=int, default=1500, help="wait after rendering for late requests")
    args = parser.parse_args(argv)
    summary = probe(args.db_url, args.screenshots, args.route_guard, args.settle_ms)
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

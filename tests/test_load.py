"""Bounded load test: 20 concurrent browser sessions go through every page once, with no error.

One Streamlit server on the fixture database, one Debian Chromium with 20 browser contexts driven
by playwright.async_api (the sync API is not thread-safe), all at once under asyncio. Each session
opens the first page by URL and then every other page of the navigation once through its sidebar
link, as a visitor does (one Streamlit session each): 20 × 7 page visits, nothing allowed outside
127.0.0.1, under an overall limit of 180 s on 8 cores or more, scaled up on smaller machines (720 s
on 2 cores; WALLIMAGE_LOAD_SESSIONS and WALLIMAGE_LOAD_TIMEOUT_S override the defaults). Errors are
counted (page errors, Streamlit exception boxes, error alerts, failed navigations) and must be 0;
median and p95 page times and the server's memory are written to artifacts/load.json (read them
there: they are not asserted, this is not a benchmark).
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import ARTIFACTS, CHROMIUM, skip_or_fail, start_streamlit

from bench.browser import (
    CHROMIUM_ARGS,
    RUN_COUNTER_JS,
    RUN_FINISHED_JS,
    SCREEN_ERRORS_JS,
    TITLE_JS,
    is_local,
    page_paths,
    tree_rss,
    wait_rendered_async,
)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

# Overridable for a machine that is busy with other work (the defaults are the specification).
SESSIONS = int(os.environ.get("WALLIMAGE_LOAD_SESSIONS", "20"))
# 180 s on 8 cores or more. The browser is the bottleneck, not the server: each session's first
# page load costs Chromium about 7 CPU-seconds (Streamlit's JavaScript, compiled per context),
# so 20 sessions need about 8 minutes on 2 cores (measured; see bench/README.md).
OVERALL_TIMEOUT_S = float(os.environ.get("WALLIMAGE_LOAD_TIMEOUT_S", 180 * max(1, 8 / (os.cpu_count() or 1))))
# Visitors do not arrive in the same millisecond: sessions start this far apart.
RAMP_UP_S = 0.25
PAGE_TIMEOUT_MS = OVERALL_TIMEOUT_S * 1000  # the overall limit is what bounds the test


def benign_console_error(message) -> bool:
    """Streamlit's own probe of a sub-path base URL (/<page>/_stcore/health → 404) before it falls back."""
    url = (message.location or {}).get("url", "")
    return "_stcore/health" in url or "_stcore/host-config" in url


async def navigate_in_app(tab, base: str, path: str) -> float:
    """Open a page through its sidebar link, in the same session; ms until Streamlit has rendered it.

    A page that hides the sidebar (presentation mode) has no link to follow: it is opened by URL.
    """
    await tab.evaluate(RUN_COUNTER_JS)
    before = await tab.evaluate("() => window.__benchRuns")
    link = tab.locator(f'[data-testid="stSidebarNav"] a[href="{base}{path}"]')
    if not await link.count() or not await link.is_visible():
        await tab.goto(base + path, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
        return await wait_rendered_async(tab, PAGE_TIMEOUT_MS)
    started = await tab.evaluate("() => performance.now()")
    await link.click(timeout=PAGE_TIMEOUT_MS)
    handle = await tab.wait_for_function(RUN_FINISHED_JS, arg=before, timeout=PAGE_TIMEOUT_MS, polling="raf")
    finished = await handle.json_value()
    await wait_rendered_async(tab, PAGE_TIMEOUT_MS)
    if urlparse(tab.url).path != path:
        raise RuntimeError(f"sidebar link led to {tab.url}, not {path}")
    return finished - started


async def one_session(browser, base: str, number: int, paths, record: dict) -> None:
    """A browser context that opens every page once, recording times, errors and outside requests."""
    await asyncio.sleep(number * RAMP_UP_S)
    context = await browser.new_context(viewport={"width": 1280, "height": 900})

    async def guard(route):
        if is_local(route.request.url):
            await route.continue_()
        else:
            record["outside_requests"].append(route.request.url)
            await route.abort()

    await context.route("**/*", guard)
    tab = await context.new_page()
    tab.on("pageerror", lambda error: record["errors"].append(f"session {number}: page error: {error}"))
    tab.on(
        "console",
        lambda message: (
            record["console_errors"].append(f"session {number}: {message.text}")
            if message.type == "error" and not benign_console_error(message)
            else None
        ),
    )
    try:
        for index, (name, path) in enumerate(paths):
            try:
                if index == 0:
                    response = await tab.goto(base + path, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
                    if response is None or response.status >= 400:
                        status = response.status if response else "no response"
                        record["errors"].append(f"session {number}: {name}: HTTP {status}")
                        continue
                    milliseconds = await wait_rendered_async(tab, PAGE_TIMEOUT_MS)
                else:
                    milliseconds = await navigate_in_app(tab, base, path)
            except Exception as problem:
                record["errors"].append(f"session {number}: {name}: navigation failed: {type(problem).__name__}")
                continue
            record["times_ms"].setdefault(name, []).append(milliseconds)
            record["finished_at_s"].append(round(time.perf_counter() - record["started"], 1))
            record["visits"] += 1
            for error in await tab.evaluate(SCREEN_ERRORS_JS):
                record["errors"].append(f"session {number}: {name}: {error}")
            if not await tab.evaluate(TITLE_JS):
                record["errors"].append(f"session {number}: {name}: no title rendered")
    finally:
        await context.close()


async def run_sessions(base: str, paths, server_rss) -> dict:
    """All sessions at once in one Chromium; the server's memory is sampled while they run."""
    from playwright.async_api import async_playwright

    record = {"errors": [], "console_errors": [], "outside_requests": [], "times_ms": {}, "visits": 0}
    record.update(started=time.perf_counter(), finished_at_s=[])
    samples = []

    async def sample_memory():
        while True:
            samples.append(server_rss())
            await asyncio.sleep(0.5)

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sampler = asyncio.create_task(sample_memory())
        try:
            tasks = [asyncio.create_task(one_session(browser, base, n, paths, record)) for n in range(SESSIONS)]
            done, pending = await asyncio.wait(tasks, timeout=OVERALL_TIMEOUT_S)
            for task in pending:
                task.cancel()
            for task in done:
                if task.exception() is not None:
                    record["errors"].append(f"session crashed: {task.exception()!r}")
            if pending:
                record["errors"].append(
                    f"{len(pending)} session(s) unfinished after {OVERALL_TIMEOUT_S} s "
                    f"({record['visits']} of {SESSIONS * len(paths)} page visits done)"
                )
                await asyncio.gather(*pending, return_exceptions=True)
        finally:
            sampler.cancel()
            await browser.close()
    record["rss_peak_mb"] = max(samples) / 1e6 if samples else None
    return record


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


@pytest.fixture(scope="module")
def load_server(fixture_db_url):
    if not Path(CHROMIUM).exists():
        skip_or_fail("Debian's chromium is not installed (make test installs it)")
    process, base = start_streamlit(fixture_db_url)
    yield process, base
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def test_twenty_concurrent_sessions_visit_every_page_without_error(load_server):
    process, base = load_server

    def server_rss() -> int:
        return tree_rss(process.pid)

    paths = page_paths()
    rss_before = server_rss() / 1e6
    started = time.perf_counter()
    record = asyncio.run(run_sessions(base, paths, server_rss))
    elapsed = time.perf_counter() - started
    rss_after = server_rss() / 1e6
    all_times = [t for times in record["times_ms"].values() for t in times]
    summary = {
        "sessions": SESSIONS,
        "pages": [name for name, _ in paths],
        "expected_visits": SESSIONS * len(paths),
        "visits": record["visits"],
        "errors": record["errors"],
        "console_errors": record["console_errors"],
        "outside_requests": record["outside_requests"],
        "elapsed_s": round(elapsed, 1),
        "page_ms_median": round(statistics.median(all_times)) if all_times else None,
        "page_ms_p95": round(percentile(all_times, 0.95)) if all_times else None,
        "visit_finished_at_s": record["finished_at_s"],
        "per_page_ms_median": {name: round(statistics.median(v)) for name, v in record["times_ms"].items()},
        "server_rss_mb": {"before": round(rss_before, 1), "peak": round(record["rss_peak_mb"] or 0, 1)},
    }
    summary["server_rss_mb"]["after"] = round(rss_after, 1)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "load.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items() if k not in ("errors", "console_errors")}, indent=2))

    assert record["errors"] == [], record["errors"][:10]
    assert record["outside_requests"] == []
    assert record["visits"] == SESSIONS * len(paths)
    # The server stayed up and still answers after the load.
    assert process.poll() is None

"""The performance benchmark (`make bench`): the dashboard against a hello-world Streamlit app.

Usage:
    python -m bench.run_all [--runs 5] [--cold-runs 3] [--output bench/results/latest.json]

Both apps are started with the same streamlit binary (.venv/bin/streamlit), the same config
(.streamlit/config.toml) and driven by Playwright in Debian's Chromium. Measured:

  * cold start: process start → first overview figure visible (hello-world: → its first text);
  * the app's frame alone (bench/frame_app.py: page config, language, sidebar navigation, data
    version, the selected page's title and nothing else) against hello-world: the floor of any page;
  * warm render of every page in the navigation: the page URL opened in an already-open tab on a
    warm server, from navigation start until Streamlit has finished the script and the page's
    title is visible (median of --runs), against the frame alone around the same title (≤ 1,5×);
  * time to the headline of every page: navigation start → title and first figure card visible,
    whatever is still drawing, against the frame's render (≤ 1,2×);
  * in-app navigation: sidebar link → rendered in an open session, every page, p95 (≤ 400 ms);
  * scenario slider → updated total, timed in the browser (key press → first changed output);
    plus the pure scenario model call when dashboard.scenarios exists;
  * database build (`python -m dashboard.data.build --output <tmp>`);
  * server memory (RSS of the streamlit process tree) with 1 and 5 concurrent sessions;
  * every page again on a synthetic database 100× the real one (bench/synthetic.py);
  * server capacity: page runs per second of one process under 8 websocket sessions, this tree
    against the baseline commit run in the same session (bench/capacity.py; ≥ 2×).

Each figure is printed with its baseline, ratio, target and OK/ABOVE/BELOW, and everything is written as JSON to
bench/results/latest.json. Timings are wall-clock on a shared machine: read them as orders of
magnitude and compare ratios, and rerun when the load average printed at the top is high.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path

from bench.browser import (
    DASHBOARD_APP,
    FRAME_APP,
    HELLO_APP,
    ROOT,
    RUN_COUNTER_JS,
    RUN_FINISHED_JS,
    SCREEN_ERRORS_JS,
    App,
    launch_chromium,
    page_paths,
    timed_visit,
    wait_rendered,
)

RESULTS = ROOT / "bench" / "results" / "latest.json"
REAL_DB = ROOT / "dashboard" / "data" / "wallimage.sqlite"
VIEWPORT = {"width": 1400, "height": 1000}
PAGE_TIMEOUT_MS = 30_000
TARGETS = {
    "cold_start_ratio": 1.5,
    # Issue 19: what a page adds on top of the app's own frame (bench/frame_app.py), measured in the same run.
    "page_over_frame": 1.5,
    "headline_over_frame": 1.2,
    "navigation_p95_ms": 400.0,
    "capacity_ratio": 2.0,
    "slider_ms": 300.0,
    "build_s": 2.0,
    "synthetic_ratio": 2.0,
    "memory_5_sessions_mb": 250.0,
}

# In-browser probe for the slider: the key press time, then the first change of anything the
# server renders in the main area (the slider's own thumb label changes client-side: excluded).
SLIDER_PROBE_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]');
  const signature = () => {
    const copy = main.cloneNode(true);
    copy.querySelectorAll('[data-testid="stSlider"]').forEach(node => node.remove());
    return copy.textContent;
  };
  window.__benchKey = null; window.__benchChange = null; window.__benchBase = signature();
  document.addEventListener('keydown', () => {
    window.__benchBase = signature(); window.__benchChange = null; window.__benchKey = performance.now();
  }, true);
  new MutationObserver(() => {
    if (window.__benchKey !== null && window.__benchChange === null && signature() !== window.__benchBase) {
      window.__benchChange = performance.now();
    }
  }).observe(main, {subtree: true, childList: true, characterData: true});
}"""


class Bench:
    """Collects measures (value, target, status) and notes; prints and saves them."""

    def __init__(self):
        self.measures: list[dict] = []
        self.notes: list[str] = []
        self.raw: dict = {}

    def add(
        self,
        name: str,
        value,
        unit: str,
        target=None,
        compared=None,
        baseline=None,
        ratio=None,
        target_text: str | None = None,
        at_least: bool = False,
    ) -> None:
        """One line of the result table; `compared` is the number held against the target (at most,
        or at least with `at_least`); `target_text` says what the target is compared with."""
        status = ""
        if target is not None and compared is not None:
            met = compared >= target if at_least else compared <= target
            status = "OK" if met else ("BELOW" if at_least else "ABOVE")
        elif target is not None and baseline is not None:
            status = "ABOVE"  # a page with a baseline but no value did not render within the time limit
        elif target is not None:
            status = "n/a"
        self.measures.append(
            {
                "measure": name,
                "value": value,
                "unit": unit,
                "baseline": baseline,
                "ratio": ratio,
                "target": target,
                "target_text": target_text,
                "status": status,
            }
        )

    def note(self, text: str) -> None:
        self.notes.append(text)
        print(f"  note: {text}", flush=True)


def log(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)


def machine() -> dict:
    """CPU model, cores, RAM, load, Python and Streamlit versions."""
    cpu = "unknown"
    with suppress(OSError), open("/proc/cpuinfo", encoding="utf-8") as handle:
        for line in handle:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    import psutil
    import streamlit

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 1e9, 1),
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "platform": platform.platform(),
        "chromium": subprocess.run(["/usr/bin/chromium", "--version"], capture_output=True, text=True).stdout.strip(),
    }


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def ensure_real_database() -> Path:
    """The real database (as `make db` builds it); built here when missing."""
    if not REAL_DB.exists():
        log(f"{REAL_DB} is missing: building it (make db)")
        from dashboard.data.build import build

        build()
    return REAL_DB


def measure_build(bench: Bench, folder: Path) -> None:
    """`python -m dashboard.data.build --output <tmp>` as a user runs it (interpreter start included)."""
    target = folder / "build-check.sqlite"
    seconds = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "dashboard.data.build", "--output", str(target)],
            cwd=ROOT,
            check=True,
            capture_output=True,
        )
        seconds.append(time.perf_counter() - started)
    value = median(seconds)
    bench.raw["build_s"] = seconds
    bench.add("database build (python -m dashboard.data.build)", round(value, 2), "s", TARGETS["build_s"], value)
    log(f"build: {value:.2f} s (runs {', '.join(f'{s:.2f}' for s in seconds)})")


def make_synthetic(bench: Bench, folder: Path, factor: int) -> Path:
    """The 100× database (bench/synthetic.py)."""
    path = folder / f"wallimage-x{factor}.sqlite"
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "bench.synthetic", "--output", str(path), "--factor", str(factor)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    seconds = time.perf_counter() - started
    bench.raw["synthetic_generation_s"] = seconds
    bench.add(f"synthetic ×{factor} database generation (info)", round(seconds, 2), "s")
    log(f"synthetic ×{factor} database: {seconds:.2f} s, {path.stat().st_size / 1e6:.1f} MB")
    return path


def cold_start(browser, script: Path, db_url: str | None, selector: str) -> tuple[float, App]:
    """Seconds from process start to `selector` visible, in a fresh browser context; the app keeps running."""
    context = browser.new_context(viewport=VIEWPORT)
    tab = context.new_page()
    app = App(script, db_url)
    try:
        app.start(poll=0.02)
        tab.goto(app.base + "/", wait_until="commit", timeout=60_000)
        tab.wait_for_selector(selector, state="visible", timeout=60_000)
        seconds = time.perf_counter() - app.started_at
    except BaseException:
        app.stop()
        context.close()
        raise
    app.context, app.tab = context, tab
    return seconds, app


def warm_renders(bench: Bench, tab, app: App, paths: list[tuple[str, str]], runs: int, label: str) -> dict[str, list]:
    """Per page: one warm-up visit, then `runs` timed visits (ms) in the same open tab.

    A page that does not render within the time limit is recorded as such and not retried; its
    script may still be running on the server (a stop only takes effect at the next Streamlit
    call), so the server is restarted and opened at the root before the next page is measured.
    """
    times: dict[str, list] = {}
    for name, path in paths:
        samples = []
        for attempt in range(runs + 1):
            try:
                value = timed_visit(tab, app.base + path, timeout=PAGE_TIMEOUT_MS)
            except Exception as problem:
                bench.note(
                    f"{label}: {name} did not render within {PAGE_TIMEOUT_MS // 1000} s ({type(problem).__name__}); "
                    "server restarted"
                )
                samples.append(None)
                app.restart()
                timed_visit(tab, app.base + "/", timeout=60_000)
                break
            errors = tab.evaluate(SCREEN_ERRORS_JS)
            if errors and attempt == 0:
                bench.note(f"{label}: {name} shows {len(errors)} error box(es): {errors[0][:120]}")
            if attempt:
                samples.append(value)
        times[name] = samples
    return times


def show_ms(times: dict[str, list]) -> str:
    """'page 123 ms, …' for the log; pages that did not render are marked."""
    shown = []
    for name, samples in times.items():
        value = median(samples)
        shown.append(f"{name} {value:.0f} ms" if value is not None else f"{name} did not render")
    return ", ".join(shown)


def navigate_in_app(tab, base: str, path: str) -> float | None:
    """Open a page through its sidebar link (same session); ms until rendered, None if opened by URL."""
    tab.evaluate(RUN_COUNTER_JS)
    before = tab.evaluate("() => window.__benchRuns")
    link = tab.locator(f'[data-testid="stSidebarNav"] a[href="{base}{path}"]')
    if not link.count() or not link.is_visible():  # presentation mode hides the sidebar
        tab.goto(base + path, wait_until="commit")
        wait_rendered(tab, PAGE_TIMEOUT_MS)
        return None
    started = tab.evaluate("() => performance.now()")
    link.click(timeout=15_000)
    finished = tab.wait_for_function(RUN_FINISHED_JS, arg=before, timeout=PAGE_TIMEOUT_MS, polling="raf").json_value()
    wait_rendered(tab, PAGE_TIMEOUT_MS)
    return finished - started


def visit_every_page_in_session(tab, base: str, paths, already_open: bool = False) -> dict[str, float | None]:
    """One session through every page: the first by URL (unless open already), then the sidebar links."""
    times = {}
    for index, (name, path) in enumerate(paths):
        if index == 0:
            times[name] = None if already_open else timed_visit(tab, base + path, timeout=60_000)
        else:
            try:
                times[name] = navigate_in_app(tab, base, path)
            except Exception:  # a click that did not finish in time: the page is opened by its URL instead
                times[name] = None
                tab.goto(base + path, wait_until="commit")
                wait_rendered(tab, PAGE_TIMEOUT_MS)
    return times


# performance.now() once the page's headline is visible: its title and, on a page with figure cards,
# the first figure (Streamlit metric), whatever else (charts, tables) is still being drawn.
HEADLINE_JS = """(withFigures) => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (!main) return false;
  const shown = node => node && node.innerText.trim() && node.getBoundingClientRect().height > 0;
  if (!shown(main.querySelector('h1, h2'))) return false;
  if (withFigures && !shown(main.querySelector('[data-testid="stMetricValue"]'))) return false;
  return performance.now();
}"""


def measure_headlines(bench: Bench, tab, base: str, paths, runs: int, frame: dict[str, list]) -> dict[str, list]:
    """Per page: navigation start → title and first row of figures visible, against the frame's render."""
    times: dict[str, list] = {}
    for name, path in paths:
        timed_visit(tab, base + path, timeout=PAGE_TIMEOUT_MS)
        with_figures = tab.locator('[data-testid="stMain"] [data-testid="stMetricValue"]').count() > 0
        samples = []
        for _ in range(runs):
            tab.goto(base + path, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
            samples.append(
                tab.wait_for_function(
                    HEADLINE_JS, arg=with_figures, timeout=PAGE_TIMEOUT_MS, polling="raf"
                ).json_value()
            )
            wait_rendered(tab, PAGE_TIMEOUT_MS)  # the run ends before the next visit starts
        times[name] = samples
        value, base_ms = median(samples), median(frame.get(name, []))
        ratio = value / base_ms if value and base_ms else None
        bench.add(
            f"time to headline {name}" + (" (title, first figures)" if with_figures else " (title)"),
            round(value) if value else None,
            "ms",
            TARGETS["headline_over_frame"],
            ratio,
            baseline=round(base_ms) if base_ms else None,
            ratio=round(ratio, 2) if ratio else None,
            target_text=f"≤ {TARGETS['headline_over_frame']}× frame",
        )
    bench.raw["headline_ms"] = times
    log(f"time to headline: {show_ms(times)}")
    return times


def measure_navigation(bench: Bench, tab, base: str, paths, rounds: int) -> None:
    """In-app navigation (sidebar link → rendered, same session), `rounds` times through every page; p95."""
    samples: dict[str, list] = {}
    for _ in range(rounds):
        for name, path in paths:
            try:
                value = navigate_in_app(tab, base, path)
            except Exception as problem:  # counted at the time limit: a visitor waited at least that long
                bench.note(f"in-app navigation to {name} not rendered within the limit ({type(problem).__name__})")
                value = float(PAGE_TIMEOUT_MS)
                tab.goto(base + path, wait_until="commit")
                wait_rendered(tab, PAGE_TIMEOUT_MS)
            if value is not None:
                samples.setdefault(name, []).append(value)
    values = sorted(v for page in samples.values() for v in page)
    bench.raw["navigation_ms"] = samples
    p95 = values[min(len(values) - 1, round(0.95 * (len(values) - 1)))] if values else None
    bench.add(
        f"in-app navigation p95 ({len(values)} sidebar clicks)",
        round(p95) if p95 is not None else None,
        "ms",
        TARGETS["navigation_p95_ms"],
        p95,
    )
    log(f"in-app navigation medians: {show_ms(samples)}; p95 {p95}")


def measure_capacity(bench: Bench, rounds: int) -> None:
    """Page runs per second of one server process, against the baseline commit (bench/capacity.py)."""
    from bench.capacity import BASELINE_REF, measure

    result = measure(BASELINE_REF, sessions=8, rounds=rounds, without=["orjson"])
    bench.raw["capacity"] = result
    base, current = result["baseline"], result["current"]
    bench.add(
        f"server capacity, page runs/s of one process (8 sessions; baseline {BASELINE_REF})",
        current["page_runs_per_s"],
        "runs/s",
        TARGETS["capacity_ratio"],
        result["capacity_ratio"],
        baseline=base["page_runs_per_s"],
        ratio=result["capacity_ratio"],
        target_text=f"≥ {TARGETS['capacity_ratio']}× baseline",
        at_least=True,
    )
    bench.add(
        "server CPU per page run (info; baseline ÷ value)",
        current["cpu_ms_per_run"],
        "ms",
        baseline=base["cpu_ms_per_run"],
        ratio=result["cpu_per_run_ratio"],
    )
    log(f"capacity: {json.dumps({k: result[k] for k in ('baseline', 'current')}, default=str)[:400]}")


def measure_memory(bench: Bench, browser, app: App, paths) -> None:
    """RSS of the server with 1 session (the open tab through every page), then 5 concurrent sessions."""
    in_app = visit_every_page_in_session(app.tab, app.base, paths, already_open=True)
    bench.raw["in_app_navigation_ms"] = in_app
    time.sleep(1)
    one = app.rss_bytes() / 1e6
    contexts = []
    for _ in range(4):
        context = browser.new_context(viewport=VIEWPORT)
        contexts.append(context)
        visit_every_page_in_session(context.new_page(), app.base, paths)
    time.sleep(1)
    five = app.rss_bytes() / 1e6
    bench.raw["memory_mb"] = {"1_session": one, "5_sessions": five}
    bench.add("server memory, 1 session (info)", round(one, 1), "MB")
    bench.add(
        "server memory, 5 concurrent sessions",
        round(five, 1),
        "MB",
        TARGETS["memory_5_sessions_mb"],
        five,
    )
    log(f"memory: {one:.1f} MB with 1 session, {five:.1f} MB with 5 sessions")
    for context in contexts:
        context.close()
    shown = ", ".join(f"{k} {v:.0f} ms" if v is not None else f"{k} (by URL)" for k, v in in_app.items())
    log(f"in-app navigation (sidebar link → rendered): {shown}")


def measure_slider(bench: Bench, tab, base: str, runs: int) -> None:
    """Scenario share slider: key press → first updated output, timed inside the browser."""
    timed_visit(tab, base + "/scenarios", timeout=30_000)
    sliders = tab.locator('[data-testid="stMain"] [data-testid="stSlider"] input[type="range"]')
    if sliders.count() == 0:
        bench.add("scenario slider → updated total", None, "ms", TARGETS["slider_ms"])
        bench.note("scenarios page has no slider yet (page under construction): slider latency not measured")
        return
    slider = sliders.first
    for index in range(sliders.count()):
        if sliders.nth(index).get_attribute("max") == "100":
            slider = sliders.nth(index)
            break
    label = slider.get_attribute("aria-label") or "?"
    tab.evaluate(RUN_COUNTER_JS)
    tab.evaluate(SLIDER_PROBE_JS)
    slider.focus()
    changes, finishes = [], []
    step_down = float(slider.input_value()) > float(slider.get_attribute("min") or 0)
    for index in range(runs + 1):
        before = tab.evaluate("() => window.__benchRuns")
        key = "ArrowLeft" if (index % 2 == 0) == step_down else "ArrowRight"
        slider.press(key)
        try:
            change = tab.wait_for_function(
                "() => window.__benchChange !== null ? window.__benchChange - window.__benchKey : false",
                timeout=10_000,
                polling="raf",
            ).json_value()
            finished = tab.wait_for_function(RUN_FINISHED_JS, arg=before, timeout=10_000, polling="raf").json_value()
        except Exception:
            bench.note(f"slider «{label}»: no output changed within 10 s of {key}")
            continue
        if index:  # the first press warms the caches of the new value
            changes.append(change)
            finishes.append(finished - tab.evaluate("() => window.__benchKey"))
    value = median(changes)
    bench.raw["slider_ms"] = {"label": label, "key_to_change": changes, "key_to_run_end": finishes}
    bench.add(
        "scenario slider → updated total (browser)",
        round(value) if value is not None else None,
        "ms",
        TARGETS["slider_ms"],
        value,
    )
    if finishes:
        bench.add("scenario slider → script run finished (info)", round(median(finishes)), "ms")
    log(f"slider «{label}»: key → output {value} ms; key → run end {median(finishes)} ms")


def measure_scenario_model(bench: Bench) -> None:
    """The pure scenario model (dashboard.scenarios.compute_scenario on the report's inputs), if it exists yet."""
    try:
        model = importlib.import_module("dashboard.scenarios")
        from dashboard.data.database import Database
        from dashboard.data.queries import execute

        database = Database(f"sqlite:///{REAL_DB}")
        try:
            latest = int(execute(database, "reports/reports", {"lang": "fr"})["report_year"].max())
            inputs = model.inputs_from_frame(execute(database, "scenarios/model_inputs", {"year": latest}))
        finally:
            database.dispose()
        share = model.share_from_percent(37)

        def call():
            return model.compute_scenario(inputs, share)

        call()
    except (ImportError, AttributeError, OSError) as problem:
        bench.note(f"pure scenario model not measured (module or query not there yet: {problem})")
        return
    timer = timeit.Timer(call)
    loops, _ = timer.autorange()
    samples = [seconds / loops * 1000 for seconds in timer.repeat(repeat=5, number=loops)]
    value = median(samples)
    bench.raw["scenario_model_ms"] = samples
    bench.add("scenario model call, pure (compute_scenario)", round(value, 3), "ms", TARGETS["slider_ms"], value)
    log(f"scenario model compute_scenario: {value:.3f} ms per call")


def shown_data_version(tab, base: str) -> str:
    """Text of the sidebar's About box (where the app shows the data version)."""
    try:
        timed_visit(tab, base + "/", timeout=PAGE_TIMEOUT_MS)
        about = tab.locator('[data-testid="stSidebar"] .st-key-about_data').first
        return about.inner_text(timeout=10_000).replace("\n", " ")
    except Exception as problem:
        return f"(About box not readable: {type(problem).__name__})"


def measure_frame(bench: Bench, browser, db_url: str, paths, runs: int, hello_ms: float) -> dict[str, list]:
    """Warm render of the dashboard's frame around each page's title only (bench/frame_app.py)."""
    app = App(FRAME_APP, db_url)
    app.start()
    try:
        context = browser.new_context(viewport=VIEWPORT)
        tab = context.new_page()
        timed_visit(tab, app.base + "/", timeout=60_000)
        times = warm_renders(bench, tab, app, paths, runs, "frame only")
        context.close()
    finally:
        app.stop()
    bench.raw["warm_ms_frame"] = times
    value = median([sample for samples in times.values() for sample in samples if sample])
    ratio = value / hello_ms if value and hello_ms else None
    bench.add(
        "warm render frame only (title, no content)",
        round(value) if value else None,
        "ms",
        baseline=round(hello_ms),
        ratio=round(ratio, 2) if ratio else None,
    )
    log(f"warm frame only: {show_ms(times)}")
    return times


def own_content(pages: dict[str, list], frame: dict[str, list]) -> str:
    """Each page's warm render as a multiple of the frame alone around the same title."""
    shown = []
    for name, samples in pages.items():
        page_ms, frame_ms = median(samples), median(frame.get(name, []))
        shown.append(f"{name} {page_ms / frame_ms:.2f}×" if page_ms and frame_ms else f"{name} —")
    return ", ".join(shown)


def add_warm_rows(bench: Bench, real: dict, frame: dict, label: str) -> None:
    """Each page's warm render against the frame alone around the same page's title (same run)."""
    for name, samples in real.items():
        value, base = median(samples), median(frame.get(name, []))
        ratio = value / base if value and base else None
        bench.add(
            f"{label} {name}",
            round(value) if value else None,
            "ms",
            TARGETS["page_over_frame"],
            ratio,
            baseline=round(base) if base else None,
            ratio=round(ratio, 2) if ratio else None,
            target_text=f"≤ {TARGETS['page_over_frame']}× frame",
        )


def run(runs: int, cold_runs: int, factor: int, output: Path, capacity_rounds: int = 2) -> Bench:
    from playwright.sync_api import sync_playwright

    bench = Bench()
    started = time.perf_counter()
    bench.raw["machine"] = machine()
    print_machine(bench.raw["machine"])
    paths = page_paths()
    real_url = f"sqlite:///{ensure_real_database()}"
    with tempfile.TemporaryDirectory(prefix="wallimage-bench-") as folder:
        folder = Path(folder)
        measure_build(bench, folder)
        synthetic = make_synthetic(bench, folder, factor)
        measure_scenario_model(bench)
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            hello_app = dashboard = None
            try:
                hello_cold, dashboard_cold = [], []
                for round_number in range(cold_runs):
                    for apps, script, url, selector in (
                        (hello_cold, HELLO_APP, None, '[data-testid="stMain"] h1'),
                        (dashboard_cold, DASHBOARD_APP, real_url, '[data-testid="stMetricValue"]'),
                    ):
                        seconds, app = cold_start(browser, script, url, selector)
                        apps.append(seconds)
                        if round_number == cold_runs - 1:
                            hello_app, dashboard = (app, dashboard) if script == HELLO_APP else (hello_app, app)
                        else:
                            app.context.close()
                            app.stop()
                log(
                    "cold start: hello "
                    + ", ".join(f"{s:.2f}" for s in hello_cold)
                    + " s; dashboard "
                    + ", ".join(f"{s:.2f}" for s in dashboard_cold)
                    + " s"
                )
                hello_cold_s, dashboard_cold_s = median(hello_cold), median(dashboard_cold)
                bench.raw["cold_start_s"] = {"hello": hello_cold, "dashboard": dashboard_cold}
                bench.add("cold start hello-world → first text", round(hello_cold_s, 2), "s")
                ratio = dashboard_cold_s / hello_cold_s
                bench.add(
                    "cold start dashboard → first overview figure",
                    round(dashboard_cold_s, 2),
                    "s",
                    TARGETS["cold_start_ratio"],
                    ratio,
                    baseline=round(hello_cold_s, 2),
                    ratio=round(ratio, 2),
                )

                hello_times = warm_renders(bench, hello_app.tab, hello_app, [("hello", "/")], runs, "hello-world")
                hello_times = hello_times["hello"]
                hello_ms = median(hello_times)
                bench.raw["warm_ms_hello"] = hello_times
                bench.add("warm render hello-world", round(hello_ms), "ms")
                log(f"warm hello-world: {hello_ms:.0f} ms")
                hello_app.context.close()
                hello_app.stop()
                hello_app = None

                frame_times = measure_frame(bench, browser, real_url, paths, runs, hello_ms)
                measure_memory(bench, browser, dashboard, paths)
                real_times = warm_renders(bench, dashboard.tab, dashboard, paths, runs, "real DB")
                bench.raw["warm_ms_real"] = real_times
                add_warm_rows(bench, real_times, frame_times, "warm render")
                log(f"warm pages (real DB): {show_ms(real_times)}")
                bench.raw["warm_page_over_frame"] = own_content(real_times, frame_times)
                log("warm pages ÷ the frame alone: " + bench.raw["warm_page_over_frame"])
                measure_headlines(bench, dashboard.tab, dashboard.base, paths, runs, frame_times)
                measure_navigation(bench, dashboard.tab, dashboard.base, paths, rounds=max(3, runs))
                measure_slider(bench, dashboard.tab, dashboard.base, runs)
                dashboard.context.close()
                dashboard.stop()
                dashboard = None

                syn_app = App(DASHBOARD_APP, f"sqlite:///{synthetic}")
                syn_app.start()
                try:
                    context = browser.new_context(viewport=VIEWPORT)
                    tab = context.new_page()
                    timed_visit(tab, syn_app.base + "/", timeout=60_000)
                    syn_times = warm_renders(bench, tab, syn_app, paths, runs, f"×{factor} DB")
                    syn_memory = syn_app.rss_bytes() / 1e6
                    version = shown_data_version(tab, syn_app.base)
                    context.close()
                finally:
                    syn_app.stop()
                bench.raw["warm_ms_synthetic"] = syn_times
                bench.raw["memory_mb"]["synthetic_1_session"] = syn_memory
                bench.raw["synthetic_about_box"] = version
                if f"synthetic-x{factor}" not in version:
                    bench.note(f"the About box does not show the synthetic data version (it shows: {version[:200]!r})")
                else:
                    log(f"About box on the ×{factor} DB: {version[:160]!r}")
                for name, samples in syn_times.items():
                    value, base = median(samples), median(real_times[name])
                    ratio = value / base if value and base else None
                    bench.add(
                        f"×{factor} DB warm render {name}",
                        round(value) if value else None,
                        "ms",
                        TARGETS["synthetic_ratio"],
                        ratio,
                        baseline=round(base) if base else None,
                        ratio=round(ratio, 2) if ratio else None,
                    )
                log(f"warm pages (×{factor} DB): {show_ms(syn_times)}")
            finally:
                for app in (hello_app, dashboard):
                    if app is not None:
                        app.stop()
                browser.close()
    if capacity_rounds:
        measure_capacity(bench, capacity_rounds)
    bench.raw["machine"]["load_average_end"] = [round(v, 2) for v in os.getloadavg()]
    bench.raw["total_s"] = time.perf_counter() - started
    return bench


def print_machine(info: dict) -> None:
    print("Machine")
    print(f"  CPU        {info['cpu']} ({info['cores']} cores), RAM {info['ram_gb']} GB")
    print(f"  load avg   {' '.join(str(v) for v in info['load_average'])} (1/5/15 min) at start")
    print(f"  versions   Python {info['python']}, Streamlit {info['streamlit']}, {info['chromium']}")
    print(f"  platform   {info['platform']}")
    print(flush=True)


def format_target(row: dict) -> str:
    target = row["target"]
    if target is None:
        return ""
    if row.get("target_text"):
        return row["target_text"]
    name = row["measure"]
    if name.startswith("cold start dashboard"):
        return f"≤ {target}× hello"
    if name.startswith("warm render"):
        return f"≤ {target}× hello"
    if name.startswith("×"):
        return f"≤ {target}× real DB"
    return f"≤ {target:g} {row['unit']}"


def print_table(bench: Bench) -> None:
    header = f"{'measure':<52} {'value':>10} {'baseline':>10} {'ratio':>7}  {'target':<16} status"
    print()
    print(header)
    print("-" * len(header))
    for row in bench.measures:
        value = "—" if row["value"] is None else f"{row['value']:g} {row['unit']}"
        baseline = "" if row["baseline"] is None else f"{row['baseline']:g} {row['unit']}"
        ratio = "" if row["ratio"] is None else f"{row['ratio']:.2f}×"
        print(f"{row['measure']:<52} {value:>10} {baseline:>10} {ratio:>7}  {format_target(row):<16} {row['status']}")
    print()
    print("baseline = hello-world (cold start, warm render) or the real database (×100 rows); ratio = value / baseline")
    for note in bench.notes:
        print(f"note: {note}")
    machine_info = bench.raw["machine"]
    print(
        f"load average {machine_info['load_average']} at start, {machine_info['load_average_end']} at end; "
        f"total {bench.raw['total_s']:.0f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed visits per page (median reported)")
    parser.add_argument("--cold-runs", type=int, default=3, help="cold starts per app (median reported)")
    parser.add_argument("--factor", type=int, default=100, help="size of the synthetic database")
    parser.add_argument(
        "--capacity-rounds", type=int, default=2, help="rounds of the server capacity measure (0: not measured)"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    args = parser.parse_args(argv)
    bench = run(args.runs, args.cold_runs, args.factor, args.output, args.capacity_rounds)
    print_table(bench)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "generated_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "targets": TARGETS,
        "measures": bench.measures,
        "notes": bench.notes,
        "raw": bench.raw,
    }
    args.output.write_text(json.dumps(document, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"results written to {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

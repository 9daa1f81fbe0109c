"""Truly offline: the app and Chromium run in a network namespace with nothing but loopback.

`unshare -n` gives the probe (bench/offline_probe.py) a namespace with no network at all; `ip link
set lo up` brings up its loopback so the browser can reach the server on 127.0.0.1. The probe
proves the isolation, opens every page in French and English, and reports what happened; a
screenshot of each page goes to artifacts/offline/. Where a namespace cannot be created (no
privilege), the probe runs in the normal network with every outside request blocked and recorded
by Playwright routing instead, and the tests say so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from conftest import ARTIFACTS, CHROMIUM, ROOT, skip_or_fail

from bench.browser import page_paths

pytestmark = pytest.mark.browser

PROBE = ROOT / "bench" / "offline_probe.py"
SCREENSHOTS = ARTIFACTS / "offline"
IP = shutil.which("ip") or "/usr/sbin/ip"


def namespace_problem() -> str | None:
    """Why a network namespace cannot be used here, or None when it can."""
    if not shutil.which("unshare"):
        return "unshare (util-linux) is not installed"
    try:
        done = subprocess.run(
            ["unshare", "-n", "sh", "-c", f"{IP} link set lo up"], capture_output=True, text=True, timeout=20
        )
    except (OSError, subprocess.TimeoutExpired) as problem:
        return f"unshare -n failed: {problem}"
    if done.returncode != 0:
        return f"unshare -n / ip link set lo up failed: {done.stderr.strip() or done.returncode}"
    return None


@pytest.fixture(scope="module")
def offline(fixture_db_url) -> dict:
    """The probe's summary (run once for all the tests of this module)."""
    if not Path(CHROMIUM).exists():
        skip_or_fail("Debian's chromium is not installed (make test installs it)")
    probe = [sys.executable, str(PROBE), "--db-url", fixture_db_url, "--screenshots", str(SCREENSHOTS)]
    problem = namespace_problem()
    if problem is None:
        command = ["unshare", "-n", "sh", "-c", f'{IP} link set lo up && exec "$0" "$@"', *probe]
    else:
        warnings.warn(f"no network namespace ({problem}): falling back to Playwright route blocking", stacklevel=1)
        command = [*probe, "--route-guard"]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=420)
    assert done.returncode == 0, f"offline probe failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    summary = json.loads(done.stdout.strip().splitlines()[-1])
    summary["namespace"] = problem is None
    summary["namespace_problem"] = problem
    ARTIFACTS.mkdir(exist_ok=True)
    (SCREENSHOTS / "summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False), encoding="utf-8")
    return summary


def test_the_probe_really_had_no_network(offline):
    network = offline["network"]
    if not offline["namespace"]:
        pytest.skip(f"no network namespace here ({offline['namespace_problem']}); route blocking was used")
    assert network["interfaces"] == ["lo"]
    assert network["outside_tcp"].startswith("failed")
    assert network["dns"].startswith("failed")
    assert network["isolated"] is True


def test_every_page_renders_offline_in_french_and_english(offline):
    pages = {(entry["page"], entry["lang"]): entry for entry in offline["pages"]}
    expected = [(name, lang) for lang in ("fr", "en") for name, _ in page_paths()]
    assert sorted(pages) == sorted(expected)
    for key in expected:
        entry = pages[key]
        assert entry["rendered"], (key, entry.get("problem"))
        assert entry["title"], f"{key}: no title (h1/h2) rendered"
        assert entry["screen_errors"] == [], (key, entry["screen_errors"])
        assert Path(entry["screenshot"]).is_file(), key
    for name, _ in page_paths():
        assert pages[(name, "fr")]["title"] != pages[(name, "en")]["title"], f"{name}: same title in FR and EN"


def test_overview_shows_the_report_totals_offline(offline):
    pages = {(entry["page"], entry["lang"]): entry for entry in offline["pages"]}
    french, english = pages[("overview", "fr")]["text"], pages[("overview", "en")]["text"]
    for figure in ("49", "7.094.800,00 €", "46.231.969,51 €", "651,63 %"):
        assert figure in french
    for figure in ("€7,094,800.00", "€46,231,969.51", "651.63%"):
        assert figure in english


def test_nothing_was_requested_outside_and_nothing_failed(offline):
    assert offline["outside_requests"] == []
    assert offline["page_errors"] == []
    assert offline["console_errors"] == []


def test_a_shared_link_works_as_the_first_request_after_start(offline):
    entry = offline["deep_link_first"]
    assert entry["rendered"], entry.get("problem")
    assert entry["screen_errors"] == []
    assert entry["title"]

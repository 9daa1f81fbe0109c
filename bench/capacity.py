"""Server capacity: page runs per second of one Streamlit process, this tree against a baseline commit.

    python -m bench.capacity                                  # baseline = BASELINE_REF, 8 sessions, 3 rounds
    python -m bench.capacity --baseline 86465cf --sessions 8 --rounds 3 --without orjson

Both apps are served by one `streamlit run` process each, with the same `.venv`, the same config and
the same machine, in alternating rounds (baseline, this tree, baseline, this tree, …) so that what
the machine does meanwhile weighs on both alike. The baseline is the commit `--baseline` checked out
in a temporary git worktree with its own database built by its own build. `--without orjson` hides
a package from the baseline's interpreter (a module of that name that fails to import, first on
its PYTHONPATH): the baseline then runs as it did before that package was a requirement.

A round: start the server, warm it (one session through every page, not counted), then
`--sessions` websocket sessions at once, each opening every page of the navigation in turn (odd
sessions in English; bench/cluster_load.py's sessions, straight to the server, no proxy), twice.
Measured: page runs per second (runs ÷ first request → last finished run), the server's CPU
seconds per page run (psutil, the process tree: the figure least disturbed by other load; one
process serves at most 1 ÷ that many runs per second on one core), p50/p95 of one run, and the
server's memory after 5 sessions went through every page. Everything stays on 127.0.0.1.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.browser import ROOT
from bench.cluster_load import cpu_seconds, drive, summarise

RESULTS = ROOT / "bench" / "results" / "capacity.json"
# The main branch before issue 19's changes: "today's" capacity, the goal's baseline.
BASELINE_REF = "86465cf"
MEMORY_SESSIONS = 5


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def baseline_tree(ref: str, folder: Path) -> Path:
    """A detached worktree of `ref` with its own database, built by its own build code."""
    tree = folder / f"baseline-{ref}"
    subprocess.run(["git", "worktree", "add", "--detach", str(tree), ref], cwd=ROOT, check=True, capture_output=True)
    subprocess.run([sys.executable, "-m", "dashboard.data.build"], cwd=tree, check=True, capture_output=True)
    return tree


def hidden_packages(folder: Path, names: list[str]) -> Path:
    """A folder of modules that refuse to import: first on PYTHONPATH, it hides the real packages."""
    shadow = folder / "hidden"
    shadow.mkdir(exist_ok=True)
    for name in names:
        (shadow / f"{name}.py").write_text(f"raise ImportError('{name} hidden by bench.capacity')\n", encoding="utf-8")
    return shadow


class Server:
    """`streamlit run streamlit_app.py` of one tree on a free port of 127.0.0.1."""

    def __init__(self, tree: Path, hidden: Path | None = None):
        self.tree, self.port = tree, free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, STREAMLIT_LOGGER_LEVEL="error")
        env.pop("WALLIMAGE_DB_URL", None)
        env["PYTHONPATH"] = os.pathsep.join([*([str(hidden)] if hidden else []), str(tree)])
        streamlit = Path(sys.executable).with_name("streamlit")
        self.process = subprocess.Popen(
            [str(streamlit), "run", "streamlit_app.py", "--server.port", str(self.port), "--server.headless", "true"],
            cwd=tree,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def __enter__(self) -> Server:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.base + "/_stcore/health", timeout=2):
                    return self
            except OSError:
                time.sleep(0.2)
        self.process.kill()
        raise RuntimeError(f"{self.tree} did not answer on {self.base} within 60 s")

    def __exit__(self, *_exc) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def rss_mb(self) -> float:
        import psutil

        process = psutil.Process(self.process.pid)
        return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 1e6


def one_round(tree: Path, sessions: int, hidden: Path | None) -> dict:
    """Start, warm, measure memory with 5 sessions, then the load; the figures of this round."""
    with Server(tree, hidden) as server:
        asyncio.run(drive(server.base, 1, cookies=[""]))  # warm: every page once, not counted
        asyncio.run(drive(server.base, MEMORY_SESSIONS, cookies=[""] * MEMORY_SESSIONS))
        memory = server.rss_mb()
        before = cpu_seconds(server.process.pid)
        runs, spans, times = 0, 0.0, []
        for _ in range(2):
            load = asyncio.run(drive(server.base, sessions, cookies=[""] * sessions, timeout=600))
            summary = summarise(load, 1)
            if summary["errors"]:
                raise RuntimeError(f"{tree.name}: {summary['errors']} errors, e.g. {summary['error_samples'][:2]}")
            runs += summary["page_runs"]
            spans += summary["seconds"]
            times += [t for values in load.times_ms.values() for t in values]
        cpu = cpu_seconds(server.process.pid) - before
    times.sort()
    return {
        "page_runs": runs,
        "page_runs_per_s": round(runs / spans, 2),
        "cpu_ms_per_run": round(cpu * 1000 / runs, 1),
        "page_run_ms_p50": round(statistics.median(times)),
        "page_run_ms_p95": round(times[int(0.95 * (len(times) - 1))]),
        "rss_mb_5_sessions": round(memory, 1),
    }


def measure(baseline: str, sessions: int, rounds: int, without: list[str]) -> dict:
    result = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "baseline": baseline, "sessions": sessions}
    result["load_average_start"] = [round(v, 2) for v in os.getloadavg()]
    with tempfile.TemporaryDirectory(prefix="wallimage-capacity-") as folder:
        tree = baseline_tree(baseline, Path(folder))
        hidden = hidden_packages(Path(folder), without) if without else None
        try:
            rows = {"baseline": [], "current": []}
            for number in range(rounds):
                for name, where, shadow in (("baseline", tree, hidden), ("current", ROOT, None)):
                    rows[name].append(one_round(where, sessions, shadow))
                    print(f"round {number + 1} {name}: {json.dumps(rows[name][-1])}", flush=True)
        finally:
            subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, capture_output=True)
    for name, values in rows.items():
        result[name] = {key: statistics.median(v[key] for v in values) for key in values[0]} | {"rounds": values}
    result["capacity_ratio"] = round(result["current"]["page_runs_per_s"] / result["baseline"]["page_runs_per_s"], 2)
    result["cpu_per_run_ratio"] = round(result["baseline"]["cpu_ms_per_run"] / result["current"]["cpu_ms_per_run"], 2)
    result["load_average_end"] = [round(v, 2) for v in os.getloadavg()]
    return result


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", default=BASELINE_REF, help="git commit of the baseline (today's capacity)")
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--without", nargs="*", default=["orjson"], help="packages hidden from the baseline")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = measure(args.baseline, args.sessions, args.rounds, args.without)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    base, current = result["baseline"], result["current"]
    print(f"\n{'':<26}{'baseline':>12}{'this tree':>12}{'ratio':>8}")
    rows = [
        ("page runs per second", "page_runs_per_s", result["capacity_ratio"]),
        ("server CPU ms per run", "cpu_ms_per_run", result["cpu_per_run_ratio"]),
        ("p50 ms of a run", "page_run_ms_p50", ""),
        ("RSS MB, 5 sessions", "rss_mb_5_sessions", ""),
    ]
    for label, key, ratio in rows:
        print(f"{label:<26}{base[key]:>12.1f}{current[key]:>12.1f}{ratio:>8}")


if __name__ == "__main__":
    main()

"""Load through the proxy: 100 websocket sessions against 1 replica, then 2, then a failover (`make bench-cluster`).

    python -m bench.cluster_load [--sessions 100] [--netns] [--db-url URL] [--output bench/results/cluster.json]

Each phase starts `make cluster`'s own cluster (deploy/cluster.py: nginx from the deployment
template, replicas with one cookie secret), warms every replica with one session through every page
(directly, not counted), then runs `--sessions` concurrent sessions through nginx. A session behaves
like a browser tab: it loads `/` (and gets the affinity cookie), opens the websocket
`/_stcore/stream` with that cookie and opens every page of the navigation in turn
(bench/ws_session.py); when its connection drops it reconnects through the proxy, as Streamlit's
frontend does, and reruns the page it was on, then goes on with the rest. Measured: page runs per
second (finished runs ÷ the time from the first request to the last finished run), p50/p95 time of
one page run (request → `script_finished`), errors, and the peak memory of each replica. Phase 3
kills one of two replicas (SIGKILL) when a third of the visits are done, and reports how the
sessions that were on it reconnected. Everything stays on 127.0.0.1 (or namespaces this run
creates), and every phase is bounded by `--timeout`.

Throughput is compared as a ratio measured in the same run (bench/README.md): on a 2-core machine
the load generator, nginx and the replicas share the same cores, so 2 replicas cannot reach 2×.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import time
import urllib.request
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path

from bench.browser import ROOT, page_paths
from bench.ws_session import open_page

RESULTS = ROOT / "bench" / "results" / "cluster.json"
RAMP_UP_S = 0.05
RECONNECT_ATTEMPTS = 20
RECONNECT_WINDOW_S = 30.0


@dataclass
class SessionLog:
    """What one session did: its visits, the replicas it was served by, its drops and reconnections."""

    number: int
    visits_done: int = 0
    replicas: list[str] = field(default_factory=list)
    drops: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    finished: bool = False


@dataclass
class Load:
    """Every session's log, page run times, finish times and memory samples of one phase."""

    sessions: list[SessionLog] = field(default_factory=list)
    times_ms: dict[str, list[float]] = field(default_factory=dict)
    finished_at: list[float] = field(default_factory=list)
    started: float = 0.0
    first_request: float | None = None
    rss_peak: dict[str, int] = field(default_factory=dict)
    killed: str | None = None
    killed_at_s: float | None = None

    @property
    def visits(self) -> int:
        return len(self.finished_at)


def session_visits(number: int) -> list[tuple[str, str]]:
    """(page name as sent, query string): every page of the navigation; odd sessions in English."""
    query = "lang=en" if number % 2 else ""
    return [("" if path == "/" else name, query) for name, path in page_paths()]


def affinity_cookie(base: str) -> str:
    """Load the app's page as a browser would; return the Cookie header nginx's answer asks for."""
    with urllib.request.urlopen(base + "/", timeout=30) as response:
        cookie = SimpleCookie()
        for header in response.headers.get_all("Set-Cookie") or []:
            cookie.load(header)
        return "; ".join(f"{key}={morsel.value}" for key, morsel in cookie.items())


def balanced_cookies(base: str, count: int, replicas: list[str], attempts: int = 400) -> list[str]:
    """`count` affinity cookies spread evenly over `replicas` (each first answer names its replica).

    The proxy hashes a random key onto a replica; tests ask for fresh keys until each replica has its
    share, so that "both replicas serve sessions" and "a third of the sessions were on the killed one"
    do not depend on luck.
    """
    wanted = {name: count // len(replicas) + (index < count % len(replicas)) for index, name in enumerate(replicas)}
    chosen: list[str] = []
    for _ in range(attempts):
        with urllib.request.urlopen(base + "/_stcore/health", timeout=30) as response:
            replica = response.headers.get("X-Wallimage-Replica")
            cookie = SimpleCookie()
            for header in response.headers.get_all("Set-Cookie") or []:
                cookie.load(header)
        if wanted.get(replica, 0) > 0 and "wallimage_route" in cookie:
            wanted[replica] -= 1
            chosen.append(f"wallimage_route={cookie['wallimage_route'].value}")
        if len(chosen) == count:
            return chosen
    raise RuntimeError(f"no even spread over {replicas} in {attempts} tries: {wanted} still wanted")


def connect(base: str, cookie: str):
    import websockets

    url = base.replace("http://", "ws://", 1) + "/_stcore/stream"
    headers = {"Cookie": cookie} if cookie else None
    return websockets.connect(
        url, subprotocols=["streamlit"], max_size=None, open_timeout=30, additional_headers=headers
    )


async def run_session(base: str, log: SessionLog, load: Load, page_timeout: float, cookie: str | None = None) -> None:
    """One tab: cookie, websocket, every page; on a dropped connection reconnect and rerun the current page."""
    await asyncio.sleep(log.number * RAMP_UP_S)
    visits = session_visits(log.number)
    if cookie is None:
        cookie = await asyncio.to_thread(affinity_cookie, base)
    dropped_at: float | None = None
    attempts = 0
    while log.visits_done < len(visits):
        try:
            async with connect(base, cookie) as websocket:
                replica = websocket.response.headers.get("X-Wallimage-Replica", "?")
                log.replicas.append(replica)
                if dropped_at is not None:
                    log.drops[-1].update(reconnected_to=replica, reconnect_s=round(time.perf_counter() - dropped_at, 2))
                    dropped_at = None
                while log.visits_done < len(visits):
                    page, query = visits[log.visits_done]
                    if load.first_request is None:
                        load.first_request = time.perf_counter()
                    visit = await open_page(websocket, page, query, page_timeout)
                    log.errors += visit.errors
                    load.times_ms.setdefault(visit.page, []).append(visit.milliseconds)
                    load.finished_at.append(time.perf_counter())
                    log.visits_done += 1
                    attempts = 0
        except Exception as problem:  # the connection dropped (replica killed) or could not open
            if dropped_at is None:
                dropped_at = time.perf_counter()
                log.drops.append(
                    {
                        "from": log.replicas[-1] if log.replicas else None,
                        "visit": log.visits_done,
                        "why": type(problem).__name__,
                    }
                )
            attempts += 1
            if attempts > RECONNECT_ATTEMPTS or time.perf_counter() - dropped_at > RECONNECT_WINDOW_S:
                log.errors.append(f"session {log.number}: gave up reconnecting after {attempts} attempts: {problem!r}")
                return
            await asyncio.sleep(min(2.0, 0.25 * attempts))
    log.finished = True


async def drive(
    base: str,
    sessions: int,
    rss=None,
    kill: tuple[str, object] | None = None,
    timeout: float = 600,
    page_timeout: float = 300,
    cookies: list[str] | None = None,
) -> Load:
    """`sessions` concurrent sessions through the proxy, bounded by `timeout`.

    `rss()` → {replica name: bytes} is sampled every half second; `kill` = (replica name, function)
    is called once a third of the visits are done (the failover). `cookies`: one affinity cookie per
    session (balanced_cookies), instead of the one each session's first page load gets.
    """
    load = Load(started=time.perf_counter())
    load.sessions = [SessionLog(number) for number in range(sessions)]
    expected = sum(len(session_visits(n)) for n in range(sessions))

    async def watch():
        while True:
            if rss is not None:
                for name, size in (await asyncio.to_thread(rss)).items():
                    load.rss_peak[name] = max(load.rss_peak.get(name, 0), size)
            if kill is not None and load.killed is None and load.visits >= expected // 3:
                load.killed = kill[0]
                load.killed_at_s = round(time.perf_counter() - load.started, 1)
                await asyncio.to_thread(kill[1])
            await asyncio.sleep(0.5)

    watcher = asyncio.create_task(watch())
    tasks = [
        asyncio.create_task(run_session(base, log, load, page_timeout, cookies[log.number] if cookies else None))
        for log in load.sessions
    ]
    try:
        done, pending = await asyncio.wait(tasks, timeout=timeout)
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        for task, log in zip(tasks, load.sessions):
            if task.cancelled():
                log.errors.append(f"session {log.number}: unfinished after {timeout} s ({log.visits_done} visits)")
            elif task.exception() is not None:
                log.errors.append(f"session {log.number}: crashed: {task.exception()!r}")
    finally:
        watcher.cancel()
        with suppress(asyncio.CancelledError):
            await watcher
    return load


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def summarise(load: Load, replicas: int) -> dict:
    """The figures of one phase (JSON-ready)."""
    times = [t for values in load.times_ms.values() for t in values]
    span = (max(load.finished_at) - load.first_request) if load.finished_at and load.first_request else None
    errors = [error for log in load.sessions for error in log.errors]
    served = {}
    for log in load.sessions:
        for name in log.replicas[:1]:
            served[name] = served.get(name, 0) + 1
    summary = {
        "replicas": replicas,
        "sessions": len(load.sessions),
        "page_runs": load.visits,
        "expected_page_runs": sum(len(session_visits(log.number)) for log in load.sessions),
        "seconds": round(span, 1) if span else None,
        "page_runs_per_s": round(load.visits / span, 2) if span else None,
        "page_run_ms_p50": round(statistics.median(times)) if times else None,
        "page_run_ms_p95": round(percentile(times, 0.95)) if times else None,
        "per_page_ms_p50": {name: round(statistics.median(v)) for name, v in load.times_ms.items()},
        "errors": len(errors),
        "error_samples": errors[:10],
        "sessions_finished": sum(log.finished for log in load.sessions),
        "first_replica_of_sessions": served,
        "replica_rss_peak_mb": {name: round(size / 1e6, 1) for name, size in sorted(load.rss_peak.items())},
    }
    if load.killed:
        on_killed = [log for log in load.sessions if any(d["from"] == load.killed for d in log.drops)]
        summary["failover"] = {
            "killed": load.killed,
            "killed_at_s": load.killed_at_s,
            "sessions_dropped": len(on_killed),
            "dropped_sessions_finished_elsewhere": sum(
                log.finished and all(d.get("reconnected_to") not in (None, load.killed) for d in log.drops)
                for log in on_killed
            ),
            "reconnect_s_max": max((d.get("reconnect_s", 0) for log in on_killed for d in log.drops), default=None),
            "reconnect_s_median": statistics.median(
                [d["reconnect_s"] for log in on_killed for d in log.drops if "reconnect_s" in d]
            )
            if on_killed
            else None,
            "other_sessions_dropped": sum(1 for log in load.sessions if log.drops and log not in on_killed),
        }
    return summary


def warm(cluster) -> None:
    """One session through every page on each replica directly (caches filled; not measured)."""

    async def one(base):
        from bench.ws_session import connect as direct

        async with direct(base) as websocket:
            for page, query in session_visits(0):
                await open_page(websocket, page, query, 120)

    async def every():
        await asyncio.gather(*(one(replica.base) for replica in cluster.members))

    asyncio.run(every())


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU seconds of a process and its children (None once it is gone)."""
    import psutil

    try:
        process = psutil.Process(pid)
        return sum(
            times.user + times.system
            for times in [process.cpu_times(), *(c.cpu_times() for c in process.children(recursive=True))]
        )
    except psutil.Error:
        return None


def phase(args, replicas: int, kill: int | None = None) -> dict:
    from deploy.cluster import Cluster, free_port

    user = "nobody" if os.geteuid() == 0 else None
    store = "sqlite-copy" if args.netns else "sqlite"
    with Cluster(
        replicas=replicas, port=free_port(), store=store, db_url=args.db_url, use_netns=args.netns, user=user
    ) as cluster:
        warm(cluster)
        pids = {r.name: r.process.pid for r in cluster.members} | {"nginx": cluster.nginx.pid}
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        generator_before, wall_before = time.process_time(), time.perf_counter()
        victim = None if kill is None else (cluster.members[kill].name, lambda: cluster.kill_replica(kill))
        load = asyncio.run(drive(cluster.base, args.sessions, cluster.rss, victim, timeout=args.timeout))
        summary = summarise(load, replicas)
        after = {name: cpu_seconds(pid) for name, pid in pids.items()}
        # Where the machine's CPU went during the phase: replicas, nginx, this load generator.
        summary["cpu_s"] = {
            name: round(after[name] - before[name], 1) if after[name] is not None else None for name in pids
        } | {"load_generator": round(time.process_time() - generator_before, 1)}
        summary["cpu_available_s"] = round((time.perf_counter() - wall_before) * (os.cpu_count() or 1), 1)
    return summary


def machine() -> dict:
    from bench.run_all import machine as info

    return info()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--netns", action="store_true", help="each replica in its own network namespace")
    parser.add_argument("--db-url", default=None, help="sqlite:///FILE (default: dashboard/data/wallimage.sqlite)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds allowed to each phase")
    parser.add_argument("--no-failover", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    result = {"when": datetime.now(UTC).isoformat(timespec="seconds"), "machine": machine(), "sessions": args.sessions}
    print(json.dumps(result["machine"]), flush=True)
    result["one"] = phase(args, 1)
    print(json.dumps(result["one"]), flush=True)
    result["two"] = phase(args, 2)
    print(json.dumps(result["two"]), flush=True)
    if result["one"]["page_runs_per_s"] and result["two"]["page_runs_per_s"]:
        result["throughput_ratio_2_to_1"] = round(
            result["two"]["page_runs_per_s"] / result["one"]["page_runs_per_s"], 2
        )
    if not args.no_failover:
        result["failover"] = phase(args, 2, kill=0)
        print(json.dumps(result["failover"]), flush=True)
    result["load_average_end"] = [round(v, 2) for v in os.getloadavg()]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    print_table(result)


def print_table(result: dict) -> None:
    print()
    print(f"{'phase':<22} {'runs/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'runs':>9}  replica peak RSS (MB)")
    for key, label in (("one", "1 replica"), ("two", "2 replicas"), ("failover", "2, one killed")):
        if key in result:
            row = result[key]
            runs = f"{row['page_runs']}/{row['expected_page_runs']}"
            print(
                f"{label:<22} {row['page_runs_per_s']!s:>7} {row['page_run_ms_p50']!s:>8} {row['page_run_ms_p95']!s:>8} "
                f"{row['errors']:>6} {runs:>9}  {row['replica_rss_peak_mb']}"
            )
    if "throughput_ratio_2_to_1" in result:
        print(f"throughput 2 replicas ÷ 1: {result['throughput_ratio_2_to_1']}× (goal ≥ 1.7×)")
    if "failover" in result:
        print(f"failover: {json.dumps(result['failover']['failover'])}")
    for key in ("one", "two", "failover"):
        if key in result and "cpu_s" in result[key]:
            print(f"CPU seconds ({key}): {result[key]['cpu_s']} of {result[key]['cpu_available_s']} available")


if __name__ == "__main__":
    main()

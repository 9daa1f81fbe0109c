"""Where a page spends its server time: run it through AppTest (warm caches) and print the hot spots.

    python -m bench.profile_page investment            # warm run time + top 25 by cumulative time
    python -m bench.profile_page --all                 # warm run time of every page, FR and EN
    python -m bench.profile_page map --db /tmp/x100.sqlite --top 40

This is a diagnosis tool, not a benchmark: AppTest runs the script in-process without a browser, so
its times are the server's script time only. `bench.run_all` measures what a user waits for.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("STREAMLIT_LOGGER_LEVEL", "error")  # AppTest warns about a missing ScriptRunContext


def _app(page: str, lang: str):
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
    if lang != "fr":
        at.query_params["lang"] = lang
    at.switch_page(f"dashboard/pages/{page}.py")
    return at


def warm_time(page: str, lang: str = "fr", runs: int = 3) -> float:
    """Median seconds of a fresh session's first run, after one run has warmed the caches."""
    _app(page, lang).run()
    samples = []
    for _ in range(runs):
        at = _app(page, lang)
        start = time.perf_counter()
        at.run()
        samples.append(time.perf_counter() - start)
        if at.exception:
            raise SystemExit(f"{page}: {at.exception[0].message}")
    return statistics.median(samples)


def profile(page: str, lang: str, top: int) -> str:
    """cProfile of the script thread only (AppTest runs the script in a thread of its own)."""
    from streamlit.runtime.scriptrunner import script_runner

    _app(page, lang).run()
    profiler = cProfile.Profile()
    original = script_runner.exec_func_with_error_handling

    def profiled(func, ctx):
        profiler.enable()
        try:
            return original(func, ctx)
        finally:
            profiler.disable()

    script_runner.exec_func_with_error_handling = profiled
    try:
        _app(page, lang).run()
    finally:
        script_runner.exec_func_with_error_handling = original
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main(argv=None) -> None:
    from dashboard.components.shell import PAGES

    names = [url for _, url, *_ in PAGES]
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("page", nargs="?", choices=names)
    parser.add_argument("--all", action="store_true", help="warm time of every page in both languages")
    parser.add_argument("--lang", default="fr", choices=("fr", "en"))
    parser.add_argument("--db", help="database file or URL (default: the app's)")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    if args.db:
        os.environ["WALLIMAGE_DB_URL"] = args.db if "://" in args.db else f"sqlite:///{Path(args.db).resolve()}"
    if args.all or not args.page:
        for name in names:
            times = {lang: warm_time(name, lang) for lang in ("fr", "en")}
            print(f"{name:14s} " + "  ".join(f"{lang} {seconds * 1000:7.0f} ms" for lang, seconds in times.items()))
        return
    print(f"{args.page} ({args.lang}): warm script run {warm_time(args.page, args.lang) * 1000:.0f} ms")
    print(profile(args.page, args.lang, args.top))


if __name__ == "__main__":
    main()

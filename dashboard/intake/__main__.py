"""Command line of the intake (Make targets wrap it; see the README, "For the fund's staff").

    python -m dashboard.intake template --year YEAR --out FILE.xlsx [--lang en]
    python -m dashboard.intake export --year YEAR --out FILE.xlsx [--lang en]
    python -m dashboard.intake check FILE.xlsx [more .csv sheets] [--lang en] [--annotated OUT.xlsx]
    python -m dashboard.intake import FILE.xlsx [more .csv sheets] [--lang en]

`check` lists every problem as `Sheet!Cell: message`, writes an annotated copy (FILE-problems.xlsx
by default) and exits 1 when there are problems, 0 when clean; `import` also writes the report's
seed folder and rebuilds the database, only when clean.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import sys
import tempfile
from pathlib import Path

from dashboard.data import database
from dashboard.data.build import REPORTS_DIR
from dashboard.data.errors import SeedError
from dashboard.intake import texts
from dashboard.intake.check import check_files, import_files
from dashboard.intake.workbook import annotated_copy, write_workbook

SEEDS_VARIABLE = "WALLIMAGE_SEEDS_DIR"


def seeds_dir(given: Path | None = None) -> Path:
    """The seeds folder: the option, else the WALLIMAGE_SEEDS_DIR environment variable, else the project's."""
    return Path(given or os.environ.get(SEEDS_VARIABLE) or database.SEEDS_DIR)


def report_data(seeds: Path, year: int) -> dict[str, list[dict[str, str]]] | None:
    """The seed rows (CSV text) of a report folder, by table; None if there is no such report."""
    folder = seeds / REPORTS_DIR / str(year)
    if not folder.is_dir():
        return None
    data = {}
    for path in sorted(folder.glob("*.csv")):
        with io.StringIO(path.read_text(encoding="utf-8"), newline="") as handle:
            data[path.stem] = list(csv.DictReader(handle))
    return data


def _save_atomically(path: Path, write) -> None:
    """Write through a temporary file beside the target, renamed into place (never half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        with open(temp, "wb") as out:
            write(out)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _read_inputs(paths: list[Path]) -> list[tuple[str, bytes]]:
    return [(path.name, path.read_bytes()) for path in paths]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dashboard.intake", description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=None, help="seeds folder (default: the project's)")
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("template", "export"):
        command = commands.add_parser(name)
        command.add_argument("--year", type=int, required=True)
        command.add_argument("--out", type=Path, required=True)
        command.add_argument("--lang", choices=texts.LANGUAGES, default="fr")
    for name in ("check", "import"):
        command = commands.add_parser(name)
        command.add_argument("files", type=Path, nargs="+")
        command.add_argument("--lang", choices=texts.LANGUAGES, default="fr")
        command.add_argument("--annotated", type=Path, default=None)
        if name == "import":
            command.add_argument("--output", type=Path, default=None, help="SQLite file to rebuild")
            command.add_argument("--url", default=None, help="database URL to rebuild")
    args = parser.parse_args(argv)
    seeds, lang = seeds_dir(args.seeds), args.lang
    if args.command in ("template", "export"):
        data = None
        if args.command == "export":
            data = report_data(seeds, args.year)
            if data is None:
                print(texts.text("cli_no_report", lang, year=args.year), file=sys.stderr)
                return 1
        _save_atomically(args.out, lambda out: write_workbook(out, args.year, data, lang))
        print(texts.text("cli_written", lang, path=args.out))
        return 0
    missing = [path for path in args.files if not path.is_file()]
    if missing:
        for path in missing:
            print(texts.text("problem_file", lang, found=path.name), file=sys.stderr)
        return 1
    files = _read_inputs(args.files)
    try:
        if args.command == "check":
            outcome, result = check_files(files, seeds), None
        else:
            outcome, result = import_files(files, seeds, args.output, args.url or os.environ.get(database.URL_VARIABLE))
    except SeedError as problem:  # the rebuild itself failed: the previous folder was put back
        print(texts.text("cli_build_failed", lang, detail=problem), file=sys.stderr)
        return 1
    for problem in outcome.problems:
        print(problem.line(lang))
    if outcome.problems:
        first = args.files[0]
        annotated = args.annotated or first.with_name(f"{first.stem}-{texts.text('sheet_problems', lang)}.xlsx")
        content = annotated_copy(outcome.book, outcome.problems, lang)
        _save_atomically(annotated, lambda out: out.write(content))
        print(texts.text("cli_problems", lang, count=len(outcome.problems), path=annotated), file=sys.stderr)
        if args.command == "import":
            print(texts.text("cli_not_imported", lang), file=sys.stderr)
        return 1
    if result is not None:
        folder = seeds / REPORTS_DIR / str(outcome.year)
        print(texts.text("cli_imported", lang, folder=folder, target=result.target))
    else:
        print(texts.text("cli_clean", lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())

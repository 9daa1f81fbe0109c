"""The README's "Latest run" table from the benchmark's results (bench/results/latest.json).

    python -m bench.report                 # print the Markdown
    python -m bench.report --write-readme  # replace the table under "### Latest run" in README.md

Only the heading line and the table are generated; the prose around them is written by a person
who has read the figures.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results" / "latest.json"
README = ROOT / "README.md"


def target_text(measure: dict) -> str:
    target, name = measure.get("target"), measure["measure"]
    if target is None:
        return ""
    if measure.get("target_text"):
        return measure["target_text"]
    if name.startswith(("cold start dashboard", "warm render")):
        return f"≤ {target}× hello"
    if name.startswith("×"):
        return f"≤ {target}× real DB"
    return f"≤ {target:g} {measure['unit']}"


def markdown(results: dict) -> str:
    """'### Latest run (...)' line, machine line and the table of every measure."""
    machine = results["raw"]["machine"]
    lines = [
        f"### Latest run ({results['generated_at']}, {machine['cpu']}, {machine['cores']} cores, "
        f"{machine['ram_gb']} GB, Python {machine['python']}, Streamlit {machine['streamlit']})",
        "",
        f"Load average {machine['load_average'][0]} at the start, {machine['load_average_end'][0]} at the end; "
        f"{machine['chromium']}, no GPU.",
        "",
        "| measure | value | baseline | ratio | target | status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in results["measures"]:
        value = "—" if row["value"] is None else f"{row['value']:g} {row['unit']}"
        baseline = "" if row.get("baseline") is None else f"{row['baseline']:g} {row['unit']}"
        ratio = "" if row.get("ratio") is None else f"{row['ratio']:.2f}×"
        lines.append(f"| {row['measure']} | {value} | {baseline} | {ratio} | {target_text(row)} | {row['status']} |")
    return "\n".join(lines) + "\n"


def write_readme(text: str, readme: Path = README) -> None:
    """Replace the generated block (from '### Latest run' to the end of its table)."""
    content = readme.read_text(encoding="utf-8")
    pattern = re.compile(r"### Latest run .*?\n(?:.*\n)*?(?:\|.*\|\n)+", re.MULTILINE)
    if not pattern.search(content):
        raise SystemExit(f"{readme} has no '### Latest run' block with a table to replace.")
    readme.write_text(pattern.sub(lambda _: text, content, count=1), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument("--write-readme", action="store_true")
    args = parser.parse_args(argv)
    if not args.results.exists():
        raise SystemExit(f"{args.results} does not exist: run `make bench` first.")
    text = markdown(json.loads(args.results.read_text(encoding="utf-8")))
    if args.write_readme:
        write_readme(text)
        print(f"README.md: latest run table replaced ({args.results.name})")
    else:
        print(text)


if __name__ == "__main__":
    main()

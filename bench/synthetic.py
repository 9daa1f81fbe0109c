"""A synthetic database N times the real one, for the scaling benchmark (never for figures).

Usage:
    python -m bench.synthetic --output /tmp/wallimage-x100.sqlite --factor 100

It builds the real database first (the normal build, with every check), copies it and multiplies
the fact rows: each of the 49 works, 35 gaming agreements and 31 places gets factor − 1 synthetic
siblings modelled on it (same sector, work type, origin, kind, town…), so the mix of the report is
kept while the volume grows. Amounts are drawn around the real distribution of the row's sector
(gaming: phase) — log-normal with the real rows' log mean and spread, clamped to a little beyond
their range — and the Walloon-spend ratio likewise, so ratios stay plausible. Titles, companies
and directors are named "Synthetic …"; places are jittered around their real town and kept inside
Belgium. History rows (real public figures) and every other table are left as they are, so some
printed aggregates and discrepancy records no longer match the sums: the app shows what is there.

The database is marked as synthetic: metadata `synthetic` = "true", `synthetic_factor`, and the
data version (shown in the app's About box) ends with "-synthetic-x<factor>".
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GEOJSON = ROOT / "dashboard" / "data" / "geo" / "belgium.geojson"
MULTIPLIED_TABLES = ("works", "work_directors", "work_countries", "gaming_agreements", "places")
SYNTHETIC_NOTE = "Synthetic row for the performance benchmark (bench/synthetic.py), modelled on {what}."
# Jitter of a synthetic place around its real town, in degrees (about 4–5 km).
JITTER_LATITUDE, JITTER_LONGITUDE = 0.04, 0.06


@dataclass
class Spread:
    """Log-normal description of a set of positive values (log mean, log spread, real range)."""

    mean: float
    sigma: float
    low: float
    high: float

    @classmethod
    def of(cls, values: list[float], default_sigma: float = 0.3) -> Spread:
        """Fit the spread of real values; a single value gets a default spread."""
        logs = [math.log(v) for v in values if v > 0]
        sigma = statistics.stdev(logs) if len(logs) > 1 else default_sigma
        return cls(statistics.fmean(logs), max(sigma, 0.05), min(values), max(values))

    def draw(self, rng: random.Random) -> float:
        """One value around the real distribution, kept within half/double its real range."""
        value = math.exp(rng.gauss(self.mean, self.sigma))
        return min(max(value, self.low / 2), self.high * 2)


@dataclass
class Summary:
    """What the generator wrote."""

    output: str
    factor: int
    rows: dict[str, int] = field(default_factory=dict)
    data_version: str = ""
    seconds: float = 0.0


def _rows(con: sqlite3.Connection, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _insert(con: sqlite3.Connection, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    columns = [row[1] for row in con.execute(f"PRAGMA table_info({table})")]
    marks = ", ".join("?" for _ in columns)
    con.executemany(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
        [tuple(row.get(c) for c in columns) for row in rows],
    )


def _spreads(rows: list[dict], group: str, amount: str, spend: str) -> dict[str, tuple[Spread, Spread]]:
    """Per group (sector or phase): spread of the amount and of the spend/amount ratio."""
    by_group: dict[str, list[dict]] = {}
    for row in rows:
        by_group.setdefault(row[group], []).append(row)
    return {
        key: (
            Spread.of([r[amount] for r in members]),
            Spread.of([r[spend] / r[amount] for r in members if r[amount]], default_sigma=0.2),
        )
        for key, members in by_group.items()
    }


def _amounts(spreads: tuple[Spread, Spread], rng: random.Random, step_cents: int) -> tuple[int, int, int]:
    """(amount, spend, ratio in basis points) drawn around a group's real values; amount rounded to a step."""
    amount_spread, ratio_spread = spreads
    amount = max(step_cents, round(amount_spread.draw(rng) / step_cents) * step_cents)
    spend = round(amount * ratio_spread.draw(rng))
    return amount, spend, round(spend * 10_000 / amount)


def multiply_works(con: sqlite3.Connection, factor: int, rng: random.Random) -> None:
    """Add factor − 1 synthetic siblings of every work, with directors and co-producing countries."""
    works = _rows(con, "SELECT * FROM works ORDER BY work_id")
    directors, countries = {}, {}
    for row in _rows(con, "SELECT * FROM work_directors ORDER BY work_id, ordinal"):
        directors.setdefault(row["work_id"], []).append(row)
    for row in _rows(con, "SELECT * FROM work_countries ORDER BY work_id, ordinal"):
        countries.setdefault(row["work_id"], []).append(row)
    spreads = _spreads(works, "sector", "investment_cents", "walloon_spend_cents")
    companies = len({w["depositary_company"] for w in works}) * factor
    next_id = max(w["work_id"] for w in works) + 1
    next_director = 1
    new_works, new_directors, new_countries = [], [], []
    for copy in range(1, factor):
        for template in works:
            work_id = next_id
            next_id += 1
            investment, spend, ratio_bp = _amounts(spreads[template["sector"]], rng, 50_000)
            names = []
            for row in directors.get(template["work_id"], []):
                names.append(f"Synthetic Director {next_director}")
                new_directors.append({**row, "work_id": work_id, "director_name": names[-1]})
                next_director += 1
            new_countries += [{**row, "work_id": work_id} for row in countries.get(template["work_id"], [])]
            new_works.append(
                {
                    **template,
                    "work_id": work_id,
                    "title": f"Synthetic work {work_id}",
                    "depositary_company": f"SYNTHETIC COMPANY {rng.randint(1, companies)} SRL",
                    "directors": ", ".join(names) or template["directors"],
                    "investment_cents": investment,
                    "walloon_spend_cents": spend,
                    "ratio_printed_bp": ratio_bp,
                    "note": SYNTHETIC_NOTE.format(what=f"work {template['work_id']} (copy {copy})"),
                }
            )
    _insert(con, "works", new_works)
    _insert(con, "work_directors", new_directors)
    _insert(con, "work_countries", new_countries)


def multiply_gaming(con: sqlite3.Connection, factor: int, rng: random.Random) -> None:
    """Add factor − 1 synthetic siblings of every gaming agreement (same phase, never in the 2024 call)."""
    agreements = _rows(con, "SELECT * FROM gaming_agreements ORDER BY agreement_no")
    spreads = _spreads(agreements, "phase", "committed_cents", "validated_spend_cents")
    next_no = max(a["agreement_no"] for a in agreements) + 1
    rows = []
    for copy in range(1, factor):
        for template in agreements:
            committed, spend, ratio_bp = _amounts(spreads[template["phase"]], rng, 100)
            rows.append(
                {
                    **template,
                    "agreement_no": next_no,
                    "project": f"Synthetic game {next_no}",
                    "company": f"SYNTHETIC GAME STUDIO {next_no} SRL",
                    "committed_cents": committed,
                    "validated_spend_cents": spend,
                    # The 2024 call's own table is not multiplied: keep the flag consistent with it.
                    "in_year_call": 0,
                    "note": SYNTHETIC_NOTE.format(what=f"agreement {template['agreement_no']} (copy {copy})"),
                }
            )
            next_no += 1
    _insert(con, "gaming_agreements", rows)


def _belgium_shapes() -> dict[str, object]:
    """Prepared polygons: the country and, per region, the area a town's siblings must stay in."""
    from shapely.geometry import shape
    from shapely.prepared import prep

    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    shapes = {}
    for feature in features:
        properties = feature["properties"]
        if properties["kind"] == "country":
            shapes["country"] = prep(shape(feature["geometry"]))
        elif properties["kind"] == "region" and properties["region"] == "Walloon":
            shapes["Walloon"] = prep(shape(feature["geometry"]))
    return shapes


def jitter(latitude: float, longitude: float, area, country, rng: random.Random, tries: int = 200) -> tuple:
    """A point a few km from (latitude, longitude), inside `area` (and Belgium); the town itself if none found."""
    from shapely.geometry import Point

    for _ in range(tries):
        lat = round(latitude + rng.gauss(0, JITTER_LATITUDE), 5)
        lon = round(longitude + rng.gauss(0, JITTER_LONGITUDE), 5)
        point = Point(lon, lat)
        if country.contains(point) and (area is None or area.contains(point)):
            return lat, lon
    return latitude, longitude


def multiply_places(con: sqlite3.Connection, factor: int, rng: random.Random) -> None:
    """Add factor − 1 synthetic siblings of every place, jittered around its town, inside Belgium."""
    places = _rows(con, "SELECT * FROM places ORDER BY place_id")
    regions = {row["town"]: row["region"] for row in _rows(con, "SELECT town, region FROM towns")}
    shapes = _belgium_shapes()
    rows = []
    number = 1
    for _copy in range(1, factor):
        for template in places:
            latitude, longitude = jitter(
                template["latitude"],
                template["longitude"],
                shapes.get(regions.get(template["town"], "")),
                shapes["country"],
                rng,
            )
            rows.append(
                {
                    **template,
                    "place_id": f"synthetic_{number:05d}",
                    "name": f"Synthetic place {number}",
                    "portfolio_company": None,
                    "description_fr": f"Lieu fictif du banc d’essai, modelé sur « {template['name']} ».",
                    "description_en": f"Fictitious benchmark place, modelled on « {template['name']} ».",
                    "latitude": latitude,
                    "longitude": longitude,
                    "note": SYNTHETIC_NOTE.format(what=f"place {template['place_id']}"),
                }
            )
            number += 1
    _insert(con, "places", rows)


def mark_synthetic(con: sqlite3.Connection, factor: int) -> str:
    """Metadata that says, everywhere the app shows it, that this database is synthetic."""
    meta = dict(con.execute("SELECT meta_key, meta_value FROM metadata").fetchall())
    version = f"{meta['data_version']}-synthetic-x{factor}"
    updates = {
        "data_version": version,
        "synthetic": "true",
        "synthetic_factor": str(factor),
        "report": f"{meta.get('report', '')} — SYNTHETIC ×{factor} (benchmark data, not real figures)",
    }
    for key, value in updates.items():
        con.execute(
            "INSERT INTO metadata (meta_key, meta_value) VALUES (?, ?) "
            "ON CONFLICT (meta_key) DO UPDATE SET meta_value = excluded.meta_value",
            (key, value),
        )
    return version


def generate(output: Path, factor: int = 100, seed: int = 2024) -> Summary:
    """Build the real database, multiply its fact rows by `factor`, write `output` atomically."""
    from dashboard.data.build import build

    if factor < 1:
        raise ValueError("factor must be at least 1")
    started = time.perf_counter()
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="wallimage-synthetic-") as folder:
        real = Path(folder) / "real.sqlite"
        build(output=real)
        work = Path(folder) / "synthetic.sqlite"
        shutil.copyfile(real, work)
        con = sqlite3.connect(work)
        try:
            multiply_works(con, factor, rng)
            multiply_gaming(con, factor, rng)
            multiply_places(con, factor, rng)
            version = mark_synthetic(con, factor)
            con.commit()
            con.execute("VACUUM")
            rows = {table: con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in MULTIPLIED_TABLES}
        finally:
            con.close()
        os.chmod(work, 0o644)
        # Same folder as the target: the rename is atomic, a reader never sees half a file.
        handle, staged = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=output.parent)
        os.close(handle)
        shutil.copyfile(work, staged)
        os.chmod(staged, 0o644)
        os.replace(staged, output)
    return Summary(str(output), factor, rows, version, time.perf_counter() - started)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, required=True, help="SQLite file to write")
    parser.add_argument("--factor", type=int, default=100, help="how many times the real fact rows (default 100)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (the output is reproducible)")
    args = parser.parse_args(argv)
    summary = generate(args.output, args.factor, args.seed)
    counts = ", ".join(f"{table} {count}" for table, count in summary.rows.items())
    print(
        f"Wrote {summary.output} (SYNTHETIC ×{summary.factor}, data version {summary.data_version}) "
        f"in {summary.seconds:.2f} s: {counts}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

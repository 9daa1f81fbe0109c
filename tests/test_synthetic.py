"""The synthetic benchmark database (bench/synthetic.py): N× the fact rows, clearly marked, same schema."""

from __future__ import annotations

import json
import sqlite3

import pytest
from shapely.geometry import Point, shape

from bench.synthetic import GEOJSON, MULTIPLIED_TABLES, generate
from dashboard.data.database import Database
from dashboard.data.queries import execute

FACTOR = 3


@pytest.fixture(scope="module")
def synthetic_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "wallimage-x3.sqlite"
    summary = generate(path, factor=FACTOR, seed=7)
    assert summary.rows["works"] == 49 * FACTOR
    return path


@pytest.fixture(scope="module")
def synthetic(synthetic_path):
    con = sqlite3.connect(f"file:{synthetic_path}?mode=ro", uri=True)
    yield con
    con.close()


def count(con, table: str, where: str = "1 = 1") -> int:
    return con.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}").fetchone()[0]


def test_fact_rows_are_multiplied_by_the_factor(synthetic, db):
    for table in MULTIPLIED_TABLES:
        real = db.query_sql(f"SELECT COUNT(*) AS n FROM {table}").frame["n"][0]
        assert count(synthetic, table) == real * FACTOR, table
    # The real report: 49 works, 35 gaming agreements.
    assert count(synthetic, "works") == 147
    assert count(synthetic, "gaming_agreements") == 105


def test_reference_tables_and_history_are_unchanged(synthetic, db):
    for table in ("history", "sources", "discrepancies", "report_aggregates", "scenario_published_totals", "towns"):
        real = db.query_sql(f"SELECT * FROM {table}").frame
        copy = [tuple(row) for row in synthetic.execute(f"SELECT * FROM {table}").fetchall()]
        assert len(copy) == len(real), table
    assert count(synthetic, "history") == db.query_sql("SELECT COUNT(*) AS n FROM history").frame["n"][0]


def test_database_is_marked_synthetic(synthetic_path, db):
    database = Database(f"sqlite:///{synthetic_path}")
    try:
        meta = database.metadata
    finally:
        database.dispose()
    assert meta["synthetic"] == "true"
    assert meta["synthetic_factor"] == str(FACTOR)
    assert meta["data_version"] == f"{db.metadata['data_version']}-synthetic-x{FACTOR}"
    assert "SYNTHETIC" in meta["report"]


def test_real_rows_are_kept_and_synthetic_rows_are_named_as_such(synthetic):
    assert synthetic.execute("SELECT title FROM works WHERE work_id = 1").fetchone()[0] == "Jeunes Mères"
    titles = [r[0] for r in synthetic.execute("SELECT title FROM works WHERE work_id > 49")]
    assert len(titles) == 98 and all(t.startswith("Synthetic work ") for t in titles)
    names = [r[0] for r in synthetic.execute("SELECT director_name FROM work_directors WHERE work_id > 49")]
    assert names and all(n.startswith("Synthetic Director ") for n in names)
    companies = [r[0] for r in synthetic.execute("SELECT depositary_company FROM works WHERE work_id > 49")]
    assert all(c.startswith("SYNTHETIC COMPANY ") for c in companies)
    assert count(synthetic, "works", "work_id > 49 AND note LIKE 'Synthetic row%'") == 98
    # No synthetic agreement claims to be in the 2024 call (that table is not multiplied).
    assert count(synthetic, "gaming_agreements", "agreement_no > 35 AND in_year_call = 1") == 0


def test_synthetic_amounts_stay_plausible(synthetic, db):
    real = db.query_sql(
        "SELECT sector, MIN(investment_cents) AS low, MAX(investment_cents) AS high FROM works GROUP BY sector"
    ).frame.set_index("sector")
    rows = synthetic.execute(
        "SELECT sector, investment_cents, walloon_spend_cents, ratio_printed_bp FROM works WHERE work_id > 49"
    ).fetchall()
    for sector, investment, spend, ratio_bp in rows:
        assert real.loc[sector, "low"] / 2 <= investment <= real.loc[sector, "high"] * 2
        assert ratio_bp == round(spend * 10_000 / investment)
        # Real 2024 ratios go from 201,81 % to 1.170,61 %: synthetic ones stay within half/double that.
        assert 10_000 <= ratio_bp <= 2 * 117_062

    # Every synthetic work has the co-producing countries of its model: same shares, once per copy.
    def share_sums(where: str) -> list[int]:
        sql = f"SELECT SUM(share_bp) FROM work_countries WHERE {where} GROUP BY work_id ORDER BY 1"
        return [r[0] for r in synthetic.execute(sql)]

    assert sorted(share_sums("work_id <= 49") * (FACTOR - 1)) == share_sums("work_id > 49")


def test_synthetic_places_stay_inside_belgium(synthetic):
    features = json.loads(GEOJSON.read_text(encoding="utf-8"))["features"]
    belgium = shape(next(f for f in features if f["properties"]["kind"] == "country")["geometry"])
    places = synthetic.execute("SELECT latitude, longitude FROM places WHERE place_id LIKE 'synthetic_%'").fetchall()
    assert len(places) == 31 * (FACTOR - 1)
    assert all(belgium.contains(Point(lon, lat)) for lat, lon in places)
    # Jittered, not stacked on the town centre.
    assert len(set(places)) > len(places) * 0.9


def test_overview_queries_run_on_the_synthetic_database(synthetic_path, db):
    database = Database(f"sqlite:///{synthetic_path}")
    try:
        totals = execute(database, "overview/coproduction_totals", {"year": 2024}).iloc[0]
        sectors = execute(database, "overview/totals_by_sector", {"year": 2024}).set_index("sector")
        places = execute(database, "overview/place_count", {"year": 2024}).iloc[0]
    finally:
        database.dispose()
    assert totals["works"] == 49 * FACTOR
    # The 49 real works are still there: the total is at least the report's 7.094.800,00 €.
    assert totals["investment_cents"] > 709_480_000
    assert sectors.loc["live_action", "works"] == 35 * FACTOR
    assert sectors.loc["tv_format", "works"] == 1 * FACTOR
    real_places = db.query_sql("SELECT COUNT(*) AS n FROM places WHERE status = 'active'").frame["n"][0]
    assert places["places"] == real_places * FACTOR

"""A report that does not publish a table: it keeps the table's header and no rows, the build passes and
every page says so in one plain sentence, in French and English, instead of failing or drawing nothing.

The seeds are copied, the FICTITIOUS report of tests/fixtures/fictitious_report.py is added, and some of
its tables are emptied (header kept): its carbon sample and breakdown, its video-game call, its published
scenarios and its company portfolio. Its recorded inconsistencies about those tables go too (a report
records no inconsistency in a table it does not publish). Nothing here changes code, SQL or texts.
"""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3

import pytest
from conftest import run_app
from fixtures.fictitious_report import FICTITIOUS_YEAR, add_fictitious_report

from dashboard.components.i18n import translate
from dashboard.data.build import build
from dashboard.data.database import SEEDS_DIR

EMPTIED = (
    "carbon_footprints",
    "carbon_shoots",
    "carbon_posts",
    "gaming_call",
    "gaming_call_totals",
    "scenario_published",
    "scenario_published_totals",
    "portfolio_companies",
    "portfolio_memberships",
    "portfolio_outstanding",
)
# A check key names its table first, or the table it is compared with ('enterprise_returns:*:vs_portfolio').
TOPICS = ("carbon_", "gaming_call", "scenario_published", "portfolio")
PAGES = ("overview", "investment", "scenarios", "carbon", "map", "sources", "presentation")


def _rewrite(path, keep) -> int:
    """Keep the header and the rows for which keep(row) holds; returns how many rows went."""
    with path.open(encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    kept = [row for row in rows if keep(dict(zip(header, row)))]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([header, *kept])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return len(rows) - len(kept)


@pytest.fixture(scope="module")
def with_absent_tables(tmp_path_factory):
    """Seeds with the 2024 report and a fictitious one that publishes none of EMPTIED, built."""
    folder = tmp_path_factory.mktemp("absent_tables")
    seeds = folder / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    report = add_fictitious_report(seeds)
    for name in EMPTIED:
        assert _rewrite(report / f"{name}.csv", lambda row: False) > 0, name
    dropped = _rewrite(
        report / "discrepancies.csv", lambda row: not any(topic in row["check_keys"] for topic in TOPICS)
    )
    assert dropped > 0
    return folder / "absent.sqlite", build(seeds, output=folder / "absent.sqlite")


@pytest.fixture
def absent_env(monkeypatch, with_absent_tables):
    monkeypatch.setenv("WALLIMAGE_DB_URL", f"sqlite:///{with_absent_tables[0]}")


def test_the_build_passes_and_keeps_the_tables_without_rows(with_absent_tables):
    path, result = with_absent_tables
    single = build(SEEDS_DIR, output=path.parent / "one.sqlite")
    # A rule whose printed side has no rows checks nothing; a rule comparing with an absent table neither.
    assert single.checks < result.checks < 2 * single.checks
    with sqlite3.connect(path) as con:
        for name in EMPTIED:
            counts = dict(con.execute(f"SELECT report_year, COUNT(*) FROM {name} GROUP BY report_year").fetchall())
            assert counts.get(2024, 0) > 0 and FICTITIOUS_YEAR not in counts, name


RUNS = [(page, {}) for page in PAGES] + [
    ("investment", {"tab": "gaming"}),
    ("presentation", {"slide": "3"}),
]


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("page", "params"), RUNS, ids=lambda v: v if isinstance(v, str) else "-".join(v.values()))
def test_every_page_renders_a_report_without_some_tables(absent_env, page, params, lang):
    at = run_app(f"dashboard/pages/{page}.py", lang=lang, params=params)
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]
    assert at.session_state["report_year"] == str(FICTITIOUS_YEAR)


def sentence(what: str, lang: str) -> str:
    return translate("common.not_published", lang, what=translate(f"common.absent_{what}", lang))


EXPECTED = {
    ("overview", ""): ("scenarios", "carbon_sample", "gaming_call"),
    ("carbon", ""): ("carbon_sample", "carbon_posts"),
    ("scenarios", ""): ("scenarios",),
    ("investment", "gaming"): ("gaming_call",),
    ("presentation", "3"): ("scenarios",),
}


@pytest.mark.parametrize("lang", ["fr", "en"])
@pytest.mark.parametrize(("page", "value"), list(EXPECTED), ids=lambda v: v or "-")
def test_each_absent_section_says_so_in_one_sentence(absent_env, page, value, lang):
    params = {"tab": value} if page == "investment" else {"slide": value} if page == "presentation" else {}
    at = run_app(f"dashboard/pages/{page}.py", lang=lang, params=params)
    notices = [notice.value for notice in at.info]
    for what in EXPECTED[(page, value)]:
        assert notices.count(sentence(what, lang)) == 1, (what, notices)
    assert sentence("carbon_sample", "fr").startswith("Ce rapport ne publie pas ")
    assert sentence("gaming_call", "en").startswith("This report does not publish ")
    assert not at.get("plotly_chart") or page != "scenarios"  # no empty chart


def test_the_earlier_report_still_shows_every_section(absent_env):
    at = run_app("dashboard/pages/carbon.py", params={"year": "2024"})
    assert not at.exception and not any("ne publie pas" in notice.value for notice in at.info)
    assert any(m.label == "3 projets « environ 200 » (tCO2e chacun)" for m in at.metric)

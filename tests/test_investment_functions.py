"""Pure functions and figures of the investment page, on the fixture database's real rows."""

from __future__ import annotations

import io
import math

import openpyxl
import pandas as pd
import pytest

from dashboard import explorer
from dashboard import investment as inv
from dashboard.components import investment_labels as labelled
from dashboard.components.charts_breakdown import build_breakdown_figure, build_countries_figure, build_posts_figure
from dashboard.components.charts_investment import build_history_figure, build_peers_figure, build_periods_figure
from dashboard.components.export import to_xlsx_bytes
from dashboard.components.i18n import catalogue
from dashboard.components.investment_cards import PARAM_SPEC
from dashboard.components.permalink import parse_params, to_query
from dashboard.data.database import ROOT
from dashboard.data.queries import execute


@pytest.fixture(scope="module")
def history(db):
    frame = execute(
        db, "investment/history_by_fund", {"funds": [inv.OWN_FUND, *inv.PEER_FUNDS], "scopes": list(inv.SCOPES)}
    )
    return inv.history_values(frame)


def singles(history):
    return history[(history["fund"] == inv.OWN_FUND) & (history["scope"] == "single_year")]


def test_query_params_select_all_when_empty():
    params = inv.query_params({"sector": [], "type": ["feature"], "origin": None, "role": ["minority", "bogus"]})
    assert params == {
        "sectors": list(inv.SECTORS),
        "work_types": ["feature"],
        "origins": list(inv.ORIGINS),
        "roles": ["minority"],
    }
    assert inv.active_filters({"sector": list(inv.SECTORS), "type": ["series"]}) == {"type": ["series"]}


def test_url_parameters_round_trip():
    raw = {"sector": "live_action,animation", "type": "feature", "origin": "france", "role": "minority"}
    parsed = parse_params(raw, PARAM_SPEC)
    assert parsed.dropped == []
    assert parsed.values["sector"] == ["live_action", "animation"] and parsed.values["q"] == ""
    assert to_query(parsed.values, PARAM_SPEC) == raw
    bad = parse_params({"sector": "cinema,animation", "colour": "red"}, PARAM_SPEC)
    assert bad.values["sector"] == ["animation"] and set(bad.dropped) == {("sector", "cinema"), ("colour", None)}


def test_filters_context_for_the_xlsx_sheet():
    context = labelled.filters_context({"sector": ["animation"], "role": ["minority"], "q": "Blitz"}, "fr")
    assert context == {
        "Secteur": "Animation",
        "Type d’œuvre": "Tous",
        "Origine du projet": "Tous",
        "Coproduction majoritaire / minoritaire": "Minoritaire",
        "Rechercher (titre, société, réalisateur·rice, pays)": "Blitz",
    }
    data = to_xlsx_bytes(pd.DataFrame({"a": [1]}), context, "fr")
    sheet = openpyxl.load_workbook(io.BytesIO(data))["contexte"]
    rows = {r[0]: r[1] for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert rows["Secteur"] == "Animation" and rows["Coproduction majoritaire / minoritaire"] == "Minoritaire"


def test_breakdown_table_ratios_and_shares(db):
    frame = labelled.breakdown_table(
        execute(db, "investment/totals_by_sector", {"year": 2024, **inv.query_params({})}), "sector", "en"
    )
    rows = frame.set_index("sector")
    assert rows.loc["Live action", "ratio_pct"] == 638.63
    assert rows.loc["Animation", "ratio_pct"] == 706.99
    assert rows.loc["TV formats", "ratio_pct"] == 201.81
    assert math.isclose(frame["investment_share_pct"].sum(), 100) and math.isclose(frame["spend_share_pct"].sum(), 100)


def test_value_quality_judges_each_value_by_its_bounds():
    assert inv.value_quality(5, 5, 5, "approximate") == "reported"  # 2017: 5.864.000 € printed exactly
    assert inv.value_quality(29, 29, None, "approximate") == "approximate"  # "> 29 M€"
    assert inv.value_quality(350, 345, 355, "approximate") == "approximate"
    assert inv.value_quality(572, 572, 572, "reported", derived=True) == "derived"
    assert inv.value_quality(35, 31, 38, "estimated") == "estimated"
    assert inv.value_quality(None, None, None, "reported") is None


def test_history_values_and_gaps(history):
    years = singles(history).set_index("period_start")
    assert years.loc[2019, "ratio_value_quality"] == "derived"
    assert years.loc[2017, "spend_quality"] == "approximate" and years.loc[2017, "invested_quality"] == "reported"
    assert years.loc[2009, "invested_quality"] == "approximate"
    assert years.loc[2024, "invested_quality"] == "reported"
    assert inv.year_gaps(singles(history)) == [*range(2002, 2009), 2010, 2011, 2012, 2014, 2016, 2020, 2021, 2022, 2023]


def test_history_figure_keeps_gaps_and_draws_quality(history):
    figure = build_history_figure(singles(history), "fr")
    invested, spend, ratio, gaps = figure.data
    assert list(invested.x) == [2001, 2009, 2013, 2015, 2017, 2018, 2019, 2024]
    assert invested.y[-1] == 7_094_800.0 and spend.y[-1] == 46_231_969.51
    assert invested.y[0] is None  # 2001: invested not printed, no bar
    # 2009 invested is "3,5 M€": light fill with whiskers to 3,45–3,55 M€.
    assert invested.marker.opacity[1] == 0.45 and invested.error_y.array[1] == pytest.approx(50_000)
    # 2017 spend "> 29 M€": approximate, no upper whisker.
    assert spend.marker.opacity[4] == 0.45 and spend.error_y.array[4] == 0
    assert ratio.connectgaps is False and ratio.mode == "lines+markers"
    by_year = dict(zip(ratio.x, ratio.y))
    assert by_year[2024] == 651.63 and by_year[2019] == 572 and by_year[2001] == 206
    assert all(by_year[year] is None for year in (2020, 2021, 2022, 2023, 2016))
    assert 2020 in gaps.x and 2024 not in gaps.x
    assert "Bilan 2024" in ratio.customdata[-1][2] or "B24-7.1" in ratio.customdata[-1][2]
    assert ratio.marker.symbol[2019 - 2001] == "diamond-open"  # derived ratio


def test_periods_figure_is_apart_and_shows_ranges(history):
    periods = history[(history["fund"] == inv.OWN_FUND) & (history["scope"] == "multi_year")]
    figure = build_periods_figure(periods, "en")
    invested, spend, ratio = figure.data
    assert "2001 – June 2020" in invested.y and "2009–2013 (files still open)" in spend.y
    index = list(spend.y).index("2009–2013 (files still open)")
    assert spend.x[index] == 35_000_000 and spend.marker.pattern.shape[index] == "x"  # estimated
    assert spend.error_x.arrayminus[index] == pytest.approx(3_500_000)
    assert "2001–2024" not in invested.y  # a count only: table, not chart


def test_peers_figure_labels_funds(history):
    figure = build_peers_figure(inv.peer_rows(history).query("ratio_bp.notna()"), "en")
    names = {trace.name for trace in figure.data if trace.showlegend is not False}
    assert {"Wallimage", "screen.brussels", "Screen Flanders"} <= names


def test_posts_figure_sorted_with_amounts_and_shares(db):
    rows = execute(db, "investment/spend_by_post", {"year": 2024, "sectors": ["live_action"]})
    table = labelled.post_table(rows, "fr")
    figure = build_posts_figure(table, "fr")
    bar = figure.data[0]
    assert bar.orientation == "h" and list(bar.x) == sorted(bar.x, reverse=True)
    assert bar.text[0] == "11.403.978\u00a0€ · 37\u00a0%"
    assert figure.layout.yaxis.autorange == "reversed"
    assert round(table["share_computed_pct"].sum()) == 100


def test_breakdown_and_countries_figures(db):
    frame = labelled.breakdown_table(
        execute(db, "investment/totals_by_origin", {"year": 2024, **inv.query_params({})}), "origin", "fr"
    )
    figure = build_breakdown_figure(frame, "fr", "origin")
    assert list(figure.data[0].x) == ["Initié en France", "Initié ailleurs", "Initié en Belgique"]
    assert "592,37\u00a0%" in figure.data[2].text
    countries = execute(db, "investment/work_countries", {"year": 2024, "work_id": 1})
    countries = countries.assign(country_label=[labelled.country_label(c, "en") for c in countries["country"]])
    bars = build_countries_figure(countries, "en").data[0]
    assert list(bars.y) == ["Belgium", "France"] and list(bars.x) == [66.89, 33.11]


def test_search_and_works_table(db):
    works = execute(db, "investment/works_list", {"year": 2024, **inv.query_params({})})
    assert list(explorer.search_works(works, "dardenne")["work_id"]) == [1]
    assert len(explorer.search_works(works, "  ")) == 49
    table = labelled.works_table(works, "fr").set_index("work_no")
    assert table.loc[20, "note"] == "Listed as « Blitz » in §7.1 (see discrepancies)."  # stored text (English)
    assert table.loc[1, "note"] == ""
    assert table.loc[1, "ratio_derived_pct"] == 475.57 and table.loc[1, "ratio_printed_bp"] == 47557
    assert explorer.work_option(works.iloc[19]) == "20 — Siempre es invierno"


def test_sector_ratio(db):
    sectors = execute(db, "investment/totals_by_sector", {"year": 2024, **inv.query_params({})})
    assert explorer.sector_ratio(sectors, "animation") == 706.99 and explorer.sector_ratio(sectors, "gaming") is None


def test_every_entry_has_french_and_english():
    for key, entry in catalogue().items():
        if key.startswith("investment.") or key.startswith("labels.post_") or key.startswith("labels.country_"):
            assert entry.get("fr") and entry.get("en"), key


def test_every_investment_query_is_used():
    code = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "dashboard").rglob("*.py"))
    for path in (ROOT / "sql" / "investment").glob("*.sql"):
        assert f'"investment/{path.stem}"' in code, path.stem


def test_page_is_thin():
    page = (ROOT / "dashboard" / "pages" / "investment.py").read_text(encoding="utf-8")
    assert len(page.splitlines()) < 150
    assert "SELECT" not in page.upper().replace("SELECTBOX", "") and "unsafe_allow_html" not in page


def test_yearly_series_marks_the_detailed_report_years(db, history):
    reports = execute(db, "investment/report_totals", {})
    assert reports[["report_year", "works", "investment_cents", "walloon_spend_cents"]].values.tolist() == [
        [2024, 49, 709_480_000, 4_623_196_951]
    ]
    series = inv.yearly_series(singles(history), reports).set_index("period_start")
    # 2024 is a detailed report: the history's single figure is kept (the build proved it equal to
    # the works' totals) and marked; the earlier years are the sourced single figures.
    assert series.loc[2024, "basis"] == inv.DETAILED and series.loc[2024, "invested_cents"] == 709_480_000
    assert set(series.drop(index=2024)["basis"]) == {inv.SINGLE_FIGURE}
    figure = build_history_figure(series.reset_index(), "en")
    invested = figure.data[0]
    assert list(invested.marker.line.width) == [1.5] * 7 + [3]
    assert invested.customdata[-1][3] == "Detailed annual report (every work)"
    assert invested.customdata[0][3] == "Single published figure (cited source)"
    assert figure.data[2].name == "Detailed annual report (every work)"  # the legend of the outline


def test_yearly_series_adds_a_detailed_year_missing_from_the_history(history):
    reports = pd.DataFrame(
        [{"report_year": 2031, "works": 49, "investment_cents": 1_418_960_000, "walloon_spend_cents": 9_246_393_902,
          "source_id": "FIC-7.1"}]
    )  # fmt: skip  # the fictitious test year: the 2024 works with every amount doubled
    series = inv.yearly_series(singles(history), reports).set_index("period_start")
    row = series.loc[2031]
    assert (row["basis"], row["invested_cents"], row["spend_cents"], row["ratio_bp"]) == (
        inv.DETAILED, 1_418_960_000, 9_246_393_902, 65163
    )  # fmt: skip
    assert row["ratio_value_quality"] == "derived" and series.index[-1] == 2031
    figure = build_history_figure(series.reset_index(), "fr")
    assert figure.layout.xaxis.range == (2001 - 0.6, 2031 + 0.6)
    assert figure.data[0].customdata[-1][0] == "14.189.600,00\u00a0€"  # no printed text: formatted from the value

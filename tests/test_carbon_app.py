"""AppTest of the carbon page in French and English: ranges (never per-shoot values), derived bounds,
intensities, the green-manager slider (`?reduction=`) and certification."""

from conftest import APP

PAGE = "dashboard/pages/carbon.py"


def run_page(lang: str = "fr", params: dict | None = None, state: dict | None = None):
    """Open the page directly with its URL parameters, as a fresh browser session does."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=60)
    for key, value in {**({"lang": lang} if lang != "fr" else {}), **(params or {})}.items():
        at.query_params[key] = value
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.switch_page(PAGE)
    return at.run()


def assert_no_empty_words(at):
    """No cell shows 'None' or 'nan': text cells hold text, and a missing number is only in a number column
    (shown as '–' by the table's number format)."""
    import pandas as pd

    for frame in (d.value for d in at.dataframe):
        for column in frame.columns:
            numeric = pd.api.types.is_numeric_dtype(frame[column])
            for value in frame[column]:
                assert str(value) not in ("None", "nan", "NaN", "<NA>") or (numeric and pd.isna(value)), column


def metrics(at) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


def test_french_page(app_env):
    at = run_page()
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Bilan moyen des 5 tournages (tCO2e)"] == "240"  # printed, as on the overview (one face)
    assert values["3 projets « environ 200 » (tCO2e chacun)"] == "180–220"
    assert values["1 projet « plus de 400 » (tCO2e)"] == "≥ 400"
    assert values["1 projet « plus de 400 » (tCO2e), bornes calculées"] == "437,5–662,5"
    assert values["1 projet « inférieur à 100 » (tCO2e)"] == "≤ 100"
    assert values["Total des 5 tournages (tCO2e)"] == "1.197,5–1.202,5"
    assert values["Par jour de tournage (échantillon entier)"] == "6,50–6,54 tCO2e"
    assert values["Par personne-jour (échantillon entier)"] == "177,1–177,9 kgCO2e"
    assert values["Part des 4 postes principaux dans le total"] == "64,8–88,0 %"
    assert values["Projets déjà certifiés"] == "6"
    assert values["Sociétés engagées en 2024 à obtenir une certification"] == "18"
    assert values["Année où tous les projets devront être certifiés"] == "2026"
    assert values["Green managers formés (une quarantaine)"] == "≈ 40"
    assert "5 projets seulement" in at.warning[0].value
    # One plain statement instead of a table giving every shoot the same range: no per-shoot footprint.
    statement = next(m.value for m in at.markdown if m.value.startswith("Le rapport décrit 5 tournages"))
    assert "n° 1 : Long métrage, 40 personnes, 45 jours" in statement and "entre 0 et 662,5 tCO2e" in statement
    assert not any("Équipe (personnes)" in d.value.columns for d in at.dataframe)
    assert not any(m.label == "Tournages mesurés" for m in at.metric)  # no per-shoot view without per-shoot data
    assert any("« 70 »" in c.value for c in at.caption)


def test_one_rounding_and_no_empty_words_in_any_table(app_env):
    keys = ("carbon_ranges", "carbon_spend_per_day", "carbon_benchmarks_per_shooting_day", "carbon_benchmarks_per_hour")
    at = run_page(state={f"{key}:data": True for key in keys})
    assert metrics(at)["Par jour de tournage (échantillon entier)"] == "6,50–6,54 tCO2e"
    intensity = next(d.value for d in at.dataframe if "tCO2e/jour, min" in d.value.columns)
    whole = intensity[intensity["Type"] == "Échantillon entier"].iloc[0]
    assert (whole["tCO2e/jour, min"], whole["tCO2e/jour, max"]) == (6.50, 6.54)  # as the card, not 6,51
    assert_no_empty_words(at)
    # The mean is the same printed figure as on the overview: « 240 », reported (its rounding bounds kept).
    assert "● rapporté" in next(c.value for c in at.caption if "approximatif" in c.value or "rapporté" in c.value)


def test_benchmarks_are_ranges_with_their_sources(app_env):
    at = run_page("en", state={"carbon_benchmarks_per_shooting_day:data": True})
    text = " ".join(m.value for m in at.markdown)
    assert "not a norm" in text and "per hour of content compares only with a figure of the same scope" in text
    table = next(d.value for d in at.dataframe if "Study" in d.value.columns)
    assert table["Range"].tolist() == ["29.70–36.30"] and table["Sample (productions)"].tolist() == ["161"]
    assert table.iloc[0, -1].startswith("https://variety.com/")


def test_green_manager_slider_changes_the_range(app_env):
    at = run_page()
    assert metrics(at)["✎ Bilan moyen après réduction de 30 %"] == "167,65–168,35 tCO2e"
    at.slider(key="carbon_reduction").set_value(50).run()
    values = metrics(at)
    assert values["✎ Bilan moyen après réduction de 50 %"] == "119,75–120,25 tCO2e"
    assert values["✎ Total des 5 après réduction de 50 %"] == "598,75–601,25 tCO2e"
    assert at.query_params["reduction"] in ("50", ["50"])
    at.slider(key="carbon_reduction").set_value(0).run()
    assert metrics(at)["✎ Bilan moyen après réduction de 0 %"] == "239,50–240,50 tCO2e"


def test_reduction_from_the_url(app_env):
    at = run_page(params={"reduction": "10"})
    assert metrics(at)["✎ Bilan moyen après réduction de 10 %"] == "215,55–216,45 tCO2e"


def test_english_page(app_env):
    at = run_page("en")
    assert not at.exception and not at.error
    values = metrics(at)
    assert at.title[0].value == "Carbon footprint of shoots"
    assert values["1 project « above 400 » (tCO2e), derived bounds"] == "437.5–662.5"
    assert values["Per shooting day (whole sample)"] == "6.50–6.54 tCO2e"
    assert values["✎ Mean footprint after a 30% cut"] == "167.65–168.35 tCO2e"
    assert values["Year from which every project must be certified"] == "2026"
    assert "only 5 projects" in at.warning[0].value

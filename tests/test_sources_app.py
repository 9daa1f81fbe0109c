"""AppTest of the Sources & methods page in French and English (real values of the database)."""

from conftest import run_app

from dashboard.components.i18n import translate

PAGE = "dashboard/pages/sources.py"
TABS = ("discrepancies", "datasets", "documents", "definitions", "methods")


def on_tab(name: str, lang: str = "fr") -> dict:
    """Session state opening one of the page's (lazy) tabs."""
    return {"sources_tab": translate(f"sources.tab_{name}", lang, count=23)}


def every_tab(lang: str = "fr") -> dict:
    """AppTest of each tab of the page, by tab name."""
    return {name: run_app(PAGE, lang=lang, state=on_tab(name, lang)) for name in TABS}


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(parts).replace("\u00a0", " ")


def test_sources_page_in_french(app_env):
    tabs = every_tab()
    at = tabs["discrepancies"]
    assert all(not a.exception and not a.error for a in tabs.values())
    assert at.title[0].value == "Sources et méthodes"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Incohérences relevées"] == "23"
    assert metrics["Jeux de données"] == "36"  # with the per-shoot carbon tables, tools and benchmarks
    text = texts(at)
    assert "**23 incohérences internes**" in text
    # One discrepancy with both values, both places and what the app shows.
    assert "**Valeur 1 :** 2.180.800 €" in text and "**Valeur 2 :** 2.180.000,00 €" in text
    assert "*Bilan 2024 §3.2.2 (3.2.2 Financements en coproductions (en-tête))*" in text
    assert "**Ce que l’application affiche :** 2.180.000,00 € (somme des lignes)." in text
    assert "**Valeur 2 :** 27,57 % / 38,20 % / 34,24 % (calculé)" in text  # the report's own words in French
    assert "Œuvres coproduites : 12" in text
    assert "Version des données 2024.1+" in text
    assert "Jour de tournage « affectable »" in texts(tabs["definitions"]) and "± 10 %" in texts(tabs["definitions"])
    assert "fait échouer la construction" in texts(tabs["methods"]) and "10 correspondent" in texts(tabs["methods"])
    discrepancies = at.dataframe[0].value
    assert len(discrepancies) == 23
    assert {"Valeur 1", "Emplacement de la valeur 1", "Valeur 2", "Affiché par l’application"} <= set(discrepancies)
    datasets = tabs["datasets"].dataframe[0].value.set_index("Table")
    assert datasets.loc["works", "Lignes"] == 49
    assert (
        datasets.loc["carbon_footprints", "Approximatives"] == 3
    )  # the mean (240) is printed: reported, with its rounding bounds
    # The benchmarks are a dataset with their outside sources (issue 16).
    assert datasets.loc["carbon_benchmarks", "Lignes"] == 10 and "Variety" in datasets.loc["carbon_benchmarks"].iloc[-1]
    documents = tabs["documents"].dataframe[0].value
    assert len(documents) == 89 and documents.iloc[0]["Emplacement"] == "lignes 1–120"
    # CSV and XLSX of the open tab's table, and « Télécharger toutes les données » (the open-data zip) on every tab.
    assert [len(a.get("download_button")) for a in tabs.values()] == [3, 3, 3, 1, 1]


def test_only_the_open_tab_runs(app_env):
    at = run_app(PAGE)
    assert [tab.label for tab in at.tabs] == [translate(f"sources.tab_{name}", "fr", count=23) for name in TABS]
    assert len(at.dataframe) == 1  # the discrepancies table only
    assert "fait échouer la construction" not in texts(at)


def test_sources_page_in_english(app_env):
    at = run_app(PAGE, lang="en")
    assert not at.exception and not at.error
    assert at.title[0].value == "Sources & methods"
    text = texts(at)
    assert "**23 internal inconsistencies**" in text
    assert "**What the app shows:** €2,180,000.00 (sum of the rows)." in text
    assert "2024 report §3.2.2" in text
    # The values' words are in English; quotations of the report stay as printed.
    assert "**Value 2:** 27.57% / 38.20% / 34.24% (computed)" in text and "(calculé)" not in text
    assert "**Value 1:** « 25,81 % / 38,71 % / 35,48 % »" in text
    assert "« NUANCÉ À 50% » in the heading of the 3rd table" in text
    assert "Co-produced works: 12" in text
    assert "« Attributable » shooting day" in texts(run_app(PAGE, lang="en", state=on_tab("definitions", "en")))
    discrepancies = at.dataframe[0].value.set_index("Identifier")
    assert discrepancies.loc["work_22_shares_sum", "Checked at build time"] == "yes"
    assert discrepancies.loc["hopper_game_title", "Topic"] == "Video games"


def test_a_link_opens_its_tab_and_the_open_tab_goes_in_the_link(app_env):
    at = run_app(PAGE, lang="en", params={"tab": "definitions"})
    assert not at.exception and not at.error and not at.info
    assert "« Attributable » shooting day" in texts(at)
    at.session_state["sources_tab"] = translate("sources.tab_documents", "en")
    at.run()
    assert at.query_params["tab"] in ("documents", ["documents"])
    at.session_state["sources_tab"] = translate("sources.tab_discrepancies", "en", count=23)
    at.run()
    assert "tab" not in at.query_params  # the first tab is the default


def test_a_link_to_an_unknown_tab_says_so_and_opens_the_first(app_env):
    at = run_app(PAGE, params={"tab": "secrets"})
    assert not at.exception and not at.error
    assert any("tab=secrets" in i.value for i in at.info)
    assert len(at.dataframe) == 1  # the discrepancies table

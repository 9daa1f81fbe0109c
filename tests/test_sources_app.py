"""AppTest of the Sources & methods page in French and English (real values of the database)."""

from conftest import run_app

PAGE = "dashboard/pages/sources.py"


def texts(at) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(parts).replace("\u00a0", " ")


def test_sources_page_in_french(app_env):
    at = run_app(PAGE)
    assert not at.exception and not at.error
    assert at.title[0].value == "Sources et méthodes"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Incohérences relevées"] == "23"
    assert metrics["Jeux de données"] == "33"
    text = texts(at)
    assert "**23 incohérences internes**" in text
    # One discrepancy with both values, both places and what the app shows.
    assert "**Valeur 1 :** 2.180.800 €" in text and "**Valeur 2 :** 2.180.000,00 €" in text
    assert "*Bilan 2024 §3.2.2 (3.2.2 Financements en coproductions (en-tête))*" in text
    assert "**Ce que l’application affiche :** 2.180.000,00 € (somme des lignes)." in text
    assert "Œuvres coproduites : 12" in text
    assert "Jour de tournage « affectable »" in text and "± 10 %" in text
    assert "fait échouer la construction" in text and "10 correspondent" in text
    assert "Version des données 2024.1+" in text
    discrepancies = at.dataframe[0].value
    assert len(discrepancies) == 23
    assert {"Valeur 1", "Emplacement de la valeur 1", "Valeur 2", "Affiché par l’application"} <= set(discrepancies)
    datasets = at.dataframe[1].value.set_index("Table")
    assert datasets.loc["works", "Lignes"] == 49
    assert datasets.loc["carbon_footprints", "Approximatives"] == 3
    documents = at.dataframe[2].value
    assert len(documents) == 80 and documents.iloc[0]["Emplacement"] == "lignes 1–120"
    assert len(at.get("download_button")) == 6


def test_sources_page_in_english(app_env):
    at = run_app(PAGE, lang="en")
    assert not at.exception and not at.error
    assert at.title[0].value == "Sources & methods"
    text = texts(at)
    assert "**23 internal inconsistencies**" in text
    assert "**What the app shows:** 2.180.000,00 € (sum of the rows)." in text
    assert "2024 report §3.2.2" in text
    assert "Co-produced works: 12" in text
    assert "« Attributable » shooting day" in text
    discrepancies = at.dataframe[0].value.set_index("Identifier")
    assert discrepancies.loc["work_22_shares_sum", "Checked at build time"] == "yes"
    assert discrepancies.loc["hopper_game_title", "Topic"] == "Video games"

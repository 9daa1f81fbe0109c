"""AppTest of the investment page: French and English, with and without filters, URL round trip."""

from conftest import run_app

PAGE = "dashboard/pages/investment.py"


def metrics(at) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


def table_with(at, column: str):
    """The first on-screen table that has a column of this (labelled) name."""
    for element in at.dataframe:
        frame = element.value.data if hasattr(element.value, "data") else element.value
        if column in frame.columns:
            return frame
    raise AssertionError(f"no table with a {column!r} column")


def test_page_in_french_shows_the_2024_totals(app_env):
    at = run_app(PAGE)
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Œuvres"] == "49"
    assert values["Investi par Wallimage"] == "7.094.800,00 €"
    assert values["Dépenses wallonnes"] == "46.231.969,51 €"
    assert values["Ratio dépenses / investissement"] == "651,63 %"
    works = table_with(at, "Titre")
    assert len(works) == 49
    sectors = table_with(at, "Secteur").set_index("Secteur")
    assert sectors.loc["Prises de vues réelles", "Œuvres"] == 35
    assert sectors.loc["Animation", "Ratio (%)"] == 706.99
    # The first work's card (work 1) with its ratio against the live-action ratio.
    assert values["Ratio de l’œuvre"] == "475,57 %" and values["Ratio du secteur"] == "638,63 %"
    assert at.title[0].value == "Investissement et dépenses wallonnes"


def test_page_in_english(app_env):
    at = run_app(PAGE, lang="en")
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Invested by Wallimage"] == "€7,094,800.00"
    assert values["Walloon spend"] == "€46,231,969.51"
    assert values["Spend / investment ratio"] == "651.63%"
    origins = table_with(at, "Origin").set_index("Origin")
    assert origins.loc["Initiated in Belgium", "Works"] == 17
    assert at.title[0].value == "Investment and Walloon spend"
    assert any("not a league table" in w.value for w in at.warning)


def test_url_filters_preset_the_widgets_and_filter_the_rows(app_env):
    params = {"sector": "live_action,animation", "type": "feature", "origin": "france", "role": "minority"}
    at = run_app(PAGE, params=params)
    assert not at.exception and not at.error and not at.info
    assert at.multiselect(key="investment_sector").value == ["live_action", "animation"]
    assert at.multiselect(key="investment_type").value == ["feature"]
    assert at.multiselect(key="investment_origin").value == ["france"]
    assert at.multiselect(key="investment_role").value == ["minority"]
    works = table_with(at, "Titre")
    assert len(works) == 12  # §7.1.2.1: 12 features initiated in France, all minority co-productions
    assert set(works["Origine"]) == {"Initié en France"} and set(works["Majoritaire / minoritaire"]) == {"Minoritaire"}
    values = metrics(at)
    assert values["Œuvres"] == "12" and values["Investi par Wallimage"] == "1.725.000,00 €"
    assert values["Dépenses wallonnes"] == "11.931.232,70 €"


def test_changing_a_filter_updates_everything_and_the_url(app_env):
    at = run_app(PAGE)
    at.multiselect(key="investment_sector").set_value(["tv_format"]).run()
    assert not at.exception
    values = metrics(at)
    assert values["Œuvres"] == "1" and values["Investi par Wallimage"] == "130.000,00 €"
    assert values["Ratio dépenses / investissement"] == "201,81 %"
    assert at.query_params["sector"] in ("tv_format", ["tv_format"])
    assert len(table_with(at, "Titre")) == 1
    at.text_input(key="investment_q").set_value("Maintenant").run()
    assert at.query_params["q"] in ("Maintenant", ["Maintenant"])


def test_filters_with_no_work_say_so(app_env):
    at = run_app(PAGE, params={"sector": "tv_format", "type": "series"})
    assert not at.exception and not at.error
    assert any(i.value == "Aucune œuvre ne correspond à ces filtres." for i in at.info)


def test_invalid_url_parameter_is_ignored_with_a_notice(app_env):
    at = run_app(PAGE, params={"sector": "cinema,animation", "colour": "red"})
    assert not at.exception and not at.error
    notice = " ".join(i.value for i in at.info)
    assert "sector=cinema" in notice and "colour" in notice
    assert at.multiselect(key="investment_sector").value == ["animation"]
    assert metrics(at)["Œuvres"] == "13"


def test_work_card_shows_notes_and_discrepancies(app_env):
    at = run_app(PAGE)
    at.selectbox(key="investment_work").set_value(20).run()
    assert not at.exception
    assert any(i.value == "Classé « Blitz » au §7.1 (voir les incohérences)." for i in at.info)  # note in French
    assert any("Siempre es invierno" in w.value and "Blitz" in w.value for w in at.warning)
    at.selectbox(key="investment_work").set_value(30).run()
    assert any("Lordachescu" in w.value for w in at.warning)

"""AppTest of the investment page: French and English, with and without filters, URL round trip."""

from conftest import run_app

from dashboard.components.i18n import translate

PAGE = "dashboard/pages/investment.py"


def on_tab(tab: str, lang: str = "fr", *open_tables: str) -> dict:
    """Session state opening one of the page's (lazy) tabs and the 'data behind' of some chart cards."""
    return {
        "investment_tab": translate(f"investment.tab_{tab}", lang, year=2024),
        **{f"{key}:data": True for key in open_tables},
    }


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
    at = run_app(PAGE, state=on_tab("detail", "fr", "investment_by_sector"))
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Œuvres"] == "49"
    assert values["Investi par Wallimage"] == "7.094.800,00 €"
    assert values["Dépenses wallonnes"] == "46.231.969,51 €"
    assert values["Ratio dépenses / investissement"] == "651,63 %"
    sectors = table_with(at, "Secteur").set_index("Secteur")
    assert sectors.loc["Prises de vues réelles", "Œuvres"] == 35
    assert sectors.loc["Animation", "Ratio (%)"] == 706.99
    assert at.title[0].value == "Investissement et dépenses wallonnes"


def test_only_the_open_tab_runs(app_env):
    at = run_app(PAGE)
    names = ("years", "detail", "posts", "works", "peers", "gaming")
    assert [tab.label for tab in at.tabs] == [translate(f"investment.tab_{name}", "fr", year=2024) for name in names]
    assert not at.metric and len(at.get("plotly_chart")) == 2  # the by-year tab: two charts, no 2024 cards
    assert not at.dataframe  # the data behind a chart is computed when its expander is opened
    at = run_app(PAGE, state={"investment_history:data": True})
    assert len(table_with(at, "Année ou période")) == 8  # the single years of HISTORY.md and 2024


def test_works_tab_lists_the_49_works_and_opens_the_first_card(app_env):
    at = run_app(PAGE, state=on_tab("works"))
    assert not at.exception and not at.error
    works = table_with(at, "Titre")
    assert len(works) == 49
    values = metrics(at)
    # The first work's card (work 1) with its ratio against the live-action ratio.
    assert values["Ratio de l’œuvre"] == "475,57 %" and values["Ratio du secteur"] == "638,63 %"


def test_page_in_english(app_env):
    at = run_app(PAGE, lang="en", state=on_tab("detail", "en", "investment_by_origin"))
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Invested by Wallimage"] == "€7,094,800.00"
    assert values["Walloon spend"] == "€46,231,969.51"
    assert values["Spend / investment ratio"] == "651.63%"
    origins = table_with(at, "Origin").set_index("Origin")
    assert origins.loc["Initiated in Belgium", "Works"] == 17
    assert at.title[0].value == "Investment and Walloon spend"
    at = run_app(PAGE, lang="en", state=on_tab("peers", "en"))
    assert any("not a league table" in w.value for w in at.warning)


def test_url_filters_preset_the_widgets_and_filter_the_rows(app_env):
    params = {"sector": "live_action,animation", "type": "feature", "origin": "france", "role": "minority"}
    at = run_app(PAGE, params=params, state=on_tab("works"))
    assert not at.exception and not at.error and not at.info
    assert at.button_group(key="investment_sector").value == ["live_action", "animation"]
    assert at.button_group(key="investment_type").value == ["feature"]
    assert at.button_group(key="investment_origin").value == ["france"]
    assert at.button_group(key="investment_role").value == ["minority"]
    works = table_with(at, "Titre")
    assert len(works) == 12  # §7.1.2.1: 12 features initiated in France, all minority co-productions
    assert set(works["Origine"]) == {"Initié en France"} and set(works["Majoritaire / minoritaire"]) == {"Minoritaire"}
    at = run_app(PAGE, params=params, state=on_tab("detail"))
    values = metrics(at)
    assert values["Œuvres"] == "12" and values["Investi par Wallimage"] == "1.725.000,00 €"
    assert values["Dépenses wallonnes"] == "11.931.232,70 €"


def test_changing_a_filter_updates_everything_and_the_url(app_env):
    at = run_app(PAGE, state=on_tab("detail"))
    at.button_group(key="investment_sector").set_value(["tv_format"]).run()
    assert not at.exception
    values = metrics(at)
    assert values["Œuvres"] == "1" and values["Investi par Wallimage"] == "130.000,00 €"
    assert values["Ratio dépenses / investissement"] == "201,81 %"
    assert at.query_params["sector"] in ("tv_format", ["tv_format"])
    at.session_state["investment_tab"] = translate("investment.tab_works", "fr")
    at.run()
    assert len(table_with(at, "Titre")) == 1
    at.text_input(key="investment_q").set_value("Maintenant").run()
    assert at.query_params["q"] in ("Maintenant", ["Maintenant"])


def test_filters_with_no_work_say_so(app_env):
    at = run_app(PAGE, params={"sector": "tv_format", "type": "series"}, state=on_tab("detail"))
    assert not at.exception and not at.error
    assert any(i.value == "Aucune œuvre ne correspond à ces filtres." for i in at.info)


def test_invalid_url_parameter_is_ignored_with_a_notice(app_env):
    at = run_app(PAGE, params={"sector": "cinema,animation", "colour": "red"}, state=on_tab("detail"))
    assert not at.exception and not at.error
    notice = " ".join(i.value for i in at.info)
    assert "sector=cinema" in notice and "colour" in notice
    assert at.button_group(key="investment_sector").value == ["animation"]
    assert metrics(at)["Œuvres"] == "13"


def test_work_card_shows_notes_and_discrepancies(app_env):
    at = run_app(PAGE, state=on_tab("works"))
    at.selectbox(key="investment_work").set_value(20).run()
    assert not at.exception
    assert any(i.value == "Classé « Blitz » au §7.1 (voir les incohérences)." for i in at.info)  # note in French
    assert any("Siempre es invierno" in w.value and "Blitz" in w.value for w in at.warning)
    at.selectbox(key="investment_work").set_value(30).run()
    assert any("Lordachescu" in w.value for w in at.warning)


def test_switching_language_keeps_the_open_tab(app_env):
    at = run_app(PAGE, state=on_tab("works"))
    assert at.text_input(key="investment_q").label == translate("investment.search", "fr")
    at.session_state["lang_choice"] = "en"
    at.run()
    assert not at.exception and not at.error
    assert at.session_state["investment_tab"] == translate("investment.tab_works", "en")
    assert at.text_input(key="investment_q").label == translate("investment.search", "en")


def test_a_link_opens_its_tab_and_work(app_env):
    at = run_app(PAGE, params={"sector": "live_action", "tab": "works", "work": "20"})
    assert not at.exception and not at.error
    assert not any("work=" in i.value for i in at.info)  # the work is among the filtered ones
    assert at.session_state["investment_tab"] == translate("investment.tab_works", "fr")
    assert at.selectbox(key="investment_work").value == 20
    assert any("Siempre es invierno" in w.value and "Blitz" in w.value for w in at.warning)
    assert at.query_params["tab"] in ("works", ["works"]) and at.query_params["work"] in ("20", ["20"])


def test_the_open_tab_and_work_go_in_the_url(app_env):
    at = run_app(PAGE, params={"origin": "france"})
    assert "tab" not in at.query_params  # the first tab is the default: no parameter
    at.session_state["investment_tab"] = translate("investment.tab_detail", "fr", year=2024)
    at.run()
    assert at.query_params["tab"] in ("detail", ["detail"]) and "work" not in at.query_params
    assert metrics(at)["Œuvres"] == "18"  # works initiated in France, every sector
    at.session_state["investment_tab"] = translate("investment.tab_works", "fr")
    at.run()
    at.selectbox(key="investment_work").set_value(9).run()  # « Moso », initiated in France (§7.1)
    assert at.query_params["work"] in ("9", ["9"])
    at.session_state["investment_tab"] = translate("investment.tab_years", "fr")
    at.run()
    assert "tab" not in at.query_params and "work" not in at.query_params  # the work is not on screen


def test_a_link_to_a_work_outside_the_filters_says_so(app_env):
    at = run_app(PAGE, params={"sector": "tv_format", "tab": "works", "work": "20"})
    assert not at.exception and not at.error
    assert any("work=20" in i.value for i in at.info)
    assert "work" not in at.query_params or at.query_params["work"] != "20"


def test_a_link_to_a_work_that_is_not_a_whole_number_says_so(app_env):
    at = run_app(PAGE, params={"tab": "works", "work": "20.5"})
    assert not at.exception and not at.error
    assert any("work=20.5" in i.value for i in at.info)
    assert at.selectbox(key="investment_work").value != 20

"""AppTest of the frame and the overview page in French and English (real report figures)."""

from conftest import run_app


def metrics(at) -> dict[str, str]:
    return {m.label: m.value.replace("\u00a0", " ") for m in at.metric}


def test_overview_french_shows_the_2024_totals(app_env):
    at = run_app()
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Œuvres coproduites"] == "49"
    assert values["Investi par Wallimage"] == "7.094.800,00 €"
    assert values["Dépenses audiovisuelles wallonnes"] == "46.231.969,51 €"
    assert values["Ratio dépenses / investissement"] == "651,63 %"
    assert values["Œuvres soutenues depuis la création"] == "775"
    assert values["Jours de tournage en Wallonie depuis 2006"] == "≈ 10.800"


def test_overview_english(app_env):
    at = run_app(lang="en")
    assert not at.exception and not at.error
    values = metrics(at)
    assert values["Invested by Wallimage"] == "€7,094,800.00"
    assert values["Walloon audiovisual spend"] == "€46,231,969.51"
    assert values["Spend / investment ratio"] == "651.63%"
    assert at.title[0].value == "Wallimage: what the fund does for Wallonia"


def test_language_pills_switch_the_language_and_one_is_always_chosen(app_env):
    at = run_app()
    switch = at.button_group(key="lang_choice")
    assert switch.value == "fr"
    switch.set_value("en").run()
    assert at.title[0].value == "Wallimage: what the fund does for Wallonia"
    assert at.query_params["lang"] in ("en", ["en"])
    at.button_group(key="lang_choice").set_value(None).run()  # clicking the chosen pill off
    assert at.title[0].value == "Wallimage: what the fund does for Wallonia"
    assert at.button_group(key="lang_choice").value == "en"


def test_sidebar_shows_the_data_version_without_a_click(app_env):
    at = run_app()
    about = " ".join(c.value for c in at.sidebar.caption)
    assert "**À propos des données**" in about and "Version des données **2024.1+" in about
    assert about.endswith("Base de données embarquée, en lecture seule.")
    assert "wallimage.sqlite" not in about and "/" not in about.split("construite le")[1]  # no path (issue 13)


def test_unknown_language_falls_back_to_french_with_a_notice(app_env):
    at = run_app(params={"lang": "de"})
    assert not at.exception
    assert at.title[0].value.startswith("Wallimage : ")
    assert any("lang=de" in i.value for i in at.info)


def test_unknown_parameter_is_dropped_with_a_notice(app_env):
    at = run_app(params={"foo": "<script>alert(1)</script>"})
    assert not at.exception and not at.error
    assert any("foo" in i.value for i in at.info)

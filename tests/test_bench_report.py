"""The README's benchmark table is generated from the results file, never typed."""

from bench.browser import FRAME_APP
from bench.report import markdown, write_readme

RESULTS = {
    "generated_at": "2026-11-30T11:43:44Z",
    "raw": {
        "machine": {
            "cpu": "AMD EPYC",
            "cores": 2,
            "ram_gb": 25.3,
            "python": "3.11.7",
            "streamlit": "1.67.0",
            "chromium": "Chromium 156",
            "load_average": [0.69, 1.0, 1.0],
            "load_average_end": [2.16, 1.0, 1.0],
        }
    },
    "measures": [
        {"measure": "database build", "value": 0.72, "unit": "s", "target": 2.0, "status": "OK"},
        {
            "measure": "warm render investment",
            "value": 985,
            "unit": "ms",
            "target": 2.0,
            "baseline": 239,
            "ratio": 4.121,
            "status": "ABOVE",
        },
        {"measure": "×100 DB warm render map", "value": None, "unit": "ms", "target": 2.0, "status": "ABOVE"},
    ],
}


def test_markdown_lists_every_measure_with_its_ratio_and_target():
    text = markdown(RESULTS)
    assert text.startswith("### Latest run (2026-11-30T11:43:44Z, AMD EPYC, 2 cores, 25.3 GB")
    assert "| database build | 0.72 s |  |  | ≤ 2 s | OK |" in text
    assert "| warm render investment | 985 ms | 239 ms | 4.12× | ≤ 2.0× hello | ABOVE |" in text
    assert "| ×100 DB warm render map | — |  |  | ≤ 2.0× real DB | ABOVE |" in text


def test_write_readme_replaces_only_the_generated_block(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text("# X\n\nProse kept.\n\n### Latest run (old)\n\nold line\n\n| a |\n| --- |\n| 1 |\n", "utf-8")
    write_readme(markdown(RESULTS), readme)
    text = readme.read_text("utf-8")
    assert text.startswith("# X\n\nProse kept.\n\n### Latest run (2026-11-30T11:43:44Z")
    assert "old line" not in text and "| 1 |" not in text and text.count("### Latest run") == 1


def test_each_page_is_set_against_the_frame_around_its_title():
    from bench.run_all import own_content

    pages = {"overview": [900, 1000, 1100], "map": [700, None, 800]}
    frame = {"overview": [500, 500, 600], "map": []}
    assert own_content(pages, frame) == "overview 2.00×, map —"


def test_the_frame_baseline_app_shows_the_frame_and_only_the_title(app_env):
    from streamlit.testing.v1 import AppTest

    from dashboard.components.i18n import translate

    at = AppTest.from_file(str(FRAME_APP), default_timeout=60).run()
    assert not at.exception and not at.error
    assert [title.value for title in at.title] == [translate("nav.overview", "fr")]
    assert at.sidebar.button_group and "Version des données" in at.sidebar.caption[0].value
    assert not at.metric and not at.dataframe and not at.get("plotly_chart")

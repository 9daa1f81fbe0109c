"""Belgian French and British English formats, including negatives, zero and millions."""

import pytest

from dashboard.components.formatting import (
    format_by_column,
    format_compact_money,
    format_money,
    format_money_cents,
    format_number,
    format_percent,
    format_range,
)

NB = "\u00a0"


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (46231969.51, f"46.231.969,51{NB}€", "€46,231,969.51"),
        (7094800, f"7.094.800,00{NB}€", "€7,094,800.00"),
        (0, f"0,00{NB}€", "€0.00"),
        (-1234.5, f"-1.234,50{NB}€", "-€1,234.50"),
        (-0.001, f"0,00{NB}€", "€0.00"),
        (None, "–", "–"),
    ],
)
def test_money(value, fr, en):
    assert format_money(value, lang="fr") == fr
    assert format_money(value, lang="en") == en


def test_money_from_cents_is_exact():
    assert format_money_cents(4623196951, lang="fr") == f"46.231.969,51{NB}€"
    assert format_money_cents(-1, lang="en") == "-€0.01"


@pytest.mark.parametrize(
    ("value", "fr", "en"),
    [
        (651.63, f"651,63{NB}%", "651.63%"),
        (0, f"0,00{NB}%", "0.00%"),
        (-30, f"-30,00{NB}%", "-30.00%"),
        (1146.8, f"1.146,80{NB}%", "1,146.80%"),
    ],
)
def test_percent(value, fr, en):
    assert format_percent(value, lang="fr") == fr
    assert format_percent(value, lang="en") == en


def test_numbers_and_millions():
    assert format_number(10800, lang="fr") == "10.800"
    assert format_number(10800, lang="en") == "10,800"
    assert format_number(-2500000, lang="fr") == "-2.500.000"
    assert format_number(14.5, 1, lang="fr") == "14,5"
    assert format_compact_money(46231969.51, lang="fr") == f"46,2{NB}M€"
    assert format_compact_money(46231969.51, lang="en") == "€46.2m"


def test_ranges_and_column_suffixes():
    assert format_range(180, 220, "tCO2e", lang="fr") == f"180–220{NB}tCO2e"
    assert format_range(400, None, "tCO2e", lang="en") == f"≥{NB}400{NB}tCO2e"
    assert format_range(0, 100, "tCO2e", lang="fr") == f"≤{NB}100{NB}tCO2e"
    assert format_range(64.8, 88, "%", 1, lang="en") == "64.8–88.0%"
    assert format_by_column("investment_cents", 709480000, "fr") == f"7.094.800,00{NB}€"
    assert format_by_column("ratio_printed_bp", 65163, "en") == "651.63%"
    assert format_by_column("lower_tco2e", 1197.5, "fr") == f"1.197,5{NB}tCO2e"


def test_grouping_matches_babel_patterns_for_both_locales():
    """The fast formatter gives what Babel's `#,##0.00` pattern gives (fr_BE with dots, en_GB)."""
    import random

    from babel.numbers import format_decimal

    from dashboard.components.formatting import _number

    def babel(value, decimals, lang):
        pattern = "#,##0" + ("." + "0" * decimals if decimals else "")
        text = format_decimal(value, format=pattern, locale={"fr": "fr_BE", "en": "en_GB"}[lang])
        return text.replace("\u202f", ".").replace("\u00a0", ".") if lang == "fr" else text

    generator = random.Random(2024)
    values = [0, 2.675, 1.005, 0.015, 651.625, 46_231_969.51, 1_234_567.895, -1234.5, 7_094_800]
    values += [generator.randint(-(10**11), 10**11) / 100 for _ in range(2000)]
    values += [generator.uniform(-1e6, 1e6) for _ in range(2000)]
    for value in values:
        for decimals in (0, 1, 2):
            for lang in ("fr", "en"):
                assert _number(value, decimals, lang) == babel(value, decimals, lang), (value, decimals, lang)
    assert _number(-0.001, 2, "fr") == "0,00"  # never "-0,00"

"""The what-if inputs of the scenarios page: number inputs seeded with the report's values.

Values the user changes are marked « ✎ your input » row by row and can be reset in one click; the
model itself stays in dashboard/scenarios.py.

The panel is lazy (its twenty inputs are drawn only while it is open), so the values live in kept
session-state entries of their own: a closed panel still counts the user's changes, and opening it
again shows them.
"""

from __future__ import annotations

import streamlit as st

from dashboard.components.formatting import format_money_cents, format_number
from dashboard.components.i18n import label_of, t
from dashboard.scenarios import ScenarioInput, apply_overrides, changed_inputs, editable_fields

PREFIX = "scenarios_whatif"
MONEY_FIELDS = ("av_eligible_cents", "non_av_cents", "flat_rate_cents")
COLUMNS = {"days": 1, "av_eligible_cents": 2, "non_av_cents": 3, "flat_rate_cents": 2}


def widget_key(project_type: str, field: str) -> str:
    """Session-state key of one what-if input widget."""
    return f"{PREFIX}:{project_type}:{field}"


def kept_key(project_type: str, field: str) -> str:
    """Session-state key that keeps one what-if value while its widget is not drawn."""
    return f"{widget_key(project_type, field)}:kept"


def _widget_value(field: str, value: int):
    return round(value / 100, 2) if field in MONEY_FIELDS else int(value)


def _report_values(inputs: list[ScenarioInput]) -> dict[tuple[str, str], object]:
    return {(i.project_type, f): _widget_value(f, getattr(i, f)) for i in inputs for f in editable_fields(i)}


def reset_whatif(inputs: list[ScenarioInput]) -> None:
    """Put the report's values back in every what-if input (button callback)."""
    for (project_type, field), value in _report_values(inputs).items():
        st.session_state[widget_key(project_type, field)] = value
        st.session_state[kept_key(project_type, field)] = value


def _keep(project_type: str, field: str) -> None:
    """Widget callback: remember the value the user typed."""
    st.session_state[kept_key(project_type, field)] = st.session_state[widget_key(project_type, field)]


def user_inputs(report: list[ScenarioInput]) -> list[ScenarioInput]:
    """The model inputs with the values the user has typed (kept while the panel is closed)."""
    overrides = {}
    for (project_type, field), value in _report_values(report).items():
        current = st.session_state.setdefault(kept_key(project_type, field), value)
        overrides[(project_type, field)] = round(current * 100) if field in MONEY_FIELDS else int(current)
    return apply_overrides(report, overrides)


def describe_change(project_type: str, field: str, before: int, after: int) -> str:
    """One line naming a changed input with the report's value and the user's."""
    shown = format_money_cents if field in MONEY_FIELDS else format_number
    return t(
        "scenarios.change_line",
        type=label_of(project_type),
        field=t(f"scenarios.field_{field}"),
        before=shown(before),
        after=shown(after),
    )


def render_whatif(report: list[ScenarioInput]) -> list[ScenarioInput]:
    """Expander with one row of inputs per project type (drawn while open); returns the inputs in force."""
    current = user_inputs(report)
    changes = changed_inputs(report, current)
    changed_types = {c[0] for c in changes}
    panel = st.expander(t("scenarios.whatif_heading"), expanded=bool(changes), key=f"{PREFIX}:open", on_change="rerun")
    if not panel.open:
        return current
    with panel:
        st.caption(t("scenarios.whatif_intro"))
        widths = [3, 2, 2, 2, 2]
        header = st.columns(widths)
        for column, key in zip(header, ["type", "days", "av", "non_av", "status"]):
            column.markdown(f"**{t('scenarios.whatif_' + key)}**")
        for item in report:
            row = st.columns(widths, vertical_alignment="center")
            row[0].markdown(label_of(item.project_type))
            for field in editable_fields(item):
                money = field in MONEY_FIELDS
                column = row[COLUMNS[field]] if not (item.flat and money) else row[2]
                key = widget_key(item.project_type, field)
                if key not in st.session_state:  # a fresh widget shows the kept value
                    st.session_state[key] = st.session_state[kept_key(item.project_type, field)]
                column.number_input(
                    f"{label_of(item.project_type)} — {t('scenarios.field_' + field)}",
                    min_value=0.0 if money else 0,
                    max_value=1_000_000.0 if money else 10_000,
                    step=100.0 if money else 1,
                    format="%.2f" if money else "%d",
                    key=key,
                    on_change=_keep,
                    args=(item.project_type, field),
                    label_visibility="collapsed",
                )
            if item.flat:
                row[3].caption(t("scenarios.whatif_flat"))
            mark = t("scenarios.your_input") if item.project_type in changed_types else t("scenarios.from_report")
            row[4].markdown(f"**{mark}**" if item.project_type in changed_types else mark)
        st.button(t("scenarios.reset"), on_click=reset_whatif, args=(report,), key=f"{PREFIX}:reset")
    return current

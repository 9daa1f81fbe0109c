"""The report's shooting-day impact model (its section on shooting days) as pure functions (no Streamlit).

For each project type, the Walloon spend of the shooting days that Wallimage Tournages supports on
projects Wallimage did not co-finance is

    attributable days × (share × audiovisual-eligible spend per day + non-audiovisual spend per day)

for the types whose spend per day was measured on co-financed projects, and attributable days × a flat
500 € per day for the others (short fiction, advertising, music and video clips), whatever the share.
The non-audiovisual spend of the co-financed projects (the "complement") is added unscaled.

This is the arithmetic that reproduces the three printed tables (100 %, 50 %, 25 %). The report's
headings describe another base ("technicians, casting and equipment rental", "total spend"), and the
25 % table's heading repeats "50 %": both are recorded in the discrepancies table.

Money is exact: inputs are integer cents, the arithmetic uses Decimal, and each component is rounded
to the cent (half up) before summing, as the report sums its printed components.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pandas as pd

# The share slider (%) and its URL parameter `share` share this one range.
SHARE_RANGE = (0, 100)
EDITABLE_FIELDS = ("days", "av_eligible_cents", "non_av_cents", "flat_rate_cents")


@dataclass(frozen=True)
class ScenarioInput:
    """One project type: attributable days, spend per day (cents) and complement (cents)."""

    project_type: str
    days: int
    flat: bool
    av_eligible_cents: int = 0
    non_av_cents: int = 0
    flat_rate_cents: int = 0
    complement_cents: int = 0


@dataclass(frozen=True)
class Component:
    """The result for one project type at a given share."""

    project_type: str
    days: int
    per_day_cents: Decimal
    days_spend_cents: int
    complement_cents: int

    @property
    def total_cents(self) -> int:
        return self.days_spend_cents + self.complement_cents


@dataclass(frozen=True)
class ScenarioResult:
    """Total and components of the model at one share."""

    share: Decimal
    components: tuple[Component, ...]

    @property
    def days_spend_cents(self) -> int:
        return sum(c.days_spend_cents for c in self.components)

    @property
    def complement_cents(self) -> int:
        return sum(c.complement_cents for c in self.components)

    @property
    def total_cents(self) -> int:
        return self.days_spend_cents + self.complement_cents

    def component(self, project_type: str) -> Component:
        """The component of one project type."""
        return next(c for c in self.components if c.project_type == project_type)


def as_share(share) -> Decimal:
    """A share in [0, 1] as an exact Decimal (floats go through their shortest text form)."""
    if isinstance(share, Fraction):
        value = Decimal(share.numerator) / Decimal(share.denominator)
    else:
        value = Decimal(str(share)) if isinstance(share, float) else Decimal(share)
    if not value.is_finite() or value < 0 or value > 1:
        raise ValueError(f"share must be between 0 and 1, got {share!r}")
    return value


def share_from_percent(percent) -> Decimal:
    """40 → Decimal('0.4'), for the slider in whole percent."""
    return as_share(Decimal(str(percent)) / 100)


def _cents(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def per_day_spend_cents(item: ScenarioInput, share) -> Decimal:
    """Spend per day at a share: share × AV-eligible + non-AV for measured types; flat rate otherwise."""
    if item.flat:
        return Decimal(item.flat_rate_cents)
    return as_share(share) * item.av_eligible_cents + item.non_av_cents


def compute_scenario(inputs: list[ScenarioInput], share) -> ScenarioResult:
    """Every component and the total of the model at a share in [0, 1]."""
    value = as_share(share)
    components = []
    for item in inputs:
        if item.days < 0 or min(item.av_eligible_cents, item.non_av_cents, item.flat_rate_cents) < 0:
            raise ValueError(f"negative input for {item.project_type}")
        per_day = per_day_spend_cents(item, value)
        components.append(
            Component(item.project_type, item.days, per_day, _cents(per_day * item.days), item.complement_cents)
        )
    return ScenarioResult(value, tuple(components))


def inputs_from_frame(frame: pd.DataFrame) -> list[ScenarioInput]:
    """Model inputs from the rows of the scenarios/model_inputs query."""

    def cents(value) -> int:
        return 0 if pd.isna(value) else int(value)

    return [
        ScenarioInput(
            project_type=row.project_type,
            days=int(row.attributable_days),
            flat=row.rate_basis == "flat",
            av_eligible_cents=cents(row.av_eligible_cents),
            non_av_cents=cents(row.non_av_cents),
            flat_rate_cents=cents(row.flat_rate_cents),
            complement_cents=cents(row.complement_non_av_cents),
        )
        for row in frame.itertuples(index=False)
    ]


def editable_fields(item: ScenarioInput) -> tuple[str, ...]:
    """The what-if fields of a type: days and its own spend-per-day inputs."""
    return ("days", "flat_rate_cents") if item.flat else ("days", "av_eligible_cents", "non_av_cents")


def apply_overrides(inputs: list[ScenarioInput], overrides: dict[tuple[str, str], int]) -> list[ScenarioInput]:
    """Inputs with the user's values ({(project_type, field): value}) in place of the report's."""
    out = []
    for item in inputs:
        changes = {f: int(v) for (p, f), v in overrides.items() if p == item.project_type and f in EDITABLE_FIELDS}
        out.append(replace(item, **changes) if changes else item)
    return out


def changed_inputs(report: list[ScenarioInput], user: list[ScenarioInput]) -> list[tuple[str, str, int, int]]:
    """(project_type, field, report value, user value) for every input the user changed."""
    changes = []
    for before, after in zip(report, user):
        for name in editable_fields(before):
            if getattr(before, name) != getattr(after, name):
                changes.append((before.project_type, name, getattr(before, name), getattr(after, name)))
    return changes


def result_frame(result: ScenarioResult) -> pd.DataFrame:
    """One row per project type (days, spend per day, days component, complement, total), in cents."""
    return pd.DataFrame(
        [
            {
                "project_type": c.project_type,
                "attributable_days": c.days,
                "per_day_cents": float(c.per_day_cents),
                "days_spend_cents": c.days_spend_cents,
                "complement_cents": c.complement_cents,
                "total_cents": c.total_cents,
            }
            for c in result.components
        ]
    )


def detail_frame(result: ScenarioResult, inputs: list[ScenarioInput], changed_types: set[str]) -> pd.DataFrame:
    """The calculation at one share with the inputs used and their origin ('input_user' / 'input_report')."""
    used = {i.project_type: i for i in inputs}
    frame = result_frame(result)
    # Flat-rate types have no audiovisual / non-audiovisual split: leave those cells empty, not 0 €.
    frame.insert(
        2, "av_eligible_cents", [None if used[p].flat else used[p].av_eligible_cents for p in frame["project_type"]]
    )
    frame.insert(3, "non_av_cents", [None if used[p].flat else used[p].non_av_cents for p in frame["project_type"]])
    frame["input_origin"] = ["input_user" if p in changed_types else "input_report" for p in frame["project_type"]]
    return frame


def headline_total(result: ScenarioResult, published_totals: pd.DataFrame, inputs_changed: bool) -> dict:
    """What the page shows as the total: the printed total at a published share with the report's
    inputs (the model reproduces it within a euro), the model's value otherwise."""
    percent = result.share * 100
    row = published_totals[published_totals["share_bp"] == int(percent * 100)]
    if not inputs_changed and percent == percent.to_integral_value() and not row.empty:
        printed = int(row["total_cents"].iloc[0])
        return {
            "total_cents": printed,
            "days_spend_cents": int(row["days_spend_cents"].iloc[0]),
            "quality": "reported",
            "published": True,
            "model_cents": result.total_cents,
            "difference_cents": result.total_cents - printed,
        }
    return {
        "total_cents": result.total_cents,
        "days_spend_cents": result.days_spend_cents,
        "quality": "scenario",
        "published": False,
        "model_cents": result.total_cents,
        "difference_cents": 0,
    }

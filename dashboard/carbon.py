"""What the report's carbon sample supports, as pure interval arithmetic (no Streamlit).

The report measures five shoots but states their footprints only together and approximately:
three at « about 200 » tCO2e (180–220 by the ±10 % convention for « environ »), one « above 400 »
(no upper bound stated), one « below 100 » (0–100), and a mean of 240 (a whole number: 239.5–240.5).
It never says which footprint belongs to which shoot, so nothing here assigns one to a shoot.

Read together, the statements bound each other: the five footprints sum to 5 × the mean. For a box of
bounds cut by one sum constraint, the exact bounds of one footprint (or of the sum of a subset) are
    [max(own lower, total lower − others' uppers), min(own upper, total upper − others' lowers)],
which is what linear programming would give. Results computed this way are 'derived'.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations

import pandas as pd

INF = math.inf
WHOLE_SAMPLE = "whole_sample"
# The green-manager what-if slider (%) and its URL parameter `reduction` share this one range:
# a cut of 100 % would mean no footprint at all, which no source supports.
REDUCTION_RANGE = (0, 90)
# Carbon kinds with a measured spend per shooting day (the report's shooting-day section). The carbon chart says « LM »
# (long métrage) without saying fiction; the spend table's feature row is fiction.
KIND_SPEND_WORK_TYPE = {"feature": "feature_fiction", "series": "series_fiction"}


@dataclass(frozen=True)
class Interval:
    """A closed range [low, high]; high may be infinite (no stated upper bound)."""

    low: float
    high: float = INF

    def __post_init__(self):
        if self.low > self.high:
            raise ValueError(f"empty interval [{self.low}, {self.high}]")

    def scale(self, factor: float) -> Interval:
        """Both bounds multiplied by a non-negative factor."""
        if factor < 0:
            raise ValueError("factor must be non-negative")
        return Interval(self.low * factor, self.high * factor if factor else 0.0)

    def per(self, amount: float) -> Interval:
        """Both bounds divided by a positive amount (days, person-days)."""
        if amount <= 0:
            raise ValueError("amount must be positive")
        return Interval(self.low / amount, self.high / amount)

    @property
    def width(self) -> float:
        return self.high - self.low


@dataclass(frozen=True)
class Statement:
    """« n projects have a footprint in [low, high] » (one of the report's sentences)."""

    statement_id: str
    count: int
    bounds: Interval
    stated: float | None = None
    relation: str = "about"  # about, above, below or mean: how the report words it


def statements_from_frame(frame: pd.DataFrame) -> tuple[list[Statement], Interval, int]:
    """Group statements, the mean's bounds and the sample size from the carbon/footprints query."""
    groups, mean, size = [], None, 0
    for row in frame.itertuples(index=False):
        high = INF if pd.isna(row.upper_tco2e) else float(row.upper_tco2e)
        low = 0.0 if pd.isna(row.lower_tco2e) else float(row.lower_tco2e)
        if row.relation == "mean":
            mean, size = Interval(low, high), int(row.projects_count)
        else:
            groups.append(
                Statement(
                    row.statement_id,
                    int(row.projects_count),
                    Interval(low, high),
                    float(row.stated_tco2e),
                    row.relation,
                )
            )
    if mean is None:
        raise ValueError("the footprint statements have no mean")
    return groups, mean, size


def sample_total(mean: Interval, size: int) -> Interval:
    """Bounds of the sum of the sample's footprints: size × the mean's bounds (1197.5–1202.5)."""
    return mean.scale(size)


def slots(statements: list[Statement]) -> list[tuple[str, Interval]]:
    """One (statement id, bounds) slot per project covered by the statements."""
    return [(s.statement_id, s.bounds) for s in statements for _ in range(s.count)]


def check_consistent(statements: list[Statement], total: Interval) -> None:
    """Raise if the statements cannot hold together (their bounds cannot reach the total)."""
    every = slots(statements)
    if sum(b.low for _, b in every) > total.high or sum(b.high for _, b in every) < total.low:
        raise ValueError("the footprint statements contradict the mean")


def subset_bounds(chosen: list[Interval], others: list[Interval], total: Interval) -> Interval:
    """Exact bounds of the sum of `chosen` slots given all slots sum to within `total`."""
    low = max(sum(b.low for b in chosen), total.low - sum(b.high for b in others))
    high = min(sum(b.high for b in chosen), total.high - sum(b.low for b in others))
    return Interval(max(low, 0.0), high)


def derived_bounds(statements: list[Statement], total: Interval) -> dict[str, Interval]:
    """Tightest bounds of one project's footprint per statement, using the sum (e.g. above_400 → 437.5–662.5)."""
    check_consistent(statements, total)
    every = slots(statements)
    out = {}
    for index, (statement_id, bounds) in enumerate(every):
        if statement_id in out:
            continue
        others = [b for i, (_, b) in enumerate(every) if i != index]
        out[statement_id] = subset_bounds([bounds], others, total)
    return out


def group_bounds(statements: list[Statement], size: int, total: Interval) -> Interval:
    """Bounds of the summed footprint of any `size` projects of the sample (the assignment is unknown)."""
    check_consistent(statements, total)
    every = [b for _, b in slots(statements)]
    if not 0 < size <= len(every):
        raise ValueError(f"a group of {size} projects in a sample of {len(every)}")
    lows, highs = [], []
    for chosen_index in combinations(range(len(every)), size):
        chosen = [every[i] for i in chosen_index]
        others = [every[i] for i in range(len(every)) if i not in chosen_index]
        bounds = subset_bounds(chosen, others, total)
        lows.append(bounds.low)
        highs.append(bounds.high)
    return Interval(min(lows), max(highs))


def any_project_bounds(statements: list[Statement], total: Interval) -> Interval:
    """What one unidentified project's footprint can be: the widest of the derived bounds (0–662.5)."""
    return group_bounds(statements, 1, total)


def intensity_frame(statements: list[Statement], total: Interval, sizes: pd.DataFrame) -> pd.DataFrame:
    """tCO2e per shooting day and per person-day, as ranges, for the whole sample and each kind.

    `sizes` is the carbon/sample_totals query (kind, projects, shooting_days, person_days)."""
    rows = []
    for row in sizes.itertuples(index=False):
        footprint = total if row.kind == WHOLE_SAMPLE else group_bounds(statements, int(row.projects), total)
        per_day, per_person_day = footprint.per(row.shooting_days), footprint.per(row.person_days)
        rows.append(
            {
                "kind": row.kind,
                "projects": int(row.projects),
                "shooting_days": int(row.shooting_days),
                "person_days": int(row.person_days),
                "footprint_low_t": footprint.low,
                "footprint_high_t": footprint.high,
                "per_day_low": per_day.low,
                "per_day_high": per_day.high,
                "per_person_day_low_kg": per_person_day.low * 1000,
                "per_person_day_high_kg": per_person_day.high * 1000,
                "quality": "approximate" if row.kind == WHOLE_SAMPLE else "derived",
            }
        )
    return pd.DataFrame(rows)


def project_ranges(statements: list[Statement], total: Interval, projects: pd.DataFrame) -> pd.DataFrame:
    """Each shoot with the honest wide range of its footprint and intensities (any statement may be its own)."""
    bounds = any_project_bounds(statements, total)
    out = projects[["project_no", "kind", "crew", "shooting_days", "person_days"]].copy()
    out["footprint_low_t"] = bounds.low
    out["footprint_high_t"] = bounds.high
    out["per_day_low"] = bounds.low / out["shooting_days"]
    out["per_day_high"] = bounds.high / out["shooting_days"]
    return out


def statement_ranges(statements: list[Statement], mean: Interval, total: Interval, reduction: float = 0.0):
    """One row per statement: stated bounds, derived bounds and the bounds after a reduction (what-if)."""
    derived = derived_bounds(statements, total)
    factor = 1 - reduction
    rows = []
    sample = sum(x.count for x in statements)
    for s in [*statements, Statement("mean", sample, mean, (mean.low + mean.high) / 2, "mean")]:
        tight = derived.get(s.statement_id, s.bounds) if s.relation != "mean" else s.bounds
        rows.append(
            {
                "statement_id": s.statement_id,
                "relation": s.relation,
                "projects_count": s.count,
                "stated_t": s.stated,
                "stated_low_t": s.bounds.low,
                "stated_high_t": None if math.isinf(s.bounds.high) else s.bounds.high,
                "derived_low_t": tight.low,
                "derived_high_t": tight.high,
                "tightened": tight != s.bounds,
                "after_low_t": tight.low * factor,
                "after_high_t": tight.high * factor,
            }
        )
    return pd.DataFrame(rows)


def apply_reduction(bounds: Interval, reduction: float) -> Interval:
    """Bounds after cutting emissions by a share in [0, 1] (green-manager what-if)."""
    if not 0 <= reduction <= 1:
        raise ValueError("reduction must be between 0 and 1")
    return bounds.scale(1 - reduction)


def share_of_total(part_of_phase: Interval, phase_share: Interval) -> Interval:
    """Share of all emissions of posts that make a share of one phase (≈ 80 % of > 90 % → 64.8–88 %)."""
    return Interval(part_of_phase.low * phase_share.low / 100, part_of_phase.high * phase_share.high / 100)


def spend_and_carbon_per_day(intensity: pd.DataFrame, spend: pd.DataFrame) -> pd.DataFrame:
    """Side by side for each kind: Walloon spend per shooting day (when measured) and tCO2e per day."""
    by_work_type = spend.set_index("work_type")["total_per_day_cents"]
    out = intensity[["kind", "projects", "shooting_days", "per_day_low", "per_day_high", "quality"]].copy()
    out.insert(
        3,
        "spend_per_day_cents",
        [by_work_type.get(KIND_SPEND_WORK_TYPE.get(kind), None) for kind in out["kind"]],
    )
    return out


def round_outward(bounds: Interval, decimals: int) -> Interval:
    """Bounds rounded away from each other, so that a shown range never claims more precision."""
    factor = 10**decimals
    high = bounds.high if math.isinf(bounds.high) else math.ceil(round(bounds.high * factor, 9)) / factor
    return Interval(math.floor(round(bounds.low * factor, 9)) / factor, high)

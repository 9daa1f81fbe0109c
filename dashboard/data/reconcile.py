"""Reconcile every printed total, subtotal, share and ratio of the report with its rows.

Each check has a key such as `aggregate:B24-3.2.2:headline:investment`. A mismatch fails the
build unless a row of discrepancies.csv lists a matching pattern in `check_keys` (fnmatch
syntax), i.e. unless the inconsistency is recorded. Tolerances come from the printed precision:
a value printed with d decimals may differ from the exact one by half a unit of its last digit;
a sum of n rounded values may differ from its rounded total by n half-units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch

from dashboard.data.errors import ReconciliationError
from dashboard.data.seeds_io import Table, decimals_of


def half_unit(printed: str, scale: int) -> float:
    """Half a unit of the last printed digit, in the stored unit (scale = 100 for cents/bp)."""
    return scale * 0.5 * 10 ** (-decimals_of(printed))


@dataclass
class Mismatch:
    """One failed check: its key and the sentence that explains it."""

    key: str
    message: str


@dataclass
class Reconciler:
    """Collects mismatches; `finish` raises on the first one that is not recorded."""

    allowed_patterns: list[str]
    report_year: int | None = None
    mismatches: list[Mismatch] = field(default_factory=list)
    checks_run: int = 0

    def compare(self, key: str, what: str, printed: float, exact: float, tolerance: float, unit: str):
        """Record a mismatch when |printed - exact| exceeds the tolerance."""
        self.checks_run += 1
        if printed is None or exact is None:
            return
        if abs(printed - exact) > tolerance + 1e-9:
            shown = {"cents": lambda v: f"{v / 100:,.2f} €", "bp": lambda v: f"{v / 100:.2f} %"}
            fmt = shown.get(unit, lambda v: f"{v:g}")
            diff = fmt(printed - exact)
            self.mismatches.append(
                Mismatch(key, f"{what}: printed {fmt(printed)}, rows give {fmt(exact)} (difference {diff})")
            )

    def is_recorded(self, key: str) -> bool:
        """Whether a discrepancy row covers this check key."""
        return any(fnmatch(key, pattern) for pattern in self.allowed_patterns)

    def unrecorded(self) -> list[Mismatch]:
        """Mismatches that no discrepancy covers."""
        return [m for m in self.mismatches if not self.is_recorded(m.key)]

    def stale_patterns(self) -> list[str]:
        """Recorded check patterns that matched no mismatch (the seed may have been fixed)."""
        return [p for p in self.allowed_patterns if not any(fnmatch(m.key, p) for m in self.mismatches)]

    def finish(self) -> None:
        """Raise ReconciliationError for the first unrecorded mismatch."""
        bad = self.unrecorded()
        if bad:
            more = f" ({len(bad) - 1} more mismatch(es) follow the same rule)" if len(bad) > 1 else ""
            report = f"the {self.report_year} report, " if self.report_year else ""
            raise ReconciliationError(
                f"Reconciliation failed — {report}{bad[0].message} [check {bad[0].key}]{more}; "
                "fix the seed or record the inconsistency in that report's discrepancies.csv (check_keys)."
            )


def _matches(value: str, pattern: str) -> bool:
    return pattern == "*" or value in pattern.split("|")


def select_works(works: Table, sector: str, work_type: str, origin: str) -> list[dict]:
    """Works selected by an aggregate row's filters ('*' = any, 'a|b' = either)."""
    return [
        w
        for w in works.rows
        if _matches(w["sector"], sector) and _matches(w["work_type"], work_type) and _matches(w["origin"], origin)
    ]


def check_works(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Per-work ratios and co-production shares."""
    shares = tables["work_countries"]
    for w, raw in zip(tables["works"].rows, tables["works"].raw):
        exact = w["walloon_spend_cents"] / w["investment_cents"] * 10000
        rec.compare(
            f"ratio:work:{w['work_id']}",
            f"works.csv, work {w['work_id']} ({w['title']}), ratio",
            w["ratio_printed_bp"],
            exact,
            half_unit(raw["ratio_printed_pct"], 100),
            "bp",
        )
        rows = [(s, r) for s, r in zip(shares.rows, shares.raw) if s["work_id"] == w["work_id"]]
        if not rows:
            rec.mismatches.append(Mismatch(f"shares:work:{w['work_id']}", f"work {w['work_id']} has no country share"))
            continue
        tolerance = sum(half_unit(r["share_pct"], 100) for _, r in rows)
        rec.compare(
            f"shares:work:{w['work_id']}",
            f"work_countries.csv, work {w['work_id']} ({w['title']}), sum of co-production shares",
            sum(s["share_bp"] for s, _ in rows),
            10000,
            tolerance,
            "bp",
        )


def check_aggregates(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Every printed aggregate row against the works it summarises."""
    aggregates = tables["report_aggregates"]
    totals = {}
    for a in aggregates.rows:
        if a["row_key"] in ("total", "spend_total"):
            totals[a["table_id"]] = a
    for a, raw in zip(aggregates.rows, aggregates.raw):
        chosen = select_works(tables["works"], a["filter_sector"], a["filter_work_type"], a["filter_origin"])
        n = len(chosen)
        invest = sum(w["investment_cents"] for w in chosen)
        spend = sum(w["walloon_spend_cents"] for w in chosen)
        key = f"aggregate:{a['table_id']}:{a['row_key']}"
        where = f"report_aggregates.csv, {a['table_id']} row {a['row_key']}"
        rec.compare(f"{key}:count", f"{where}, works", a["works_count"], n, 0, "n")
        rec.compare(
            f"{key}:investment",
            f"{where}, invested",
            a["investment_cents"],
            invest,
            half_unit(raw["investment_eur"], 100),
            "cents",
        )
        rec.compare(
            f"{key}:spend",
            f"{where}, Walloon spend",
            a["walloon_spend_cents"],
            spend,
            half_unit(raw["walloon_spend_eur"], 100),
            "cents",
        )
        if invest:
            rec.compare(
                f"{key}:ratio",
                f"{where}, ratio",
                a["ratio_printed_bp"],
                spend / invest * 10000,
                half_unit(raw["ratio_printed_pct"], 100),
                "bp",
            )
        average = invest / n if n else 0
        rec.compare(
            f"{key}:average",
            f"{where}, average investment",
            a["average_investment_printed_cents"],
            average,
            half_unit(raw["average_investment_printed_eur"], 100),
            "cents",
        )
        total = totals.get(a["table_id"])
        if total is None:
            continue
        base = select_works(tables["works"], total["filter_sector"], total["filter_work_type"], total["filter_origin"])
        for measure, mine, all_, col in (
            ("count_share", n, len(base), "count_share_printed_pct"),
            ("investment_share", invest, sum(w["investment_cents"] for w in base), "investment_share_printed_pct"),
            ("spend_share", spend, sum(w["walloon_spend_cents"] for w in base), "spend_share_printed_pct"),
        ):
            if all_:
                rec.compare(
                    f"{key}:{measure}",
                    f"{where}, {measure.replace('_', ' ')}",
                    a[col.replace("_pct", "_bp")],
                    mine / all_ * 10000,
                    half_unit(raw[col], 100),
                    "bp",
                )


def check_spend_by_post(rec: Reconciler, tables: dict[str, Table]) -> None:
    """Posts sum to their sector's Walloon spend; the consolidated chart sums the sectors."""
    sector_total = {
        "live_action": ("B24-2.2.2.1", "total"),
        "animation": ("B24-3.2.2.1", "total"),
        "tv_format": ("B24-1.2.3", "total"),
        "all": ("B24-7.1", "total"),
    }
    aggregates = {(a["table_id"], a["row_key"]): a for a in tables["report_aggregates"].rows}
    posts = tables["spend_by_post"]
    for sector, ref in sector_total.items():
        rows = [(p, r) for p, r in zip(posts.rows, posts.raw) if p["sector"] == sector]
        total = aggregates[ref]["walloon_spend_cents"]
        tolerance = sum(half_unit(r["amount_eur"], 100) for _, r in rows)
        rec.compare(
            f"posts:{sector}:sum",
            f"spend_by_post.csv, {sector}, sum of posts",
            sum(p["amount_cents"] for p, _ in rows),
            total,
            tolerance,
            "cents",
        )
        for p, r in rows:
            rec.compare(
                f"posts:{sector}:{p['post']}:share",
                f"spend_by_post.csv, {sector} {p['post']}, share",
                p["share_printed_bp"],
                p["amount_cents"] / total * 10000,
                half_unit(r["share_printed_pct"], 100),
                "bp",
            )
    by_post: dict[str, list[int]] = {}
    for p in posts.rows:
        if p["sector"] != "all":
            by_post.setdefault(p["post"], []).append(p["amount_cents"])
    for p in posts.where(sector="all"):
        parts = by_post.get(p["post"], [])
        rec.compare(
            f"posts:all:{p['post']}:consolidation",
            f"spend_by_post.csv, all {p['post']} vs the sector charts",
            p["amount_cents"],
            sum(parts),
            50 * (len(parts) + 1),
            "cents",
        )

"""Pure arithmetic of the dashboards: which years a refresh computes, each tenant's rates and
the sums over any set of tenants. Plain values in, plain values out."""

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal, InvalidOperation

from .catalog import KINDS, SUMMABLE, Kind

Value = int | Decimal | str | float | None
Figures = dict[str, Value]

# 票决 phases (tenants/voting) after the plenary vote: the year's projects are decided.
DECIDED_PHASES = frozenset({"implement", "evaluate", "closed"})
NO_CYCLE = "none"


def rollup_years(today: date) -> tuple[int, int, int]:
    """The years a refresh computes: last year (its evaluation ends early in this one), this
    year, and next year (its cycle is prepared and voted on from the autumn). Older rows stay as
    they were last computed."""
    return (today.year - 1, today.year, today.year + 1)


def number(value: object) -> Decimal:
    """A figure as a Decimal for sums: money arrives as a string, counts as ints, absent as 0."""
    if value is None or value == "" or isinstance(value, bool):
        return Decimal(0)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return Decimal(0)


def rate(part: object, whole: object) -> float | None:
    denominator = number(whole)
    if denominator <= 0:
        return None
    return round(float(number(part) / denominator), 4)


def as_kind(key: str, value: object) -> Value:
    """A stored figure in the shape its kind promises (JSON keeps money as a string)."""
    if value is None:
        return None
    kind = KINDS.get(key)
    if kind is Kind.COUNT:
        return int(number(value))
    if kind is Kind.MONEY:
        return number(value)
    if kind is Kind.RATE:
        return float(number(value))
    return str(value)


def is_decided(figures: Mapping[str, object]) -> bool:
    """Has this tenant's congress voted on the year's projects (票决 coverage)?"""
    return figures.get("voting_phase") in DECIDED_PHASES or int(number(figures.get("adopted"))) > 0


def with_rates(figures: Mapping[str, object]) -> Figures:
    """The figures plus the rates the dashboard shows, from the same figures."""
    out: Figures = {key: as_kind(key, figures.get(key)) for key in KINDS}
    rated = sum(
        number(figures.get(k)) for k in ("rated_satisfied", "rated_basic", "rated_unsatisfied")
    )
    satisfied = number(figures.get("rated_satisfied")) + number(figures.get("rated_basic"))
    if out["satisfaction_rate"] is None:
        out["satisfaction_rate"] = rate(satisfied, rated)
    out["completion_rate"] = rate(figures.get("projects_completed"), figures.get("projects"))
    out["average_stars"] = rate(figures.get("star_total"), figures.get("stations_rated"))
    out["participation_rate"] = rate(figures.get("deputies_active"), figures.get("deputies"))
    out["closure_rate"] = rate(figures.get("opinions_closed"), figures.get("opinions"))
    out["timeliness_rate"] = rate(figures.get("opinions_on_time"), figures.get("opinions_closed"))
    return out


def total(rows: Iterable[Mapping[str, object]]) -> Figures:
    """Sums over tenants, and the rates of the sums (a weighted mean, never a mean of rates)."""
    rows = list(rows)
    sums: dict[str, object] = {}
    for key in SUMMABLE:
        summed = sum((number(row.get(key)) for row in rows), Decimal(0))
        sums[key] = summed if KINDS[key] is Kind.MONEY else int(summed)
    out = with_rates({**sums, "satisfaction_rate": None})
    out["voting_phase"] = None
    out["tenants"] = len(rows)
    out["decided"] = sum(1 for row in rows if is_decided(row))
    out["coverage_rate"] = rate(out["decided"], len(rows))
    return out


def phase_counts(rows: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """How many tenants are at each 票决 phase of the year; `none` for no cycle."""
    return dict(Counter(str(row.get("voting_phase") or NO_CYCLE) for row in rows))

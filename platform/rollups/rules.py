"""Pure arithmetic of the dashboards: which years a refresh computes, each tenant's rates and
the sums over any set of tenants. Plain values in, plain values out. Every ratio the dashboards
show is computed here, by `ratio`, from the table in catalog.py."""

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from .catalog import KINDS, RATIOS, SUMMABLE, Kind, Unit

Value = int | Decimal | str | None
Figures = dict[str, Value]

# 票决 phases (tenants/voting) after the plenary vote: the year's projects are decided.
DECIDED_PHASES = frozenset({"implement", "evaluate", "closed"})
NO_CYCLE = "none"
ONE_PLACE = Decimal("0.1")
SCALE = {Unit.PERCENT: Decimal(100), Unit.STARS: Decimal(1)}


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


def ratio(part: object, whole: object, unit: Unit = Unit.PERCENT) -> Decimal | None:
    """part / whole in `unit`, rounded half-up to the one decimal place the dashboards show
    (66.65 -> 66.7); None when there is nothing to divide by: no data, shown as "—", never as
    100% or 0%."""
    denominator = number(whole)
    if denominator <= 0:
        return None
    exact = number(part) * SCALE[unit] / denominator
    return exact.quantize(ONE_PLACE, rounding=ROUND_HALF_UP)


def as_kind(key: str, value: object) -> Value:
    """A stored figure in the shape its kind promises (JSON keeps money as a string)."""
    if value is None:
        return None
    kind = KINDS.get(key)
    if kind is Kind.COUNT:
        return int(number(value))
    if kind is Kind.MONEY:
        return number(value)
    return str(value)


def is_decided(figures: Mapping[str, object]) -> bool:
    """Has this tenant's congress voted on the year's projects (票决 coverage)?"""
    return figures.get("voting_phase") in DECIDED_PHASES or int(number(figures.get("adopted"))) > 0


def with_rates(figures: Mapping[str, object]) -> Figures:
    """The stored figures plus every ratio of catalog.RATIOS, from those same figures."""
    out: Figures = {key: as_kind(key, figures.get(key)) for key in KINDS}
    for r in RATIOS:
        out[r.key] = ratio(figures.get(r.numerator), figures.get(r.denominator), r.unit)
    return out


def tally(rows: Iterable[Mapping[str, object]]) -> dict[str, object]:
    """What a set of tenants' figures adds up to, in a form that adds again: the summable
    figures, how many tenants, how many decided, how many at each 票决 phase. A dashboard's total
    over many tenants is `combine` of the tallies of any partition of them (a county's, a city's)."""
    rows = list(rows)
    sums: dict[str, object] = {}
    for key in SUMMABLE:
        summed = sum((number(row.get(key)) for row in rows), Decimal(0))
        sums[key] = summed if KINDS[key] is Kind.MONEY else int(summed)
    return {
        "sums": sums,
        "tenants": len(rows),
        "decided": sum(1 for row in rows if is_decided(row)),
        "phases": phase_counts(rows),
    }


def combine(tallies: Iterable[Mapping[str, object]]) -> tuple[Figures, dict[str, int]]:
    """The totals of several tallies and their phase counts: sums added, then the ratios of the
    sums (never a mean of the parts' ratios)."""
    sums: dict[str, object] = {}
    tenants = decided = 0
    phases: Counter[str] = Counter()
    for part in tallies:
        part_sums = part["sums"]
        assert isinstance(part_sums, Mapping)
        for key in SUMMABLE:
            summed = number(sums.get(key)) + number(part_sums.get(key))
            sums[key] = summed if KINDS[key] is Kind.MONEY else int(summed)
        tenants += int(number(part["tenants"]))
        decided += int(number(part["decided"]))
        counted = part["phases"]
        assert isinstance(counted, Mapping)
        phases.update({str(phase): int(n) for phase, n in counted.items()})
    out = with_rates({key: sums.get(key, 0) for key in SUMMABLE})
    out["voting_phase"] = None
    out["tenants"] = tenants
    out["decided"] = decided
    out["coverage_rate"] = ratio(decided, tenants)
    return out, dict(phases)


def total(rows: Iterable[Mapping[str, object]]) -> Figures:
    """Sums over tenants, and the ratios of the sums (never a mean of the tenants' ratios)."""
    return combine([tally(rows)])[0]


def phase_counts(rows: Iterable[Mapping[str, object]]) -> dict[str, int]:
    """How many tenants are at each 票决 phase of the year; `none` for no cycle."""
    return dict(Counter(str(row.get("voting_phase") or NO_CYCLE) for row in rows))

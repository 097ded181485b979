"""履职积分 as pure functions over plain values: points per kind, caps per quarter and year, the
score of a year and its band. No ORM here: selectors feed entries in, pages show what comes out.

Defaults follow documented schemes (domain-practice.md §2.5): a suggestion or an inspection
organised by the standing committee +3 (江北), a leave -1 (江北), and bands on a 100-point scale
(银川: >=80 good, 60-79 fair, <60 poor). Every number is a tenant's setting.
"""

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Band(StrEnum):
    GOOD = "good"
    FAIR = "fair"
    POOR = "poor"


@dataclass(frozen=True)
class KindRule:
    """Points for one entry of a kind; the caps bound the kind's total (its magnitude, for a
    deduction) within a quarter and within a year. None: no cap."""

    points: Decimal
    quarter_cap: Decimal | None = None
    year_cap: Decimal | None = None


@dataclass(frozen=True)
class Scheme:
    rules: Mapping[str, KindRule]
    base: Decimal = Decimal(60)
    ceiling: Decimal | None = Decimal(100)
    good_from: Decimal = Decimal(80)
    fair_from: Decimal = Decimal(60)

    def problems(self) -> list[str]:
        """Why this scheme cannot be used, as codes (empty when it can)."""
        found = []
        if self.fair_from > self.good_from:
            found.append("bands_out_of_order")
        if self.ceiling is not None and self.base > self.ceiling:
            found.append("base_above_ceiling")
        for rule in self.rules.values():
            caps = [c for c in (rule.quarter_cap, rule.year_cap) if c is not None]
            if any(c < 0 for c in caps):
                found.append("cap_negative")
                break
        return found


@dataclass(frozen=True)
class DutySettings:
    """A congress's scheme as it set it (kept in the public `congresses.ModuleSettings` under
    "duty"): the base, the ceiling, the bands, the objection window, and the kinds whose points
    it changed (the other kinds use DEFAULT_RULES)."""

    base_score: Decimal = Decimal(60)
    ceiling: Decimal | None = Decimal(100)
    good_from: Decimal = Decimal(80)
    fair_from: Decimal = Decimal(60)
    objection_days: int = 7
    point_rules: Mapping[str, KindRule] = field(default_factory=dict)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> "DutySettings":
        found = cls()
        return cls(
            base_score=Decimal(values.get("base_score", found.base_score)),
            ceiling=_decimal_or_none(values.get("ceiling", found.ceiling)),
            good_from=Decimal(values.get("good_from", found.good_from)),
            fair_from=Decimal(values.get("fair_from", found.fair_from)),
            objection_days=int(values.get("objection_days", found.objection_days)),
            point_rules={
                kind: KindRule(
                    Decimal(rule["points"]),
                    _decimal_or_none(rule.get("quarter_cap")),
                    _decimal_or_none(rule.get("year_cap")),
                )
                for kind, rule in values.get("point_rules", {}).items()
            },
        )

    def scheme(self) -> "Scheme":
        return Scheme(
            rules={**DEFAULT_RULES, **self.point_rules},
            base=self.base_score,
            ceiling=self.ceiling,
            good_from=self.good_from,
            fair_from=self.fair_from,
        )

    def as_values(self) -> dict[str, Any]:
        """JSON-ready, decimals as strings so that none is rounded through a float."""
        return {
            "base_score": str(self.base_score),
            "ceiling": _str_or_none(self.ceiling),
            "good_from": str(self.good_from),
            "fair_from": str(self.fair_from),
            "objection_days": self.objection_days,
            "point_rules": {
                kind: {
                    "points": str(rule.points),
                    "quarter_cap": _str_or_none(rule.quarter_cap),
                    "year_cap": _str_or_none(rule.year_cap),
                }
                for kind, rule in sorted(self.point_rules.items())
            },
        }


def _decimal_or_none(value: Any) -> Decimal | None:
    return None if value is None else Decimal(value)


def _str_or_none(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


DEFAULT_RULES: dict[str, KindRule] = {
    "inspection": KindRule(Decimal(3)),
    "law_enforcement": KindRule(Decimal(3)),
    "supervision": KindRule(Decimal(3)),
    "reception": KindRule(Decimal(2), quarter_cap=Decimal(6)),
    "training": KindRule(Decimal(2), year_cap=Decimal(8)),
    "report_back": KindRule(Decimal(5), year_cap=Decimal(5)),
    "suggestion": KindRule(Decimal(3), year_cap=Decimal(15)),
    "session": KindRule(Decimal(2)),
    "opinion": KindRule(Decimal(1), quarter_cap=Decimal(5)),
    "opinion_received": KindRule(Decimal(1), quarter_cap=Decimal(5)),
    # One entry per deputy per cycle's deliberation (docs/linkage-duty.md), so no cap is needed.
    "deliberation": KindRule(Decimal(2)),
    "leave": KindRule(Decimal(-1)),
}


@dataclass(frozen=True)
class Entry:
    id: int
    kind: str
    occurred_on: date
    counted: bool = True


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_span(year: int, quarter: int) -> tuple[date, date]:
    first = date(year, 3 * quarter - 2, 1)
    last = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, date.fromordinal(last.toordinal() - 1)


@dataclass
class _Spent:
    quarter: dict[tuple[str, int, int], Decimal] = field(
        default_factory=lambda: defaultdict(Decimal)
    )
    year: dict[tuple[str, int], Decimal] = field(default_factory=lambda: defaultdict(Decimal))


def _room(cap: Decimal | None, spent: Decimal) -> Decimal | None:
    return None if cap is None else max(cap - spent, Decimal(0))


def award(entries: Iterable[Entry], scheme: Scheme) -> dict[int, Decimal]:
    """Points each entry earns, in date order: an entry past its kind's cap earns what room is
    left, then nothing. Entries not counted (withdrawn, voided on objection) earn nothing and use
    no room; a kind without a rule earns nothing."""
    spent = _Spent()
    awarded: dict[int, Decimal] = {}
    for entry in sorted(entries, key=lambda e: (e.occurred_on, e.id)):
        rule = scheme.rules.get(entry.kind)
        if rule is None or not entry.counted:
            awarded[entry.id] = Decimal(0)
            continue
        year, quarter = entry.occurred_on.year, quarter_of(entry.occurred_on)
        quarter_key, year_key = (entry.kind, year, quarter), (entry.kind, year)
        magnitude = abs(rule.points)
        for room in (
            _room(rule.quarter_cap, spent.quarter[quarter_key]),
            _room(rule.year_cap, spent.year[year_key]),
        ):
            if room is not None:
                magnitude = min(magnitude, room)
        spent.quarter[quarter_key] += magnitude
        spent.year[year_key] += magnitude
        awarded[entry.id] = magnitude if rule.points >= 0 else -magnitude
    return awarded


def score(
    entries: Iterable[Entry], scheme: Scheme, *, year: int, through: date | None = None
) -> Decimal:
    """The year's score: the base plus what the year's entries earn (up to `through`, if given),
    kept within 0 and the ceiling."""
    chosen = [
        e
        for e in entries
        if e.occurred_on.year == year and (through is None or e.occurred_on <= through)
    ]
    total = scheme.base + sum(award(chosen, scheme).values(), Decimal(0))
    if scheme.ceiling is not None:
        total = min(total, scheme.ceiling)
    return max(total, Decimal(0))


def band(value: Decimal, scheme: Scheme) -> Band:
    if value >= scheme.good_from:
        return Band.GOOD
    if value >= scheme.fair_from:
        return Band.FAIR
    return Band.POOR

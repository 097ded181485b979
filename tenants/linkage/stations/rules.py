"""Station rules as pure functions: the checklist's score, the star rating, the notice period.

The star rating follows the 星级联络站 practice (domain-practice.md §2.2): a station's score is
the share of the checklist's weights it earns, and each star needs a higher share. Thresholds are
set per congress; the defaults give one star at 60% and five at 95%."""

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

DEFAULT_STAR_THRESHOLDS: tuple[int, ...] = (60, 70, 80, 90, 95)


@dataclass(frozen=True)
class StationSettings:
    """How the stations of a congress work, as it set them (kept in the public
    `congresses.ModuleSettings` under "stations")."""

    # 接待日 are announced at least this many days ahead (practice: 2 or 3).
    notice_days: int = 3
    # The total score (percent of the checklist's weights) each star needs: 1 to 5 stars.
    star_thresholds: tuple[int, ...] = DEFAULT_STAR_THRESHOLDS

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> "StationSettings":
        found = cls()
        return cls(
            notice_days=int(values.get("notice_days", found.notice_days)),
            star_thresholds=tuple(values.get("star_thresholds") or found.star_thresholds),
        )

    def as_values(self) -> dict[str, Any]:
        return {"notice_days": self.notice_days, "star_thresholds": list(self.star_thresholds)}


MAX_STARS = 5
HUNDRED = Decimal(100)


def score_percent(scored: Sequence[tuple[int, int]]) -> Decimal:
    """The share, in percent to two places, that `(weight, score)` pairs earn of their weights."""
    total_weight = sum(weight for weight, _score in scored)
    if total_weight <= 0:
        return Decimal("0.00")
    earned = sum(min(max(score, 0), weight) for weight, score in scored)
    return (Decimal(earned) * HUNDRED / Decimal(total_weight)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )


def thresholds_problem(thresholds: Sequence[int]) -> str | None:
    """Why a set of star thresholds cannot be used, or None: five rising percentages."""
    if len(thresholds) != MAX_STARS:
        return "count"
    if any(not 0 < t <= 100 for t in thresholds):
        return "range"
    if any(a >= b for a, b in itertools.pairwise(thresholds)):
        return "order"
    return None


def stars_for(percent: Decimal, thresholds: Sequence[int] = DEFAULT_STAR_THRESHOLDS) -> int:
    """How many stars `percent` earns: one per threshold it reaches (0 below the first)."""
    return sum(1 for threshold in thresholds if percent >= threshold)


def notice_given(*, reception_on: date, today: date, notice_days: int) -> bool:
    """Whether a reception day published today is announced the required days ahead."""
    return (reception_on - today).days >= notice_days


TIER_ORDER = {"hub": 0, "centre": 1, "station": 2, "point": 3}


def parent_tier_fits(*, tier: str, parent_tier: str) -> bool:
    """A station hangs under one of a higher tier: a point under a station, and so on."""
    return TIER_ORDER[parent_tier] < TIER_ORDER[tier]

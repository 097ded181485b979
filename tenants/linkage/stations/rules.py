"""Station rules as pure functions: the checklist's score, the star rating, the notice period.

The star rating follows the 星级联络站 practice (domain-practice.md §2.2): a station's score is
the share of the checklist's weights it earns, and each star needs a higher share. Thresholds are
set per congress; the defaults give one star at 60% and five at 95%."""

import itertools
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

DEFAULT_STAR_THRESHOLDS: tuple[int, ...] = (60, 70, 80, 90, 95)
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

"""The scoring and selection rules of a benchmark round, on plain values."""

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

HUNDRED = Decimal(100)
CENT = Decimal("0.01")


def weights_problem(weights: Sequence[int]) -> str | None:
    """Why a list of criterion weights cannot score a round, or None: at least one criterion,
    every weight positive, together exactly 100."""
    if not weights:
        return "criteria_missing"
    if any(w <= 0 for w in weights):
        return "weight_not_positive"
    if sum(weights) != 100:
        return "weights_not_100"
    return None


def prefill(value: int | Decimal | str | None, full: Decimal | None) -> Decimal | None:
    """The score an indicator suggests: proportional to `full` (the value earning 100), capped at
    100. None when the indicator is missing or not a number."""
    if value is None or full is None or full <= 0:
        return None
    try:
        number = Decimal(value)
    except (ArithmeticError, ValueError, TypeError):
        return None
    if not number.is_finite() or number < 0:
        return None
    return min(HUNDRED, number * HUNDRED / full).quantize(CENT, rounding=ROUND_HALF_UP)


def weighted_total(
    weights: Mapping[int, int], sheets: Sequence[Mapping[int, Decimal]]
) -> Decimal | None:
    """The weighted score (0 to 100) averaged over the reviewers' complete sheets; a sheet that
    misses a criterion does not count. None when no sheet is complete."""
    complete = [sheet for sheet in sheets if all(c in sheet for c in weights)]
    if not weights or not complete:
        return None
    per_sheet = [sum(sheet[c] * w for c, w in weights.items()) / HUNDRED for sheet in complete]
    return (sum(per_sheet, Decimal(0)) / len(per_sheet)).quantize(CENT, rounding=ROUND_HALF_UP)


def ranks(totals: Mapping[int, Decimal | None]) -> dict[int, int]:
    """Competition ranking (1, 2, 2, 4) by total, highest first; unscored nominations last."""
    scored: list[tuple[Decimal, int]] = sorted(
        ((t, n) for n, t in totals.items() if t is not None), key=lambda x: -x[0]
    )
    out: dict[int, int] = {}
    for index, (total, nomination) in enumerate(scored):
        if index and total == scored[index - 1][0]:
            out[nomination] = out[scored[index - 1][1]]
        else:
            out[nomination] = index + 1
    for nomination in totals:
        out.setdefault(nomination, len(scored) + 1)
    return out


@dataclass(frozen=True)
class SelectionCheck:
    problems: tuple[str, ...]
    # The selection cuts through a group of equal totals: the committee must say why.
    tie_at_cutoff: bool


def selection_check(
    totals: Mapping[int, Decimal | None], selected: Collection[int], quota: int
) -> SelectionCheck:
    """Whether the committee's selection follows the ranking within the quota.

    Refused: more than the quota, a nomination that is not in the round or has no score, and
    passing over a nomination with a strictly higher total than one selected. Allowed: fewer
    than the quota, and choosing among equal totals at the cut-off (which then needs a note).
    """
    problems: list[str] = []
    chosen = set(selected)
    if len(chosen) > quota:
        problems.append("quota_exceeded")
    if chosen - set(totals):
        problems.append("nomination_unknown")
    if any(totals.get(n) is None for n in chosen & set(totals)):
        problems.append("nomination_unscored")
    chosen_totals = [t for n, t in totals.items() if n in chosen and t is not None]
    passed_over = [t for n, t in totals.items() if n not in chosen and t is not None]
    lowest_chosen = min(chosen_totals, default=None)
    if lowest_chosen is not None and any(t > lowest_chosen for t in passed_over):
        problems.append("out_of_rank_order")
    tie = lowest_chosen is not None and any(t == lowest_chosen for t in passed_over)
    return SelectionCheck(problems=tuple(problems), tie_at_cutoff=tie)


# --- The route -------------------------------------------------------------------------------


def stage_state(*, due: date | None, reached: date | None, today: date) -> str:
    """Where a township stands on one stage of the route: `unset` (no date for it), `reached`
    (by the date), `reached_late` (after it), `late` (the date has passed, not reached: the day
    itself still counts as in time) or `pending`."""
    if due is None:
        return "reached" if reached is not None else "unset"
    if reached is not None:
        return "reached" if reached <= due else "reached_late"
    return "late" if due < today else "pending"


def route_order_problem(dates: Sequence[date | None]) -> int | None:
    """The index of the first dated stage that comes before an earlier stage's date, or None:
    the stages of a route follow one another (a stage left undated is skipped)."""
    latest: date | None = None
    for index, day in enumerate(dates):
        if day is None:
            continue
        if latest is not None and day < latest:
            return index
        latest = day
    return None


# --- Report-back on a notice --------------------------------------------------------------------


def report_state(*, due: date, reported: date | None, today: date) -> str:
    """Where a receiving congress stands on a notice's report (docs/supervision.md): `received`
    (reported by the date: the day itself counts as in time), `late` (after it), `missing` (the
    date has passed, nothing reported) or `pending`."""
    if reported is not None:
        return "received" if reported <= due else "late"
    return "missing" if due < today else "pending"


def report_reminder_due(*, due: date, today: date, days_before: int) -> bool:
    """Whether a congress that has not reported is to be reminded today: from `days_before` days
    before the date up to the date itself."""
    return today <= due <= today + timedelta(days=days_before)

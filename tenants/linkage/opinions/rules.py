"""The clocks of the opinion loop as pure functions over dates: when an answer is due, how long is
left, whether it is overdue. No ORM here: services feed dates in and store what comes out.

Defaults follow the 代表法's clock for deputies' suggestions (domain-practice.md §2.4): an answer
within 3 months of assignment, at most 6 for a complex matter (once, with the reason stated), and
a new answer within 1 month when the answer did not satisfy. Each tenant may set its own.
"""

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class SlaPolicy:
    answer_months: int = 3
    extended_months: int = 6
    reanswer_months: int = 1
    due_soon_days: int = 7  # the clock turns amber this many days before the deadline

    def problems(self) -> list[str]:
        """Why this policy cannot be used, as codes (empty when it can)."""
        found = []
        if not 1 <= self.answer_months <= 12:
            found.append("answer_months_invalid")
        if not self.answer_months <= self.extended_months <= 24:
            found.append("extended_months_invalid")
        if not 1 <= self.reanswer_months <= 6:
            found.append("reanswer_months_invalid")
        if not 0 <= self.due_soon_days <= 60:
            found.append("due_soon_days_invalid")
        return found


class ClockState(StrEnum):
    RUNNING = "running"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    STOPPED = "stopped"  # answered, closed, declined, or handled upstream


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day when it has no such day (31 Jan + 1
    month = 28 or 29 Feb), as deadlines "within N months" are counted."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def answer_due(*, assigned_on: date, policy: SlaPolicy, extended: bool = False) -> date:
    """The deadline for the first answer, counted from the day of assignment (交办)."""
    return add_months(assigned_on, policy.extended_months if extended else policy.answer_months)


def reanswer_due(*, reopened_on: date, policy: SlaPolicy) -> date:
    """The deadline for a new answer after a dissatisfied rating, counted from the reopening."""
    return add_months(reopened_on, policy.reanswer_months)


def days_left(*, due_on: date, today: date) -> int:
    """Whole days until the deadline: 0 on the day itself, negative once it has passed."""
    return (due_on - today).days


def is_overdue(*, due_on: date | None, today: date, running: bool) -> bool:
    """A running clock is overdue from the day after its deadline."""
    return running and due_on is not None and today > due_on


def clock_state(
    *, due_on: date | None, today: date, running: bool, policy: SlaPolicy
) -> ClockState:
    if not running or due_on is None:
        return ClockState.STOPPED
    left = days_left(due_on=due_on, today=today)
    if left < 0:
        return ClockState.OVERDUE
    if left <= policy.due_soon_days:
        return ClockState.DUE_SOON
    return ClockState.RUNNING


def answered_on_time(*, answered_on: date | None, due_on: date | None) -> bool:
    return answered_on is not None and due_on is not None and answered_on <= due_on


def masked_name(name: str) -> str:
    """A citizen's name as it may leave the tenant that took it: the surname and stars."""
    name = name.strip()
    if len(name) <= 1:
        return "*" if name else ""
    return name[0] + "*" * (len(name) - 1)

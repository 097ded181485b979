"""Pure rules of implementation: the traffic lights and the funds checks. No ORM here."""

from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from enum import StrEnum

# A milestone turns yellow this many days before it is due.
WARN_DAYS = 7


class Light(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


def milestone_light(
    *, due_on: date, done_on: date | None, today: date, warn_days: int = WARN_DAYS
) -> Light:
    """Done: green. Not done and past its date: red. Due within `warn_days`: yellow."""
    if done_on is not None:
        return Light.GREEN
    if today > due_on:
        return Light.RED
    if (due_on - today).days <= warn_days:
        return Light.YELLOW
    return Light.GREEN


def project_light(*, milestone_lights: Iterable[Light], completed: bool) -> Light:
    """A completed project is green; otherwise its worst milestone decides."""
    if completed:
        return Light.GREEN
    lights = set(milestone_lights)
    if Light.RED in lights:
        return Light.RED
    if Light.YELLOW in lights:
        return Light.YELLOW
    return Light.GREEN


def due_soon(
    *, due_on: date, done_on: date | None, today: date, warn_days: int = WARN_DAYS
) -> bool:
    """A reminder is due: not done, not yet past its date, within `warn_days`."""
    return done_on is None and 0 <= (due_on - today).days <= warn_days


def overdue(*, due_on: date, done_on: date | None, today: date) -> bool:
    return done_on is None and today > due_on


def funds_problem(*, planned: Decimal, allocated: Decimal, spent: Decimal) -> str | None:
    """None when the figures stand; otherwise the reason they do not: "negative" (no figure may
    be below zero) or "overspent" (spent beyond allocated, which needs an explanation)."""
    if min(planned, allocated, spent) < 0:
        return "negative"
    if spent > allocated:
        return "overspent"
    return None

"""The traffic-light rule and the funds check, over all dates."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tenants.implementation.rules import (
    WARN_DAYS,
    Light,
    due_soon,
    funds_problem,
    milestone_light,
    overdue,
    project_light,
)

DAY = date(2027, 6, 30)
days = st.dates(min_value=date(2025, 1, 1), max_value=date(2030, 12, 31))


def test_the_boundaries_of_a_milestones_light() -> None:
    def light(due_in: int) -> Light:
        return milestone_light(due_on=DAY + timedelta(days=due_in), done_on=None, today=DAY)

    assert light(WARN_DAYS + 1) == Light.GREEN
    assert light(WARN_DAYS) == Light.YELLOW
    assert light(0) == Light.YELLOW  # due today: not late yet
    assert light(-1) == Light.RED


@given(due=days, today=days, done=days)
def test_a_done_milestone_is_green_whenever_it_was_done(due: date, today: date, done: date) -> None:
    assert milestone_light(due_on=due, done_on=done, today=today) == Light.GREEN


@given(due=days, today=days)
def test_red_exactly_when_overdue_and_yellow_exactly_when_due_soon(due: date, today: date) -> None:
    light = milestone_light(due_on=due, done_on=None, today=today)
    assert (light == Light.RED) == overdue(due_on=due, done_on=None, today=today)
    assert (light == Light.YELLOW) == due_soon(due_on=due, done_on=None, today=today)


@given(st.lists(st.sampled_from(list(Light)), max_size=8))
def test_a_project_takes_its_worst_milestone(lights: list[Light]) -> None:
    order = [Light.GREEN, Light.YELLOW, Light.RED]
    worst = max(lights, key=order.index, default=Light.GREEN)
    assert project_light(milestone_lights=lights, completed=False) == worst
    assert project_light(milestone_lights=lights, completed=True) == Light.GREEN


money = st.decimals(min_value=-1000, max_value=1000, places=2)


@given(planned=money, allocated=money, spent=money)
def test_funds_are_refused_below_zero_and_flagged_beyond_allocation(
    planned: Decimal, allocated: Decimal, spent: Decimal
) -> None:
    problem = funds_problem(planned=planned, allocated=allocated, spent=spent)
    if min(planned, allocated, spent) < 0:
        assert problem == "negative"
    elif spent > allocated:
        assert problem == "overspent"
    else:
        assert problem is None


def test_a_reminder_is_due_from_the_warning_day_to_the_due_day() -> None:
    def reminder(due_in: int) -> bool:
        return due_soon(due_on=DAY + timedelta(days=due_in), done_on=None, today=DAY)

    assert [reminder(d) for d in (WARN_DAYS + 1, WARN_DAYS, 0, -1)] == [False, True, True, False]
    assert not due_soon(due_on=DAY, done_on=DAY, today=DAY)


def test_each_funds_figure_below_zero_is_refused() -> None:
    zero = Decimal(0)

    assert funds_problem(planned=Decimal(-1), allocated=zero, spent=zero) == "negative"
    assert funds_problem(planned=zero, allocated=Decimal(-1), spent=zero) == "negative"
    assert funds_problem(planned=zero, allocated=zero, spent=Decimal(-1)) == "negative"
    assert funds_problem(planned=zero, allocated=Decimal(5), spent=Decimal(5)) is None
    assert funds_problem(planned=zero, allocated=Decimal(5), spent=Decimal(6)) == "overspent"

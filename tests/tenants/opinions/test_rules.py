"""The SLA clocks, with hypothesis where the calendar makes them interesting."""

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from tenants.linkage.opinions.rules import (
    ClockState,
    SlaPolicy,
    add_months,
    answer_due,
    answered_on_time,
    clock_state,
    days_left,
    is_overdue,
    masked_name,
    reanswer_due,
)

days = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))
policies = st.builds(
    SlaPolicy,
    answer_months=st.integers(1, 12),
    extended_months=st.integers(12, 24),
    reanswer_months=st.integers(1, 6),
    due_soon_days=st.integers(0, 60),
)


def test_the_defaults_follow_the_deputies_law_clock() -> None:
    policy = SlaPolicy()
    assert answer_due(assigned_on=date(2026, 3, 2), policy=policy) == date(2026, 6, 2)
    assert answer_due(assigned_on=date(2026, 3, 2), policy=policy, extended=True) == date(
        2026, 9, 2
    )
    assert reanswer_due(reopened_on=date(2026, 6, 10), policy=policy) == date(2026, 7, 10)


def test_a_month_without_the_day_ends_on_its_last_day() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)


@given(days, st.integers(0, 36))
def test_adding_months_lands_in_the_right_month_never_later_in_it(day: date, months: int) -> None:
    later = add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day <= day.day
    assert later.day == day.day or (later + timedelta(days=1)).month != later.month


@given(days, st.integers(0, 24), st.integers(0, 24))
def test_more_months_never_give_an_earlier_day(day: date, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert add_months(day, low) <= add_months(day, high)


@given(days, policies)
def test_an_extension_never_shortens_the_deadline(day: date, policy: SlaPolicy) -> None:
    assert answer_due(assigned_on=day, policy=policy, extended=True) >= answer_due(
        assigned_on=day, policy=policy
    )
    assert answer_due(assigned_on=day, policy=policy) > day


@given(days, days, policies)
def test_overdue_exactly_when_the_days_left_turn_negative(
    due: date, today: date, policy: SlaPolicy
) -> None:
    left = days_left(due_on=due, today=today)
    assert is_overdue(due_on=due, today=today, running=True) == (left < 0)
    assert not is_overdue(due_on=due, today=today, running=False)
    state = clock_state(due_on=due, today=today, running=True, policy=policy)
    if left < 0:
        assert state == ClockState.OVERDUE
    elif left <= policy.due_soon_days:
        assert state == ClockState.DUE_SOON
    else:
        assert state == ClockState.RUNNING


def test_a_stopped_clock_and_on_time_answers() -> None:
    policy = SlaPolicy()
    assert (
        clock_state(due_on=None, today=date(2026, 1, 1), running=True, policy=policy) == "stopped"
    )
    assert (
        clock_state(due_on=date(2025, 1, 1), today=date(2026, 1, 1), running=False, policy=policy)
        == "stopped"
    )
    assert answered_on_time(answered_on=date(2026, 6, 2), due_on=date(2026, 6, 2))
    assert not answered_on_time(answered_on=date(2026, 6, 3), due_on=date(2026, 6, 2))
    assert not answered_on_time(answered_on=None, due_on=date(2026, 6, 2))


def test_policy_problems_name_each_bad_setting() -> None:
    assert SlaPolicy().problems() == []
    assert SlaPolicy(answer_months=0).problems() == ["answer_months_invalid"]
    assert SlaPolicy(answer_months=6, extended_months=3).problems() == ["extended_months_invalid"]
    assert SlaPolicy(reanswer_months=0).problems() == ["reanswer_months_invalid"]


def test_names_leave_only_the_surname() -> None:
    assert masked_name("王秀英") == "王**"
    assert masked_name("欧阳娜娜") == "欧***"
    assert masked_name("李") == "*"
    assert masked_name(" ") == ""


def test_the_deadline_day_is_due_soon_and_the_day_after_is_overdue() -> None:
    policy = SlaPolicy()
    due = date(2026, 6, 2)

    def state(today: date) -> ClockState:
        return clock_state(due_on=due, today=today, running=True, policy=policy)

    assert days_left(due_on=due, today=date(2026, 6, 2)) == 0
    assert days_left(due_on=due, today=date(2026, 6, 3)) == -1
    assert days_left(due_on=due, today=date(2026, 5, 26)) == 7
    assert state(date(2026, 6, 3)) == ClockState.OVERDUE
    assert state(date(2026, 6, 2)) == ClockState.DUE_SOON
    assert state(date(2026, 5, 26)) == ClockState.DUE_SOON  # 7 days ahead
    assert state(date(2026, 5, 25)) == ClockState.RUNNING
    assert not is_overdue(due_on=due, today=date(2026, 6, 2), running=True)
    assert is_overdue(due_on=due, today=date(2026, 6, 3), running=True)
    assert not is_overdue(due_on=None, today=date(2026, 6, 3), running=True)
    assert not is_overdue(due_on=due, today=date(2026, 6, 3), running=False)


def test_a_policy_without_an_amber_period_goes_from_running_to_overdue() -> None:
    policy = SlaPolicy(due_soon_days=0)
    due = date(2026, 6, 2)

    assert clock_state(due_on=due, today=date(2026, 6, 1), running=True, policy=policy) == "running"
    assert clock_state(due_on=due, today=due, running=True, policy=policy) == "due_soon"


def test_the_default_policy_is_the_deputies_law_clock() -> None:
    assert SlaPolicy() == SlaPolicy(
        answer_months=3, extended_months=6, reanswer_months=1, due_soon_days=7
    )


def test_each_policy_setting_at_its_bounds() -> None:
    accepted = [
        SlaPolicy(answer_months=1, extended_months=1),
        SlaPolicy(answer_months=12, extended_months=12),
        SlaPolicy(answer_months=12, extended_months=24),
        SlaPolicy(reanswer_months=1),
        SlaPolicy(reanswer_months=6),
        SlaPolicy(due_soon_days=0),
        SlaPolicy(due_soon_days=60),
    ]
    assert [p.problems() for p in accepted] == [[]] * len(accepted)
    assert SlaPolicy(answer_months=13, extended_months=24).problems() == ["answer_months_invalid"]
    assert SlaPolicy(extended_months=25).problems() == ["extended_months_invalid"]
    assert SlaPolicy(answer_months=4, extended_months=3).problems() == ["extended_months_invalid"]
    assert SlaPolicy(reanswer_months=7).problems() == ["reanswer_months_invalid"]
    assert SlaPolicy(due_soon_days=-1).problems() == ["due_soon_days_invalid"]
    assert SlaPolicy(due_soon_days=61).problems() == ["due_soon_days_invalid"]
    assert SlaPolicy(
        answer_months=0, extended_months=30, reanswer_months=0, due_soon_days=-1
    ).problems() == [
        "answer_months_invalid",
        "extended_months_invalid",
        "reanswer_months_invalid",
        "due_soon_days_invalid",
    ]


def test_months_roll_over_into_the_next_years() -> None:
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(2026, 1, 31), 12) == date(2027, 1, 31)
    assert add_months(date(2026, 1, 31), 25) == date(2028, 2, 29)
    assert add_months(date(2026, 5, 31), 0) == date(2026, 5, 31)


def test_an_answer_on_the_day_before_the_deadline_is_on_time_and_without_one_it_is_not() -> None:
    assert answered_on_time(answered_on=date(2026, 6, 1), due_on=date(2026, 6, 2))
    assert not answered_on_time(answered_on=date(2026, 6, 1), due_on=None)


def test_a_two_character_name_keeps_its_surname() -> None:
    assert masked_name("张三") == "张*"
    assert masked_name(" 张三 ") == "张*"
    assert masked_name("") == ""

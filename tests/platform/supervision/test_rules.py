from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supervision import rules

totals_strategy = st.dictionaries(
    st.integers(min_value=1, max_value=40),
    st.one_of(st.none(), st.integers(min_value=0, max_value=20).map(Decimal)),
    max_size=12,
)


def test_weights_must_be_positive_and_sum_to_100() -> None:
    assert rules.weights_problem([40, 35, 25]) is None
    assert rules.weights_problem([]) == "criteria_missing"
    assert rules.weights_problem([50, 49]) == "weights_not_100"
    assert rules.weights_problem([100, 0]) == "weight_not_positive"


def test_prefill_is_proportional_and_capped() -> None:
    assert rules.prefill(10, Decimal(20)) == Decimal("50.00")
    assert rules.prefill("30", Decimal(20)) == Decimal("100.00")
    assert rules.prefill(Decimal("1"), Decimal(3)) == Decimal("33.33")
    assert rules.prefill(None, Decimal(20)) is None
    assert rules.prefill("n/a", Decimal(20)) is None
    assert rules.prefill(-1, Decimal(20)) is None
    assert rules.prefill(5, None) is None


@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=1, max_value=10**4))
def test_prefill_stays_within_0_and_100(value: int, full: int) -> None:
    score = rules.prefill(value, Decimal(full))
    assert score is not None and Decimal(0) <= score <= Decimal(100)


def test_weighted_total_averages_complete_sheets_only() -> None:
    weights = {1: 60, 2: 40}
    sheets = [
        {1: Decimal(80), 2: Decimal(50)},  # 68
        {1: Decimal(90), 2: Decimal(90)},  # 90
        {1: Decimal(10)},  # incomplete: ignored
    ]
    assert rules.weighted_total(weights, sheets) == Decimal("79.00")
    assert rules.weighted_total(weights, [{1: Decimal(10)}]) is None


def test_ranks_share_places_for_equal_totals_and_put_unscored_last() -> None:
    totals = {1: Decimal(90), 2: Decimal(80), 3: Decimal(90), 4: None, 5: Decimal(70)}
    assert rules.ranks(totals) == {1: 1, 3: 1, 2: 3, 5: 4, 4: 5}


@given(totals_strategy)
def test_a_higher_total_never_ranks_below_a_lower_one(totals: dict[int, Decimal | None]) -> None:
    ranks = rules.ranks(totals)
    assert set(ranks) == set(totals)
    for a, ta in totals.items():
        for b, tb in totals.items():
            if ta is not None and tb is not None and ta > tb:
                assert ranks[a] < ranks[b]
            if ta is not None and tb is None:
                assert ranks[a] < ranks[b]


def test_selection_beyond_the_quota_is_refused() -> None:
    totals = {1: Decimal(90), 2: Decimal(80), 3: Decimal(70)}
    check = rules.selection_check(totals, [1, 2], quota=1)
    assert "quota_exceeded" in check.problems


def test_passing_over_a_higher_total_is_refused() -> None:
    totals = {1: Decimal(90), 2: Decimal(80), 3: Decimal(70)}
    assert rules.selection_check(totals, [1, 3], quota=2).problems == ("out_of_rank_order",)
    assert rules.selection_check(totals, [1, 2], quota=2).problems == ()


def test_a_tie_at_the_cutoff_is_allowed_but_flagged() -> None:
    totals = {1: Decimal(90), 2: Decimal(80), 3: Decimal(80)}
    check = rules.selection_check(totals, [1, 3], quota=2)
    assert check.problems == () and check.tie_at_cutoff
    assert not rules.selection_check(totals, [1], quota=2).tie_at_cutoff


def test_unscored_or_foreign_nominations_cannot_be_selected() -> None:
    totals = {1: Decimal(90), 2: None}
    assert "nomination_unscored" in rules.selection_check(totals, [2], quota=2).problems
    assert "nomination_unknown" in rules.selection_check(totals, [9], quota=2).problems


@given(totals_strategy, st.integers(min_value=1, max_value=12))
def test_the_top_of_the_ranking_is_always_an_acceptable_selection(
    totals: dict[int, Decimal | None], quota: int
) -> None:
    ranks = rules.ranks(totals)
    scored = sorted((n for n, t in totals.items() if t is not None), key=lambda n: ranks[n])
    top = scored[:quota]
    check = rules.selection_check(totals, top, quota)
    assert check.problems == ()
    # A tie is flagged exactly when someone left out has the lowest selected total.
    if top:
        lowest = min(totals[n] for n in top)  # type: ignore[type-var]
        assert check.tie_at_cutoff == any(totals[n] == lowest for n in scored if n not in top)


def test_a_weight_of_one_is_a_weight() -> None:
    assert rules.weights_problem([1, 99]) is None
    assert rules.weights_problem([100]) is None


def test_prefill_rounds_half_up_and_needs_a_positive_full_value() -> None:
    assert rules.prefill("12.345", Decimal(100)) == Decimal("12.35")
    assert rules.prefill("12.335", Decimal(100)) == Decimal("12.34")
    assert rules.prefill(5, Decimal(0)) is None
    assert rules.prefill(0, Decimal(20)) == Decimal("0.00")


def test_weighted_total_rounds_half_up() -> None:
    # (12.345 + 12.345) / 2 = 12.345 -> 12.35, where rounding half to even would give 12.34.
    assert rules.weighted_total({1: 100}, [{1: Decimal("12.345")}]) == Decimal("12.35")
    assert rules.weighted_total({1: 100}, [{1: Decimal("12.34")}, {1: Decimal("12.35")}]) == (
        Decimal("12.35")
    )


# --- The route (路线图): where a township stands on a stage, and stages in order -------------

DUE = date(2027, 3, 31)


@pytest.mark.parametrize(
    ("due", "reached", "today", "state"),
    [
        (None, None, date(2027, 4, 1), "unset"),
        (None, date(2027, 2, 1), date(2027, 4, 1), "reached"),
        (DUE, date(2027, 3, 30), date(2027, 4, 5), "reached"),
        (DUE, DUE, date(2027, 4, 5), "reached"),  # on the day itself: in time
        (DUE, date(2027, 4, 1), date(2027, 4, 5), "reached_late"),
        (DUE, None, date(2027, 3, 30), "pending"),
        (DUE, None, DUE, "pending"),  # the day itself still counts as in time
        (DUE, None, date(2027, 4, 1), "late"),  # the day after the date
    ],
)
def test_a_stage_is_late_only_from_the_day_after_its_date(
    due: date | None, reached: date | None, today: date, state: str
) -> None:
    assert rules.stage_state(due=due, reached=reached, today=today) == state


def test_stages_of_a_route_follow_one_another() -> None:
    jan, feb, mar = date(2027, 1, 10), date(2027, 2, 10), date(2027, 3, 10)

    assert rules.route_order_problem([]) is None
    assert rules.route_order_problem([jan, feb, mar]) is None
    assert rules.route_order_problem([jan, jan, feb]) is None  # two stages on one day
    assert rules.route_order_problem([jan, None, mar]) is None
    assert rules.route_order_problem([None, feb, None, mar]) is None
    assert rules.route_order_problem([feb, jan, mar]) == 1
    assert rules.route_order_problem([jan, mar, None, feb]) == 3  # after an undated stage
    assert rules.route_order_problem([mar, None, feb, jan]) == 2  # the first one out of order


@given(st.lists(st.one_of(st.none(), st.dates(date(2027, 1, 1), date(2027, 12, 31))), max_size=8))
def test_a_route_is_in_order_exactly_when_its_dated_stages_never_go_back(
    dates: list[date | None],
) -> None:
    earlier = [d for d in dates if d is not None]
    expected = None
    for index, day in enumerate(dates):
        if day is not None and any(day < before for before in dates[:index] if before):
            expected = index
            break
    assert earlier == sorted(earlier) or expected is not None
    assert rules.route_order_problem(dates) == expected


DUE = date(2026, 6, 30)


@pytest.mark.parametrize(
    ("reported", "today", "state"),
    [
        (date(2026, 6, 29), date(2026, 7, 5), "received"),
        (date(2026, 6, 30), date(2026, 7, 5), "received"),  # the day itself is in time
        (date(2026, 7, 1), date(2026, 7, 5), "late"),
        (None, date(2026, 7, 1), "missing"),
        (None, date(2026, 6, 30), "pending"),  # not missing on the day itself
        (None, date(2026, 6, 1), "pending"),
    ],
)
def test_report_state(reported: date | None, today: date, state: str) -> None:
    assert rules.report_state(due=DUE, reported=reported, today=today) == state


@pytest.mark.parametrize(
    ("today", "reminded"),
    [
        (date(2026, 6, 26), False),  # four days before
        (date(2026, 6, 27), True),  # three days before
        (date(2026, 6, 30), True),  # the day itself
        (date(2026, 7, 1), False),  # after: the report is missing, not reminded
    ],
)
def test_report_reminder_window(today: date, reminded: bool) -> None:
    assert rules.report_reminder_due(due=DUE, today=today, days_before=3) is reminded

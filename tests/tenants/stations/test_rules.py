"""The station rules: the score, the stars, the notice period."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from tenants.linkage.stations.rules import (
    DEFAULT_STAR_THRESHOLDS,
    notice_given,
    parent_tier_fits,
    score_percent,
    stars_for,
    thresholds_problem,
)


def test_the_score_is_the_share_of_the_weights_earned() -> None:
    assert score_percent([(30, 30), (20, 10), (50, 25)]) == Decimal("65.00")
    assert score_percent([(3, 1)]) == Decimal("33.33")
    assert score_percent([]) == Decimal("0.00")


def test_stars_follow_the_thresholds() -> None:
    assert [stars_for(Decimal(p)) for p in (59, 60, 69.99, 70, 80, 90, 94.99, 95, 100)] == [
        0,
        1,
        1,
        2,
        3,
        4,
        4,
        5,
        5,
    ]
    assert stars_for(Decimal(85), [50, 60, 70, 80, 90]) == 4


scored = st.lists(
    st.integers(1, 100).flatmap(lambda w: st.tuples(st.just(w), st.integers(0, w))), max_size=12
)


@given(scored)
def test_the_score_stays_between_0_and_100(pairs: list[tuple[int, int]]) -> None:
    assert Decimal(0) <= score_percent(pairs) <= Decimal(100)


@given(scored, st.integers(0, 11), st.integers(0, 100))
def test_a_better_score_never_earns_fewer_stars(
    pairs: list[tuple[int, int]], index: int, extra: int
) -> None:
    if not pairs:
        return
    index %= len(pairs)
    weight, score = pairs[index]
    better = [*pairs[:index], (weight, min(weight, score + extra)), *pairs[index + 1 :]]

    assert stars_for(score_percent(better)) >= stars_for(score_percent(pairs))
    assert 0 <= stars_for(score_percent(pairs)) <= 5


def test_star_thresholds_must_be_five_rising_percentages() -> None:
    assert thresholds_problem(DEFAULT_STAR_THRESHOLDS) is None
    assert thresholds_problem([60, 70, 80, 90]) == "count"
    assert thresholds_problem([60, 70, 80, 90, 101]) == "range"
    assert thresholds_problem([60, 70, 70, 90, 95]) == "order"


def test_a_reception_day_is_announced_the_notice_days_ahead() -> None:
    today = date(2026, 12, 1)
    assert notice_given(reception_on=date(2026, 12, 4), today=today, notice_days=3)
    assert not notice_given(reception_on=date(2026, 12, 3), today=today, notice_days=3)
    assert notice_given(reception_on=today, today=today, notice_days=0)


def test_a_station_hangs_under_a_higher_tier() -> None:
    assert parent_tier_fits(tier="point", parent_tier="station")
    assert parent_tier_fits(tier="station", parent_tier="hub")
    assert not parent_tier_fits(tier="centre", parent_tier="station")
    assert not parent_tier_fits(tier="station", parent_tier="station")


def test_a_score_of_one_weight_and_of_nothing_earned() -> None:
    assert score_percent([(1, 1)]) == Decimal("100.00")
    assert score_percent([(2, 0)]) == Decimal("0.00")
    assert score_percent([(2, -5), (2, 2)]) == Decimal("50.00")  # a negative score earns nothing
    assert score_percent([(0, 0)]) == Decimal("0.00")


def test_the_score_rounds_half_up() -> None:
    # 1 of 800 is 0.125%: half up gives 0.13, where half to even would give 0.12.
    assert score_percent([(800, 1)]) == Decimal("0.13")


def test_a_threshold_may_be_any_percentage_from_1_to_100() -> None:
    assert thresholds_problem([1, 2, 3, 4, 100]) is None
    assert thresholds_problem([0, 70, 80, 90, 95]) == "range"
    assert thresholds_problem([60, 70, 80, 90, 101]) == "range"

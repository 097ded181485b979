"""The dashboards' arithmetic: sums of parts add up, rates are weighted, absent is not zero."""

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from rollups import rules

counts = st.integers(min_value=0, max_value=10_000)
rows = st.lists(
    st.fixed_dictionaries(
        {
            "opinions": counts,
            "opinions_closed": counts,
            "adopted": counts,
            "funds_planned": st.decimals(min_value=0, max_value=10**6, places=2).map(str),
            "voting_phase": st.sampled_from([None, "solicit", "vote", "implement", "closed"]),
        }
    ),
    max_size=30,
)


@given(rows, rows)
def test_the_total_of_two_groups_is_the_sum_of_their_totals(a: list, b: list) -> None:
    whole, left, right = rules.total(a + b), rules.total(a), rules.total(b)

    for key in ("opinions", "opinions_closed", "adopted", "funds_planned", "tenants", "decided"):
        assert whole[key] == left[key] + right[key]  # type: ignore[operator]
    assert whole["closure_rate"] == rules.rate(whole["opinions_closed"], whole["opinions"])


def test_rates_are_weighted_not_averaged() -> None:
    small = {"opinions": 1, "opinions_closed": 1}
    large = {"opinions": 99, "opinions_closed": 0}

    assert rules.total([small, large])["closure_rate"] == 0.01


def test_a_figure_never_reported_reads_as_nothing_for_a_tenant_and_zero_in_sums() -> None:
    row = rules.with_rates({"voting_phase": "vote", "adopted": 3})

    assert row["projects"] is None and row["completion_rate"] is None
    assert rules.total([row])["projects"] == 0 and rules.total([row])["funds_planned"] == Decimal(0)


def test_coverage_counts_congresses_past_the_vote_or_with_projects_adopted() -> None:
    assert rules.is_decided({"voting_phase": "implement"})
    assert rules.is_decided({"voting_phase": "vote", "adopted": 2})
    assert not rules.is_decided({"voting_phase": "vote", "adopted": 0})
    assert not rules.is_decided({})
    assert rules.phase_counts([{"voting_phase": "vote"}, {}, {"voting_phase": None}]) == {
        "vote": 1,
        "none": 2,
    }


def test_a_refresh_covers_last_this_and_next_year() -> None:
    assert rules.rollup_years(date(2026, 11, 27)) == (2025, 2026, 2027)


def test_every_rate_of_a_tenant_from_its_own_figures() -> None:
    figures = {
        "rated_satisfied": 6,
        "rated_basic": 2,
        "rated_unsatisfied": 2,
        "projects": 8,
        "projects_completed": 2,
        "star_total": 14,
        "stations_rated": 4,
        "deputies": 40,
        "deputies_active": 30,
        "opinions": 20,
        "opinions_closed": 16,
        "opinions_on_time": 12,
    }

    row = rules.with_rates(figures)

    assert row["satisfaction_rate"] == 0.8  # (6 + 2) / 10
    assert row["completion_rate"] == 0.25
    assert row["average_stars"] == 3.5
    assert row["participation_rate"] == 0.75
    assert row["closure_rate"] == 0.8
    assert row["timeliness_rate"] == 0.75  # of the closed, not of all


def test_a_reported_satisfaction_rate_is_kept_as_reported() -> None:
    row = rules.with_rates({"satisfaction_rate": "0.9123", "rated_satisfied": 1, "rated_basic": 0})

    assert row["satisfaction_rate"] == 0.9123
    assert rules.with_rates({"rated_unsatisfied": 3})["satisfaction_rate"] == 0.0
    assert rules.with_rates({"rated_basic": 3})["satisfaction_rate"] == 1.0


def test_a_rate_has_four_places_and_none_without_a_whole() -> None:
    assert rules.rate(1, 3) == 0.3333
    assert rules.rate(2, 3) == 0.6667
    assert rules.rate(1, 1) == 1.0
    assert rules.rate(0, 1) == 0.0
    assert rules.rate(1, 0) is None
    assert rules.rate(1, None) is None
    assert rules.rate(None, 4) == 0.0


def test_each_figure_keeps_the_shape_of_its_kind() -> None:
    row = rules.with_rates(
        {"projects": "7", "funds_planned": "12.50", "satisfaction_rate": "0.5", "voting_phase": 3}
    )

    assert row["projects"] == 7 and isinstance(row["projects"], int)
    assert row["funds_planned"] == Decimal("12.50") and isinstance(row["funds_planned"], Decimal)
    assert row["satisfaction_rate"] == 0.5 and isinstance(row["satisfaction_rate"], float)
    assert row["voting_phase"] == "3"
    assert rules.as_kind("unknown_key", 5) == "5"
    assert rules.as_kind("projects", None) is None


def test_figures_that_are_not_numbers_count_as_zero() -> None:
    assert rules.number(None) == 0
    assert rules.number("") == 0
    assert rules.number(True) == 0
    assert rules.number("abc") == 0
    assert rules.number("2.5") == Decimal("2.5")
    assert rules.number(3) == 3


def test_the_sums_keep_money_exact_and_counts_whole() -> None:
    summed = rules.total(
        [{"funds_planned": "0.10", "projects": 2}, {"funds_planned": "0.20", "projects": 3}]
    )

    assert summed["funds_planned"] == Decimal("0.30")
    assert summed["projects"] == 5 and isinstance(summed["projects"], int)
    assert summed["voting_phase"] is None and summed["tenants"] == 2
    assert summed["coverage_rate"] == 0.0
    assert rules.total([])["coverage_rate"] is None


def test_the_sums_hold_the_figures_the_rates_and_the_coverage_and_nothing_else() -> None:
    summed = rules.total([{"voting_phase": "closed", "adopted": 1}, {"adopted": 0}, {}])

    assert set(summed) == set(rules.KINDS) | {
        "completion_rate",
        "average_stars",
        "participation_rate",
        "closure_rate",
        "timeliness_rate",
        "tenants",
        "decided",
        "coverage_rate",
    }
    assert summed["tenants"] == 3 and summed["decided"] == 1
    assert summed["coverage_rate"] == 0.3333
    assert summed["voting_phase"] is None


def test_one_adopted_project_means_the_vote_was_held() -> None:
    assert rules.is_decided({"voting_phase": "vote", "adopted": 1})
    assert rules.is_decided({"adopted": "1"})

"""The dashboards' arithmetic: sums of parts add up, rates are weighted, absent is not zero."""

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rollups import rules
from rollups.catalog import FIGURES, KINDS, RATIOS, TOPICS, Kind, Unit

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


@settings(suppress_health_check=[HealthCheck.too_slow])  # a busy machine draws slowly
@given(rows, rows)
def test_the_total_of_two_groups_is_the_sum_of_their_totals(a: list, b: list) -> None:
    whole, left, right = rules.total(a + b), rules.total(a), rules.total(b)

    for key in ("opinions", "opinions_closed", "adopted", "funds_planned", "tenants", "decided"):
        assert whole[key] == left[key] + right[key]  # type: ignore[operator]
    assert whole["closure_rate"] == rules.ratio(whole["opinions_closed"], whole["opinions"])


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(rows, rows, rows)
def test_the_kept_tallies_of_any_partition_combine_to_the_total_of_all(
    a: list, b: list, c: list
) -> None:
    """A county's and a city's kept totals (RollupTotal) are `combine` of their parts' tallies:
    the same figures and phase counts as counting every tenant's row at once."""
    figures, phases = rules.combine([rules.tally(a), rules.tally(b), rules.tally(c)])

    assert figures == rules.total(a + b + c)
    assert phases == rules.phase_counts(a + b + c)


def test_a_tally_keeps_counts_whole_and_money_exact_even_when_empty() -> None:
    empty = rules.tally([])
    one = rules.tally([{"opinions": "3", "funds_planned": "1.50"}])

    for tallied in (empty, one):
        sums = tallied["sums"]
        assert isinstance(sums, dict)
        for key in rules.SUMMABLE:
            kind = Decimal if KINDS[key] is Kind.MONEY else int
            assert type(sums[key]) is kind, key
    assert one["sums"]["opinions"] == 3  # type: ignore[index]
    assert one["sums"]["funds_planned"] == Decimal("1.50")  # type: ignore[index]
    combined, _ = rules.combine([one, one])
    assert type(combined["opinions"]) is int and combined["opinions"] == 6
    assert combined["funds_planned"] == Decimal("3.00")


def test_nothing_to_combine_is_all_zero_like_an_empty_total() -> None:
    assert rules.combine([]) == (rules.total([]), {})


def test_rates_are_weighted_not_averaged() -> None:
    small = {"opinions": 1, "opinions_closed": 1}
    large = {"opinions": 99, "opinions_closed": 0}

    assert rules.total([small, large])["closure_rate"] == Decimal("1.0")


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


def test_a_rate_rounds_half_up_to_the_one_place_shown() -> None:
    assert rules.ratio(2, 3) == Decimal("66.7")
    assert rules.ratio(1, 8) == Decimal("12.5")
    assert rules.ratio(1, 16) == Decimal("6.3")  # 6.25: half-up, not to even
    assert rules.ratio(1333, 2000) == Decimal("66.7")  # 66.65
    assert rules.ratio(17, 4, Unit.STARS) == Decimal("4.3")  # 4.25 stars


def test_nothing_to_divide_by_is_no_data_never_100_percent() -> None:
    assert rules.ratio(0, 0) is None and rules.ratio(3, 0) is None
    row = rules.with_rates({"activities": 0, "deputies_active": 0, "deputies": 0})
    assert row["participation_rate"] is None
    assert rules.total([])["coverage_rate"] is None


def test_each_rate_is_declared_once_from_two_figures_of_one_topic() -> None:
    keys = [f.key for f in FIGURES] + [r.key for r in RATIOS]
    assert len(keys) == len(set(keys))
    for r in RATIOS:
        assert TOPICS[r.numerator] == TOPICS[r.denominator], r
        assert KINDS[r.numerator] is KINDS[r.denominator] is Kind.COUNT, r


def test_a_figure_that_is_not_a_number_counts_as_zero() -> None:
    assert rules.number("n/a") == Decimal(0)
    assert rules.number("12.50") == Decimal("12.50")


def test_one_of_one_is_a_hundred_percent() -> None:
    assert rules.ratio(1, 1) == Decimal("100.0")
    assert rules.ratio(0, 1) == Decimal("0.0")


def test_each_stored_figure_comes_back_in_the_shape_of_its_kind() -> None:
    assert rules.as_kind("funds_planned", "12.50") == Decimal("12.50")
    assert rules.as_kind("opinions", "7") == 7
    assert rules.as_kind("voting_phase", "vote") == "vote"
    assert rules.as_kind("voting_phase", None) is None


def test_one_adopted_project_is_enough_to_count_a_congress_as_decided() -> None:
    assert rules.is_decided({"voting_phase": "vote", "adopted": 1})


def test_stars_are_an_average_not_a_percentage() -> None:
    row = rules.with_rates({"star_total": 17, "stations_rated": 4})
    assert row["average_stars"] == Decimal("4.3")


def test_the_total_row_names_every_figure_once_and_no_phase() -> None:
    decided = {"voting_phase": "implement"}
    undecided = {"voting_phase": "solicit"}
    out = rules.total([decided, undecided, undecided, undecided])

    assert set(out) == set(KINDS) | {r.key for r in RATIOS} | {
        "tenants",
        "decided",
        "coverage_rate",
    }
    assert out["voting_phase"] is None
    assert out["tenants"] == 4
    assert out["decided"] == 1
    assert out["coverage_rate"] == Decimal("25.0")

"""The counting rules: one half-up rounding for every rate, counts that add up, the entries a
round's channel takes, sign-in closing at the first round and the one round allowed next.

Property tests state their expectation without the function under test (fractions, plain
loops); example tests pin each boundary."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tenants.voting.rules import (
    RoundOutcome,
    RoundPlan,
    Tally,
    TallyKind,
    TallyProblem,
    channel_accepts,
    next_round_plan,
    rate_percent,
    round_plan_problem,
    sign_in_open,
    tallies_agree,
    tallies_compare,
    tally_problems,
)

# --- rate_percent: half-up, two decimals --------------------------------------------------


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (29, 32, "90.63"),  # 90.625: half-up, where half-to-even says 90.62
        (4, 7, "57.14"),  # 57.142857...
        (1, 3, "33.33"),
        (2, 3, "66.67"),
        (1, 8, "12.50"),  # 12.5 exactly
        (1, 16, "6.25"),  # 6.25 exactly
        (1, 20_000, "0.01"),  # 0.005: the smallest tie, rounded up
        (1, 20_001, "0.00"),  # just below it
        (1, 80_000, "0.00"),  # 0.00125
        (0, 5, "0.00"),
        (5, 5, "100.00"),
        (7, 5, "140.00"),
    ],
)
def test_rates_round_half_up_to_two_decimals(part: int, whole: int, shown: str) -> None:
    assert str(rate_percent(part, whole)) == shown


def test_no_rate_without_a_whole() -> None:
    assert rate_percent(0, 0) is None
    assert rate_percent(3, 0) is None


@given(whole=st.integers(1, 100_000), data=st.data())
def test_a_rate_is_the_nearest_hundredth_with_ties_going_up(
    whole: int, data: st.DataObject
) -> None:
    part = data.draw(st.integers(0, whole * 2))

    shown = rate_percent(part, whole)

    exact = Fraction(100 * part, whole)
    assert shown is not None and shown == shown.quantize(Decimal("0.01"))
    error = Fraction(shown) - exact
    assert -Fraction(1, 200) < error <= Fraction(1, 200)


# --- tally_problems -------------------------------------------------------------------------


def _codes(problems: list[TallyProblem]) -> set[tuple[str, str]]:
    return {(p.code, p.item) for p in problems}


def _problems(
    rows: dict[str, dict[str, int]],
    collected: int,
    *,
    invalid: int = 0,
    items: list[str] | None = None,
    issued: int | None = None,
    kind: TallyKind = TallyKind.EVERY_ITEM,
    seats: int = 1,
) -> list[TallyProblem]:
    """`tally_problems` on a count of `rows`, for the items the rows name unless told otherwise."""
    return tally_problems(
        tally=Tally(rows=rows, collected=collected, invalid=invalid),
        items=list(rows) if items is None else items,
        issued=issued,
        kind=kind,
        seats=seats,
    )


def _every(rows: dict[str, dict[str, int]], collected: int, invalid: int = 0) -> set:
    return _codes(_problems(rows, collected, invalid=invalid, issued=10))


def test_a_row_adding_up_to_the_valid_ballots_is_right() -> None:
    assert _every({"a": {"yes": 5, "no": 2, "abstain": 1, "blank": 0}}, 9, invalid=1) == set()


def test_a_row_one_short_of_the_valid_ballots_is_refused_naming_it() -> None:
    assert _every({"a": {"yes": 5, "no": 2}, "b": {"yes": 8}}, 9, invalid=1) == {
        ("tally_row_mismatch", "a")
    }


def test_a_row_one_over_the_valid_ballots_is_refused() -> None:
    assert _every({"a": {"yes": 9}}, 9, invalid=1) == {("tally_row_mismatch", "a")}


def test_the_refusal_carries_the_figures() -> None:
    (problem,) = _problems({"a": {"yes": 3}}, 5, issued=5)
    assert (problem.found, problem.expected) == (3, 5)


def test_collected_up_to_issued_is_right_one_more_is_refused() -> None:
    def problems(collected: int) -> set:
        return _codes(_problems({"a": {"yes": collected}}, collected, issued=6))

    assert problems(6) == set()
    assert problems(7) == {("tally_collected_exceeds_issued", "")}


def test_no_issue_count_means_no_issue_check() -> None:
    assert not _problems({"a": {"yes": 40}}, 40, issued=None)


def test_invalid_up_to_collected_is_right_one_more_is_refused() -> None:
    assert _every({"a": {"yes": 0}}, 4, invalid=4) == set()
    assert _every({"a": {"yes": 0}}, 4, invalid=5) == {("tally_invalid_exceeds_collected", "")}


def test_missing_unknown_and_negative_rows_are_named() -> None:
    found = _problems({"a": {"yes": -1, "no": 3}, "z": {"yes": 2}}, 2, items=["a", "b"], issued=2)
    assert _codes(found) == {
        ("tally_negative", "a"),
        ("tally_item_missing", "b"),
        ("tally_item_unknown", "z"),
    }
    assert _codes(_problems({}, -1)) == {("tally_negative", "")}


def _choose(rows: dict[str, int], valid: int, seats: int) -> set:
    yes = {k: {"yes": v} for k, v in rows.items()}
    return _codes(_problems(yes, valid, issued=valid, kind=TallyKind.CHOOSE_N, seats=seats))


def test_choose_n_an_item_may_have_every_valid_ballot_not_one_more() -> None:
    assert _choose({"a": 10, "b": 0}, 10, 1) == set()
    assert _choose({"a": 11, "b": 0}, 10, 2) == {("tally_row_exceeds_valid", "a")}


def test_choose_n_marks_reach_n_times_valid_not_one_more() -> None:
    assert _choose({"a": 10, "b": 10, "c": 0}, 10, 2) == set()
    assert _choose({"a": 10, "b": 10, "c": 1}, 10, 2) == {("tally_marks_exceed_seats", "")}


def test_choose_n_rows_need_not_add_up() -> None:
    assert _choose({"a": 3, "b": 0}, 10, 1) == set()


def _figures(problems: list[TallyProblem]) -> set[tuple[str, str, int, int]]:
    return {(p.code, p.item, p.found, p.expected) for p in problems}


def test_each_refusal_names_the_figure_found_and_the_one_expected() -> None:
    """A refusal tells the teller what was entered and what it had to be: 7 collected against 6
    issued; 5 invalid against 4 collected; 11 marks for one item against 10 valid ballots; 21 marks
    in all against 2 seats x 10 valid ballots."""
    collected_over = _problems({"a": {"yes": 7}}, 7, issued=6)
    invalid_over = _problems({"a": {"yes": 0}}, 4, invalid=5)
    choose_rows = {"a": {"yes": 11}, "b": {"yes": 10}}
    choose_over = _problems(choose_rows, 10, kind=TallyKind.CHOOSE_N, seats=2)

    assert _figures(collected_over) == {("tally_collected_exceeds_issued", "", 7, 6)}
    assert _figures(invalid_over) == {("tally_invalid_exceeds_collected", "", 5, 4)}
    assert _figures(choose_over) == {
        ("tally_row_exceeds_valid", "a", 11, 10),
        ("tally_marks_exceed_seats", "", 21, 20),
    }


def test_a_choose_n_count_reports_its_collected_and_its_row_problems_together() -> None:
    rows = {"a": {"yes": 8}, "b": {"yes": 0}}
    found = _problems(rows, 7, issued=6, kind=TallyKind.CHOOSE_N, seats=2)
    assert _codes(found) == {
        ("tally_collected_exceeds_issued", ""),
        ("tally_row_exceeds_valid", "a"),
    }


rows_strategy = st.dictionaries(
    st.sampled_from(["a", "b", "c", "d"]),
    st.fixed_dictionaries(
        {"yes": st.integers(0, 30), "no": st.integers(0, 30), "blank": st.integers(0, 30)}
    ),
    min_size=1,
)


@given(
    rows=rows_strategy,
    collected=st.integers(0, 60),
    invalid=st.integers(0, 60),
    issued=st.integers(0, 60),
)
def test_every_item_count_is_refused_exactly_where_a_row_does_not_add_up(
    rows: dict[str, dict[str, int]], collected: int, invalid: int, issued: int
) -> None:
    found = _codes(_problems(rows, collected, invalid=invalid, items=sorted(rows), issued=issued))

    expected = set()
    if collected > issued:
        expected.add(("tally_collected_exceeds_issued", ""))
    if invalid > collected:
        expected.add(("tally_invalid_exceeds_collected", ""))
    else:
        for item, row in rows.items():
            if row["yes"] + row["no"] + row["blank"] != collected - invalid:
                expected.add(("tally_row_mismatch", item))
    assert found == expected


@given(
    marks=st.dictionaries(st.sampled_from(["a", "b", "c"]), st.integers(0, 40), min_size=1),
    valid=st.integers(0, 30),
    seats=st.integers(1, 3),
)
def test_choose_n_count_is_refused_exactly_where_marks_exceed_what_ballots_allow(
    marks: dict[str, int], valid: int, seats: int
) -> None:
    found = _choose(marks, valid, seats)

    expected = {("tally_row_exceeds_valid", i) for i, n in marks.items() if n > valid}
    if sum(marks.values()) > seats * valid:
        expected.add(("tally_marks_exceed_seats", ""))
    assert found == expected


# --- two tellers --------------------------------------------------------------------------


def test_tallies_agree_only_when_identical_and_say_where_they_differ() -> None:
    one = Tally(rows={"a": {"yes": 3, "no": 1}, "b": {"yes": 4}}, collected=4)

    assert tallies_agree(one, Tally(rows={"a": {"yes": 3, "no": 1}, "b": {"yes": 4}}, collected=4))
    other = Tally(rows={"a": {"yes": 3, "abstain": 1}, "b": {"yes": 4}}, collected=4)
    assert tallies_compare(one, other).items == ("a",)
    assert not tallies_agree(one, other)
    totals = tallies_compare(one, Tally(rows=one.rows, collected=4, invalid=1))
    assert totals.totals_differ and totals.items == () and not totals.agree


def test_a_mark_left_out_counts_as_zero() -> None:
    assert tallies_agree(
        Tally(rows={"a": {"yes": 3, "blank": 0}}, collected=3),
        Tally(rows={"a": {"yes": 3}}, collected=3),
    )
    assert tallies_agree(
        Tally(rows={"a": {"yes": 3}}, collected=3),
        Tally(rows={"a": {"yes": 3, "blank": 0}}, collected=3),
    )


def test_an_item_only_one_teller_entered_differs_unless_it_is_all_zeros() -> None:
    both = {"a": {"yes": 3}}
    more = {"a": {"yes": 3}, "b": {"yes": 1}}
    zeros = {"a": {"yes": 3}, "b": {"yes": 0}}

    assert tallies_compare(Tally(rows=more, collected=3), Tally(rows=both, collected=3)).items == (
        "b",
    )
    assert tallies_compare(Tally(rows=both, collected=3), Tally(rows=more, collected=3)).items == (
        "b",
    )
    assert tallies_agree(Tally(rows=zeros, collected=3), Tally(rows=both, collected=3))
    assert tallies_agree(Tally(rows=both, collected=3), Tally(rows=zeros, collected=3))


@given(rows=rows_strategy, data=st.data())
def test_the_items_that_differ_are_exactly_those_changed(
    rows: dict[str, dict[str, int]], data: st.DataObject
) -> None:
    changed = data.draw(st.sets(st.sampled_from(sorted(rows))))
    other = {k: ({**v, "yes": v["yes"] + 1} if k in changed else dict(v)) for k, v in rows.items()}

    comparison = tallies_compare(Tally(rows=rows, collected=5), Tally(rows=other, collected=5))

    assert set(comparison.items) == changed
    assert comparison.agree == (not changed)


# --- channels and sign-in -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "takes"),
    [
        ("electronic", {"electronic"}),
        ("paper", {"paper"}),
        ("device", {"device"}),
        ("hybrid", {"electronic", "paper"}),
        ("unknown", set()),
    ],
)
def test_a_round_takes_only_what_its_channel_says(channel: str, takes: set[str]) -> None:
    for entry in ("electronic", "paper", "device"):
        assert channel_accepts(channel=channel, entry=entry) == (entry in takes)


def test_sign_in_closes_when_the_first_round_opens() -> None:
    assert sign_in_open(rounds_opened=0)
    assert not sign_in_open(rounds_opened=1)
    assert not sign_in_open(rounds_opened=3)


# --- the round allowed next ---------------------------------------------------------------

ABCD = frozenset("abcd")
MAIN = RoundPlan("main", ABCD, 2)


def _after_main(next_round: str = "", seats: int = 0, reason: str = "") -> RoundOutcome:
    """What the main round over a-d for two seats left: `next_round` called for `seats`."""
    return RoundOutcome(
        plan=MAIN, next_round=frozenset(next_round), next_round_seats=seats, reason=reason
    )


def test_the_first_round_is_the_main_round_over_every_listed_candidate() -> None:
    assert next_round_plan(listed="abcd", seats=2, last=None) == MAIN


def test_after_a_decided_round_no_round_is_allowed() -> None:
    assert next_round_plan(listed="c", seats=2, last=_after_main()) is None
    assert round_plan_problem(wanted=RoundPlan("main", frozenset("c"), 1), allowed=None) == (
        "vote_decided"
    )


def test_a_tie_calls_for_the_tied_for_the_seats_left() -> None:
    allowed = next_round_plan(listed="bcd", seats=2, last=_after_main("bc", 1, "tie"))

    assert allowed == RoundPlan("tie", frozenset("bc"), 1)
    assert round_plan_problem(wanted=RoundPlan("tie", frozenset("bc"), 1), allowed=allowed) == ""
    assert (
        round_plan_problem(wanted=RoundPlan("tie", frozenset("bcd"), 1), allowed=allowed)
        == "round_candidates_not_allowed"
    )
    assert (
        round_plan_problem(wanted=RoundPlan("main", frozenset("bc"), 1), allowed=allowed)
        == "round_kind_not_allowed"
    )
    assert (
        round_plan_problem(wanted=RoundPlan("tie", frozenset("bc"), 2), allowed=allowed)
        == "round_seats_not_allowed"
    )


def test_a_shortfall_round_is_from_the_remaining_candidates() -> None:
    last = _after_main("bcd", 1, "shortfall")
    assert next_round_plan(listed="bcd", seats=2, last=last) == RoundPlan(
        "shortfall", frozenset("bcd"), 1
    )


def test_candidates_carried_without_a_tie_or_shortfall_allow_no_round() -> None:
    assert next_round_plan(listed="bcd", seats=2, last=_after_main("b")) is None


def test_a_void_round_is_voted_again_as_it_was() -> None:
    plan = RoundPlan("tie", frozenset("bc"), 1)
    assert next_round_plan(listed="bcd", seats=2, last=RoundOutcome(plan=plan, void=True)) == plan


@given(
    candidates=st.frozensets(st.sampled_from("abcdefgh"), min_size=1),
    data=st.data(),
)
def test_a_closed_rounds_rejected_candidates_are_never_allowed_again(
    candidates: frozenset[str], data: st.DataObject
) -> None:
    carried = data.draw(st.frozensets(st.sampled_from(sorted(candidates))))
    reason = data.draw(st.sampled_from(["tie", "shortfall"])) if carried else ""
    last = RoundOutcome(
        plan=RoundPlan("main", candidates, 2),
        next_round=carried,
        next_round_seats=1 if carried else 0,
        reason=reason,
    )
    wanted = RoundPlan(
        data.draw(st.sampled_from(["main", "tie", "shortfall"])),
        data.draw(st.frozensets(st.sampled_from("abcdefgh"), min_size=1)),
        data.draw(st.integers(1, 3)),
    )

    problem = round_plan_problem(
        wanted=wanted, allowed=next_round_plan(listed=candidates, seats=2, last=last)
    )

    legal = bool(carried) and wanted == RoundPlan(reason, carried, 1)
    assert (problem == "") == legal

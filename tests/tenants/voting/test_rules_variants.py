"""The rule variants in use (docs/voting.md, "The rule set"): 等额 lists, thresholds as fractions
("more than" or "at least", of a base, single or double), rank-only, a quorum of "at least" or
"more than" a share, ranked ballots. Properties compute their expectation here with exact
fractions, never with the function under test; the examples are named after the rule they pin."""

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tenants.voting.rules import (
    MORE_THAN_HALF,
    TWO_THIRDS,
    BallotForm,
    CandidateCount,
    Comparison,
    ListKind,
    RuleSet,
    Share,
    Threshold,
    ThresholdBase,
    Turnout,
    base_size,
    candidate_list_ok,
    candidates_needed,
    passes,
    quorum_met,
    quorum_needed,
    rank_value,
    ranked_ballot_valid,
    ranked_points,
    share_base,
)

from .test_rules_helpers import counted, decided

shares = st.builds(
    Share,
    numerator=st.integers(1, 6),
    denominator=st.integers(1, 6),
    comparison=st.sampled_from(Comparison),
).filter(
    lambda s: (
        s.numerator < s.denominator
        or (s.numerator == s.denominator and s.comparison == Comparison.AT_LEAST)
    )
)


def expected_reached(votes: int, base: int, share: Share) -> bool:
    if base <= 0:
        return False
    ratio, wanted = Fraction(votes, base), Fraction(share.numerator, share.denominator)
    return ratio >= wanted if share.comparison == Comparison.AT_LEAST else ratio > wanted


# --- Shares: "more than" and "at least" a fraction --------------------------------------------


@given(share=shares, base=st.integers(0, 300), data=st.data())
def test_a_share_is_reached_exactly_as_its_fraction_says(
    share: Share, base: int, data: st.DataObject
) -> None:
    votes = data.draw(st.integers(0, base))

    assert share.reached(votes, base) == expected_reached(votes, base, share)


@given(share=shares, base=st.integers(0, 300))
def test_the_fewest_votes_are_the_first_count_that_reaches_the_share(
    share: Share, base: int
) -> None:
    first = next(v for v in range(base + 2) if expected_reached(v, base, share) or v > base)

    if base > 0:
        assert share.fewest(base) == first


def test_at_least_two_thirds_is_met_by_two_thirds_and_more_than_two_thirds_is_not() -> None:
    more_than = Share(2, 3, Comparison.MORE_THAN)

    assert TWO_THIRDS.reached(200, 300) and not TWO_THIRDS.reached(199, 300)
    assert not more_than.reached(200, 300) and more_than.reached(201, 300)
    assert (TWO_THIRDS.fewest(300), more_than.fewest(300)) == (200, 201)
    assert (TWO_THIRDS.fewest(7), more_than.fewest(7)) == (5, 5)
    assert (TWO_THIRDS.fewest(6), more_than.fewest(6)) == (4, 5)


def test_more_than_half_is_the_majority_and_exactly_half_is_not() -> None:
    assert Share(1, 2, Comparison.MORE_THAN) == MORE_THAN_HALF
    assert Share(2, 3, Comparison.AT_LEAST) == TWO_THIRDS
    assert not MORE_THAN_HALF.reached(50, 100) and MORE_THAN_HALF.reached(51, 100)
    assert MORE_THAN_HALF.reached(1, 1)
    assert Share(1, 2, Comparison.AT_LEAST).reached(50, 100)


def test_nothing_reaches_a_share_of_an_empty_base() -> None:
    assert not Share(1, 2, Comparison.AT_LEAST).reached(0, 0)
    assert not MORE_THAN_HALF.reached(1, 0)
    assert not MORE_THAN_HALF.reached(0, -1)


def test_a_share_must_be_reachable() -> None:
    assert Share(1, 3).valid and Share(2, 3).valid
    assert Share(3, 3, Comparison.AT_LEAST).valid  # unanimity
    assert not Share(3, 3, Comparison.MORE_THAN).valid  # more than everyone
    assert not Share(0, 3, Comparison.AT_LEAST).valid
    assert not Share(-1, 3).valid
    assert not Share(4, 3, Comparison.AT_LEAST).valid


# --- The quorum -------------------------------------------------------------------------------


@given(quorum=shares, entitled=st.integers(0, 300), data=st.data())
def test_a_round_opens_exactly_when_the_present_reach_the_quorum(
    quorum: Share, entitled: int, data: st.DataObject
) -> None:
    present = data.draw(st.integers(0, entitled))
    rules = RuleSet(seats=1, quorum=quorum)

    assert quorum_met(entitled=entitled, present=present, rules=rules) == expected_reached(
        present, entitled, quorum
    )


def test_a_quorum_of_more_than_two_thirds_needs_one_more_at_the_exact_two_thirds() -> None:
    strict = RuleSet(seats=1, quorum=Share(2, 3, Comparison.MORE_THAN))

    assert not quorum_met(entitled=90, present=60, rules=strict)
    assert quorum_met(entitled=90, present=61, rules=strict)
    assert quorum_met(entitled=90, present=60, rules=RuleSet(seats=1))
    assert quorum_needed(entitled=90, rules=strict) == 61
    assert quorum_needed(entitled=90, rules=RuleSet(seats=1)) == 60


# --- Thresholds: a fraction of a base, single or double ---------------------------------------

TURNOUT = Turnout(entitled=90, present=80, valid_ballots=75)


def alone(count: CandidateCount, rules: RuleSet, turnout: Turnout = TURNOUT) -> bool:
    return decided({"a": count}, 1, rules, turnout=turnout).adopted == ("a",)


def test_a_double_threshold_holds_only_when_both_hold() -> None:
    # 过半数 of all deputies and 超过三分之二 of those present: 54 of 80 present is more than
    # 2/3 (53.3) and more than half of 90; 53 is not more than 2/3 of 80.
    both = RuleSet(
        seats=1,
        thresholds=(
            Threshold(MORE_THAN_HALF, ThresholdBase.ENTITLED),
            Threshold(Share(2, 3, Comparison.MORE_THAN), ThresholdBase.PRESENT),
        ),
    )

    assert alone(CandidateCount(yes=54), both)
    assert not alone(CandidateCount(yes=53), both)
    assert alone(CandidateCount(yes=53), RuleSet(seats=1))  # the majority alone would pass it
    # and the majority fails where two thirds of a small attendance would hold
    assert not alone(CandidateCount(yes=45), both, Turnout(90, 60, 60))


def test_at_least_two_thirds_of_the_valid_votes_passes_at_exactly_two_thirds() -> None:
    at_least = RuleSet(seats=1, thresholds=(Threshold(TWO_THIRDS, ThresholdBase.VALID),))
    more_than = RuleSet(
        seats=1,
        thresholds=(Threshold(Share(2, 3, Comparison.MORE_THAN), ThresholdBase.VALID),),
    )
    count = CandidateCount(yes=40, no=15, abstain=5)  # 40 of 60 cast

    assert alone(count, at_least)
    assert not alone(count, more_than)


@st.composite
def threshold_lists(draw: st.DrawFn) -> tuple[Threshold, ...]:
    return tuple(
        Threshold(draw(shares), draw(st.sampled_from(ThresholdBase)))
        for _ in range(draw(st.integers(1, 2)))
    )


def expected_base(base: ThresholdBase, count: CandidateCount, turnout: Turnout, form: str) -> int:
    if base == ThresholdBase.ENTITLED:
        return turnout.entitled
    if base == ThresholdBase.PRESENT:
        return turnout.present
    return (
        count.yes + count.no + count.abstain if form == "per_candidate" else turnout.valid_ballots
    )


@given(
    thresholds=threshold_lists(),
    form=st.sampled_from(BallotForm),
    entitled=st.integers(1, 120),
    data=st.data(),
)
def test_a_candidate_passes_exactly_when_every_threshold_holds(
    thresholds: tuple[Threshold, ...], form: BallotForm, entitled: int, data: st.DataObject
) -> None:
    turnout, count = data.draw(counted(entitled))
    rules = RuleSet(seats=1, ballot_form=form, thresholds=thresholds)

    expected = all(
        expected_reached(count.yes, expected_base(t.base, count, turnout, form), t.share)
        for t in thresholds
    )

    assert passes(count=count, turnout=turnout, rules=rules) == expected
    assert alone(count, rules, turnout) == expected


def test_the_valid_base_of_a_ranked_ballot_is_the_valid_ballots() -> None:
    count = CandidateCount(yes=30, no=0, abstain=0)
    ranked = RuleSet(seats=1, ballot_form=BallotForm.RANKED)

    assert base_size(base=ThresholdBase.VALID, count=count, turnout=TURNOUT, rules=ranked) == 75
    assert base_size(base=ThresholdBase.PRESENT, count=count, turnout=TURNOUT, rules=ranked) == 80
    assert base_size(base=ThresholdBase.ENTITLED, count=count, turnout=TURNOUT, rules=ranked) == 90


# --- Rank only --------------------------------------------------------------------------------


def test_rank_only_fills_the_seats_by_yes_with_no_majority_test() -> None:
    rules = RuleSet(seats=2, thresholds=(), rank_only=True)
    counts = {"a": CandidateCount(3), "b": CandidateCount(30), "c": CandidateCount(20)}

    decision = decided(counts, 2, rules, turnout=TURNOUT)

    assert decision.adopted == ("b", "c")
    assert decision.passing == ("b", "c", "a")
    assert passes(count=CandidateCount(0), turnout=TURNOUT, rules=rules)


def test_rank_only_shows_the_share_over_the_valid_ballots() -> None:
    assert share_base(RuleSet(seats=1, thresholds=(), rank_only=True)) == ThresholdBase.VALID
    assert share_base(RuleSet(seats=1)) == ThresholdBase.ENTITLED
    present_first = RuleSet(
        seats=1,
        thresholds=(Threshold(base=ThresholdBase.PRESENT), Threshold(base=ThresholdBase.VALID)),
    )
    assert share_base(present_first) == ThresholdBase.PRESENT


# --- 等额 and 差额 lists ------------------------------------------------------------------------


@given(
    seats=st.integers(1, 20),
    surplus=st.integers(0, 5),
    candidates=st.integers(0, 30),
    kind=st.sampled_from(ListKind),
)
def test_the_list_holds_the_seats_exactly_or_the_seats_and_the_surplus(
    seats: int, surplus: int, candidates: int, kind: ListKind
) -> None:
    rules = RuleSet(seats=seats, list_kind=kind, min_surplus=surplus)
    wanted = seats if kind == ListKind.EQUAL else seats + surplus

    assert candidates_needed(rules) == wanted
    ok = candidates == seats if kind == ListKind.EQUAL else candidates >= seats + surplus
    assert candidate_list_ok(candidates=candidates, rules=rules) == ok


def test_an_equal_list_puts_exactly_the_seats_to_the_vote() -> None:
    equal = RuleSet(seats=3, list_kind=ListKind.EQUAL, min_surplus=0)

    assert candidate_list_ok(candidates=3, rules=equal)
    assert not candidate_list_ok(candidates=4, rules=equal)
    assert not candidate_list_ok(candidates=2, rules=equal)
    assert equal.problems() == []  # no surplus needed


def test_an_equal_list_still_votes_each_candidate_against_the_threshold() -> None:
    equal = RuleSet(seats=3, list_kind=ListKind.EQUAL, min_surplus=0)
    counts = {"a": CandidateCount(60), "b": CandidateCount(45), "c": CandidateCount(46)}

    decision = decided(counts, 3, equal, turnout=TURNOUT)

    assert decision.adopted == ("a", "c")  # 45 of 90 is not more than half


# --- Ranked ballots ---------------------------------------------------------------------------


def test_a_ranked_ballot_numbers_each_candidate_once_and_at_most_n() -> None:
    assert ranked_ballot_valid(ranking=["a", "b"], seats=2)
    assert ranked_ballot_valid(ranking=[], seats=2)
    assert not ranked_ballot_valid(ranking=["a", "b", "c"], seats=2)
    assert not ranked_ballot_valid(ranking=["a", "a"], seats=2)


@given(
    ballots=st.lists(
        st.lists(st.sampled_from("abcde"), unique=True, max_size=3), min_size=0, max_size=12
    )
)
def test_ranked_points_give_n_for_the_first_and_one_less_for_each_after(
    ballots: list[list[str]],
) -> None:
    expected: dict[str, int] = {}
    for ballot in ballots:
        for number, candidate in enumerate(ballot, start=1):
            expected[candidate] = expected.get(candidate, 0) + 3 + 1 - number

    assert ranked_points(ballots=ballots, seats=3) == expected


def test_ranked_ballots_rank_by_priority_points_not_by_how_often_marked() -> None:
    # b is numbered by more deputies, a more often first: 3 seats' points decide.
    rules = RuleSet(seats=1, ballot_form=BallotForm.RANKED, thresholds=(), rank_only=True)
    points = ranked_points(ballots=[["a", "b"], ["a", "b"], ["b"], ["c", "b"]], seats=2)
    counts = {
        "a": CandidateCount(2, points=points["a"]),
        "b": CandidateCount(4, points=points["b"]),
        "c": CandidateCount(1, points=points["c"]),
    }

    assert points == {"a": 4, "b": 5, "c": 2}
    assert rank_value(counts["b"], rules) == 5
    assert rank_value(counts["b"], RuleSet(seats=1)) == 4
    decision = decided(counts, 1, rules, turnout=TURNOUT)
    assert decision.adopted == ("b",)


def test_a_tie_in_priority_points_at_the_cut_off_goes_to_a_new_round() -> None:
    rules = RuleSet(seats=1, ballot_form=BallotForm.RANKED, thresholds=(), rank_only=True)
    counts = {"a": CandidateCount(9, points=6), "b": CandidateCount(3, points=6)}

    decision = decided(counts, 1, rules, turnout=TURNOUT)

    assert decision.adopted == () and decision.reason == "tie"
    assert decision.next_round == ("a", "b")


# --- What makes a rule set unusable -----------------------------------------------------------


def test_each_problem_of_a_rule_set_is_named_on_its_own() -> None:
    assert RuleSet(seats=1, list_kind=ListKind.EQUAL, min_surplus=0).problems() == []
    assert RuleSet(seats=1, min_surplus=0).problems() == ["surplus_required"]
    assert RuleSet(seats=1, quorum=Share(3, 3, Comparison.MORE_THAN)).problems() == [
        "quorum_invalid"
    ]
    assert RuleSet(seats=1, thresholds=(Threshold(Share(0, 2)),)).problems() == [
        "threshold_invalid"
    ]
    assert RuleSet(
        seats=1, thresholds=(Threshold(), Threshold(Share(3, 2, Comparison.AT_LEAST)))
    ).problems() == ["threshold_invalid"]
    assert RuleSet(seats=1, rank_only=True).problems() == ["rank_only_with_threshold"]
    assert RuleSet(seats=1, thresholds=()).problems() == ["threshold_required"]
    assert RuleSet(seats=1, thresholds=(), rank_only=True).problems() == []
    assert RuleSet(seats=1, thresholds=(Threshold(),) * 2).problems() == []
    assert RuleSet(seats=1, thresholds=(Threshold(),) * 3).problems() == ["thresholds_too_many"]

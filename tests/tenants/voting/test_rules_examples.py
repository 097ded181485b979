"""The vote rules pinned by examples a reader can check by hand, and by properties whose
expectation is written out here rather than asked of the function under test. Each example
names the rule it pins; the mutation check (docs/mutation.md) fails when one goes missing."""

from hypothesis import given
from hypothesis import strategies as st

from tenants.voting.rules import (
    BallotForm,
    CandidateCount,
    Comparison,
    ListKind,
    RuleSet,
    Share,
    ShortfallRule,
    Threshold,
    ThresholdBase,
    Turnout,
    base_size,
    candidate_list_ok,
    choose_n_ballot_valid,
    paper_round_valid,
    quorum_met,
)

from .test_rules_helpers import TURNOUT, adopted_alone, counted, decided


def test_the_present_base_counts_the_deputies_present_not_the_votes_cast() -> None:
    # 30 of 70 present is not more than half; 30 of the 55 cast on it would be.
    count = CandidateCount(yes=30, no=20, abstain=5)

    assert not adopted_alone(count, ThresholdBase.PRESENT)
    assert not adopted_alone(count, ThresholdBase.PRESENT, BallotForm.CHOOSE_N)
    assert (
        base_size(base=ThresholdBase.PRESENT, count=count, turnout=TURNOUT, rules=RuleSet(1)) == 70
    )


def test_the_entitled_base_counts_every_deputy() -> None:
    count = CandidateCount(yes=45, no=5)

    assert not adopted_alone(count, ThresholdBase.ENTITLED)  # 45 of 100
    assert adopted_alone(count, ThresholdBase.PRESENT)  # 45 of 70
    assert not adopted_alone(count, ThresholdBase.ENTITLED, BallotForm.CHOOSE_N)


def test_abstentions_count_in_the_valid_votes_base_of_a_per_candidate_ballot() -> None:
    # 30 赞成 of 62 cast (30 + 20 + 12 弃权) is not more than half; without the abstentions it
    # would be 30 of 50, or of 38 if they were taken off.
    assert not adopted_alone(CandidateCount(yes=30, no=20, abstain=12), ThresholdBase.VALID)
    assert adopted_alone(CandidateCount(yes=30, no=20, abstain=9), ThresholdBase.VALID)
    assert CandidateCount(yes=30, no=20, abstain=12).cast == 62
    assert CandidateCount(yes=7).cast == 7


def test_the_valid_base_of_a_choose_n_ballot_is_the_valid_ballots() -> None:
    # 30 of 59 valid ballots passes; the 62 marks cast on the candidate are not the base.
    count = CandidateCount(yes=30, no=20, abstain=12)

    assert adopted_alone(count, ThresholdBase.VALID, BallotForm.CHOOSE_N)
    assert not adopted_alone(
        count, ThresholdBase.VALID, BallotForm.CHOOSE_N, Turnout(100, 70, valid_ballots=60)
    )


def expected_base(count: CandidateCount, turnout: Turnout, rules: RuleSet) -> int:
    if rules.thresholds[0].base == ThresholdBase.ENTITLED:
        return turnout.entitled
    if rules.thresholds[0].base == ThresholdBase.PRESENT:
        return turnout.present
    if rules.ballot_form != BallotForm.PER_CANDIDATE:
        return turnout.valid_ballots
    return count.yes + count.no + count.abstain


@given(
    base=st.sampled_from(ThresholdBase),
    form=st.sampled_from(BallotForm),
    entitled=st.integers(1, 200),
    data=st.data(),
)
def test_a_candidate_passes_exactly_when_its_yes_are_more_than_half_of_its_base(
    base: ThresholdBase, form: BallotForm, entitled: int, data: st.DataObject
) -> None:
    turnout, count = data.draw(counted(entitled))
    rules = RuleSet(seats=1, thresholds=(Threshold(base=base),), ballot_form=form)

    decision = decided({"a": count}, 1, rules, turnout=turnout)

    size = expected_base(count, turnout, rules)
    # Nothing reaches a share of an empty base, however the count came out.
    assert (decision.passing == ("a",)) == (size > 0 and 2 * count.yes > size)


def test_a_new_round_is_due_only_for_seats_left_empty() -> None:
    rules = RuleSet(seats=2, shortfall=ShortfallRule.NEW_ROUND)
    full = {"a": CandidateCount(90), "b": CandidateCount(80), "c": CandidateCount(10)}
    short = {"a": CandidateCount(90), "b": CandidateCount(30), "c": CandidateCount(10)}

    filled = decided(full, 2, rules)
    one_short = decided(short, 2, rules)

    assert filled == decided(full, 2)
    assert filled.adopted == ("a", "b") and filled.next_round == () and filled.reason == ""
    assert filled.next_round_seats == 0
    assert one_short.adopted == ("a",)
    assert one_short.next_round == ("b", "c") and one_short.next_round_seats == 1
    assert one_short.reason == "shortfall" and one_short.passing == ("a",)


def test_a_shortfall_with_nobody_left_to_vote_on_ends_the_vote() -> None:
    rules = RuleSet(seats=3, shortfall=ShortfallRule.NEW_ROUND)
    counts = {"a": CandidateCount(90), "b": CandidateCount(60)}

    decision = decided(counts, 3, rules)

    assert decision.adopted == ("a", "b") and decision.next_round == ()
    assert decision.next_round_seats == 0 and decision.reason == ""


def test_a_shortfall_round_counts_the_seats_still_empty() -> None:
    rules = RuleSet(seats=3, shortfall=ShortfallRule.NEW_ROUND)
    counts = {"a": CandidateCount(20), "b": CandidateCount(90), "c": CandidateCount(5)}

    decision = decided(counts, 3, rules)

    assert decision.adopted == ("b",)
    assert decision.next_round == ("a", "c") and decision.next_round_seats == 2


def test_more_passing_than_seats_without_a_tie_adopts_the_top_by_yes() -> None:
    counts = {
        "a": CandidateCount(60),
        "b": CandidateCount(90),
        "c": CandidateCount(70),
        "d": CandidateCount(80),
    }

    decision = decided(counts, 2, RuleSet(seats=2, shortfall=ShortfallRule.NEW_ROUND))

    assert decision.adopted == ("b", "d")
    assert decision.passing == ("b", "d", "c", "a")
    assert decision.next_round == () and decision.next_round_seats == 0 and decision.reason == ""


def test_a_tie_for_the_only_seat_sends_every_tied_candidate_to_a_new_round() -> None:
    counts = {"a": CandidateCount(70), "b": CandidateCount(80), "c": CandidateCount(80)}

    decision = decided(counts, 1)

    assert decision.adopted == ()
    assert decision.next_round == ("b", "c") and decision.next_round_seats == 1
    assert decision.reason == "tie" and decision.passing == ("b", "c", "a")


def test_equal_yes_are_listed_in_ballot_order() -> None:
    counts = {"a": CandidateCount(60), "b": CandidateCount(80), "c": CandidateCount(60)}

    decision = decided(counts, 3, order=["c", "b", "a"])

    assert decision.adopted == ("b", "c", "a")


def test_the_candidate_list_needs_exactly_seats_plus_surplus() -> None:
    rules = RuleSet(seats=10, min_surplus=2)

    assert candidate_list_ok(candidates=12, rules=rules)
    assert not candidate_list_ok(candidates=11, rules=rules)
    assert candidate_list_ok(candidates=11, rules=RuleSet(seats=10))
    assert not candidate_list_ok(candidates=10, rules=RuleSet(seats=10))


def test_a_rule_set_names_each_problem_on_its_own() -> None:
    assert RuleSet(seats=1).problems() == []
    assert RuleSet(seats=0).problems() == ["seats_too_few"]
    assert RuleSet(seats=-1).problems() == ["seats_too_few"]
    assert RuleSet(seats=1, min_surplus=0).problems() == ["surplus_required"]
    assert RuleSet(seats=1, quorum=Share(0, 3)).problems() == ["quorum_invalid"]
    assert RuleSet(seats=1, quorum=Share(3, 3, Comparison.AT_LEAST)).problems() == []
    assert RuleSet(seats=1, quorum=Share(4, 3, Comparison.AT_LEAST)).problems() == [
        "quorum_invalid"
    ]
    assert RuleSet(seats=1, quorum=Share(1, 2, Comparison.AT_LEAST)).problems() == []


def test_the_defaults_are_the_common_practice() -> None:
    rules = RuleSet(seats=10)

    assert rules.min_surplus == 1
    assert rules.ballot_form == BallotForm.PER_CANDIDATE
    assert rules.list_kind == ListKind.COMPETITIVE
    assert rules.thresholds == (
        Threshold(Share(1, 2, Comparison.MORE_THAN), ThresholdBase.ENTITLED),
    )
    assert rules.rank_only is False
    assert rules.quorum == Share(2, 3, Comparison.AT_LEAST)
    assert rules.shortfall == ShortfallRule.ACCEPT_FEWER
    assert CandidateCount(5) == CandidateCount(yes=5, no=0, abstain=0, points=0)
    assert Share(1, 2) == Share(1, 2, Comparison.MORE_THAN)
    assert Threshold() == Threshold(Share(1, 2, Comparison.MORE_THAN), ThresholdBase.ENTITLED)


def test_a_quorum_of_a_half_or_of_everyone() -> None:
    half = RuleSet(seats=1, quorum=Share(1, 2, Comparison.AT_LEAST))
    everyone = RuleSet(seats=1, quorum=Share(3, 3, Comparison.AT_LEAST))

    assert quorum_met(entitled=100, present=50, rules=half)
    assert not quorum_met(entitled=100, present=49, rules=half)
    assert quorum_met(entitled=7, present=7, rules=everyone)
    assert not quorum_met(entitled=7, present=6, rules=everyone)
    assert quorum_met(entitled=1, present=1, rules=RuleSet(seats=1))


def test_negative_counts_are_never_valid() -> None:
    assert not choose_n_ballot_valid(marks=-1, seats=3)
    assert choose_n_ballot_valid(marks=0, seats=3)
    assert choose_n_ballot_valid(marks=3, seats=3)
    assert not paper_round_valid(issued=10, returned=-1)
    assert paper_round_valid(issued=10, returned=0)
    assert paper_round_valid(issued=10, returned=10)

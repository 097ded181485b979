"""The vote rules, exhaustively: every rule-set option, with hypothesis."""

from hypothesis import given
from hypothesis import strategies as st

from tenants.voting.rules import (
    BallotForm,
    CandidateCount,
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

from .test_rules_helpers import adopted_alone, counts_within, decided

rule_sets = st.builds(
    RuleSet,
    seats=st.integers(1, 12),
    min_surplus=st.integers(1, 5),
    ballot_form=st.sampled_from(BallotForm),
    thresholds=st.builds(lambda base: (Threshold(base=base),), st.sampled_from(ThresholdBase)),
    shortfall=st.sampled_from(ShortfallRule),
)


Round = tuple[RuleSet, Turnout, dict[str, CandidateCount], list[str]]


@st.composite
def rounds(draw: st.DrawFn) -> Round:
    rules = draw(rule_sets)
    entitled = draw(st.integers(3, 400))
    present = draw(st.integers((entitled * 2 + 2) // 3, entitled))
    n_candidates = draw(st.integers(1, 16))
    counts = {f"c{i}": draw(counts_within(present)) for i in range(n_candidates)}
    turnout = Turnout(
        entitled=entitled, present=present, valid_ballots=draw(st.integers(0, present))
    )
    return rules, turnout, counts, list(counts)


@given(rounds())
def test_nothing_passes_with_yes_at_or_below_half_of_the_base(data: Round) -> None:
    rules, turnout, counts, order = data

    decision = decided(counts, rules.seats, rules, turnout=turnout, order=order)

    for candidate in (*decision.adopted, *decision.passing):
        base = base_size(
            base=rules.thresholds[0].base, count=counts[candidate], turnout=turnout, rules=rules
        )
        assert counts[candidate].yes * 2 > base


@given(rounds())
def test_never_more_than_n_adopted(data: Round) -> None:
    rules, turnout, counts, order = data

    decision = decided(counts, rules.seats, rules, turnout=turnout, order=order)

    assert len(decision.adopted) <= rules.seats
    assert len(decision.adopted) + decision.next_round_seats <= rules.seats
    key = "points" if rules.ballot_form == BallotForm.RANKED else "yes"
    assert list(decision.adopted) == sorted(
        decision.adopted, key=lambda c: (-getattr(counts[c], key), order.index(c))
    )


@given(rounds())
def test_a_tie_at_the_cut_off_is_never_settled_silently(data: Round) -> None:
    rules, turnout, counts, order = data

    decision = decided(counts, rules.seats, rules, turnout=turnout, order=order)

    adopted = set(decision.adopted)
    key = "points" if rules.ballot_form == BallotForm.RANKED else "yes"
    for a in decision.passing:
        for b in decision.passing:
            # Two passing candidates ranked equal are never split between adopted and not adopted
            # unless both go to the next round.
            tie = getattr(counts[a], key) == getattr(counts[b], key)
            if tie and (a in adopted) != (b in adopted):
                raise AssertionError(f"{a} and {b} tie but only one is adopted")
    if decision.reason == "tie":
        tied_yes = {getattr(counts[c], key) for c in decision.next_round}
        assert len(tied_yes) == 1
        assert len(decision.next_round) > decision.next_round_seats > 0
        assert not adopted & set(decision.next_round)


def test_a_tie_at_the_cut_off_goes_to_a_new_round_among_the_tied() -> None:
    rules = RuleSet(seats=2)
    counts = {
        "a": CandidateCount(90),
        "b": CandidateCount(80),
        "c": CandidateCount(80),
        "d": CandidateCount(10),
    }

    decision = decided(counts, 2, rules, turnout=Turnout(100, 95, 95))

    assert decision.adopted == ("a",)
    assert decision.next_round == ("b", "c") and decision.next_round_seats == 1
    assert decision.reason == "tie"


def test_a_tie_inside_the_seats_is_no_tie() -> None:
    counts = {"a": CandidateCount(80), "b": CandidateCount(80), "c": CandidateCount(60)}

    decision = decided(counts, 2, turnout=Turnout(100, 90, 90))

    assert decision.adopted == ("a", "b") and decision.reason == ""


def test_the_exact_half_does_not_pass() -> None:
    counts = {"a": CandidateCount(50), "b": CandidateCount(51)}

    decision = decided(counts, 2)

    assert decision.adopted == ("b",)


def test_the_base_follows_the_rule_set() -> None:
    counts = {"a": CandidateCount(yes=40, no=10, abstain=5)}
    turnout = Turnout(entitled=100, present=70, valid_ballots=60)

    def adopted(base: ThresholdBase, form: BallotForm = BallotForm.PER_CANDIDATE) -> bool:
        return adopted_alone(counts["a"], base, form, turnout)

    assert not adopted(ThresholdBase.ENTITLED)  # 40 of 100
    assert adopted(ThresholdBase.PRESENT)  # 40 of 70
    assert adopted(ThresholdBase.VALID)  # 40 of 55 cast on it
    assert adopted(ThresholdBase.VALID, BallotForm.CHOOSE_N)  # 40 of 60 valid ballots


@given(rules=rule_sets, passed=st.integers(0, 3))
def test_shortfall_follows_the_rule_set(rules: RuleSet, passed: int) -> None:
    seats = passed + 1  # always one seat short
    counts = {f"p{i}": CandidateCount(90) for i in range(passed)} | {
        "x": CandidateCount(10),
        "y": CandidateCount(5),
    }
    rules = RuleSet(seats=seats, shortfall=rules.shortfall)

    first = decided(counts, seats, rules)
    second = decided(counts, seats, rules, shortfall_round_allowed=False)

    assert len(first.adopted) == passed
    if rules.shortfall == ShortfallRule.NEW_ROUND:
        assert (
            first.reason == "shortfall"
            and set(first.next_round) == {"x", "y"}
            and first.next_round_seats == 1
        )
    else:
        assert first.next_round == ()
    assert second.next_round == ()  # held once


@given(marks=st.integers(0, 30), seats=st.integers(1, 15))
def test_a_choose_n_ballot_marking_more_than_n_is_invalid(marks: int, seats: int) -> None:
    assert choose_n_ballot_valid(marks=marks, seats=seats) == (marks <= seats)


@given(issued=st.integers(0, 500), returned=st.integers(0, 500))
def test_returned_above_issued_invalidates_a_paper_round(issued: int, returned: int) -> None:
    assert paper_round_valid(issued=issued, returned=returned) == (returned <= issued)


@given(entitled=st.integers(1, 500), data=st.data())
def test_below_quorum_no_round_opens(entitled: int, data: st.DataObject) -> None:
    present = data.draw(st.integers(0, entitled))

    opens = quorum_met(entitled=entitled, present=present, rules=RuleSet(seats=1))

    assert opens == (3 * present >= 2 * entitled)


def test_quorum_at_the_boundary() -> None:
    rules = RuleSet(seats=1)
    assert quorum_met(entitled=300, present=200, rules=rules)
    assert not quorum_met(entitled=300, present=199, rules=rules)
    assert not quorum_met(entitled=0, present=0, rules=rules)


@given(seats=st.integers(1, 20), surplus=st.integers(1, 5), candidates=st.integers(0, 30))
def test_the_candidate_list_needs_the_surplus(seats: int, surplus: int, candidates: int) -> None:
    rules = RuleSet(seats=seats, min_surplus=surplus)

    assert candidate_list_ok(candidates=candidates, rules=rules) == (candidates >= seats + surplus)


def test_a_rule_set_says_what_is_wrong_with_it() -> None:
    assert RuleSet(seats=10).problems() == []
    assert set(RuleSet(seats=0, min_surplus=0, quorum=Share(4, 3)).problems()) == {
        "seats_too_few",
        "surplus_required",
        "quorum_invalid",
    }

"""The satisfaction rules, both types, with the exact-half and exact-rate boundaries."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from tenants.voting.satisfaction import (
    Base,
    EvaluationRules,
    MarkCount,
    Outcome,
    RuleType,
    ballot_marks_valid,
    outcome,
    project_rates,
    reaches_half,
    satisfaction_rate,
)

ORDER = [Outcome.UNSATISFIED, Outcome.BASIC, Outcome.SATISFIED]

majority_rules = st.builds(
    EvaluationRules,
    rule_type=st.just(RuleType.MAJORITY),
    base=st.sampled_from(Base),
    half_is_enough_satisfied=st.booleans(),
    half_is_enough_basic=st.booleans(),
)
rate_rules = st.builds(
    EvaluationRules,
    rule_type=st.just(RuleType.RATE),
    pass_rate=st.decimals(min_value=Decimal("0.01"), max_value=Decimal(100), places=2),
)


@st.composite
def tallies(draw: st.DrawFn) -> tuple[int, MarkCount]:
    """A project's marks from at most `entitled` ballots."""
    entitled = draw(st.integers(1, 400))
    satisfied = draw(st.integers(0, entitled))
    basic = draw(st.integers(0, entitled - satisfied))
    unsatisfied = draw(st.integers(0, entitled - satisfied - basic))
    abstain = draw(st.integers(0, entitled - satisfied - basic - unsatisfied))
    return entitled, MarkCount(satisfied, basic, unsatisfied, abstain)


def _base(rules: EvaluationRules, entitled: int, count: MarkCount) -> int:
    return entitled if rules.base == Base.ENTITLED else count.valid


# -- majority thresholds ----------------------------------------------------------------------


@given(tallies(), majority_rules)
def test_majority_follows_its_definition(
    data: tuple[int, MarkCount], rules: EvaluationRules
) -> None:
    entitled, count = data
    base = _base(rules, entitled, count)

    result = outcome(count=count, entitled=entitled, rules=rules)

    def reaches(votes: int, half_is_enough: bool) -> bool:
        return base > 0 and (2 * votes > base or (half_is_enough and 2 * votes == base))

    if reaches(count.satisfied, rules.half_is_enough_satisfied):
        assert result == Outcome.SATISFIED
    elif reaches(count.approving, rules.half_is_enough_basic):
        assert result == Outcome.BASIC
    else:
        assert result == Outcome.UNSATISFIED


@given(st.integers(1, 200), st.booleans(), st.booleans(), st.integers(0, 200))
def test_exactly_half_satisfied_is_satisfied_only_if_half_is_enough(
    half: int, enough: bool, basic_enough: bool, extra_basic: int
) -> None:
    entitled = 2 * half  # an even base: exactly half exists
    extra_basic = min(extra_basic, entitled - half)
    rules = EvaluationRules(half_is_enough_satisfied=enough, half_is_enough_basic=basic_enough)
    count = MarkCount(satisfied=half, basic=extra_basic, unsatisfied=entitled - half - extra_basic)

    result = outcome(count=count, entitled=entitled, rules=rules)

    if enough:
        assert result == Outcome.SATISFIED
    else:
        # Not 满意; 满意 + 基本满意 is at least half, so 基本满意 unless that too is exactly half
        # and exactly half is not enough there either.
        exactly_half_approving = extra_basic == 0
        expected = (
            Outcome.UNSATISFIED if exactly_half_approving and not basic_enough else Outcome.BASIC
        )
        assert result == expected


@given(st.integers(1, 200), st.integers(0, 200), st.booleans())
def test_exactly_half_approving_is_basic_only_if_half_is_enough(
    half: int, satisfied: int, enough: bool
) -> None:
    entitled = 2 * half
    satisfied = min(satisfied, half - 1) if half > 1 else 0  # below half: never 满意
    assume(satisfied * 2 < entitled)
    rules = EvaluationRules(half_is_enough_basic=enough)
    count = MarkCount(satisfied=satisfied, basic=half - satisfied, unsatisfied=half)

    result = outcome(count=count, entitled=entitled, rules=rules)

    assert result == (Outcome.BASIC if enough else Outcome.UNSATISFIED)


def test_zhenhai_exactly_half_is_enough_for_satisfied_but_not_for_basic() -> None:
    """镇海: 满意 at 半数以上 (half counts); 满意 + 基本满意 不足半数（含半数） is 不满意."""
    zhenhai = EvaluationRules(half_is_enough_satisfied=True, half_is_enough_basic=False)
    # 30 members: 15 is exactly half.
    assert outcome(count=MarkCount(15, 0, 15), entitled=30, rules=zhenhai) == Outcome.SATISFIED
    assert outcome(count=MarkCount(10, 5, 15), entitled=30, rules=zhenhai) == Outcome.UNSATISFIED
    assert outcome(count=MarkCount(10, 6, 14), entitled=30, rules=zhenhai) == Outcome.BASIC
    assert outcome(count=MarkCount(14, 1, 15), entitled=30, rules=zhenhai) == Outcome.UNSATISFIED
    # An odd base has no exact half: 29 members need 15 either way.
    assert outcome(count=MarkCount(14, 1, 14), entitled=29, rules=zhenhai) == Outcome.BASIC
    assert outcome(count=MarkCount(14, 0, 15), entitled=29, rules=zhenhai) == Outcome.UNSATISFIED


@given(tallies(), majority_rules)
def test_an_odd_base_makes_the_half_option_irrelevant(
    data: tuple[int, MarkCount], rules: EvaluationRules
) -> None:
    entitled, count = data
    assume(_base(rules, entitled, count) % 2 == 1)
    strict = EvaluationRules(
        rule_type=rules.rule_type,
        base=rules.base,
        half_is_enough_satisfied=False,
        half_is_enough_basic=False,
    )
    lenient = EvaluationRules(rule_type=rules.rule_type, base=rules.base)

    assert outcome(count=count, entitled=entitled, rules=strict) == outcome(
        count=count, entitled=entitled, rules=lenient
    )


@given(tallies(), majority_rules)
def test_abstentions_and_absences_count_against_under_the_base_of_all_deputies(
    data: tuple[int, MarkCount], rules: EvaluationRules
) -> None:
    """With 全体代表 as base, a deputy who abstains or stays away weighs like 不满意."""
    entitled, count = data
    assume(rules.base == Base.ENTITLED)
    moved = MarkCount(count.satisfied, count.basic, count.unsatisfied + count.abstain, 0)

    assert outcome(count=count, entitled=entitled, rules=rules) == outcome(
        count=moved, entitled=entitled, rules=rules
    )
    assert (
        outcome(count=count, entitled=entitled + 1, rules=rules)
        in ORDER[: ORDER.index(outcome(count=count, entitled=entitled, rules=rules)) + 1]
    )


# -- satisfaction rate ------------------------------------------------------------------------


@given(tallies(), rate_rules)
def test_rate_follows_its_definition(data: tuple[int, MarkCount], rules: EvaluationRules) -> None:
    entitled, count = data

    result = outcome(count=count, entitled=entitled, rules=rules)

    valid = count.valid
    if valid and count.satisfied * 100 >= rules.pass_rate * valid:
        assert result == Outcome.SATISFIED
    elif valid and count.approving * 100 >= rules.pass_rate * valid:
        assert result == Outcome.BASIC
    else:
        assert result == Outcome.UNSATISFIED


@given(st.integers(1, 100), st.integers(1, 20), st.integers(0, 1))
def test_a_rate_exactly_at_the_pass_rate_passes_and_one_vote_less_fails(
    percent: int, scale: int, abstain: int
) -> None:
    """With 100 x scale valid ballots, `percent` x scale approving is exactly the pass rate."""
    valid = 100 * scale
    approving = percent * scale
    rules = EvaluationRules(rule_type=RuleType.RATE, pass_rate=Decimal(percent))
    other = valid - approving
    exact = MarkCount(
        satisfied=0,
        basic=approving,
        unsatisfied=other - abstain * min(other, 1),
        abstain=abstain * min(other, 1),
    )
    short = MarkCount(
        satisfied=0, basic=approving - 1, unsatisfied=exact.unsatisfied + 1, abstain=exact.abstain
    )

    assert outcome(count=exact, entitled=valid, rules=rules) == Outcome.BASIC
    assert outcome(count=short, entitled=valid, rules=rules) == Outcome.UNSATISFIED
    all_satisfied = MarkCount(satisfied=approving, unsatisfied=valid - approving)
    assert outcome(count=all_satisfied, entitled=valid, rules=rules) == Outcome.SATISFIED


def test_a_fifty_percent_pass_rate_at_exactly_half() -> None:
    rules = EvaluationRules(rule_type=RuleType.RATE, pass_rate=Decimal(50))
    assert outcome(count=MarkCount(5, 0, 5), entitled=40, rules=rules) == Outcome.SATISFIED
    assert outcome(count=MarkCount(4, 1, 5), entitled=40, rules=rules) == Outcome.BASIC
    assert outcome(count=MarkCount(4, 0, 5, 1), entitled=40, rules=rules) == Outcome.UNSATISFIED


def test_the_rate_ignores_absent_deputies_and_counts_abstentions() -> None:
    rules = EvaluationRules(rule_type=RuleType.RATE, pass_rate=Decimal(90))
    # 9 of 10 valid approve: 90%; 300 entitled does not matter.
    assert outcome(count=MarkCount(9, 0, 1), entitled=300, rules=rules) == Outcome.SATISFIED
    assert outcome(count=MarkCount(9, 0, 0, 1), entitled=300, rules=rules) == Outcome.SATISFIED
    assert outcome(count=MarkCount(9, 0, 0, 2), entitled=300, rules=rules) == Outcome.UNSATISFIED


# -- both -------------------------------------------------------------------------------------


@given(
    tallies(), st.one_of(majority_rules, rate_rules), st.sampled_from(["unsatisfied", "abstain"])
)
def test_turning_a_mark_into_satisfied_never_lowers_the_result(
    data: tuple[int, MarkCount], rules: EvaluationRules, from_mark: str
) -> None:
    entitled, count = data
    assume(getattr(count, from_mark) > 0)
    better = MarkCount(
        count.satisfied + 1,
        count.basic,
        count.unsatisfied - (from_mark == "unsatisfied"),
        count.abstain - (from_mark == "abstain"),
    )

    before = outcome(count=count, entitled=entitled, rules=rules)
    after = outcome(count=better, entitled=entitled, rules=rules)

    assert ORDER.index(after) >= ORDER.index(before)


@given(st.integers(1, 400), st.one_of(majority_rules, rate_rules))
def test_no_ballots_is_unsatisfied(entitled: int, rules: EvaluationRules) -> None:
    assert outcome(count=MarkCount(), entitled=entitled, rules=rules) == Outcome.UNSATISFIED


@given(tallies())
def test_the_displayed_rate_is_the_approving_share(data: tuple[int, MarkCount]) -> None:
    _entitled, count = data
    rate = satisfaction_rate(count)
    if count.valid == 0:
        assert rate is None
    else:
        assert rate is not None
        assert abs(rate - Decimal(count.approving) * 100 / count.valid) <= Decimal("0.005")


@pytest.mark.parametrize(
    ("rate", "problems"),
    [
        (Decimal(0), ["pass_rate_invalid"]),
        (Decimal("100.01"), ["pass_rate_invalid"]),
        (Decimal(100), []),
        (Decimal("0.01"), []),
    ],
)
def test_pass_rate_must_be_a_percentage(rate: Decimal, problems: list[str]) -> None:
    assert EvaluationRules(rule_type=RuleType.RATE, pass_rate=rate).problems() == problems


def test_reaches_half_never_on_an_empty_base() -> None:
    assert not reaches_half(0, 0, half_is_enough=True)


def test_a_ballot_marks_every_project_once() -> None:
    projects = {"1", "2"}
    assert ballot_marks_valid({"1": "satisfied", "2": "abstain"}, projects)
    assert not ballot_marks_valid({"1": "satisfied"}, projects)
    assert not ballot_marks_valid({"1": "satisfied", "2": "yes"}, projects)
    assert not ballot_marks_valid({"1": "satisfied", "2": "basic", "3": "basic"}, projects)


def test_the_rate_of_29_approving_in_32_is_90_63_half_up() -> None:
    assert satisfaction_rate(MarkCount(satisfied=20, basic=9, unsatisfied=3)) == Decimal("90.63")


def test_a_rate_beside_a_verdict_says_which_base_each_uses() -> None:
    # 7 of 13 deputies rated: 4 approving is 57.14 % of valid, 30.77 % of all 13: 不满意.
    count = MarkCount(satisfied=2, basic=2, unsatisfied=3)
    rules = EvaluationRules()

    rates = project_rates(count=count, entitled=13, rules=rules)

    assert outcome(count=count, entitled=13, rules=rules) == Outcome.UNSATISFIED
    assert rates.rate == Decimal("57.14")
    assert (rates.verdict_base, rates.verdict_base_count, rates.verdict_rate) == (
        Base.ENTITLED,
        13,
        Decimal("30.77"),
    )
    assert (rates.satisfied, rates.basic, rates.unsatisfied, rates.abstain) == (
        Decimal("28.57"),
        Decimal("28.57"),
        Decimal("42.86"),
        Decimal("0.00"),
    )


@pytest.mark.parametrize(
    "rules",
    [EvaluationRules(base=Base.VALID), EvaluationRules(rule_type=RuleType.RATE)],
)
def test_on_valid_ballots_the_verdict_and_the_rate_share_their_base(rules: EvaluationRules) -> None:
    rates = project_rates(
        count=MarkCount(satisfied=2, basic=2, unsatisfied=3), entitled=13, rules=rules
    )

    assert (rates.verdict_base, rates.verdict_base_count) == (Base.VALID, 7)
    assert rates.verdict_rate == rates.rate == Decimal("57.14")


def test_no_ballots_no_rates() -> None:
    rates = project_rates(count=MarkCount(), entitled=5, rules=EvaluationRules())
    assert rates.rate is None and rates.satisfied is None and rates.verdict_rate == Decimal("0.00")


def test_the_public_rate_counts_three_marks_without_abstentions() -> None:
    # The public account builds its counts from 满意, 基本满意 and 不满意 only (account.py).
    public = MarkCount(**{"satisfied": 3, "basic": 1, "unsatisfied": 4})

    assert public == MarkCount(satisfied=3, basic=1, unsatisfied=4, abstain=0)
    assert public.valid == 8 and public.approving == 4
    assert satisfaction_rate(public) == Decimal("50.00")
    assert MarkCount() == MarkCount(0, 0, 0, 0) and satisfaction_rate(MarkCount()) is None


def test_the_displayed_rate_is_rounded_to_a_hundredth() -> None:
    assert satisfaction_rate(MarkCount(satisfied=2, basic=0, unsatisfied=1)) == Decimal("66.67")
    assert satisfaction_rate(MarkCount(satisfied=1, abstain=2)) == Decimal("33.33")
    assert satisfaction_rate(MarkCount(basic=1)) == Decimal("100.00")


def test_the_default_rules_are_majority_over_all_deputies_with_half_enough() -> None:
    assert EvaluationRules() == EvaluationRules(
        rule_type=RuleType.MAJORITY,
        base=Base.ENTITLED,
        half_is_enough_satisfied=True,
        half_is_enough_basic=True,
        pass_rate=Decimal("80"),
    )
    # 50 满意 of 100 deputies: exactly half, which is enough by default.
    assert (
        outcome(count=MarkCount(satisfied=50), entitled=100, rules=EvaluationRules()) == "satisfied"
    )


def test_a_single_valid_ballot_can_reach_the_rate() -> None:
    rules = EvaluationRules(rule_type=RuleType.RATE)

    assert outcome(count=MarkCount(satisfied=1), entitled=50, rules=rules) == Outcome.SATISFIED
    assert outcome(count=MarkCount(basic=1), entitled=50, rules=rules) == Outcome.BASIC


def test_the_valid_base_ignores_the_deputies_who_did_not_mark() -> None:
    count = MarkCount(satisfied=30, unsatisfied=20)  # 50 of 100 deputies marked

    by_valid = EvaluationRules(base=Base.VALID)
    assert outcome(count=count, entitled=100, rules=by_valid) == Outcome.SATISFIED  # 30 of 50
    assert outcome(count=count, entitled=100, rules=EvaluationRules()) == Outcome.UNSATISFIED

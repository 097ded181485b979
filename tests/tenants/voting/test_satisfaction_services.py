"""The year-end evaluation from its rules to its results, and the public's separate rating."""

from decimal import Decimal
from typing import Any

import pytest

from congresses.models import Congress
from ops.errors import DomainError
from outbox.models import OutboxEvent
from rollups.registry import providers
from tenants.implementation.models import Rectification
from tenants.voting.evaluation import (
    evaluation_open,
    evaluation_round,
    evaluation_set_rules,
    public_rating_submit,
)
from tenants.voting.models import (
    Ballot,
    Candidate,
    Cycle,
    Entitlement,
    Participation,
    Phase,
    PublicRating,
    Round,
)
from tenants.voting.services import ballot_cast, receipt_check, round_close

from .factories import make_implementing, make_vote, marks

TOKEN = "browser-token-0123456789"


def _result(round_: Round) -> dict[str, Any]:
    assert round_.result is not None
    return round_.result


def test_ten_deputies_rate_two_projects_by_the_majority_rule(town: Congress) -> None:
    # Given 10 deputies (base: all 10) and the default rule (exactly half is enough)
    setup = make_implementing(deputies=10)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    setup.cycle.refresh_from_db()
    assert setup.cycle.phase == Phase.EVALUATE and setup.cycle.evaluation_rules_fixed_at
    # When 9 vote: project 1 gets 5 满意 (exactly half), project 2 gets 2 满意 + 2 基本满意
    for i, deputy in enumerate(setup.deputies[:9]):
        first = "satisfied" if i < 5 else "unsatisfied"
        second = "satisfied" if i < 2 else "basic" if i < 4 else "abstain"
        ballot_cast(
            round_id=round_.pk, deputy=deputy, choices=marks(setup, first, second), actor=None
        )
    closed = round_close(round_id=round_.pk, actor=None)

    # Then
    result = _result(closed)
    first, second = (str(c.pk) for c in setup.candidates)
    assert result["outcomes"] == {first: "satisfied", second: "unsatisfied"}
    assert result["counts"][second] == {"satisfied": 2, "basic": 2, "unsatisfied": 0, "abstain": 5}
    assert result["rates"][first] == "55.56"
    assert closed.entitled_count == 10 and closed.ballot_count == closed.participation_count == 9
    assert Entitlement.objects.filter(round=closed, voted=False).count() == 1
    assert set(
        Candidate.objects.filter(cycle=setup.cycle).values_list("satisfaction", flat=True)
    ) >= {"satisfied", "unsatisfied"}
    assert OutboxEvent.objects.filter(topic="evaluation").exists()
    # 不满意 opens a rectification report on the project; 满意 does not.
    rectification = Rectification.objects.get(source="satisfaction")
    assert rectification.project.candidate_id == int(second)
    assert "不满意" in rectification.reason and "弃权5票" in rectification.reason


def test_zhenhai_rules_put_exactly_half_approving_at_unsatisfied(town: Congress) -> None:
    setup = make_implementing(deputies=10)
    evaluation_set_rules(cycle=setup.cycle, actor=None, half_is_enough_basic=False)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    for i, deputy in enumerate(setup.deputies):
        mark = "satisfied" if i < 2 else "basic" if i < 5 else "unsatisfied"
        ballot_cast(
            round_id=round_.pk, deputy=deputy, choices=marks(setup, mark, "satisfied"), actor=None
        )

    result = _result(round_close(round_id=round_.pk, actor=None))

    first, second = (str(c.pk) for c in setup.candidates)
    assert result["outcomes"] == {first: "unsatisfied", second: "satisfied"}
    assert result["rules"]["half_is_enough_basic"] is False


def test_the_rate_rule_counts_over_valid_ballots(town: Congress) -> None:
    setup = make_implementing(deputies=10)
    evaluation_set_rules(cycle=setup.cycle, actor=None, rule_type="rate", pass_rate=Decimal(75))
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    for i, deputy in enumerate(setup.deputies[:4]):  # 4 of 10 vote
        first = "satisfied" if i < 3 else "unsatisfied"  # 75%: exactly the pass rate
        second = "basic" if i < 2 else "unsatisfied"  # 50%
        ballot_cast(
            round_id=round_.pk, deputy=deputy, choices=marks(setup, first, second), actor=None
        )

    result = _result(round_close(round_id=round_.pk, actor=None))

    first, second = (str(c.pk) for c in setup.candidates)
    assert result["outcomes"] == {first: "satisfied", second: "unsatisfied"}


def test_the_evaluation_keeps_the_ballot_store_guarantees(town: Congress) -> None:
    setup = make_implementing(deputies=4)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    receipt = ballot_cast(
        round_id=round_.pk,
        deputy=setup.deputies[0],
        choices=marks(setup, "satisfied", "basic"),
        actor=None,
    )

    with pytest.raises(DomainError) as again:
        ballot_cast(
            round_id=round_.pk,
            deputy=setup.deputies[0],
            choices=marks(setup, "unsatisfied", "unsatisfied"),
            actor=None,
        )
    assert again.value.code == "already_voted"
    assert not receipt_check(round_id=round_.pk, code=receipt.code)  # not sealed yet
    round_close(round_id=round_.pk, actor=None)

    assert receipt_check(round_id=round_.pk, code=receipt.code)
    assert Ballot.objects.filter(round=round_, sealed=True).count() == 1
    assert Participation.objects.filter(round=round_).count() == 1


@pytest.mark.parametrize(
    "choices",
    [
        {"x": "satisfied"},  # unknown project
        "satisfied",
        None,
    ],
)
def test_a_malformed_evaluation_ballot_writes_nothing(town: Congress, choices: Any) -> None:
    setup = make_implementing(deputies=3)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    wrong_mark = marks(setup, "satisfied", "yes")  # a vote-round choice, not a mark
    missing = {str(setup.candidates[0].pk): "satisfied"}

    for bad in (choices, wrong_mark, missing):
        with pytest.raises(DomainError) as refused:
            ballot_cast(round_id=round_.pk, deputy=setup.deputies[0], choices=bad, actor=None)
        assert refused.value.code == "ballot_malformed"

    assert not Participation.objects.filter(round=round_).exists()
    assert not Ballot.objects.filter(round=round_).exists()


def test_a_deputy_of_another_term_cannot_rate(town: Congress) -> None:
    setup = make_implementing(deputies=3)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    outsider = setup.deputies[0]
    outsider.status = "ended"
    outsider.save(update_fields=["status"])

    with pytest.raises(DomainError) as refused:
        ballot_cast(
            round_id=round_.pk,
            deputy=outsider,
            choices=marks(setup, "satisfied", "satisfied"),
            actor=None,
        )

    assert refused.value.code == "not_entitled"
    assert not Participation.objects.filter(round=round_).exists()


def test_the_rules_are_fixed_once_the_evaluation_opens(town: Congress) -> None:
    setup = make_implementing()
    evaluation_open(cycle=setup.cycle, actor=None)

    with pytest.raises(DomainError) as refused:
        evaluation_set_rules(cycle=setup.cycle, actor=None, rule_type="rate")

    assert refused.value.code == "wrong_phase"
    assert Cycle.objects.get(pk=setup.cycle.pk).evaluation_rule_type == "majority"


def test_bad_rules_are_refused_and_nothing_changes(town: Congress) -> None:
    setup = make_implementing()
    for bad, code in (
        ({"pass_rate": Decimal(0)}, "pass_rate_invalid"),
        ({"quorum": 3}, "rule_unknown"),
    ):
        with pytest.raises(DomainError) as refused:
            evaluation_set_rules(cycle=setup.cycle, actor=None, **bad)
        assert refused.value.code == code
    assert Cycle.objects.get(pk=setup.cycle.pk).evaluation_pass_rate == Decimal(80)


def test_no_evaluation_before_implementation_and_only_one(town: Congress) -> None:
    vote = make_vote(deputies=3, candidates=3, seats=2)
    with pytest.raises(DomainError) as early:
        evaluation_open(cycle=vote.cycle, actor=None)
    assert early.value.code == "wrong_phase"

    setup = make_implementing(year=2028)
    evaluation_open(cycle=setup.cycle, actor=None)
    with pytest.raises(DomainError) as twice:
        evaluation_open(cycle=setup.cycle, actor=None)
    assert twice.value.code == "wrong_phase"
    assert Round.objects.filter(cycle=setup.cycle, kind="evaluation").count() == 1


def test_the_public_rates_once_per_browser_apart_from_the_deputies(town: Congress) -> None:
    setup = make_implementing(deputies=3)
    evaluation_set_rules(cycle=setup.cycle, actor=None, public_rating=True)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    first = str(setup.candidates[0].pk)

    assert public_rating_submit(cycle=setup.cycle, rater_token=TOKEN, marks={first: "basic"}) == 1
    with pytest.raises(DomainError) as again:
        public_rating_submit(
            cycle=setup.cycle,
            rater_token=TOKEN,
            marks={first: "satisfied", str(setup.candidates[1].pk): "basic"},
        )
    assert again.value.code == "already_rated"
    assert PublicRating.objects.count() == 1  # the second request is refused whole
    public_rating_submit(cycle=setup.cycle, rater_token=TOKEN + "x", marks={first: "satisfied"})
    assert not PublicRating.objects.filter(rater_key__contains=TOKEN).exists()

    closed = round_close(round_id=round_.pk, actor=None)
    assert _result(closed)["counts"][first] == dict.fromkeys(
        ("satisfied", "basic", "unsatisfied", "abstain"), 0
    )
    with pytest.raises(DomainError) as late:
        public_rating_submit(cycle=setup.cycle, rater_token="late-" + TOKEN, marks={first: "basic"})
    assert late.value.code == "public_rating_closed"


def test_the_public_cannot_rate_unless_offered_or_with_bad_marks(town: Congress) -> None:
    setup = make_implementing(deputies=3)
    evaluation_open(cycle=setup.cycle, actor=None)
    first = str(setup.candidates[0].pk)

    with pytest.raises(DomainError) as off:
        public_rating_submit(cycle=setup.cycle, rater_token=TOKEN, marks={first: "basic"})
    assert off.value.code == "public_rating_off"
    for bad in ({}, {first: "abstain"}, {"0": "basic"}, ["basic"]):
        with pytest.raises(DomainError) as refused:
            public_rating_submit(cycle=setup.cycle, rater_token=TOKEN, marks=bad)
        assert refused.value.code in ("rating_malformed", "public_rating_off")
    assert not PublicRating.objects.exists()
    assert evaluation_round(setup.cycle) is not None


def test_the_rollup_figures_count_projects_by_result_once_closed(town: Congress) -> None:
    setup = make_implementing(deputies=4, year=2031)
    round_ = evaluation_open(cycle=setup.cycle, actor=None)
    assert providers()["evaluation"](2031)["ballots_valid"] == 0  # the rate reads as no data
    for deputy, (first, second) in zip(
        setup.deputies,
        [
            ("satisfied", "basic"),
            ("satisfied", "unsatisfied"),
            ("basic", "abstain"),
            ("unsatisfied", "unsatisfied"),
        ],
        strict=True,
    ):
        ballot_cast(
            round_id=round_.pk, deputy=deputy, choices=marks(setup, first, second), actor=None
        )
    round_close(round_id=round_.pk, actor=None)

    figures = providers()["evaluation"](2031)

    # Project 1: 2 满意 of 4 (half) -> 满意; project 2: 1 approving -> 不满意. 4 approving of 8.
    assert figures == {
        "rated_satisfied": 1,
        "rated_basic": 0,
        "rated_unsatisfied": 1,
        "ballots_satisfied": 4,
        "ballots_valid": 8,
    }

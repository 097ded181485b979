"""The vote from opening to announcement, and every refusal: each a reason, nothing written."""

import hashlib
import re
from typing import Any

import pytest
from django_tenants.utils import tenant_context

from ops.errors import DomainError
from tenants.voting.models import Ballot, Candidate, Participation, Round
from tenants.voting.services import (
    ballot_cast,
    cycle_create,
    receipt_check,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World
from tests.factories import make_term

from .factories import make_deputies, make_setup, make_shortlist, make_vote, per_candidate


def _result(round_: Round) -> dict[str, Any]:
    assert round_.result is not None
    return round_.result


def _nothing_cast(round_: Round) -> bool:
    return (
        not Participation.objects.filter(round=round_).exists()
        and not Ballot.objects.filter(round=round_).exists()
    )


def test_a_round_adopts_by_rank_and_returns_the_rest(town: object) -> None:
    vote = make_vote(deputies=10, candidates=4, seats=2)
    a, b, c, d = vote.candidates
    receipts = []
    for i, deputy in enumerate(vote.deputies):
        # a: 9 yes, b: 7 yes, c: 6 yes, d: 2 yes (base: 10 entitled, pass needs 6)
        yes = [x for x, n in ((a, 9), (b, 7), (c, 6), (d, 2)) if i < n]
        receipts.append(
            ballot_cast(
                round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote, *yes), actor=None
            )
        )

    closed = round_close(round_id=vote.round.pk, actor=None)

    assert _result(closed)["adopted"] == [str(a.pk), str(b.pk)]
    assert closed.participation_count == closed.ballot_count == 10 and closed.entitled_count == 10
    ranks = dict(Candidate.objects.filter(cycle=vote.cycle).values_list("name", "rank"))
    statuses = dict(Candidate.objects.filter(cycle=vote.cycle).values_list("name", "status"))
    assert ranks["候选项目1"] == 1 and ranks["候选项目2"] == 2
    assert statuses == {
        "候选项目1": "adopted",
        "候选项目2": "adopted",
        "候选项目3": "not_adopted",
        "候选项目4": "not_adopted",
    }
    assert all(receipt_check(round_id=vote.round.pk, code=r.code) for r in receipts)
    assert not receipt_check(round_id=vote.round.pk, code="not-a-receipt")
    assert closed.entitlements.filter(voted=True).count() == 10


def test_a_receipt_is_read_without_ambiguity_and_an_earlier_receipt_still_checks(
    town: object,
) -> None:
    vote = make_vote(deputies=3, candidates=2, seats=1)
    a, _b = vote.candidates
    code = ballot_cast(
        round_id=vote.round.pk, deputy=vote.deputies[0], choices=per_candidate(vote, a), actor=None
    ).code
    round_close(round_id=vote.round.pk, actor=None)
    # A receipt of the 22-character form issued before, hashed as it was shown, in a closed round.
    earlier = "Ol1I-x_9aZ0oQwErTyUiPa"
    Ballot.objects.create(
        round=vote.round,
        sealed=True,
        choices={},
        receipt_hash=hashlib.sha256(earlier.encode()).hexdigest(),
    )

    # Five groups of four symbols, none of them I, L, O or U.
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}", code), code
    # Typed in small letters, without dashes, with O for 0 and l or I for 1: the same receipt.
    typed = code.replace("-", " ").lower().replace("0", "O").replace("1", "l")
    assert receipt_check(round_id=vote.round.pk, code=typed)
    assert receipt_check(round_id=vote.round.pk, code=code.replace("-", ""))
    assert receipt_check(round_id=vote.round.pk, code=earlier)
    assert not receipt_check(round_id=vote.round.pk, code=earlier.lower())
    assert not receipt_check(round_id=vote.round.pk, code="0000-0000-0000-0000-0000")


def test_a_tie_at_the_cut_off_opens_a_round_among_the_tied(town: object) -> None:
    vote = make_vote(deputies=10, candidates=3, seats=1)
    a, b, c = vote.candidates
    for i, deputy in enumerate(vote.deputies):
        ballot_cast(
            round_id=vote.round.pk,
            deputy=deputy,
            choices=per_candidate(vote, *([a, b] if i < 7 else [c])),
            actor=None,
        )

    first = round_close(round_id=vote.round.pk, actor=None)

    assert _result(first)["reason"] == "tie" and _result(first)["adopted"] == []
    assert set(_result(first)["next_round"]) == {str(a.pk), str(b.pk)}
    second = round_open(
        cycle=vote.cycle, actor=None, candidates=[a, b], seats=1, kind=Round.Kind.TIE
    )
    for i, deputy in enumerate(vote.deputies):
        choices = {str(a.pk): "yes" if i < 6 else "no", str(b.pk): "no" if i < 6 else "yes"}
        ballot_cast(round_id=second.pk, deputy=deputy, choices=choices, actor=None)
    decided = round_close(round_id=second.pk, actor=None)
    assert _result(decided)["adopted"] == [str(a.pk)]
    assert Round.objects.filter(cycle=vote.cycle).count() == 2  # the earlier round is kept


def test_voting_outside_the_voting_phase_is_refused(town: object) -> None:
    term = make_term()
    cycle = cycle_create(year=2030, title="2030年", term=term, actor=None, seats=1)

    with pytest.raises(DomainError) as refused:
        round_open(cycle=cycle, actor=None)

    assert refused.value.code == "wrong_phase"
    assert "征集" in refused.value.message


def test_a_candidate_list_without_surplus_is_refused(town: object) -> None:
    make_deputies(3)
    cycle = make_shortlist(year=2031, seats=2, candidates=2)

    with pytest.raises(DomainError) as refused:
        cycle_advance(cycle=cycle, actor=None)

    assert refused.value.code == "surplus_missing"
    cycle.refresh_from_db()
    assert cycle.phase == "shortlist" and cycle.rules_fixed_at is None


def test_below_quorum_no_round_opens(town: object) -> None:
    vote = make_setup(deputies=9, present=5)

    with pytest.raises(DomainError) as refused:
        round_open(cycle=vote.cycle, actor=None)

    assert refused.value.code == "quorum_not_met"
    assert not Round.objects.filter(cycle=vote.cycle).exists()


def test_a_second_ballot_is_refused_and_the_first_stands(town: object) -> None:
    vote = make_vote()
    deputy = vote.deputies[0]
    ballot_cast(round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote), actor=None)

    with pytest.raises(DomainError) as refused:
        ballot_cast(
            round_id=vote.round.pk,
            deputy=deputy,
            choices=per_candidate(vote, *vote.candidates),
            actor=None,
        )

    assert refused.value.code == "already_voted" and refused.value.status == 409
    assert Ballot.objects.filter(round=vote.round).count() == 1


@pytest.mark.parametrize(
    "choices",
    [
        {},
        "yes",
        ["x"],
        None,
    ],
)
def test_a_malformed_ballot_is_refused_and_nothing_is_written(
    town: object, choices: object
) -> None:
    vote = make_vote()

    with pytest.raises(DomainError) as refused:
        ballot_cast(round_id=vote.round.pk, deputy=vote.deputies[0], choices=choices, actor=None)

    assert refused.value.code == "ballot_malformed"
    assert _nothing_cast(vote.round)


def test_a_ballot_missing_a_candidate_or_with_an_unknown_choice_is_refused(town: object) -> None:
    vote = make_vote()
    full = per_candidate(vote)
    missing = dict(list(full.items())[1:])
    unknown = {**full, next(iter(full)): "maybe"}

    for choices in (missing, unknown):
        with pytest.raises(DomainError):
            ballot_cast(
                round_id=vote.round.pk, deputy=vote.deputies[0], choices=choices, actor=None
            )

    assert _nothing_cast(vote.round)


def test_a_choose_n_ballot_with_too_many_marks_is_refused(town: object) -> None:
    vote = make_vote(candidates=4, seats=2, ballot_form="choose_n")
    marks = [str(c.pk) for c in vote.candidates[:3]]

    with pytest.raises(DomainError) as refused:
        ballot_cast(round_id=vote.round.pk, deputy=vote.deputies[0], choices=marks, actor=None)

    assert refused.value.code == "ballot_too_many_marks"
    assert _nothing_cast(vote.round)
    ballot_cast(round_id=vote.round.pk, deputy=vote.deputies[0], choices=marks[:2], actor=None)
    assert Ballot.objects.filter(round=vote.round).count() == 1


def test_voting_without_signing_in_or_after_close_is_refused(town: object) -> None:
    vote = make_vote(deputies=9, present=7)
    absent = vote.deputies[8]

    with pytest.raises(DomainError) as not_signed_in:
        ballot_cast(round_id=vote.round.pk, deputy=absent, choices=per_candidate(vote), actor=None)
    round_close(round_id=vote.round.pk, actor=None)
    with pytest.raises(DomainError) as closed:
        ballot_cast(
            round_id=vote.round.pk, deputy=vote.deputies[0], choices=per_candidate(vote), actor=None
        )

    assert not_signed_in.value.code == "not_signed_in"
    assert closed.value.code == "round_not_open"


def test_a_ballot_for_another_tenants_round_finds_no_round(world: World) -> None:
    with tenant_context(world.town_b):
        foreign = make_vote()
    with tenant_context(world.town_a):
        own = make_deputies(1, prefix="甲镇")[0]
        assert not Round.objects.filter(pk=foreign.round.pk).exists()
        with pytest.raises(DomainError) as refused:
            ballot_cast(
                round_id=foreign.round.pk, deputy=own, choices=per_candidate(foreign), actor=None
            )
    assert refused.value.code == "round_unknown"

"""征集 and 初定: proposals and their tracking codes, duplicates, the reserve, screening with
reasons, the recorded party review, and the gate into deliberation."""

from datetime import date

import pytest

from congresses.models import Congress
from ops.errors import DomainError
from tenants.voting.models import Candidate, Cycle, Proposal
from tenants.voting.selectors import proposal_outcome
from tenants.voting.services import candidate_add, cycle_create
from tenants.voting.solicitation import (
    TRACKING_ALPHABET,
    call_publish,
    candidate_from_proposal,
    cycle_advance,
    proposal_merge,
    proposal_screen,
    proposal_to_reserve,
    reserve_carry,
)
from tests.factories import make_term

from .factories import make_proposal, party_review

TODAY = date(2026, 11, 26)


def _cycle(year: int = 2027, seats: int = 2) -> Cycle:
    cycle = cycle_create(
        year=year, title=f"{year}年民生实事", term=make_term(), actor=None, seats=seats
    )
    call_publish(
        cycle=cycle,
        title="关于征集2027年民生实事项目建议的公告",
        body="欢迎提出建议。",
        opens_on=date(2026, 11, 1),
        closes_on=date(2026, 12, 31),
        actor=None,
    )
    return cycle


def _citizen(cycle: Cycle, title: str, today: date = TODAY) -> Proposal:
    return make_proposal(
        cycle,
        title,
        source="citizen",
        description="具体内容",
        submitter_name="张三",
        submitter_phone="13900001111",
        today=today,
    )


def test_a_citizen_proposal_gets_a_readable_tracking_code(town: Congress) -> None:
    proposal = _citizen(_cycle(), "修建村口路灯")

    assert len(proposal.tracking_code) == 8 and set(proposal.tracking_code) <= set(
        TRACKING_ALPHABET
    )
    assert proposal_outcome(proposal)["status"] == "received"


def test_the_public_may_submit_only_while_the_call_is_open(town: Congress) -> None:
    cycle = _cycle()

    with pytest.raises(DomainError) as refused:
        _citizen(cycle, "过期建议", today=date(2027, 1, 5))

    assert refused.value.code == "call_not_open"
    assert not Proposal.objects.filter(title="过期建议").exists()
    # A department may still hand one in through the staff.
    make_proposal(
        cycle,
        "部门建议",
        category="教育",
        description="扩建幼儿园",
        submitter_name="教育办",
        today=date(2027, 1, 5),
    )


def test_a_duplicate_follows_the_proposal_it_was_merged_into(town: Congress) -> None:
    cycle = _cycle()
    first, duplicate = _citizen(cycle, "青石溪清淤"), _citizen(cycle, "青石溪河道清淤")

    proposal_merge(proposal=duplicate, into=first, actor=None)
    cycle_advance(cycle=cycle, actor=None)
    proposal_screen(
        proposal=first,
        accept=False,
        reason="资金和用地条件尚不具备，转入储备库",
        exclusion="not_ready",
        actor=None,
    )

    outcome = proposal_outcome(Proposal.objects.get(pk=duplicate.pk))
    assert outcome["status"] == "rejected" and "青石溪清淤" in str(outcome["detail"])
    with pytest.raises(DomainError):
        proposal_merge(proposal=first, into=first, actor=None)


def test_a_rejection_needs_a_reason(town: Congress) -> None:
    cycle = _cycle()
    proposal = _citizen(cycle, "建设篮球场")
    cycle_advance(cycle=cycle, actor=None)

    with pytest.raises(DomainError) as refused:
        proposal_screen(proposal=proposal, accept=False, reason="  ", actor=None)

    assert refused.value.code == "screening_reason_required"
    assert Proposal.objects.get(pk=proposal.pk).status == "received"


def test_screening_is_refused_outside_shortlisting(town: Congress) -> None:
    proposal = _citizen(_cycle(), "建设篮球场")

    with pytest.raises(DomainError) as refused:
        proposal_screen(proposal=proposal, accept=True, actor=None)

    assert refused.value.code == "wrong_phase"


def test_the_reserve_carries_into_next_year_with_the_same_code(town: Congress) -> None:
    old = _cycle(2027)
    kept = _citizen(old, "村级养老驿站")
    proposal_to_reserve(proposal=kept, actor=None, reason="明年统筹")
    new = cycle_create(year=2028, title="2028年民生实事", term=make_term(), actor=None)

    carried = reserve_carry(cycle=new, actor=None)

    kept.refresh_from_db()
    assert carried == 1 and kept.cycle == new and kept.status == "received"
    assert proposal_outcome(kept)["year"] == 2028


def test_a_proposal_not_adopted_keeps_its_year_and_can_be_a_candidate_again(
    town: Congress,
) -> None:
    old = _cycle(2027)
    kept = _citizen(old, "村级养老驿站")
    # Last year it was a candidate and was not adopted; the hand-over returned it to the reserve.
    Candidate.objects.create(
        cycle=old, sequence=1, name=kept.title, proposal=kept, status="not_adopted"
    )
    Proposal.objects.filter(pk=kept.pk).update(status="reserve")
    new = _cycle(2028)

    assert reserve_carry(cycle=new, actor=None) == 1
    cycle_advance(cycle=new, actor=None)
    proposal_screen(proposal=Proposal.objects.get(pk=kept.pk), accept=True, actor=None)
    again = candidate_from_proposal(proposal=Proposal.objects.get(pk=kept.pk), actor=None)

    kept.refresh_from_db()
    assert kept.origin_year == 2027 and kept.cycle == new
    assert again.cycle == new and again.proposal == kept
    assert proposal_outcome(kept)["status"] == "candidate"
    with pytest.raises(DomainError) as refused:
        candidate_from_proposal(proposal=kept, actor=None)
    assert refused.value.code == "candidate_exists"


def test_deliberation_needs_screening_party_review_and_surplus(town: Congress) -> None:
    cycle = _cycle(seats=2)
    proposals = [_citizen(cycle, f"建议{i}") for i in range(4)]
    cycle_advance(cycle=cycle, actor=None)

    def refusal() -> str:
        with pytest.raises(DomainError) as refused:
            cycle_advance(cycle=cycle, actor=None)
        return refused.value.code

    assert refusal() == "proposals_unscreened"
    for proposal in proposals[:2]:
        proposal_screen(proposal=proposal, accept=True, actor=None)
        candidate_from_proposal(proposal=proposal, actor=None)
    proposal_screen(
        proposal=proposals[2],
        accept=False,
        reason="属于上级配套项目",
        exclusion="higher_level",
        actor=None,
    )
    proposal_to_reserve(proposal=proposals[3], actor=None)
    assert refusal() == "party_review_missing"
    party_review(cycle, "会商同意", date(2026, 12, 10), kind="consultation")
    party_review(cycle, "党委审定同意", date(2026, 12, 20))
    assert refusal() == "surplus_missing"  # 2 candidates for 2 seats
    candidate_add(cycle=cycle, name="政府提出的项目", actor=None)

    advanced = cycle_advance(cycle=cycle, actor=None)

    assert advanced.phase == "deliberate"
    assert cycle.candidates.filter(proposal__isnull=False).count() == 2


def test_only_a_shortlisted_proposal_becomes_a_candidate(town: Congress) -> None:
    cycle = _cycle()
    proposal = _citizen(cycle, "建设公厕")
    cycle_advance(cycle=cycle, actor=None)
    proposal_screen(proposal=proposal, accept=False, reason="已列入部门年度计划", actor=None)

    with pytest.raises(DomainError) as refused:
        candidate_from_proposal(proposal=proposal, actor=None)

    assert refused.value.code == "proposal_not_shortlisted"

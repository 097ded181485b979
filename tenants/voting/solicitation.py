"""征集 and 初定: the call for proposals, proposals and the reserve, screening with reasons, the
recorded consultation and party review, and the candidate list. Services, one transaction and
one audit entry each; the vote itself is in `services`."""

import secrets
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from filestore.models import StoredFile
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy

from .models import Call, Candidate, Cycle, Exclusion, GovernanceStep, Phase, Proposal
from .phases import ADVANCE, PROPOSAL, cycle_locked, phase_allows, phase_enter
from .services import require_surplus

# No 0/O, 1/I/L: read aloud over the phone and typed on a phone without mistakes.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def call_publish(
    *, cycle: Cycle, title: str, body: str, opens_on: date, closes_on: date, actor: Any
) -> Call:
    if closes_on < opens_on:
        raise DomainError(
            "call_dates_invalid", _("征集截止日期不能早于开始日期。"), field="closes_on"
        )
    for text in (title, body):
        require_text(text, "call_text_required", _("请填写公告标题和正文。"))
    with transaction.atomic():
        cycle = cycle_locked(cycle, "publish_call")
        if Call.objects.filter(cycle=cycle).exists():
            raise Conflict("call_exists", _("本年度已发布征集公告。"))
        call = Call.objects.create(
            cycle=cycle,
            title=title.strip(),
            body=body.strip(),
            opens_on=opens_on,
            closes_on=closes_on,
            published_at=timezone.now(),
        )
        audit_record(action="voting.call_publish", actor=actor, target=call)
    return call


def proposal_submit(
    *,
    cycle: Cycle,
    source: str,
    title: str,
    category: str,
    description: str,
    submitter_name: str,
    submitter_phone: str = "",
    location: str = "",
    estimated_cost: Decimal | None = None,
    deputy: Deputy | None = None,
    in_person: bool = False,
    actor: Any = None,
    today: date | None = None,
) -> Proposal:
    """A proposal with the tracking code its submitter follows it by. The public, and a deputy
    proposing in person (`in_person`), may submit only while the call is open; staff record what
    reached them by other channels whenever the cycle takes proposals."""
    if source not in Proposal.Source.values:
        raise DomainError("proposal_source_invalid", _("建议来源无效。"), field="source")
    for field, value in (
        ("title", title),
        ("description", description),
        ("submitter_name", submitter_name),
    ):
        require_text(
            value, "proposal_field_required", _("请完整填写建议名称、内容和建议人。"), field=field
        )
    with transaction.atomic():
        cycle = cycle_locked(cycle, "submit_proposal")
        call = Call.objects.filter(cycle=cycle).first()
        today = today or timezone.localdate()
        if (source == Proposal.Source.CITIZEN or in_person) and not call_open(call, today=today):
            raise DomainError("call_not_open", _("当前不在项目建议征集期内。"))
        proposal = Proposal.objects.create(
            cycle=cycle,
            origin_year=cycle.year,
            source=source,
            title=title.strip(),
            category=category.strip(),
            description=description.strip(),
            location=location.strip(),
            estimated_cost=estimated_cost,
            submitter_name=submitter_name.strip(),
            submitter_phone=submitter_phone.strip(),
            deputy=deputy,
            tracking_code=_tracking_code(),
            submitted_at=timezone.now(),
        )
        outbox_emit(topic="voting")
        audit_record(
            action="voting.proposal_submit",
            actor=actor,
            target=proposal,
            payload={"source": source},
        )
    return proposal


def call_open(call: Call | None, *, today: date) -> bool:
    """The call takes proposals from the public and deputies today (its cycle's phase aside)."""
    return call is not None and call.opens_on <= today <= call.closes_on


def proposal_propose(
    *,
    cycle: Cycle,
    deputy: Deputy | None,
    title: str,
    category: str,
    description: str,
    location: str = "",
    estimated_cost: Decimal | None = None,
    actor: Any = None,
    today: date | None = None,
) -> Proposal:
    """A deputy of this roster proposes a project themselves, from their phone, while the call is
    open: a deputy's proposal under their own name, which they follow on their phone."""
    if deputy is None:
        raise NotAllowed("not_a_deputy", _("您不在本单位本届代表名册中。"))
    if deputy.status != Deputy.Status.SERVING:
        raise NotAllowed("deputy_not_serving", _("您已不在任，不能提出项目建议。"))
    return proposal_submit(
        cycle=cycle,
        source=Proposal.Source.DEPUTY,
        title=title,
        category=category,
        description=description,
        location=location,
        estimated_cost=estimated_cost,
        submitter_name=deputy.name,
        submitter_phone=deputy.phone,
        deputy=deputy,
        in_person=True,
        actor=actor,
        today=today,
    )


def _tracking_code() -> str:
    while True:
        code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))
        if not Proposal.objects.filter(tracking_code=code).exists():
            return code


def proposal_merge(*, proposal: Proposal, into: Proposal, actor: Any) -> Proposal:
    """A duplicate joins the proposal it repeats; its submitter follows that one's outcome."""
    with transaction.atomic():
        cycle_locked(proposal.cycle, "merge_proposal")
        proposal, into = (
            Proposal.objects.select_for_update().get(pk=p.pk) for p in (proposal, into)
        )
        if (
            proposal.pk == into.pk
            or into.cycle_id != proposal.cycle_id
            or into.status == Proposal.Status.MERGED
        ):
            raise DomainError("merge_invalid", _("只能合并到同一年度的另一条有效建议。"))
        proposal.status, proposal.merged_into = PROPOSAL.apply(proposal.status, "merge"), into
        proposal.save(update_fields=["status", "merged_into"])
        outbox_emit(topic="voting")  # a merged proposal is no longer counted
        audit_record(
            action="voting.proposal_merge", actor=actor, target=proposal, payload={"into": into.pk}
        )
    return proposal


def proposal_to_reserve(*, proposal: Proposal, actor: Any, reason: str = "") -> Proposal:
    with transaction.atomic():
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        proposal.status = PROPOSAL.apply(proposal.status, "to_reserve")
        proposal.screening_reason = reason or proposal.screening_reason
        proposal.save(update_fields=["status", "screening_reason"])
        audit_record(action="voting.proposal_reserve", actor=actor, target=proposal)
    return proposal


def reserve_carry(*, cycle: Cycle, actor: Any) -> int:
    """Bring the reserve of earlier years into this year's solicitation; submitters keep their
    tracking codes. Returns how many were brought in."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "submit_proposal")
        carried = Proposal.objects.filter(
            status=Proposal.Status.RESERVE, cycle__year__lt=cycle.year
        )
        ids = list(carried.values_list("pk", flat=True))
        PROPOSAL.bulk_apply(carried, "carry_over", cycle=cycle)
        outbox_emit(topic="voting")
        audit_record(
            action="voting.reserve_carry", actor=actor, target=cycle, payload={"proposals": ids}
        )
    return len(ids)


def proposal_screen(
    *, proposal: Proposal, accept: bool, actor: Any, reason: str = "", exclusion: str = ""
) -> Proposal:
    """初定: a proposal goes on the shortlist, or is not taken up with a recorded reason."""
    if not accept and not reason.strip():
        raise DomainError(
            "screening_reason_required", _("不予列入的建议须说明理由。"), field="reason"
        )
    if exclusion and exclusion not in Exclusion.values:
        raise DomainError("exclusion_invalid", _("不予列入情形无效。"), field="exclusion")
    with transaction.atomic():
        cycle_locked(proposal.cycle, "screen")
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        proposal.status = PROPOSAL.apply(proposal.status, "accept" if accept else "reject")
        proposal.screening_reason, proposal.exclusion = reason.strip(), exclusion
        proposal.save(update_fields=["status", "screening_reason", "exclusion"])
        audit_record(
            action="voting.proposal_screen",
            actor=actor,
            target=proposal,
            payload={"accept": accept, "exclusion": exclusion},
        )
    return proposal


def candidate_from_proposal(
    *, proposal: Proposal, actor: Any, name: str = "", estimated_cost: Decimal | None = None
) -> Candidate:
    with transaction.atomic():
        cycle = cycle_locked(proposal.cycle, "add_candidate")
        proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
        PROPOSAL.require(proposal.status, "make_candidate")
        # A candidate of an earlier year (not adopted, back from the reserve) does not stop it.
        if Candidate.objects.filter(proposal=proposal, cycle=cycle).exists():
            raise Conflict("candidate_exists", _("该建议已是候选项目。"))
        candidate = Candidate.objects.create(
            cycle=cycle,
            sequence=cycle.candidates.count() + 1,
            name=(name or proposal.title).strip(),
            category=proposal.category,
            summary=proposal.description,
            proposal=proposal,
            estimated_cost=estimated_cost
            if estimated_cost is not None
            else proposal.estimated_cost,
        )
        outbox_emit(topic="voting")
        audit_record(action="voting.candidate_from_proposal", actor=actor, target=candidate)
    return candidate


def governance_record(
    *, cycle: Cycle, kind: str, held_on: date, summary: str, minutes: StoredFile, actor: Any
) -> GovernanceStep:
    """会商 or 党委审定, with its minutes (a file already stored in this tenant)."""
    if kind not in GovernanceStep.Kind.values:
        raise DomainError("governance_kind_invalid", _("环节无效。"), field="kind")
    require_text(summary, "governance_summary_required", _("请填写结论。"), field="summary")
    with transaction.atomic():
        cycle = cycle_locked(cycle, "record_governance")
        step = GovernanceStep.objects.create(
            cycle=cycle,
            kind=kind,
            held_on=held_on,
            summary=summary.strip(),
            minutes=minutes,
            recorded_by_id=getattr(actor, "pk", None),
        )
        audit_record(action=f"voting.{kind}", actor=actor, target=step)
        outbox_emit(topic="voting")  # the route's 会商 and 党委审定 dates
    return step


def cycle_advance(*, cycle: Cycle, actor: Any) -> Cycle:
    """征集 -> 初定 -> 审议. Moving to deliberation needs every proposal screened, the party
    review recorded, and a candidate list with the surplus (差额)."""
    with transaction.atomic():
        cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
        action = ADVANCE.get(Phase(cycle.phase))
        if action is None:
            raise DomainError(
                "wrong_phase",
                _("当前处于%(phase)s阶段，不能进入下一阶段。")
                % {"phase": Phase(cycle.phase).label},
            )
        if action == "deliberate":
            _require_shortlist_complete(cycle)
        cycle.save(update_fields=phase_enter(cycle, action))
        audit_record(
            action="voting.advance", actor=actor, target=cycle, payload={"phase": cycle.phase}
        )
        outbox_emit(topic="voting")
    return cycle


def _require_shortlist_complete(cycle: Cycle) -> None:
    pending = cycle.proposals.filter(status=Proposal.Status.RECEIVED).count()
    if pending:
        raise DomainError(
            "proposals_unscreened", _("还有 %(n)d 条建议未完成初定。") % {"n": pending}
        )
    if not cycle.governance_steps.filter(kind=GovernanceStep.Kind.PARTY_REVIEW).exists():
        raise DomainError("party_review_missing", _("候选项目须经党委审定后方可提请审议。"))
    require_surplus(cycle)


def party_review_cycles() -> list[dict[str, Any]]:
    """For the party reviewer: each cycle whose candidate list is, or was, up for 党委审定 (from
    初定 on), newest first, with its candidates and the reviews recorded, and whether one may be
    recorded now (the phase allows it)."""
    cycles = (
        Cycle.objects.exclude(phase=Phase.SOLICIT)
        .order_by("-year")
        .prefetch_related("candidates", "governance_steps__minutes")
    )
    return [
        {
            "id": cycle.pk,
            "year": cycle.year,
            "title": cycle.title,
            "phase": cycle.phase,
            "can_record": phase_allows(cycle, "record_governance"),
            "candidates": sorted(cycle.candidates.all(), key=lambda c: c.sequence),
            "reviews": [
                step
                for step in cycle.governance_steps.all()
                if step.kind == GovernanceStep.Kind.PARTY_REVIEW
            ],
        }
        for cycle in cycles
    ]

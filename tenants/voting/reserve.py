"""The vote's results handed over to implementation: the cycle moves on to 实施监督 and the
proposals behind the candidates that were not adopted return to the reserve (储备库)."""

from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError
from ops.events import publish
from outbox.services import outbox_emit

from .events import VoteResultsFinal
from .models import Candidate, Cycle, Phase, Proposal, Round
from .phases import PROPOSAL, phase_enter


def vote_results_hand_over(*, cycle: Cycle, actor: Any) -> list[Candidate]:
    """Close the vote of `cycle` for implementation. Refused while a round is open or a candidate
    is undecided. Returns the adopted candidates in rank order; implementation turns them into
    projects within this transaction, on the VoteResultsFinal event."""
    with transaction.atomic():
        cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
        if cycle.phase != Phase.VOTE:
            raise Conflict(
                "wrong_phase",
                _("当前处于%(phase)s阶段，不能转入实施。") % {"phase": Phase(cycle.phase).label},
            )
        if cycle.rounds.filter(state=Round.State.OPEN).exists():
            raise DomainError("round_still_open", _("还有正在进行的投票，不能转入实施。"))
        if cycle.candidates.filter(status=Candidate.Status.CANDIDATE).exists():
            raise DomainError("results_pending", _("票决结果尚未确定，不能转入实施。"))
        adopted = list(
            cycle.candidates.filter(status=Candidate.Status.ADOPTED).order_by("rank", "sequence")
        )
        if not adopted:
            raise DomainError("nothing_adopted", _("本年度没有票决通过的项目。"))
        returned = Proposal.objects.filter(
            candidate__cycle=cycle, candidate__status=Candidate.Status.NOT_ADOPTED
        ).exclude(status=Proposal.Status.MERGED)
        returned_ids = list(returned.values_list("pk", flat=True))
        PROPOSAL.bulk_apply(returned, "return_to_reserve")
        cycle.save(update_fields=phase_enter(cycle, "hand_over"))
        outbox_emit(topic="voting")  # the dashboard's phase moves in the same drain
        audit_record(
            action="voting.hand_over",
            actor=actor,
            target=cycle,
            payload={"adopted": [c.pk for c in adopted], "to_reserve": returned_ids},
        )
        publish(
            VoteResultsFinal(
                cycle_id=cycle.pk, adopted_ids=tuple(c.pk for c in adopted), actor=actor
            )
        )
    return adopted

"""The two dispatch kinds of escalation (docs/crossing.md): the escalated opinion, sent up as
a snapshot of what is shared, and its status, sent back down. Both run in the receiving
congress's schema inside the delivery's transaction."""

from crossing.models import Dispatch
from crossing.registry import receiver

from .services import ESCALATION, STATUS_REPORT, escalation_apply, status_apply


@receiver(ESCALATION)
def escalation_received(dispatch: Dispatch) -> None:
    escalation_apply(
        dispatch_id=dispatch.pk,
        origin=dispatch.origin,
        origin_ref=dispatch.origin_ref,
        payload=dispatch.payload,
    )


@receiver(STATUS_REPORT)
def status_received(dispatch: Dispatch) -> None:
    status_apply(dispatch_id=dispatch.pk, origin=dispatch.origin, payload=dispatch.payload)

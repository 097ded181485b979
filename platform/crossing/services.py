"""Sending and delivering dispatches (see models.Dispatch)."""

import logging
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from congresses.tenant import Tenant, enqueue_on_commit, public_schema, require_tenant

from .models import Dispatch
from .registry import receiver_for

logger = logging.getLogger(__name__)


def dispatch_send(
    *,
    kind: str,
    target: Congress,
    origin_ref: str | int,
    payload: dict[str, Any],
    origin: Tenant | None = None,
) -> Dispatch:
    """Queue `payload` for `target`, from `origin` (by default the tenant the connection is in).
    Call it inside the sender's transaction: the dispatch commits or rolls back with the change
    it reports. Delivery runs in the public schema, which switches to the target's."""
    from .tasks import deliver

    if not connection.in_atomic_block:
        raise RuntimeError("dispatch_send must run inside the sender's transaction")
    receiver_for(kind)  # an unknown kind fails at the sender, not later in a worker
    origin = origin or require_tenant()  # the sender is a congress, never the platform
    if target.pk == origin.id:
        raise ValueError("a dispatch goes to another tenant")
    dispatch = Dispatch.objects.create(
        kind=kind, origin_id=origin.id, origin_ref=str(origin_ref), target=target, payload=payload
    )

    def broker_down(error: Exception) -> None:  # the sweep delivers it later
        logger.warning("dispatch %s not scheduled; the sweep will deliver it", dispatch.pk)

    enqueue_on_commit(deliver, dispatch.pk, tenant=None, on_broker_error=broker_down)
    return dispatch


def dispatch_deliver(dispatch_id: int) -> bool:
    """Apply one dispatch in its target's schema, exactly once: the receiver's writes and the
    delivery mark commit together. False when it was delivered already (or is being delivered)."""
    with public_schema():
        try:
            with transaction.atomic():
                dispatch = (
                    Dispatch.objects.select_for_update(skip_locked=True, of=("self",))
                    .select_related("origin", "target")
                    .filter(pk=dispatch_id, delivered_at__isnull=True)
                    .first()
                )
                if dispatch is None:
                    return False
                with tenant_context(dispatch.target):
                    receiver_for(dispatch.kind)(dispatch)
                dispatch.delivered_at = timezone.now()
                dispatch.save(update_fields=["delivered_at"])
                return True
        except Exception as error:
            Dispatch.objects.filter(pk=dispatch_id).update(
                attempts=F("attempts") + 1, last_error=repr(error)[:300]
            )
            raise


def dispatch_deliver_pending(*, limit: int = 500) -> int:
    """Deliver what is waiting, oldest first; the beat sweep and tests call it. A failing
    dispatch is logged and left for the next sweep; the others still go."""
    with public_schema():
        pending = list(
            Dispatch.objects.filter(delivered_at__isnull=True)
            .order_by("id")
            .values_list("id", flat=True)[:limit]
        )
    delivered = 0
    for dispatch_id in pending:
        try:
            delivered += dispatch_deliver(dispatch_id)
        except Exception:
            logger.exception("dispatch %s failed", dispatch_id)
    return delivered

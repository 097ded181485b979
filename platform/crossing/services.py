"""Sending and delivering dispatches (see models.Dispatch)."""

import logging
from typing import Any

from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context, tenant_context

from congresses.models import Congress
from ops.tenancy import connection_tenant

from .models import Dispatch
from .registry import receiver_for

logger = logging.getLogger(__name__)


def dispatch_send(
    *, kind: str, target: Congress, origin_ref: str | int, payload: dict[str, Any]
) -> Dispatch:
    """Queue `payload` for `target`, from the current tenant. Call it inside the sender's
    transaction: the dispatch commits or rolls back with the change it reports."""
    if not connection.in_atomic_block:
        raise RuntimeError("dispatch_send must run inside the sender's transaction")
    receiver_for(kind)  # an unknown kind fails at the sender, not later in a worker
    origin = connection_tenant()
    if not isinstance(origin, Congress):
        raise RuntimeError("dispatch_send needs a tenant schema: the sender is its congress")
    if target.pk == origin.pk:
        raise ValueError("a dispatch goes to another tenant")
    dispatch = Dispatch.objects.create(
        kind=kind, origin=origin, origin_ref=str(origin_ref), target=target, payload=payload
    )
    transaction.on_commit(lambda: _schedule(dispatch.pk))
    return dispatch


def _schedule(dispatch_id: int) -> None:
    from .tasks import deliver

    try:
        deliver.delay(dispatch_id)
    except Exception:  # the broker is down: the sweep delivers it later
        logger.warning("dispatch %s not scheduled; the sweep will deliver it", dispatch_id)


def dispatch_deliver(dispatch_id: int) -> bool:
    """Apply one dispatch in its target's schema, exactly once: the receiver's writes and the
    delivery mark commit together. False when it was delivered already (or is being delivered)."""
    with schema_context(get_public_schema_name()):
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
    with schema_context(get_public_schema_name()):
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

"""Sending and delivering dispatches (see models.Dispatch)."""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import tenant_context

from audit.services import audit_record
from congresses.models import Congress
from congresses.tenant import Tenant, enqueue_on_commit, public_schema, require_tenant
from ops.errors import DomainError
from ops.schemawalk import schema_visited

from .models import Dispatch
from .registry import receiver_for

logger = logging.getLogger(__name__)

# A failing dispatch is tried again after 1, 2, 4 ... minutes (at most an hour apart), and
# given up (dead) after MAX_ATTEMPTS failures: about eight hours of trying.
MAX_ATTEMPTS = 12
FIRST_BACKOFF = timedelta(minutes=1)
LONGEST_BACKOFF = timedelta(hours=1)


def backoff(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure (1-based)."""
    return min(FIRST_BACKOFF * 2 ** max(attempts - 1, 0), LONGEST_BACKOFF)


def _failed(dispatch_id: int, error: Exception, now: datetime) -> None:
    """Count a failed attempt: schedule the next one, or give the dispatch up."""
    with public_schema(), transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().filter(pk=dispatch_id).first()
        if dispatch is None:
            return
        dispatch.attempts += 1
        dispatch.last_error = repr(error)[:300]
        if dispatch.attempts >= MAX_ATTEMPTS:
            dispatch.dead_at = now
            dispatch.next_attempt_at = None
            logger.error("dispatch %s given up after %s attempts", dispatch_id, dispatch.attempts)
        else:
            dispatch.next_attempt_at = now + backoff(dispatch.attempts)
        dispatch.save(update_fields=["attempts", "last_error", "dead_at", "next_attempt_at"])


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


def dispatch_deliver(dispatch_id: int, *, now: datetime | None = None) -> bool:
    """Apply one dispatch in its target's schema, exactly once: the receiver's writes and the
    delivery mark commit together. False when it was delivered already (or is being delivered)."""
    with public_schema():
        try:
            with transaction.atomic():
                dispatch = (
                    Dispatch.objects.select_for_update(skip_locked=True, of=("self",))
                    .select_related("origin", "target")
                    .filter(pk=dispatch_id, delivered_at__isnull=True, dead_at__isnull=True)
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
            _failed(dispatch_id, error, now or timezone.now())
            raise


def dispatch_deliver_pending(*, limit: int = 500, now: datetime | None = None) -> int:
    """Deliver what is waiting and due, oldest first; the beat sweep and tests call it. A
    failing dispatch is logged and waits its backoff; the others still go. Dead ones wait for
    the operator (dispatch_retry)."""
    now = now or timezone.now()
    with public_schema():
        pending = list(
            Dispatch.objects.filter(delivered_at__isnull=True, dead_at__isnull=True)
            .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
            .order_by("id")
            .values_list("id", "target__schema_name")[:limit]
        )
    delivered = 0
    for dispatch_id, target_schema in pending:
        try:
            delivered += dispatch_deliver(dispatch_id, now=now)
        except Exception:
            logger.exception("dispatch %s failed", dispatch_id)
        schema_visited(target_schema)  # a bounded number of schemas per connection
    return delivered


def dispatch_dead_list() -> list[Dispatch]:
    """The given-up dispatches, newest first, for the platform operator."""
    with public_schema():
        return list(
            Dispatch.objects.filter(dead_at__isnull=False, delivered_at__isnull=True)
            .select_related("origin", "target")
            .order_by("-dead_at")
        )


def dispatch_retry(*, dispatch_id: int, actor: Any) -> Dispatch:
    """The operator's retry of a dead dispatch: its count starts again and the sweep takes it
    at its next run. Audited in the public chain."""
    with public_schema(), transaction.atomic():
        dispatch = Dispatch.objects.select_for_update().filter(pk=dispatch_id).first()
        if dispatch is None or dispatch.dead_at is None or dispatch.delivered_at is not None:
            raise DomainError("dispatch_not_dead", _("该消息未处于投递失败状态。"))
        dispatch.dead_at = None
        dispatch.attempts = 0
        dispatch.next_attempt_at = None
        dispatch.save(update_fields=["dead_at", "attempts", "next_attempt_at"])
        audit_record(action="crossing.retry", actor=actor, target=dispatch)
    return dispatch

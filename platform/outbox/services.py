import logging
from datetime import timedelta

from django.db import connection
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from congresses.models import Congress, Status
from congresses.tenant import Tenant, enqueue, enqueue_on_commit, public_schema, require_tenant

from .models import OutboxEvent

logger = logging.getLogger(__name__)


def outbox_emit(*, topic: str, tenant: Tenant | None = None) -> OutboxEvent:
    """Record, inside the caller's transaction, that the figures of `topic` changed in `tenant`
    (by default the tenant the connection is in); after the commit one task per transaction
    drains this tenant's outbox into the rollups."""
    from rollups.tasks import drain

    if not connection.in_atomic_block:
        raise RuntimeError("outbox_emit must run inside the service's transaction")
    here = require_tenant()
    if tenant is not None and tenant.id != here.id:
        raise RuntimeError(f"outbox_emit for {tenant.schema} while in {here.schema}")
    tenant = tenant or here
    event = OutboxEvent.objects.create(topic=topic)

    def broker_down(error: Exception) -> None:  # outbox_sweep catches up
        logger.warning("outbox drain of %s not scheduled", tenant.schema, exc_info=error)

    enqueue_on_commit(drain, tenant=tenant, once=True, on_broker_error=broker_down)
    return event


def outbox_sweep(*, older_than: timedelta = timedelta(minutes=1)) -> int:
    """Send one drain to each active tenant whose outbox holds an event older than
    `older_than` and not drained: its drain message was never sent (broker down) or was lost.
    The drain is idempotent, so a drain already on its way does no harm. Returns how many."""
    from rollups.tasks import drain

    with public_schema():
        congresses = list(
            Congress.objects.filter(status=Status.ACTIVE).exclude(
                schema_name=get_public_schema_name()
            )
        )
    before = timezone.now() - older_than
    sent = 0
    for congress in congresses:
        with schema_context(congress.schema_name):
            waiting = OutboxEvent.objects.filter(
                drained_at__isnull=True, created_at__lte=before
            ).exists()
        if waiting:
            enqueue(drain, tenant=Tenant.of(congress))
            sent += 1
    return sent

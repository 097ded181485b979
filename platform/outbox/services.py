import logging

from django.db import connection

from congresses.tenant import Tenant, enqueue_on_commit, require_tenant

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

    def broker_down(error: Exception) -> None:  # the nightly rebuild catches up
        logger.warning("outbox drain of %s not scheduled", tenant.schema, exc_info=error)

    enqueue_on_commit(drain, tenant=tenant, once=True, on_broker_error=broker_down)
    return event

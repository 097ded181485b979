import logging
from typing import Any, cast

from django.db import connection, transaction
from django_tenants.utils import schema_context

from ops.tenancy import current_schema

from .models import OutboxEvent

logger = logging.getLogger(__name__)


class _DrainAfterCommit:
    """The on-commit callback: one per transaction and schema, however many events it wrote."""

    def __init__(self, schema: str) -> None:
        self.schema = schema

    def __call__(self) -> None:
        from rollups.tasks import drain

        try:
            with schema_context(self.schema):  # the message carries the schema it is sent from
                drain.delay()
        except Exception:  # the broker is down: the nightly rebuild catches up
            logger.warning("outbox drain of %s not scheduled", self.schema, exc_info=True)


def outbox_emit(*, topic: str) -> OutboxEvent:
    """Record, inside the caller's transaction, that the figures of `topic` changed here; after
    the commit a task drains this schema's outbox into the rollups."""
    if not connection.in_atomic_block:
        raise RuntimeError("outbox_emit must run inside the service's transaction")
    event = OutboxEvent.objects.create(topic=topic)
    schema = current_schema()
    # Django keeps the callbacks of the open transaction as (savepoints, callback, robust).
    queued = cast(list[tuple[Any, Any, bool]], connection.run_on_commit)
    if not any(
        isinstance(callback, _DrainAfterCommit) and callback.schema == schema
        for _savepoints, callback, _robust in queued
    ):
        transaction.on_commit(_DrainAfterCommit(schema))
    return event

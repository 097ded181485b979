from django.db import connection

from .models import OutboxEvent


def outbox_emit(*, topic: str) -> OutboxEvent:
    """Record, inside the caller's transaction, that the figures of `topic` changed here."""
    if not connection.in_atomic_block:
        raise RuntimeError("outbox_emit must run inside the service's transaction")
    return OutboxEvent.objects.create(topic=topic)

from celery import shared_task

from .services import outbox_sweep


@shared_task
def sweep() -> int:
    """Every minute: drain the tenants whose outbox holds events no drain message reached (the
    broker was down when they were written)."""
    return outbox_sweep()

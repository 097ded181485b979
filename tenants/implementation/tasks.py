"""Beat: the traffic lights and the reminders, in every congress."""

from dataclasses import asdict
from datetime import datetime

from celery import shared_task
from django.utils import timezone

from ops.fanout import fan_out

from .services import alerts_run


@shared_task
def alerts(now: str | None = None) -> dict[str, int]:
    """In the congress the message carries: lights, reminders, overdue alerts. Idempotent, so a
    retry or a second beat changes and sends nothing more. `now` (ISO 8601) is for tests."""
    moment = datetime.fromisoformat(now) if now else timezone.now()
    return asdict(alerts_run(now=moment))


@shared_task
def alerts_everywhere() -> int:
    """The beat entry: one `alerts` message per active congress."""
    return fan_out(alerts)

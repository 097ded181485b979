"""Beat: flag overdue opinions in every congress, each in its own schema (ops.fanout)."""

from datetime import datetime

from celery import shared_task

from ops.fanout import fan_out

from .services import opinions_flag_overdue


@shared_task
def flag_overdue(now: str | None = None) -> int:
    """One congress (the schema the message carries). `now` (ISO 8601) lets tests set the day;
    reruns flag nothing twice."""
    return opinions_flag_overdue(now=datetime.fromisoformat(now) if now else None)


@shared_task
def flag_overdue_everywhere(now: str | None = None) -> int:
    return fan_out(flag_overdue, now)

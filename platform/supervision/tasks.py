"""The daily route check (beat: `supervision-route-check`): each township late on a stage of the
route it follows gets a reminder, and its county a notice, once (docs/route.md)."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from congresses.models import Congress, Level, Status
from congresses.tenant import public_schema

from .selectors import route_lag
from .services import LateStage, report_remind, route_remind


def route_check(*, today: date | None = None) -> int:
    """In the public schema, from the rollup rows: find the townships late on a stage of this
    year's or last year's route (last year's evaluation ends early in this one) and remind
    them. Idempotent: a township is reminded once per stage. Returns the reminders sent."""
    today = today or timezone.localdate()
    sent = 0
    with public_schema():
        cities = list(Congress.objects.filter(level=Level.CITY, status=Status.ACTIVE))
        for year in (today.year - 1, today.year):
            late: list[LateStage] = []
            for city in cities:
                for township in route_lag(viewer=city, year=year, today=today).townships:
                    if township.issuer is None:
                        continue
                    late.extend(
                        LateStage(
                            township=township.township,
                            county=township.county,
                            issuer=township.issuer,
                            stage=status.stage,
                            due=status.due,
                        )
                        for status in township.stages
                        if status.state == "late" and status.due is not None
                    )
            sent += route_remind(year=year, late=late)
    return sent


@shared_task(acks_late=True)
def check_route() -> int:
    return route_check()


@shared_task(acks_late=True)
def remind_reports() -> int:
    """Report-back reminders, days before a notice's date (docs/supervision.md)."""
    return report_remind()

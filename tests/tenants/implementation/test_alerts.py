"""The beat task: lights, reminders and overdue alerts, each sent once to the right people, and
nothing more when the task runs again (a retry, the next beat)."""

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail

from congresses.models import Congress
from tenants.implementation.models import Milestone, Project
from tenants.implementation.services import (
    alerts_run,
    milestone_add,
    rectification_open,
    supervisors_set,
)
from tenants.implementation.tasks import alerts
from tenants.notifications.models import Notification
from tests.conftest import World

from .factories import Underway, make_underway, make_voted_cycle

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 8, 0, tzinfo=SHANGHAI)


@pytest.fixture
def underway(town: Congress) -> Underway:
    """Project 1 (住建办) with a milestone due 10 May and deputy 0 supervising; project 2 (交通办)
    with one due 5 May."""
    made = make_underway(town, voted=make_voted_cycle())
    first, second = made.projects
    milestone_add(
        project=first,
        title="完成招标",
        due_on=date(2027, 5, 10),
        actor=None,
        today=date(2027, 4, 1),
    )
    milestone_add(
        project=second, title="开工", due_on=date(2027, 5, 5), actor=None, today=date(2027, 4, 1)
    )
    supervisors_set(project=first, deputies=[made.voted.deputies[0]], actor=None)
    Notification.objects.all().delete()  # the assignments: not what these tests are about
    return made


def _sent(key_part: str) -> list[tuple[str, int]]:
    rows = Notification.objects.filter(key__contains=key_part).order_by("key", "user_id")
    return [(n.key.split(":")[0], n.user_id) for n in rows]


def test_milestones_due_soon_remind_the_unit_once(
    underway: Underway, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = alerts_run(now=at(date(2027, 5, 5)))
    with django_capture_on_commit_callbacks(execute=True):
        again = alerts_run(now=at(date(2027, 5, 5)))

    assert first.notified == 2 and again.notified == 0
    assert sorted(_sent("milestone_due")) == sorted(
        [
            ("implementation.milestone_due", underway.reporter.pk),
            ("implementation.milestone_due", underway.other_reporter.pk),
        ]
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["jtb@example.cn", "zjb@example.cn"]
    assert set(Milestone.objects.values_list("light", flat=True)) == {"yellow"}


def test_an_overdue_milestone_turns_red_and_alerts_unit_staff_and_supervisors_once(
    underway: Underway, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    alerts_run(now=at(date(2027, 5, 5)))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        first = alerts_run(now=at(date(2027, 5, 11)))
    with django_capture_on_commit_callbacks(execute=True):
        again = alerts_run(now=at(date(2027, 5, 11)))

    project = Project.objects.get(pk=underway.projects[0].pk)
    assert project.light == "red" and first.relit > 0 and again.relit == 0
    supervisor = underway.voted.deputies[0].user_id
    assert supervisor is not None
    overdue_first = Notification.objects.filter(
        key=f"implementation.milestone_overdue:{project.milestones.get().pk}:2027-05-10"
    )
    assert sorted(overdue_first.values_list("user_id", flat=True)) == sorted(
        [underway.reporter.pk, world.staff_a.pk, supervisor]
    )
    second = Notification.objects.filter(
        key=f"implementation.milestone_overdue:{underway.projects[1].milestones.get().pk}:2027-05-05"
    )
    assert sorted(second.values_list("user_id", flat=True)) == sorted(
        [underway.other_reporter.pk, world.staff_a.pk]
    )
    assert first.notified == 5 and again.notified == 0
    assert sorted(m.to[0] for m in mail.outbox) == ["jtb@example.cn", "zjb@example.cn"]


def test_a_moved_deadline_reminds_again(underway: Underway) -> None:
    alerts_run(now=at(date(2027, 5, 5)))
    milestone = underway.projects[0].milestones.get()
    Milestone.objects.filter(pk=milestone.pk).update(due_on=date(2027, 5, 12))

    assert alerts_run(now=at(date(2027, 5, 5))).notified == 1


def test_rectifications_due_and_overdue_alert_once_each(
    underway: Underway, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    item = rectification_open(
        project=underway.projects[0],
        reason="围挡破损",
        source="inspection",
        actor=None,
        due_on=date(2027, 4, 20),
    )
    Notification.objects.all().delete()

    alerts_run(now=at(date(2027, 4, 15)))
    alerts_run(now=at(date(2027, 4, 16)))
    alerts_run(now=at(date(2027, 4, 21)))
    alerts_run(now=at(date(2027, 4, 22)))

    assert _sent(f"rectification_due:{item.pk}:") == [
        ("implementation.rectification_due", underway.reporter.pk)
    ]
    assert sorted(_sent(f"rectification_overdue:{item.pk}:")) == sorted(
        [
            ("implementation.rectification_overdue", underway.reporter.pk),
            ("implementation.rectification_overdue", world.staff_a.pk),
        ]
    )


def test_the_task_retried_sends_nothing_twice(
    underway: Underway, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        first = alerts.apply(kwargs={"now": at(date(2027, 5, 11)).isoformat()}).get()
    with django_capture_on_commit_callbacks(execute=True):
        retried = alerts.apply(kwargs={"now": at(date(2027, 5, 11)).isoformat()}).get()

    assert first["notified"] == 5 and retried == {"relit": 0, "notified": 0}
    assert len(mail.outbox) == 2


def test_the_beat_runs_the_fan_out_hourly() -> None:
    entry = settings.CELERY_BEAT_SCHEDULE["implementation-alerts"]
    assert entry == {"task": "tenants.implementation.tasks.alerts_everywhere", "schedule": 3600}

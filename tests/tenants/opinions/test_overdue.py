"""The beat task that flags overdue opinions (must show 2): time set by the test, one alert per
deadline to the unit and the staff however often it runs."""

import time_machine
from django.conf import settings
from django_tenants.utils import tenant_context

from config.celery import app
from tenants.linkage.opinions.indicators import figures
from tenants.linkage.opinions.models import Event
from tenants.linkage.opinions.services import opinion_extend
from tenants.linkage.opinions.tasks import flag_overdue
from tenants.notifications.models import Notification
from tests.conftest import World

from .conftest import Units, assigned, at, replied


def _alerts(opinion_id: int) -> list[tuple[int, str]]:
    return list(
        Notification.objects.filter(key__startswith=f"opinions.overdue.{opinion_id}.")
        .order_by("user_id")
        .values_list("user_id", "key")
    )


def test_an_overdue_opinion_is_flagged_once_and_its_unit_and_staff_told(
    world: World, units: Units
) -> None:
    late = assigned(world.town_a, units.town_roads, now=at("2026-03-02"))  # due 2026-06-02
    on_time = assigned(world.town_a, units.town_roads, now=at("2026-05-02"))  # due 2026-08-02
    with tenant_context(world.town_a):
        assert flag_overdue(now=at("2026-06-02", 23).isoformat()) == 0  # the deadline day itself
        assert flag_overdue(now=at("2026-06-03").isoformat()) == 1
        assert flag_overdue(now=at("2026-06-04").isoformat()) == 0  # rerun: nothing new

        flagged = Event.objects.filter(action="overdue").values_list("opinion_id", flat=True)
        assert list(flagged) == [late.pk] and on_time.pk not in flagged
        assert [user for user, _key in _alerts(late.pk)] == sorted(
            [world.staff_a.pk, units.town_roads.pk]
        )
        with time_machine.travel(at("2026-06-04"), tick=False):
            assert figures(2026)["opinions_overdue"] == 1


def test_an_extended_deadline_gets_its_own_alert_and_answers_stop_the_clock(
    world: World, units: Units
) -> None:
    opinion = assigned(world.town_a, units.town_roads, now=at("2026-03-02"))
    with tenant_context(world.town_a):
        assert flag_overdue(now=at("2026-06-03").isoformat()) == 1
        opinion_extend(
            opinion=opinion, reason="需市级部门配合", actor=world.staff_a
        )  # due 2026-09-02
        assert flag_overdue(now=at("2026-07-01").isoformat()) == 0
        assert flag_overdue(now=at("2026-09-03").isoformat()) == 1
        assert len({key for _user, key in _alerts(opinion.pk)}) == 2
        replied(opinion, "已办理。", world.staff_a, "2026-09-04", staff=True)
        assert flag_overdue(now=at("2026-12-01").isoformat()) == 0


def test_the_beat_runs_the_fan_out_every_hour() -> None:
    entries = [
        e
        for e in settings.CELERY_BEAT_SCHEDULE.values()
        if str(e["task"]).startswith("tenants.linkage.opinions")
    ]
    assert [e["task"] for e in entries] == [
        "tenants.linkage.opinions.tasks.flag_overdue_everywhere"
    ]
    assert "tenants.linkage.opinions.tasks.flag_overdue_everywhere" in app.tasks

"""Builders for station tests."""

from collections.abc import Sequence
from datetime import date, datetime, time

from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.linkage.stations.models import ChecklistItem, ReceptionDay, Resident, Station
from tenants.linkage.stations.services import (
    checklist_item_add,
    reception_publish,
    reception_schedule,
    station_create,
)
from tests.factories import make_term


def make_deputy(
    name: str,
    level: str = "township",
    phone: str = "13700000000",
    *,
    gender: str = "male",
    constituency: str = "第2选区",
    delegation: str = "第二代表小组",
    occupation: str = "镇卫生院院长",
) -> Deputy:
    """A deputy on the roster of this term."""
    return deputy_register(
        term=make_term(),
        name=name,
        gender=gender,
        level=level,
        constituency=constituency,
        delegation=delegation,
        phone=phone,
        occupation=occupation,
        actor=None,
    )


def make_station(name: str = "甲镇人大代表联络站", tier: str = "station") -> Station:
    return station_create(
        name=name,
        tier=tier,
        address="甲镇人民路 1 号",
        opening_hours="工作日 9:00-17:00",
        phone="0791-1234567",
        actor=None,
    )


def make_checklist() -> list[ChecklistItem]:
    return [
        checklist_item_add(title=title, weight=weight, actor=None)
        for title, weight in (
            ("有固定场所", 30),
            ("有统一标牌", 20),
            ("有制度", 25),
            ("有计划", 25),
        )
    ]


def make_reception(
    station: Station,
    on: date,
    on_duty: Sequence[Resident],
    *,
    hours: tuple[int, int] = (9, 11),
    topic: str = "",
    now: datetime | None = None,
    publish: bool = False,
) -> ReceptionDay:
    """A reception day at `station` on `on` from `hours[0]` to `hours[1]` o'clock with `on_duty`,
    scheduled (and published, if asked) as of `now`."""
    day = reception_schedule(
        station=station,
        on=on,
        starts_at=time(hours[0]),
        ends_at=time(hours[1]),
        on_duty=on_duty,
        actor=None,
        topic=topic,
        now=now,
    )
    if publish:
        day = reception_publish(reception=day, actor=None, now=now)
    return day

"""Builders for station tests."""

from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.linkage.stations.models import ChecklistItem, Station
from tenants.linkage.stations.services import checklist_item_add, station_create
from tests.factories import make_term


def make_deputy(name: str, level: str = "township", phone: str = "13700000000") -> Deputy:
    return deputy_register(
        term=make_term(),
        name=name,
        gender="male",
        level=level,
        constituency="第2选区",
        delegation="第二代表小组",
        phone=phone,
        occupation="镇卫生院院长",
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

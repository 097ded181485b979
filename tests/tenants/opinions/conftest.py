"""Builders for the opinion loop's tests: a handling unit's account in a congress, a station,
opinions taken at a reception."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.linkage.opinions.models import Opinion
from tenants.linkage.opinions.services import opinion_assign, opinion_receive, opinion_reply
from tenants.linkage.stations.models import Station
from tenants.linkage.stations.services import station_create
from tests.conftest import PASSWORD, World
from tests.factories import make_member

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: str, hour: int = 10) -> datetime:
    """A moment in Beijing time, for services that take `now`."""
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=SHANGHAI)


def replied(
    opinion: Opinion, answer: str, actor: User | None, on: str, *, staff: bool = False
) -> Opinion:
    """`opinion` answered with `answer` by `actor` (a handling unit, or staff) at 10:00 on `on`."""
    return opinion_reply(opinion=opinion, answer=answer, actor=actor, staff=staff, now=at(on))


def make_unit(congress: Congress, username: str, display_name: str) -> User:
    return make_member(
        username, congress, ["unit"], None, password=PASSWORD, display_name=display_name
    )


@dataclass
class Units:
    town_roads: User  # 甲镇's roads office
    county_water: User  # the county's water bureau


@pytest.fixture
def units(world: World) -> Units:
    return Units(
        town_roads=make_unit(world.town_a, "town-a-roads", "甲镇村建办"),
        county_water=make_unit(world.county, "county-water", "测试县水利局"),
    )


def make_station(congress: Congress, name: str = "甲镇东村代表联络站") -> Station:
    with tenant_context(congress):
        return station_create(name=name, tier="station", address="甲镇东村村委会一楼", actor=None)


def received(
    congress: Congress,
    *,
    content: str = "东村桥面破损，雨天积水，群众出行不便。",
    category: str = "transport",
    now: datetime | None = None,
    **extra: Any,
) -> Opinion:
    with tenant_context(congress):
        return opinion_receive(
            channel=extra.pop("channel", "reception"),
            content=content,
            citizen_name="王秀英",
            citizen_phone="13912345678",
            category=category,
            now=now or at("2026-03-02"),
            **extra,
        )


def assigned(congress: Congress, unit: User, *, now: datetime | None = None) -> Opinion:
    opinion = received(congress, now=now)
    with tenant_context(congress):
        return opinion_assign(
            opinion=opinion, unit_user_id=unit.pk, actor=None, now=now or at("2026-03-02")
        )

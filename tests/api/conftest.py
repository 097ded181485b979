"""What the API tests share: `world.deputy_both` on town A's roster, town A's 票决 cycles and
call for proposals, the voting hall (tests/api/hall.py) and the implementation desk as fixtures,
and the count of queries a page costs."""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.implementation.models import Project
from tests.api.hall import Hall, hall_at
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_member, make_term
from tests.platform.supervision.builders import staff_of
from tests.security.helpers import login
from tests.tenants.implementation.factories import Underway, make_underway
from tests.tenants.voting.factories import make_deputies


def town_a_member(username: str, world: World, roles: list[str]) -> User:
    """An account of town A's, on the tests' password, holding `roles` there."""
    return make_member(username, world.town_a, roles, world.operator, password=PASSWORD)


def town_a_login(username: str, password: str) -> Any:
    """A login on town A's host from a fresh browser: the response."""
    return login(Client(HTTP_HOST="town-a.localhost"), username, password)


def seat_deputy_both(world: World, name: str = "代表甲") -> Deputy:
    """`world.deputy_both` on town A's roster of this term, as `name`."""
    with tenant_context(world.town_a):
        return deputy_register(
            term=make_term(),
            name=name,
            gender="male",
            level="township",
            constituency="第1选区",
            actor=None,
            user=world.deputy_both,
        )


def call_opened(world: World, *, opens_in: int = -1) -> tuple[Client, int]:
    """Town A (three deputies on its roster) with its 2027 cycle, whose call for proposals its
    staff published through the API, open from `opens_in` days from today for a month: the
    staff's client and the cycle's id."""
    with tenant_context(world.town_a):
        make_deputies(3)
    staff = client_on(world.town_a, world.staff_a)
    cycle = cycle_post(staff, 2027, seats=1).json()
    today = timezone.localdate()
    call = staff.post(
        f"/api/v1/voting/cycles/{cycle['id']}/call",
        {
            "title": "关于征集2027年民生实事项目建议的公告",
            "body": "欢迎提出建议。",
            "opens_on": str(today + timedelta(days=opens_in)),
            "closes_on": str(today + timedelta(days=30)),
        },
        content_type="application/json",
    )
    assert call.status_code == 201, call.json()
    return staff, int(cycle["id"])


def proposal_body(title: str = "村口安装路灯") -> dict[str, str]:
    """A citizen's proposal as the public form sends it."""
    return {
        "title": title,
        "category": "公共设施",
        "description": "村口道路夜间无照明，群众出行不便。",
        "location": "甲镇东村",
        "submitter_name": "李四",
        "submitter_phone": "13912345678",
    }


def guidance_post(client: Client, lang: str = "zh-hans", **body: Any) -> Any:
    """A notice sent through the API, asked in `lang`; `body` in place of its defaults (the
    scope has none): the response."""
    payload = {
        "kind": "notice",
        "title": "关于报送联络站年度工作总结的通知",
        "body": "请于月底前报送。",
    }
    return client.post(
        "/api/v1/supervision/guidance",
        payload | body,
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE=lang,
    )


def round_body(**changes: Any) -> dict[str, Any]:
    """A benchmark round of the city's as the API takes it, nominations open from yesterday for
    ten days; `changes` in place of its fields."""
    today = timezone.localdate()
    body = {
        "kind": "deputy",
        "title": "2026年度优秀基层人大代表评选",
        "year": 2026,
        "quota": 1,
        "per_nominator_quota": 1,
        "nominations_open_on": str(today - timedelta(days=1)),
        "nominations_close_on": str(today + timedelta(days=10)),
        "criteria": [
            {"name": "履行职责好", "weight": 50, "indicator": "activities", "indicator_full": "20"},
            {"name": "联系群众好", "weight": 50},
        ],
    }
    return body | changes


def round_opened(world: World, **changes: Any) -> tuple[Client, int]:
    """The round (`round_body`) created and opened by a city staff member through the API: their
    client and the round's id."""
    city = client_on(world.city, staff_of(world, world.city, "city-staff"))
    created = city.post(
        "/api/v1/supervision/rounds", round_body(**changes), content_type="application/json"
    )
    assert created.status_code == 201, created.content
    round_id = created.json()["id"]
    opened = city.post(f"/api/v1/supervision/rounds/{round_id}/open")
    assert opened.status_code == 200
    return city, round_id


def cycle_post(staff: Client, year: int, title: str = "", **fields: Any) -> Any:
    """A 票决 cycle of `year` created through the API (titled "{year}年民生实事" unless
    `title` is given): the response."""
    return staff.post(
        "/api/v1/voting/cycles",
        {"year": year, "title": title or f"{year}年民生实事", **fields},
        content_type="application/json",
    )


def queries(client: Client, path: str) -> int:
    """How many queries a successful GET of `path` costs."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def hall(world: World) -> Hall:
    """Town A in its voting phase: 6 deputies with phones, all signed in, a chair at the desk."""
    return hall_at(world, candidates=3, seats=2, prefix="dep")


@dataclass
class Desk:
    """Town A's voted cycle in implementation (`make_underway`), and the clients of those who
    work on it: its staff, the unit reporting on project 1 (`mine`), the unit of project 2
    (`theirs`), and a deputy."""

    underway: Underway
    mine: Project
    theirs: Project
    staff: Client
    unit: Client
    other_unit: Client
    deputy: Client


@pytest.fixture
def desk(world: World) -> Iterator[Desk]:
    with tenant_context(world.town_a):
        underway = make_underway(world.town_a)
    yield Desk(
        underway=underway,
        mine=underway.projects[0],
        theirs=underway.projects[1],
        staff=client_on(world.town_a, world.staff_a),
        unit=client_on(world.town_a, underway.reporter),
        other_unit=client_on(world.town_a, underway.other_reporter),
        deputy=client_on(world.town_a, world.deputy_both),
    )

"""The city supervises but never writes a township's votes or records (DESIGN.md §6).

Every write endpoint of the tenant modules is found from the URL configuration, so a module added
later is covered without editing this file. A city staff member tries each one with their city
session and with a city API token, on the township's host and on the city's own host (naming the
township's record ids). On the township's host every attempt is 403. On the city's host a request
reaches only the city's own schema: every attempt on a township record id is refused. After all
of it, every table of the township's schema holds exactly what it held before, row for row.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django_tenants.utils import tenant_context
from rest_framework.views import APIView

from accounts.middleware import SESSION_TENANT_KEY
from accounts.models import User
from accounts.services import api_token_create
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.voting.services import candidate_add, cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.conftest import PASSWORD, World, client_on, host_of
from tests.factories import make_term
from tests.platform.supervision.builders import staff_of

WRITES = ("post", "put", "patch", "delete")
# Not a tenant's records: logging in and out, the public forms any citizen may use, and the
# public-schema supervision routes (the city's own guidance and rounds).
NOT_TENANT_RECORDS = ("auth/", "public/", "supervision/")


@dataclass(frozen=True)
class Endpoint:
    route: str
    method: str

    def path(self, ids: dict[str, int]) -> str:
        first = self.route.split("/", 1)[0]
        record = ids.get(self.route.split("/<", 1)[0], ids.get(first, 1))

        def fill(match: re.Match[str]) -> str:
            converter = match.group(1)
            return str(record) if converter in ("int", None) else "X1234567"

        return "/api/v1/" + re.sub(r"<(?:(\w+):)?\w+>", fill, self.route)


def _walk(patterns: list[URLPattern | URLResolver], prefix: str = "") -> Iterator[tuple[str, Any]]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern.callback


def tenant_write_endpoints() -> list[Endpoint]:
    found = []
    for full_route, callback in _walk(get_resolver().url_patterns):
        if not full_route.startswith("api/v1/"):
            continue
        route = full_route.removeprefix("api/v1/")
        view = getattr(callback, "view_class", None) or getattr(callback, "cls", None)
        if view is None or not issubclass(view, APIView) or route.startswith(NOT_TENANT_RECORDS):
            continue
        found += [Endpoint(route, m) for m in WRITES if hasattr(view, m)]
    return found


def township_fingerprint(congress: Congress) -> dict[str, str]:
    """Every table of the township's schema, as an md5 of its rows in order."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = %s AND table_type = 'BASE TABLE' ORDER BY table_name",
            [congress.schema_name],
        )
        tables = [row[0] for row in cursor.fetchall()]
        out = {}
        for table in tables:
            cursor.execute(
                f"SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f' FROM "{congress.schema_name}"."{table}" t'
            )
            out[table] = cursor.fetchone()[0]
    return out


@pytest.fixture
def township_records(world: World) -> dict[str, int]:
    """Records of the township for the city to aim at: a cycle with a candidate, a deputy."""
    with tenant_context(world.town_a):
        term = make_term()
        cycle = cycle_create(year=2031, title="2031年民生实事项目票决", term=term, actor=None)
        cycle = cycle_advance(cycle=cycle, actor=None)
        candidate = candidate_add(cycle=cycle, name="村道硬化", actor=None)
        deputy = deputy_register(
            term=term, name="刘代表", gender="male", level="township", constituency="一", actor=None
        )
    return {
        "voting/cycles": cycle.pk,
        "voting/candidates": candidate.pk,
        "voting": cycle.pk,
        "deputies": deputy.pk,
    }


@pytest.fixture
def city_staff(world: World) -> User:
    return staff_of(world, world.city, "city-staff", roles=["staff", "system_admin"])


def _city_session_on(host: Congress, city: Congress, user: User) -> Client:
    """A client on `host` carrying a session opened on the city's host. The middleware drops
    such a session at its first use, so each attempt gets a fresh one."""
    client = Client(HTTP_HOST=host_of(host))
    client.force_login(user)
    session = client.session
    session[SESSION_TENANT_KEY] = city.schema_name
    session.save()
    return client


def _attempt(client: Client, endpoint: Endpoint, ids: dict[str, int], **extra: Any) -> int:
    call = getattr(client, endpoint.method)
    response = call(endpoint.path(ids), {}, content_type="application/json", **extra)
    return int(response.status_code)


def test_the_tenant_modules_write_endpoints_are_found() -> None:
    routes = {e.route for e in tenant_write_endpoints()}
    assert "voting/cycles" in routes and "voting/rounds/<int:pk>/ballots" in routes
    assert "files" in routes
    assert not any(r.startswith(NOT_TENANT_RECORDS) for r in routes)


def test_a_city_session_on_the_township_host_writes_nothing(
    world: World, city_staff: User, township_records: dict[str, int]
) -> None:
    before = township_fingerprint(world.town_a)

    refused = {
        e: _attempt(_city_session_on(world.town_a, world.city, city_staff), e, township_records)
        for e in tenant_write_endpoints()
    }

    assert {e.route for e, status in refused.items() if status != 403} == set()
    assert township_fingerprint(world.town_a) == before


def test_a_city_token_on_the_township_host_writes_nothing(
    world: World, city_staff: User, township_records: dict[str, int]
) -> None:
    before = township_fingerprint(world.town_a)
    _token, raw = api_token_create(user=city_staff, congress=world.city, name="督查")
    on_township = Client(HTTP_HOST=host_of(world.town_a))
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {raw}"}

    refused = {
        e: _attempt(on_township, e, township_records, **bearer) for e in tenant_write_endpoints()
    }

    assert {e.route for e, status in refused.items() if status != 403} == set()
    assert township_fingerprint(world.town_a) == before


def test_city_staff_cannot_log_in_on_the_township_host(world: World, city_staff: User) -> None:
    response = Client(HTTP_HOST=host_of(world.town_a)).post(
        "/api/v1/auth/login",
        {"username": city_staff.username, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 400 and response.json()["code"] == "login_failed"
    client_on(world.city, city_staff)  # the account itself is fine on its own host


def test_from_the_city_host_the_townships_records_are_out_of_reach(
    world: World, city_staff: User, township_records: dict[str, int]
) -> None:
    before = township_fingerprint(world.town_a)
    _token, raw = api_token_create(user=city_staff, congress=world.city, name="督查")
    session = client_on(world.city, city_staff)
    bearer = Client(HTTP_HOST=host_of(world.city), HTTP_AUTHORIZATION=f"Bearer {raw}")

    statuses = {}
    for endpoint in tenant_write_endpoints():
        for client in (session, bearer):
            statuses[(endpoint.route, endpoint.method, id(client))] = _attempt(
                client, endpoint, township_records
            )

    # Routes that name a record find none of the township's: they are refused. A route without
    # one acts on the caller's own records in the city's schema (marking their own
    # notifications read, say), which is the city's business, not the township's.
    reached = {key[:2] for key, status in statuses.items() if status < 400 and "<" in key[0]}
    assert reached == set()
    assert not any(status >= 500 for status in statuses.values())
    assert township_fingerprint(world.town_a) == before


def test_the_fingerprint_notices_a_changed_row(
    world: World, township_records: dict[str, int]
) -> None:
    before = township_fingerprint(world.town_a)
    with tenant_context(world.town_a):
        Deputy.objects.filter(pk=township_records["deputies"]).update(name="改名")
    assert township_fingerprint(world.town_a)["deputies_deputy"] != before["deputies_deputy"]

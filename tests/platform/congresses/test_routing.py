"""Host → congress from the routing cache: right after every change, and without the two round
trips the stock middleware spends on it (docs/tenancy.md, "Routing")."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from congresses.models import Congress, Domain, Status
from congresses.routing import GENERATION_KEY, routing_forget
from congresses.services import (
    congress_domain_add,
    congress_domain_remove,
    congress_status_set,
)
from congresses.tenant import public_schema
from ops.errors import Conflict, DomainError
from tenants.deputies.models import Deputy
from tests.conftest import World, client_on


def _congress_of(host: str) -> tuple[int, str | None]:
    response = Client(HTTP_HOST=host).get("/api/v1/auth/session")
    if response.status_code != 200:
        return response.status_code, None
    return 200, response.json()["congress"]["name"]


def test_an_added_domain_routes_at_once_and_a_removed_one_stops_at_once(world: World) -> None:
    assert _congress_of("alias-a.localhost") == (404, None)  # now cached as unknown

    congress_domain_add(congress=world.town_a, domain="Alias-A.localhost", actor=world.operator)
    assert _congress_of("alias-a.localhost") == (200, world.town_a.name)

    congress_domain_remove(congress=world.town_a, domain="alias-a.localhost", actor=world.operator)
    assert _congress_of("alias-a.localhost") == (404, None)
    assert _congress_of("town-a.localhost") == (200, world.town_a.name)


def test_a_domain_moved_to_another_congress_routes_there_at_once(world: World) -> None:
    congress_domain_add(congress=world.town_a, domain="moved.localhost", actor=world.operator)
    assert _congress_of("moved.localhost") == (200, world.town_a.name)

    congress_domain_remove(congress=world.town_a, domain="moved.localhost", actor=world.operator)
    congress_domain_add(congress=world.town_b, domain="moved.localhost", actor=world.operator)
    assert _congress_of("moved.localhost") == (200, world.town_b.name)


def test_a_new_primary_domain_keeps_the_old_one_routing_until_it_is_removed(world: World) -> None:
    congress_domain_add(
        congress=world.town_b, domain="b-new.localhost", primary=True, actor=world.operator
    )
    assert _congress_of("b-new.localhost") == (200, world.town_b.name)
    assert _congress_of("town-b.localhost") == (200, world.town_b.name)

    congress_domain_remove(congress=world.town_b, domain="town-b.localhost", actor=world.operator)
    assert _congress_of("town-b.localhost") == (404, None)


def test_a_suspended_congress_answers_403_at_once_and_200_once_active_again(world: World) -> None:
    assert _congress_of("town-b.localhost") == (200, world.town_b.name)  # cached as active

    congress_status_set(congress=world.town_b, status=Status.SUSPENDED, actor=world.operator)
    response = Client(HTTP_HOST="town-b.localhost").get("/api/v1/auth/session")
    assert response.status_code == 403
    assert response.json()["code"] == "congress_suspended"

    congress_status_set(congress=world.town_b, status=Status.ACTIVE, actor=world.operator)
    assert _congress_of("town-b.localhost") == (200, world.town_b.name)


def test_domain_changes_are_refused_with_a_reason(world: World) -> None:
    with pytest.raises(DomainError) as invalid:
        congress_domain_add(congress=world.town_a, domain="not a host", actor=world.operator)
    assert invalid.value.field == "domain"
    with pytest.raises(Conflict) as taken:
        congress_domain_add(congress=world.town_a, domain="town-b.localhost", actor=world.operator)
    assert taken.value.code == "domain_taken"
    with pytest.raises(Conflict) as primary:
        congress_domain_remove(
            congress=world.town_a, domain="town-a.localhost", actor=world.operator
        )
    assert primary.value.code == "domain_primary"
    with pytest.raises(DomainError) as unknown:
        congress_domain_remove(
            congress=world.town_a, domain="town-b.localhost", actor=world.operator
        )
    assert unknown.value.code == "domain_unknown"


def _statements(client: Client, path: str, *, last_in: Congress) -> list[str]:
    with tenant_context(last_in):  # the connection served another tenant last
        Deputy.objects.exists()
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_a_tenant_get_spends_no_query_on_routing(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    routing_forget()
    uncached = _statements(client, "/api/v1/deputies", last_in=world.town_b)
    cached = _statements(client, "/api/v1/deputies", last_in=world.town_b)

    # Without the cache: the search path to public, the domain lookup, the tenant's path.
    assert [sql for sql in uncached if "search_path" in sql] == [
        'SET search_path = "public"',
        'SET search_path = "town_a","public"',
    ]
    assert len([sql for sql in uncached if "congresses_domain" in sql]) == 1
    # With it: only the tenant's path, set by the view's first query.
    assert [sql for sql in cached if "congresses_domain" in sql] == []
    assert [sql for sql in cached if "search_path" in sql] == [
        'SET search_path = "town_a","public"'
    ]
    assert len(uncached) - len(cached) == 2

    # The next request of the same tenant on this connection sets nothing at all.
    with CaptureQueriesContext(connection) as again:
        assert client.get("/api/v1/deputies").status_code == 200
    assert [q["sql"] for q in again.captured_queries if "search_path" in q["sql"]] == []
    assert len(again.captured_queries) == len(cached) - 1


def test_a_change_made_by_another_process_routes_here_within_the_local_window(
    world: World,
) -> None:
    window = 0.5
    with override_settings(ROUTING_LOCAL_SECONDS=window):
        assert _congress_of("elsewhere.localhost") == (404, None)  # this process's copy: unknown
        # Another process adds the domain: its rows, and a new generation in the shared cache.
        Domain.objects.create(domain="elsewhere.localhost", tenant=world.town_a, is_primary=False)
        with public_schema():
            cache.set(GENERATION_KEY, "another-process", timeout=None)

        started = time.monotonic()
        while _congress_of("elsewhere.localhost") != (200, world.town_a.name):
            assert time.monotonic() - started < window + 2, "not routed after the window"
        assert time.monotonic() - started < window + 2

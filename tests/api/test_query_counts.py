"""List endpoints: the number of queries does not grow with the number of rows."""

from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from congresses.services import CongressSpec, congress_provision
from tenants.deputies.services import deputy_register
from tests.conftest import World, client_on
from tests.factories import make_term


def _queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_deputy_list_costs_the_same_for_3_and_30_deputies(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        term = make_term()
        for i in range(3):
            deputy_register(
                term=term,
                name=f"代表{i}",
                gender="male",
                level="township",
                constituency="一",
                actor=None,
            )
    few = _queries(client, "/api/v1/deputies")
    with tenant_context(world.town_a):
        for i in range(27):
            deputy_register(
                term=term,
                name=f"代表{i + 3}",
                gender="male",
                level="township",
                constituency="一",
                actor=None,
            )

    assert _queries(client, "/api/v1/deputies") == few


def test_the_congress_list_costs_the_same_for_more_townships(world: World) -> None:
    client = client_on(world.county, world.county_admin)
    few = _queries(client, "/api/v1/congresses")
    for i in range(3):
        congress_provision(
            spec=CongressSpec(
                name=f"新增{i}镇人大主席团",
                slug=f"more-{i}",
                level="township",
                division_code=f"369801{200 + i}",
                parent_id=world.county.pk,
            ),
            requested_by=world.operator,
            acting_in=None,
        )

    body = client.get("/api/v1/congresses").json()
    assert {"more-0", "more-1", "more-2"} <= {c["slug"] for c in body["results"]}
    assert all(c["parent_name"] for c in body["results"] if c["level"] == "township")
    assert _queries(client, "/api/v1/congresses") == few


def test_the_supervision_groups_and_stages_cost_the_same_for_one_and_two_projects(
    world: World,
) -> None:
    from decimal import Decimal

    from tenants.implementation.services import stage_set, supervisors_set
    from tests.tenants.implementation.factories import make_underway

    client = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        underway = make_underway(world.town_a)
        first, second = underway.projects[:2]
        deputies = underway.voted.deputies
        supervisors_set(project=first, deputies=deputies[:2], actor=None)
        stage_set(project=first, year=2028, target="二期", investment=Decimal(1), actor=None)
    groups = _queries(client, "/api/v1/implementation/supervision-groups")
    stages = _queries(client, "/api/v1/implementation/stages")
    with tenant_context(world.town_a):
        supervisors_set(project=second, deputies=deputies[2:5], actor=None)
        stage_set(project=second, year=2028, target="二期", investment=Decimal(1), actor=None)
        stage_set(project=second, year=2029, target="三期", investment=Decimal(1), actor=None)

    assert _queries(client, "/api/v1/implementation/supervision-groups") == groups
    assert _queries(client, "/api/v1/implementation/stages") == stages

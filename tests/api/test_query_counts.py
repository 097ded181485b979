"""List endpoints: the number of queries does not grow with the number of rows."""

from django_tenants.utils import tenant_context

from tests.api.conftest import queries
from tests.conftest import World, client_on
from tests.factories import provision_congresses
from tests.tenants.voting.factories import make_deputies


def test_the_deputy_list_costs_the_same_for_3_and_30_deputies(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        make_deputies(3)
    few = queries(client, "/api/v1/deputies")
    with tenant_context(world.town_a):
        make_deputies(27, prefix="又一代表")

    assert queries(client, "/api/v1/deputies") == few


def test_the_congress_list_costs_the_same_for_more_townships(world: World) -> None:
    client = client_on(world.county, world.county_admin)
    few = queries(client, "/api/v1/congresses")
    provision_congresses(
        world.operator,
        *[
            (f"more-{i}", f"新增{i}镇人大主席团", "township", f"369801{200 + i}", world.county)
            for i in range(3)
        ],
    )

    body = client.get("/api/v1/congresses").json()
    assert {"more-0", "more-1", "more-2"} <= {c["slug"] for c in body["results"]}
    assert all(c["parent_name"] for c in body["results"] if c["level"] == "township")
    assert queries(client, "/api/v1/congresses") == few


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
    groups = queries(client, "/api/v1/implementation/supervision-groups")
    stages = queries(client, "/api/v1/implementation/stages")
    with tenant_context(world.town_a):
        supervisors_set(project=second, deputies=deputies[2:5], actor=None)
        stage_set(project=second, year=2028, target="二期", investment=Decimal(1), actor=None)
        stage_set(project=second, year=2029, target="三期", investment=Decimal(1), actor=None)

    assert queries(client, "/api/v1/implementation/supervision-groups") == groups
    assert queries(client, "/api/v1/implementation/stages") == stages

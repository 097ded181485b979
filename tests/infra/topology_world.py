"""Run inside the topology's database (`manage.py shell -c`, see test_topology.py): a city, a
county and two townships of their own, provisioned by the real service. Township A is in its
voting phase (three candidates for two projects) with a chair and two deputies who vote on their
phones; township B has deputies of its own with other names. Prints the ids as one JSON line."""

import json

from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import user_create
from congresses.models import Congress
from tenants.demo.data import DEMO_PASSWORD
from tests.factories import make_member, provision_county
from tests.tenants.voting.factories import make_deputies, make_setup

CITY, COUNTY, TOWN_A, TOWN_B = "topo-city", "topo-county", "topo-a", "topo-b"


def _member(username: str, congress: Congress, roles: list[str], operator: User) -> User:
    return make_member(username, congress, roles, operator, password=DEMO_PASSWORD)


def provision() -> None:
    operator = user_create(
        username="topo-ops", password=DEMO_PASSWORD, display_name="运维", must_change_password=False
    )
    operator.is_platform_operator = True
    operator.save(update_fields=["is_platform_operator"])
    made = provision_county(operator, "拓扑", "379900", (CITY, COUNTY, TOWN_A, TOWN_B))
    _member(f"{CITY}-staff", made[CITY], ["staff"], operator)
    _member(f"{TOWN_A}-staff", made[TOWN_A], ["staff"], operator)
    _member(f"{TOWN_B}-staff", made[TOWN_B], ["staff"], operator)
    with tenant_context(made[TOWN_A]):
        setup = make_setup(deputies=3, candidates=3, seats=2, present=0)  # 代表0, 代表1, 代表2
        for i, deputy in enumerate(setup.deputies[:2]):
            deputy.user = _member(f"{TOWN_A}-d{i}", made[TOWN_A], ["deputy"], operator)
            deputy.save(update_fields=["user"])
    with tenant_context(made[TOWN_B]):
        make_deputies(3, prefix="乙镇代表")
    schemas = {slug: congress.schema_name for slug, congress in made.items()}
    print(json.dumps({"cycle": setup.cycle.pk, "year": setup.cycle.year, "schemas": schemas}))

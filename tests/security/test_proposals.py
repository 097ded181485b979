"""Staff proposal entry over HTTP (finding: every call answered 500)."""

from django_tenants.utils import tenant_context

from tenants.voting.models import Proposal
from tests.api.conftest import cycle_post
from tests.conftest import World, client_on
from tests.factories import make_term


def test_staff_proposal_entry_records_the_proposal_with_its_source(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)
    cycle = cycle_post(staff, 2027, seats=1).json()

    response = staff.post(
        f"/api/v1/voting/cycles/{cycle['id']}/proposals",
        {
            "origin": "deputy",
            "title": "修缮村卫生室",
            "category": "医疗卫生",
            "description": "卫生室屋顶漏雨。",
            "submitter_name": "王五",
        },
        content_type="application/json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["source"] == "deputy"
    with tenant_context(world.town_a):
        assert Proposal.objects.get(pk=response.json()["id"]).source == Proposal.Source.DEPUTY

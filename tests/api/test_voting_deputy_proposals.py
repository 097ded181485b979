"""A deputy proposes a livelihood project themselves, on their phone, while the call is open: staff
find it on the proposal desk as a deputy's proposal under the deputy's name; every refusal
(no seat, not a deputy, no login, the call not open, a blank title) writes nothing."""

from datetime import timedelta
from typing import Any

from django.test import Client
from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.deputies.models import Deputy
from tenants.voting.models import Call, Proposal
from tests.api.conftest import call_opened, seat_deputy_both
from tests.conftest import World, client_on

API = "/api/v1/voting"
PROPOSAL = {
    "title": "东村老年食堂建设",
    "category": "养老服务",
    "description": "东村60岁以上老人300余人，建议利用村部闲置用房建设老年食堂。",
    "location": "甲镇东村",
    "estimated_cost": "45.50",
}


def _propose(client: Client, cycle_id: int, body: dict[str, Any], **extra: Any) -> Any:
    return client.post(
        f"{API}/cycles/{cycle_id}/proposals/mine", body, content_type="application/json", **extra
    )


def _count(world: World) -> int:
    with tenant_context(world.town_a):
        return Proposal.objects.count()


def test_a_deputy_proposes_and_staff_see_it_as_a_deputys_proposal(world: World) -> None:
    _staff, cycle_id = call_opened(world)
    seat_deputy_both(world)
    deputy = client_on(world.town_a, world.deputy_both)

    created = _propose(deputy, cycle_id, PROPOSAL)

    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["status"], body["estimated_cost"]) == ("received", "45.50")
    mine = deputy.get(f"{API}/cycles/{cycle_id}/proposals/mine").json()
    assert mine["call"]["open"] is True
    assert [(p["title"], p["status_label"]) for p in mine["proposals"]] == [
        (PROPOSAL["title"], "已受理")
    ]
    desk = client_on(world.town_a, world.staff_a).get(f"{API}/cycles/{cycle_id}/proposals")
    [row] = desk.json()
    assert (row["source"], row["submitter_name"], row["location"]) == (
        "deputy",
        "代表甲",
        "甲镇东村",
    )
    with tenant_context(world.town_a):
        assert Proposal.objects.get().deputy is not None


def test_refusals_write_nothing(world: World) -> None:
    _staff, cycle_id = call_opened(world)
    deputy = client_on(world.town_a, world.deputy_both)

    # A deputy's account not (yet) on this roster.
    no_seat = _propose(deputy, cycle_id, PROPOSAL, HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert no_seat.status_code == 403, no_seat.content
    assert no_seat.json() | {"fields": None} == {
        "code": "not_a_deputy",
        "detail": "您不在本单位本届代表名册中。",
        "fields": None,
    }
    assert deputy.get(f"{API}/cycles/{cycle_id}/proposals/mine").json()["proposals"] == []
    # Staff record deputies' proposals on the desk; this one is not theirs; nor anonymous.
    staff = _propose(client_on(world.town_a, world.staff_a), cycle_id, PROPOSAL)
    anonymous = _propose(client_on(world.town_a), cycle_id, PROPOSAL)
    assert (staff.status_code, anonymous.status_code) == (403, 401)

    seat = seat_deputy_both(world)
    for broken, field in (
        ({**PROPOSAL, "title": ""}, "title"),
        ({**PROPOSAL, "title": "   "}, "title"),
        ({**PROPOSAL, "title": "长" * 201}, "title"),
        ({**PROPOSAL, "description": ""}, "description"),
        ({**PROPOSAL, "estimated_cost": "-1"}, "estimated_cost"),
    ):
        refused = _propose(deputy, cycle_id, broken)
        assert refused.status_code == 400, (broken, refused.content)
        assert field in refused.json()["fields"], refused.json()

    # The call no longer open: the portal's refusal.
    with tenant_context(world.town_a):
        Call.objects.filter(cycle_id=cycle_id).update(
            closes_on=timezone.localdate() - timedelta(days=1)
        )
    closed = _propose(deputy, cycle_id, PROPOSAL)
    assert closed.status_code == 400 and closed.json()["code"] == "call_not_open"
    assert deputy.get(f"{API}/cycles/{cycle_id}/proposals/mine").json()["call"]["open"] is False

    # A seat that ended.
    with tenant_context(world.town_a):
        Deputy.objects.filter(pk=seat.pk).update(status=Deputy.Status.ENDED)
    ended = _propose(deputy, cycle_id, PROPOSAL)
    assert ended.status_code == 403 and ended.json()["code"] == "deputy_not_serving"
    assert _count(world) == 0


def test_the_call_not_yet_open_refuses_a_deputy(world: World) -> None:
    _staff, cycle_id = call_opened(world, opens_in=3)
    seat_deputy_both(world)

    early = _propose(client_on(world.town_a, world.deputy_both), cycle_id, PROPOSAL)

    assert early.status_code == 400 and early.json()["code"] == "call_not_open"
    assert _count(world) == 0

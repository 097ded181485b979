"""Answers belong to who recorded them (finding: a unit account overwrote the government's
mid-year answer recorded by staff, and a staff answer to a deputy's deliberation comment)."""

from typing import Any

from django.test import Client
from django_tenants.utils import tenant_context

from tenants.implementation.models import MidyearReport
from tenants.voting.deliberation import comment_post
from tenants.voting.models import Comment
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.security.roles import member
from tests.tenants.implementation.factories import make_underway
from tests.tenants.voting.factories import make_deputies, make_shortlist


def _post(client: Client, url: str, body: dict[str, Any]) -> Any:
    return client.post(f"/api/v1/{url}", body, content_type="application/json")


def test_a_unit_cannot_overwrite_the_midyear_answer_staff_recorded(world: World) -> None:
    with tenant_context(world.town_a):
        underway = make_underway(world.town_a)
        stranger = member(world.town_a, "unit")  # a unit account with no project this year
    staff = client_on(world.town_a, world.staff_a)
    unit = client_on(world.town_a, underway.reporter)
    base = f"implementation/cycles/{underway.voted.cycle.pk}/midyear"
    _post(staff, base, {"title": "上半年实施情况", "body": "总体顺利", "heard_on": "2027-07-10"})
    _post(staff, f"{base}/opinions", {"opinions": "加快进度", "on": "2027-07-11"})

    by_staff = _post(staff, f"{base}/answer", {"answer": "政府已部署", "on": "2027-07-20"})
    by_unit = _post(unit, f"{base}/answer", {"answer": "单位改写", "on": "2027-07-21"})
    by_stranger = _post(
        client_on(world.town_a, stranger), f"{base}/answer", {"answer": "x", "on": "2027-07-21"}
    )
    staff_again = _post(staff, f"{base}/answer", {"answer": "政府修订", "on": "2027-07-22"})

    assert by_staff.status_code == 200
    assert by_unit.status_code == 409 and by_unit.json()["code"] == "answered_by_staff"
    assert by_stranger.status_code == 403 and by_stranger.json()["code"] == "not_your_report"
    assert staff_again.status_code == 200
    with tenant_context(world.town_a):
        assert MidyearReport.objects.get(cycle=underway.voted.cycle).answer == "政府修订"


def test_a_unit_cannot_overwrite_a_staff_answer_to_a_deliberation_comment(world: World) -> None:
    with tenant_context(world.town_a):
        deputy = make_deputies(1, prefix="意见")[0]
        cycle = make_shortlist()
        cycle_advance(cycle=cycle, actor=None)
        comment = comment_post(
            candidate=cycle.candidates.all()[0], deputy=deputy, text="建议增加夜间照明", actor=None
        )
        unit_user = member(world.town_a, "unit")
    staff = client_on(world.town_a, world.staff_a)
    unit = client_on(world.town_a, unit_user)
    url = f"voting/comments/{comment.pk}/answer"

    by_staff = _post(staff, url, {"answer": "已纳入实施方案"})
    by_unit = _post(unit, url, {"answer": "单位改写"})

    assert by_staff.status_code == 200
    assert by_unit.status_code == 409 and by_unit.json()["code"] == "answered_by_staff"
    with tenant_context(world.town_a):
        assert Comment.objects.get(pk=comment.pk).answer == "已纳入实施方案"

"""Implementation over HTTP: the unit's report with a photo, who may do what, and bad input;
each refusal a clear 4xx with a reason and nothing written."""

import urllib.request
from decimal import Decimal
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from filestore.models import StoredFile
from tenants.implementation.models import Milestone, ProgressReport, Project, Unit
from tenants.implementation.services import milestone_add
from tests.api.conftest import Desk
from tests.conftest import World, client_on
from tests.factories import PNG


def _json(client: Client, url: str, body: dict[str, Any], **headers: str) -> Any:
    return client.post(url, body, content_type="application/json", headers=headers)


def _upload_photo(client: Client) -> int:
    response = client.post(
        "/api/v1/files", {"file": SimpleUploadedFile("工地.png", PNG, content_type="image/png")}
    )
    assert response.status_code == 201, response.content
    return int(response.json()["id"])


def _reports(world: World) -> int:
    with tenant_context(world.town_a):
        return ProgressReport.objects.count()


def test_the_unit_reports_progress_with_a_photo_served_by_presigned_url(
    desk: Desk, world: World
) -> None:
    photo = _upload_photo(desk.unit)

    response = _json(
        desk.unit,
        f"/api/v1/implementation/projects/{desk.mine.pk}/reports",
        {"percent": 40, "text": "主体完工", "photo_ids": [photo]},
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["percent"] == 40 and body["can_report"] and not body["can_edit"]
    (shown,) = body["reports"][0]["photos"]
    with tenant_context(world.town_a):
        assert StoredFile.objects.get(pk=photo).key.startswith("tenants/town_a/")
    with urllib.request.urlopen(shown["url"]) as download:
        assert download.read() == PNG


def test_another_tenant_cannot_obtain_the_photo(desk: Desk, world: World) -> None:
    photo = _upload_photo(desk.unit)
    _json(
        desk.unit,
        f"/api/v1/implementation/projects/{desk.mine.pk}/reports",
        {"percent": 40, "text": "主体完工", "photo_ids": [photo]},
    )
    other = client_on(world.town_b, world.staff_b)

    # On its own host the photo's id and the project's id find nothing of town A.
    url = other.get(f"/api/v1/files/{photo}/url")
    assert url.status_code == 404 or "town_a" not in url.json().get("url", "")
    assert other.get(f"/api/v1/implementation/projects/{desk.mine.pk}").status_code == 404
    # On town A's host its session is refused outright.
    other.defaults["HTTP_HOST"] = "town-a.localhost"
    assert other.get(f"/api/v1/implementation/projects/{desk.mine.pk}").status_code == 403
    assert other.get(f"/api/v1/files/{photo}/url").status_code in (401, 403)  # session ended


def test_a_unit_cannot_report_on_another_units_project(desk: Desk, world: World) -> None:
    response = _json(
        desk.unit,
        f"/api/v1/implementation/projects/{desk.theirs.pk}/reports",
        {"percent": 10, "text": "越权报送"},
        **{"Accept-Language": "en"},
    )

    assert response.status_code == 403
    assert response.json()["code"] == "not_your_project"
    assert response.json()["detail"] == "You can only report on the projects of your own unit."
    assert _reports(world) == 0


def test_a_unit_sees_only_its_own_projects(desk: Desk) -> None:
    listed = desk.unit.get("/api/v1/implementation/projects").json()

    assert [p["id"] for p in listed] == [desk.mine.pk]
    assert desk.unit.get(f"/api/v1/implementation/projects/{desk.theirs.pk}").status_code == 404


def test_a_deputy_reads_the_board_but_cannot_edit_or_report(desk: Desk, world: World) -> None:
    board = desk.deputy.get("/api/v1/implementation/projects")
    assert board.status_code == 200 and len(board.json()) == 2
    detail = desk.deputy.get(f"/api/v1/implementation/projects/{desk.mine.pk}").json()
    assert not detail["can_edit"] and not detail["can_report"]

    report = _json(
        desk.deputy,
        f"/api/v1/implementation/projects/{desk.mine.pk}/reports",
        {"percent": 90, "text": "代表代报"},
    )
    plan = _json(
        desk.deputy, f"/api/v1/implementation/projects/{desk.mine.pk}/plan", {"funds_spent": "1"}
    )

    assert (report.status_code, plan.status_code) == (403, 403)
    assert report.json()["code"] == "permission_denied"
    assert _reports(world) == 0
    with tenant_context(world.town_a):
        assert Project.objects.get(pk=desk.mine.pk).funds_spent == 0


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"funds_allocated": "-5"}, "funds_negative"),
        ({"funds_spent": "-0.01"}, "funds_negative"),
        ({"funds_spent": "150"}, "funds_overspent"),  # allocated: 100
    ],
)
def test_bad_funds_are_refused_and_nothing_is_written(
    desk: Desk, world: World, body: dict[str, str], code: str
) -> None:
    response = _json(
        desk.staff,
        f"/api/v1/implementation/projects/{desk.mine.pk}/plan",
        {**body, "owner_name": "不应保存"},
    )

    assert response.status_code == 400
    assert response.json()["code"] == code and response.json()["detail"]
    with tenant_context(world.town_a):
        project = Project.objects.get(pk=desk.mine.pk)
    assert (project.funds_allocated, project.funds_spent, project.owner_name) == (
        Decimal(100),
        Decimal(0),
        "张主任",
    )


def test_spending_beyond_allocation_is_accepted_with_a_note_and_flagged(desk: Desk) -> None:
    response = _json(
        desk.staff,
        f"/api/v1/implementation/projects/{desk.mine.pk}/plan",
        {"funds_spent": "150", "overspend_note": "增加排水工程，追加预算已报批"},
    )

    assert response.status_code == 200
    assert response.json()["overspent"] is True
    board = desk.staff.get("/api/v1/implementation/projects").json()
    assert [p["overspent"] for p in board] == [True, False]


def test_a_unit_reporting_spending_beyond_allocation_is_refused(desk: Desk, world: World) -> None:
    response = _json(
        desk.unit,
        f"/api/v1/implementation/projects/{desk.mine.pk}/reports",
        {"percent": 50, "text": "过半", "funds_spent": "100.5"},
    )

    assert response.status_code == 400 and response.json()["code"] == "funds_overspent"
    assert _reports(world) == 0


def test_a_photo_the_reporter_did_not_upload_is_refused(desk: Desk, world: World) -> None:
    photo = _upload_photo(desk.staff)

    response = _json(
        desk.unit,
        f"/api/v1/implementation/projects/{desk.mine.pk}/reports",
        {"percent": 50, "text": "过半", "photo_ids": [photo]},
    )

    assert response.status_code == 400 and response.json()["code"] == "photo_unknown"
    assert _reports(world) == 0


def test_the_board_costs_the_same_queries_for_more_projects(desk: Desk, world: World) -> None:
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert desk.staff.get("/api/v1/implementation/projects").status_code == 200
        return len(captured)

    before = queries()
    with tenant_context(world.town_a):
        for day in (1, 2, 3):
            milestone_add(project=desk.theirs, title=f"节点{day}", due_on=_date(day), actor=None)
    assert queries() == before


def _date(day: int) -> Any:
    from datetime import date

    return date(2027, 9, day)


def test_staff_hand_over_a_voted_cycle_once(world: World) -> None:
    from tests.tenants.implementation.factories import make_voted_cycle

    with tenant_context(world.town_a):
        voted = make_voted_cycle(year=2029)
    staff = client_on(world.town_a, world.staff_a)

    first = staff.post(f"/api/v1/implementation/cycles/{voted.cycle.pk}/hand-over")
    again = staff.post(f"/api/v1/implementation/cycles/{voted.cycle.pk}/hand-over")

    assert first.status_code == 201 and [p["name"] for p in first.json()] == ["项目1", "项目2"]
    assert again.status_code == 409 and again.json()["code"] == "wrong_phase"
    with tenant_context(world.town_a):
        assert Milestone.objects.count() == 0
        assert Project.objects.filter(cycle=voted.cycle).count() == 2


def test_an_empty_progress_note_is_refused_naming_the_field(desk: Desk, world: World) -> None:
    url = f"/api/v1/implementation/projects/{desk.mine.pk}/reports"

    chinese = _json(desk.unit, url, {"percent": 40, "text": ""}, **{"Accept-Language": "zh-hans"})
    english = _json(desk.unit, url, {"percent": 40, "text": ""}, **{"Accept-Language": "en"})

    assert chinese.status_code == 400
    assert chinese.json()["detail"] == "进度说明：该字段不能为空。"
    assert chinese.json()["fields"] == {"text": ["该字段不能为空。"]}
    assert english.json()["detail"] == "Progress note: This field may not be blank."
    assert _reports(world) == 0


def test_staff_list_the_accounts_holding_the_unit_role_and_others_may_not(desk: Desk) -> None:
    listed = desk.staff.get("/api/v1/implementation/unit-accounts")

    assert listed.status_code == 200
    assert {a["id"] for a in listed.json()} == {
        desk.underway.reporter.pk,
        desk.underway.other_reporter.pk,
    }
    assert set(listed.json()[0]) == {"id", "username", "display_name"}
    for client in (desk.deputy, desk.unit):
        refused = client.get("/api/v1/implementation/unit-accounts")
        assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"


def test_a_unit_whose_account_lacks_the_unit_role_is_refused_naming_the_field(
    desk: Desk, world: World
) -> None:
    body = {"name": "水利站", "member_ids": [world.staff_a.pk]}

    chinese = _json(
        desk.staff, "/api/v1/implementation/units", body, **{"Accept-Language": "zh-hans"}
    )
    english = _json(desk.staff, "/api/v1/implementation/units", body, **{"Accept-Language": "en"})

    assert chinese.status_code == 400
    assert chinese.json()["fields"] == {
        "member_ids": ["单位账号须是本单位具有承办单位角色的成员。"]
    }
    assert english.status_code == 400 and english.json()["code"] == "unit_member_invalid"
    with tenant_context(world.town_a):
        assert not Unit.objects.filter(name="水利站").exists()

"""Supervision over HTTP: milestones, inspections by the supervision group, rectifications and the
mid-year report; who may do each, and nothing written when refused."""

from datetime import date
from typing import Any

from django.test import Client
from django_tenants.utils import tenant_context

from tenants.implementation.models import Inspection, MidyearReport, Milestone, Rectification
from tenants.implementation.services import supervisors_set
from tests.api.conftest import Desk
from tests.conftest import World


def _post(client: Client, url: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(f"/api/v1/implementation/{url}", body or {}, content_type="application/json")


def test_staff_add_a_milestone_and_only_the_projects_unit_marks_it_done(
    desk: Desk, world: World
) -> None:
    project = desk.underway.projects[0]
    added = _post(
        desk.staff, f"projects/{project.pk}/milestones", {"title": "开工", "due_on": "2027-03-01"}
    )
    assert added.status_code == 201
    milestone = added.json()["id"]

    refused = _post(desk.other_unit, f"milestones/{milestone}/done", {"done_on": "2027-02-01"})
    by_deputy = _post(desk.deputy, f"milestones/{milestone}/done", {"done_on": "2027-02-01"})
    done = _post(desk.unit, f"milestones/{milestone}/done", {"done_on": "2026-11-01"})

    assert (refused.status_code, by_deputy.status_code, done.status_code) == (403, 403, 200)
    assert refused.json()["code"] == "not_your_project"
    assert done.json()["light"] == "green"
    with tenant_context(world.town_a):
        assert Milestone.objects.get(pk=milestone).done_on == date(2026, 11, 1)


def test_a_milestone_cannot_be_done_in_the_future(desk: Desk) -> None:
    project = desk.underway.projects[0]
    milestone = _post(
        desk.staff, f"projects/{project.pk}/milestones", {"title": "开工", "due_on": "2027-03-01"}
    ).json()["id"]

    response = _post(desk.unit, f"milestones/{milestone}/done", {"done_on": "2999-01-01"})

    assert response.status_code == 400 and response.json()["code"] == "done_in_future"


def test_only_supervising_deputies_record_inspections(desk: Desk, world: World) -> None:
    project = desk.underway.projects[0]
    body = {"held_on": "2027-05-01", "findings": "围挡缺失"}

    outsider = _post(desk.deputy, f"projects/{project.pk}/inspections", body)
    with tenant_context(world.town_a):
        from tenants.deputies.models import Deputy

        seat = Deputy.objects.create(
            term=desk.underway.voted.deputies[0].term,
            name="监督代表",
            gender="male",
            level="township",
            constituency="第1选区",
            user=world.deputy_both,
        )
        supervisors_set(project=project, deputies=[seat], actor=None)
    member = _post(desk.deputy, f"projects/{project.pk}/inspections", body)

    assert outsider.status_code == 403 and outsider.json()["code"] == "not_supervisor"
    assert member.status_code == 201
    with tenant_context(world.town_a):
        assert Inspection.objects.filter(project=project).count() == 1


def test_a_rectification_is_assigned_by_staff_and_closed_by_its_unit(
    desk: Desk, world: World
) -> None:
    project = desk.underway.projects[0]
    body = {"reason": "回填不及时", "source": "inspection", "due_on": "2027-06-01"}

    by_unit = _post(desk.unit, f"projects/{project.pk}/rectifications", body)
    opened = _post(desk.staff, f"projects/{project.pk}/rectifications", body)
    assert by_unit.status_code == 403 and opened.status_code == 201
    item = opened.json()["id"]

    by_other = _post(desk.other_unit, f"rectifications/{item}/close", {"note": "已回填"})
    closed = _post(desk.unit, f"rectifications/{item}/close", {"note": "已回填"})
    again = _post(desk.unit, f"rectifications/{item}/close", {"note": "再次"})

    assert by_other.status_code == 403
    assert closed.status_code == 200 and closed.json()["closed_on"]
    assert again.status_code == 409 and again.json()["code"] == "rectification_closed"
    with tenant_context(world.town_a):
        assert Rectification.objects.get(pk=item).closing_note == "已回填"


def test_an_unknown_rectification_source_is_a_400(desk: Desk, world: World) -> None:
    project = desk.underway.projects[0]
    response = _post(
        desk.staff, f"projects/{project.pk}/rectifications", {"reason": "x", "source": "rumour"}
    )
    assert response.status_code == 400
    with tenant_context(world.town_a):
        assert not Rectification.objects.exists()


def test_the_midyear_report_its_opinions_and_the_answer(desk: Desk, world: World) -> None:
    cycle = desk.underway.voted.cycle.pk
    report = {"title": "上半年实施情况", "body": "总体顺利", "heard_on": "2027-07-10"}

    early_answer_missing = _post(
        desk.unit, f"cycles/{cycle}/midyear/answer", {"answer": "a", "on": "2027-07-20"}
    )
    submitted = _post(desk.staff, f"cycles/{cycle}/midyear", report)
    twice = _post(desk.staff, f"cycles/{cycle}/midyear", report)
    premature = _post(
        desk.unit, f"cycles/{cycle}/midyear/answer", {"answer": "a", "on": "2027-07-20"}
    )
    by_deputy = _post(
        desk.deputy, f"cycles/{cycle}/midyear/opinions", {"opinions": "o", "on": "2027-07-11"}
    )
    opinions = _post(
        desk.staff, f"cycles/{cycle}/midyear/opinions", {"opinions": "加快进度", "on": "2027-07-11"}
    )
    answered = _post(
        desk.unit, f"cycles/{cycle}/midyear/answer", {"answer": "已部署", "on": "2027-07-25"}
    )

    assert early_answer_missing.status_code == 404
    assert submitted.status_code == 201 and twice.status_code == 409
    assert premature.status_code == 400 and premature.json()["code"] == "opinions_missing"
    assert by_deputy.status_code == 403 and opinions.status_code == 200
    assert answered.status_code == 200 and answered.json()["answer"] == "已部署"
    assert (
        desk.deputy.get(f"/api/v1/implementation/cycles/{cycle}/midyear").json()["opinions"]
        == "加快进度"
    )
    with tenant_context(world.town_a):
        assert MidyearReport.objects.get(cycle_id=cycle).answered_on == date(2027, 7, 25)


def _get(client: Client, url: str) -> Any:
    return client.get(f"/api/v1/implementation/{url}")


def test_staff_set_list_change_and_remove_a_projects_yearly_stages(
    desk: Desk, world: World
) -> None:
    project = desk.underway.projects[0]
    first = {"year": 2027, "target": "完成一期", "investment": "60"}
    second = {"year": 2028, "target": "完成二期", "investment": "40.5"}

    assert _post(desk.staff, f"projects/{project.pk}/stages", first).status_code == 200
    assert _post(desk.staff, f"projects/{project.pk}/stages", second).status_code == 200
    changed = _post(desk.staff, f"projects/{project.pk}/stages", {**second, "target": "二期收尾"})
    listed = _get(desk.staff, f"stages?cycle={desk.underway.voted.cycle.pk}").json()

    assert changed.status_code == 200
    assert [(r["project_id"], r["year"], r["target"], r["investment"]) for r in listed] == [
        (project.pk, 2027, "完成一期", "60.00"),
        (project.pk, 2028, "二期收尾", "40.50"),
    ]
    assert listed[0]["project_name"] == project.name and listed[0]["cycle_year"] == 2027
    removed = desk.staff.delete(f"/api/v1/implementation/stages/{listed[0]['id']}")
    assert removed.status_code == 204
    assert [r["year"] for r in _get(desk.staff, "stages").json()] == [2028]


def test_a_stage_refuses_bad_input_and_writes_nothing(desk: Desk, world: World) -> None:
    project = desk.underway.projects[0]
    url = f"projects/{project.pk}/stages"

    before_vote = _post(desk.staff, url, {"year": 2026, "target": "前期", "investment": "1"})
    negative = _post(desk.staff, url, {"year": 2028, "target": "二期", "investment": "-1"})
    blank = _post(desk.staff, url, {"year": 2028, "target": "  ", "investment": "1"})
    far = _post(desk.staff, url, {"year": 3000, "target": "远期", "investment": "1"})
    no_project = _post(desk.staff, "projects/999999/stages", {"year": 2028, "target": "x"})

    assert before_vote.status_code == 400 and before_vote.json()["code"] == "stage_before_vote"
    assert "2027" in before_vote.json()["fields"]["year"][0]
    assert negative.status_code == 400 and negative.json()["code"] == "funds_negative"
    assert far.status_code == 400 and blank.status_code == 400
    assert no_project.status_code in (400, 404)
    with tenant_context(world.town_a):
        from tenants.implementation.models import Stage

        assert not Stage.objects.exists()


def test_only_staff_read_and_change_stages_and_supervision_groups(desk: Desk, world: World) -> None:
    project = desk.underway.projects[0]
    stage = _post(
        desk.staff,
        f"projects/{project.pk}/stages",
        {"year": 2028, "target": "二期", "investment": "1"},
    ).json()
    deputy = desk.underway.voted.deputies[0].pk

    for client in (desk.unit, desk.deputy):
        assert _get(client, "stages").status_code == 403
        assert _get(client, "supervision-groups").status_code == 403
        assert client.delete(f"/api/v1/implementation/stages/{stage['id']}").status_code == 403
        by_them = _post(client, f"projects/{project.pk}/supervisors", {"deputy_ids": [deputy]})
        assert by_them.status_code == 403
        body = {"year": 2029, "target": "三期", "investment": "1"}
        assert _post(client, f"projects/{project.pk}/stages", body).status_code == 403
    with tenant_context(world.town_a):
        from tenants.implementation.models import Project, Stage

        assert list(Stage.objects.values_list("year", flat=True)) == [2028]
        assert Project.objects.get(pk=project.pk).supervisor_ids == []


def test_staff_set_a_supervision_group_and_read_every_projects_group(
    desk: Desk, world: World
) -> None:
    first, second = desk.underway.projects[:2]
    deputies = desk.underway.voted.deputies

    unknown = _post(desk.staff, f"projects/{first.pk}/supervisors", {"deputy_ids": [999999]})
    not_a_list = _post(desk.staff, f"projects/{first.pk}/supervisors", {"deputy_ids": "1"})
    set_ = _post(
        desk.staff,
        f"projects/{first.pk}/supervisors",
        {"deputy_ids": [deputies[1].pk, deputies[0].pk]},
    )
    groups = _get(desk.staff, f"supervision-groups?cycle={desk.underway.voted.cycle.pk}").json()

    assert unknown.status_code == 400 and unknown.json()["code"] == "deputy_unknown"
    assert not_a_list.status_code == 400
    assert set_.status_code == 200
    by_project = {g["project_id"]: g for g in groups}
    assert set(by_project) == {first.pk, second.pk}
    assert {d["name"] for d in by_project[first.pk]["supervisors"]} == {
        deputies[0].name,
        deputies[1].name,
    }
    assert by_project[second.pk]["supervisors"] == []
    cleared = _post(desk.staff, f"projects/{first.pk}/supervisors", {"deputy_ids": []})
    assert cleared.status_code == 200 and cleared.json()["supervisors"] == []

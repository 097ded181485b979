"""群众意见 over HTTP: the public form (online and by a station's QR code) with its tracking
code and rate limit, the staff console's steps, what a unit may see and do, and refusals:
bad input and wrong roles get a 4xx and write nothing; a county never edits a township's row."""

from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from audit.models import AuditEntry
from tenants.linkage.opinions.models import Opinion
from tests.api.conftest import seat_deputy_both
from tests.conftest import World, client_on
from tests.tenants.opinions.conftest import Units, make_station, make_unit, received

API = "/api/v1"


@pytest.fixture
def units(world: World) -> Units:
    return Units(
        town_roads=make_unit(world.town_a, "town-a-roads", "甲镇村建办"),
        county_water=make_unit(world.county, "county-water", "测试县水利局"),
    )


@pytest.fixture(autouse=True)
def _fresh_limits() -> None:
    cache.clear()


def _post(client: Client, path: str, body: Any = None) -> Any:
    return client.post(f"{API}/{path}", body or {}, content_type="application/json")


def _count(congress: Any) -> tuple[int, int]:
    with tenant_context(congress):
        return Opinion.objects.count(), AuditEntry.objects.count()


OPINION = {
    "content": "东村桥面破损，雨天积水。",
    "citizen_name": "王秀英",
    "citizen_phone": "13912345678",
}


def test_a_citizen_submits_by_the_stations_qr_code_and_follows_it(world: World) -> None:
    station = make_station(world.town_a)
    public = client_on(world.town_a)

    shown = public.get(f"{API}/public/opinions/stations/{station.pk}")
    created = _post(public, "public/opinions", {**OPINION, "station": station.pk})

    assert shown.status_code == 200 and shown.json()["name"] == "甲镇东村代表联络站"
    assert created.status_code == 201
    code = created.json()["tracking_code"]
    page = public.get(f"{API}/public/opinions/{code.lower()}").json()
    assert (page["status"], page["channel"], page["station"]) == (
        "received",
        "qr_code",
        station.name,
    )
    assert "13912345678" not in str(page) and "王秀英" not in str(page)
    assert public.get(f"{API}/public/opinions/ZZZZ9999").status_code == 404


def test_bad_public_input_is_refused_and_nothing_is_written(world: World) -> None:
    public = client_on(world.town_a)
    before = _count(world.town_a)
    for body in (
        {**OPINION, "content": ""},
        {**OPINION, "citizen_phone": "12345"},
        {**OPINION, "category": "roads"},
        {**OPINION, "station": 999999},
        {"content": "只有内容"},
    ):
        response = _post(public, "public/opinions", body)
        assert response.status_code == 400, body
    assert _count(world.town_a) == before


def test_the_public_form_is_rate_limited_like_the_proposal_form(world: World) -> None:
    public = client_on(world.town_a)
    codes = [_post(public, "public/opinions", OPINION).status_code for _ in range(6)]
    assert codes == [201] * 5 + [429]
    # The proposal form keeps its own counter.
    assert _post(public, "public/voting/proposals", {}).status_code != 429


def test_staff_take_it_through_the_loop_and_the_citizen_rates_it(
    world: World, units: Units
) -> None:
    staff = client_on(world.town_a, world.staff_a)
    public = client_on(world.town_a)
    code = _post(public, "public/opinions", OPINION).json()["tracking_code"]
    row = staff.get(f"{API}/opinions", {"q": code}).json()["results"][0]
    assert (row["citizen_name"], row["citizen_phone"], row["clock"]) == (
        "王**",
        "139****5678",
        "stopped",
    )
    pk = row["id"]

    assert _post(staff, f"opinions/{pk}/sort", {"category": "transport"}).status_code == 200
    assigned = _post(staff, f"opinions/{pk}/assign", {"unit_user_id": units.town_roads.pk}).json()
    assert assigned["status"] == "assigned" and assigned["clock"] == "running"
    assert assigned["citizen_phone"] == "13912345678"  # staff call the citizen back
    assert "escalate" in assigned["actions"] and "decline" in assigned["actions"]

    unit = client_on(world.town_a, units.town_roads)
    unit_view = unit.get(f"{API}/opinions/{pk}").json()
    assert unit_view["citizen_phone"] == "139****5678" and unit_view["actions"] == []
    assert _post(unit, f"opinions/{pk}/handle").json()["status"] == "handling"
    assert (
        _post(unit, f"opinions/{pk}/reply", {"answer": "已安排维修，月底完工。"}).json()["status"]
        == "replied"
    )

    page = public.get(f"{API}/public/opinions/{code}").json()
    assert page["answer"] == "已安排维修，月底完工。" and page["can_rate"]
    rated = _post(public, f"public/opinions/{code}/rating", {"rating": "basically_satisfied"})
    assert rated.status_code == 200 and rated.json()["status"] == "closed"
    again = _post(public, f"public/opinions/{code}/rating", {"rating": "dissatisfied"})
    assert again.status_code == 400 and again.json()["code"] == "wrong_status"


def test_a_unit_sees_only_what_was_assigned_to_it_and_cannot_steer_the_loop(
    world: World, units: Units
) -> None:
    mine = received(world.town_a)
    theirs = received(world.town_a, content="学校门口缺少红绿灯。")
    staff = client_on(world.town_a, world.staff_a)
    _post(staff, f"opinions/{mine.pk}/assign", {"unit_user_id": units.town_roads.pk})
    other_unit = make_unit(world.town_a, "town-a-edu", "甲镇教育办")
    _post(staff, f"opinions/{theirs.pk}/assign", {"unit_user_id": other_unit.pk})
    unit = client_on(world.town_a, units.town_roads)

    listed = unit.get(f"{API}/opinions").json()
    assert [row["id"] for row in listed["results"]] == [mine.pk]
    assert unit.get(f"{API}/opinions/{theirs.pk}").status_code == 404
    assert _post(unit, f"opinions/{theirs.pk}/reply", {"answer": "越权答复"}).status_code == 404
    for action, body in (
        ("assign", {"unit_name": "别的单位"}),
        ("escalate", {"note": "上报"}),
        ("decline", {"kind": "litigation", "reason": "诉讼"}),
        ("extend", {"reason": "复杂"}),
    ):
        assert _post(unit, f"opinions/{mine.pk}/{action}", body).status_code == 403, action
    assert _post(unit, "opinions", OPINION).status_code == 403
    assert unit.get(f"{API}/opinions/units").status_code == 403
    with tenant_context(world.town_a):
        assert Opinion.objects.get(pk=theirs.pk).answer == ""


def test_the_county_cannot_reach_a_townships_opinion(world: World, units: Units) -> None:
    opinion = received(world.town_a)
    before = _count(world.town_a)
    county_host = client_on(world.county, world.county_admin)
    township = "town-a.localhost"  # the county's session on the township's host

    read = county_host.get(f"{API}/opinions/{opinion.pk}", HTTP_HOST=township)
    edit = county_host.post(
        f"{API}/opinions/{opinion.pk}/assign",
        {"unit_name": "县局"},
        content_type="application/json",
        HTTP_HOST=township,
    )
    # Refused, and the session is ended on the first foreign request (so the next is a 401).
    assert read.status_code == 403 and read.json()["code"] == "tenant_mismatch"
    assert edit.status_code in (401, 403)
    county_host = client_on(world.county, world.county_admin)
    # On its own host the county reaches its own rows only, whatever their ids.
    _post(county_host, f"opinions/{opinion.pk}/reply", {"answer": "县里答复"})
    assert _count(world.town_a) == before
    with tenant_context(world.town_a):
        assert Opinion.objects.get(pk=opinion.pk).answer == ""


def test_an_empty_category_is_refused_as_empty_naming_the_field(world: World) -> None:
    opinion = received(world.town_a)
    staff = client_on(world.town_a, world.staff_a)

    response = staff.post(
        f"{API}/opinions/{opinion.pk}/sort",
        {"category": ""},
        content_type="application/json",
        headers={"Accept-Language": "zh-hans"},
    )

    assert response.status_code == 400
    assert response.json()["detail"] == "类别：该字段不能为空。"
    assert response.json()["fields"] == {"category": ["该字段不能为空。"]}


def test_bad_staff_input_is_refused_and_nothing_is_written(world: World, units: Units) -> None:
    opinion = received(world.town_a)
    staff = client_on(world.town_a, world.staff_a)
    before = _count(world.town_a)
    refusals = [
        ("opinions", {"content": "", "citizen_name": "张三"}, 400),
        ("opinions", {**OPINION, "deputy_id": 999999}, 400),
        (f"opinions/{opinion.pk}/sort", {"category": "roads"}, 400),
        (f"opinions/{opinion.pk}/assign", {}, 400),
        (f"opinions/{opinion.pk}/assign", {"unit_user_id": units.county_water.pk}, 400),
        (f"opinions/{opinion.pk}/assign", {"unit_name": "镇村建办", "due_on": "2020-01-01"}, 400),
        (f"opinions/{opinion.pk}/decline", {"kind": "litigation", "reason": ""}, 400),
        (f"opinions/{opinion.pk}/decline", {"kind": "gossip", "reason": "不受理"}, 400),
        (f"opinions/{opinion.pk}/escalate", {"note": ""}, 400),
        (f"opinions/{opinion.pk}/reply", {"answer": "未交办就答复"}, 400),
        (f"opinions/{opinion.pk}/extend", {"reason": "未交办就延期"}, 400),
        (f"opinions/{opinion.pk}/close", None, 400),
        ("opinions/999999/assign", {"unit_name": "镇村建办"}, 404),
        ("opinions/policy", None, 405),
    ]
    for path, body, code in refusals:
        response = _post(staff, path, body)
        assert response.status_code == code, (path, body, response.json())
        assert "code" in response.json() if code != 405 else True
    bad_policy = staff.put(
        f"{API}/opinions/policy",
        {"answer_months": 6, "extended_months": 3, "reanswer_months": 1, "due_soon_days": 7},
        content_type="application/json",
    )
    assert bad_policy.status_code == 400
    assert _count(world.town_a) == before


def test_deputies_and_strangers_are_kept_out(world: World) -> None:
    opinion = received(world.town_a)
    deputy = client_on(world.town_a, world.deputy_both)
    anonymous = client_on(world.town_a)
    assert deputy.get(f"{API}/opinions").status_code == 403
    assert anonymous.get(f"{API}/opinions").status_code in (401, 403)
    # Not the deputy who received it: nothing to say about its answer.
    response = _post(deputy, f"opinions/{opinion.pk}/deputy-dissatisfied", {"comment": "不满意"})
    assert response.status_code == 404


def test_the_receiving_deputy_can_ask_for_a_new_answer(world: World, units: Units) -> None:
    seat = seat_deputy_both(world)
    staff = client_on(world.town_a, world.staff_a)
    pk = _post(
        staff, "opinions", {**OPINION, "category": "transport", "deputy_id": seat.pk}
    ).json()["id"]
    _post(staff, f"opinions/{pk}/assign", {"unit_user_id": units.town_roads.pk})
    _post(staff, f"opinions/{pk}/reply", {"answer": "已处理"})
    deputy = client_on(world.town_a, world.deputy_both)
    # The deputy follows it on the phone: the answer, and whether they may still object.
    mine = {row["id"]: row for row in deputy.get(f"{API}/opinions/mine").json()["results"]}
    assert (mine[pk]["answer"], mine[pk]["can_dissent"]) == ("已处理", True)
    assert "citizen_phone" not in mine[pk] and "citizen_name" not in mine[pk]
    assert client_on(world.town_a, world.staff_a).get(f"{API}/opinions/mine").status_code == 403

    response = _post(deputy, f"opinions/{pk}/deputy-dissatisfied", {"comment": "群众反映仍未修好"})
    assert response.status_code == 204
    detail = staff.get(f"{API}/opinions/{pk}").json()
    assert (detail["status"], detail["round"], detail["deputy_name"]) == ("reopened", 2, "代表甲")
    mine = {row["id"]: row for row in deputy.get(f"{API}/opinions/mine").json()["results"]}
    assert (mine[pk]["status"], mine[pk]["can_dissent"]) == ("reopened", False)


def test_a_deputy_logs_an_opinion_collected_from_constituents(world: World) -> None:
    from tenants.linkage.duty.models import DutyEntry
    from tenants.linkage.stations.services import residency_add

    seat = seat_deputy_both(world)
    station = make_station(world.town_a)
    with tenant_context(world.town_a):
        residency_add(station=station, deputy=seat, actor=None)
    deputy = client_on(world.town_a, world.deputy_both)

    created = _post(
        deputy, "opinions/mine", {**OPINION, "category": "transport", "station_id": station.pk}
    )

    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["status"], body["station_name"]) == ("sorted", "甲镇东村代表联络站")
    assert "citizen_phone" not in body
    mine = deputy.get(f"{API}/opinions/mine").json()["results"]
    assert [row["id"] for row in mine] == [body["id"]]
    detail = client_on(world.town_a, world.staff_a).get(f"{API}/opinions/{body['id']}").json()
    assert (detail["channel"], detail["deputy_name"]) == ("reception", "代表甲")
    assert detail["citizen_phone"] == "13912345678"
    with tenant_context(world.town_a):
        assert DutyEntry.objects.filter(deputy=seat, source_ref=f"opinion:{body['id']}").exists()


def test_a_deputys_bad_opinion_is_refused_and_nothing_is_written(world: World) -> None:
    deputy = client_on(world.town_a, world.deputy_both)
    # Not (yet) on the roster: a deputy's account without a seat.
    no_seat = _post(deputy, "opinions/mine", OPINION)
    assert no_seat.status_code == 403 and no_seat.json()["code"] == "not_a_deputy"
    seat_deputy_both(world)
    elsewhere = make_station(world.town_a, "甲镇西村代表联络站")  # not stationed there
    before = _count(world.town_a)
    for body, code in (
        ({**OPINION, "content": "  "}, "invalid"),
        ({**OPINION, "citizen_name": ""}, "invalid"),
        ({**OPINION, "citizen_phone": "12345"}, "invalid"),
        ({**OPINION, "category": "weather"}, "invalid"),
        ({**OPINION, "station_id": 999999}, "station_unknown"),
        ({**OPINION, "station_id": elsewhere.pk}, "opinion_station_not_yours"),
    ):
        response = _post(deputy, "opinions/mine", body)
        assert response.status_code == 400, (body, response.content)
        assert response.json()["code"] == code, body
    refused = deputy.post(
        f"{API}/opinions/mine",
        {**OPINION, "station_id": elsewhere.pk},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    assert refused.json()["detail"] == "您未在该联络站进站，请选择您进站的联络站或不选。"
    # Staff log opinions on the console, not as a deputy; strangers not at all.
    assert (
        _post(client_on(world.town_a, world.staff_a), "opinions/mine", OPINION).status_code == 403
    )
    assert _post(client_on(world.town_a), "opinions/mine", OPINION).status_code in (401, 403)
    assert _count(world.town_a)[0] == before[0]  # (the staff's login is audited)


def _queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def test_the_list_costs_the_same_for_3_and_30_opinions(world: World) -> None:
    station = make_station(world.town_b, "乙镇代表联络站")
    for _ in range(3):
        received(world.town_b, station=station)
    staff = client_on(world.town_b, world.staff_b)
    few = _queries(staff, f"{API}/opinions")
    for _ in range(27):
        received(world.town_b, station=station)
    assert _queries(staff, f"{API}/opinions") == few


def test_refusals_speak_the_callers_language(world: World) -> None:
    opinion = received(world.town_a)
    with tenant_context(world.town_a):
        Opinion.objects.filter(pk=opinion.pk).update(status="closed")
    staff = client_on(world.town_a, world.staff_a)
    english = staff.post(
        f"{API}/opinions/{opinion.pk}/escalate",
        {"note": "beyond us"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    chinese = _post(staff, f"opinions/{opinion.pk}/escalate", {"note": "超出职权"})
    assert english.json() == {
        "code": "wrong_status",
        "detail": "This opinion is Closed: you cannot escalate it.",
    }
    assert chinese.json()["detail"] == "该意见当前已办结，不能上报上级。"

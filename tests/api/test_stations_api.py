"""Stations and the roster import over HTTP: who may do what, bad input answered with a 4xx and
nothing written, the public page showing only what is public."""

from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from crossing.services import dispatch_deliver_pending
from tenants.deputies.models import Deputy
from tenants.linkage.stations.models import ReceptionDay, Station
from tests.conftest import World, client_on
from tests.factories import XLSX, make_term, roster_xlsx
from tests.tenants.activities.factories import make_seat
from tests.tenants.stations.factories import make_checklist, make_deputy, make_station

API = "/api/v1"


def _xlsx(rows: list[list[Any]]) -> SimpleUploadedFile:
    return SimpleUploadedFile("名册.xlsx", roster_xlsx(rows), content_type=XLSX)


def test_staff_import_a_roster_and_get_the_report_per_row(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
    staff = client_on(world.town_a, world.staff_a)
    upload = _xlsx(
        [
            ["刘一", "男", "乡镇", "第1选区", "", "", "13600000001"],
            ["陈二", "女", "乡镇", "第1选区", "", "", "12345"],
        ]
    )

    response = staff.post(f"{API}/deputies/import", {"file": upload})

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["created"], body["failed"]) == (1, 1)
    assert body["problems"] == [{"row": 3, "field": "手机号", "reason": "应为 11 位手机号码"}]
    listed = staff.get(f"{API}/deputies").json()["results"]
    assert [d["phone"] for d in listed if d["name"] == "刘一"] == ["136****0001"]
    detail = staff.get(f"{API}/deputies/{listed[0]['id']}").json()
    assert detail["phone"] == "13600000001"


def test_a_deputy_cannot_import_or_download_the_template(world: World) -> None:
    deputy = client_on(world.town_a, world.deputy_both)

    assert deputy.post(f"{API}/deputies/import", {"file": _xlsx([])}).status_code == 403
    assert deputy.get(f"{API}/deputies/import-template").status_code == 403


def test_a_file_that_is_not_xlsx_is_a_400_and_nothing_is_stored(world: World) -> None:
    with tenant_context(world.town_a):
        make_term()
        before = Deputy.objects.count()
    staff = client_on(world.town_a, world.staff_a)
    csv = SimpleUploadedFile("名册.xlsx", "姓名,手机号\n张三,13600000001\n".encode(), "text/csv")

    not_xlsx = staff.post(f"{API}/deputies/import", {"file": csv})
    no_file = staff.post(f"{API}/deputies/import", {})

    assert not_xlsx.status_code == 400 and not_xlsx.json()["code"] == "import_file_invalid"
    assert no_file.status_code == 400
    with tenant_context(world.town_a):
        assert Deputy.objects.count() == before


def test_the_template_downloads_as_a_workbook(world: World) -> None:
    response = client_on(world.town_a, world.staff_a).get(f"{API}/deputies/import-template")

    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert response.content[:2] == b"PK"


def test_staff_link_a_deputy_to_an_account_by_username(world: World) -> None:
    with tenant_context(world.town_b):
        deputy = make_deputy("双重身份", phone="13600000077")
    staff = client_on(world.town_b, world.staff_b)

    linked = staff.post(
        f"{API}/deputies/{deputy.pk}/link", {"login": "deputy-both"}, "application/json"
    )
    unknown = staff.post(
        f"{API}/deputies/{deputy.pk}/link", {"login": "nobody"}, "application/json"
    )

    assert linked.status_code == 200 and linked.json()["linked"] is True
    assert unknown.status_code == 400 and unknown.json()["code"] == "deputy_login_unknown"
    assert client_on(world.town_b, world.deputy_both).get(f"{API}/stations").status_code == 200


def test_a_deputy_reads_stations_but_cannot_create_or_edit_them(world: World) -> None:
    with tenant_context(world.town_a):
        station = make_station()
    deputy = client_on(world.town_a, world.deputy_both)
    body = {"name": "新站", "tier": "station", "address": "某路"}

    assert deputy.get(f"{API}/stations").status_code == 200
    assert deputy.post(f"{API}/stations", body, "application/json").status_code == 403
    assert deputy.patch(f"{API}/stations/{station.pk}", body, "application/json").status_code == 403
    assert (
        deputy.put(
            f"{API}/stations/{station.pk}/staff", {"staff": []}, "application/json"
        ).status_code
        == 403
    )
    assert (
        deputy.post(
            f"{API}/stations/checklist", {"title": "x", "weight": 5}, "application/json"
        ).status_code
        == 403
    )
    with tenant_context(world.town_a):
        assert Station.objects.filter(name="新站").count() == 0


def test_an_anonymous_caller_is_refused_the_console(world: World) -> None:
    assert client_on(world.town_a).get(f"{API}/stations").status_code in (401, 403)


def test_bad_station_input_is_a_400(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    bad_tier = staff.post(
        f"{API}/stations", {"name": "x", "tier": "palace", "address": "y"}, "application/json"
    )
    no_name = staff.post(
        f"{API}/stations", {"name": " ", "tier": "station", "address": "y"}, "application/json"
    )

    assert bad_tier.status_code == 400 and no_name.status_code == 400
    with tenant_context(world.town_a):
        assert not Station.objects.exists()


def test_staff_edit_a_station_and_the_page_shows_the_new_fields(world: World) -> None:
    with tenant_context(world.town_a):
        station = make_station()
    staff = client_on(world.town_a, world.staff_a)
    body = {
        "opening_hours": "每周三 9:00-12:00",
        "phone": "0791-7654321",
        "introduction": "设调解区",
    }

    response = staff.patch(f"{API}/stations/{station.pk}", body, "application/json")

    assert response.status_code == 200, response.content
    changed = staff.get(f"{API}/stations/{station.pk}").json()
    assert {k: changed[k] for k in body} == body
    assert changed["name"] == "甲镇人大代表联络站"  # a field left out keeps its value


def test_a_bad_station_edit_is_a_translated_400_and_changes_nothing(world: World) -> None:
    with tenant_context(world.town_a):
        station = make_station()
        point = make_station("东村联络点", tier="point")
    staff = client_on(world.town_a, world.staff_a)
    url = f"{API}/stations/{station.pk}"

    for body, code in (
        ({"name": "  "}, "invalid"),
        ({"address": ""}, "invalid"),
        ({"tier": "palace"}, "invalid"),
        ({"parent": station.pk}, "station_parent_invalid"),
        ({"parent": point.pk}, "station_parent_invalid"),  # a point is below a station
        ({"phone": "1" * 21}, "invalid"),
    ):
        response = staff.patch(url, body, "application/json", HTTP_ACCEPT_LANGUAGE="zh-hans")
        assert response.status_code == 400, (body, response.content)
        assert response.json()["code"] == code, body
    assert (
        staff.patch(f"{API}/stations/999999", {"name": "x"}, "application/json").status_code == 404
    )
    refused = staff.patch(
        url, {"parent": station.pk}, "application/json", HTTP_ACCEPT_LANGUAGE="zh-hans"
    )
    assert refused.json()["detail"] == "上级站不能是本站。"
    blank = staff.patch(url, {"name": " "}, "application/json", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert "name" in blank.json()["fields"]
    with tenant_context(world.town_a):
        station.refresh_from_db()
        assert (station.name, station.address, station.parent_id) == (
            "甲镇人大代表联络站",
            "甲镇人民路 1 号",
            None,
        )


def test_postings_staff_see_all_of_their_deputies_a_deputy_only_their_own(world: World) -> None:
    posted = make_seat(world.county, "县代表进站甲")
    other = make_seat(world.county, "县代表未进站乙")
    township = client_on(world.town_a, world.staff_a)
    station = township.post(
        f"{API}/stations",
        {"name": "甲镇联络站", "tier": "station", "address": "甲镇"},
        "application/json",
    ).json()
    found = township.get(f"{API}/directory/deputies", {"search": posted.deputy.name}).json()
    listing = next(d["id"] for d in found["results"] if d["congress_name"] == world.county.name)
    township.post(
        f"{API}/stations/{station['id']}/residents", {"listing": listing}, "application/json"
    )
    dispatch_deliver_pending()
    url = f"{API}/stations/postings"

    by_staff = client_on(world.county, world.county_admin).get(url)
    by_posted = client_on(world.county, posted.user).get(url)
    by_other = client_on(world.county, other.user).get(url)

    assert by_staff.status_code == 200
    assert [
        (p["deputy_name"], p["station_name"], p["origin_congress_name"]) for p in by_staff.json()
    ] == [("县代表进站甲", "甲镇联络站", world.town_a.name)]
    assert [p["deputy_name"] for p in by_posted.json()] == ["县代表进站甲"]
    assert by_other.json() == []
    assert township.get(url).json() == []  # the township's own deputies are posted nowhere
    assert client_on(world.county).get(url).status_code in (401, 403)


def test_the_console_flow_staff_residents_rota_and_assessment(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        local = make_deputy("镇代表吴一")
        items = make_checklist()
    with tenant_context(world.county):
        county_deputy = make_deputy("县代表郑二", level="county", phone="13600000088")

    created = staff.post(
        f"{API}/stations",
        {"name": "甲镇联络站", "tier": "station", "address": "甲镇"},
        "application/json",
    )
    station_id = created.json()["id"]
    directory = staff.get(f"{API}/directory/deputies", {"search": "郑二"}).json()["results"]
    mine = staff.post(
        f"{API}/stations/{station_id}/residents", {"deputy": local.pk}, "application/json"
    )
    guest = staff.post(
        f"{API}/stations/{station_id}/residents",
        {"listing": directory[0]["id"]},
        "application/json",
    )
    on = (timezone.localdate() + timedelta(days=5)).isoformat()
    reception = staff.post(
        f"{API}/stations/{station_id}/receptions",
        {
            "date": on,
            "starts_at": "09:00",
            "ends_at": "11:30",
            "topic": "住房",
            "on_duty": [mine.json()["id"], guest.json()["id"]],
        },
        "application/json",
    )
    published = staff.post(f"{API}/stations/receptions/{reception.json()['id']}/publish")
    scores = {"scores": [{"item": i.pk, "score": i.weight} for i in items]}
    assessed = staff.post(
        f"{API}/stations/{station_id}/assessments/2026/self", scores, "application/json"
    )
    submission = staff.get(f"{API}/supervision/star-reviews", {"scope": "own"}).json()[0]
    own_review = staff.post(
        f"{API}/supervision/star-reviews/{submission['id']}/decide",
        {"award": True, "stars": 5, "reason": "自评"},
        "application/json",
    )
    reviewed = client_on(world.town_a, world.deputy_both).get(
        f"{API}/stations/{station_id}/assessments/2026"
    )

    assert created.status_code == 201
    assert [(d["name"], d["congress_name"]) for d in directory] == [
        ("县代表郑二", world.county.name)
    ]
    assert "phone" not in directory[0]
    assert mine.status_code == 201 and guest.status_code == 201 and guest.json()["is_guest"]
    assert reception.status_code == 201 and published.status_code == 200
    assert assessed.json()["state"] == "submitted" and assessed.json()["self_total"] == "100.00"
    assert own_review.status_code == 403 and own_review.json()["code"] == "not_reviewer"
    assert reviewed.json()["state"] == "submitted"
    assert county_deputy.pk == directory[0]["deputy_id"]


def test_the_public_page_shows_the_published_rota_only_and_no_personal_phone(world: World) -> None:
    with tenant_context(world.town_a):
        station = make_station()
        resident = make_deputy("公开代表", phone="13611112222")
        from tenants.linkage.stations.services import residency_add, station_staff_set

        on_duty = residency_add(station=station, deputy=resident, actor=None)
        station_staff_set(
            station=station,
            actor=None,
            staff=[{"name": "站长", "duty": "head", "phone": "13633334444"}],
        )
        day = timezone.localdate() + timedelta(days=6)
        shown = ReceptionDay.objects.create(
            station=station,
            date=day,
            starts_at="09:00",
            ends_at="11:00",
            published_at=timezone.now(),
        )
        shown.on_duty.set([on_duty])
        ReceptionDay.objects.create(station=station, date=day, starts_at="14:00", ends_at="16:00")
    anonymous = client_on(world.town_a)

    page = anonymous.get(f"{API}/public/stations/{station.pk}")
    qr = anonymous.get(f"{API}/public/stations/{station.pk}/qr.svg")

    assert page.status_code == 200
    body = page.json()
    assert [r["id"] for r in body["rota"]] == [shown.pk]
    assert body["rota"][0]["on_duty"][0]["name"] == "公开代表"
    assert body["opinion_path"] == f"/portal/opinions/new?station={station.pk}"
    assert "13611112222" not in page.content.decode() and "13633334444" not in page.content.decode()
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b'<svg xmlns="http://www.w3.org/2000/svg"')
    assert anonymous.get(f"{API}/public/stations/999999").status_code == 404


def test_the_station_list_costs_the_same_for_2_and_12_stations(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        for i in range(2):
            make_station(f"站{i}")

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"{API}/stations").status_code == 200
        return len(captured.captured_queries)

    few = count()
    with tenant_context(world.town_a):
        for i in range(10):
            make_station(f"又一站{i}")
    assert count() == few

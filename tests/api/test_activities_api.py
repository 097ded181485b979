"""Activities and duty records over HTTP: the county organises and invites from the directory,
a township deputy answers and signs in on their own host, staff and deputies are kept to their
parts, and bad input writes nothing."""

import datetime as dt
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.utils import timezone
from django_tenants.utils import tenant_context

from crossing.services import dispatch_deliver_pending
from tenants.linkage.activities.models import Activity
from tenants.linkage.duty.models import DutyEntry
from tests.conftest import World, client_on, post_json
from tests.tenants.activities.factories import make_joint, make_seat


def _create_body(
    world: World, picks: list[tuple[int, int]], **changes: object
) -> dict[str, object]:
    starts = timezone.now() + dt.timedelta(days=3)
    body: dict[str, object] = {
        "kind": "law_enforcement",
        "title": "《水污染防治法》执法检查",
        "place": "县生态环境局",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + dt.timedelta(hours=3)).isoformat(),
        "internal_notes": "仅限内部",
        "invitees": [{"congress": c, "deputy": d} for c, d in picks],
    }
    body.update(changes)
    return body


def test_staff_pick_invitees_from_the_directory_and_create_an_activity(world: World) -> None:
    seat_a = make_seat(world.town_a, "甲镇代表API")
    seat_city = make_seat(world.city, "市代表API")
    staff = client_on(world.county, world.county_admin)

    candidates = staff.get("/api/v1/activities/invitee-candidates", {"search": "API"}).json()
    assert {c["name"] for c in candidates} == {"甲镇代表API", "市代表API"}
    response = post_json(
        staff,
        "/api/v1/activities",
        _create_body(world, [(c["congress_id"], c["deputy_id"]) for c in candidates]),
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organised_here"] is True
    assert {i["name"] for i in body["invitations"]} == {"甲镇代表API", "市代表API"}
    dispatch_deliver_pending()

    listed = client_on(world.town_a, world.staff_a).get("/api/v1/activities").json()
    copy = next(a for a in listed if a["title"] == "《水污染防治法》执法检查")
    assert copy["organised_here"] is False
    detail = client_on(world.town_a, world.staff_a).get(f"/api/v1/activities/{copy['id']}").json()
    assert detail["internal_notes"] == ""
    assert [i["name"] for i in detail["invitations"]] == ["甲镇代表API"]
    mine = client_on(world.town_a, seat_a.user).get("/api/v1/me/activities").json()
    assert [m["activity"]["title"] for m in mine] == ["《水污染防治法》执法检查"]
    assert client_on(world.city, seat_city.user).get("/api/v1/me/tasks").json()["rsvp"]


def test_bad_input_is_refused_and_nothing_is_written(world: World) -> None:
    seat = make_seat(world.town_a, "甲镇代表坏")
    sibling = make_seat(world.town_b, "乙镇代表坏")
    staff = client_on(world.town_a, world.staff_a)
    with tenant_context(world.town_a):
        before = Activity.objects.count()
    good = [(world.town_a.pk, seat.deputy.pk)]
    for body, code in (
        (_create_body(world, good, kind="party"), "invalid"),
        (_create_body(world, []), "invalid"),
        (_create_body(world, good, ends_at=(timezone.now()).isoformat()), "activity_times_invalid"),
        (_create_body(world, [(world.town_b.pk, sibling.deputy.pk)]), "invitee_unknown"),
        (_create_body(world, [(world.town_a.pk, 999999)]), "invitee_unknown"),
    ):
        response = post_json(staff, "/api/v1/activities", body)
        assert response.status_code == 400, (body, response.content)
        assert response.json()["code"] == code
    with tenant_context(world.town_a):
        assert Activity.objects.count() == before


def test_staff_invite_more_deputies_and_no_one_is_invited_twice(world: World) -> None:
    joint = make_joint(world)
    extra = make_seat(world.town_a, "甲镇代表追加")
    staff = client_on(world.county, world.county_admin)
    url = f"/api/v1/activities/{joint.activity.pk}/invitations"
    picks = [(world.town_a.pk, extra.deputy.pk), (world.town_a.pk, joint.town_a.deputy.pk)]

    response = post_json(staff, url, {"invitees": [{"congress": c, "deputy": d} for c, d in picks]})

    assert response.status_code == 200, response.content
    invitations = response.json()["invitations"]
    assert len(invitations) == 5  # the one already invited is not invited again
    assert {(i["congress_id"], i["deputy_ref"]) for i in invitations} >= set(picks)
    dispatch_deliver_pending()
    mine = client_on(world.town_a, extra.user).get("/api/v1/me/activities").json()
    assert [m["activity"]["title"] for m in mine] == [joint.activity.title]


def test_bad_invitations_are_refused_and_nothing_is_written(world: World) -> None:
    joint = make_joint(world)
    sibling = make_seat(world.town_b, "乙镇代表追加")
    staff = client_on(world.county, world.county_admin)
    url = f"/api/v1/activities/{joint.activity.pk}/invitations"

    def invite(client: Any, picks: list[tuple[int, int]], to: str = url) -> Any:
        body = {"invitees": [{"congress": c, "deputy": d} for c, d in picks]}
        return post_json(client, to, body, HTTP_ACCEPT_LANGUAGE="zh-hans")

    for picks, code in (
        ([], "invalid"),
        ([(world.county.pk, 999999)], "invitee_unknown"),
        ([(0, sibling.deputy.pk)], "invalid"),
    ):
        response = invite(staff, picks)
        assert response.status_code == 400, (picks, response.content)
        assert response.json()["code"] == code
    assert invite(staff, [(world.county.pk, 999999)]).json()["detail"]
    assert invite(staff, [], to="/api/v1/activities/999999/invitations").status_code == 400
    good = [(world.town_b.pk, sibling.deputy.pk)]
    assert invite(staff, good, to="/api/v1/activities/999999/invitations").status_code == 404
    # A deputy is not staff; the township's staff only read the copy they were sent.
    assert invite(client_on(world.county, joint.county.user), good).status_code == 403
    town_staff = client_on(world.town_a, world.staff_a)
    copy = next(
        a for a in town_staff.get("/api/v1/activities").json() if a["title"] == joint.activity.title
    )
    refused = invite(town_staff, good, to=f"/api/v1/activities/{copy['id']}/invitations")
    assert refused.status_code == 403 and refused.json()["code"] == "activity_not_organiser"
    # A cancelled activity invites no one.
    post_json(staff, f"/api/v1/activities/{joint.activity.pk}/cancel", {"reason": "天气原因"})
    cancelled = invite(staff, good)
    assert cancelled.status_code == 409 and cancelled.json()["code"] == "activity_cancelled"
    assert "活动已取消" in cancelled.json()["detail"]
    with tenant_context(world.county):
        assert joint.activity.invitations.count() == 4


def test_roles_keep_staff_and_deputies_to_their_pages(world: World) -> None:
    joint = make_joint(world)
    deputy = client_on(world.town_a, joint.town_a.user)
    assert deputy.get("/api/v1/activities").status_code == 403
    assert post_json(deputy, "/api/v1/duty/rules", {}).status_code == 403
    assert client_on(world.town_a, world.staff_a).get("/api/v1/me/activities").status_code == 403
    # A county deputy is not county staff.
    assert client_on(world.county, joint.county.user).get("/api/v1/activities").status_code == 403
    # The township's staff see the copy but cannot open the sign-in on it.
    copy = client_on(world.town_a, world.staff_a).get("/api/v1/activities").json()[0]
    refused = post_json(
        client_on(world.town_a, world.staff_a),
        f"/api/v1/activities/{copy['id']}/sign-in",
        {"minutes": 30},
    )
    assert refused.status_code == 403
    # A deputy answers only their own invitations.
    other = make_seat(world.town_a, "甲镇代表旁")
    mine = deputy.get("/api/v1/me/activities").json()[0]
    response = post_json(
        client_on(world.town_a, other.user),
        f"/api/v1/me/invitations/{mine['id']}/respond",
        {"accept": True},
    )
    assert response.status_code == 404


def test_a_township_deputy_signs_in_on_their_own_host_by_the_qr_link(world: World) -> None:
    joint = make_joint(world, starts_in=dt.timedelta(minutes=30))
    staff = client_on(world.county, world.county_admin)
    opened = post_json(staff, f"/api/v1/activities/{joint.activity.pk}/sign-in", {"minutes": 90})
    assert opened.status_code == 200, opened.content
    dispatch_deliver_pending()
    codes = staff.get(f"/api/v1/activities/{joint.activity.pk}/sign-in").json()
    by_congress = {c["congress_name"]: c for c in codes}
    assert set(by_congress) == {
        world.city.name,
        world.county.name,
        world.town_a.name,
        world.town_b.name,
    }
    code = by_congress[world.town_a.name]
    assert code["svg"].startswith("<svg")
    link = urlparse(code["url"])
    assert link.hostname == "town-a.localhost" and link.path == "/me/check-in"
    query = {k: v[0] for k, v in parse_qs(link.query).items()}

    deputy = client_on(world.town_a, joint.town_a.user)
    bad = post_json(
        deputy,
        "/api/v1/me/check-in",
        {"organiser": query["org"], "ref": query["ref"], "token": "forged"},
    )
    assert bad.status_code == 400 and bad.json()["code"] == "sign_in_token_invalid"
    response = post_json(
        deputy,
        "/api/v1/me/check-in",
        {"organiser": query["org"], "ref": query["ref"], "token": query["t"]},
    )
    assert response.status_code == 200, response.content
    assert response.json()["signed_in_at"]
    record = deputy.get("/api/v1/me/record", {"year": joint.activity.starts_at.year}).json()
    assert [(e["kind"], e["points"]) for e in record["entries"]] == [("inspection", "3")]
    assert record["score"] == "63.0" and record["band"] == "fair"
    # Staff cannot sign in for a deputy.
    staff_b = client_on(world.town_b, world.staff_b)
    assert post_json(staff_b, "/api/v1/me/check-in", {}).status_code == 403


def test_the_sign_in_does_not_open_days_before_the_activity(world: World) -> None:
    joint = make_joint(world, starts_in=dt.timedelta(days=2))
    staff = client_on(world.county, world.county_admin)

    refused = post_json(
        staff,
        f"/api/v1/activities/{joint.activity.pk}/sign-in",
        {"minutes": 90},
        headers={"Accept-Language": "zh-hans"},
    )

    assert refused.status_code == 400 and refused.json()["code"] == "sign_in_too_early"
    assert refused.json()["detail"].startswith("签到须在活动开始前 2 小时内开启")
    with tenant_context(world.county):
        joint.activity.refresh_from_db()
        assert joint.activity.sign_in_token == ""


def test_staff_record_a_suggestion_and_decide_an_objection(world: World) -> None:
    seat = make_seat(world.town_b, "乙镇建议代表")
    staff = client_on(world.town_b, world.staff_b)
    today = timezone.localdate()
    recorded = post_json(
        staff,
        "/api/v1/duty/entries",
        {
            "deputy": seat.deputy.pk,
            "kind": "suggestion",
            "source_ref": "2026-建议-7",
            "occurred_on": str(today),
            "title": "关于修缮村道的建议",
        },
    )
    assert recorded.status_code == 201, recorded.content
    quarter = (today.month - 1) // 3 + 1
    assert (
        post_json(
            staff, "/api/v1/duty/publications", {"year": today.year, "quarter": quarter}
        ).status_code
        == 201
    )
    deputy = client_on(world.town_b, seat.user)
    assert deputy.get("/api/v1/me/record").json()["entries"][0]["can_object"] is True
    filed = post_json(
        deputy,
        f"/api/v1/me/record/entries/{recorded.json()['id']}/objection",
        {"reason": "该建议为联名，应记在领衔人。"},
    )
    assert filed.status_code == 201, filed.content
    assert deputy.get("/api/v1/me/record").json()["entries"][0]["can_object"] is False
    decided = post_json(
        staff,
        f"/api/v1/duty/objections/{filed.json()['id']}/decide",
        {"uphold": True, "note": "核实属实。"},
    )
    assert decided.json()["state"] == "upheld"
    record = deputy.get("/api/v1/me/record").json()
    assert record["score"] == "60.0"
    assert record["entries"][0]["state"] == "voided"
    with tenant_context(world.town_b):
        assert DutyEntry.objects.get(pk=recorded.json()["id"]).state == "voided"


def test_rules_and_bands_over_http(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)
    rules = staff.get("/api/v1/duty/rules").json()
    rules["good_from"], rules["fair_from"] = "50.0", "70.0"
    refused = post_json(staff, "/api/v1/duty/rules", rules)
    assert refused.status_code == 400 and refused.json()["code"] == "bands_out_of_order"
    rules["good_from"], rules["fair_from"] = "85.0", "65.0"
    saved = post_json(staff, "/api/v1/duty/rules", rules)
    assert saved.status_code == 200 and saved.json()["good_from"] == "85.0"


def test_photos_are_images_stored_under_the_organisers_prefix(
    world: World, s3_endpoint: str
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.factories import PDF, PNG

    joint = make_joint(world)
    staff = client_on(world.county, world.county_admin)
    png = staff.post(
        "/api/v1/files", {"file": SimpleUploadedFile("现场.png", PNG, content_type="image/png")}
    )
    pdf = staff.post(
        "/api/v1/files",
        {"file": SimpleUploadedFile("纪要.pdf", PDF, content_type="application/pdf")},
    )
    assert png.status_code == pdf.status_code == 201

    refused = post_json(
        staff, f"/api/v1/activities/{joint.activity.pk}/photos", {"file_id": pdf.json()["id"]}
    )
    assert refused.status_code == 400 and refused.json()["code"] == "photo_not_image"
    added = post_json(
        staff,
        f"/api/v1/activities/{joint.activity.pk}/photos",
        {"file_id": png.json()["id"], "caption": "检查水厂"},
    )
    assert added.status_code == 201
    assert [(p["file_name"], p["caption"]) for p in added.json()["photos"]] == [
        ("现场.png", "检查水厂")
    ]
    # The file lives in the county's schema: the township cannot fetch it by id.
    other = client_on(world.town_a, world.staff_a)
    assert other.get(f"/api/v1/files/{png.json()['id']}/url").status_code == 404

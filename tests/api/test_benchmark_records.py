"""Benchmark nominations name records of the nominating congress: the options come from its own
stations, directory listings and cases (no contact data); a record of another congress is
refused; the pre-filled scores are the nominee's own figures, so two nominees of one township
differ; during 公示 the public objects online (throttled, within the notice period only) and the
staff see and resolve those objections; the city's public page lists the rounds."""

import datetime as dt
from typing import Any

import time_machine
from django.core.cache import cache
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from directory.selectors import listing_of
from supervision.models import Nomination, Objection
from tenants.deputies.models import Deputy
from tenants.linkage.stations.services import residency_add
from tests.api.conftest import round_opened
from tests.conftest import World, client_on
from tests.tenants.stations.factories import make_deputy, make_reception, make_station

API = "/api/v1/supervision"
TODAY = timezone.localdate()
ON = TODAY + dt.timedelta(days=5)  # a reception day far enough ahead to be published
YEAR = ON.year
NO = {"leader": False, "standing_committee": False, "disciplined": False}


def _post(client: Any, path: str, body: Any = None, **headers: Any) -> Any:
    return client.post(path, body or {}, content_type="application/json", **headers)


def _listing(congress: Congress, name: str, phone: str) -> int:
    with tenant_context(congress):
        deputy = make_deputy(name, phone=phone)
    listing = listing_of(congress_id=congress.pk, deputy_id=deputy.pk)
    assert listing is not None
    return listing.pk


def _open_round(world: World, **changes: Any) -> tuple[Any, int]:
    """An open round of this year for two, scored on receptions."""
    criteria = [
        {"name": "联系群众好", "weight": 60, "indicator": "receptions", "indicator_full": "2"},
        {"name": "政治素质好", "weight": 40},
    ]
    defaults = {"title": "优秀代表评选", "year": YEAR, "quota": 2, "per_nominator_quota": 2}
    return round_opened(world, **(defaults | {"criteria": criteria} | changes))


def test_the_options_are_this_congress_records_without_contact_data(world: World) -> None:
    _listing(world.town_a, "甲镇代表一", "13600000101")
    _listing(world.town_b, "乙镇代表一", "13600000102")
    _city, round_id = _open_round(world)
    town_a = client_on(world.town_a, world.staff_a)

    deputies = town_a.get(f"{API}/rounds/{round_id}/nominee-options").json()
    searched = town_a.get(f"{API}/rounds/{round_id}/nominee-options", {"search": "乙镇"}).json()
    deputy = client_on(world.town_a, world.deputy_both).get(
        f"{API}/rounds/{round_id}/nominee-options"
    )

    assert [d["name"] for d in deputies] == ["甲镇代表一"]
    assert set(deputies[0]) == {"ref", "name", "detail"}
    assert "1360000" not in str(deputies)
    assert searched == []
    assert deputy.status_code == 403


def test_a_record_of_another_congress_or_bad_input_is_refused(world: World) -> None:
    theirs = _listing(world.town_b, "乙镇代表二", "13600000103")
    _city, round_id = _open_round(world)
    town_a = client_on(world.town_a, world.staff_a)
    body = {"statement": "积极履职", "declarations": NO}

    other = _post(town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": theirs})
    missing = _post(town_a, f"{API}/rounds/{round_id}/nominations", body)
    not_a_number = _post(
        town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": "张三"}
    )
    unknown = _post(town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": 987654})
    in_english = _post(
        town_a,
        f"{API}/rounds/{round_id}/nominations",
        body | {"nominee_ref": theirs},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert other.status_code == 400 and other.json()["code"] == "nominee_unknown"
    assert other.json()["detail"] == "推荐对象须是本单位的联络站、代表或案例。"
    assert in_english.json()["detail"] == (
        "The nominee must be a station, deputy or case of this congress."
    )
    assert missing.status_code == 400 and not_a_number.status_code == 400
    assert unknown.status_code == 400 and unknown.json()["code"] == "nominee_unknown"
    assert not Nomination.objects.exists()


def test_scores_are_prefilled_from_each_nominees_own_figures(world: World) -> None:
    busy = _listing(world.town_a, "接待多的代表", "13600000104")
    quiet = _listing(world.town_a, "接待少的代表", "13600000105")
    with tenant_context(world.town_a):
        station = make_station()
        resident = residency_add(
            station=station, deputy=Deputy.objects.get(name="接待多的代表"), actor=None
        )
        for hour in (9, 14):
            make_reception(station, ON, [resident], hours=(hour, hour + 2), publish=True)
    city, round_id = _open_round(world)
    town_a = client_on(world.town_a, world.staff_a)
    body = {"statement": "积极履职", "declarations": NO}

    first = _post(town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": busy})
    second = _post(town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": quiet})
    twice = _post(town_a, f"{API}/rounds/{round_id}/nominations", body | {"nominee_ref": busy})
    assert _post(city, f"{API}/rounds/{round_id}/close-nominations").status_code == 200
    sheets = {
        n["nominee_name"]: city.get(f"{API}/nominations/{n['id']}/scores").json()
        for n in city.get(f"{API}/rounds/{round_id}/nominations").json()
    }

    assert first.status_code == 201 and second.status_code == 201
    assert first.json()["nominee_ref"] == busy
    assert first.json()["figures"] == {"activities": "0", "receptions": "2", "opinions": "0"}
    assert twice.status_code == 409 and twice.json()["code"] == "nominee_already_nominated"
    assert [line["prefill"] for line in sheets["接待多的代表"]["lines"]] == ["100.00", None]
    assert [line["prefill"] for line in sheets["接待少的代表"]["lines"]] == ["0.00", None]


def _on_notice(world: World, *, starts: dt.date, ends: dt.date) -> tuple[Any, int, int]:
    ref = _listing(world.town_a, "公示代表", "13600000106")
    city, round_id = _open_round(world)
    nominated = _post(
        client_on(world.town_a, world.staff_a),
        f"{API}/rounds/{round_id}/nominations",
        {"statement": "积极履职", "declarations": NO, "nominee_ref": ref},
    )
    nomination_id = nominated.json()["id"]
    _post(city, f"{API}/rounds/{round_id}/close-nominations")
    sheet = city.get(f"{API}/nominations/{nomination_id}/scores").json()
    values = {str(line["criterion_id"]): "90" for line in sheet["lines"]}
    assert (
        _post(city, f"{API}/nominations/{nomination_id}/scores", {"values": values}).status_code
        == 200
    )
    assert (
        _post(
            city, f"{API}/rounds/{round_id}/decide", {"selected_ids": [nomination_id]}
        ).status_code
        == 200
    )
    notice = {"starts_on": str(starts), "ends_on": str(ends)}
    assert _post(city, f"{API}/rounds/{round_id}/publicity", notice).status_code == 200
    return city, round_id, nomination_id


def test_the_public_objects_during_the_notice_and_the_staff_resolve_it(world: World) -> None:
    cache.clear()
    city, round_id, nomination_id = _on_notice(
        world, starts=TODAY, ends=TODAY + dt.timedelta(days=5)
    )
    public = client_on(world.city)
    path = f"/api/v1/public/benchmarks/{round_id}/objections"
    objection = {
        "nomination_id": nomination_id,
        "summary": "该代表本年度未参加接待。",
        "name": "王群众",
        "contact": "13900001111",
    }

    listed = public.get("/api/v1/public/benchmarks").json()
    made = _post(public, path, objection)
    empty = _post(public, path, objection | {"summary": "  "})
    anonymous = _post(public, path, objection | {"name": ""})
    wrong_nominee = _post(public, path, objection | {"nomination_id": 999999})
    on_a_township = _post(client_on(world.town_a), path, objection)
    staff_view = city.get(f"{API}/rounds/{round_id}/objections").json()
    resolved = _post(
        city,
        f"{API}/objections/{staff_view[0]['id']}/resolve",
        {"upheld": False, "resolution": "经核实，已参加两次接待。"},
    )

    assert [(r["id"], r["state"]) for r in listed] == [(round_id, "publicity")]
    assert [line["nominee_name"] for line in listed[0]["lines"]] == ["公示代表"]
    assert "figures" not in str(listed) and "13600000106" not in str(listed)
    assert made.status_code == 201 and made.json() == {"received_on": str(TODAY)}
    assert empty.status_code == 400 and empty.json()["code"] == "invalid"
    assert anonymous.status_code == 400
    assert wrong_nominee.status_code == 400
    assert wrong_nominee.json()["code"] == "nomination_not_selected"
    assert on_a_township.status_code == 400  # the township runs no round on notice
    assert [(o["source"], o["submitter_name"], o["submitter_contact"]) for o in staff_view] == [
        ("public", "王群众", "13900001111")
    ]
    assert resolved.status_code == 200
    assert Objection.objects.count() == 1


def test_an_objection_after_the_notice_closes_is_refused(world: World) -> None:
    cache.clear()
    _city, round_id, nomination_id = _on_notice(
        world, starts=TODAY, ends=TODAY + dt.timedelta(days=2)
    )
    body = {"nomination_id": nomination_id, "summary": "异议", "name": "王", "contact": "1"}
    path = f"/api/v1/public/benchmarks/{round_id}/objections"

    with time_machine.travel(timezone.now() + dt.timedelta(days=3), tick=False):
        late = _post(client_on(world.city), path, body)

    assert late.status_code == 400 and late.json()["code"] == "publicity_closed"
    assert not Objection.objects.exists()


def test_public_objections_are_throttled_per_address(world: World) -> None:
    cache.clear()
    _city, round_id, nomination_id = _on_notice(
        world, starts=TODAY, ends=TODAY + dt.timedelta(days=2)
    )
    body = {"nomination_id": nomination_id, "summary": "异议", "name": "王", "contact": "1"}
    public = client_on(world.city)
    path = f"/api/v1/public/benchmarks/{round_id}/objections"

    codes = [_post(public, path, body).status_code for _ in range(6)]

    assert codes == [201] * 5 + [429]
    assert Objection.objects.count() == 5
    cache.clear()

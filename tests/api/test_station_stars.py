"""Station stars over HTTP: a township submits its checklist, only the county above awards or
refuses stars (with a reason), the answer reaches the township by dispatch, stars lapse after a
year, and the city sees them by county with lapsed stars left out."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress
from crossing.services import dispatch_deliver_pending
from supervision import services as supervision
from supervision.models import StarReview
from tenants.linkage.stations.selectors import checklist_items
from tests.conftest import World, client_on
from tests.factories import other_county
from tests.platform.supervision.builders import staff_of
from tests.tenants.stations.factories import make_checklist, make_station

API = "/api/v1"
TODAY = timezone.localdate()
YEAR = TODAY.year


def _post(client: Any, path: str, body: Any) -> Any:
    return client.post(f"{API}/{path}", body, content_type="application/json")


def _submit(world: World, town: Congress, staff: Any, name: str = "甲镇联络站") -> tuple[int, Any]:
    with tenant_context(town):
        station = make_station(name)
        items = list(checklist_items()) or make_checklist()
    scores = {"scores": [{"item": i.pk, "score": i.weight - 5} for i in items]}
    response = _post(
        client_on(town, staff), f"stations/{station.pk}/assessments/{YEAR}/self", scores
    )
    assert response.status_code == 200, response.content
    return station.pk, response


def _incoming(client: Any) -> list[dict[str, Any]]:
    response = client.get(f"{API}/supervision/star-reviews")
    assert response.status_code == 200, response.content
    return list(response.json())


def test_the_county_awards_stars_and_the_township_hears_of_it(world: World) -> None:
    station_id, submitted = _submit(world, world.town_a, world.staff_a)
    county = client_on(world.county, world.county_admin)
    township = client_on(world.town_a, world.staff_a)

    waiting = _incoming(county)
    review_id = waiting[0]["id"]
    self_award = _post(
        township,
        f"supervision/star-reviews/{review_id}/decide",
        {"award": True, "stars": 5, "reason": "自评满分"},
    )
    awarded = _post(
        county,
        f"supervision/star-reviews/{review_id}/decide",
        {"award": True, "stars": 4, "reason": "台账不完整"},
    )
    again = _post(
        county,
        f"supervision/star-reviews/{review_id}/decide",
        {"award": False, "reason": "重复评审"},
    )
    before_delivery = township.get(f"{API}/stations/{station_id}/assessments/{YEAR}").json()
    dispatch_deliver_pending()
    after = township.get(f"{API}/stations/{station_id}/assessments/{YEAR}").json()
    own = township.get(f"{API}/supervision/star-reviews", {"scope": "own"}).json()

    assert submitted.json()["state"] == "submitted"
    assert [(r["station_name"], r["congress_name"], r["state"]) for r in waiting] == [
        ("甲镇联络站", world.town_a.name, "submitted")
    ]
    assert [i["title"] for i in waiting[0]["items"]] == [
        "有固定场所",
        "有统一标牌",
        "有制度",
        "有计划",
    ]
    assert _incoming(township) == []  # nothing is submitted to a township
    assert self_award.status_code == 403 and self_award.json()["code"] == "not_reviewer"
    assert awarded.status_code == 200, awarded.content
    expires = TODAY + dt.timedelta(days=365)
    assert (awarded.json()["stars"], awarded.json()["expires_on"]) == (4, expires.isoformat())
    assert again.status_code == 409 and again.json()["code"] == "star_review_decided"
    assert before_delivery["stars"] is None
    assert (after["state"], after["stars"], after["stars_expire_on"]) == (
        "reviewed",
        4,
        expires.isoformat(),
    )
    assert after["review_note"] == "台账不完整"
    assert [(r["state"], r["stars"], r["expired"]) for r in own] == [("awarded", 4, False)]


def test_a_refusal_needs_a_reason_and_sends_the_station_back_to_self_assessment(
    world: World,
) -> None:
    station_id, _ = _submit(world, world.town_a, world.staff_a)
    county = client_on(world.county, world.county_admin)
    township = client_on(world.town_a, world.staff_a)
    review_id = _incoming(county)[0]["id"]
    scores = township.get(f"{API}/stations/{station_id}/assessments/{YEAR}").json()["scores"]
    resubmit = {"scores": [{"item": s["item"], "score": s["weight"]} for s in scores]}

    pending_twice = _post(township, f"stations/{station_id}/assessments/{YEAR}/self", resubmit)
    no_reason = _post(county, f"supervision/star-reviews/{review_id}/decide", {"award": False})
    blank_reason = _post(
        county, f"supervision/star-reviews/{review_id}/decide", {"award": False, "reason": " "}
    )
    six_stars = _post(
        county,
        f"supervision/star-reviews/{review_id}/decide",
        {"award": True, "stars": 6, "reason": "好"},
    )
    no_stars = _post(
        county, f"supervision/star-reviews/{review_id}/decide", {"award": True, "reason": "好"}
    )
    refused = _post(
        county,
        f"supervision/star-reviews/{review_id}/decide",
        {"award": False, "reason": "无固定接待场所"},
    )
    dispatch_deliver_pending()
    back = township.get(f"{API}/stations/{station_id}/assessments/{YEAR}").json()
    second = _post(township, f"stations/{station_id}/assessments/{YEAR}/self", resubmit)

    assert (
        pending_twice.status_code == 409 and pending_twice.json()["code"] == "star_review_pending"
    )
    assert no_reason.status_code == 400
    assert blank_reason.status_code == 400
    assert six_stars.status_code == 400
    assert no_stars.status_code == 400 and no_stars.json()["code"] == "stars_invalid"
    assert refused.status_code == 200 and refused.json()["state"] == "refused"
    assert (back["state"], back["stars"], back["review_note"]) == ("draft", None, "无固定接待场所")
    assert second.status_code == 200
    assert [r["state"] for r in _incoming(county)] == ["submitted", "refused"]


def test_only_the_congress_directly_above_reviews(world: World) -> None:
    other = other_county(world, "丙县人大常委会")
    _submit(world, world.town_a, world.staff_a)
    review_id = _incoming(client_on(world.county, world.county_admin))[0]["id"]
    decision = {"award": True, "stars": 5, "reason": "好"}
    clients = {
        "other county": client_on(other, staff_of(world, other, "other-staff")),
        "city": client_on(world.city, staff_of(world, world.city, "city-staff")),
        "sibling township": client_on(world.town_b, world.staff_b),
    }

    answers = {
        who: _post(c, f"supervision/star-reviews/{review_id}/decide", decision)
        for who, c in clients.items()
    }
    deputy = _post(
        client_on(world.county, world.deputy_both),
        f"supervision/star-reviews/{review_id}/decide",
        decision,
    )

    assert {who: r.status_code for who, r in answers.items()} == dict.fromkeys(clients, 404)
    assert all(_incoming(c) == [] for c in clients.values())
    assert deputy.status_code == 403
    assert StarReview.objects.get(pk=review_id).state == "submitted"


def test_the_city_sees_stars_by_county_and_lapsed_stars_do_not_count(world: World) -> None:
    _submit(world, world.town_a, world.staff_a, "甲镇一站")
    _submit(world, world.town_a, world.staff_a, "甲镇二站")
    _submit(world, world.town_b, world.staff_b, "乙镇一站")
    _submit(world, world.town_b, world.staff_b, "乙镇二站")
    reviews = {r.station_name: r for r in StarReview.objects.all()}
    year_ago = TODAY - dt.timedelta(days=366)
    for name, stars, today in (
        ("甲镇一站", 5, TODAY),
        ("乙镇一站", 2, TODAY),
        ("甲镇二站", 4, year_ago),
    ):
        supervision.star_review_decide(
            review=reviews[name],
            reviewer=world.county,
            actor=world.county_admin,
            award=True,
            stars=stars,
            reason="评定",
            today=today,
        )
    city_staff = staff_of(world, world.city, "city-staff")

    by_county = client_on(world.city, city_staff).get(f"{API}/supervision/stars-by-county")
    from_county = client_on(world.county, world.county_admin).get(
        f"{API}/supervision/stars-by-county"
    )
    from_township = client_on(world.town_a, world.staff_a).get(f"{API}/supervision/stars-by-county")
    own = client_on(world.town_a, world.staff_a).get(
        f"{API}/supervision/star-reviews", {"scope": "own"}
    )

    assert by_county.status_code == 200, by_county.content
    assert by_county.json() == [
        {
            "county_id": world.county.pk,
            "county_name": world.county.name,
            "stations_starred": 2,
            "star_total": 7,
            "average_stars": "3.5",
            "stars_expired": 1,
            "stars_pending": 1,
        }
    ]
    assert from_county.status_code == 403 and from_county.json()["code"] == "city_only"
    assert from_township.status_code == 403
    assert {r["station_name"]: r["expired"] for r in own.json()} == {
        "甲镇一站": False,
        "甲镇二站": True,
    }

"""The public home and the tracking box over HTTP: anonymous, per host (each congress shows its
own), public particulars only (no citizen's, deputy's or staff member's mobile), and a code sends
the reader to a proposal's or an opinion's page."""

from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.linkage.opinions.services import opinion_receive
from tenants.linkage.stations.services import (
    residency_add,
    station_staff_set,
)
from tests.api.conftest import call_opened, proposal_body
from tests.conftest import World, client_on
from tests.tenants.stations.factories import make_deputy, make_reception, make_station

SECRETS = ("13600000201", "13700000202", "13912345678", "13800000203")


def _township_with_a_station(world: World) -> Any:
    with tenant_context(world.town_a):
        station = make_station("甲镇中心联络站")
        station_staff_set(
            station=station,
            actor=None,
            staff=[{"name": "站长甲", "duty": "head", "phone": "13600000201"}],
        )
        deputy = make_deputy("驻站代表甲", phone="13700000202")
        resident = residency_add(station=station, deputy=deputy, actor=None)
        today = timezone.localdate()
        make_reception(
            station, today + timedelta(days=6), [resident], topic="饮水安全", publish=True
        )
        make_reception(station, today + timedelta(days=8), [resident], topic="草稿接待日")
        opinion = opinion_receive(
            channel="online",
            content="路灯坏了",
            citizen_name="王市民",
            citizen_phone="13800000203",
        )
    return opinion


def test_the_township_home_is_public_and_shows_only_public_particulars(world: World) -> None:
    cache.clear()
    call_opened(world)
    _township_with_a_station(world)
    home = client_on(world.town_a).get("/api/v1/public/home")

    body = home.json()
    assert home.status_code == 200
    assert (body["name"], body["level"]) == (world.town_a.name, "township")
    assert body["call"]["title"].startswith("关于征集") and body["call"]["open"] is True
    [station] = body["stations"]
    assert (station["name"], station["phone"]) == ("甲镇中心联络站", "0791-1234567")
    assert [(d["topic"], d["on_duty"]) for d in station["rota"]] == [("饮水安全", ["驻站代表甲"])]
    assert body["below"] == []
    text = home.content.decode()
    assert not any(secret in text for secret in SECRETS)
    assert "王市民" not in text and "草稿接待日" not in text


def test_each_host_shows_its_own_home_and_the_city_links_below(world: World) -> None:
    _township_with_a_station(world)

    city = client_on(world.city).get("/api/v1/public/home").json()
    county = client_on(world.county).get("/api/v1/public/home").json()
    town_b = client_on(world.town_b).get("/api/v1/public/home").json()
    bare = client_on(None).get("/api/v1/public/home")

    assert (city["name"], city["stations"]) == (world.city.name, [])
    assert [(c["name"], c["level"]) for c in city["below"]] == [(world.county.name, "county")]
    assert city["below"][0]["url"].endswith("/portal/home")
    assert "tcounty." in city["below"][0]["url"]
    assert {c["name"] for c in county["below"]} == {world.town_a.name, world.town_b.name}
    assert town_b["stations"] == []  # 甲镇's station is not 乙镇's
    assert bare.status_code == 404


def test_the_tracking_box_tells_a_proposal_from_an_opinion(world: World) -> None:
    cache.clear()
    call_opened(world)
    opinion = _township_with_a_station(world)
    public = client_on(world.town_a)
    proposal_code = public.post(
        "/api/v1/public/voting/proposals", proposal_body(), content_type="application/json"
    ).json()["tracking_code"]

    as_proposal = public.get(f"/api/v1/public/track/{proposal_code.lower()}")
    as_opinion = public.get(f"/api/v1/public/track/{opinion.tracking_code}")
    unknown = public.get("/api/v1/public/track/ZZZZ2222")
    elsewhere = client_on(world.town_b).get(f"/api/v1/public/track/{opinion.tracking_code}")

    assert as_proposal.json() == {"code": proposal_code, "kind": "proposal"}
    assert as_opinion.json() == {"code": opinion.tracking_code, "kind": "opinion"}
    assert unknown.status_code == 404 and unknown.json()["code"] == "code_unknown"
    assert elsewhere.status_code == 404  # a code is looked up on its own congress's host
    cache.clear()

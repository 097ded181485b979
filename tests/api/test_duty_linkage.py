"""A county deputy posted at a township's station receives a constituent there: the opinion
names them, the work reaches their record at the county with the township named, once; a deputy
not posted at that station is refused, and only staff log an opinion (docs/linkage-duty.md)."""

from typing import Any

from django.db import transaction
from django.test import Client
from django_tenants.utils import tenant_context

from crossing.models import Dispatch
from crossing.services import dispatch_deliver, dispatch_deliver_pending
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.duty.services import HomeSeat, duty_entry_send
from tests.conftest import World, client_on
from tests.tenants.activities.factories import Seat, make_seat
from tests.tenants.opinions.conftest import make_unit

API = "/api/v1"


def _post(client: Client, path: str, body: Any = None, expect: int = 200) -> Any:
    response = client.post(f"{API}/{path}", body or {}, content_type="application/json")
    assert response.status_code == expect, (path, response.content)
    return response.json()


def _posted(world: World, deputy: str) -> tuple[Seat, int, int, Client]:
    """County deputy `deputy` stationed at a township station by town A's staff: the deputy's
    seat, the station's id, the deputy's listing id, and the staff's client."""
    seat = make_seat(world.county, deputy)
    staff = client_on(world.town_a, world.staff_a)
    station = _post(
        staff, "stations", {"name": "甲镇联络站", "tier": "station", "address": "甲镇"}, expect=201
    )
    found = staff.get(f"{API}/directory/deputies", {"search": seat.deputy.name}).json()["results"]
    listing = next(d["id"] for d in found if d["congress_name"] == world.county.name)
    _post(staff, f"stations/{station['id']}/residents", {"listing": listing}, expect=201)
    dispatch_deliver_pending()  # the county learns of the posting
    return seat, station["id"], listing, staff


def _reception(station: int, listing: int, **more: Any) -> dict[str, Any]:
    return {
        "content": "村口路灯坏了三个月。",
        "citizen_name": "王秀英",
        "citizen_phone": "13912345678",
        "category": "urban_rural",
        "station_id": station,
        "listing_id": listing,
        **more,
    }


def test_a_posted_county_deputy_gets_the_township_work_in_the_county_record(
    world: World,
) -> None:
    seat, station, listing, staff = _posted(world, "县代表陈立")
    unit = make_unit(world.town_a, "town-a-lights", "甲镇村建办")

    opinion = _post(staff, "opinions", _reception(station, listing), expect=201)
    assert (opinion["deputy_name"], opinion["deputy_congress_name"]) == (
        "县代表陈立",
        world.county.name,
    )
    _post(staff, f"opinions/{opinion['id']}/assign", {"unit_user_id": unit.pk})
    _post(staff, f"opinions/{opinion['id']}/reply", {"answer": "已更换路灯。"})
    closed = _post(staff, f"opinions/{opinion['id']}/close")
    assert closed["status"] == "closed"

    sent = Dispatch.objects.filter(kind="duty.entry", origin_id=world.town_a.pk)
    assert sorted(d.payload["kind"] for d in sent) == ["opinion", "opinion_received"]
    # Only what the record needs leaves the township: no content, no citizen.
    for dispatch in sent:
        assert set(dispatch.payload) == {"deputy_id", "kind", "source_ref", "occurred_on", "title"}
        assert "王" not in str(dispatch.payload) and "路灯" not in str(dispatch.payload)
    dispatch_deliver_pending()

    record = client_on(world.county, seat.user).get(f"{API}/me/record").json()
    rows = [(e["kind"], e["origin_congress_name"], e["points"]) for e in record["entries"]]
    assert sorted(rows) == [
        ("opinion", world.town_a.name, "1"),
        ("opinion_received", world.town_a.name, "1"),
    ]
    assert record["score"] == "62.0"
    assert all("甲镇联络站" in e["title"] for e in record["entries"])
    # Nothing is written into the township's own record.
    with tenant_context(world.town_a):
        assert not DutyEntry.objects.exists()

    # Redelivery changes nothing: the entry is unique per source at home.
    for dispatch in sent:
        Dispatch.objects.filter(pk=dispatch.pk).update(delivered_at=None)
        assert dispatch_deliver(dispatch.pk) is True
    with tenant_context(world.county):
        assert DutyEntry.objects.filter(deputy=seat.deputy).count() == 2


def test_a_deputy_not_posted_at_the_station_is_refused_and_nothing_is_written(
    world: World,
) -> None:
    _seat, station, listing, staff = _posted(world, "县代表周敏")
    other = _post(
        staff, "stations", {"name": "甲镇西村联络点", "tier": "point", "address": "西村"}, 201
    )

    elsewhere = staff.post(
        f"{API}/opinions", _reception(other["id"], listing), content_type="application/json"
    )
    no_station = staff.post(
        f"{API}/opinions",
        _reception(station, listing, station_id=None),
        content_type="application/json",
    )
    unknown = staff.post(
        f"{API}/opinions", _reception(station, listing + 999), content_type="application/json"
    )

    for response in (elsewhere, no_station, unknown):
        assert response.status_code == 400, response.content
        assert response.json()["code"] == "deputy_not_posted"
        assert list(response.json()["fields"]) == ["listing_id"]
    assert staff.get(f"{API}/opinions").json()["count"] == 0
    assert not Dispatch.objects.filter(kind="duty.entry").exists()


def test_only_staff_log_an_opinion_naming_a_posted_deputy(world: World) -> None:
    _seat, station, listing, _staff = _posted(world, "县代表孙红")
    unit = make_unit(world.town_a, "town-a-unit-2", "甲镇综治办")

    as_unit = client_on(world.town_a, unit).post(
        f"{API}/opinions", _reception(station, listing), content_type="application/json"
    )
    as_deputy = client_on(world.town_a, world.deputy_both).post(
        f"{API}/opinions", _reception(station, listing), content_type="application/json"
    )
    anonymous = client_on(world.town_a).post(
        f"{API}/opinions", _reception(station, listing), content_type="application/json"
    )

    assert as_unit.status_code == 403 and as_unit.json()["code"] == "staff_only"
    assert as_deputy.status_code == 403
    assert anonymous.status_code in (401, 403)
    assert not Dispatch.objects.filter(kind="duty.entry").exists()


def test_the_home_drops_an_entry_from_a_congress_that_never_posted_the_deputy(
    world: World,
) -> None:
    seat = make_seat(world.county, "县代表钱进")
    with tenant_context(world.town_b), transaction.atomic():
        duty_entry_send(
            seat=HomeSeat(world.county.pk, seat.deputy.pk),
            kind="opinion_received",
            source_ref="opinion:1",
            occurred_on=seat.deputy.term.starts_on,
            title="伪造",
        )
    dispatch_deliver_pending()
    with tenant_context(world.county):
        assert not DutyEntry.objects.filter(deputy=seat.deputy).exists()

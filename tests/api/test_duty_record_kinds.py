"""The two kinds written by other modules show in the deputy's record over HTTP: 审议发言 when a
deputy comments in the deliberation (a county deputy posted to a township station attending it
gets it at home, the township named), and 接待选民 when staff mark a reception day held, for each
deputy who received there (docs/linkage-duty.md)."""

import datetime as dt
from typing import Any

from django.db import transaction
from django.test import Client
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.services import membership_grant
from crossing.models import Dispatch
from crossing.services import dispatch_deliver_pending
from directory.models import DeputyListing
from tenants.linkage.stations.models import ReceptionDay, Resident
from tenants.linkage.stations.services import (
    residency_add,
)
from tenants.voting.solicitation import cycle_advance
from tests.conftest import World, client_on
from tests.tenants.activities.factories import Seat, make_seat
from tests.tenants.stations.factories import make_reception, make_station
from tests.tenants.voting.factories import make_shortlist

API = "/api/v1"


def _post(client: Client, path: str, body: Any = None, expect: int = 200) -> Any:
    response = client.post(f"{API}/{path}", body or {}, content_type="application/json")
    assert response.status_code == expect, (path, response.content)
    return response.json()


def _kinds(record: dict[str, Any]) -> list[tuple[str, str, str]]:
    return sorted((e["kind"], e["origin_congress_name"], e["points"]) for e in record["entries"])


def _posted_at_town_a(world: World, seat: Seat) -> int:
    """The county deputy stationed at a new town_a station: the resident id."""
    listing = DeputyListing.objects.get(congress=world.county, deputy_id=seat.deputy.pk)
    with tenant_context(world.town_a):
        resident = residency_add(station=make_station(), listing_id=listing.pk, actor=None)
    dispatch_deliver_pending()
    return resident.pk


def test_deliberation_comments_show_in_the_record_here_and_at_home(world: World) -> None:
    local = make_seat(world.town_a, "镇代表韩七")
    county = make_seat(world.county, "县代表杨八")
    stranger = make_seat(world.town_b, "乙镇代表秦九")
    _posted_at_town_a(world, county)
    with transaction.atomic():  # the county deputy's login on the township's host
        for seat in (county, stranger):
            membership_grant(
                user=seat.user, congress=world.town_a, roles=["deputy"], granted_by=None
            )
    with tenant_context(world.town_a):
        cycle = make_shortlist(seats=2, candidates=3)
        cycle_advance(cycle=cycle, actor=None)
        first, second = [c.pk for c in cycle.candidates.all()[:2]]
    here, guest = client_on(world.town_a, local.user), client_on(world.town_a, county.user)

    for candidate in (first, second):
        _post(here, f"voting/candidates/{candidate}/comments", {"text": "建议细化"}, 201)
        _post(guest, f"voting/candidates/{candidate}/comments", {"text": "同意"}, 201)
    refused = client_on(world.town_a, stranger.user).post(
        f"{API}/voting/candidates/{first}/comments", {"text": "x"}, content_type="application/json"
    )
    dispatch_deliver_pending()

    assert refused.status_code == 403 and refused.json()["code"] == "not_entitled"
    comments = here.get(f"{API}/voting/candidates/{first}/comments").json()
    assert [(c["deputy_name"], c["deputy_congress_name"]) for c in comments] == [
        ("镇代表韩七", ""),
        ("县代表杨八", world.county.name),
    ]
    assert _kinds(here.get(f"{API}/me/record").json()) == [("deliberation", "", "2")]
    home = client_on(world.county, county.user).get(f"{API}/me/record").json()
    assert _kinds(home) == [("deliberation", world.town_a.name, "2")]
    assert home["score"] == "62.0"
    staff_view = client_on(world.town_a, world.staff_a).get(
        f"{API}/duty/entries", {"deputy": local.deputy.pk}
    )
    assert _kinds(staff_view.json()) == [("deliberation", "", "2")]


def _today_reception(world: World, residents: list[int]) -> int:
    """A reception day today at the residents' station, scheduled and published in time."""
    earlier = timezone.now() - dt.timedelta(days=5)
    with tenant_context(world.town_a):
        on_duty = list(Resident.objects.filter(pk__in=residents))
        day = make_reception(
            on_duty[0].station, timezone.localdate(), on_duty, now=earlier, publish=True
        )
        return day.pk


def test_a_held_reception_day_shows_in_each_receivers_record(world: World) -> None:
    local = make_seat(world.town_a, "镇代表许十")
    county = make_seat(world.county, "县代表何一")
    guest_id = _posted_at_town_a(world, county)
    with tenant_context(world.town_a):
        station = Resident.objects.get(pk=guest_id).station
        local_id = residency_add(station=station, deputy=local.deputy, actor=None).pk
    day = _today_reception(world, [local_id, guest_id])
    staff = client_on(world.town_a, world.staff_a)

    as_deputy = client_on(world.town_a, local.user).post(f"{API}/stations/receptions/{day}/hold")
    bad = staff.post(
        f"{API}/stations/receptions/{day}/hold",
        {"absent": [local_id, guest_id]},
        content_type="application/json",
    )
    unknown = staff.post(f"{API}/stations/receptions/{day + 999}/hold")
    held = _post(staff, f"stations/receptions/{day}/hold")
    again = _post(staff, f"stations/receptions/{day}/hold")
    dispatch_deliver_pending()

    assert as_deputy.status_code == 403
    assert bad.status_code == 400 and bad.json()["code"] == "reception_none_received"
    assert list(bad.json()["fields"]) == ["absent"]
    assert unknown.status_code == 404
    assert held["held_at"] is not None and again["held_at"] == held["held_at"]
    assert [r["name"] for r in held["received"]] == ["县代表何一", "镇代表许十"]  # by residency
    assert Dispatch.objects.filter(kind="duty.entry", origin=world.town_a).count() == 1
    mine = client_on(world.town_a, local.user).get(f"{API}/me/record").json()
    assert _kinds(mine) == [("reception", "", "2")]
    assert mine["entries"][0]["title"] == "接待选民（甲镇人大代表联络站）"
    home = client_on(world.county, county.user).get(f"{API}/me/record").json()
    assert _kinds(home) == [("reception", world.town_a.name, "2")]
    cancel = staff.delete(f"{API}/stations/receptions/{day}")
    assert cancel.status_code == 409 and cancel.json()["code"] == "reception_held"
    with tenant_context(world.town_a):
        assert ReceptionDay.objects.filter(pk=day).exists()

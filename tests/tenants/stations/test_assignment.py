"""A county deputy assigned to a township's station: the township picks them from the directory,
the county hears of it by dispatch and keeps only what was shared."""

from datetime import UTC, date, datetime

import pytest
from django.db import transaction
from django_tenants.utils import tenant_context

from crossing.models import Dispatch
from crossing.services import dispatch_deliver, dispatch_deliver_pending
from directory.models import DeputyListing
from ops.errors import DomainError
from tenants.deputies.models import Deputy
from tenants.linkage.stations.models import Posting, Resident, Station
from tenants.linkage.stations.services import (
    reception_publish,
    residency_add,
    residency_end,
    settings_update,
    station_staff_set,
)
from tests.conftest import World

from .factories import make_deputy, make_reception, make_station

NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
SHARED_KEYS = {"deputy_id", "active", "station", "receptions"}
STATION_KEYS = {"name", "tier", "address", "opening_hours"}


def _county_deputy(world: World) -> tuple[Deputy, DeputyListing]:
    with tenant_context(world.county):
        deputy = make_deputy("县代表钱七", level="county", phone="13711112222")
    return deputy, DeputyListing.objects.get(congress=world.county, deputy_id=deputy.pk)


def _township_station(world: World) -> tuple[Station, Resident]:
    """A township station with a local resident and staff: what must not leave the township."""
    station = make_station()
    station_staff_set(
        station=station,
        actor=None,
        staff=[{"name": "站长孙八", "duty": "head", "phone": "13755556666"}],
    )
    local = residency_add(station=station, deputy=make_deputy("镇代表周九"), actor=None)
    return station, local


def test_the_county_gets_only_the_shared_fields_of_the_assignment(world: World) -> None:
    county_deputy, listing = _county_deputy(world)
    with tenant_context(world.town_a):
        settings_update(notice_days=2, star_thresholds=[60, 70, 80, 90, 95], actor=None)
        station, local = _township_station(world)
        guest = residency_add(station=station, listing_id=listing.pk, actor=None)
        reception = make_reception(
            station, date(2026, 12, 8), [guest, local], topic="养老服务", now=NOW
        )
        reception_publish(reception=reception, actor=None, now=NOW)

    assert dispatch_deliver_pending() == 2
    sent = Dispatch.objects.filter(kind="stations.assignment", origin=world.town_a).order_by("id")
    assert {d.target_id for d in sent} == {world.county.pk}
    for dispatch in sent:
        assert set(dispatch.payload) == SHARED_KEYS
        assert set(dispatch.payload["station"]) == STATION_KEYS
        text = str(dispatch.payload)
        for secret in ("镇代表周九", "站长孙八", "13755556666", "0791-1234567", "养老服务"):
            assert secret not in text
    with tenant_context(world.county):
        posting = Posting.objects.get()
        assert posting.deputy_id == county_deputy.pk and posting.active
        assert (posting.station_name, posting.station_tier, posting.station_address) == (
            "甲镇人大代表联络站",
            "station",
            "甲镇人民路 1 号",
        )
        assert posting.origin_congress_name == world.town_a.name
        assert posting.receptions == [
            {"date": "2026-12-08", "starts_at": "09:00", "ends_at": "11:00"}
        ]
    for other in (world.town_b, world.city):
        with tenant_context(other):
            assert not Posting.objects.exists()
    with tenant_context(world.town_a):
        resident = Resident.objects.get(pk=guest.pk)
        assert (resident.name, resident.level, resident.home_congress_name) == (
            "县代表钱七",
            "county",
            world.county.name,
        )
        assert resident.deputy_id is None


def test_ending_the_assignment_is_a_dispatch_too(world: World) -> None:
    _deputy, listing = _county_deputy(world)
    with tenant_context(world.town_a):
        station, _local = _township_station(world)
        guest = residency_add(station=station, listing_id=listing.pk, actor=None)
    dispatch_deliver_pending()

    with tenant_context(world.town_a):
        residency_end(resident=guest, actor=None)
    dispatch_deliver_pending()

    with tenant_context(world.county):
        posting = Posting.objects.get()
        assert not posting.active and posting.receptions == []


def test_a_late_older_snapshot_does_not_undo_a_newer_one(world: World) -> None:
    _deputy, listing = _county_deputy(world)
    with tenant_context(world.town_a):
        station, _local = _township_station(world)
        guest = residency_add(station=station, listing_id=listing.pk, actor=None)
        residency_end(resident=guest, actor=None)
    first, second = Dispatch.objects.filter(kind="stations.assignment").order_by("id")
    dispatch_deliver(second.pk)
    dispatch_deliver(first.pk)

    with tenant_context(world.county):
        assert not Posting.objects.get().active


def test_a_township_cannot_pick_a_deputy_of_a_sibling_township(world: World) -> None:
    with tenant_context(world.town_b):
        sibling = make_deputy("乙镇代表", phone="13711113333")
    listing = DeputyListing.objects.get(congress=world.town_b, deputy_id=sibling.pk)

    with tenant_context(world.town_a):
        station = make_station()
        with pytest.raises(DomainError) as refused:
            residency_add(station=station, listing_id=listing.pk, actor=None)

        assert refused.value.code == "listing_unknown"
        assert not station.residents.exists()
    assert not Dispatch.objects.filter(kind="stations.assignment").exists()


def test_a_failed_assignment_sends_nothing(world: World) -> None:
    _deputy, listing = _county_deputy(world)
    with tenant_context(world.town_a):
        station = make_station()
        residency_add(station=station, listing_id=listing.pk, actor=None)
        before = Dispatch.objects.count()
        with pytest.raises(DomainError), transaction.atomic():
            residency_add(station=station, listing_id=listing.pk, actor=None)

    assert Dispatch.objects.count() == before

"""A reception day held (已接待) writes a 接待选民 entry for each deputy who received there: in the
township's record for its own deputy, and by dispatch in the county record, the township named,
for a county deputy posted to the station; once each (docs/linkage-duty.md)."""

from datetime import UTC, date, datetime

import pytest
from django_tenants.utils import tenant_context

from crossing.models import Dispatch
from crossing.services import dispatch_deliver, dispatch_deliver_pending
from directory.models import DeputyListing
from ops.errors import Conflict, DomainError
from tenants.deputies.models import Deputy
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.stations.models import ReceptionDay, Resident
from tenants.linkage.stations.services import (
    reception_cancel,
    reception_hold,
    residency_add,
)
from tests.conftest import World

from .factories import make_deputy, make_reception, make_station

PLANNED = datetime(2026, 11, 20, 2, 0, tzinfo=UTC)
DAY = date(2026, 11, 30)
HELD = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def _day(world: World, *, county_name: str) -> tuple[Deputy, ReceptionDay, Resident, Resident]:
    """A township station with a local deputy and a posted county deputy on duty on DAY."""
    with tenant_context(world.county):
        county_deputy = make_deputy(county_name, level="county", phone="13722223333")
    listing = DeputyListing.objects.get(congress=world.county, deputy_id=county_deputy.pk)
    with tenant_context(world.town_a):
        station = make_station()
        local = residency_add(station=station, deputy=make_deputy("镇代表吴一"), actor=None)
        guest = residency_add(station=station, listing_id=listing.pk, actor=None)
        day = make_reception(station, DAY, [local, guest], now=PLANNED, publish=True)
    dispatch_deliver_pending()  # the county knows of the posting
    return county_deputy, day, local, guest


def test_a_held_day_credits_the_local_deputy_here_and_the_county_deputy_at_home(
    world: World,
) -> None:
    county_deputy, day, local, guest = _day(world, county_name="县代表郑二")

    with tenant_context(world.town_a):
        held = reception_hold(reception=day, actor=None, now=HELD)
        assert held.held_at == HELD
        assert held.received == [
            {"resident_id": local.pk, "name": "镇代表吴一"},
            {"resident_id": guest.pk, "name": "县代表郑二"},
        ]
        here = DutyEntry.objects.get()
        assert (here.deputy_id, here.kind, here.source_ref, here.occurred_on) == (
            local.deputy_id,
            "reception",
            f"reception-day:{day.pk}",
            DAY,
        )
        assert here.title == "接待选民（甲镇人大代表联络站）" and here.origin_congress_id is None

    sent = Dispatch.objects.get(kind="duty.entry", origin=world.town_a)
    assert sent.target_id == world.county.pk
    assert sent.payload == {
        "deputy_id": county_deputy.pk,
        "kind": "reception",
        "source_ref": f"reception-day:{day.pk}",
        "occurred_on": "2026-11-30",
        "title": "接待选民（甲镇人大代表联络站）",
    }
    assert dispatch_deliver_pending() == 1
    with tenant_context(world.county):
        home = DutyEntry.objects.get(deputy=county_deputy)
        assert (home.kind, home.occurred_on, home.source_ref) == (
            "reception",
            DAY,
            f"from:{world.town_a.pk}:reception-day:{day.pk}",
        )
        assert (home.origin_congress_id, home.origin_congress_name) == (
            world.town_a.pk,
            world.town_a.name,
        )

    # Once each: holding it again sends nothing, a redelivery writes nothing new.
    with tenant_context(world.town_a):
        again = reception_hold(reception=day, actor=None, now=HELD)
        assert again.held_at == HELD
        assert DutyEntry.objects.count() == 1
    assert Dispatch.objects.filter(kind="duty.entry").count() == 1
    Dispatch.objects.filter(pk=sent.pk).update(delivered_at=None)
    assert dispatch_deliver(sent.pk) is True
    with tenant_context(world.county):
        assert DutyEntry.objects.filter(deputy=county_deputy).count() == 1


def test_a_deputy_absent_that_day_earns_nothing(world: World) -> None:
    county_deputy, day, local, guest = _day(world, county_name="县代表王三")

    with tenant_context(world.town_a):
        held = reception_hold(reception=day, absent=[guest.pk], actor=None, now=HELD)
        assert [r["resident_id"] for r in held.received] == [local.pk]
        assert DutyEntry.objects.filter(deputy=local.deputy).count() == 1
    assert not Dispatch.objects.filter(kind="duty.entry").exists()
    dispatch_deliver_pending()
    with tenant_context(world.county):
        assert not DutyEntry.objects.filter(deputy=county_deputy).exists()


def test_a_day_not_published_not_yet_come_or_with_bad_absentees_is_refused(
    world: World,
) -> None:
    _county_deputy, day, local, guest = _day(world, county_name="县代表冯四")
    with tenant_context(world.town_a):
        draft = make_reception(day.station, DAY, [local], hours=(14, 16), now=PLANNED)
        refusals = []
        for reception, absent, now in (
            (draft, [], HELD),  # never published
            (day, [], datetime(2026, 11, 29, 8, 0, tzinfo=UTC)),  # the day before
            (day, [guest.pk + 999], HELD),  # not on duty that day
            (day, [local.pk, guest.pk], HELD),  # nobody received
        ):
            with pytest.raises(DomainError) as refused:
                reception_hold(reception=reception, absent=absent, actor=None, now=now)
            refusals.append(refused.value.code)
        assert refusals == [
            "reception_not_published",
            "reception_not_yet",
            "reception_absent_invalid",
            "reception_none_received",
        ]
        assert not DutyEntry.objects.exists()
        assert ReceptionDay.objects.get(pk=day.pk).held_at is None
    assert not Dispatch.objects.filter(kind="duty.entry").exists()


def test_a_held_day_cannot_be_cancelled(world: World) -> None:
    _county_deputy, day, _local, _guest = _day(world, county_name="县代表陈五")
    with tenant_context(world.town_a):
        reception_hold(reception=day, actor=None, now=HELD)
        with pytest.raises(Conflict):
            reception_cancel(reception=day, actor=None)
        assert ReceptionDay.objects.filter(pk=day.pk).exists()

"""The activity and duty lists cost the same number of queries for few rows as for many."""

import datetime as dt
from typing import Any

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.tenant import Tenant
from tenants.linkage.activities.selectors import Invitee
from tenants.linkage.activities.services import activity_create
from tenants.linkage.duty.services import duty_entry_record
from tests.conftest import World, client_on
from tests.tenants.activities.factories import Seat, make_seat


def _queries(client: Any, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured.captured_queries)


def _activities(world: World, seat: Seat, count: int) -> None:
    starts = timezone.now() + dt.timedelta(days=1)
    invitee = Invitee(
        world.town_b.pk, world.town_b.name, seat.deputy.pk, seat.deputy.name, "township"
    )
    with tenant_context(world.town_b):
        for n in range(count):
            activity_create(
                tenant=Tenant.of(world.town_b),
                kind="reception",
                title=f"接待选民{n}",
                place="站",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=1),
                invitees=[invitee],
                actor=world.staff_b,
            )
            duty_entry_record(
                deputy=seat.deputy,
                kind="suggestion",
                source_ref=f"q-{count}-{n}",
                occurred_on=timezone.localdate(),
                title="建议",
            )


def test_activity_and_record_lists_do_not_grow_with_their_rows(world: World) -> None:
    seat = make_seat(world.town_b, "查询代表")
    staff, deputy = client_on(world.town_b, world.staff_b), client_on(world.town_b, seat.user)
    paths = ["/api/v1/activities", "/api/v1/duty/scores", "/api/v1/duty/objections"]
    _activities(world, seat, 2)
    few = [_queries(staff, p) for p in paths] + [
        _queries(deputy, p)
        for p in ("/api/v1/me/activities", "/api/v1/me/record", "/api/v1/me/tasks")
    ]
    _activities(world, seat, 12)
    many = [_queries(staff, p) for p in paths] + [
        _queries(deputy, p)
        for p in ("/api/v1/me/activities", "/api/v1/me/record", "/api/v1/me/tasks")
    ]
    assert many == few

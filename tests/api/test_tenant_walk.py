"""The tenant's path from a request to a Celery task (docs/architecture.md, "The tenant's
path"): the host names the tenant, the middleware makes it a value, the view hands it to the
service, the service to the outbox, the outbox to enqueue_on_commit, which puts it in the
message's header; the task runs in that tenant whatever schema the sender's connection is in."""

import datetime as dt
from typing import Any

from django.utils import timezone
from django_tenants.utils import schema_context, tenant_context

from congresses.models import Congress
from outbox.models import OutboxEvent
from rollups.models import Rollup
from tests.conftest import World, client_on
from tests.tenants.activities.factories import make_seat


def test_the_host_s_tenant_reaches_the_task_that_drains_its_outbox(
    world: World, django_capture_on_commit_callbacks: Any, eager: None
) -> None:
    seat = make_seat(world.town_a, "甲镇代表路径")
    staff = client_on(world.county, world.county_admin)
    # Rows another scenario left for the uninvolved township stay as they were.
    untouched = _rollups_of(world.town_b)
    starts = timezone.now() + dt.timedelta(days=3)

    with django_capture_on_commit_callbacks() as callbacks:
        response = staff.post(
            "/api/v1/activities",
            {
                "kind": "inspection",
                "title": "路径视察",
                "place": "县政府",
                "starts_at": starts.isoformat(),
                "ends_at": (starts + dt.timedelta(hours=2)).isoformat(),
                "invitees": [{"congress": world.town_a.pk, "deputy": seat.deputy.pk}],
            },
            content_type="application/json",
        )
    assert response.status_code == 201, response.content
    # Sent from the public schema: only the message's header can take the drain to the county.
    with schema_context("public"):
        for send in callbacks:
            send()

    with tenant_context(world.county):
        assert not OutboxEvent.objects.filter(drained_at__isnull=True).exists()
    assert Rollup.objects.filter(congress=world.county, topic="activities").exists()
    assert _rollups_of(world.town_b) == untouched


def _rollups_of(congress: Congress) -> list[tuple[int, str, Any]]:
    rows = Rollup.objects.filter(congress=congress).order_by("year", "topic")
    return list(rows.values_list("year", "topic", "computed_at"))

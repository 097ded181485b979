"""A crossing dispatch whose receiver keeps failing backs off, is given up after its attempts
and shown to the platform operator, who may retry it; a provisioning job stuck past its limit is
failed by the sweep."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.models import Congress, ProvisioningJob
from congresses.services import provisioning_jobs_sweep
from crossing.models import Dispatch
from crossing.registry import receiver
from crossing.services import (
    MAX_ATTEMPTS,
    backoff,
    dispatch_deliver_pending,
    dispatch_send,
)
from tests.conftest import World, client_on


@receiver("faults.refused")
def _refuse(dispatch: Dispatch) -> None:
    raise ValueError("the receiver is broken")


def _send(origin: Congress, target: Congress) -> Dispatch:
    with tenant_context(origin), transaction.atomic():
        return dispatch_send(kind="faults.refused", target=target, origin_ref="1", payload={})


def test_a_failing_dispatch_backs_off_then_is_given_up_and_the_operator_retries_it(
    world: World,
) -> None:
    sent = _send(world.town_a, world.county)
    now = timezone.now()

    dispatch_deliver_pending(now=now)
    sent.refresh_from_db()
    assert sent.attempts == 1 and sent.next_attempt_at == now + timedelta(minutes=1)
    dispatch_deliver_pending(now=now + timedelta(seconds=59))  # not due yet: not tried
    sent.refresh_from_db()
    assert sent.attempts == 1
    assert [backoff(n) for n in (1, 2, 3, 7, 8, 20)] == [
        timedelta(minutes=m) for m in (1, 2, 4, 60, 60, 60)
    ]

    while sent.dead_at is None:
        assert sent.next_attempt_at is not None
        dispatch_deliver_pending(now=sent.next_attempt_at)
        sent.refresh_from_db()
    assert sent.attempts == MAX_ATTEMPTS and sent.delivered_at is None
    dispatch_deliver_pending(now=now + timedelta(days=30))  # dead: the sweep leaves it
    sent.refresh_from_db()
    assert sent.attempts == MAX_ATTEMPTS

    operator = client_on(None, world.operator)
    dead = operator.get("/api/v1/crossing/dead").json()
    assert [(d["id"], d["kind"], d["attempts"]) for d in dead if d["id"] == sent.pk] == [
        (sent.pk, "faults.refused", MAX_ATTEMPTS)
    ]
    assert "broken" in dead[0]["last_error"]
    # A congress's own staff cannot see or retry them.
    staff = client_on(world.county, world.county_admin)
    assert staff.get("/api/v1/crossing/dead").status_code == 403

    retried = operator.post(f"/api/v1/crossing/dispatches/{sent.pk}/retry")
    assert retried.status_code == 200 and retried.json()["attempts"] == 0
    sent.refresh_from_db()
    assert sent.dead_at is None and sent.attempts == 0
    assert sent.pk not in [d["id"] for d in operator.get("/api/v1/crossing/dead").json()]
    again = operator.post(f"/api/v1/crossing/dispatches/{sent.pk}/retry")
    assert again.status_code == 400 and again.json()["code"] == "dispatch_not_dead"


def test_a_provisioning_job_stuck_past_the_limit_is_failed_and_a_fresh_one_is_not(
    world: World,
) -> None:
    spec = {"slug": "stuck", "admin_password_hash": "argon2$secret"}
    stuck = ProvisioningJob.objects.create(requested_by=world.operator, spec=spec)
    running = ProvisioningJob.objects.create(
        requested_by=world.operator, spec=spec, state=ProvisioningJob.State.RUNNING
    )
    fresh = ProvisioningJob.objects.create(requested_by=world.operator, spec=spec)
    old = timezone.now() - timedelta(hours=2)
    ProvisioningJob.objects.filter(pk__in=[stuck.pk, running.pk]).update(created_at=old)

    assert provisioning_jobs_sweep() == 2

    for job in (stuck, running):
        job.refresh_from_db()
        assert job.state == ProvisioningJob.State.FAILED
        assert job.error_code == "provisioning_stuck" and job.finished_at is not None
        assert job.spec["admin_password_hash"] == ""  # kept only until the job ends
    fresh.refresh_from_db()
    assert fresh.state == ProvisioningJob.State.QUEUED

"""Dispatches between tenants: sent with the sender's transaction, delivered exactly once into
the target's schema by the receiver its module registered, retried when a receiver fails."""

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.db import connection, transaction
from django_tenants.utils import schema_context, tenant_context

from audit.models import AuditEntry
from audit.services import audit_record
from congresses.models import Congress
from crossing.models import Dispatch
from crossing.registry import receiver
from crossing.services import dispatch_deliver, dispatch_deliver_pending, dispatch_send
from tenants.linkage.stations.models import Posting
from tests.conftest import World
from tests.factories import station_assignment

# Receivers of the tests' own kinds: each writes the payload into the target's audit chain, a
# real table of every tenant schema, so the tests can see where and how often it was applied.


@receiver("test.note")
def _note(dispatch: Dispatch) -> None:
    audit_record(
        action="test.note", target_type="dispatch", target_id=dispatch.pk, payload=dispatch.payload
    )


@receiver("test.refused")
def _refuse(dispatch: Dispatch) -> None:
    audit_record(action="test.refused", payload=dispatch.payload)
    raise ValueError("the receiver refuses this one")


def _notes(congress: Congress) -> list[dict[str, Any]]:
    with tenant_context(congress):
        return list(AuditEntry.objects.filter(action="test.note").values_list("payload", flat=True))


def _send(origin: Congress, target: Congress, kind: str = "test.note", **payload: Any) -> Dispatch:
    with tenant_context(origin), transaction.atomic():
        return dispatch_send(kind=kind, target=target, origin_ref="7", payload=payload)


def test_a_dispatch_reaches_only_its_target_and_only_once(world: World) -> None:
    marker = uuid.uuid4().hex
    sent = _send(world.town_a, world.county, marker=marker)

    assert sent.origin_id == world.town_a.pk
    assert [n for n in _notes(world.county) if n.get("marker") == marker] == []

    assert dispatch_deliver(sent.pk) is True
    assert dispatch_deliver(sent.pk) is False  # a second delivery (a retried task) does nothing

    assert [n for n in _notes(world.county) if n.get("marker") == marker] == [{"marker": marker}]
    for other in (world.town_a, world.town_b, world.city):
        assert all(n.get("marker") != marker for n in _notes(other))
    sent.refresh_from_db()
    assert sent.delivered_at is not None


def test_a_dispatch_rolls_back_with_the_senders_transaction(world: World) -> None:
    marker = uuid.uuid4().hex
    with pytest.raises(RuntimeError), tenant_context(world.town_a), transaction.atomic():
        dispatch_send(kind="test.note", target=world.county, origin_ref="1", payload={"m": marker})
        raise RuntimeError("the sender's change fails")
    assert not Dispatch.objects.filter(payload__m=marker).exists()


def test_a_failing_receiver_leaves_the_dispatch_pending_and_the_others_go(world: World) -> None:
    refused = _send(world.town_a, world.county, kind="test.refused")
    fine = _send(world.town_a, world.county, marker="after-the-refused-one")

    delivered = dispatch_deliver_pending()

    refused.refresh_from_db()
    fine.refresh_from_db()
    assert delivered >= 1
    assert fine.delivered_at is not None
    assert refused.delivered_at is None
    assert refused.attempts == 1
    assert "refuses" in refused.last_error
    with tenant_context(world.county):  # the refused receiver's own write rolled back
        assert not AuditEntry.objects.filter(action="test.refused").exists()


def test_sending_needs_a_known_kind_and_a_tenant_other_than_the_target(world: World) -> None:
    with tenant_context(world.town_a), transaction.atomic(), pytest.raises(LookupError):
        dispatch_send(kind="test.unknown", target=world.county, origin_ref="1", payload={})
    with schema_context("public"), transaction.atomic(), pytest.raises(RuntimeError):
        dispatch_send(kind="test.note", target=world.county, origin_ref="1", payload={})
    with tenant_context(world.town_a), transaction.atomic(), pytest.raises(ValueError):
        dispatch_send(kind="test.note", target=world.town_a, origin_ref="1", payload={})


def test_concurrent_deliveries_apply_a_dispatch_once(committed_pair: list[Congress]) -> None:
    origin, target = committed_pair
    sent = _send(origin, target, marker="raced")

    def deliver() -> bool:
        try:
            return dispatch_deliver(sent.pk)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=8) as pool:
        outcomes = list(pool.map(lambda _: deliver(), range(16)))

    assert outcomes.count(True) == 1
    assert _notes(target) == [{"marker": "raced"}]


def test_after_commit_a_real_worker_delivers_into_the_target(
    committed_pair: list[Congress], celery_queue: str
) -> None:
    """The whole path in production: the sender commits, the task goes through the broker, the
    worker applies the dispatch with the receiver the stations module registered."""
    origin, target = committed_pair
    payload = station_assignment(target, "赵一", "一选区", "甲村")
    with tenant_context(origin), transaction.atomic():
        sent = dispatch_send(
            kind="stations.assignment", target=target, origin_ref="1", payload=payload
        )

    # A busy machine's worker may take a while; a lost task never arrives at all.
    deadline = time.monotonic() + 60
    while Dispatch.objects.get(pk=sent.pk).delivered_at is None:
        if time.monotonic() > deadline:
            raise AssertionError("the worker did not deliver the dispatch")
        time.sleep(0.1)
    with tenant_context(target):
        posting = Posting.objects.get(origin_congress_id=origin.pk, origin_ref="1")
        assert (posting.deputy_id, posting.station_name, posting.active) == (
            payload["deputy_id"],
            "甲村代表联络点",
            True,
        )

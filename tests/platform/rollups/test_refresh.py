"""The outbox and its drain, the rebuild, and that the two give the same rows."""

from datetime import timedelta

import psycopg
import pytest
from django.conf import settings
from django.db import OperationalError, connection, transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from outbox.models import OutboxEvent
from outbox.services import outbox_emit
from rollups import registry, rules
from rollups.models import Rollup
from rollups.services import REFRESH_LOCK_CLASS, rollup_drain, rollup_rebuild
from rollups.tasks import drain
from tests.conftest import World
from tests.tenants.voting.factories import make_vote, vote_and_close

from .conftest import positions, snapshot

NOW = timezone.now()
YEAR = timezone.localdate(NOW).year  # the cycles' year: one a refresh covers


def _close_with_two_adopted() -> None:
    vote = make_vote(deputies=6, candidates=3, seats=2, year=YEAR)
    vote_and_close(vote.round, vote.deputies, *vote.candidates[:2])


def _voting(world: World, year: int = YEAR) -> dict[str, object]:
    return Rollup.objects.get(congress=world.town_a, year=year, topic="voting").figures


def test_a_transaction_schedules_one_drain_however_many_events(
    world: World, django_capture_on_commit_callbacks: object, eager: None
) -> None:
    with (
        tenant_context(world.town_a),
        django_capture_on_commit_callbacks(execute=True) as callbacks,  # type: ignore[operator]
        transaction.atomic(),
    ):
        outbox_emit(topic="voting")
        outbox_emit(topic="voting")

    # The one callback ran the drain task (eagerly here) in town_a's schema.
    assert len(callbacks) == 1
    with tenant_context(world.town_a):
        assert not OutboxEvent.objects.filter(drained_at__isnull=True).exists()
    assert Rollup.objects.filter(congress=world.town_a, topic="voting").count() == 3
    assert not Rollup.objects.filter(congress=world.town_b).exists()


def test_an_adoption_reaches_the_rollups_when_the_drain_task_runs(world: World) -> None:
    with tenant_context(world.town_a):
        _close_with_two_adopted()
        pending = list(
            OutboxEvent.objects.filter(drained_at__isnull=True).values_list("topic", flat=True)
        )
        assert "voting" in pending
        assert not Rollup.objects.filter(congress=world.town_a).exists()

        drained = drain.apply().get()  # the task's body, in town_a's schema

    assert drained == len(pending)
    figures = _voting(world)
    counts = {key: figures[key] for key in ("voting_phase", "proposals", "candidates", "adopted")}
    assert counts == {"voting_phase": "vote", "proposals": 0, "candidates": 3, "adopted": 2}
    # The route's days move in the same drain: the vote closed today, nothing announced yet.
    assert figures["route_vote"] == timezone.localdate().isoformat()
    assert figures["route_announce"] is None
    with tenant_context(world.town_a):
        assert not OutboxEvent.objects.filter(drained_at__isnull=True).exists()
        last = OutboxEvent.objects.order_by("-id").values_list("id", flat=True).first()
    row = Rollup.objects.get(congress=world.town_a, year=YEAR, topic="voting")
    assert row.outbox_position == last
    # Only the topics that changed, for the years a refresh covers.
    assert set(Rollup.objects.filter(congress=world.town_a).values_list("year", "topic")) == {
        (year, topic)
        for year in rules.rollup_years(timezone.localdate())
        for topic in set(pending) & set(registry.providers())
    }


def test_a_second_drain_finds_nothing_and_writes_nothing(world: World) -> None:
    with tenant_context(world.town_a):
        _close_with_two_adopted()
        first = rollup_drain(now=NOW)
        second = rollup_drain(now=NOW + timedelta(hours=1))

    assert first.events > 0 and "voting" in first.topics
    assert second.events == 0 and second.rows == 0
    assert {r.computed_at for r in Rollup.objects.filter(congress=world.town_a)} == {NOW}


def test_the_rebuild_gives_the_rows_the_drains_gave(world: World) -> None:
    with tenant_context(world.town_a):
        rollup_rebuild(now=NOW)  # the baseline: every topic
        vote = make_vote(deputies=6, candidates=3, seats=1, year=YEAR)
        rollup_drain(now=NOW)  # the cycle was opened for voting
        vote_and_close(vote.round, vote.deputies, vote.candidates[0])
        rollup_drain(now=NOW + timedelta(minutes=5))
        incremental, drained_up_to = snapshot(world.town_a), positions(world.town_a)

        rollup_rebuild(now=NOW + timedelta(hours=8))

    assert snapshot(world.town_a) == incremental
    assert incremental[(YEAR, "voting")]["adopted"] == 1
    # The rebuild's rows include every event so far; a drained row, its topic's last one.
    rebuilt_up_to = positions(world.town_a)
    assert all(rebuilt_up_to[key] >= position for key, position in drained_up_to.items())
    assert {topic for _year, topic in incremental} == set(registry.providers())


def test_an_event_of_a_topic_with_no_provider_is_drained_without_rows(world: World) -> None:
    with tenant_context(world.town_a):
        with transaction.atomic():
            outbox_emit(topic="no-such-topic")
        refresh = rollup_drain(now=NOW)
        assert not OutboxEvent.objects.filter(drained_at__isnull=True).exists()

    assert refresh.events == 1 and refresh.topics == () and refresh.rows == 0


def test_a_drain_waits_for_another_drain_of_the_same_tenant(world: World) -> None:
    """Two drains of one tenant never run side by side: the second waits for the first's lock
    (here it gives up after 200 ms, having written nothing); other tenants are not held up."""
    db = settings.DATABASES["default"]
    with tenant_context(world.town_a), transaction.atomic():
        outbox_emit(topic="voting")
    with tenant_context(world.town_b), transaction.atomic():
        outbox_emit(topic="voting")
    with psycopg.connect(
        host=str(db["HOST"] or "127.0.0.1"),
        port=str(db["PORT"] or 5432),
        user=str(db["USER"]),
        dbname=str(db["NAME"]),
        autocommit=True,
    ) as other:
        other.execute(
            "SELECT pg_advisory_lock(%s, %s)", [REFRESH_LOCK_CLASS, world.town_a.pk]
        )  # a drain of town_a runs
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = '200ms'")
        with tenant_context(world.town_a), pytest.raises(OperationalError):
            rollup_drain(now=NOW)
        with tenant_context(world.town_b):
            assert rollup_drain(now=NOW).events == 1
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL lock_timeout = 0")
        with tenant_context(world.town_a):
            assert OutboxEvent.objects.filter(drained_at__isnull=True).count() == 1
        assert not Rollup.objects.filter(congress=world.town_a).exists()
        other.execute("SELECT pg_advisory_unlock_all()")

    with tenant_context(world.town_a):
        assert rollup_drain(now=NOW).events == 1
    assert Rollup.objects.filter(congress=world.town_a, topic="voting").exists()

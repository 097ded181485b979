"""A worker killed in the middle of a delivery: its transaction dies with it, the message it had
taken goes back to the queue after the visibility timeout, and a new worker delivers it once."""

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django_tenants.utils import tenant_context

from congresses.models import Congress
from crossing.models import Dispatch
from crossing.services import dispatch_send
from tenants.linkage.stations.models import Posting
from tests.factories import station_assignment
from tests.servers import celery_worker, database_url, running

from .conftest import other_connection, wait_for_backend

VISIBILITY = 3  # seconds, for this test's workers


@contextmanager
def worker(name: str, log: Path) -> Iterator[Any]:
    env = {
        "CONGRESS_DATABASE_URL": database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "CONGRESS_S3_ENDPOINT": settings.S3_ENDPOINT,
        "CONGRESS_VISIBILITY_TIMEOUT_SECONDS": str(VISIBILITY),
        # The killed one waits until it is killed.
        "CONGRESS_DB_LOCK_TIMEOUT_MS": "120000",
        "CONGRESS_DB_STATEMENT_TIMEOUT_MS": "120000",
        "PYTHONPATH": os.pathsep.join([str(settings.ROOT_DIR), str(settings.PLATFORM_DIR)]),
    }
    command = celery_worker(settings.CELERY_TASK_DEFAULT_QUEUE, name, "-l", "INFO")
    with running(command, env=env, log=log) as process:
        yield process


@pytest.fixture
def queue_to_ourselves() -> Iterator[None]:
    """The queue for this test's workers alone: the session's worker (conftest's `celery_queue`),
    if an earlier test of this run started it, listens on the same queue and could take the
    delivery the test means the first worker to die in. It stops consuming for the test."""
    from config.celery import app

    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    session_worker = [f"{queue}@localhost"]
    # A loaded machine answers slowly: a missed answer would leave that worker on the queue.
    if not app.control.ping(destination=session_worker, timeout=5):
        yield
        return
    assert app.control.cancel_consumer(queue, destination=session_worker, reply=True, timeout=10)
    try:
        yield
    finally:
        app.control.add_consumer(queue, destination=session_worker, reply=True, timeout=10)


def test_a_worker_killed_mid_delivery_is_replaced_and_the_dispatch_applied_once(
    committed_pair: list[Congress],
    tmp_path: Path,
    queue_to_ourselves: None,
) -> None:
    origin, target = committed_pair
    payload = station_assignment(target, "钱二", "二选区", "乙村")
    holder = other_connection()
    table = f'"{target.schema_name}"."{Posting._meta.db_table}"'
    try:
        with holder.transaction():
            # The receiver's table is held: the first worker's delivery waits inside its
            # transaction, and is killed there.
            holder.execute(f"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE")
            with worker("first", tmp_path / "first.log") as first:
                with tenant_context(origin), transaction.atomic():
                    sent = dispatch_send(
                        kind="stations.assignment", target=target, origin_ref="9", payload=payload
                    )
                try:
                    wait_for_backend(holder, "relation", within=90)
                except AssertionError:
                    raise AssertionError((tmp_path / "first.log").read_text()[-3000:]) from None
                first.send_signal(signal.SIGKILL)
                first.wait(timeout=10)
        assert Dispatch.objects.get(pk=sent.pk).delivered_at is None

        with worker("second", tmp_path / "second.log"):
            # kombu puts unacknowledged messages back when a worker starts and then on every
            # tenth of its ten-second ticks: a start that came too early waits up to 100 s.
            deadline = time.monotonic() + 150
            while Dispatch.objects.get(pk=sent.pk).delivered_at is None:
                if time.monotonic() > deadline:
                    raise AssertionError((tmp_path / "second.log").read_text()[-3000:])
                time.sleep(0.2)
    finally:
        holder.close()

    with tenant_context(target):
        assert Posting.objects.filter(origin_congress_id=origin.pk, origin_ref="9").count() == 1
    assert Dispatch.objects.get(pk=sent.pk).attempts == 0  # the killed try left no trace


@pytest.mark.parametrize("name", ["VISIBILITY_TIMEOUT_SECONDS"])
def test_the_visibility_timeout_is_minutes_not_hours(name: str) -> None:
    assert 5 * 60 <= getattr(settings, name) <= 30 * 60
    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] == getattr(settings, name)

"""Real dependencies to stop: a redis-server of the test's own, the Celery app pointed at a
broker, the timing of a request."""

import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import redis
from kombu import pools as kombu_pools

from tests.servers import running


@contextmanager
def redis_at(port: int) -> Iterator[redis.Redis]:
    """A redis-server on `port`, in memory only, stopped on exit."""
    command = ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no"]
    with running(command, port=port):
        client = redis.Redis(host="127.0.0.1", port=port)
        try:
            yield client
        finally:
            client.close()


@contextmanager
def broker_at(url: str) -> Iterator[None]:
    """Send this process's tasks to the broker at `url` (down or up) for the block."""
    from config.celery import app

    before = app.conf.CELERY_BROKER_URL  # settings are read with the CELERY_ namespace

    celery: Any = app

    def reset() -> None:
        # kombu keeps its pools in registries keyed by the connection's URL: closing a pool
        # without clearing them would hand the closed pool to every later send of the session.
        kombu_pools.reset()
        celery._after_fork()  # drops the app's references to them, as after a fork

    reset()
    app.conf.CELERY_BROKER_URL = url
    try:
        yield
    finally:
        reset()
        app.conf.CELERY_BROKER_URL = before


@contextmanager
def timed() -> Iterator[list[float]]:
    """`with timed() as took:` ... `took[0]` is the block's seconds."""
    took: list[float] = []
    start = time.monotonic()
    try:
        yield took
    finally:
        took.append(time.monotonic() - start)


def queued(client: redis.Redis, queue: str) -> list[dict[str, Any]]:
    """The messages waiting on a Redis broker's queue, as kombu wrote them (under the run's key
    prefix, settings.BROKER_KEY_PREFIX)."""
    import json

    from django.conf import settings

    key = settings.BROKER_KEY_PREFIX + queue
    raws: list[bytes] = client.lrange(key, 0, -1)  # type: ignore[assignment]
    return [json.loads(raw) for raw in raws]


def other_connection(**options: Any) -> "psycopg.Connection[Any]":
    """A second session on the test database, outside Django, as another process would hold."""
    from django.db import connection

    db = connection.settings_dict
    settings: dict[str, Any] = {
        "host": db["HOST"] or "127.0.0.1",
        "port": int(db["PORT"] or 5432),
        "user": db["USER"],
        "dbname": db["NAME"],
        "autocommit": True,
        **options,
    }
    return psycopg.connect(**settings)


def wait_for_backend(
    session: "psycopg.Connection[Any]", wait_event: str, within: float = 20
) -> int:
    """The pid of the backend waiting on `wait_event` (a lock), once there is one."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        session.execute("SELECT pg_stat_clear_snapshot()")  # fresh inside a transaction too
        row = session.execute(
            "SELECT pid FROM pg_stat_activity WHERE wait_event = %s AND pid <> pg_backend_pid()"
            " AND datname = current_database()",  # another suite may run beside this one
            [wait_event],
        ).fetchone()
        if row:
            return int(row[0])
        time.sleep(0.05)
    raise AssertionError(f"no backend waits on {wait_event}")

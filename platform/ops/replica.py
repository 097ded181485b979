"""Reads that may be served by the streaming replica (docs/scaling.md, infra/README.md).

Only the city and county dashboards and the exports read from the `replica` database alias,
and only inside `replica_reads()`: everything else, and every write, stays on the primary.
Without a configured replica (development, tests) `replica_reads()` changes nothing."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import wraps
from typing import Any, ParamSpec, TypeVar

from django.db import connection, connections

REPLICA = "replica"

_reading: ContextVar[bool] = ContextVar("replica_reads", default=False)

P = ParamSpec("P")
R = TypeVar("R")


def replica_configured() -> bool:
    return REPLICA in connections.settings


@contextmanager
def replica_reads() -> Iterator[None]:
    """Within the block, model reads go to the replica, on the schema of the current tenant."""
    if not replica_configured():
        yield
        return
    replica = connections[REPLICA]
    tenant = getattr(connection, "tenant", None)
    if tenant is not None:
        replica.set_tenant(tenant)  # type: ignore[attr-defined]
    else:
        replica.set_schema_to_public()  # type: ignore[attr-defined]
    token = _reading.set(True)
    try:
        yield
    finally:
        _reading.reset(token)


def reads_from_replica(view: Callable[P, R]) -> Callable[P, R]:
    """A view method whose reads the replica may answer (it must not write)."""

    @wraps(view)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> R:
        with replica_reads():
            return view(*args, **kwargs)

    return wrapped


class ReplicaRouter:
    """Sends reads to the replica inside `replica_reads()`; the replica is never migrated."""

    def db_for_read(self, model: type, **hints: Any) -> str | None:
        return REPLICA if _reading.get() and replica_configured() else None

    def db_for_write(self, model: type, **hints: Any) -> str | None:
        return None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # The replica holds the primary's rows: an object read there may point at one read here.
        databases = {obj1._state.db, obj2._state.db}
        return True if databases <= {"default", REPLICA} else None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        return False if db == REPLICA else None


def replica_lag() -> dict[str, object]:
    """How far the replica is behind the primary: the WAL bytes not yet replayed (the primary's
    current position less the replica's replayed one) and the seconds since the last replayed
    transaction while WAL is still waiting (0 when all received WAL is replayed)."""
    with connections[REPLICA].cursor() as cursor:
        cursor.execute(
            "SELECT pg_is_in_recovery(), pg_last_wal_replay_lsn()::text,"
            " CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
            " ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END"
        )
        in_recovery, replayed, seconds = cursor.fetchone()
    if not in_recovery:
        return {"status": "down", "error": "the replica alias is not a standby"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), %s::pg_lsn)", [replayed])
        (behind,) = cursor.fetchone()
    return {
        "status": "ok",
        "lag_bytes": max(int(behind), 0),
        "lag_seconds": round(float(seconds or 0), 3),
    }

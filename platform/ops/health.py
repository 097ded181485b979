"""/healthz: is each dependency reachable from this process, and does storage still hold the
files the rows point at? Each check runs in a thread of its own with a deadline, so a service
that hangs makes its check "down" (timeout) instead of holding the answer."""

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as CheckTimeout

from django.conf import settings
from django.core.cache import cache
from django.db import connection, connections
from kombu import Connection

from filestore.services import missing_objects
from filestore.storage import storage_ready
from ops.replica import REPLICA, replica_configured, replica_lag


def check_database() -> str | None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return None


def check_cache() -> str | None:
    cache.get("healthz")
    return None


def check_broker() -> str | None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None  # tasks run in-process: no broker to reach
    timeout = settings.HEALTH_CHECK_SECONDS
    with Connection(settings.CELERY_BROKER_URL, connect_timeout=timeout) as conn:
        conn.ensure_connection(max_retries=1, timeout=max(1, int(timeout)))
    return None


def check_storage() -> str | None:
    storage_ready()
    missing = missing_objects()
    if missing:
        return f"missing {len(missing)} sampled objects"
    return None


CHECKS: dict[str, Callable[[], str | None]] = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "storage": check_storage,
}


def _run(check: Callable[[], str | None]) -> str | None:
    try:
        return check()
    except Exception as exc:
        return type(exc).__name__
    finally:
        connection.close()  # the thread's own connection


def _replica() -> dict[str, object]:
    try:
        return replica_lag()
    except Exception as exc:
        return {"status": "down", "error": type(exc).__name__}
    finally:
        connection.close()
        connections[REPLICA].close()


def health_report() -> dict[str, dict[str, object]]:
    """Every check at once, the whole answer within HEALTH_CHECK_SECONDS: a check still running
    at the deadline is "timeout" (one deadline for all, so two slow checks do not add up); with a
    replica configured, its lag too (ops.replica.replica_lag)."""
    report: dict[str, dict[str, object]] = {}
    pool = ThreadPoolExecutor(max_workers=len(CHECKS) + 1, thread_name_prefix="healthz")
    try:
        futures = {name: pool.submit(_run, check) for name, check in CHECKS.items()}
        replica = pool.submit(_replica) if replica_configured() else None
        deadline = time.monotonic() + settings.HEALTH_CHECK_SECONDS

        def left() -> float:
            return max(0.0, deadline - time.monotonic())

        for name, future in futures.items():
            try:
                error = future.result(timeout=left())
            except CheckTimeout:
                error = "timeout"
            report[name] = {"status": "ok"} if error is None else {"status": "down", "error": error}
        if replica is not None:
            try:
                report["replica"] = replica.result(timeout=left())
            except CheckTimeout:
                report["replica"] = {"status": "down", "error": "timeout"}
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
    return report

"""/healthz: is each dependency reachable from this process?"""

from django.conf import settings
from django.db import connection
from kombu import Connection

from filestore.storage import storage_ready


def check_database() -> str | None:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as exc:
        return type(exc).__name__
    return None


def check_broker() -> str | None:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return None  # tasks run in-process: no broker to reach
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        return type(exc).__name__
    return None


def check_storage() -> str | None:
    try:
        storage_ready()
    except Exception as exc:
        return type(exc).__name__
    return None


CHECKS = {"database": check_database, "broker": check_broker, "storage": check_storage}


def health_report() -> dict[str, dict[str, str]]:
    report = {}
    for name, check in CHECKS.items():
        error = check()
        report[name] = {"status": "ok"} if error is None else {"status": "down", "error": error}
    return report

import platform

from celery import shared_task
from django.db import connection


@shared_task
def whereami() -> dict[str, str]:
    """Which schema and Python a worker runs a task in: for operators checking a deployment."""
    return {"schema": connection.schema_name, "python": platform.python_version()}

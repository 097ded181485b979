import platform

from celery import shared_task

from .tenancy import current_schema


@shared_task(ignore_result=False)
def whereami() -> dict[str, str]:
    """Which schema and Python a worker runs a task in: for operators checking a deployment."""
    return {"schema": current_schema(), "python": platform.python_version()}

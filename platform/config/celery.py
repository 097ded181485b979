"""The Celery app. Every message carries the schema it was sent from (tenant-schemas-celery);
the worker switches to that schema before the task runs and restores the previous one after."""

import os
from typing import Any

from celery import Task
from celery.signals import task_postrun
from tenant_schemas_celery.app import CeleryApp, get_schema_name_from_task

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = CeleryApp("congress")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_postrun.connect(dispatch_uid="congress_schema_visited")
def _count_schema(task: Task, **kwargs: Any) -> None:
    """A worker takes one fan-out message per tenant on the same connection: its connection is
    closed after a bounded number of schemas (ops.schemawalk)."""
    from ops.schemawalk import schema_visited

    schema = get_schema_name_from_task(task, kwargs.get("kwargs") or {})
    if schema:
        schema_visited(schema)

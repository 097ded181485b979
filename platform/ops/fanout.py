"""Beat tasks that must run in every tenant: one message per active congress, each carrying its
schema (tenant-schemas-celery), so a slow or failing tenant holds up no other."""

from typing import Any

from celery import Task
from django_tenants.utils import get_public_schema_name, schema_context

from congresses.models import Congress, Status
from congresses.tenant import Tenant, enqueue


def fan_out(task: Task, *args: Any, **kwargs: Any) -> int:
    """Send `task` once per active congress, in that congress's schema. Returns how many."""
    with schema_context(get_public_schema_name()):
        congresses = list(
            Congress.objects.filter(status=Status.ACTIVE).exclude(
                schema_name=get_public_schema_name()
            )
        )
    for congress in congresses:
        enqueue(task, *args, tenant=Tenant.of(congress), **kwargs)
    return len(congresses)

from celery import shared_task
from django.db import OperationalError

from congresses.tenant import current_tenant
from ops.fanout import fan_out

from .services import rollup_drain, rollup_rebuild


@shared_task(acks_late=True, autoretry_for=(OperationalError,), retry_backoff=True, max_retries=5)
def drain() -> int:
    """After a commit that wrote outbox events, in that tenant's schema: the prelude switched
    to the schema of the message's header, and the tenant is read there once."""
    return rollup_drain(tenant=current_tenant()).events


@shared_task(acks_late=True)
def rebuild() -> int:
    """One tenant's nightly rebuild, in its schema."""
    return rollup_rebuild(tenant=current_tenant()).rows


@shared_task
def rebuild_all() -> int:
    """Nightly: one rebuild message per active tenant (a slow tenant holds up no other)."""
    return fan_out(rebuild)

"""Tenant schemas built ahead from the current template, claimed by renaming one inside the
provisioning transaction (docs/provisioning.md, the pool).

`pool_claim` and `schema_provide` run inside the provisioning transaction; `pool_fill` and
`pool_drain` run in the public schema outside any transaction (each schema commits on its own).
"""

import logging
import secrets

from django.conf import settings
from django.db import connection, transaction
from django_tenants.utils import quote_schema_name

from ops.tenancy import use_public_schema

from . import fleet, schemas
from .models import PooledSchema, SchemaTemplate
from .tenant import enqueue_on_commit

logger = logging.getLogger(__name__)

POOL_PREFIX = "zz_pool_"
# One refill at a time: a session advisory lock under a key of its own.
_FILL_LOCK = int.from_bytes(b"congpool", "big") >> 1


def pool_claim(schema: str, template: SchemaTemplate) -> bool:
    """Rename one pooled schema of the template's fingerprint to `schema` and record its
    migrations. False when the pool has none. The row is taken with SKIP LOCKED, so concurrent
    claims never get the same schema; a rollback puts it back in the pool."""
    if not connection.in_atomic_block:
        raise RuntimeError("pool_claim belongs inside the provisioning transaction")
    with connection.cursor() as cursor:
        cursor.execute(
            "DELETE FROM public.congresses_pooledschema WHERE id = ("
            "  SELECT id FROM public.congresses_pooledschema WHERE fingerprint = %s"
            "  ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED"
            ") RETURNING schema_name",
            [template.fingerprint],
        )
        row = cursor.fetchone()
        if row is None:
            return False
        cursor.execute(
            f"ALTER SCHEMA {quote_schema_name(row[0])} RENAME TO {quote_schema_name(schema)}"
        )
    fleet.state_record(schema=schema, keys=[(app, name) for app, name in template.migrations])
    return True


def schema_provide(schema: str, template: SchemaTemplate) -> bool:
    """The new congress's schema, inside its provisioning transaction: claimed from the pool,
    else replayed from the template. Queues a refill for after the commit when a pool is kept.
    Returns whether it came from the pool."""
    claimed = pool_claim(schema, template)
    if not claimed:
        schemas.schema_build_from_template(schema, template)
    if settings.PROVISIONING_POOL_SIZE > 0:
        from .tasks import pool_refill

        def refill_later(error: Exception) -> None:  # beat's refill catches up
            logger.warning("pool refill not queued: %s", error)

        enqueue_on_commit(pool_refill, tenant=None, once=True, on_broker_error=refill_later)
    return claimed


def _require_outside_transaction(what: str) -> None:
    if connection.in_atomic_block:
        raise RuntimeError(f"{what} commits per schema: call it outside a transaction")
    use_public_schema()


def pool_drain(*, stale_only: bool = False) -> int:
    """Drop pooled schemas: those of another fingerprint than the current template's, or all.
    One schema per transaction; a row being claimed right now is skipped. Returns how many."""
    _require_outside_transaction("pool_drain")
    current = schemas.migrations_fingerprint()
    dropped = 0
    while True:
        with transaction.atomic():
            rows = PooledSchema.objects.select_for_update(skip_locked=True).order_by("id")
            if stale_only:
                rows = rows.exclude(fingerprint=current)
            row = rows.first()
            if row is None:
                return dropped
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DROP SCHEMA IF EXISTS {quote_schema_name(row.schema_name)} CASCADE"
                )
            row.delete()
            dropped += 1


def pool_fill(*, size: int | None = None) -> int:
    """Drop stale pooled schemas, then build from the current template until `size` (default
    settings.PROVISIONING_POOL_SIZE) of the current fingerprint wait. Each schema commits on its
    own. A refill already running elsewhere makes this one return at once. Returns how many
    were built."""
    _require_outside_transaction("pool_fill")
    wanted = settings.PROVISIONING_POOL_SIZE if size is None else size
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [_FILL_LOCK])
        (locked,) = cursor.fetchone() or (False,)
    if not locked:
        return 0
    try:
        pool_drain(stale_only=True)
        template = schemas.schema_template_current()
        waiting = PooledSchema.objects.filter(fingerprint=template.fingerprint).count()
        for _ in range(wanted - waiting):
            name = f"{POOL_PREFIX}{secrets.token_hex(8)}"
            with transaction.atomic():
                schemas.schema_replay(name, template)
                PooledSchema.objects.create(schema_name=name, fingerprint=template.fingerprint)
        return max(0, wanted - waiting)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [_FILL_LOCK])


def pool_counts() -> dict[str, int]:
    """Pooled schemas of the current fingerprint, and of others (to be dropped)."""
    current = schemas.migrations_fingerprint()
    rows = PooledSchema.objects.all()
    ready = rows.filter(fingerprint=current).count()
    return {"ready": ready, "stale": rows.count() - ready}

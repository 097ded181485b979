"""The tenant as a typed value, and the one way to know which tenant the work belongs to.

A request's tenant is set on the connection by `CongressMiddleware` (from the host name); a
task's by tenant-schemas-celery's prelude (from the message's `_schema_name` header, which
`enqueue_on_commit` fills from the `tenant=` it is given); a crossing dispatch's by its delivery
(`tenant_context(dispatch.target)`). From there the value is passed as `tenant: Tenant` to the
services that need it; code that has no caller to pass it reads `current_tenant()`, which fails
outside a tenant instead of answering with the public schema. A function that must run in the
public schema, or in a tenant, says so with `require_public_schema()` / `require_tenant()` on entry.
"""

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, cast

from celery import Task
from celery.result import AsyncResult
from django.db import connection, transaction
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, schema_context

from .models import Congress, DeferredSend

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Tenant:
    id: int
    schema: str
    name: str
    level: str
    parent_id: int | None

    @classmethod
    def of(cls, congress: Congress) -> "Tenant":
        return cls(
            id=congress.pk,
            schema=congress.schema_name,
            name=congress.name,
            level=congress.level,
            parent_id=congress.parent_id,
        )

    def congress(self) -> Congress:
        """The registry row, for code that needs more than the value holds (one query)."""
        return Congress.objects.get(pk=self.id)


class NotInTenant(RuntimeError):
    """Tenant work was started in the public schema (or public work in a tenant)."""


def _connection_schema() -> str:
    return str(cast(Any, connection).schema_name)


def current_tenant() -> Tenant:
    """The tenant whose schema this connection is in; NotInTenant in the public schema."""
    schema = _connection_schema()
    if schema == get_public_schema_name():
        raise NotInTenant("this runs in a tenant's schema, and the connection is in public")
    congress = getattr(connection, "tenant", None)
    if not isinstance(congress, Congress) or congress.pk is None:
        # schema_context() sets only the schema: find its congress in the public table.
        congress = Congress.objects.filter(schema_name=schema).first()
        if congress is None:
            raise NotInTenant(f"no congress has the schema {schema!r}")
    return Tenant.of(congress)


def require_tenant() -> Tenant:
    """Guard for tenant work, on entry: the tenant it runs in, or NotInTenant."""
    return current_tenant()


def require_public_schema() -> None:
    """Guard for public work (the tenant registry, provisioning), on entry."""
    if _connection_schema() != get_public_schema_name():
        raise NotInTenant("this runs in the public schema, and the connection is in a tenant")


@contextmanager
def public_schema() -> Iterator[None]:
    """Run a block in the public schema (the tenant registry, supervision, rollups)."""
    with schema_context(get_public_schema_name()):
        yield


def enqueue(task: Task, *args: Any, tenant: Tenant | None, **kwargs: Any) -> "AsyncResult[Any]":
    """Send `task` now, to run in `tenant` (None: the public schema). The header is what
    tenant-schemas-celery's prelude reads to switch the worker's schema; the connection's own
    schema plays no part. Inside a transaction, use enqueue_on_commit."""
    schema = tenant.schema if tenant is not None else get_public_schema_name()
    return task.apply_async(args, kwargs, headers={"_schema_name": schema})


def defer_send(
    task: Task, args: tuple[Any, ...], kwargs: dict[str, Any], *, schema: str, error: Exception
) -> None:
    """Keep a send the broker refused, for `resend` to deliver when it is back."""
    logger.warning("broker refused %s for %s; deferred", task.name, schema, exc_info=error)
    with public_schema():
        DeferredSend.objects.create(
            task=task.name,
            schema_name=schema,
            args=list(args),
            kwargs=kwargs,
            error=repr(error)[:300],
        )


def resend_deferred(*, limit: int = 500) -> int:
    """Send the deferred tasks, oldest first; stop at the first refusal (the broker is still
    down). Returns how many went."""
    from celery import current_app

    sent = 0
    with public_schema():
        pending = list(DeferredSend.objects.filter(sent_at__isnull=True).order_by("id")[:limit])
    for row in pending:
        task = current_app.tasks[row.task]
        tenant = None
        if row.schema_name != get_public_schema_name():
            with public_schema():
                congress = Congress.objects.filter(schema_name=row.schema_name).first()
            if congress is None:  # the tenant is gone: nothing to run it in
                with public_schema():
                    DeferredSend.objects.filter(pk=row.pk).update(sent_at=timezone.now())
                continue
            tenant = Tenant.of(congress)
        try:
            enqueue(task, *row.args, tenant=tenant, **row.kwargs)
        except Exception:
            logger.warning("broker still refuses; %d deferred sends wait", len(pending) - sent)
            break
        with public_schema():
            DeferredSend.objects.filter(pk=row.pk).update(sent_at=timezone.now())
        sent += 1
    return sent


# Sends asked for `once` in a transaction still open: (transaction id, schema, task, args).
_once: set[tuple[int, str, str, str]] = set()


def _transaction_id() -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT txid_current()")
        return int(cursor.fetchone()[0])


def enqueue_on_commit(
    task: Task,
    *args: Any,
    tenant: Tenant | None,
    once: bool = False,
    on_broker_error: Callable[[Exception], None] | None = None,
    **kwargs: Any,
) -> None:
    """The one way to send a task after the caller's transaction commits. `tenant` is where it
    runs (None: the public schema) and travels in the message's header. A rolled-back write
    sends nothing; `once` sends one message per transaction however often it is asked (the
    outbox drain). A broker that is down raises in the commit hook unless `on_broker_error`
    takes the error (for work a sweep or the nightly rebuild catches up).

    The send never fails the request: the broker's connection is bounded (settings' broker
    timeouts, no publish retry), and a send the broker refuses is kept as a `DeferredSend` row
    that beat resends (`congresses.tasks.resend`), unless `on_broker_error` takes it instead
    (work a sweep of its own catches up: the outbox, crossing dispatches)."""
    schema = tenant.schema if tenant is not None else get_public_schema_name()
    key = None
    if once and connection.in_atomic_block:
        key = (_transaction_id(), schema, task.name, repr((args, sorted(kwargs.items()))))
        if key in _once:
            return
        if len(_once) > 10_000:  # keys of rolled-back transactions never come back
            _once.clear()
        _once.add(key)

    def send() -> None:
        if key is not None:
            _once.discard(key)
        try:
            enqueue(task, *args, tenant=tenant, **kwargs)
        except Exception as error:
            if on_broker_error is not None:
                on_broker_error(error)
            else:
                defer_send(task, args, kwargs, schema=schema, error=error)

    transaction.on_commit(send)

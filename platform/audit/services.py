"""Appending to the audit chain of the current schema. Called by every service write, inside
the service's transaction, so the entry commits or rolls back with the change it records."""

import zlib
from collections.abc import Sequence
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from ops.context import current_request_id
from ops.tenancy import current_schema

from .chain import GENESIS, entry_hash
from .models import AuditEntry


def _chain_lock_key() -> int:
    # Advisory locks are database-wide: the key names the schema whose chain is appended to.
    return zlib.crc32(f"audit:{current_schema()}".encode())


def audit_record(
    *,
    action: str,
    actor: Any | None = None,
    target: Any | None = None,
    target_type: str = "",
    target_id: str | int = "",
    payload: dict[str, Any] | None = None,
    outcome: str = "success",
) -> AuditEntry:
    if target is not None:
        target_type = target_type or target._meta.label_lower
        target_id = target_id or target.pk
    (entry,) = _append(
        action=action,
        actor=actor,
        outcome=outcome,
        entries=[(target_type, target_id, payload or {})],
    )
    return entry


def audit_record_many(
    *, action: str, actor: Any | None, entries: Sequence[tuple[Any, dict[str, Any]]]
) -> list[AuditEntry]:
    """One entry per (target, payload), in order, for a write that touches many rows at once (a
    sign-in sheet of two thousand deputies): the same entries as as many `audit_record` calls,
    appended under one lock in one insert."""
    return _append(
        action=action,
        actor=actor,
        outcome="success",
        entries=[(t._meta.label_lower, t.pk, payload) for t, payload in entries],
    )


def _append(
    *,
    action: str,
    actor: Any | None,
    outcome: str,
    entries: Sequence[tuple[str, str | int, dict[str, Any]]],
) -> list[AuditEntry]:
    if not connection.in_atomic_block:
        raise RuntimeError("audit_record must run inside the service's transaction")
    if not entries:
        return []
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_chain_lock_key()])
    last = AuditEntry.objects.order_by("-seq").values("seq", "hash").first()
    seq, prev_hash = (last["seq"], last["hash"]) if last else (0, GENESIS)
    at = timezone.now().replace(microsecond=0)
    rows = []
    for target_type, target_id, payload in entries:
        seq += 1
        fields: dict[str, Any] = {
            "seq": seq,
            "at": at,
            "actor_id": getattr(actor, "pk", None),
            "actor_label": str(actor)[:150] if actor is not None else "",
            "action": action,
            "target_type": target_type,
            "target_id": str(target_id),
            "outcome": outcome,
            "payload": payload,
            "request_id": current_request_id(),
        }
        digest = entry_hash(fields, prev_hash)
        rows.append(AuditEntry(**fields, prev_hash=prev_hash, hash=digest))
        prev_hash = digest
    return AuditEntry.objects.bulk_create(rows)


@transaction.atomic
def audit_record_now(**kwargs: Any) -> AuditEntry:
    """For the rare write that is its own transaction (a refused login, say)."""
    return audit_record(**kwargs)

from collections.abc import Iterator
from datetime import date
from typing import Any

from django.db.models import QuerySet

from .chain import HASHED_FIELDS, ChainBreak, find_break
from .models import AuditEntry


def audit_chain_rows() -> Iterator[dict[str, Any]]:
    return (
        AuditEntry.objects.order_by("seq")
        .values("id", "prev_hash", "hash", *HASHED_FIELDS)
        .iterator(chunk_size=2000)
    )


def audit_chain_break() -> ChainBreak | None:
    """Where the current schema's chain breaks, or None."""
    return find_break(audit_chain_rows())


def audit_entries(
    *,
    actor: str = "",
    action: str = "",
    target_type: str = "",
    target_id: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    """The current schema's entries, newest first, narrowed by whichever filters are given:
    the actor's name (part of it), the action's code, the object (type, and id), and the days
    from `since` to `until` inclusive, in the congress's time zone."""
    found = AuditEntry.objects.order_by("-seq")
    if actor:
        found = found.filter(actor_label__icontains=actor)
    if action:
        found = found.filter(action=action)
    if target_type:
        found = found.filter(target_type=target_type)
    if target_id:
        found = found.filter(target_id=target_id)
    if since is not None:
        found = found.filter(at__date__gte=since)
    if until is not None:
        found = found.filter(at__date__lte=until)
    return found


def audit_target_types() -> list[str]:
    """The kinds of object the log names, for the object filter."""
    return list(
        AuditEntry.objects.exclude(target_type="")
        .order_by("target_type")
        .values_list("target_type", flat=True)
        .distinct()
    )

from collections.abc import Iterator
from typing import Any

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

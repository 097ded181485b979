"""Anchoring each tenant's audit chain head outside the tenant's reach.

The chain alone cannot show that its newest entries were deleted (a shorter chain still holds) or
that the newest entry was edited and its hash recomputed (nothing follows it to disagree). So the
head (seq, hash) of every tenant's chain is copied daily to two places the tenant's own tables do
not hold: a row in the public schema (`congresses.AuditAnchor`) and an object in storage under
`audit-anchors/<schema>/`, outside every tenant's file prefix. Verification then requires that the
entry at each anchor's seq still exists with the anchored hash.
"""

import json
from dataclasses import dataclass
from io import BytesIO

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tenants.utils import schema_context

from congresses.models import AuditAnchor, Congress
from filestore import storage

from .models import AuditEntry

PREFIX = "audit-anchors"


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


def _object_key(schema: str, seq: int) -> str:
    return f"{PREFIX}/{schema}/{seq:012d}.json"


def chain_head(congress: Congress) -> Head | None:
    with schema_context(congress.schema_name):
        last = AuditEntry.objects.order_by("-seq").values("seq", "hash").first()
    return Head(last["seq"], last["hash"]) if last else None


def audit_anchor(*, congress: Congress) -> Head | None:
    """Anchor one tenant's chain head now (public schema row and storage object)."""
    head = chain_head(congress)
    if head is None:
        return None
    at = timezone.now()
    body = json.dumps(
        {"schema": congress.schema_name, "seq": head.seq, "hash": head.hash, "at": at.isoformat()}
    ).encode()
    with schema_context("public"), transaction.atomic():
        AuditAnchor.objects.create(congress=congress, seq=head.seq, hash=head.hash, anchored_at=at)
        storage.put_object(
            key=_object_key(congress.schema_name, head.seq),
            stream=BytesIO(body),
            size=len(body),
            content_type="application/json",
        )
    return head


def stored_anchors(schema: str) -> list[Head]:
    """Every anchor of a schema: the public rows and the storage objects, newest first."""
    heads = set()
    with schema_context("public"):
        for seq, hash_ in AuditAnchor.objects.filter(congress__schema_name=schema).values_list(
            "seq", "hash"
        ):
            heads.add(Head(seq, hash_))
    for item in storage.client().list_objects(
        settings.S3_BUCKET, prefix=f"{PREFIX}/{schema}/", recursive=True
    ):
        found = json.loads(storage.get_object_bytes(str(item.object_name)))
        heads.add(Head(int(found["seq"]), str(found["hash"])))
    return sorted(heads, key=lambda h: h.seq, reverse=True)


def anchor_mismatch(schema: str) -> str | None:
    """Why the schema's chain disagrees with its anchors, or None. Run in any schema."""
    anchors = stored_anchors(schema)
    if not anchors:
        return None
    with schema_context(schema):
        last = AuditEntry.objects.order_by("-seq").values_list("seq", flat=True).first() or 0
        at_anchor = dict(
            AuditEntry.objects.filter(seq__in={a.seq for a in anchors}).values_list("seq", "hash")
        )
    newest = anchors[0]
    if last < newest.seq:
        return f"entries after #{last} are missing: the chain was anchored at #{newest.seq}"
    for anchor in anchors:
        if at_anchor.get(anchor.seq) != anchor.hash:
            return f"entry #{anchor.seq} does not match its anchor (rewritten)"
    return None

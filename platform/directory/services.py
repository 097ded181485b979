"""Writes to the directory. Only the deputies services call these, inside their transaction."""

from collections.abc import Sequence
from typing import Any, Protocol

from django.db import connection
from django.utils import timezone

from congresses.models import Congress

from .models import DeputyListing


def listing_publish(
    *,
    congress: Congress,
    deputy_id: int,
    user_id: int | None,
    term_number: int,
    name: str,
    level: str,
    delegation: str,
    serving: bool,
) -> DeputyListing:
    """Create or refresh the listing of one deputy of `congress` (idempotent)."""
    if not connection.in_atomic_block:
        raise RuntimeError("listing_publish must run inside the roster change's transaction")
    listing, _created = DeputyListing.objects.update_or_create(
        congress=congress,
        deputy_id=deputy_id,
        defaults={
            "user_id": user_id,
            "term_number": term_number,
            "name": name,
            "level": level,
            "delegation": delegation,
            "serving": serving,
            "updated_at": timezone.now(),
        },
    )
    return listing


class ListedDeputy(Protocol):
    pk: Any
    user_id: int | None
    name: str
    level: str
    delegation: str
    status: str


def listing_publish_many(
    *, congress: Congress, term_number: int, deputies: Sequence[ListedDeputy]
) -> None:
    """Create or refresh the listings of many deputies of one term at once (a roster import)."""
    if not connection.in_atomic_block:
        raise RuntimeError("listing_publish_many must run inside the roster change's transaction")
    now = timezone.now()
    DeputyListing.objects.bulk_create(
        [
            DeputyListing(
                congress=congress,
                deputy_id=deputy.pk,
                user_id=deputy.user_id,
                term_number=term_number,
                name=deputy.name,
                level=deputy.level,
                delegation=deputy.delegation,
                serving=deputy.status == "serving",
                updated_at=now,
            )
            for deputy in deputies
        ],
        update_conflicts=True,
        unique_fields=["congress", "deputy_id"],
        update_fields=[
            "user_id",
            "term_number",
            "name",
            "level",
            "delegation",
            "serving",
            "updated_at",
        ],
    )


def listing_end_term(*, congress: Congress, term_number: int) -> int:
    """A term of `congress` has ended: its deputies are listed as no longer serving."""
    if not connection.in_atomic_block:
        raise RuntimeError("listing_end_term must run inside the roster change's transaction")
    return DeputyListing.objects.filter(
        congress=congress, term_number=term_number, serving=True
    ).update(serving=False, updated_at=timezone.now())

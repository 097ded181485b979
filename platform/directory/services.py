"""Writes to the directory. Only the deputies services call these, inside their transaction."""

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
            "user_id": user_id, "term_number": term_number, "name": name, "level": level,
            "delegation": delegation, "serving": serving, "updated_at": timezone.now(),
        },
    )  # fmt: skip
    return listing

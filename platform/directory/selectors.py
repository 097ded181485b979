"""Reads of the directory: which deputies another tenant may pick from."""

from django.db.models import Q, QuerySet

from congresses.models import Congress
from congresses.selectors import congress_subtree

from .models import DeputyListing


def congress_related_ids(congress: Congress) -> list[int]:
    """The congress, every congress below it and every congress above it."""
    ids = set(congress_subtree(congress).values_list("pk", flat=True))
    node = congress.parent
    while node is not None:
        ids.add(node.pk)
        node = node.parent
    return sorted(ids)


def listing_related(
    *,
    congress: Congress,
    serving_only: bool = True,
    search: str = "",
    levels: list[str] | None = None,
) -> QuerySet[DeputyListing]:
    """Deputies of `congress`, of the congresses below it and of those above it: whom it may
    invite to an activity or assign to one of its stations."""
    listings = DeputyListing.objects.filter(
        congress_id__in=congress_related_ids(congress)
    ).select_related("congress")
    if serving_only:
        listings = listings.filter(serving=True)
    if search:
        listings = listings.filter(Q(name__icontains=search) | Q(delegation__icontains=search))
    if levels:
        listings = listings.filter(level__in=levels)
    return listings


def listing_of(*, congress_id: int, deputy_id: int) -> DeputyListing | None:
    return (
        DeputyListing.objects.select_related("congress")
        .filter(congress_id=congress_id, deputy_id=deputy_id)
        .first()
    )


def listing_get(*, listing_id: int) -> DeputyListing | None:
    return DeputyListing.objects.select_related("congress").filter(pk=listing_id).first()


def listing_own(*, congress_id: int, search: str = "") -> QuerySet[DeputyListing]:
    """The serving deputies of one congress, as the directory lists them (no contact data)."""
    listings = DeputyListing.objects.filter(congress_id=congress_id, serving=True)
    return listings.filter(name__icontains=search) if search else listings


def listing_ids_of_user(*, user_id: int) -> list[int]:
    """The serving listings of one login (a deputy may hold seats in several congresses)."""
    return list(
        DeputyListing.objects.filter(user_id=user_id, serving=True).values_list("pk", flat=True)
    )

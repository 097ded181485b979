"""Reads of accounts and their roles. Who holds a role in a congress is asked here, in one
place, rather than written out as a Membership query by each module that needs it."""

from collections.abc import Iterable

from django.db.models import QuerySet

from .models import Membership, User
from .roles import Role


def members_with_role(*, congress_id: int, role: Role) -> QuerySet[Membership]:
    """The memberships in `congress_id` that hold `role`."""
    return Membership.objects.filter(congress_id=congress_id, roles__contains=[role])


def user_ids_with_role(
    *, congress_id: int, role: Role, among: Iterable[int] | None = None
) -> list[int]:
    """The ids of the users holding `role` in `congress_id` (only those `among`, if given)."""
    found = members_with_role(congress_id=congress_id, role=role)
    if among is not None:
        found = found.filter(user_id__in=list(among))
    return list(found.values_list("user_id", flat=True))


def users_with_role(*, congress_id: int, role: Role) -> QuerySet[User]:
    """The accounts holding `role` in `congress_id`, by display name."""
    return User.objects.filter(
        memberships__congress_id=congress_id, memberships__roles__contains=[role]
    ).order_by("display_name", "username")


def holds_role(*, user_id: int, congress_id: int, role: Role) -> bool:
    return members_with_role(congress_id=congress_id, role=role).filter(user_id=user_id).exists()

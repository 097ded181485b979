"""Reads of accounts: who holds which role in a congress (asked here, in one place, rather than
written out as a Membership query by each module that needs it), API tokens, and login failures
by address."""

from collections.abc import Iterable
from typing import TYPE_CHECKING

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from .models import ApiToken, Membership, User
from .roles import Role

if TYPE_CHECKING:
    from congresses.models import Congress


def members_with_role(*, congress_id: int, role: Role) -> QuerySet[Membership]:
    """The active memberships in `congress_id` that hold `role`."""
    return Membership.objects.filter(
        congress_id=congress_id, roles__contains=[role], is_active=True
    )


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
        memberships__congress_id=congress_id,
        memberships__roles__contains=[role],
        memberships__is_active=True,
    ).order_by("display_name", "username")


def holds_role(*, user_id: int, congress_id: int, role: Role) -> bool:
    return members_with_role(congress_id=congress_id, role=role).filter(user_id=user_id).exists()


def api_tokens_of(*, user: User, congress: "Congress") -> QuerySet[ApiToken]:
    """The user's tokens for one tenant, newest first (revoked and expired ones included)."""
    return ApiToken.objects.filter(user=user, congress=congress).order_by("-created_at", "-pk")


def api_tokens_in(*, congress: "Congress") -> QuerySet[ApiToken]:
    """Every token issued for one tenant, for its security administrator."""
    return (
        ApiToken.objects.filter(congress=congress)
        .select_related("user")
        .order_by("-created_at", "-pk")
    )


def login_failures_from(*, address: str) -> int:
    """Failed logins from one address, over every username, within the lockout window."""
    total = AccessAttempt.objects.filter(
        ip_address=address, attempt_time__gte=timezone.now() - settings.AXES_COOLOFF_TIME
    ).aggregate(total=Sum("failures_since_start"))["total"]
    return int(total or 0)


def memberships_in(*, congress: "Congress") -> QuerySet[Membership]:
    """Everyone who holds or held roles in one congress, active or not, for its system
    administrator: who holds what."""
    return (
        Membership.objects.filter(congress=congress)
        .select_related("user")
        .order_by("-is_active", "user__username")
    )


def membership_in(*, congress: "Congress", membership_id: int) -> Membership | None:
    return memberships_in(congress=congress).filter(pk=membership_id).first()

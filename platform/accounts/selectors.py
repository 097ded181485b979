"""Identity reads: API tokens, login failures by address."""

from typing import TYPE_CHECKING

from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum
from django.utils import timezone

from .models import ApiToken, User

if TYPE_CHECKING:
    from congresses.models import Congress


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

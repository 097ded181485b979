"""Reads of accounts: who holds which role in a congress (asked here, in one place, rather than
written out as a Membership query by each module that needs it), API tokens, and login failures
by address."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Max, QuerySet, Sum
from django.utils import timezone

from .middleware import SESSION_TENANT_KEY
from .models import ApiToken, Membership, PasswordPolicy, User
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


def password_policy_of(*, congress: "Congress") -> PasswordPolicy:
    """The congress's policy; the platform's defaults (unsaved) while it has set none."""
    found = PasswordPolicy.objects.filter(congress=congress).first()
    return found or PasswordPolicy(congress=congress)


def policy_min_length_for(*, user_id: int) -> int:
    """The longest minimum length among the policies of the person's active memberships."""
    longest = PasswordPolicy.objects.filter(
        congress__memberships__user_id=user_id, congress__memberships__is_active=True
    ).aggregate(longest=Max("min_length"))["longest"]
    return int(longest or 0)


def login_lock_keys(usernames: Iterable[str]) -> dict[str, str]:
    """The key axes counts each username's failures under (accounts.services.login_attempt_key),
    by username."""
    from .services import login_attempt_key

    return {name: login_attempt_key(None, {"username": name}) for name in usernames}


@dataclass(frozen=True)
class LoginLock:
    failures: int
    locked_until: datetime | None  # None: failures so far, no lockout


@dataclass(frozen=True)
class MemberSecurity:
    membership: Membership
    lock: LoginLock | None
    sessions: int
    last_seen: datetime | None


def _sessions_by_user(schema: str) -> dict[int, list[Session]]:
    """The unexpired sessions opened on this congress's host, by user id. Every live session is
    decoded: sessions last 30 idle minutes, so they are as many as the people working now."""
    found: dict[int, list[Session]] = {}
    for session in Session.objects.filter(expire_date__gt=timezone.now()):
        data = session.get_decoded()
        if data.get(SESSION_TENANT_KEY) != schema or "_auth_user_id" not in data:
            continue
        found.setdefault(int(data["_auth_user_id"]), []).append(session)
    return found


def sessions_of(*, user_id: int, schema: str) -> list[Session]:
    return _sessions_by_user(schema).get(user_id, [])


def member_security(*, congress: "Congress") -> list[MemberSecurity]:
    """For the security administrator, each member of the congress with its login lockout (if
    any failures are counted), its open sessions here and when it was last active here."""
    members = list(memberships_in(congress=congress))
    keys = login_lock_keys(m.user.username for m in members)
    since = timezone.now() - settings.AXES_COOLOFF_TIME
    # Axes counts per (name, address): the name is locked from an address whose row reached
    # the limit; the failures shown are those of every address together.
    failures: dict[str, tuple[int, datetime | None]] = {}
    for attempt in AccessAttempt.objects.filter(
        username__in=list(keys.values()), attempt_time__gte=since
    ):
        key = str(attempt.username)
        count, until = failures.get(key, (0, None))
        if attempt.failures_since_start >= settings.AXES_FAILURE_LIMIT:
            ends = attempt.attempt_time + settings.AXES_COOLOFF_TIME
            until = max(until, ends) if until else ends
        failures[key] = (count + attempt.failures_since_start, until)
    sessions = _sessions_by_user(congress.schema_name)
    age = timedelta(seconds=settings.SESSION_COOKIE_AGE)
    out = []
    for member in members:
        lock = None
        if keys[member.user.username] in failures:
            lock = LoginLock(*failures[keys[member.user.username]])
        open_sessions = sessions.get(member.user_id, [])
        last_seen = max((s.expire_date - age for s in open_sessions), default=None)
        out.append(MemberSecurity(member, lock, len(open_sessions), last_seen))
    return out

"""Who may hold an API token, and for how long; which role changes a system administrator may
make (pure functions, no ORM)."""

from collections.abc import Iterable

from .roles import SEPARATED_ADMIN_ROLES, Role

# The longest lifetime, in days, a role may give a token of its own. Tokens serve scripts and
# integrations run by staff and the administrators; deputies, tellers and party reviewers act
# in person in the browser (a ballot, a count or a review is never a script's), so they get none.
TOKEN_MAX_DAYS: dict[str, int] = {
    Role.SYSTEM_ADMIN: 90,
    Role.SECURITY_ADMIN: 30,
    Role.AUDIT_ADMIN: 30,
    Role.STAFF: 30,
    Role.UNIT: 30,
}


def token_max_days(roles: Iterable[str]) -> int:
    """The longest token lifetime any of `roles` allows; 0 when none may mint a token."""
    return max((TOKEN_MAX_DAYS.get(role, 0) for role in roles), default=0)


def role_change_refusal(
    *, on_own_membership: bool, grant: Iterable[str], revoke: Iterable[str]
) -> str | None:
    """Why a system administrator may not make this change of roles, or None if they may.
    三员分立: they never give themselves a separated administrator's power (the other two would
    break the separation; their own is theirs already), and they do not take their own away,
    which would leave the congress with nobody to administer its accounts."""
    if not on_own_membership:
        return None
    if set(grant) & SEPARATED_ADMIN_ROLES:
        return "self_grant_admin"
    if Role.SYSTEM_ADMIN in set(revoke):
        return "self_revoke_admin"
    return None


# The bounds within which a security administrator may set a congress's password policy. The
# lower bounds are the platform's own rules: a policy can make passwords stronger, never weaker.
MIN_LENGTH_BOUNDS = (8, 32)
MAX_AGE_DAYS_BOUNDS = (30, 365)  # or 0: passwords do not expire


def password_policy_refusal(*, min_length: int, max_age_days: int) -> str | None:
    """Which field of a password policy is out of its safe bounds, or None if both are in."""
    low, high = MIN_LENGTH_BOUNDS
    if not low <= min_length <= high:
        return "min_length"
    low, high = MAX_AGE_DAYS_BOUNDS
    if max_age_days != 0 and not low <= max_age_days <= high:
        return "max_age_days"
    return None


def password_expired(*, age_days: float | None, max_age_days: int) -> bool:
    """Whether a password `age_days` old has outlived a policy's `max_age_days` (0: never).
    A password of unknown age (set before ages were kept) counts as expired under a policy."""
    if max_age_days == 0:
        return False
    return age_days is None or age_days > max_age_days

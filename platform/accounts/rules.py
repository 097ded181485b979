"""Who may hold an API token, and for how long (pure functions, no ORM)."""

from collections.abc import Iterable

from .roles import Role

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

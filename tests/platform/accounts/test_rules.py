"""Who may mint an API token, and for how long: the lifetimes pinned one role at a time."""

import pytest

from accounts.roles import Role
from accounts.rules import token_max_days

# The table the administrators read in docs/security.md, written out rather than read back from
# the code: a change to one lifetime must change this test too.
LIFETIMES = [
    (Role.SYSTEM_ADMIN, 90),
    (Role.SECURITY_ADMIN, 30),
    (Role.AUDIT_ADMIN, 30),
    (Role.STAFF, 30),
    (Role.UNIT, 30),
    (Role.DEPUTY, 0),
    (Role.TELLER, 0),
    (Role.PARTY_REVIEWER, 0),
]


@pytest.mark.parametrize(("role", "days"), LIFETIMES)
def test_each_role_has_its_own_token_lifetime(role: Role, days: int) -> None:
    assert token_max_days([role]) == days


def test_no_role_mints_no_token() -> None:
    assert token_max_days([]) == 0


def test_the_longest_lifetime_of_several_roles_wins() -> None:
    assert token_max_days([Role.STAFF, Role.SYSTEM_ADMIN]) == 90
    assert token_max_days([Role.SYSTEM_ADMIN, Role.STAFF]) == 90
    assert token_max_days([Role.DEPUTY, Role.UNIT]) == 30


def test_roles_given_as_plain_strings_are_read_the_same() -> None:
    assert token_max_days(["security_admin", "deputy"]) == 30
    assert token_max_days(["someone_else"]) == 0

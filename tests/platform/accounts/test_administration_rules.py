"""The system administrator's limits on their own membership, and the one-time passwords printed
on account slips (pure functions; the services and the API are in tests/api/test_accounts_admin.py)."""

import pytest
from django.contrib.auth.password_validation import validate_password

from accounts.passwords import ONE_TIME_PASSWORD_LENGTH, one_time_password
from accounts.rules import role_change_refusal


@pytest.mark.parametrize(
    ("grant", "revoke", "refusal"),
    [
        (["security_admin"], [], "self_grant_admin"),
        (["audit_admin"], [], "self_grant_admin"),
        (["system_admin"], [], "self_grant_admin"),
        ([], ["system_admin"], "self_revoke_admin"),
        (["staff", "teller"], ["deputy"], None),
    ],
)
def test_on_their_own_membership(grant: list[str], revoke: list[str], refusal: str | None) -> None:
    assert role_change_refusal(on_own_membership=True, grant=grant, revoke=revoke) == refusal


@pytest.mark.parametrize(
    ("grant", "revoke"),
    [(["security_admin"], []), (["audit_admin"], []), ([], ["system_admin"])],
)
def test_on_someone_elses_membership_nothing_is_refused_here(
    grant: list[str], revoke: list[str]
) -> None:
    # 三员分立 across one account's roles is the service's check (membership_grant).
    assert role_change_refusal(on_own_membership=False, grant=grant, revoke=revoke) is None


def test_one_time_passwords_pass_the_password_rules_and_avoid_look_alikes() -> None:
    passwords = {one_time_password() for _ in range(200)}

    assert len(passwords) == 200
    for password in passwords:
        assert len(password) == ONE_TIME_PASSWORD_LENGTH
        validate_password(password)
        assert not set(password) & set("O0l1IS5Z2B8")

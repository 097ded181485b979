"""The system administrator's limits on their own membership (a pure rule, mutation-tested; the
services and the API are in tests/api/test_accounts_admin.py)."""

import pytest

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

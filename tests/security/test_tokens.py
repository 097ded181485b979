"""Issue 12, Medium: any role minted tokens valid for a year; they outlived a password change
and a deactivation; they could not be listed or revoked; and a token could call auth/switch to
get a browser session on another tenant of the same user."""

import pytest
from django.test import Client

from accounts.models import ApiToken, User
from accounts.services import api_token_create, membership_grant, user_deactivate
from tests.conftest import PASSWORD, World, client_on, host_of
from tests.factories import make_member


def _bearer(congress: object, raw: str) -> Client:
    return Client(HTTP_HOST=host_of(congress), HTTP_AUTHORIZATION=f"Bearer {raw}")  # type: ignore[arg-type]


def _mint(client: Client, **body: object) -> object:
    return client.post(
        "/api/v1/auth/tokens", {"name": "ci", **body}, content_type="application/json"
    )


@pytest.fixture
def security_admin(world: World) -> User:
    return make_member(
        "security-a",
        world.town_a,
        ["security_admin"],
        world.operator,
        password=PASSWORD,
        display_name="安全员",
    )


def test_tokens_a_deputy_may_not_mint_one(world: World) -> None:
    response = _mint(client_on(world.town_a, world.deputy_both))

    assert response.status_code == 403  # type: ignore[attr-defined]
    assert response.json()["code"] == "token_not_allowed"  # type: ignore[attr-defined]


def test_tokens_lifetime_is_capped_by_role(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    assert _mint(staff, days=365).status_code == 400  # type: ignore[attr-defined]
    too_long = _mint(staff, days=31)
    fine = _mint(staff, days=30)

    assert too_long.json()["code"] == "token_lifetime"  # type: ignore[attr-defined]
    assert fine.status_code == 201  # type: ignore[attr-defined]


def test_tokens_are_revoked_by_a_password_change(world: World) -> None:
    _token, raw = api_token_create(user=world.staff_a, congress=world.town_a, name="ci")
    assert _bearer(world.town_a, raw).get("/api/v1/deputies").status_code == 200

    changed = client_on(world.town_a, world.staff_a).post(
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": "Fresh#2026pw"},
        content_type="application/json",
    )

    assert changed.status_code == 204
    assert _bearer(world.town_a, raw).get("/api/v1/deputies").status_code == 401


def test_tokens_are_revoked_by_deactivation(world: World) -> None:
    token, _raw = api_token_create(user=world.staff_a, congress=world.town_a, name="ci")

    user_deactivate(user=world.staff_a, actor=world.operator)
    User.objects.filter(pk=world.staff_a.pk).update(is_active=True)

    token.refresh_from_db()
    assert token.revoked_at is not None


def test_tokens_the_owner_lists_and_revokes_their_own(world: World) -> None:
    token, raw = api_token_create(user=world.staff_a, congress=world.town_a, name="导出脚本")
    staff = client_on(world.town_a, world.staff_a)

    listed = staff.get("/api/v1/auth/tokens").json()
    revoked = staff.delete(f"/api/v1/auth/tokens/{token.pk}")

    assert [(t["id"], t["name"], t["prefix"]) for t in listed] == [(token.pk, "导出脚本", raw[:8])]
    assert "token" not in listed[0]
    assert revoked.status_code == 204
    assert _bearer(world.town_a, raw).get("/api/v1/deputies").status_code == 401


def test_tokens_the_security_admin_lists_and_revokes_the_congress_tokens(
    world: World, security_admin: User
) -> None:
    token, raw = api_token_create(user=world.staff_a, congress=world.town_a, name="ci")
    admin = client_on(world.town_a, security_admin)
    staff = client_on(world.town_a, world.staff_a)

    listed = admin.get("/api/v1/auth/tokens", {"scope": "congress"}).json()
    refused = staff.get("/api/v1/auth/tokens", {"scope": "congress"})
    revoked = admin.delete(f"/api/v1/auth/tokens/{token.pk}")

    assert token.pk in [t["id"] for t in listed]
    assert refused.status_code == 403
    assert revoked.status_code == 204
    assert _bearer(world.town_a, raw).get("/api/v1/deputies").status_code == 401


def test_tokens_someone_elses_token_cannot_be_revoked(world: World) -> None:
    token, _raw = api_token_create(user=world.staff_a, congress=world.town_a, name="ci")
    other = make_member(
        "staff-a2", world.town_a, ["staff"], None, password=PASSWORD, display_name="二号"
    )

    response = client_on(world.town_a, other).delete(f"/api/v1/auth/tokens/{token.pk}")

    assert response.status_code == 404
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_tokens_a_token_cannot_switch_tenant_or_mint_tokens(world: World) -> None:
    membership_grant(
        user=world.deputy_both, congress=world.town_a, roles=["staff"], granted_by=None
    )
    _token, raw = api_token_create(user=world.deputy_both, congress=world.town_a, name="ci")
    bearer = _bearer(world.town_a, raw)

    switched = bearer.post(
        "/api/v1/auth/switch", {"congress_id": world.county.pk}, content_type="application/json"
    )
    minted = _mint(bearer)

    assert switched.status_code in (401, 403) and "url" not in switched.json()
    assert minted.status_code in (401, 403)  # type: ignore[attr-defined]

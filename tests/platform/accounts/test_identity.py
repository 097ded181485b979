"""Global users with per-tenant roles: 三员分立, password rules, lockout, idle timeout, switching."""

from datetime import timedelta
from urllib.parse import SplitResult, urlsplit

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, User
from accounts.services import membership_grant
from ops.errors import DomainError
from tests.conftest import PASSWORD, World, client_on, post_json


def _login(client: Client, username: str, password: str):
    return client.post(
        "/api/v1/auth/login",
        {"username": username, "password": password},
        content_type="application/json",
    )


def _redeem(client: Client, fragment: str):
    """What the web app's hand-off page does with the `#code=...` it was opened with."""
    return client.post(
        "/api/v1/auth/handoff",
        {"code": fragment.removeprefix("code=")},
        content_type="application/json",
    )


@pytest.mark.parametrize(
    "pair",
    [
        ("system_admin", "audit_admin"),
        ("security_admin", "audit_admin"),
        ("system_admin", "security_admin"),
    ],
)
def test_two_separated_admin_roles_are_refused_in_one_tenant(
    world: World, pair: tuple[str, str]
) -> None:
    user = User.objects.create(username="admin-one")

    with pytest.raises(DomainError) as refused:
        membership_grant(
            user=user, congress=world.town_a, roles=list(pair), granted_by=world.operator
        )

    assert refused.value.code == "separated_admin_roles"
    assert not Membership.objects.filter(user=user).exists()


def test_two_separated_admin_roles_are_refused_across_tenants(world: World) -> None:
    user = User.objects.create(username="admin-two")
    membership_grant(
        user=user, congress=world.town_a, roles=["system_admin"], granted_by=world.operator
    )

    with pytest.raises(DomainError):
        membership_grant(
            user=user, congress=world.town_b, roles=["audit_admin"], granted_by=world.operator
        )

    assert list(Membership.objects.filter(user=user).values_list("congress__slug", flat=True)) == [
        "town-a"
    ]


def test_the_database_refuses_two_separated_admin_roles_in_one_row(world: World) -> None:
    from django.db import IntegrityError, transaction

    user = User.objects.create(username="admin-three")
    with pytest.raises(IntegrityError), transaction.atomic():
        Membership.objects.create(
            user=user, congress=world.town_a, roles=["security_admin", "audit_admin"]
        )


def test_login_works_and_the_session_payload_names_tenant_and_roles(world: World) -> None:
    client = client_on(world.town_a)

    response = _login(client, "staff-a", PASSWORD)

    assert response.status_code == 200
    body = response.json()
    assert body["congress"]["name"] == "甲镇人大主席团"
    assert body["roles"] == ["staff"]
    assert client.get("/api/v1/auth/session").json()["user"]["username"] == "staff-a"


def test_a_user_without_membership_cannot_log_in_on_that_host(world: World) -> None:
    response = _login(client_on(world.town_b), "staff-a", PASSWORD)

    # Answered like a wrong password, so a stranger learns nothing about membership.
    assert response.status_code == 400
    assert response.json()["code"] == "login_failed"


def test_five_failures_lock_the_account_even_for_the_right_password(world: World) -> None:
    client = client_on(world.town_a)
    for _ in range(settings.LOGIN_MAX_FAILURES - 1):
        assert _login(client, "staff-a", "Wrong#2026").json()["code"] == "login_failed"
    assert _login(client, "staff-a", "Wrong#2026").json()["code"] == "account_locked"

    response = _login(client, "staff-a", PASSWORD)

    assert response.status_code == 400
    assert response.json()["code"] == "account_locked"
    AccessAttempt.objects.update(
        attempt_time=timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES, seconds=1)
    )
    assert _login(client, "staff-a", PASSWORD).status_code == 200


def test_an_unknown_username_answers_like_a_wrong_password(world: World) -> None:
    response = _login(client_on(world.town_a), "nobody-here", PASSWORD)

    assert response.status_code == 400
    assert response.json()["code"] == "login_failed"


@pytest.mark.parametrize(
    "weak", ["Short#1", "alllowercase#2026", "NoDigits#here", "NoSymbol2026x", "12345678"]
)
def test_password_rules(world: World, weak: str) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = client.post(
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": weak},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert response.json()["code"] == "password_weak"


def test_the_session_expires_after_the_idle_timeout(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    assert client.get("/api/v1/deputies").status_code == 200
    assert settings.SESSION_SAVE_EVERY_REQUEST and settings.SESSION_COOKIE_AGE == 30 * 60

    from django.contrib.sessions.models import Session

    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))

    assert client.get("/api/v1/deputies").status_code in (401, 403)


def _county_handoff(world: World) -> SplitResult:
    """`world.deputy_both`, logged in on town A, asks to switch to the county: the handoff link."""
    township = client_on(world.town_a, world.deputy_both)
    switch = {"congress_id": world.county.pk}
    return urlsplit(post_json(township, "/api/v1/auth/switch", switch).json()["url"])


def test_a_deputy_of_two_tenants_switches_without_a_password(world: World) -> None:
    parts = _county_handoff(world)
    assert parts.hostname == "tcounty.localhost"
    assert parts.path == "/auth/handoff" and not parts.query

    county = client_on(world.county)
    landing = _redeem(county, parts.fragment)

    assert landing.status_code == 200
    session = county.get("/api/v1/auth/session").json()
    assert session["user"]["username"] == "deputy-both"
    assert session["congress"]["slug"] == "tcounty"
    # The code is single-use.
    assert _redeem(client_on(world.county), parts.fragment).json()["code"] == "handoff_invalid"


def test_switching_to_a_tenant_one_does_not_belong_to_is_refused(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = client.post(
        "/api/v1/auth/switch", {"congress_id": world.town_b.pk}, content_type="application/json"
    )

    assert response.status_code == 403


def test_a_handoff_code_for_one_tenant_does_not_open_another(world: World) -> None:
    parts = _county_handoff(world)

    landing = _redeem(client_on(world.town_b), parts.fragment)

    assert landing.status_code == 403
    assert landing.json()["code"] == "handoff_invalid"


def test_unauthenticated_api_calls_get_401(world: World) -> None:
    response = client_on(world.town_a).get("/api/v1/deputies")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_a_short_password_is_refused_in_chinese(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = client.post(
        "/api/v1/auth/password",
        {"old_password": PASSWORD, "new_password": "Ab#1"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )

    assert "密码太短" in response.json()["detail"]


def test_the_session_names_the_division_code(world: World) -> None:
    session = client_on(world.town_a, world.staff_a).get("/api/v1/auth/session").json()

    assert session["congress"]["division_code"] == "369801101"
    assert session["memberships"][0]["congress"]["division_code"] == "369801101"

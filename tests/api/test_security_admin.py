"""The security administrator's work over HTTP (docs/security-administration.md): a locked
account seen and unlocked, a forgotten password reset to a one-time one that must be changed,
a member's sessions ended, tokens of the congress listed and revoked, the password policy within
its bounds (and applied); bad input refused naming its field, and nobody else let in."""

import base64
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import Membership, User
from accounts.services import api_token_create
from audit.models import AuditEntry
from tests.api.conftest import town_a_login, town_a_member
from tests.conftest import PASSWORD, World, client_on
from tests.factories import pdf_text

MEMBERS = "/api/v1/security/members"
POLICY = "/api/v1/security/password-policy"


@pytest.fixture
def security(world: World) -> Client:
    return client_on(world.town_a, town_a_member("town-a-sec", world, ["security_admin"]))


def _post(client: Client, path: str, body: dict[str, Any] | None = None) -> Any:
    return client.post(path, body or {}, content_type="application/json")


def _row(client: Client, username: str) -> dict[str, Any]:
    rows = {row["username"]: row for row in client.get(MEMBERS).json()}
    return rows[username]


def _mid(world: World, username: str) -> int:
    return Membership.objects.get(user__username=username, congress=world.town_a).pk


def test_a_locked_member_is_shown_and_unlocked(world: World, security: Client) -> None:
    # Given a member who mistyped their password five times
    town_a_member("li-locked", world, ["staff"])
    for _attempt in range(5):
        assert town_a_login("li-locked", "wrong-Password1!").status_code == 400
    assert town_a_login("li-locked", PASSWORD).json()["code"] == "account_locked"

    # Then the security administrator sees the lockout and its end
    row = _row(security, "li-locked")
    assert row["failures"] == 5
    assert row["locked_until"] is not None
    assert _row(security, "town-a-sec")["locked_until"] is None

    # When they unlock it
    response = _post(security, f"{MEMBERS}/{_mid(world, 'li-locked')}/unlock")

    # Then the member logs in with their password, and the unlock is in the log
    assert response.status_code == 200, response.content
    assert response.json()["locked_until"] is None
    assert response.json()["failures"] == 0
    assert town_a_login("li-locked", PASSWORD).status_code == 200
    entry = AuditEntry.objects.filter(action="user.unlock").get()
    assert entry.actor_label == "town-a-sec"
    # and unlocking an account with nothing counted is a clear refusal
    again = _post(security, f"{MEMBERS}/{_mid(world, 'li-locked')}/unlock")
    assert again.status_code == 409
    assert again.json()["code"] == "not_locked"


def test_a_password_reset_issues_a_one_time_password_and_ends_what_the_old_one_opened(
    world: World, security: Client
) -> None:
    # Given a staff member with a session, a token and their own password
    user = town_a_member("zhou-forgot", world, ["staff"])
    staff = client_on(world.town_a, user)
    api_token_create(user=user, congress=world.town_a, name="script")
    assert _row(security, "zhou-forgot")["sessions"] == 1

    # When the security administrator resets the password
    response = _post(security, f"{MEMBERS}/{_mid(world, 'zhou-forgot')}/password-reset")

    # Then a one-time password comes back once, on a slip, never cached
    assert response.status_code == 201, response.content
    assert response["Cache-Control"] == "no-store"
    pdf = base64.b64decode(response.json()["slips_pdf"])
    text = pdf_text(pdf, "\n")
    lines = [line.strip() for line in text.splitlines()]
    password = lines[lines.index("初始密码") + 1]
    # the old password, session and token are over
    assert town_a_login("zhou-forgot", PASSWORD).status_code == 400
    assert staff.get("/api/v1/deputies").status_code == 401
    assert user.api_tokens.filter(revoked_at=None).count() == 0
    # and the new one lets the person in only to change it
    person = Client(HTTP_HOST="town-a.localhost")
    login = _post(person, "/api/v1/auth/login", {"username": "zhou-forgot", "password": password})
    assert login.status_code == 200, (login.content, lines)
    assert login.json()["user"]["must_change_password"] is True
    assert person.get("/api/v1/deputies").json()["code"] == "password_change_required"
    entry = AuditEntry.objects.filter(action="user.password_reset").get()
    assert entry.payload == {"tokens_revoked": 1, "sessions_ended": 1}


def test_the_security_administrator_cannot_reset_their_own_password(
    world: World, security: Client
) -> None:
    response = _post(security, f"{MEMBERS}/{_mid(world, 'town-a-sec')}/password-reset")
    assert response.status_code == 403
    assert response.json()["code"] == "self_reset"


def test_ending_a_members_sessions_logs_them_out_here(world: World, security: Client) -> None:
    user = town_a_member("wu-online", world, ["staff"])
    first, second = client_on(world.town_a, user), client_on(world.town_a, user)
    assert _row(security, "wu-online")["sessions"] == 2
    assert _row(security, "wu-online")["last_seen"] is not None

    response = _post(security, f"{MEMBERS}/{_mid(world, 'wu-online')}/sessions-end")

    assert response.status_code == 200, response.content
    assert response.json()["sessions"] == 0
    assert first.get("/api/v1/deputies").status_code == 401
    assert second.get("/api/v1/deputies").status_code == 401
    assert AuditEntry.objects.filter(action="user.sessions_end").get().payload == {
        "sessions_ended": 2
    }


def test_the_congress_tokens_are_listed_and_revoked_by_the_security_administrator(
    world: World, security: Client
) -> None:
    user = town_a_member("integration", world, ["staff"])
    token, _raw = api_token_create(user=user, congress=world.town_a, name="报表同步")
    listed = security.get("/api/v1/auth/tokens?scope=congress").json()
    assert [t["name"] for t in listed] == ["报表同步"]
    response = security.delete(f"/api/v1/auth/tokens/{token.pk}")
    assert response.status_code in (200, 204)
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_password_policy_is_changed_within_bounds_and_applies(
    world: World, security: Client
) -> None:
    # Given the platform's defaults
    assert security.get(POLICY).json()["min_length"] == 8
    assert security.get(POLICY).json()["max_age_days"] == 0

    # When the policy asks for 12 characters and 90 days
    response = security.put(
        POLICY, {"min_length": 12, "max_age_days": 90}, content_type="application/json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["min_length_bounds"] == [8, 32]

    # Then a member's new password of 10 characters is refused, naming the field
    user = town_a_member("sun-policy", world, ["staff"])
    person = client_on(world.town_a, user)
    short = _post(
        person, "/api/v1/auth/password", {"old_password": PASSWORD, "new_password": "Ab3#defgh1"}
    )
    assert short.status_code == 400
    assert "new_password" in short.json()["fields"]
    assert "12" in short.json()["fields"]["new_password"][0]
    # and a password older than 90 days must be changed at the next login
    User.objects.filter(pk=user.pk).update(password_changed_at=timezone.now() - timedelta(days=91))
    login = town_a_login("sun-policy", PASSWORD)
    assert login.json()["user"]["must_change_password"] is True
    entry = AuditEntry.objects.filter(action="accounts.password_policy_set").get()
    assert entry.payload["after"] == {"min_length": 12, "max_age_days": 90}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"min_length": 6, "max_age_days": 0}, "min_length"),
        ({"min_length": 40, "max_age_days": 0}, "min_length"),
        ({"min_length": 8, "max_age_days": 7}, "max_age_days"),
        ({"min_length": 8, "max_age_days": 400}, "max_age_days"),
        ({"min_length": "x", "max_age_days": 0}, "min_length"),
        ({"min_length": 8}, "max_age_days"),
    ],
)
def test_a_policy_outside_its_safe_bounds_is_refused_naming_the_field(
    security: Client, body: dict[str, Any], field: str
) -> None:
    response = security.put(POLICY, body, content_type="application/json")
    assert response.status_code == 400, response.content
    assert field in response.json()["fields"]
    assert security.get(POLICY).json()["min_length"] == 8


def test_a_member_of_another_congress_is_not_found(world: World, security: Client) -> None:
    other = Membership.objects.get(user=world.staff_b, congress=world.town_b)
    assert _post(security, f"{MEMBERS}/{other.pk}/password-reset").status_code == 404
    assert _post(security, f"{MEMBERS}/999999/unlock").status_code == 404

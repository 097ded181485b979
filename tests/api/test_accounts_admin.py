"""The system administrator's accounts of a congress over HTTP: who holds what, an account one by
one and the roster's in bulk with their slips (the PDF read back and a slip's password used to
log in, which forces a change), roles granted and revoked under 三员分立, deactivation, reissue;
bad input refused naming its field, and the other administrators and staff refused the work."""

import base64
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from accounts.services import api_token_create
from tenants.deputies.models import Deputy
from tests.api.conftest import town_a_login, town_a_member
from tests.conftest import PASSWORD, World, client_on
from tests.factories import pdf_text
from tests.tenants.stations.factories import make_deputy

MEMBERS = "/api/v1/accounts/members"
NEW_PASSWORD = "Fresh#2027pw"


@pytest.fixture
def admin(world: World) -> Client:
    return client_on(world.town_a, town_a_member("town-a-sys", world, ["system_admin", "staff"]))


def _post(client: Client, path: str, body: dict[str, Any] | None = None, **extra: Any) -> Any:
    return client.post(path, body or {}, content_type="application/json", **extra)


def _slips_text(body: dict[str, Any]) -> str:
    pdf = base64.b64decode(body["slips_pdf"])
    assert pdf.startswith(b"%PDF-")
    return pdf_text(pdf, "\n")


def _slip_password(text: str, username: str) -> str:
    """The password printed after the username on its slip."""
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index(username)
    assert lines[at + 1] == "初始密码"
    return lines[at + 2]


def _membership_id(world: World, username: str) -> int:
    return Membership.objects.get(user__username=username, congress=world.town_a).pk


def test_an_account_made_one_by_one_prints_a_slip_whose_password_must_be_changed(
    world: World, admin: Client
) -> None:
    # When the system administrator creates a staff account
    response = _post(
        admin, MEMBERS, {"username": "wang-staff", "display_name": "王文书", "roles": ["staff"]}
    )

    # Then the answer carries the slip, never to be cached, and the list shows the account
    assert response.status_code == 201, response.content
    assert response["Cache-Control"] == "no-store"
    body = response.json()
    assert [m["username"] for m in body["members"]] == ["wang-staff"]
    assert body["slips_filename"] == "甲镇人大主席团-账号通知单.pdf"
    text = _slips_text(body)
    for words in ("甲镇人大主席团", "账号通知单", "王文书", "wang-staff", "town-a.localhost"):
        assert words in text
    assert "首次登录后" in text
    password = _slip_password(text, "wang-staff")
    listed = {m["username"]: m for m in admin.get(MEMBERS).json()}
    assert listed["wang-staff"]["roles"] == ["staff"]
    assert listed["wang-staff"]["must_change_password"] is True
    # only the hash is stored, and nothing shows the password again
    assert password not in User.objects.get(username="wang-staff").password
    assert password not in admin.get(MEMBERS).content.decode()

    # When the person logs in with the slip's password
    person = Client(HTTP_HOST="town-a.localhost")
    login = _post(person, "/api/v1/auth/login", {"username": "wang-staff", "password": password})

    # Then they are in, but may do nothing before changing it
    assert login.status_code == 200
    assert login.json()["user"]["must_change_password"] is True
    refused = person.get("/api/v1/deputies")
    assert refused.status_code == 403
    assert refused.json()["code"] == "password_change_required"
    changed = _post(
        person,
        "/api/v1/auth/password",
        {"old_password": password, "new_password": NEW_PASSWORD},
    )
    assert changed.status_code == 204, changed.content
    assert person.get("/api/v1/deputies").status_code == 200
    # and the slip's password no longer opens the account
    again = town_a_login("wang-staff", password)
    assert again.status_code == 400


def test_the_roster_gets_its_accounts_linked_and_a_deputy_logs_in_with_the_slip(
    world: World, admin: Client
) -> None:
    # Given two deputies on the roster without accounts, and one who has one already
    with tenant_context(world.town_a):
        li = make_deputy("李春华", phone="13700000011")
        zhao = make_deputy("赵秋实", phone="13700000012")
        linked = make_deputy("钱有号", phone="13700000013")
        Deputy.objects.filter(pk=linked.pk).update(user=world.deputy_both)

    # When the system administrator creates the roster's accounts
    response = _post(admin, f"{MEMBERS}/from-roster")

    # Then each deputy without an account has one, linked to them, with the deputy role
    assert response.status_code == 201, response.content
    body = response.json()
    made = {m["display_name"]: m for m in body["members"]}
    assert {"李春华", "赵秋实"} <= set(made)
    assert "钱有号" not in made
    with tenant_context(world.town_a):
        li.refresh_from_db()
        zhao.refresh_from_db()
    assert li.user_id == made["李春华"]["user_id"]
    assert zhao.user_id == made["赵秋实"]["user_id"]
    assert made["李春华"]["roles"] == ["deputy"]
    assert made["李春华"]["username"] == f"town-a-d{li.pk}"

    # And one PDF has a slip for each, whose password logs the deputy in and must be changed
    text = _slips_text(body)
    assert text.count("账号通知单") == len(body["members"])
    username = made["赵秋实"]["username"]
    password = _slip_password(text, username)
    deputy = Client(HTTP_HOST="town-a.localhost")
    login = _post(deputy, "/api/v1/auth/login", {"username": username, "password": password})
    assert login.status_code == 200
    assert login.json()["roles"] == ["deputy"]
    assert login.json()["user"]["must_change_password"] is True
    assert (
        _post(
            deputy,
            "/api/v1/auth/password",
            {"old_password": password, "new_password": NEW_PASSWORD},
        ).status_code
        == 204
    )
    assert deputy.get("/api/v1/auth/session").json()["user"]["must_change_password"] is False

    # When asked again, nobody is left without an account
    again = _post(admin, f"{MEMBERS}/from-roster")
    assert again.status_code == 400
    assert again.json()["code"] == "roster_all_have_accounts"


@pytest.mark.parametrize(
    ("username", "display_name", "roles", "field", "code"),
    [
        ("staff-a", "重名", ["staff"], "username", "username_taken"),
        ("STAFF-A", "重名", ["staff"], "username", "username_taken"),
        ("a b", "空格", ["staff"], "username", "username_invalid"),
        ("new-one", "无名", ["mayor"], "roles", "role_unknown"),
        ("new-one", "无名", [], "roles", "roles_required"),
        ("new-one", "  ", ["staff"], "display_name", "display_name_invalid"),
    ],
)
def test_bad_accounts_are_refused_naming_the_field(
    world: World,
    admin: Client,
    username: str,
    display_name: str,
    roles: list[str],
    field: str,
    code: str,
) -> None:
    body = {"username": username, "display_name": display_name, "roles": roles}
    response = _post(admin, MEMBERS, body)

    assert response.status_code == 400, response.content
    assert response.json()["code"] == code
    assert field in response.json()["fields"]
    assert not User.objects.filter(username="new-one").exists()


def test_a_refusal_is_in_the_callers_language(world: World, admin: Client) -> None:
    body = {"username": "new-one", "display_name": "无名", "roles": ["mayor"]}

    response = _post(admin, MEMBERS, body, HTTP_ACCEPT_LANGUAGE="en")

    assert response.json()["detail"] == "Unknown role: mayor"


def test_roles_are_granted_and_revoked_per_membership(world: World, admin: Client) -> None:
    target = _membership_id(world, "staff-a")

    granted = _post(admin, f"{MEMBERS}/{target}/roles", {"grant": ["teller", "security_admin"]})
    assert granted.status_code == 200, granted.content
    assert granted.json()["roles"] == ["security_admin", "staff", "teller"]

    revoked = _post(admin, f"{MEMBERS}/{target}/roles", {"revoke": ["teller", "staff"]})
    assert revoked.json()["roles"] == ["security_admin"]

    # 三员分立: the security administrator cannot also be the audit administrator
    both = _post(admin, f"{MEMBERS}/{target}/roles", {"grant": ["audit_admin"]})
    assert both.status_code == 400
    assert both.json()["code"] == "separated_admin_roles"
    # and an unknown role is named
    unknown = _post(admin, f"{MEMBERS}/{target}/roles", {"grant": ["mayor"]})
    assert unknown.status_code == 400 and "mayor" in unknown.json()["detail"]


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"grant": ["security_admin"]}, "self_grant_admin"),
        ({"grant": ["audit_admin"]}, "self_grant_admin"),
        ({"revoke": ["system_admin"]}, "self_revoke_admin"),
    ],
)
def test_the_system_administrator_cannot_give_themselves_another_administrators_power(
    world: World, admin: Client, change: dict[str, list[str]], code: str
) -> None:
    own = _membership_id(world, "town-a-sys")

    response = _post(admin, f"{MEMBERS}/{own}/roles", change)

    assert response.status_code == 403
    assert response.json()["code"] == code
    assert sorted(Membership.objects.get(pk=own).roles) == ["staff", "system_admin"]


def test_a_deactivated_membership_no_longer_lets_the_account_in(
    world: World, admin: Client
) -> None:
    staff = client_on(world.town_a, world.staff_a)
    token, _raw = api_token_create(user=world.staff_a, congress=world.town_a, name="脚本")
    target = _membership_id(world, "staff-a")

    response = _post(admin, f"{MEMBERS}/{target}/deactivate")

    assert response.status_code == 200
    assert response.json()["is_active"] is False
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert staff.get("/api/v1/deputies").status_code == 403
    login = town_a_login("staff-a", PASSWORD)
    assert login.status_code == 400
    # the list still shows who held what
    listed = {m["username"]: m for m in admin.get(MEMBERS).json()}
    assert listed["staff-a"]["is_active"] is False and listed["staff-a"]["roles"] == ["staff"]
    # and switching it back on lets them in again
    assert _post(admin, f"{MEMBERS}/{target}/activate").json()["is_active"] is True
    assert client_on(world.town_a, world.staff_a).get("/api/v1/deputies").status_code == 200
    # one's own membership cannot be switched off
    own = _post(admin, f"{MEMBERS}/{_membership_id(world, 'town-a-sys')}/deactivate")
    assert own.status_code == 403 and own.json()["code"] == "self_deactivate"


def test_a_reissued_slip_replaces_the_lost_one_until_the_person_sets_their_own(
    world: World, admin: Client
) -> None:
    first = _post(
        admin, MEMBERS, {"username": "lost-slip", "display_name": "孙某", "roles": ["unit"]}
    )
    old = _slip_password(_slips_text(first.json()), "lost-slip")
    target = first.json()["members"][0]["id"]

    reissued = _post(admin, f"{MEMBERS}/{target}/password-reissue")

    assert reissued.status_code == 201
    new = _slip_password(_slips_text(reissued.json()), "lost-slip")
    assert new != old
    person = Client(HTTP_HOST="town-a.localhost")
    credentials = {"username": "lost-slip"}
    assert _post(person, "/api/v1/auth/login", {**credentials, "password": old}).status_code == 400
    assert _post(person, "/api/v1/auth/login", {**credentials, "password": new}).status_code == 200
    # once they chose their own password, a reset is the security administrator's, not this
    _post(person, "/api/v1/auth/password", {"old_password": new, "new_password": NEW_PASSWORD})
    refused = _post(admin, f"{MEMBERS}/{target}/password-reissue")
    assert refused.status_code == 403
    assert refused.json()["code"] == "password_already_changed"


@pytest.mark.parametrize("roles", [["staff"], ["security_admin"], ["audit_admin"], ["deputy"]])
def test_only_the_system_administrator_does_this_work(world: World, roles: list[str]) -> None:
    other = client_on(world.town_a, town_a_member(f"other-{roles[0]}", world, roles))
    target = _membership_id(world, "staff-a")

    calls = [
        other.get(MEMBERS),
        _post(other, MEMBERS, {"username": "by-other", "display_name": "越权", "roles": ["staff"]}),
        _post(other, f"{MEMBERS}/from-roster"),
        _post(other, f"{MEMBERS}/{target}/roles", {"grant": ["teller"]}),
        _post(other, f"{MEMBERS}/{target}/deactivate"),
        _post(other, f"{MEMBERS}/{target}/activate"),
        _post(other, f"{MEMBERS}/{target}/password-reissue"),
    ]

    assert [call.status_code for call in calls] == [403] * len(calls)
    assert not User.objects.filter(username="by-other").exists()


def test_another_congress_membership_is_not_found_here(world: World, admin: Client) -> None:
    elsewhere = Membership.objects.get(user=world.staff_b, congress=world.town_b).pk

    response = _post(admin, f"{MEMBERS}/{elsewhere}/deactivate")

    assert response.status_code == 404
    assert Membership.objects.get(pk=elsewhere).is_active is True


def test_the_list_query_count_does_not_grow_with_members(world: World, admin: Client) -> None:
    def listing_queries() -> tuple[int, int]:
        with CaptureQueriesContext(connection) as queries:
            response = admin.get(MEMBERS)
        return len(queries), len(response.json())

    before, listed = listing_queries()
    for n in range(5):
        town_a_member(f"many-{n}", world, ["deputy"])

    after, listed_after = listing_queries()

    assert listed_after == listed + 5
    assert after == before

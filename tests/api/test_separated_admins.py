"""三员分立: the system, security and audit administrators of a congress are each refused the
other two's work, for every pair, reading and writing alike."""

import pytest
from django.test import Client

from accounts.models import Membership, User
from tests.conftest import PASSWORD, World, client_on
from tests.factories import make_member

# Each administrator's work: a read and a write of theirs.
WORK: dict[str, list[tuple[str, str]]] = {
    "system_admin": [
        ("get", "/api/v1/accounts/members"),
        ("post", "/api/v1/accounts/members/{member}/deactivate"),
    ],
    "security_admin": [
        ("get", "/api/v1/security/members"),
        ("post", "/api/v1/security/members/{member}/password-reset"),
        ("put", "/api/v1/security/password-policy"),
    ],
    "audit_admin": [
        ("get", "/api/v1/audit/entries"),
        ("get", "/api/v1/audit/entries.xlsx"),
        ("post", "/api/v1/audit/verify"),
    ],
}
PAIRS = [(who, whose) for who in WORK for whose in WORK if who != whose]


def _user(username: str, world: World, roles: list[str]) -> User:
    return make_member(username, world.town_a, roles, world.operator, password=PASSWORD)


@pytest.mark.parametrize(("who", "whose"), PAIRS)
def test_each_administrator_is_refused_the_other_twos_work(
    world: World, who: str, whose: str
) -> None:
    client: Client = client_on(world.town_a, _user(f"sep-{who}", world, [who]))
    member = Membership.objects.get(user=world.staff_a, congress=world.town_a).pk
    for method, path in WORK[whose]:
        response = getattr(client, method)(
            path.format(member=member),
            {"min_length": 12, "max_age_days": 0} if method != "get" else None,
            content_type="application/json",
        )
        assert response.status_code == 403, (who, method, path, response.content)
    # and the refusal changed nothing
    assert Membership.objects.get(pk=member).is_active
    assert client.get("/api/v1/auth/session").status_code == 200


@pytest.mark.parametrize("who", list(WORK))
def test_each_administrator_does_their_own_work(world: World, who: str) -> None:
    client = client_on(world.town_a, _user(f"own-{who}", world, [who]))
    method, path = WORK[who][0]
    assert getattr(client, method)(path).status_code == 200

"""Issue 12, High: five wrong passwords from anywhere locked any account for 30 minutes, so a
stranger could lock every deputy out during a vote. Failures now count per (username, client
address): the stranger locks only themself, while brute force from one address is stopped."""

from typing import Any

from django.conf import settings

from tests.conftest import PASSWORD, World
from tests.security.helpers import STRANGER, browser, login


def test_anonymous_lockout_a_stranger_cannot_lock_a_deputy_out(world: World) -> None:
    stranger = browser(world.town_a, STRANGER)
    for _ in range(settings.LOGIN_MAX_FAILURES + 2):
        login(stranger, "deputy-both", "Wrong#2026")

    owner = login(browser(world.town_a), "deputy-both", PASSWORD)

    assert owner.status_code == 200, owner.content


def test_anonymous_lockout_brute_force_from_one_address_is_stopped(world: World) -> None:
    attacker = browser(world.town_a, STRANGER)
    answers = [
        login(attacker, "staff-a", "Wrong#2026").json()["code"]
        for _ in range(settings.LOGIN_MAX_FAILURES)
    ]

    right = login(attacker, "staff-a", PASSWORD)

    assert answers[-1] == "account_locked"
    assert right.status_code == 400 and right.json()["code"] == "account_locked"


def test_anonymous_lockout_password_spraying_from_one_address_is_throttled(
    world: World, settings: Any
) -> None:
    settings.LOGIN_ADDRESS_MAX_FAILURES = 4
    sprayer = browser(world.town_a, STRANGER)
    for number in range(4):
        assert login(sprayer, f"guess-{number}", "Wrong#2026").status_code == 400

    refused = login(sprayer, "staff-a", PASSWORD)
    elsewhere = login(browser(world.town_a), "staff-a", PASSWORD)

    assert refused.status_code == 429 and refused.json()["code"] == "throttled"
    assert elsewhere.status_code == 200

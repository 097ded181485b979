"""Issue 12, Low: the login answers told a stranger things: account_locked came only for
existing users, and on a host where the user is not a member the right password answered
not_a_member while a wrong one answered login_failed."""

from django.conf import settings

from tests.conftest import PASSWORD, World
from tests.security.helpers import STRANGER, browser, login


def _answers(client: object, username: str, password: str) -> list[tuple[int, str]]:
    out = []
    for _ in range(settings.LOGIN_MAX_FAILURES + 1):
        response = login(client, username, password)  # type: ignore[arg-type]
        out.append((response.status_code, response.json()["code"]))
    return out


def test_login_oracles_lockout_answers_alike_for_existing_and_unknown_names(world: World) -> None:
    existing = _answers(browser(world.town_a, STRANGER), "staff-a", "Wrong#2026")
    unknown = _answers(browser(world.town_a, "198.51.100.10"), "nobody-at-all", "Wrong#2026")

    assert existing == unknown
    assert existing[-1] == (400, "account_locked")


def test_login_oracles_a_non_member_gets_the_same_answer_for_right_and_wrong_password(
    world: World,
) -> None:
    right = login(browser(world.town_b, STRANGER), "staff-a", PASSWORD)
    wrong = login(browser(world.town_b, "198.51.100.10"), "staff-a", "Wrong#2026")

    assert (right.status_code, right.json()) == (wrong.status_code, wrong.json())
    assert right.json()["code"] == "login_failed"

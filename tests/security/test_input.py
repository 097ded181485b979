"""Input: bodies the API cannot take are a clean 400 (findings: 100k-deep JSON raised
RecursionError on the opinion form, the ballot and the tally; PUT stations/settings without
notice_days was a 500)."""

from django.test import Client
from django_tenants.utils import tenant_context

from tests.conftest import World, client_on
from tests.security.roles import member
from tests.tenants.voting.factories import make_vote

DEEP = "[" * 100_000 + "]" * 100_000


def _deep(client: Client, url: str) -> tuple[int, str]:
    response = client.post(url, DEEP, content_type="application/json")
    return response.status_code, response.json().get("code", "")


def test_over_deep_json_is_a_400_on_the_opinion_form_the_ballot_and_the_tally(
    world: World,
) -> None:
    with tenant_context(world.town_a):
        vote = make_vote(deputies=3, candidates=2, seats=1)
        deputy, teller = member(world.town_a, "deputy"), member(world.town_a, "teller")

    answers = [
        _deep(client_on(world.town_a), "/api/v1/public/opinions"),
        _deep(client_on(world.town_a, deputy), f"/api/v1/voting/rounds/{vote.round.pk}/ballots"),
        _deep(client_on(world.town_a, teller), f"/api/v1/voting/rounds/{vote.round.pk}/tally"),
    ]

    assert answers == [(400, "too_deep")] * 3


def test_json_nested_a_little_is_still_read(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    response = staff.post(
        "/api/v1/voting/cycles", {"year": "x", "nested": [[[1]]]}, content_type="application/json"
    )

    assert response.status_code == 400 and response.json()["code"] == "invalid"


def test_station_settings_without_notice_days_is_a_400_naming_the_field(world: World) -> None:
    staff = client_on(world.town_a, world.staff_a)

    response = staff.put(
        "/api/v1/stations/settings",
        {"star_thresholds": [60, 70, 80, 90, 95]},
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "notice_days" in response.json()["fields"]

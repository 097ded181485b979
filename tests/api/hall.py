"""The voting hall over HTTP, for the 票决 API tests: accounts made straight in the database
(these tests are about the API, not about how accounts are made), town A's deputies on their
phones, town A in its voting phase with a chair at the desk, rounds opened and ballots cast
through the API, tellers, and a year-end evaluation's deputies on their phones."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.test import Client
from django_tenants.utils import tenant_context

from accounts.models import Membership, User
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.voting.models import Cycle
from tenants.voting.services import paper_issue
from tests.conftest import PASSWORD, World, client_on
from tests.tenants.voting.factories import make_implementing, make_setup

API = "/api/v1/voting"


def member(user: User, congress: Congress, roles: list[str]) -> User:
    """`user`, on the tests' password, holding `roles` in `congress`."""
    user.set_password(PASSWORD)
    user.save()
    Membership.objects.create(user=user, congress=congress, roles=roles)
    return user


def on_phones(world: World, deputies: Sequence[Deputy], prefix: str) -> list[Client]:
    """Town A's `deputies`, each given an account of their own named `{prefix}-{pk}` and
    logged in on a phone: their phones, in order."""
    with tenant_context(world.town_a):
        for deputy in deputies:
            account = User.objects.create(username=f"{prefix}-{deputy.pk}")
            deputy.user = member(account, world.town_a, ["deputy"])
            deputy.save(update_fields=["user"])
    return [client_on(world.town_a, deputy.user) for deputy in deputies]


@dataclass
class Hall:
    cycle: Cycle
    deputies: list[Deputy]
    chair: Client
    phones: list[Client]


def hall_at(
    world: World, *, deputies: int = 6, present: int = 6, prefix: str = "count", **rules: Any
) -> Hall:
    """Town A in its voting phase, `present` of its deputies signed in on their phones (accounts
    named `{prefix}-{pk}`), its staff at the chair's desk."""
    with tenant_context(world.town_a):
        setup = make_setup(deputies=deputies, present=0, **rules)
    phones = on_phones(world, setup.deputies, prefix)
    for phone in phones[:present]:
        assert phone.post(f"{API}/cycles/{setup.cycle.pk}/sign-in").status_code == 200
    return Hall(setup.cycle, setup.deputies, client_on(world.town_a, world.staff_a), phones)


def post(client: Client, url: str, body: dict) -> Any:
    return client.post(url, body, content_type="application/json")


def round_post(hall: Hall, body: dict | None = None) -> Any:
    """The chair asks for a round: the response."""
    return post(hall.chair, f"{API}/cycles/{hall.cycle.pk}/rounds", body or {})


def hall_round_open(hall: Hall) -> dict:
    """The chair opens a round: the round as the API gives it."""
    response = round_post(hall)
    assert response.status_code == 201, response.json()
    return response.json()


def ballot_for(round_: dict, answer: str = "yes") -> dict:
    """A ballot giving `answer` on every candidate of `round_`."""
    return {"choices": {str(c["id"]): answer for c in round_["candidates"]}}


def vote(hall: Hall, round_: dict, yes_for: set[int], voters: int) -> None:
    """The first `voters` phones vote 赞成 on the candidates `yes_for`, 反对 on the others."""
    for phone in hall.phones[:voters]:
        choices = {
            str(c["id"]): "yes" if c["id"] in yes_for else "no" for c in round_["candidates"]
        }
        response = post(phone, f"{API}/rounds/{round_['id']}/ballots", {"choices": choices})
        assert response.status_code == 201, response.json()


def tellers(world: World) -> list[Client]:
    return [
        client_on(
            world.town_a,
            member(User.objects.create(username=f"count-teller-{i}"), world.town_a, ["teller"]),
        )
        for i in range(2)
    ]


def paper_round(world: World, issued: int) -> tuple[Hall, dict]:
    """A paper round of two candidates for one seat, paper ballots issued to `issued` deputies."""
    hall = hall_at(world, candidates=2, seats=1, channel="paper")
    round_ = round_post(hall).json()
    with tenant_context(world.town_a):
        for deputy in hall.deputies[:issued]:
            paper_issue(round_id=round_["id"], deputy=deputy, actor=None)
    return hall, round_


def year_end(world: World, deputies: int = 4) -> tuple[Cycle, list[Deputy], list[Client]]:
    """Town A's cycle in implementation, ready for its year-end evaluation: the cycle, its
    deputies and their phones."""
    cache.clear()
    with tenant_context(world.town_a):
        setup = make_implementing(deputies=deputies)
    phones = on_phones(world, setup.deputies, "count-eval")
    return setup.cycle, setup.deputies, phones

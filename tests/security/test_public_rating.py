"""The public rating is one per project per client address per day, decided by the server
(finding: 'one per browser' was a client cookie, so ratings could be stuffed from one address by
dropping it)."""

from django.core.cache import cache
from django.test import Client
from django_tenants.utils import tenant_context

from tenants.voting.evaluation import evaluation_open, evaluation_set_rules
from tenants.voting.models import PublicRating
from tests.conftest import World, host_of
from tests.tenants.voting.factories import make_implementing


def _browser(world: World, address: str) -> Client:
    # A fresh client each time: no cookie carries over, as when a rater clears them.
    return Client(HTTP_HOST=host_of(world.town_a), REMOTE_ADDR=address)


def test_dropping_the_cookie_does_not_rate_again_from_the_same_address(world: World) -> None:
    cache.clear()
    with tenant_context(world.town_a):
        setup = make_implementing(deputies=3)
        evaluation_set_rules(cycle=setup.cycle, actor=None, public_rating=True)
        evaluation_open(cycle=setup.cycle, actor=None)
    url = f"/api/v1/public/voting/accounts/{setup.cycle.year}/ratings"
    mark = {"marks": {str(setup.candidates[0].pk): "satisfied"}}

    first = _browser(world, "203.0.113.7").post(url, mark, content_type="application/json")
    stuffed = [
        _browser(world, "203.0.113.7").post(url, mark, content_type="application/json")
        for _ in range(3)
    ]
    elsewhere = _browser(world, "198.51.100.9").post(url, mark, content_type="application/json")

    assert first.status_code == 201 and elsewhere.status_code == 201
    assert {r.status_code for r in stuffed} == {409}
    with tenant_context(world.town_a):
        assert PublicRating.objects.filter(candidate=setup.candidates[0]).count() == 2
        assert not PublicRating.objects.filter(rater_key__contains="203.0.113.7").exists()
    cache.clear()

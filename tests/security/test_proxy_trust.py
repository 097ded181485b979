"""Issue 12, Medium: with no proxy configured DRF trusted a client's X-Forwarded-For, so each
request with a new header got a new throttle bucket and the public limits were void."""

from typing import Any

from django.core.cache import cache

from ops.network import resolve_client_address
from tests.conftest import World
from tests.security.helpers import browser

TRACKING_PER_HOUR = 60  # settings' public_tracking rate, used by the opinion tracking page


def _track(client: object, forwarded_for: str) -> int:
    response = client.get(  # type: ignore[attr-defined]
        "/api/v1/public/opinions/NO-SUCH-CODE", HTTP_X_FORWARDED_FOR=forwarded_for
    )
    return int(response.status_code)


def test_proxy_trust_forwarded_for_without_a_proxy_shares_one_throttle_bucket(
    world: World,
) -> None:
    cache.clear()
    client = browser(world.town_a, "192.0.2.10")
    statuses = [_track(client, f"203.0.113.{n}") for n in range(TRACKING_PER_HOUR)]

    over = _track(client, "203.0.113.250")

    assert 429 not in statuses
    assert over == 429


def test_proxy_trust_behind_one_proxy_the_address_it_saw_counts(
    world: World, settings: Any
) -> None:
    settings.TRUSTED_PROXIES = 1
    cache.clear()
    client = browser(world.town_a, "10.0.0.2")  # the proxy
    for n in range(TRACKING_PER_HOUR):
        # What the client wrote varies; what the proxy appended does not.
        _track(client, f"198.51.100.{n}, 192.0.2.20")

    assert _track(client, "192.0.2.20") == 429
    assert _track(client, "192.0.2.21") == 404


def test_proxy_trust_resolution() -> None:
    assert resolve_client_address(peer="10.0.0.2", forwarded_for="1.2.3.4", trusted_proxies=0) == (
        "10.0.0.2"
    )
    assert (
        resolve_client_address(peer="10.0.0.2", forwarded_for="6.6.6.6, 1.2.3.4", trusted_proxies=1)
        == "1.2.3.4"
    )
    assert resolve_client_address(peer="10.0.0.2", forwarded_for="", trusted_proxies=1) == (
        "10.0.0.2"
    )

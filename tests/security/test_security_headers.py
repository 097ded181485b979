"""Issue 12, Low: no Content-Security-Policy. Scripts may come from this origin only, nothing
may frame the app, and the usual headers are set on the app's page and the API alike."""

from tests.conftest import World, client_on
from tests.security.helpers import close_page


def _directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def test_security_headers_csp_and_friends_on_the_app_and_the_api(world: World) -> None:
    client = client_on(world.town_a)
    for response in (client.get("/"), client.get("/api/v1/auth/session")):
        policy = _directives(response["Content-Security-Policy"])

        assert policy["script-src"] == ["'self'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["default-src"] == ["'self'"]
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert response["X-Frame-Options"] == "DENY"
        close_page(response)

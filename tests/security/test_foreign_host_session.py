"""Issue 12, Low: a session cookie presented on another tenant's host was destroyed on the
server, which logged its owner out at home."""

from django.contrib.sessions.models import Session

from tests.conftest import World, client_on


def test_foreign_host_session_is_refused_there_and_kept_at_home(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)
    cookie = client.cookies["sessionid"].value

    client.defaults["HTTP_HOST"] = "town-b.localhost"
    refused = client.get("/api/v1/deputies")
    client.defaults["HTTP_HOST"] = "town-a.localhost"
    # The test client keeps one cookie jar for all hosts; a browser keeps town-a's apart.
    client.cookies["sessionid"] = cookie
    home = client.get("/api/v1/deputies")

    assert refused.status_code == 403 and refused.json()["code"] == "tenant_mismatch"
    assert Session.objects.filter(session_key=cookie).exists()
    assert home.status_code == 200

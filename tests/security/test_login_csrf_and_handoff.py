"""Issue 12, Medium: POST auth/login took a form from a foreign origin without a CSRF token
(login CSRF), and GET /auth/handoff?code= swapped a browser holding another user's session into
the code owner's account. The code also travelled in the URL, into access logs."""

from urllib.parse import urlsplit

from django.contrib.sessions.models import Session
from django.test import Client

from tests.conftest import PASSWORD, World, client_on, host_of
from tests.security.helpers import close_page


def _switch_url(world: World) -> str:
    township = client_on(world.town_a, world.deputy_both)
    response = township.post(
        "/api/v1/auth/switch", {"congress_id": world.county.pk}, content_type="application/json"
    )
    return str(response.json()["url"])


def test_login_csrf_a_foreign_form_post_without_token_is_refused(world: World) -> None:
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=host_of(world.town_a))

    response = browser.post(
        "/api/v1/auth/login",
        {"username": "staff-a", "password": PASSWORD},
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 403
    assert response.json()["code"] == "csrf_failed"
    assert browser.get("/api/v1/auth/session").json()["user"] is None


def test_login_csrf_the_web_apps_own_login_with_the_token_works(world: World) -> None:
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=host_of(world.town_a))
    browser.get("/api/v1/auth/csrf")
    token = browser.cookies["csrftoken"].value

    response = browser.post(
        "/api/v1/auth/login",
        {"username": "staff-a", "password": PASSWORD},
        content_type="application/json",
        HTTP_X_CSRFTOKEN=token,
        HTTP_ORIGIN=f"http://{host_of(world.town_a)}",
    )

    assert response.status_code == 200


def test_handoff_a_browser_holding_another_users_session_is_not_swapped(world: World) -> None:
    parts = urlsplit(_switch_url(world))
    county = client_on(world.county, world.county_admin)

    response = county.post(
        "/api/v1/auth/handoff",
        {"code": parts.fragment.removeprefix("code=")},
        content_type="application/json",
    )

    assert response.status_code == 409
    assert response.json()["code"] == "handoff_other_session"
    assert county.get("/api/v1/auth/session").json()["user"]["username"] == "county-admin"


def test_handoff_the_code_stays_out_of_the_url_query_and_a_get_opens_no_session(
    world: World,
) -> None:
    parts = urlsplit(_switch_url(world))
    code = parts.fragment.removeprefix("code=")
    sessions_before = Session.objects.count()
    county = client_on(world.county)

    close_page(county.get(f"/auth/handoff?code={code}"))  # the web app's page

    assert parts.query == "" and parts.fragment.startswith("code=")
    assert county.get("/api/v1/auth/session").json()["user"] is None
    assert Session.objects.count() == sessions_before


def test_handoff_post_without_csrf_token_is_refused(world: World) -> None:
    parts = urlsplit(_switch_url(world))
    browser = Client(enforce_csrf_checks=True, HTTP_HOST=host_of(world.county))

    response = browser.post(
        "/api/v1/auth/handoff",
        {"code": parts.fragment.removeprefix("code=")},
        HTTP_ORIGIN="https://evil.example",
    )

    assert response.status_code == 403
    assert browser.get("/api/v1/auth/session").json()["user"] is None

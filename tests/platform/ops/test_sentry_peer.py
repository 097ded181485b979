"""Sentry events travel over HTTP to a local envelope endpoint (a real protocol peer) with the
tenant and request id as tags and no personal data."""

import gzip
import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
import sentry_sdk
from django.http import HttpRequest, HttpResponse
from django.test import RequestFactory
from django_tenants.utils import tenant_context

from ops.middleware import RequestIdMiddleware
from ops.sentry import init_sentry
from tests.conftest import World


class _Envelopes(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def sentry_peer() -> Iterator[list[bytes]]:
    server = HTTPServer(("127.0.0.1", 0), _Envelopes)
    _Envelopes.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    init_sentry(dsn=f"http://publickey@127.0.0.1:{server.server_port}/1", environment="test")
    yield _Envelopes.received
    sentry_sdk.get_client().close(timeout=2)
    sentry_sdk.init()  # back to a disabled client
    server.shutdown()
    server.server_close()


def _first_event(sentry_peer: list[bytes], marker: bytes) -> dict:
    """Once the SDK has sent what it holds, the first event the peer received whose line has
    `marker`."""
    sentry_sdk.flush(timeout=5)
    events = [
        json.loads(line)
        for envelope in sentry_peer
        for line in envelope.splitlines()[1:]
        if line.startswith(b"{") and marker in line
    ]
    assert events, "no event reached the peer"
    return events[0]


def test_an_event_carries_tenant_and_request_id_and_no_personal_data(
    world: World, sentry_peer: list[bytes]
) -> None:
    def view(request: HttpRequest) -> HttpResponse:
        sentry_sdk.set_context("deputy", {"name": "王建国", "phone": "13900000000", "term": 18})
        sentry_sdk.capture_message("probe")
        return HttpResponse("ok")

    request = RequestFactory().post(
        "/api/v1/anything", {"password": "Secret#2026"}, HTTP_X_REQUEST_ID="req-12345678"
    )
    with tenant_context(world.town_a), sentry_sdk.isolation_scope():
        RequestIdMiddleware(view)(request)

    event = _first_event(sentry_peer, b'"probe"')
    assert event["tags"]["tenant"] == "town_a"
    assert event["tags"]["request_id"] == "req-12345678"
    raw = json.dumps(event, ensure_ascii=False)
    assert "王建国" not in raw and "13900000000" not in raw and "Secret#2026" not in raw
    assert event["contexts"]["deputy"]["term"] == 18


def test_sentry_scrubbing_matches_patterns_in_messages_breadcrumbs_headers_and_urls(
    world: World, sentry_peer: list[bytes]
) -> None:
    """Issue 12: exact key names let exception messages, breadcrumbs, X-CSRFToken,
    X-Forwarded-For and a Referer carrying a hand-off code through to Sentry."""
    secrets = {
        "csrf": "csrfSECRET0123456789",
        "forwarded": "203.0.113.77",
        "handoff": "HANDOFFcode0123456789",
        "phone": "13912345678",
        "password": "Hunter#2026x",
        "token": "cp_TOKENsecret0123456789",
        "id_card": "11010519491231002X",
        "email": "deputy@example.org",
    }

    def view(request: HttpRequest) -> HttpResponse:
        logging.getLogger("congress.probe").warning(
            "redirecting to https://tcounty.localhost/auth/handoff#code=%s for %s",
            secrets["handoff"],
            secrets["email"],
        )
        sentry_sdk.add_breadcrumb(
            category="auth",
            message=f"login password={secrets['password']}",
            data={"mobile_phone": secrets["phone"], "next": f"/x?code={secrets['handoff']}"},
        )
        try:
            raise ValueError(
                f"deputy {secrets['phone']} id {secrets['id_card']} sent Bearer {secrets['token']}"
            )
        except ValueError:
            sentry_sdk.capture_exception()
        return HttpResponse("ok")

    request = RequestFactory().get(
        f"/api/v1/anything?code={secrets['handoff']}",
        HTTP_X_REQUEST_ID="req-87654321",
        HTTP_X_CSRFTOKEN=secrets["csrf"],
        HTTP_X_FORWARDED_FOR=secrets["forwarded"],
        HTTP_REFERER=f"https://town-a.localhost/auth/handoff?code={secrets['handoff']}",
    )
    with tenant_context(world.town_a), sentry_sdk.isolation_scope() as scope:
        scope.set_extra("request_headers", dict(request.headers))
        RequestIdMiddleware(view)(request)

    event = _first_event(sentry_peer, b'"exception"')
    raw = json.dumps(event, ensure_ascii=False)
    leaked = {name for name, value in secrets.items() if value in raw}
    assert leaked == set(), raw
    # What helps debugging stays: the exception type and the breadcrumb's category.
    assert event["exception"]["values"][0]["type"] == "ValueError"
    assert "auth" in raw

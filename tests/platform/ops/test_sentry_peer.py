"""Sentry events travel over HTTP to a local envelope endpoint (a real protocol peer) with the
tenant and request id as tags and no personal data."""

import gzip
import json
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
    sentry_sdk.flush(timeout=5)

    events = [
        json.loads(line)
        for envelope in sentry_peer
        for line in envelope.splitlines()[1:]
        if line.startswith(b"{") and b'"probe"' in line
    ]
    assert events, "no event reached the peer"
    event = events[0]
    assert event["tags"]["tenant"] == "town_a"
    assert event["tags"]["request_id"] == "req-12345678"
    raw = json.dumps(event, ensure_ascii=False)
    assert "王建国" not in raw and "13900000000" not in raw and "Secret#2026" not in raw
    assert event["contexts"]["deputy"]["term"] == 18

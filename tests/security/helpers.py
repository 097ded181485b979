"""What the security regression tests share: a login call from a chosen address, and every API
endpoint with the methods to try on it."""

from collections.abc import Iterator
from typing import Any

from django.core import signals
from django.db import close_old_connections
from django.test import Client
from django.urls import URLPattern, URLResolver
from rest_framework.views import APIView

from tests.conftest import host_of

STRANGER = "198.51.100.9"


def login(client: Client, username: str, password: str) -> Any:
    return client.post(
        "/api/v1/auth/login",
        {"username": username, "password": password},
        content_type="application/json",
    )


def browser(congress: object, address: str = "127.0.0.1") -> Client:
    """A client on a tenant's host whose requests come from `address`."""
    return Client(HTTP_HOST=host_of(congress), REMOTE_ADDR=address)  # type: ignore[arg-type]


def close_page(response: Any) -> None:
    """Close a file response (the web app's page) the way Django's test client closes its own
    streamed responses: with the request_finished handler that would end the test's database
    connection held off."""
    signals.request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        signals.request_finished.connect(close_old_connections)


METHODS = ("get", "post", "put", "patch", "delete")


def endpoints(
    patterns: list[URLPattern | URLResolver], prefix: str = ""
) -> Iterator[tuple[str, type[APIView]]]:
    """Every DRF view the URL conf routes to, with its full path pattern."""
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from endpoints(entry.url_patterns, prefix + str(entry.pattern))
            continue
        view = getattr(entry.callback, "view_class", None)
        if view is not None and issubclass(view, APIView):
            yield prefix + str(entry.pattern), view

"""What the security regression tests share: a login call from a chosen address."""

from typing import Any

from django.test import Client

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

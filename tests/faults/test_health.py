"""/healthz with services down or hanging: it answers within its bound and names each one."""

import socket
from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings

from tests.servers import free_port

from .conftest import timed


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A port that accepts connections and never answers: a hung service."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(64)
        yield int(server.getsockname()[1])


def test_healthz_is_fast_and_names_what_is_down(
    django_db_setup: None, django_db_blocker: Any, silent_port: int
) -> None:
    hung = f"redis://127.0.0.1:{silent_port}/0"
    caches = {"default": {**settings.CACHES["default"], "LOCATION": hung}}
    real = connection.settings_dict["PORT"]
    with (
        django_db_blocker.unblock(),
        override_settings(CACHES=caches, CELERY_BROKER_URL=hung, HEALTH_CHECK_SECONDS=2.0),
    ):
        healthy = Client(HTTP_HOST="localhost").get("/healthz").json()
        connection.close()
        connection.settings_dict["PORT"] = str(free_port())  # PostgreSQL down as well
        try:
            with timed() as took:
                response = Client(HTTP_HOST="localhost").get("/healthz")
        finally:
            connection.close()
            connection.settings_dict["PORT"] = real

    assert healthy["database"] == {"status": "ok"} and healthy["storage"] == {"status": "ok"}
    assert healthy["cache"]["status"] == "down" and healthy["broker"]["status"] == "down"
    assert response.status_code == 503
    report = response.json()
    assert report["status"] == "degraded"
    assert {name: part["status"] for name, part in report.items() if name != "status"} == {
        "database": "down",
        "cache": "down",
        "broker": "down",
        "storage": "down",
    }
    assert took[0] < 2.0 + 1.5  # every check at once, the whole answer cut at 2 s

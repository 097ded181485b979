"""Object storage (an S3 API server of the test's own) stopped, then back empty: uploads are
refused fast with a JSON 503 and leave no row; /healthz answers fast and notices rows whose
objects storage lost."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from filestore import storage
from filestore.models import StoredFile
from tests.conftest import World, client_on
from tests.factories import PDF
from tests.servers import VENV_BIN, free_port, running

from .conftest import timed


@contextmanager
def moto_at(port: int) -> Iterator[None]:
    with running([str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], port=port):
        yield


@pytest.fixture
def storage_port(s3_endpoint: str, django_db_setup: None, django_db_blocker: Any) -> Iterator[int]:
    """Storage at a port of the test's own (started and stopped by the test), with writes that
    really commit: /healthz samples rows from connections of its own."""
    port = free_port()
    settings.S3_ENDPOINT = f"127.0.0.1:{port}"
    storage.client.cache_clear()
    cache.clear()
    try:
        with django_db_blocker.unblock():
            yield port
            connection.close()
    finally:
        settings.S3_ENDPOINT = s3_endpoint
        storage.client.cache_clear()


def _upload(client: Client) -> Any:
    return client.post(
        "/api/v1/files",
        {"file": SimpleUploadedFile("纪要.pdf", PDF, content_type="application/pdf")},
        HTTP_ACCEPT_LANGUAGE="en",
    )


def _files() -> int:
    with schema_context("town_a"):
        return StoredFile.objects.count()


def test_storage_down_refuses_fast_and_healthz_notices_lost_objects(storage_port: int) -> None:
    world: World = pytest.world  # type: ignore[attr-defined]
    staff = client_on(world.town_a, world.staff_a)
    platform = Client(HTTP_HOST="localhost")
    stored_id = None
    try:
        with moto_at(storage_port):
            storage.storage_ready()
            uploaded = _upload(staff)
            assert uploaded.status_code == 201, uploaded.content
            stored_id = uploaded.json()["id"]
            assert platform.get("/healthz").json()["storage"] == {"status": "ok"}
        before = _files()

        # Storage is down.
        with timed() as took:
            refused = _upload(staff)
        assert refused.status_code == 503 and refused.json()["code"] == "storage_unavailable"
        assert "storage is unavailable" in refused.json()["detail"]
        assert refused["Retry-After"]
        assert took[0] < 8
        assert _files() == before  # no row points at an object that was never written
        with timed() as took:
            health = platform.get("/healthz")
        assert health.status_code == 503 and took[0] < settings.HEALTH_CHECK_SECONDS + 2
        assert health.json()["storage"]["status"] == "down"
        assert health.json()["database"] == {"status": "ok"}

        # Storage is back, but empty (restarted without its data): the row's object is gone.
        with moto_at(storage_port):
            health = platform.get("/healthz")
            assert health.status_code == 503
            assert health.json()["storage"] == {
                "status": "down",
                "error": "missing 1 sampled objects",
            }
    finally:
        if stored_id is not None:
            with schema_context("town_a"):
                StoredFile.objects.filter(pk=stored_id).delete()

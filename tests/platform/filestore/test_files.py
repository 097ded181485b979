"""Uploads are checked by content, stored under the tenant's prefix, and served by presigned URL."""

import urllib.request

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django_tenants.utils import tenant_context

from filestore.models import StoredFile
from tests.conftest import World, client_on
from tests.factories import PDF, PNG


def _upload(client: Client, name: str, data: bytes, content_type: str = "application/octet-stream"):
    return client.post(
        "/api/v1/files", {"file": SimpleUploadedFile(name, data, content_type=content_type)}
    )


def test_an_upload_is_stored_under_the_tenant_prefix_and_downloads_by_presigned_url(
    world: World,
) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = _upload(client, "会议纪要.pdf", PDF, "application/pdf")

    assert response.status_code == 201, response.json()
    with tenant_context(world.town_a):
        stored = StoredFile.objects.get(pk=response.json()["id"])
    assert stored.key.startswith("tenants/town_a/") and stored.content_type == "application/pdf"
    url = client.get(f"/api/v1/files/{stored.pk}/url").json()["url"]
    with urllib.request.urlopen(url) as download:
        assert download.read() == PDF
        assert "attachment" in download.headers["Content-Disposition"]


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("a.exe", b"MZ\x90\x00" + b"\x00" * 100, "file_type_not_allowed"),
        ("fake.pdf", PNG, "file_type_not_allowed"),  # the content is what counts
        ("photo.png", b"<script>alert(1)</script>", "file_type_not_allowed"),
        ("empty.pdf", b"", "invalid"),
    ],
)
def test_wrong_types_are_refused_and_nothing_is_stored(
    world: World, name: str, data: bytes, code: str
) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = _upload(client, name, data)

    assert response.status_code == 400
    assert response.json()["code"] == code
    with tenant_context(world.town_a):
        assert not StoredFile.objects.filter(name=name).exists()


@override_settings(UPLOAD_MAX_BYTES=1024)
def test_an_oversized_upload_is_refused(world: World) -> None:
    client = client_on(world.town_a, world.staff_a)

    response = _upload(client, "big.png", PNG + b"\x00" * 2048)

    assert response.status_code == 400
    assert response.json()["code"] == "file_too_large"


def test_uploading_needs_a_member(world: World) -> None:
    assert _upload(client_on(world.town_a), "a.png", PNG).status_code == 401

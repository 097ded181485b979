"""Download URLs name the storage address browsers reach (finding: presigned URLs named the
storage server's internal address, so phones could not load progress photos in production)."""

import os
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from django_tenants.utils import tenant_context

from filestore import storage
from filestore.services import file_download_url, file_store
from tests.conftest import World
from tests.factories import PNG
from tests.servers import ROOT


@pytest.fixture
def public_storage() -> Iterator[None]:
    with override_settings(S3_PUBLIC_URL="https://files.congress.example.gov.cn"):
        storage.signing_client.cache_clear()
        yield
    storage.signing_client.cache_clear()


def test_download_urls_are_signed_for_the_public_storage_address(
    world: World, public_storage: None
) -> None:
    with tenant_context(world.town_a):
        photo = file_store(uploaded_by=None, name="工地.png", data=PNG)
        url = urlsplit(file_download_url(stored=photo))

    assert (url.scheme, url.netloc) == ("https", "files.congress.example.gov.cn")
    assert url.path.endswith(photo.key) and "X-Amz-Signature=" in url.query


def test_without_a_public_address_urls_name_the_endpoint(world: World) -> None:
    with tenant_context(world.town_a):
        photo = file_store(uploaded_by=None, name="工地.png", data=PNG)
        url = urlsplit(file_download_url(stored=photo))

    assert url.netloc == storage.settings.S3_ENDPOINT


def test_the_pages_let_photos_load_from_the_public_storage_address() -> None:
    """The Content-Security-Policy names the address the URLs are signed for: with the internal
    endpoint in `img-src`, browsers refused every photo signed for the public one."""
    env = os.environ | {
        "CONGRESS_S3_ENDPOINT": "minio:9000",
        "CONGRESS_S3_PUBLIC_URL": "https://files.congress.example.gov.cn:8443/",
    }
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings; "
            "print(*settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])",
        ],
        cwd=ROOT,
        env=env | {"DJANGO_SETTINGS_MODULE": "config.settings"},
        capture_output=True,
        text=True,
        check=True,
    )

    sources = shown.stdout.split()
    assert "https://files.congress.example.gov.cn:8443" in sources
    assert "http://minio:9000" not in sources

"""Object storage through the MinIO SDK: MinIO in production, any S3 API peer in tests.

Every object key begins with the current schema's name, so no two tenants share a path, and
downloads are short-lived presigned URLs issued only after the caller's tenant is checked.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from functools import cache
from typing import BinaryIO
from urllib.parse import urlsplit

import urllib3
from django.conf import settings
from minio import Minio
from minio.error import S3Error

from ops.tenancy import current_schema


class StorageUnavailable(RuntimeError):
    """Object storage did not answer in time (down, or unreachable)."""


@cache
def client() -> Minio:
    """Storage that is down is refused within seconds: a short connect and read timeout and one
    retry, where the SDK's own client waits through five retries with no timeout."""
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=settings.S3_CONNECT_TIMEOUT, read=settings.S3_READ_TIMEOUT),
        retries=urllib3.Retry(total=1, backoff_factor=0.1, status_forcelist=[502, 503, 504]),
        maxsize=10,
    )
    return Minio(
        settings.S3_ENDPOINT,
        access_key=settings.S3_ACCESS_KEY,
        secret_key=settings.S3_SECRET_KEY,
        secure=settings.S3_SECURE,
        region=settings.S3_REGION,
        http_client=http,
    )


@contextmanager
def _reachable() -> Iterator[None]:
    """Storage's transport failures (refused, timed out, reset) as StorageUnavailable."""
    try:
        yield
    except urllib3.exceptions.HTTPError as error:
        raise StorageUnavailable(str(error)) from error


@cache
def signing_client() -> Minio:
    """The client download URLs are signed for. The app reaches storage at an internal address
    (`minio:9000`) that browsers cannot; with CONGRESS_S3_PUBLIC_URL set, URLs name the public
    address instead, and the proxy there passes the Host header through so the signature holds.
    Signing is local (the region is given), so this client never connects anywhere."""
    if not settings.S3_PUBLIC_URL:
        return client()
    public = urlsplit(settings.S3_PUBLIC_URL)
    return Minio(
        public.netloc,
        access_key=settings.S3_ACCESS_KEY,
        secret_key=settings.S3_SECRET_KEY,
        secure=public.scheme == "https",
        region=settings.S3_REGION,
    )


def tenant_prefix() -> str:
    return f"tenants/{current_schema()}/"


def storage_ready() -> None:
    """Raise unless the bucket can be reached; create it on first use."""
    with _reachable():
        if not client().bucket_exists(settings.S3_BUCKET):
            client().make_bucket(settings.S3_BUCKET)


def put_object(*, key: str, stream: BinaryIO, size: int, content_type: str) -> None:
    with _reachable():
        client().put_object(settings.S3_BUCKET, key, stream, size, content_type=content_type)


def remove_object(key: str) -> None:
    with _reachable():
        client().remove_object(settings.S3_BUCKET, key)


def object_exists(key: str) -> bool:
    """Whether storage holds `key` (StorageUnavailable when storage does not answer)."""
    with _reachable():
        try:
            client().stat_object(settings.S3_BUCKET, key)
        except S3Error as error:
            if error.code in {"NoSuchKey", "NoSuchObject", "NoSuchBucket"}:
                return False
            raise
    return True


def get_object_bytes(key: str) -> bytes:
    return get_object(key)[0]


def presigned_download_url(*, key: str, filename: str) -> str:
    if not key.startswith(tenant_prefix()):
        raise PermissionError("object belongs to another tenant")
    return _presigned(key=key, filename=filename)


def presigned_platform_download_url(*, key: str, filename: str) -> str:
    """For the platform's own objects (supervision's attachments), never a tenant's: the caller
    has checked that the reader may see the row the key comes from."""
    if key.startswith("tenants/"):
        raise PermissionError("a tenant's object is read through presigned_download_url")
    return _presigned(key=key, filename=filename)


def _presigned(*, key: str, filename: str) -> str:
    return signing_client().presigned_get_object(
        settings.S3_BUCKET,
        key,
        expires=timedelta(seconds=settings.PRESIGNED_URL_SECONDS),
        response_headers={
            "response-content-disposition": f"attachment; filename*=UTF-8''{filename}"
        },
    )


def list_keys(prefix: str) -> list[str]:
    """Every object key under `prefix`, sorted."""
    with _reachable():
        found = client().list_objects(settings.S3_BUCKET, prefix=prefix, recursive=True)
        return sorted(str(item.object_name) for item in found)


def get_object(key: str) -> tuple[bytes, str]:
    """An object's bytes and content type."""
    with _reachable():
        response = client().get_object(settings.S3_BUCKET, key)
        try:
            return response.read(), str(response.headers.get("Content-Type", ""))
        finally:
            response.close()
            response.release_conn()

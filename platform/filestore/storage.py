"""Object storage through the MinIO SDK: MinIO in production, any S3 API peer in tests.

Every object key begins with the current schema's name, so no two tenants share a path, and
downloads are short-lived presigned URLs issued only after the caller's tenant is checked.
"""

from datetime import timedelta
from functools import cache
from typing import BinaryIO
from urllib.parse import urlsplit

from django.conf import settings
from minio import Minio

from ops.tenancy import current_schema


@cache
def client() -> Minio:
    return Minio(
        settings.S3_ENDPOINT,
        access_key=settings.S3_ACCESS_KEY,
        secret_key=settings.S3_SECRET_KEY,
        secure=settings.S3_SECURE,
        region=settings.S3_REGION,
    )


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
    if not client().bucket_exists(settings.S3_BUCKET):
        client().make_bucket(settings.S3_BUCKET)


def put_object(*, key: str, stream: BinaryIO, size: int, content_type: str) -> None:
    client().put_object(settings.S3_BUCKET, key, stream, size, content_type=content_type)


def get_object_bytes(key: str) -> bytes:
    response = client().get_object(settings.S3_BUCKET, key)
    try:
        return response.read()
    finally:
        response.close()
        response.release_conn()


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
    found = client().list_objects(settings.S3_BUCKET, prefix=prefix, recursive=True)
    return sorted(str(item.object_name) for item in found)


def remove_object(key: str) -> None:
    client().remove_object(settings.S3_BUCKET, key)


def get_object(key: str) -> tuple[bytes, str]:
    """An object's bytes and content type."""
    response = client().get_object(settings.S3_BUCKET, key)
    try:
        return response.read(), str(response.headers.get("Content-Type", ""))
    finally:
        response.close()
        response.release_conn()

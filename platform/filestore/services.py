import hashlib
import random
import uuid
from io import BytesIO
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _
from django_tenants.utils import get_public_schema_name, schema_context

from audit.services import audit_record
from congresses.models import Congress
from ops.errors import DomainError

from . import storage
from .models import StoredFile
from .sniff import sniff


def upload_check(*, name: str, data: bytes, field: str | None = None) -> tuple[str, str]:
    """Refuse an empty upload, one over the size limit, and one whose content is not of an
    allowed type with the suffix its name gives; return its content type and that suffix."""
    if len(data) == 0:
        raise DomainError("file_empty", _("文件为空。"), field=field)
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise DomainError(
            "file_too_large",
            _("文件超过大小上限 %(limit)d MB。") % {"limit": settings.UPLOAD_MAX_BYTES // 2**20},
            field=field,
        )
    kind = sniff(data[:16], data)
    suffix = PurePath(name).suffix.lower()
    if kind is None or suffix not in kind[1]:
        raise DomainError(
            "file_type_not_allowed",
            _("不支持的文件类型：仅限 PDF、图片、Word 和 Excel。"),
            field=field,
        )
    return kind[0], suffix


def file_store(*, uploaded_by: Any, name: str, data: bytes) -> StoredFile:
    """Check, store and record an upload. The object is written before the row, so no row points
    at an object storage refused (storage down: StorageUnavailable, a 503, and no row). If the
    transaction rolls back the orphan object is harmless (nothing points to it)."""
    content_type, suffix = upload_check(name=name, data=data)
    key = f"{storage.tenant_prefix()}{uuid.uuid4().hex}{suffix}"
    with transaction.atomic():
        storage.put_object(key=key, stream=BytesIO(data), size=len(data), content_type=content_type)
        stored = StoredFile.objects.create(
            key=key,
            name=PurePath(name).name[:200],
            content_type=content_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            uploaded_by_id=getattr(uploaded_by, "pk", None),
        )
        audit_record(
            action="file.store", actor=uploaded_by, target=stored, payload={"size": len(data)}
        )
    return stored


def file_download_url(*, stored: StoredFile) -> str:
    return storage.presigned_download_url(key=stored.key, filename=quote(stored.name))


def missing_objects(*, per_schema: int = 2, schemas: int = 5) -> list[str]:
    """The keys of recent StoredFile rows whose object storage does not hold: the newest
    `per_schema` rows of the public schema and of up to `schemas` tenants picked at random
    (so every tenant is sampled over time). For the health check: a storage that restarted
    empty, or lost objects, is noticed. StorageUnavailable when storage does not answer."""
    with schema_context(get_public_schema_name()):
        tenants = list(
            Congress.objects.exclude(schema_name=get_public_schema_name()).values_list(
                "schema_name", flat=True
            )
        )
    sampled = [get_public_schema_name(), *random.sample(tenants, min(schemas, len(tenants)))]
    keys: list[str] = []
    for schema in sampled:
        with schema_context(schema):
            keys += StoredFile.objects.order_by("-pk").values_list("key", flat=True)[:per_schema]
    return [key for key in keys if not storage.object_exists(key)]

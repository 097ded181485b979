import hashlib
import uuid
from io import BytesIO
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import DomainError

from . import storage
from .models import StoredFile
from .sniff import sniff


def file_store(*, uploaded_by: Any, name: str, data: bytes) -> StoredFile:
    """Check, store and record an upload. The object is written before the row commits; if the
    transaction rolls back the orphan object is harmless (nothing points to it)."""
    if len(data) == 0:
        raise DomainError("file_empty", _("文件为空。"))
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise DomainError(
            "file_too_large",
            _("文件超过大小上限 %(limit)d MB。") % {"limit": settings.UPLOAD_MAX_BYTES // 2**20},
        )
    kind = sniff(data[:16], data)
    suffix = PurePath(name).suffix.lower()
    if kind is None or suffix not in kind[1]:
        raise DomainError(
            "file_type_not_allowed", _("不支持的文件类型：仅限 PDF、图片、Word 和 Excel。")
        )
    content_type = kind[0]
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

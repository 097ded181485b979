"""What a file really is, from its first bytes: the name and the client's claim are not trusted."""

import zipfile
from io import BytesIO

# (magic prefix, content type, extensions)
SIGNATURES: tuple[tuple[bytes, str, tuple[str, ...]], ...] = (
    (b"%PDF-", "application/pdf", (".pdf",)),
    (b"\x89PNG\r\n\x1a\n", "image/png", (".png",)),
    (b"\xff\xd8\xff", "image/jpeg", (".jpg", ".jpeg")),
)
OOXML = {
    "xl/": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",)),
    "word/": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (".docx",),
    ),
}


def sniff(head: bytes, data: bytes | None = None) -> tuple[str, tuple[str, ...]] | None:
    """(content type, allowed extensions) for a recognised file, else None."""
    for magic, content_type, extensions in SIGNATURES:
        if head.startswith(magic):
            return content_type, extensions
    if head.startswith(b"PK\x03\x04") and data is not None:
        try:
            names = zipfile.ZipFile(BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            return None
        for folder, kind in OOXML.items():
            if any(name.startswith(folder) for name in names):
                return kind
    return None

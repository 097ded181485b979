"""The one way the platform writes rows into a workbook, and reads an uploaded one.

Cells carry text typed by citizens and members (a proposal's title, a candidate's name), and a
spreadsheet must show that text, never run it: text that a spreadsheet would read as a formula
(OWASP's CSV-injection leads: = + - @ tab CR) gets a leading apostrophe and is stored as text, and
the control characters XML 1.0 cannot carry are dropped (openpyxl refuses them, which turned one
stray character into a failed export).
"""

import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet.worksheet import Worksheet

from .errors import DomainError

FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def cell_text(value: str) -> str:
    text = ILLEGAL_XML.sub("", value)
    return f"'{text}" if text.startswith(FORMULA_LEADS) else text


def sheet_append(sheet: Worksheet, values: Iterable[Any]) -> None:
    """Append one row; text is made inert, numbers and dates pass as they are."""
    row = [cell_text(v) if isinstance(v, str) else v for v in values]
    sheet.append(row)
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, str):
            cell.data_type = "s"  # never "f", whatever openpyxl guessed


@contextmanager
def uploaded_rows(
    data: bytes, *, max_bytes: int, too_large: str
) -> Iterator[Iterator[tuple[Any, ...]]]:
    """The values of an uploaded .xlsx file's first sheet, row by row, while the workbook is open.
    Refuses a file over `max_bytes` (with the caller's `too_large` message) and one that is not
    a workbook."""
    if len(data) > max_bytes:
        raise DomainError("import_file_too_large", too_large, field="file")
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise DomainError(
            "import_file_invalid", _("无法读取文件，请上传 .xlsx 格式的 Excel 文件。"), field="file"
        ) from None
    try:
        yield book.worksheets[0].iter_rows(values_only=True)
    finally:
        book.close()


def cell_read(value: Any) -> str:
    """A read cell as trimmed text; a whole number keeps no ".0" (a phone typed into a number
    cell)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()

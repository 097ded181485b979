"""The one way the platform writes rows into a workbook.

Cells carry text typed by citizens and members (a proposal's title, a candidate's name), and a
spreadsheet must show that text, never run it: text that a spreadsheet would read as a formula
(OWASP's CSV-injection leads: = + - @ tab CR) gets a leading apostrophe and is stored as text, and
the control characters XML 1.0 cannot carry are dropped (openpyxl refuses them, which turned one
stray character into a failed export).
"""

import re
from collections.abc import Iterable
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

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

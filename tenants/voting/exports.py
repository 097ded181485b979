"""票决 in Excel (.xlsx) from plain rows: the candidate list and the results of every closed
round. Headers follow the reader's language; `sheets.py` reads the rows."""

import io
from collections.abc import Sequence
from dataclasses import astuple, dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ops.spreadsheet import sheet_append

if TYPE_CHECKING:
    from _typeshed import DataclassInstance


# Each row's fields are its sheet's columns, in order.


@dataclass(frozen=True)
class CandidateRow:
    sequence: int
    name: str
    category: str
    estimated_cost: Decimal | None
    status: str  # its label
    rank: int | None


@dataclass(frozen=True)
class ProposalRow:
    submitted_at: str
    source: str  # its label
    title: str
    category: str
    location: str
    estimated_cost: Decimal | None
    submitter_name: str
    submitter_phone: str  # masked
    tracking_code: str
    status: str  # its label
    screening_reason: str


@dataclass(frozen=True)
class ResultRow:
    round_number: int
    round_kind: str  # its label
    entitled: int
    present: int
    ballots: int
    sequence: int
    name: str
    yes: int
    no: int
    abstain: int
    outcome: str  # its label


def _workbook(
    title: str,
    columns: Sequence[tuple[str, float]],
    rows: Sequence["DataclassInstance"],
    number_formats: dict[int, str] | None = None,
) -> bytes:
    """A sheet of `rows`, one dataclass a row whose fields are the `columns`, in their order."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has one sheet
    sheet.title = title[:31]  # Excel's limit for a sheet name
    sheet_append(sheet, [header for header, _width in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="EEEEEE")
        cell.alignment = Alignment(horizontal="center", vertical="center")
    for row in rows:
        sheet_append(sheet, astuple(row))
    for index, (_header, width) in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    for index, number_format in (number_formats or {}).items():
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
            cell.number_format = number_format
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def candidates_xlsx(rows: Sequence[CandidateRow]) -> bytes:
    columns = [
        (_("序号"), 8),
        (_("项目名称"), 40),
        (_("类别"), 14),
        (_("估算投资（万元）"), 18),
        (_("状态"), 12),
        (_("名次"), 8),
    ]
    return _workbook(_("候选项目"), columns, rows, number_formats={4: "#,##0.00"})


def results_xlsx(rows: Sequence[ResultRow]) -> bytes:
    columns = [
        (_("轮次"), 8),
        (_("表决类型"), 16),
        (_("应到人数"), 10),
        (_("实到人数"), 10),
        (_("收回票数"), 10),
        (_("序号"), 8),
        (_("项目名称"), 40),
        (_("赞成"), 8),
        (_("反对"), 8),
        (_("弃权"), 8),
        (_("本轮结果"), 14),
    ]
    return _workbook(_("表决结果"), columns, rows)


def proposals_xlsx(rows: Sequence[ProposalRow]) -> bytes:
    columns = [
        (_("提交时间"), 18),
        (_("来源"), 12),
        (_("建议名称"), 36),
        (_("类别"), 12),
        (_("地点"), 20),
        (_("估算投资（万元）"), 16),
        (_("建议人"), 12),
        (_("联系电话"), 14),
        (_("查询码"), 12),
        (_("状态"), 14),
        (_("初定意见"), 40),
    ]
    return _workbook(_("项目建议"), columns, rows, number_formats={6: "#,##0.00"})

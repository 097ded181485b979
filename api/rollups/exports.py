"""The dashboard's tables in Excel: one sheet per table, a row per tenant and a total row, the
headers in the reader's language."""

import io
from collections.abc import Callable, Sequence

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from congresses.models import Level
from ops.spreadsheet import sheet_append
from rollups import rules
from rollups.selectors import TenantFigures

from .tables import Table

# A rate arrives as the percent the dashboard shows (66.7), already rounded: the sheet shows it
# as it is, with a percent sign, rather than dividing and rounding it again.
NUMBER_FORMATS = {"money": "#,##0.00", "rate": '0.0"%"', "stars": "0.0"}


def _sheet_rows(
    table: Table, rows: Sequence[TenantFigures], phase_label: Callable[[object], str]
) -> list[list[object]]:
    def cells(figures: rules.Figures) -> list[object]:
        return [
            phase_label(figures.get(c.key)) if c.format == "phase" else figures.get(c.key)
            for c in table.columns
        ]

    out: list[list[object]] = [
        [
            row.congress.name,
            row.county.name,
            str(Level(row.congress.level).label),
            *cells(row.figures),
        ]
        for row in rows
    ]
    totals = rules.total(row.figures for row in rows)
    out.append(
        [
            _("合计"),
            "",
            "",
            *["" if c.format == "phase" else totals.get(c.key) for c in table.columns],
        ]
    )
    return out


def dashboard_xlsx(
    *,
    tables: Sequence[Table],
    rows: Sequence[TenantFigures],
    year: int,
    phase_label: Callable[[object], str],
) -> bytes:
    book = Workbook()
    book.remove(book.worksheets[0])
    for table in tables:
        sheet = book.create_sheet(f"{year} {table.title}"[:31])  # Excel's limit for a name
        headers = [_("人大"), _("所属县区"), _("层级"), *[str(c.header) for c in table.columns]]
        sheet_append(sheet, headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
            cell.fill = PatternFill("solid", fgColor="EEEEEE")
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for values in _sheet_rows(table, rows, phase_label):
            sheet_append(sheet, values)
        for (cell,) in sheet.iter_rows(min_row=sheet.max_row, max_col=1):
            cell.font = Font(bold=True)
        sheet.column_dimensions["A"].width = 22
        sheet.column_dimensions["B"].width = 18
        sheet.column_dimensions["C"].width = 8
        for index, column in enumerate(table.columns, start=4):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = 14
            if column.format in NUMBER_FORMATS:
                for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    cell.number_format = NUMBER_FORMATS[column.format]
        sheet.freeze_panes = "B2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()

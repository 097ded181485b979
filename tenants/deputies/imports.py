"""Importing the roster from an Excel workbook, with a report per row.

The key: a deputy is the same deputy when their name and mobile phone match within the current
term. ID numbers are not asked for (the roster does not need them, and what is not stored cannot
leak); a phone is required on every row for that reason. Importing a row whose key exists updates
the deputy only where a field differs, so importing the same file twice changes nothing.

Rows are checked one by one: the good rows are stored, the bad ones are reported with their row
number (as Excel shows it), the column and the reason, and are not stored."""

import io
import re
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.worksheet.datavalidation import DataValidation

from audit.services import audit_record
from congresses.tenant import current_tenant
from directory.services import listing_publish_many
from ops.errors import DomainError
from ops.spreadsheet import cell_read, sheet_append, uploaded_rows
from outbox.services import outbox_emit

from .models import Deputy, DeputyLevel, Term
from .services import ROLLUP_TOPIC

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024
PHONE = re.compile(r"^1\d{10}$")

# Column header -> field, in the template's order.
COLUMNS: dict[str, str] = {
    "姓名": "name",
    "性别": "gender",
    "代表层级": "level",
    "选区": "constituency",
    "代表团/代表小组": "delegation",
    "工作单位及职务": "occupation",
    "手机号": "phone",
}
REQUIRED = ("name", "gender", "level", "constituency", "phone")
LIMITS = {"name": 50, "constituency": 100, "delegation": 100, "occupation": 200}
GENDERS = {"男": Deputy.Gender.MALE, "女": Deputy.Gender.FEMALE}
LEVELS = {
    **{str(label): value for value, label in DeputyLevel.choices},
    "全国": DeputyLevel.NATIONAL,
    "省": DeputyLevel.PROVINCIAL,
    "市": DeputyLevel.CITY,
    "县": DeputyLevel.COUNTY,
    "乡镇": DeputyLevel.TOWNSHIP,
    "乡": DeputyLevel.TOWNSHIP,
    "镇": DeputyLevel.TOWNSHIP,
}
HEADER_OF = {value: header for header, value in COLUMNS.items()}
COMPARED = ("gender", "level", "constituency", "delegation", "occupation")


@dataclass(frozen=True)
class RowProblem:
    row: int  # the row number Excel shows; the header is row 1
    field: str  # the column header, or "" for the whole row
    reason: str


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[RowProblem] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len({problem.row for problem in self.problems})


def roster_template() -> bytes:
    """The workbook staff fill in: the header, lists for 性别 and 代表层级, and a sheet of notes."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "代表名册"
    sheet_append(sheet, COLUMNS)
    for column, width in zip("ABCDEFG", (12, 6, 14, 16, 18, 28, 14), strict=True):
        sheet.column_dimensions[column].width = width
    for column, options in (
        ("B", "男,女"),
        ("C", ",".join(str(label) for _v, label in DeputyLevel.choices)),
    ):
        rule = DataValidation(type="list", formula1=f'"{options}"', allow_blank=False)
        rule.add(f"{column}2:{column}{MAX_ROWS + 1}")
        sheet.add_data_validation(rule)
    sheet.column_dimensions["G"].number_format = "@"
    notes = book.create_sheet("填写说明")
    for line in (
        "一行一名代表，第一行为表头，请勿改动表头。",
        "姓名、性别、代表层级、选区、手机号必填；手机号为 11 位数字。",
        "同一届内，姓名与手机号相同即视为同一名代表：再次导入时只更新有变化的信息。",
        f"每次最多导入 {MAX_ROWS} 行。",
    ):
        sheet_append(notes, [line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _read(data: bytes) -> list[tuple[int, dict[str, str]]]:
    too_large = _("文件超过 5 MB，请分批导入。")
    with uploaded_rows(data, max_bytes=MAX_BYTES, too_large=too_large) as rows:
        header = [cell_read(cell) for cell in next(rows, ())]
        missing = [name for name in COLUMNS if name not in header]
        if missing:
            raise DomainError(
                "import_columns_missing",
                _("缺少列：%(c)s") % {"c": "、".join(missing)},
                field="file",
            )
        position = {COLUMNS[name]: header.index(name) for name in COLUMNS}
        read: list[tuple[int, dict[str, str]]] = []
        for number, cells in enumerate(rows, start=2):
            values = {
                key: cell_read(cells[index]) if index < len(cells) else ""
                for key, index in position.items()
            }
            if not any(values.values()):
                continue  # a blank line
            read.append((number, values))
            if len(read) > MAX_ROWS:
                raise DomainError(
                    "import_too_many_rows",
                    _("每次最多导入 %(n)d 行。") % {"n": MAX_ROWS},
                    field="file",
                )
    return read


def _problems_of(number: int, values: dict[str, str]) -> list[RowProblem]:
    problems = []
    for key in REQUIRED:
        if not values[key]:
            problems.append(RowProblem(number, HEADER_OF[key], _("必填")))
    for key, limit in LIMITS.items():
        if len(values[key]) > limit:
            problems.append(RowProblem(number, HEADER_OF[key], _("超过 %(n)d 个字") % {"n": limit}))
    if values["gender"] and values["gender"] not in GENDERS:
        problems.append(RowProblem(number, "性别", _("应为“男”或“女”")))
    if values["level"] and values["level"] not in LEVELS:
        problems.append(
            RowProblem(number, "代表层级", _("无法识别“%(v)s”") % {"v": values["level"]})
        )
    if values["phone"] and not PHONE.match(values["phone"]):
        problems.append(RowProblem(number, "手机号", _("应为 11 位手机号码")))
    return problems


def roster_import(*, data: bytes, actor: Any) -> ImportReport:
    """Import the workbook into the current term: store the good rows, report the bad ones."""
    rows = _read(data)
    report = ImportReport()
    with transaction.atomic():
        term = Term.objects.select_for_update().filter(is_current=True).first()
        if term is None:
            raise DomainError("no_current_term", _("尚未设置本届代表名册。"))
        existing = {
            (d.name, d.phone): d for d in Deputy.objects.filter(term=term).exclude(phone="")
        }
        first_row: dict[tuple[str, str], int] = {}
        creating: list[Deputy] = []
        changed: list[Deputy] = []
        for number, values in rows:
            problems = _problems_of(number, values)
            key = (values["name"], values["phone"])
            if not problems and key in first_row:
                problems.append(
                    RowProblem(number, "", _("与第 %(r)d 行为同一名代表") % {"r": first_row[key]})
                )
            if problems:
                report.problems.extend(problems)
                continue
            first_row[key] = number
            fields = {
                "gender": GENDERS[values["gender"]],
                "level": LEVELS[values["level"]],
                "constituency": values["constituency"],
                "delegation": values["delegation"],
                "occupation": values["occupation"],
            }
            deputy = existing.get(key)
            if deputy is None:
                creating.append(Deputy(term=term, name=key[0], phone=key[1], **fields))
            elif any(getattr(deputy, name) != fields[name] for name in COMPARED):
                for name, value in fields.items():
                    setattr(deputy, name, value)
                changed.append(deputy)
            else:
                report.unchanged += 1
        created = Deputy.objects.bulk_create(creating)
        Deputy.objects.bulk_update(changed, list(COMPARED))
        report.created, report.updated = len(created), len(changed)
        if created or changed:
            listing_publish_many(
                congress=current_tenant().congress(),
                term_number=term.number,
                deputies=created + changed,
            )
            outbox_emit(topic=ROLLUP_TOPIC)
        audit_record(
            action="deputy.roster_import",
            actor=actor,
            target=term,
            payload={
                "rows": len(rows),
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "failed": report.failed,
            },
        )
    return report

"""点名签到: staff record who is present at the session that votes (or at the evaluation meeting),
for a township whose deputies vote on paper and never sign in on a phone.

Three ways, one write: ticking names on the list, importing the signed sign-in sheet, and
scanning a deputy's card at the door. Each records attendance exactly as the deputy's own
sign-in does (once, whoever records it first; the session's attendance publishes
AttendanceSigned so the duty record gets 出席会议 once), and refuses exactly when it does: once
the first round has opened, attendance is frozen. The audit entry's actor is the staff member
and its payload names the deputy and the way, so the record says who marked whom.

A sheet is matched whole before anything is written: a row that names nobody on the roll (or a
name two deputies share, without the number) refuses the import, with a report per row.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core import signing
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from ops.errors import DomainError
from ops.events import publish
from ops.spreadsheet import cell_read, uploaded_rows
from ops.tenancy import current_schema
from tenants.deputies.models import Deputy

from .attendance import attendances_add
from .evaluation import evaluation_attendance_open_require
from .events import AttendanceWithdrawn
from .models import Attendance, Cycle
from .selectors import cycle_entitled_deputies
from .services import attendance_open_require

SESSION, EVALUATION = Attendance.Meeting.SESSION, Attendance.Meeting.EVALUATION
MEETINGS = (SESSION, EVALUATION)
BY_LIST, BY_SHEET, BY_CARD = "list", "sheet", "card"

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 2000
NAME_HEADERS = ("姓名", "代表姓名", "name")
NUMBER_HEADERS = ("代表编号", "编号", "number")

ROW_STATUS = {
    "marked": gettext_lazy("已签到"),
    "already": gettext_lazy("此前已签到"),
    "duplicate": gettext_lazy("表中重复，只计一次"),
    "unknown": gettext_lazy("名册中没有该代表"),
    "ambiguous": gettext_lazy("同名代表不止一人，请填写代表编号"),
}


@dataclass(frozen=True)
class SheetRow:
    row: int  # the line in the workbook
    name: str
    number: str
    status: str  # a key of ROW_STATUS
    deputy_id: int | None = None


@dataclass(frozen=True)
class RollCallResult:
    marked: tuple[int, ...]  # deputies recorded present now
    already: tuple[int, ...]  # present before (by their phone or an earlier roll call)
    present_count: int
    rows: tuple[SheetRow, ...] = field(default=())


def _meeting_require(meeting: str) -> None:
    if meeting not in MEETINGS:
        raise DomainError(
            "meeting_unknown", _("会议应为“session”或“evaluation”。"), field="meeting"
        )


def _mark_locked(
    cycle: Cycle, deputies: Sequence[Deputy], *, meeting: str, way: str, actor: Any
) -> RollCallResult:
    """Inside a transaction with the cycle locked and attendance checked open."""
    marked = attendances_add(
        cycle=cycle,
        deputies=deputies,
        meeting=meeting,
        actor=actor,
        action="voting.roll_call" if meeting == SESSION else "voting.evaluation_roll_call",
        way=way,
    )
    present = cycle.attendances.filter(meeting=meeting).count()
    return RollCallResult(
        marked=tuple(d.pk for d in deputies if d.pk in marked),
        already=tuple(d.pk for d in deputies if d.pk not in marked),
        present_count=present,
    )


def roll_call_open(cycle: Cycle, meeting: str) -> str:
    """Empty while the meeting's attendance may still be recorded, else the reason it may not."""
    _meeting_require(meeting)
    try:
        if meeting == SESSION:
            attendance_open_require(cycle)
        else:
            evaluation_attendance_open_require(cycle)
    except DomainError as closed:
        return closed.message
    return ""


def _lock_open(cycle: Cycle, meeting: str) -> Cycle:
    _meeting_require(meeting)
    cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
    if meeting == SESSION:
        attendance_open_require(cycle)
    else:
        evaluation_attendance_open_require(cycle)
    return cycle


def roll_call_mark(
    *, cycle: Cycle, deputy_ids: Sequence[int], meeting: str = SESSION, actor: Any
) -> RollCallResult:
    """点名: the deputies ticked on the list are present. Refused whole if any is not on the roll;
    a deputy ticked twice, or already present, counts once."""
    if not deputy_ids:
        raise DomainError("roll_call_empty", _("请勾选到会的代表。"), field="deputy_ids")
    with transaction.atomic():
        cycle = _lock_open(cycle, meeting)
        wanted = list(dict.fromkeys(int(pk) for pk in deputy_ids))
        found = {d.pk: d for d in cycle_entitled_deputies(cycle).filter(pk__in=wanted)}
        missing = [pk for pk in wanted if pk not in found]
        if missing:
            raise DomainError(
                "roll_call_not_entitled",
                _("代表编号 %(ids)s 不是本次会议的表决代表。")
                % {"ids": "、".join(str(pk) for pk in missing)},
                field="deputy_ids",
            )
        return _mark_locked(
            cycle, [found[pk] for pk in wanted], meeting=meeting, way=BY_LIST, actor=actor
        )


def roll_call_unmark(
    *, cycle: Cycle, deputy_id: int, meeting: str = SESSION, actor: Any
) -> RollCallResult:
    """撤销签到: a deputy marked present by mistake is taken off the roll, while attendance may
    still change (refused once the first round has opened, as marking is). Whoever recorded the
    mark, the phone or a roll call, the audit entry keeps both acts; the 出席会议 the mark gave
    is withdrawn from the duty record."""
    with transaction.atomic():
        cycle = _lock_open(cycle, meeting)
        present = cycle.attendances.filter(meeting=meeting)
        attendance = present.filter(deputy_id=deputy_id).first()
        if attendance is None:
            raise DomainError(
                "roll_call_not_present", _("该代表尚未签到，无需撤销。"), field="deputy_id"
            )
        audit_record(
            action="voting.roll_call_unmark",
            actor=actor,
            target=attendance,
            payload={"deputy": deputy_id, "meeting": meeting},
        )
        attendance.delete()
        if meeting == SESSION:
            publish(AttendanceWithdrawn(cycle_id=cycle.pk, deputy_id=deputy_id, actor=actor))
        return RollCallResult(marked=(), already=(), present_count=present.count())


# A card's QR code: the deputy's number signed for this congress, so a card is good only here
# and a typed number is not a card.
def _card_signer() -> signing.Signer:
    return signing.Signer(salt=f"voting.deputy-card:{current_schema()}")


def deputy_card_token(deputy: Deputy) -> str:
    return _card_signer().sign(str(deputy.pk))


def roll_call_card(
    *, cycle: Cycle, token: str, meeting: str = SESSION, actor: Any
) -> tuple[Deputy, RollCallResult]:
    """扫码签到 at the door: the card's token names the deputy, who is then present."""
    try:
        pk = int(_card_signer().unsign(token.strip()))
    except (signing.BadSignature, ValueError):
        raise DomainError(
            "card_invalid", _("无法识别该代表证二维码，请改用名单签到。"), field="token"
        ) from None
    with transaction.atomic():
        cycle = _lock_open(cycle, meeting)
        deputy = cycle_entitled_deputies(cycle).filter(pk=pk).first()
        if deputy is None:
            raise DomainError(
                "roll_call_not_entitled",
                _("该代表证的持有人不是本次会议的表决代表。"),
                field="token",
            )
        return deputy, _mark_locked(cycle, [deputy], meeting=meeting, way=BY_CARD, actor=actor)


def _sheet_lines(data: bytes) -> list[tuple[int, str, str]]:
    """(line, name, number) of each non-blank line under the header."""
    lines = []
    with uploaded_rows(data, max_bytes=MAX_BYTES, too_large=_("文件超过 2 MB。")) as rows:
        header = [cell_read(cell).lower() for cell in next(rows, ())]
        name_at = next((header.index(h) for h in NAME_HEADERS if h in header), None)
        number_at = next((header.index(h) for h in NUMBER_HEADERS if h in header), None)
        if name_at is None and number_at is None:
            raise DomainError(
                "import_columns_missing",
                _("签到表第一行应为表头，含“姓名”或“代表编号”列。"),
                field="file",
            )
        for line, cells in enumerate(rows, start=2):
            name = cell_read(cells[name_at]) if name_at is not None and name_at < len(cells) else ""
            number = (
                cell_read(cells[number_at])
                if number_at is not None and number_at < len(cells)
                else ""
            )
            if not name and not number:
                continue
            lines.append((line, name, number))
            if len(lines) > MAX_ROWS:
                raise DomainError(
                    "import_too_many_rows",
                    _("每次最多导入 %(n)d 行。") % {"n": MAX_ROWS},
                    field="file",
                )
    if not lines:
        raise DomainError("roll_call_empty", _("签到表中没有代表。"), field="file")
    return lines


def _match(lines: list[tuple[int, str, str]], roll: list[Deputy]) -> list[SheetRow]:
    by_pk = {str(d.pk): d for d in roll}
    by_name: dict[str, list[Deputy]] = {}
    for one in roll:
        by_name.setdefault(one.name, []).append(one)
    seen: set[int] = set()
    matched = []
    for line, name, number in lines:
        deputy: Deputy | None = None
        status = "unknown"
        if number:
            deputy = by_pk.get(number)
            if deputy is not None and name and deputy.name != name:
                deputy = None  # a number and a name that disagree name nobody for sure
        elif len(by_name.get(name, [])) > 1:
            status = "ambiguous"
        elif by_name.get(name):
            deputy = by_name[name][0]
        if deputy is not None:
            status = "duplicate" if deputy.pk in seen else "marked"
            seen.add(deputy.pk)
        matched.append(
            SheetRow(line, name, number, status, deputy.pk if deputy is not None else None)
        )
    return matched


def roll_call_sheet(
    *, cycle: Cycle, data: bytes, meeting: str = SESSION, actor: Any
) -> RollCallResult:
    """导入签到表: an xlsx with a 姓名 or 代表编号 column, a row per deputy who signed. Refused
    whole, with the report per row, when a row names nobody on the roll."""
    lines = _sheet_lines(data)
    with transaction.atomic():
        cycle = _lock_open(cycle, meeting)
        roll = list(cycle_entitled_deputies(cycle))
        rows = _match(lines, roll)
        bad = [r for r in rows if r.status in ("unknown", "ambiguous")]
        if bad:
            raise DomainError(
                "roll_call_sheet_unmatched",
                _(
                    "签到表有 %(n)d 行无法对应名册中的代表（第 %(rows)s 行），未导入，请核对后重新导入。"
                )
                % {"n": len(bad), "rows": "、".join(str(r.row) for r in bad)},
                field="file",
                extra={"rows": [sheet_row_json(r) for r in rows]},
            )
        by_pk = {d.pk: d for d in roll}
        deputies = [by_pk[r.deputy_id] for r in rows if r.status == "marked" and r.deputy_id]
        result = _mark_locked(cycle, deputies, meeting=meeting, way=BY_SHEET, actor=actor)
    already = set(result.already)
    final = tuple(
        SheetRow(r.row, r.name, r.number, "already", r.deputy_id)
        if r.status == "marked" and r.deputy_id in already
        else r
        for r in rows
    )
    return RollCallResult(
        marked=result.marked, already=result.already, present_count=result.present_count, rows=final
    )


def sheet_row_json(row: SheetRow) -> dict[str, Any]:
    return {
        "row": row.row,
        "name": row.name,
        "number": row.number,
        "status": row.status,
        "message": str(ROW_STATUS[row.status]),
        "deputy_id": row.deputy_id,
    }

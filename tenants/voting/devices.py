"""Voting devices (表决器): importing the counts the device system exports, with a report per row.
未按 (not pressed) counts as no vote: it is neither 赞成, 反对 nor 弃权."""

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import DomainError

from .models import Channel, DeviceResult, Round
from .phases import phase_require

COLUMNS = {
    "序号": "sequence",
    "赞成": "yes",
    "反对": "no",
    "弃权": "abstain",
    "未按": "not_pressed",
}


@dataclass(frozen=True)
class RowProblem:
    row: int  # 1 = the first line after the header
    reason: str


class DeviceImportRefused(DomainError):
    def __init__(self, problems: list[RowProblem]) -> None:
        super().__init__(
            "device_import_invalid",
            _("表决器数据有 %(n)d 行不正确，未导入。") % {"n": len(problems)},
            extra={"rows": [{"row": p.row, "reason": p.reason} for p in problems]},
        )
        self.problems = problems


def _parse(text: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = set(COLUMNS) - set(reader.fieldnames or [])
    if missing:
        raise DomainError(
            "device_columns_missing", _("缺少列：%(c)s") % {"c": "、".join(sorted(missing))}
        )
    return [
        {COLUMNS[k]: (v or "").strip() for k, v in row.items() if k in COLUMNS} for row in reader
    ]


def device_import(*, round_id: int, csv_text: str, actor: Any) -> DeviceResult:
    """Check every row against the round's candidates and the deputies present, and store the
    counts only if every row is right; otherwise say which rows are wrong and why."""
    rows = _parse(csv_text)
    with transaction.atomic():
        round_ = (
            Round.objects.select_for_update().select_related("cycle").filter(pk=round_id).first()
        )
        if round_ is None:
            raise DomainError("round_unknown", _("该投票不存在。"))
        phase_require(round_.cycle, "cast")
        if round_.state != Round.State.OPEN:
            raise DomainError("round_not_open", _("该轮投票未开始或已结束。"))
        if round_.cycle.channel != Channel.DEVICE:
            raise DomainError("device_not_used", _("本次票决不使用表决器。"))
        by_sequence = {c.sequence: c for c in round_.candidates.all()}
        present = round_.cycle.attendances.count()
        counts, problems, seen = {}, [], set()
        for number, row in enumerate(rows, start=1):
            try:
                sequence = int(row["sequence"])
                values = {k: int(row[k]) for k in ("yes", "no", "abstain", "not_pressed")}
            except ValueError:
                problems.append(RowProblem(number, _("数字格式不正确")))
                continue
            candidate = by_sequence.get(sequence)
            if candidate is None:
                problems.append(
                    RowProblem(number, _("序号 %(s)d 不是本轮候选项目") % {"s": sequence})
                )
            elif sequence in seen:
                problems.append(RowProblem(number, _("序号 %(s)d 重复") % {"s": sequence}))
            elif min(values.values()) < 0:
                problems.append(RowProblem(number, _("票数不能为负")))
            elif sum(values.values()) != present:
                problems.append(
                    RowProblem(
                        number,
                        _("四项合计 %(t)d，应等于实到人数 %(p)d")
                        % {"t": sum(values.values()), "p": present},
                    )
                )
            else:
                counts[str(candidate.pk)] = values
            seen.add(sequence)
        for sequence in sorted(set(by_sequence) - seen):
            problems.append(RowProblem(0, _("缺少序号 %(s)d 的数据") % {"s": sequence}))
        if problems:
            raise DeviceImportRefused(problems)
        result, _created = DeviceResult.objects.update_or_create(
            round=round_, defaults={"counts": counts, "imported_by_id": getattr(actor, "pk", None)}
        )
        audit_record(
            action="voting.device_import", actor=actor, target=round_, payload={"rows": len(rows)}
        )
    return result

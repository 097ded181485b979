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

from . import rules
from .models import Channel, DeviceResult, Round
from .paper import ItemLabel, problem_message
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


EVALUATION_COLUMNS = {
    "序号": "sequence",
    "满意": "satisfied",
    "基本满意": "basic",
    "不满意": "unsatisfied",
    "弃权": "abstain",
    "未按": "not_pressed",
}


def _parse(text: str, columns: dict[str, str]) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    missing = set(columns) - set(reader.fieldnames or [])
    if missing:
        raise DomainError(
            "device_columns_missing", _("缺少列：%(c)s") % {"c": "、".join(sorted(missing))}
        )
    return [
        {columns[k]: (v or "").strip() for k, v in row.items() if k in columns} for row in reader
    ]


def _sum_problems(
    counts: dict[str, dict[str, int]], labels: dict[str, ItemLabel], *, present: int, seats: int
) -> list[RowProblem]:
    """Devices count the deputies present: every row adds up to them, 未按 included."""
    found = []
    for problem in rules.tally_problems(
        tally=rules.Tally(rows=counts, collected=present),
        items=list(labels),
        issued=None,
        kind=rules.TallyKind.EVERY_ITEM,
        seats=seats,
    ):
        label = labels.get(problem.item)
        if problem.code == "tally_row_mismatch" and label is not None:
            message = _("第 %(row)d 行“%(name)s”：各项合计 %(t)d，应等于实到人数 %(p)d") % {
                "row": label.row,
                "name": label.name,
                "t": problem.found,
                "p": present,
            }
        else:
            message = problem_message(problem, labels)
        found.append(RowProblem(label.row if label else 0, message))
    return found


def device_import(*, round_id: int, csv_text: str, actor: Any) -> DeviceResult:
    """Check every row against the round's candidates and the deputies present when it opened
    (each row's marks and 未按 add up to them), and store the counts only if every row is right;
    otherwise say which rows are wrong and why. An evaluation round's export has 满意, 基本满意,
    不满意, 弃权 and 未按 columns."""
    with transaction.atomic():
        round_ = (
            Round.objects.select_for_update().select_related("cycle").filter(pk=round_id).first()
        )
        if round_ is None:
            raise DomainError("round_unknown", _("该投票不存在。"))
        phase_require(round_.cycle, "cast")
        if round_.state != Round.State.OPEN:
            raise DomainError("round_not_open", _("该轮投票未开始或已结束。"))
        if not rules.channel_accepts(channel=round_.channel, entry="device"):
            raise DomainError(
                "device_not_used",
                _("本轮不使用表决器（表决渠道：%(c)s）。") % {"c": Channel(round_.channel).label},
            )
        columns = EVALUATION_COLUMNS if round_.kind == Round.Kind.EVALUATION else COLUMNS
        marks = [v for v in columns.values() if v != "sequence"]
        rows = _parse(csv_text, columns)
        by_sequence = {c.sequence: c for c in round_.candidates.all()}
        present = round_.present_count or 0
        counts: dict[str, dict[str, int]] = {}
        problems: list[RowProblem] = []
        seen: set[int] = set()
        line_of: dict[str, int] = {}
        for number, row in enumerate(rows, start=1):
            try:
                sequence = int(row["sequence"])
                values = {k: int(row[k]) for k in marks}
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
            else:
                counts[str(candidate.pk)] = values
                line_of[str(candidate.pk)] = number
            seen.add(sequence)
        for sequence in sorted(set(by_sequence) - seen):
            problems.append(RowProblem(0, _("缺少序号 %(s)d 的数据") % {"s": sequence}))
        labels = {
            pk: ItemLabel(line_of[pk], f"{c.sequence} {c.name}")
            for c in by_sequence.values()
            if (pk := str(c.pk)) in line_of
        }
        problems += _sum_problems(counts, labels, present=present, seats=round_.seats)
        problems.sort(key=lambda p: p.row)
        if problems:
            raise DeviceImportRefused(problems)
        result, _created = DeviceResult.objects.update_or_create(
            round=round_, defaults={"counts": counts, "imported_by_id": getattr(actor, "pk", None)}
        )
        audit_record(
            action="voting.device_import", actor=actor, target=round_, payload={"rows": len(rows)}
        )
    return result

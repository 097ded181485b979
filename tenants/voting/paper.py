"""Paper ballots: the tellers' two independent counts. Issuing a ballot is the store's
(`store.paper_issue`, via `services.paper_issue`): it records the deputy's participation, so a
deputy with a paper ballot can no longer vote electronically in a hybrid round.

Each teller enters alone and learns whether the other agrees only once both have entered; a
second entry by the same teller is a correction with its reason, and the entry it replaces is kept.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError

from . import rules
from .methods import VOTE_MARKS
from .models import Candidate, Channel, Round, TallyEntry
from .phases import phase_require
from .selectors import round_method

MARK_LABELS = {
    "yes": "赞成",
    "no": "反对",
    "abstain": "弃权",
    "blank": "未填",
    "not_pressed": "未按",
    "satisfied": "满意",
    "basic": "基本满意",
    "unsatisfied": "不满意",
}


def _open_round(round_id: int) -> Round:
    round_ = Round.objects.select_for_update().select_related("cycle").filter(pk=round_id).first()
    if round_ is None:
        raise DomainError("round_unknown", _("该投票不存在。"))
    phase_require(round_.cycle, "cast")
    if round_.state != Round.State.OPEN:
        raise DomainError("round_not_open", _("该轮投票未开始或已结束。"))
    return round_


def require_entry(round_: Round, entry: str) -> None:
    """Refuse an entry the round's channel does not take (rules.channel_accepts)."""
    if rules.channel_accepts(channel=round_.channel, entry=entry):
        return
    messages = {
        "electronic": _("本轮不接受电子投票（表决渠道：%(c)s）。"),
        "paper": _("本轮不使用纸质选票（表决渠道：%(c)s）。"),
        "device": _("本轮不使用表决器（表决渠道：%(c)s）。"),
    }
    codes = {"electronic": "electronic_not_allowed", "paper": "paper_not_allowed"}
    raise DomainError(
        codes.get(entry, "device_not_used"), messages[entry] % {"c": Channel(round_.channel).label}
    )


def round_marks(round_: Round) -> tuple[tuple[str, ...], rules.TallyKind]:
    """The marks a teller enters per item, and what a row adds up to: the ballot method's."""
    method = round_method(round_)
    return method.paper_marks, method.paper_kind


def _as_tally(
    counts: Any, returned: int, invalid: int, marks: Sequence[str] = VOTE_MARKS
) -> rules.Tally:
    malformed = DomainError("tally_malformed", _("计票数据格式不正确。"))
    if not isinstance(counts, Mapping):
        raise malformed
    try:
        rows = {
            str(pk): {mark: int(row.get(mark, 0)) for mark in marks} for pk, row in counts.items()
        }
    except (AttributeError, TypeError, ValueError):
        raise malformed from None
    return rules.Tally(rows=rows, collected=returned, invalid=invalid)


@dataclass(frozen=True)
class ItemLabel:
    row: int  # the item's 序号 on the ballot, or the line of an imported file
    name: str


def problem_message(problem: rules.TallyProblem, labels: Mapping[str, ItemLabel]) -> str:
    """A refusal that names the row and item, and the figure against the one expected."""
    figures = {"found": problem.found, "expected": problem.expected}
    texts = {
        "tally_negative": _("票数不能为负"),
        "tally_collected_exceeds_issued": _("收回票数 %(found)d 多于发出票数 %(expected)d")
        % figures,
        "tally_invalid_exceeds_collected": _("无效票数 %(found)d 多于收回票数 %(expected)d")
        % figures,
        "tally_item_missing": _("缺少该项目的票数"),
        "tally_item_unknown": _("不是本轮的项目"),
        "tally_row_mismatch": _("各项合计 %(found)d，应等于有效票数 %(expected)d") % figures,
        "tally_row_exceeds_valid": _("得票数 %(found)d 超过有效票数 %(expected)d") % figures,
        "tally_marks_exceed_seats": _("得票总数 %(found)d 超过有效票数乘以应选项目数 %(expected)d")
        % figures,
    }
    text = texts.get(problem.code, problem.code)
    if not problem.item:
        return str(text)
    label = labels.get(problem.item)
    if label is None:
        return _("项目 %(item)s：%(text)s") % {"item": problem.item, "text": text}
    return _("第 %(row)d 行“%(name)s”：%(text)s") % {
        "row": label.row,
        "name": label.name,
        "text": text,
    }


class CountRefused(DomainError):
    """A count that cannot be right: nothing is stored; every problem is named."""

    def __init__(
        self, problems: Sequence[rules.TallyProblem], labels: Mapping[str, ItemLabel]
    ) -> None:
        messages = [problem_message(p, labels) for p in problems]
        super().__init__(
            problems[0].code,
            _("计票数据不成立，未保存：%(p)s") % {"p": "；".join(messages)},
            extra={
                "problems": [
                    {
                        "code": p.code,
                        "item": p.item,
                        "row": labels[p.item].row if p.item in labels else None,
                        "message": m,
                    }
                    for p, m in zip(problems, messages, strict=True)
                ]
            },
        )


def candidate_labels(round_: Round) -> dict[str, ItemLabel]:
    return {
        str(c.pk): ItemLabel(c.sequence, c.name)
        for c in Candidate.objects.filter(rounds=round_).order_by("sequence")
    }


def paper_issued(round_: Round) -> int:
    return round_.participations.filter(channel=Channel.PAPER).count()


def tally_enter(
    *, round_id: int, teller: Any, counts: Any, returned: int, invalid: int, reason: str = ""
) -> TallyEntry:
    """One teller's count, refused whole unless every row adds up. Entering again is a correction:
    it needs a reason, and the entry it replaces stays in the history."""
    with transaction.atomic():
        round_ = _open_round(round_id)
        require_entry(round_, "paper")
        marks, kind = round_marks(round_)
        tally = _as_tally(counts, returned, invalid, marks)
        labels = candidate_labels(round_)
        problems = rules.tally_problems(
            tally=tally,
            items=list(labels),
            issued=paper_issued(round_),
            kind=kind,
            seats=round_.seats,
        )
        if problems:
            raise CountRefused(problems, labels)
        previous = (
            TallyEntry.objects.select_for_update()
            .filter(round=round_, teller_id=teller.pk, current=True)
            .first()
        )
        if previous is not None and not reason.strip():
            raise Conflict(
                "tally_correction_reason_required",
                _("您已录入过本轮计票结果；更正须说明理由。"),
                field="reason",
            )
        if previous is not None:
            previous.current = False
            previous.save(update_fields=["current"])
        entry = TallyEntry.objects.create(
            round=round_,
            teller_id=teller.pk,
            returned=returned,
            invalid=invalid,
            counts={pk: dict(row) for pk, row in tally.rows.items()},
            reason=reason.strip() if previous is not None else "",
            entered_at=timezone.now(),
        )
        audit_record(
            action="voting.tally_correct" if previous is not None else "voting.tally_enter",
            actor=teller,
            target=entry,
            payload={"returned": returned, "invalid": invalid, "reason": entry.reason},
        )
    return entry


def _current_tallies(round_: Round) -> list[rules.Tally]:
    marks, _kind = round_marks(round_)
    return [
        _as_tally(e.counts, e.returned, e.invalid, marks)
        for e in TallyEntry.objects.filter(round=round_, current=True).order_by("pk")
    ]


@dataclass(frozen=True)
class TallyState:
    entries: int  # tellers whose count is in
    issued: int
    entered: bool  # whether the asking teller has entered
    complete: bool  # both tellers have entered
    agree: bool | None  # None until both have entered
    corrections: int


@dataclass(frozen=True)
class TallyAgreement:
    agree: bool
    totals_differ: bool
    differences: tuple[str, ...]  # items the two counts differ in (the chair's view only)


def tally_state(round_: Round, *, teller_id: int | None) -> TallyState:
    """How far the tellers are. Whether they agree is told to nobody before both have entered:
    a teller's own entry must not be steered by the other's."""
    tallies = _current_tallies(round_)
    complete = len(tallies) >= 2
    return TallyState(
        entries=len(tallies),
        issued=paper_issued(round_),
        entered=teller_id is not None
        and TallyEntry.objects.filter(round=round_, teller_id=teller_id, current=True).exists(),
        complete=complete,
        agree=rules.tallies_agree(tallies[0], tallies[1]) if complete else None,
        corrections=TallyEntry.objects.filter(round=round_, current=False).count(),
    )


def tally_agreement(round_: Round, *, chair: bool) -> TallyAgreement:
    """Whether the two counts agree, and for the chair in which items they differ. Refused
    before both tellers have entered."""
    tallies = _current_tallies(round_)
    if len(tallies) < 2:
        raise Conflict("tally_incomplete", _("两名计票人均录入后才能核对计票结果。"))
    comparison = rules.tallies_compare(tallies[0], tallies[1])
    return TallyAgreement(
        agree=comparison.agree,
        totals_differ=comparison.totals_differ,
        differences=comparison.items if chair else (),
    )


def agreed_paper_tally(round_: Round) -> rules.Tally:
    """The paper count of a round: two tellers' entries that agree, or a refusal saying where
    they differ."""
    tallies = _current_tallies(round_)
    if len(tallies) < 2:
        raise DomainError("tally_missing", _("纸质选票须由两名计票人分别录入后才能计票。"))
    comparison = rules.tallies_compare(tallies[0], tallies[1])
    if not comparison.agree:
        labels = candidate_labels(round_)
        where = [
            _("第 %(row)d 行“%(name)s”") % {"row": labels[i].row, "name": labels[i].name}
            for i in comparison.items
            if i in labels
        ]
        if comparison.totals_differ:
            where.insert(0, _("收回票数或无效票数"))
        raise DomainError(
            "tally_mismatch",
            _("两名计票人录入的结果不一致（%(where)s），请核对后更正。")
            % {"where": "、".join(where)},
            extra={"differences": list(comparison.items)},
        )
    return tallies[0]

"""What each phase of a cycle allows: one place to read it, and the reason when it does not."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ops.errors import DomainError

from . import rules
from .models import Cycle, Phase
from .selectors import cycle_rule_set

ACTION_LABELS = {
    "publish_call": gettext_lazy("发布征集公告"),
    "submit_proposal": gettext_lazy("提交项目建议"),
    "merge_proposal": gettext_lazy("合并重复建议"),
    "screen": gettext_lazy("初定建议"),
    "record_governance": gettext_lazy("记录会商或党委审定"),
    "attach_material": gettext_lazy("上传审议材料"),
    "comment": gettext_lazy("提出审议意见"),
    "answer": gettext_lazy("答复审议意见"),
    "set_rules": gettext_lazy("修改票决规则"),
    "add_candidate": gettext_lazy("增加候选项目"),
    "open_voting": gettext_lazy("进入票决阶段"),
    "sign_in": gettext_lazy("签到"),
    "open_round": gettext_lazy("开始投票"),
    "cast": gettext_lazy("投票"),
    "close_round": gettext_lazy("结束投票"),
    "set_evaluation_rules": gettext_lazy("修改测评规则"),
    "open_evaluation": gettext_lazy("开始满意度测评"),
    "evaluation_sign_in": gettext_lazy("测评会议签到"),
    "rate_public": gettext_lazy("网上评价"),
}

ALLOWED: dict[str, frozenset[str]] = {
    Phase.SOLICIT: frozenset({"set_rules", "publish_call", "submit_proposal", "merge_proposal"}),
    Phase.SHORTLIST: frozenset(
        {
            "set_rules",
            "merge_proposal",
            "screen",
            "add_candidate",
            "record_governance",
            "attach_material",
        }
    ),
    Phase.DELIBERATE: frozenset(
        {"set_rules", "record_governance", "attach_material", "comment", "answer", "open_voting"}
    ),
    Phase.VOTE: frozenset({"sign_in", "open_round", "cast", "close_round", "answer"}),
    Phase.IMPLEMENT: frozenset({"set_evaluation_rules", "open_evaluation", "evaluation_sign_in"}),
    # Only the evaluation round is ever open in this phase: casting and closing are its own.
    Phase.EVALUATE: frozenset({"cast", "close_round", "rate_public"}),
    Phase.CLOSED: frozenset(),
}


def phase_enter(cycle: Cycle, target: Phase) -> list[str]:
    """Move the cycle to `target` and note the day it did (the route's actual dates); returns
    the fields for the caller's `save(update_fields=...)`. The first entry of a phase counts."""
    cycle.phase = target
    cycle.phase_entered_on = {
        str(target): timezone.localdate().isoformat(),
        **(cycle.phase_entered_on or {}),
    }
    return ["phase", "phase_entered_on"]


def phase_require(cycle: Cycle, action: str) -> None:
    if action not in ALLOWED[cycle.phase]:
        raise DomainError(
            "wrong_phase",
            _("当前处于%(phase)s阶段，不能%(action)s。")
            % {"phase": Phase(cycle.phase).label, "action": ACTION_LABELS[action]},
        )


def quorum_require(cycle: Cycle, *, entitled: int, present: int) -> int:
    """Refuse below the quorum; return the fewest present that meet it (frozen on the round)."""
    rule_set = cycle_rule_set(cycle)
    if not rules.quorum_met(entitled=entitled, present=present, rules=rule_set):
        quorum = rule_set.quorum
        raise DomainError(
            "quorum_not_met",
            (
                _("出席代表 %(present)d 人，未达到法定人数（应到 %(entitled)d 人的 %(n)d/%(d)d）。")
                if quorum.comparison == rules.Comparison.AT_LEAST
                else _(
                    "出席代表 %(present)d 人，未达到法定人数（须超过应到 %(entitled)d 人的 "
                    "%(n)d/%(d)d）。"
                )
            )
            % {
                "present": present,
                "entitled": entitled,
                "n": quorum.numerator,
                "d": quorum.denominator,
            },
        )
    return rules.quorum_needed(entitled=entitled, rules=rule_set)

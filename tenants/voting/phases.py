"""What each phase of a cycle allows: one place to read it, and the reason when it does not."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ops.errors import DomainError

from .models import Cycle, Phase

ACTION_LABELS = {
    "set_rules": gettext_lazy("修改票决规则"),
    "add_candidate": gettext_lazy("增加候选项目"),
    "open_voting": gettext_lazy("进入票决阶段"),
    "sign_in": gettext_lazy("签到"),
    "open_round": gettext_lazy("开始投票"),
    "cast": gettext_lazy("投票"),
    "close_round": gettext_lazy("结束投票"),
}

ALLOWED: dict[str, frozenset[str]] = {
    Phase.SOLICIT: frozenset({"set_rules", "add_candidate", "open_voting"}),
    Phase.SHORTLIST: frozenset({"set_rules", "add_candidate", "open_voting"}),
    Phase.DELIBERATE: frozenset({"set_rules", "open_voting"}),
    Phase.VOTE: frozenset({"sign_in", "open_round", "cast", "close_round"}),
    Phase.IMPLEMENT: frozenset(),
    Phase.EVALUATE: frozenset(),
    Phase.CLOSED: frozenset(),
}


def phase_require(cycle: Cycle, action: str) -> None:
    if action not in ALLOWED[cycle.phase]:
        raise DomainError(
            "wrong_phase",
            _("当前处于%(phase)s阶段，不能%(action)s。")
            % {"phase": Phase(cycle.phase).label, "action": ACTION_LABELS[action]},
        )

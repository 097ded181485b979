"""What each state of a benchmark round allows and where each transition leads: one place to
read it, and the reason when an action is refused."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ops.errors import DomainError

from .models import BenchmarkRound, State

ACTION_LABELS = {
    "edit": gettext_lazy("修改评选设置"),
    "open": gettext_lazy("开始推荐"),
    "nominate": gettext_lazy("推荐"),
    "withdraw": gettext_lazy("撤回推荐"),
    "close_nominations": gettext_lazy("结束推荐、进入评审"),
    "score": gettext_lazy("评分"),
    "decide": gettext_lazy("作出评选决定"),
    "start_publicity": gettext_lazy("开始公示"),
    "record_objection": gettext_lazy("登记异议"),
    "resolve_objection": gettext_lazy("处理异议"),
    "announce": gettext_lazy("公布评选结果"),
}

ALLOWED: dict[str, frozenset[str]] = {
    State.DRAFT: frozenset({"edit", "open"}),
    State.NOMINATING: frozenset({"nominate", "withdraw", "close_nominations"}),
    State.REVIEWING: frozenset({"score", "decide"}),
    State.DECIDED: frozenset({"start_publicity"}),
    State.PUBLICITY: frozenset({"record_objection", "resolve_objection", "announce"}),
    State.ANNOUNCED: frozenset(),
}

# The transitions, each carried out by one service in services.py.
NEXT: dict[str, tuple[str, str]] = {
    "open": (State.DRAFT, State.NOMINATING),
    "close_nominations": (State.NOMINATING, State.REVIEWING),
    "decide": (State.REVIEWING, State.DECIDED),
    "start_publicity": (State.DECIDED, State.PUBLICITY),
    "announce": (State.PUBLICITY, State.ANNOUNCED),
}

# From these states on, the tenants of the tree see the round's result list.
RESULT_VISIBLE = frozenset({State.PUBLICITY, State.ANNOUNCED})


def state_require(round_: BenchmarkRound, action: str) -> None:
    if action not in ALLOWED[round_.state]:
        raise DomainError(
            "wrong_state",
            _("评选当前处于%(state)s阶段，不能%(action)s。")
            % {"state": State(round_.state).label, "action": ACTION_LABELS[action]},
        )


def actions_allowed(round_: BenchmarkRound) -> list[str]:
    return sorted(ALLOWED[round_.state])

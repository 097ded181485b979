"""What each state of a benchmark round allows and where each step leads (docs/state-machines.md)."""

from django.utils.translation import gettext_lazy

from ops.errors import Conflict
from ops.machine import Machine, Step

from .models import BenchmarkRound, Nomination, StarReview, State

ROUND = Machine(
    "supervision.BenchmarkRound.state",
    initial=State.DRAFT,
    final=frozenset({State.ANNOUNCED}),
    steps={
        "edit": Step(gettext_lazy("修改评选设置"), {State.DRAFT}),
        "open": Step(gettext_lazy("开始推荐"), {State.DRAFT}, State.NOMINATING),
        "nominate": Step(gettext_lazy("推荐"), {State.NOMINATING}),
        "withdraw": Step(gettext_lazy("撤回推荐"), {State.NOMINATING}),
        "close_nominations": Step(
            gettext_lazy("结束推荐、进入评审"), {State.NOMINATING}, State.REVIEWING
        ),
        "score": Step(gettext_lazy("评分"), {State.REVIEWING}),
        "decide": Step(gettext_lazy("作出评选决定"), {State.REVIEWING}, State.DECIDED),
        "start_publicity": Step(gettext_lazy("开始公示"), {State.DECIDED}, State.PUBLICITY),
        "record_objection": Step(gettext_lazy("登记异议"), {State.PUBLICITY}),
        "resolve_objection": Step(gettext_lazy("处理异议"), {State.PUBLICITY}),
        "announce": Step(gettext_lazy("公布评选结果"), {State.PUBLICITY}, State.ANNOUNCED),
    },
    refusal=("wrong_state", gettext_lazy("评选当前处于%(state)s阶段，不能%(action)s。")),
)

_N = Nomination.Status
NOMINATION = Machine(
    "supervision.Nomination.status",
    initial=_N.SUBMITTED,
    final=frozenset({_N.WITHDRAWN, _N.NOT_SELECTED, _N.REVOKED}),
    steps={
        "withdraw": Step(gettext_lazy("撤回推荐"), {_N.SUBMITTED}, _N.WITHDRAWN),
        "score": Step(gettext_lazy("评分"), {_N.SUBMITTED}),
        "object": Step(
            gettext_lazy("提出异议"),
            {_N.SELECTED},
            refusal=("nomination_not_selected", gettext_lazy("只能对公示的入选对象提出异议。")),
        ),
        "select": Step(gettext_lazy("评选为先进"), {_N.SUBMITTED}, _N.SELECTED),
        "not_select": Step(gettext_lazy("未评选为先进"), {_N.SUBMITTED}, _N.NOT_SELECTED),
        "revoke": Step(gettext_lazy("因异议成立撤销"), {_N.SELECTED}, _N.REVOKED),
    },
    refusal=("nomination_wrong_status", gettext_lazy("该推荐当前%(state)s，不能%(action)s。")),
)

_R = StarReview.State
STAR_REVIEW = Machine(
    "supervision.StarReview.state",
    initial=_R.SUBMITTED,
    final=frozenset({_R.AWARDED, _R.REFUSED}),
    steps={
        "award": Step(gettext_lazy("评定星级"), {_R.SUBMITTED}, _R.AWARDED),
        "refuse": Step(gettext_lazy("不予评定"), {_R.SUBMITTED}, _R.REFUSED),
    },
    refusal=("star_review_decided", gettext_lazy("该申报已评审（%(state)s），不能%(action)s。")),
    error=Conflict,
)

# From these states on, the tenants of the tree see the round's result list.
RESULT_VISIBLE = frozenset({State.PUBLICITY, State.ANNOUNCED})


def state_require(round_: BenchmarkRound, action: str) -> None:
    ROUND.require(round_.state, action)


def actions_allowed(round_: BenchmarkRound) -> list[str]:
    return sorted(ROUND.allowed(round_.state))

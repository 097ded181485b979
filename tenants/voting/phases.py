"""What each phase of a cycle allows: one place to read it, and the reason when it does not."""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ops.errors import Conflict, DomainError
from ops.machine import Machine, Step

from . import rules
from .models import Candidate, Cycle, Phase, Proposal, Round
from .selectors import cycle_rule_set

_P = Phase
CYCLE = Machine(
    "voting.Cycle.phase",
    initial=_P.SOLICIT,
    final=frozenset({_P.CLOSED}),
    steps={
        "set_rules": Step(gettext_lazy("修改票决规则"), {_P.SOLICIT, _P.SHORTLIST, _P.DELIBERATE}),
        "publish_call": Step(gettext_lazy("发布征集公告"), {_P.SOLICIT}),
        "submit_proposal": Step(gettext_lazy("提交项目建议"), {_P.SOLICIT}),
        "merge_proposal": Step(gettext_lazy("合并重复建议"), {_P.SOLICIT, _P.SHORTLIST}),
        "close_call": Step(gettext_lazy("结束征集、进入初定"), {_P.SOLICIT}, _P.SHORTLIST),
        "screen": Step(gettext_lazy("初定建议"), {_P.SHORTLIST}),
        "add_candidate": Step(gettext_lazy("增加候选项目"), {_P.SHORTLIST}),
        "record_governance": Step(
            gettext_lazy("记录会商或党委审定"), {_P.SHORTLIST, _P.DELIBERATE}
        ),
        "attach_material": Step(gettext_lazy("上传审议材料"), {_P.SHORTLIST, _P.DELIBERATE}),
        "deliberate": Step(gettext_lazy("进入审议阶段"), {_P.SHORTLIST}, _P.DELIBERATE),
        "comment": Step(gettext_lazy("提出审议意见"), {_P.DELIBERATE}),
        "answer": Step(gettext_lazy("答复审议意见"), {_P.DELIBERATE, _P.VOTE}),
        "open_voting": Step(gettext_lazy("进入票决阶段"), {_P.DELIBERATE}, _P.VOTE),
        "sign_in": Step(gettext_lazy("签到"), {_P.VOTE}),
        "open_round": Step(gettext_lazy("开始投票"), {_P.VOTE}),
        # Only the evaluation round is ever open in 评估: casting and closing are its own.
        "cast": Step(gettext_lazy("投票"), {_P.VOTE, _P.EVALUATE}),
        "close_round": Step(gettext_lazy("结束投票"), {_P.VOTE, _P.EVALUATE}),
        "hand_over": Step(gettext_lazy("转入实施"), {_P.VOTE}, _P.IMPLEMENT),
        "publish_announcement": Step(
            gettext_lazy("发布票决结果公告"), {_P.VOTE, _P.IMPLEMENT, _P.EVALUATE, _P.CLOSED}
        ),
        "set_evaluation_rules": Step(gettext_lazy("修改测评规则"), {_P.IMPLEMENT}),
        "evaluation_sign_in": Step(gettext_lazy("测评会议签到"), {_P.IMPLEMENT}),
        "open_evaluation": Step(gettext_lazy("开始满意度测评"), {_P.IMPLEMENT}, _P.EVALUATE),
        "rate_public": Step(gettext_lazy("网上评价"), {_P.EVALUATE}),
        "close_year": Step(gettext_lazy("公布明白账、结束本年度"), {_P.EVALUATE}, _P.CLOSED),
    },
    refusal=("wrong_phase", gettext_lazy("当前处于%(state)s阶段，不能%(action)s。")),
)

_R = Round.State
ROUND = Machine(
    "voting.Round.state",
    initial=_R.OPEN,
    final=frozenset({_R.CLOSED, _R.VOID}),
    steps={
        "close": Step(gettext_lazy("结束投票"), {_R.OPEN}, _R.CLOSED),
        # 收回票数多于发出票数: nothing is decided; the chair votes again in a new round.
        "void": Step(gettext_lazy("宣布本轮无效"), {_R.OPEN}, _R.VOID),
    },
    refusal=("round_not_open", gettext_lazy("本轮投票%(state)s，不能%(action)s。")),
    error=Conflict,
)

_S = Proposal.Status
_LIVE = {_S.RECEIVED, _S.SHORTLISTED, _S.REJECTED, _S.RESERVE}
_MERGED_REFUSAL = ("proposal_merged", gettext_lazy("已合并的建议随所并入的建议一并处理。"))
PROPOSAL = Machine(
    "voting.Proposal.status",
    initial=_S.RECEIVED,
    final=frozenset({_S.MERGED}),
    steps={
        "merge": Step(gettext_lazy("合并重复建议"), _LIVE, _S.MERGED),
        "accept": Step(
            gettext_lazy("列入初步候选"), _LIVE, _S.SHORTLISTED, refusal=_MERGED_REFUSAL
        ),
        "reject": Step(gettext_lazy("不予列入"), _LIVE, _S.REJECTED, refusal=_MERGED_REFUSAL),
        "to_reserve": Step(
            gettext_lazy("转入项目库"),
            _LIVE,
            _S.RESERVE,
            refusal=("proposal_merged", gettext_lazy("已合并的建议不能单独入库。")),
        ),
        "make_candidate": Step(
            gettext_lazy("列为候选项目"),
            {_S.SHORTLISTED},
            refusal=(
                "proposal_not_shortlisted",
                gettext_lazy("只有列入初步候选的建议才能成为候选项目。"),
            ),
        ),
        # 票决未通过的候选项目的建议退回项目库，来年可再征集.
        "return_to_reserve": Step(gettext_lazy("退回项目库"), {_S.SHORTLISTED}, _S.RESERVE),
        "carry_over": Step(gettext_lazy("转入本年度征集"), {_S.RESERVE}, _S.RECEIVED),
    },
    refusal=("proposal_wrong_status", gettext_lazy("该建议当前%(state)s，不能%(action)s。")),
)

_C = Candidate.Status
CANDIDATE = Machine(
    "voting.Candidate.status",
    initial=_C.CANDIDATE,
    final=frozenset({_C.ADOPTED, _C.NOT_ADOPTED}),
    steps={
        "adopt": Step(gettext_lazy("票决通过"), {_C.CANDIDATE}, _C.ADOPTED),
        "not_adopt": Step(gettext_lazy("票决未通过"), {_C.CANDIDATE}, _C.NOT_ADOPTED),
    },
    refusal=("candidate_decided", gettext_lazy("该候选项目已%(state)s，不能%(action)s。")),
    error=Conflict,
)

# The step that moves a cycle on from each phase before the vote (cycle_advance).
ADVANCE = {Phase.SOLICIT: "close_call", Phase.SHORTLIST: "deliberate"}


def phase_enter(cycle: Cycle, action: str) -> list[str]:
    """Take the step `action` (refused when the phase does not allow it) and note the day the
    cycle entered its new phase (the route's actual dates); returns the fields for the caller's
    `save(update_fields=...)`. The first entry of a phase counts."""
    target = CYCLE.apply(cycle.phase, action)
    cycle.phase = target
    cycle.phase_entered_on = {
        str(target): timezone.localdate().isoformat(),
        **(cycle.phase_entered_on or {}),
    }
    return ["phase", "phase_entered_on"]


def phase_require(cycle: Cycle, action: str) -> None:
    CYCLE.require(cycle.phase, action)


def cycle_locked(cycle: Cycle, action: str) -> Cycle:
    """The cycle, locked to the end of the caller's transaction; refused unless its phase allows
    `action`."""
    locked = Cycle.objects.select_for_update().get(pk=cycle.pk)
    phase_require(locked, action)
    return locked


def phase_allows(cycle: Cycle, action: str) -> bool:
    return action in CYCLE.allowed(cycle.phase)


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

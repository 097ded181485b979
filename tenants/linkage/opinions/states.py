"""The opinion loop's states and the actions allowed in each: one place to read it, and the
reason when an action is refused.

    received -> sorted -> assigned -> handling -> replied -> closed (satisfied / basically)
                                                    \\-> reopened -> handling -> replied ...
    received / sorted / assigned / handling -> declined (out of scope, with the reason)
    received ... reopened -> escalated -> replied (the parent's answer) -> closed
"""

from django.utils.translation import gettext_lazy, pgettext_lazy

from ops.machine import Machine, Step

from .models import Opinion, Status

OPEN = frozenset(
    {Status.RECEIVED, Status.SORTED, Status.ASSIGNED, Status.HANDLING, Status.REOPENED}
)
# States in which the handling clock runs here (an escalated opinion runs on the parent's clock).
CLOCK_RUNNING = frozenset({Status.ASSIGNED, Status.HANDLING, Status.REOPENED})

OPINION = Machine(
    "opinions.Opinion.status",
    initial=Status.RECEIVED,
    final=frozenset({Status.CLOSED, Status.DECLINED}),
    steps={
        "sort": Step(
            pgettext_lazy("opinion action", "分类"),
            {Status.RECEIVED, Status.SORTED},
            Status.SORTED,
        ),
        "assign": Step(
            pgettext_lazy("opinion action", "交办"),
            {Status.SORTED, Status.ASSIGNED},
            Status.ASSIGNED,
        ),
        "handle": Step(
            pgettext_lazy("opinion action", "开始办理"),
            {Status.ASSIGNED, Status.REOPENED},
            Status.HANDLING,
        ),
        "reply": Step(
            pgettext_lazy("opinion action", "答复"),
            {Status.ASSIGNED, Status.HANDLING, Status.REOPENED},
            Status.REPLIED,
        ),
        "extend": Step(pgettext_lazy("opinion action", "延期"), {Status.ASSIGNED, Status.HANDLING}),
        "decline": Step(
            pgettext_lazy("opinion action", "不予受理"),
            {Status.RECEIVED, Status.SORTED, Status.ASSIGNED, Status.HANDLING},
            Status.DECLINED,
        ),
        "escalate": Step(pgettext_lazy("opinion action", "上报上级"), OPEN, Status.ESCALATED),
        "rate": Step(pgettext_lazy("opinion action", "评价"), {Status.REPLIED}, Status.CLOSED),
        "reopen": Step(
            pgettext_lazy("opinion action", "不满意重新办理"), {Status.REPLIED}, Status.REOPENED
        ),
        "reopen_upstream": Step(
            pgettext_lazy("opinion action", "不满意，请上级重新办理"),
            {Status.REPLIED},
            Status.ESCALATED,
        ),
        "close": Step(pgettext_lazy("opinion action", "办结归档"), {Status.REPLIED}, Status.CLOSED),
        "upstream_reply": Step(
            pgettext_lazy("opinion action", "上级答复"), {Status.ESCALATED}, Status.REPLIED
        ),
        "upstream_decline": Step(
            pgettext_lazy("opinion action", "上级不予受理"), {Status.ESCALATED}, Status.DECLINED
        ),
    },
    refusal=("wrong_status", gettext_lazy("该意见当前%(state)s，不能%(action)s。")),
)


def allowed_actions(opinion: Opinion) -> list[str]:
    """What staff may do with the opinion now (for the console's buttons)."""
    actions = OPINION.allowed(opinion.status)
    if opinion.extended or opinion.round > 1:
        actions = [a for a in actions if a != "extend"]
    return [a for a in actions if not a.startswith(("upstream_", "reopen", "rate"))]


def transition_require(opinion: Opinion, action: str) -> str:
    """The state the action leads to; a DomainError naming the state when it is not allowed."""
    return OPINION.apply(opinion.status, action)

"""The opinion loop's states and the actions allowed in each: one place to read it, and the
reason when an action is refused.

    received -> sorted -> assigned -> handling -> replied -> closed (satisfied / basically)
                                                    \\-> reopened -> handling -> replied ...
    received / sorted / assigned / handling -> declined (out of scope, with the reason)
    received ... reopened -> escalated -> replied (the parent's answer) -> closed
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import pgettext_lazy

from ops.errors import DomainError

from .models import Opinion, Status


@dataclass(frozen=True)
class Transition:
    label: Promise
    sources: frozenset[str]
    target: str | None  # None: the state stays as it is


def _from(*states: str) -> frozenset[str]:
    return frozenset(states)


OPEN = _from(Status.RECEIVED, Status.SORTED, Status.ASSIGNED, Status.HANDLING, Status.REOPENED)
# States in which the handling clock runs here (an escalated opinion runs on the parent's clock).
CLOCK_RUNNING = _from(Status.ASSIGNED, Status.HANDLING, Status.REOPENED)

TRANSITIONS: dict[str, Transition] = {
    "sort": Transition(
        pgettext_lazy("opinion action", "分类"),
        _from(Status.RECEIVED, Status.SORTED),
        Status.SORTED,
    ),
    "assign": Transition(
        pgettext_lazy("opinion action", "交办"),
        _from(Status.SORTED, Status.ASSIGNED),
        Status.ASSIGNED,
    ),
    "handle": Transition(
        pgettext_lazy("opinion action", "开始办理"),
        _from(Status.ASSIGNED, Status.REOPENED),
        Status.HANDLING,
    ),
    "reply": Transition(
        pgettext_lazy("opinion action", "答复"),
        _from(Status.ASSIGNED, Status.HANDLING, Status.REOPENED),
        Status.REPLIED,
    ),
    "extend": Transition(
        pgettext_lazy("opinion action", "延期"), _from(Status.ASSIGNED, Status.HANDLING), None
    ),
    "decline": Transition(
        pgettext_lazy("opinion action", "不予受理"),
        _from(Status.RECEIVED, Status.SORTED, Status.ASSIGNED, Status.HANDLING),
        Status.DECLINED,
    ),
    "escalate": Transition(pgettext_lazy("opinion action", "上报上级"), OPEN, Status.ESCALATED),
    "rate": Transition(
        pgettext_lazy("opinion action", "评价"), _from(Status.REPLIED), Status.CLOSED
    ),
    "reopen": Transition(
        pgettext_lazy("opinion action", "不满意重新办理"), _from(Status.REPLIED), Status.REOPENED
    ),
    "reopen_upstream": Transition(
        pgettext_lazy("opinion action", "不满意，请上级重新办理"),
        _from(Status.REPLIED),
        Status.ESCALATED,
    ),
    "close": Transition(
        pgettext_lazy("opinion action", "办结归档"), _from(Status.REPLIED), Status.CLOSED
    ),
    "upstream_reply": Transition(
        pgettext_lazy("opinion action", "上级答复"), _from(Status.ESCALATED), Status.REPLIED
    ),
    "upstream_decline": Transition(
        pgettext_lazy("opinion action", "上级不予受理"), _from(Status.ESCALATED), Status.DECLINED
    ),
}


def allowed_actions(opinion: Opinion) -> list[str]:
    """What staff may do with the opinion now (for the console's buttons)."""
    actions = [name for name, t in TRANSITIONS.items() if opinion.status in t.sources]
    if opinion.extended or opinion.round > 1:
        actions = [a for a in actions if a != "extend"]
    return [a for a in actions if not a.startswith(("upstream_", "reopen", "rate"))]


def transition_require(opinion: Opinion, action: str) -> str:
    """The state the action leads to; a DomainError naming the state when it is not allowed."""
    transition = TRANSITIONS[action]
    if opinion.status not in transition.sources:
        raise DomainError(
            "wrong_status",
            _("该意见当前%(status)s，不能%(action)s。")
            % {"status": Status(opinion.status).label, "action": transition.label},
        )
    return transition.target or opinion.status

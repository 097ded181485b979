"""A duty entry's and an objection's states (docs/state-machines.md)."""

from django.utils.translation import gettext_lazy

from ops.errors import Conflict
from ops.machine import Machine, Step

from .models import DutyEntry, Objection

_E = DutyEntry.State
ENTRY = Machine(
    "duty.DutyEntry.state",
    initial=_E.COUNTED,
    final=frozenset({_E.VOIDED}),
    steps={
        # The deputy's own act changed (a leave, then attending): taken back, may count again.
        "withdraw": Step(gettext_lazy("撤回履职记录"), {_E.COUNTED}, _E.WITHDRAWN),
        "count": Step(gettext_lazy("重新计入"), {_E.WITHDRAWN}, _E.COUNTED),
        "void": Step(gettext_lazy("异议成立核减"), {_E.COUNTED}, _E.VOIDED),
    },
    refusal=("entry_wrong_state", gettext_lazy("该履职记录%(state)s，不能%(action)s。")),
    error=Conflict,
)

_O = Objection.State
OBJECTION = Machine(
    "duty.Objection.state",
    initial=_O.OPEN,
    final=frozenset({_O.UPHELD, _O.REJECTED}),
    steps={
        "uphold": Step(gettext_lazy("认定异议成立"), {_O.OPEN}, _O.UPHELD),
        "reject": Step(gettext_lazy("认定异议不成立"), {_O.OPEN}, _O.REJECTED),
    },
    refusal=("objection_decided", gettext_lazy("该异议%(state)s，不能%(action)s。")),
    error=Conflict,
)

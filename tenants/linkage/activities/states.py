"""An activity's states (docs/state-machines.md): a cancelled activity takes no further step."""

from django.utils.translation import gettext_lazy

from ops.errors import Conflict
from ops.machine import Machine, Step

from .models import Activity

_A = Activity.State
ACTIVITY = Machine(
    "activities.Activity.state",
    initial=_A.SCHEDULED,
    final=frozenset({_A.CANCELLED}),
    steps={
        "invite": Step(gettext_lazy("邀请代表"), {_A.SCHEDULED}),
        "open_sign_in": Step(gettext_lazy("开启签到"), {_A.SCHEDULED}),
        "respond": Step(gettext_lazy("回复邀请"), {_A.SCHEDULED}),
        "cancel": Step(gettext_lazy("取消活动"), {_A.SCHEDULED}, _A.CANCELLED),
    },
    refusal=("activity_cancelled", gettext_lazy("活动%(state)s，不能%(action)s。")),
    error=Conflict,
)

"""A deputy's service (docs/state-machines.md): an ended service is not resumed; a deputy elected
again is a new row of the new term."""

from django.utils.translation import gettext_lazy

from ops.errors import Conflict
from ops.machine import Machine, Step

from .models import Deputy

_D = Deputy.Status
SERVICE = Machine(
    "deputies.Deputy.status",
    initial=_D.SERVING,
    final=frozenset({_D.ENDED}),
    steps={"end": Step(gettext_lazy("终止代表资格"), {_D.SERVING}, _D.ENDED)},
    refusal=("deputy_already_ended", gettext_lazy("该代表当前%(state)s，不能%(action)s。")),
    error=Conflict,
)

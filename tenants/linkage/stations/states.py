"""A station's yearly self-assessment (docs/state-machines.md): the station assesses itself, the
congress above awards stars or sends it back with the reason; a reviewed year is settled."""

from django.utils.translation import gettext_lazy

from ops.errors import Conflict
from ops.machine import Machine, Step

from .models import Assessment

_S = Assessment.State
ASSESSMENT = Machine(
    "stations.Assessment.state",
    initial=_S.DRAFT,
    final=frozenset({_S.REVIEWED}),
    steps={
        "submit": Step(gettext_lazy("提交自评"), {_S.DRAFT, _S.SUBMITTED}, _S.SUBMITTED),
        "award": Step(gettext_lazy("评定星级"), {_S.SUBMITTED}, _S.REVIEWED),
        "send_back": Step(gettext_lazy("退回重新自评"), {_S.SUBMITTED}, _S.DRAFT),
    },
    refusal=("assessment_reviewed", gettext_lazy("本年度自评%(state)s，不能%(action)s。")),
    error=Conflict,
)

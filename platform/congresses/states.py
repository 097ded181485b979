"""A provisioning job's states (docs/state-machines.md)."""

from django.utils.translation import gettext_lazy

from ops.machine import Machine, Step

from .models import ProvisioningJob

_J = ProvisioningJob.State
PROVISIONING = Machine(
    "congresses.ProvisioningJob.state",
    initial=_J.QUEUED,
    final=frozenset({_J.SUCCEEDED, _J.FAILED}),
    steps={
        # A redelivered message starts again a job whose worker died while it was running.
        "start": Step(gettext_lazy("开始开通"), {_J.QUEUED, _J.RUNNING}, _J.RUNNING),
        "succeed": Step(gettext_lazy("开通完成"), {_J.RUNNING}, _J.SUCCEEDED),
        # Refused, broken, or stuck past the sweep's limit.
        "fail": Step(gettext_lazy("开通失败"), {_J.QUEUED, _J.RUNNING}, _J.FAILED),
    },
    refusal=("job_finished", gettext_lazy("开通任务%(state)s，不能%(action)s。")),
)

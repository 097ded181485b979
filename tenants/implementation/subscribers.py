"""Implementation's reactions to voting (ops.events), registered in ImplementationConfig.ready."""

from django.utils.translation import gettext as _

from ops.events import subscribe
from tenants.voting.events import EvaluationUnsatisfied, VoteResultsFinal

from .models import Project
from .services import projects_from_vote, rectification_open


def on_vote_results_final(event: VoteResultsFinal) -> None:
    projects_from_vote(cycle_id=event.cycle_id, adopted_ids=event.adopted_ids, actor=event.actor)


def on_evaluation_unsatisfied(event: EvaluationUnsatisfied) -> None:
    project = Project.objects.filter(candidate_id=event.candidate_id).first()
    if project is None:  # adopted, but never put into implementation: nothing to rectify
        return
    reason = (
        _(
            "年度满意度测评结果为不满意（满意%(satisfied)d票，基本满意%(basic)d票，"
            "不满意%(unsatisfied)d票，弃权%(abstain)d票），请提交书面整改报告。"
        )
        % event.counts
    )
    rectification_open(project=project, reason=reason, source="satisfaction", actor=event.actor)


def register() -> None:
    subscribe(VoteResultsFinal, on_vote_results_final)
    subscribe(EvaluationUnsatisfied, on_evaluation_unsatisfied)

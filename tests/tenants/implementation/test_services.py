"""Implementation services: the hand-over from the vote, the plan, progress, rectification; each
refusal a reason with nothing written."""

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.core import mail

from congresses.models import Congress
from ops.errors import Conflict, DomainError, NotAllowed
from outbox.models import OutboxEvent
from tenants.implementation.indicators import figures
from tenants.implementation.models import ProgressReport, Project, Rectification
from tenants.implementation.selectors import projects_for_account
from tenants.implementation.services import (
    PlanChange,
    progress_report,
    project_plan,
    rectification_close,
    rectification_open,
    stage_set,
)
from tenants.notifications.models import Notification
from tenants.voting.models import Phase, Proposal
from tenants.voting.reserve import vote_results_hand_over

from .factories import make_underway, make_voted_cycle


def test_adopted_candidates_become_projects_and_the_rest_return_to_the_reserve(
    town: Congress,
) -> None:
    voted = make_voted_cycle()
    events = OutboxEvent.objects.filter(topic="implementation").count()

    vote_results_hand_over(cycle=voted.cycle, actor=None)
    projects = list(projects_for_account(cycle=voted.cycle))

    assert [(p.candidate_id, p.name, p.category, p.funds_planned) for p in projects] == [
        (c.pk, c.name, c.category, c.estimated_cost) for c in voted.adopted
    ]
    status = dict(Proposal.objects.values_list("candidate", "status"))
    assert [status[c.pk] for c in voted.not_adopted] == ["reserve", "reserve"]
    assert [status[c.pk] for c in voted.adopted] == ["shortlisted", "shortlisted"]
    voted.cycle.refresh_from_db()
    assert voted.cycle.phase == Phase.IMPLEMENT
    assert OutboxEvent.objects.filter(topic="implementation").count() == events + 1


def test_a_second_hand_over_is_refused_and_writes_nothing(town: Congress) -> None:
    voted = make_voted_cycle()
    vote_results_hand_over(cycle=voted.cycle, actor=None)

    with pytest.raises(Conflict) as refused:
        vote_results_hand_over(cycle=voted.cycle, actor=None)

    assert refused.value.code == "wrong_phase"
    assert Project.objects.filter(cycle=voted.cycle).count() == 2


def test_assigning_a_unit_notifies_its_accounts_once(
    town: Congress, django_capture_on_commit_callbacks: Any
) -> None:
    voted = make_voted_cycle()  # (closing the round vacuums on commit: not in a test transaction)
    with django_capture_on_commit_callbacks(execute=True):
        underway = make_underway(town, voted=voted)
    with django_capture_on_commit_callbacks(execute=True):
        project_plan(
            project=underway.projects[0], change=PlanChange(owner_name="李科长"), actor=None
        )

    assigned = Notification.objects.filter(key__startswith="implementation.assigned:")
    assert sorted(assigned.values_list("user_id", flat=True)) == sorted(
        [underway.reporter.pk, underway.other_reporter.pk]
    )
    assert sorted(m.to[0] for m in mail.outbox) == ["jtb@example.cn", "zjb@example.cn"]


def test_negative_funds_are_refused(town: Congress) -> None:
    project = make_underway(town).projects[0]

    with pytest.raises(DomainError) as refused:
        project_plan(project=project, change=PlanChange(funds_planned=Decimal("-1")), actor=None)

    assert refused.value.code == "funds_negative"
    project.refresh_from_db()
    assert project.funds_planned == Decimal("120.50")


def test_spending_beyond_allocation_needs_an_explanation_and_is_flagged(town: Congress) -> None:
    project = make_underway(town).projects[0]  # allocated 100

    with pytest.raises(DomainError) as refused:
        project_plan(project=project, change=PlanChange(funds_spent=Decimal("100.01")), actor=None)
    assert refused.value.code == "funds_overspent"
    project.refresh_from_db()
    assert project.funds_spent == 0

    change = PlanChange(funds_spent=Decimal("110"), overspend_note="追加材料费，待拨付")
    flagged = project_plan(project=project, change=change, actor=None)
    assert flagged.overspent and flagged.funds_spent == Decimal("110")


def test_a_unit_reports_only_on_its_own_projects(town: Congress) -> None:
    underway = make_underway(town)
    theirs = underway.projects[1]

    with pytest.raises(NotAllowed) as refused:
        progress_report(project=theirs, percent=30, text="进展", photos=[], actor=underway.reporter)

    assert refused.value.code == "not_your_project"
    assert not ProgressReport.objects.filter(project=theirs).exists()


def test_a_report_at_100_percent_completes_the_project(town: Congress) -> None:
    underway = make_underway(town)

    progress_report(
        project=underway.projects[0],
        percent=100,
        text="已完工",
        photos=[],
        actor=underway.reporter,
        funds_spent=Decimal("95"),
        today=date(2027, 11, 3),
    )

    project = Project.objects.get(pk=underway.projects[0].pk)
    assert (project.percent, project.completed_on, project.funds_spent) == (
        100,
        date(2027, 11, 3),
        Decimal("95"),
    )
    with pytest.raises(Conflict):
        progress_report(
            project=project, percent=100, text="再报", photos=[], actor=underway.reporter
        )


@pytest.mark.parametrize(("percent", "code"), [(101, "percent_invalid"), (-1, "percent_invalid")])
def test_a_percent_out_of_range_is_refused(town: Congress, percent: int, code: str) -> None:
    underway = make_underway(town)
    with pytest.raises(DomainError) as refused:
        progress_report(
            project=underway.projects[0],
            percent=percent,
            text="x",
            photos=[],
            actor=underway.reporter,
        )
    assert refused.value.code == code
    assert not ProgressReport.objects.exists()


def test_a_dissatisfied_rating_opens_a_rectification_and_tells_the_unit(
    town: Congress, django_capture_on_commit_callbacks: Any
) -> None:
    underway = make_underway(town)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        item = rectification_open(
            project=underway.projects[0],
            reason="年终测评不满意：路面质量差",
            source="satisfaction",
            actor=None,
            due_on=date(2028, 3, 31),
        )

    assert (item.source, item.due_on, item.closed_on) == ("satisfaction", date(2028, 3, 31), None)
    assert [m.to for m in mail.outbox] == [["zjb@example.cn"]]
    with pytest.raises(DomainError):
        rectification_close(rectification=item, note=" ", actor=None)
    closed = rectification_close(
        rectification=item, note="已返工", actor=None, closed_on=date(2028, 3, 1)
    )
    assert closed.closed_on == date(2028, 3, 1)


def test_a_rectification_with_an_unknown_source_is_refused(town: Congress) -> None:
    underway = make_underway(town)
    with pytest.raises(DomainError):
        rectification_open(project=underway.projects[0], reason="x", source="rumour", actor=None)
    assert not Rectification.objects.exists()


def test_the_public_account_lists_each_project_with_target_money_and_unit(town: Congress) -> None:
    underway = make_underway(town)
    stage_set(
        project=underway.projects[0], year=2028, target="二期", investment=Decimal(50), actor=None
    )

    rows = list(projects_for_account(cycle=underway.voted.cycle))

    assert [(r.name, r.unit.name if r.unit else None) for r in rows] == [
        ("项目1", "住建办"),
        ("项目2", "交通办"),
    ]
    assert rows[0].funds_allocated == Decimal(100) and rows[0].percent == 0
    assert [s.year for s in rows[0].stages.all()] == [2028]


def test_the_indicators_sum_the_years_projects(town: Congress) -> None:
    make_underway(town)

    got = figures(2027)

    assert got["projects"] == 2 and got["projects_completed"] == 0
    assert got["funds_planned"] == Decimal("200.50") and got["funds_allocated"] == Decimal(100)
    assert got["milestones_overdue"] == 0

"""实施监督 reads, with the joins their callers need (no query per row)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from filestore.models import StoredFile
from tenants.deputies.models import Deputy

from .models import MidyearReport, Milestone, Project, Rectification, Stage

if TYPE_CHECKING:  # a cycle is only passed through to the queries
    from tenants.voting.models import Cycle


def projects_board(
    *, cycle: Cycle | None = None, unit_user_id: int | None = None
) -> QuerySet[Project]:
    """The board: each project with its unit, light and counts of milestones and open items.
    `unit_user_id` narrows it to the projects of that account's unit."""
    rows = Project.objects.select_related("unit", "cycle", "candidate").annotate(
        milestone_count=Count("milestones", distinct=True),
        milestones_red=Count("milestones", filter=Q(milestones__light="red"), distinct=True),
        rectifications_open=Count(
            "rectifications", filter=Q(rectifications__closed_on__isnull=True), distinct=True
        ),
    )
    if cycle is not None:
        rows = rows.filter(cycle=cycle)
    if unit_user_id is not None:
        rows = rows.filter(unit__member_ids__contains=[unit_user_id])
    return rows.order_by("-cycle__year", "candidate__rank", "pk")


def project_detail(pk: int) -> Project | None:
    project = (
        Project.objects.select_related("unit", "cycle", "candidate")
        .prefetch_related(
            "milestones",
            "stages",
            "inspections",
            Prefetch("rectifications", queryset=Rectification.objects.select_related("inspection")),
            "reports",
        )
        .filter(pk=pk)
        .first()
    )
    if project is not None:
        # The reports' photos in one query, whatever the number of reports.
        reports = list(project.reports.all())
        files = StoredFile.objects.in_bulk([pk for r in reports for pk in r.photo_ids])
        for report in reports:
            report.photos = [files[pk] for pk in report.photo_ids if pk in files]
    return project


def stages_list(*, cycle_id: int | None = None) -> QuerySet[Stage]:
    """年度阶段 of the projects (of one cycle when given), with their project, by project then
    year."""
    rows = Stage.objects.select_related("project", "project__cycle")
    if cycle_id is not None:
        rows = rows.filter(project__cycle_id=cycle_id)
    return rows.order_by("-project__cycle__year", "project__candidate__rank", "project_id", "year")


def supervision_groups(*, cycle_id: int | None = None) -> list[tuple[Project, list[Deputy]]]:
    """代表监督小组: each project (of one cycle when given) with its deputies, in two queries."""
    projects = list(
        Project.objects.select_related("cycle")
        .filter(**({"cycle_id": cycle_id} if cycle_id is not None else {}))
        .order_by("-cycle__year", "candidate__rank", "pk")
    )
    ids = {pk for project in projects for pk in project.supervisor_ids}
    deputies = Deputy.objects.in_bulk(ids) if ids else {}
    return [
        (project, [deputies[pk] for pk in project.supervisor_ids if pk in deputies])
        for project in projects
    ]


def projects_for_account(*, cycle: Cycle) -> QuerySet[Project]:
    """For the public account (明白账): each project of the cycle in rank order with its unit,
    annual target, outcome, percent, completion and funds (planned, allocated, spent, in 万元)."""
    return (
        Project.objects.filter(cycle=cycle)
        .select_related("unit", "candidate")
        .prefetch_related("stages")
        .order_by("candidate__rank", "candidate__sequence", "pk")
    )


def figures_for_year(year: int, *, today: date) -> dict[str, int | Decimal]:
    projects = Project.objects.filter(cycle__year=year)
    totals = projects.aggregate(
        projects=Count("pk"),
        projects_completed=Count("pk", filter=Q(completed_on__isnull=False)),
        projects_red=Count("pk", filter=Q(light="red")),
        funds_planned=Sum("funds_planned", default=Decimal(0)),
        funds_allocated=Sum("funds_allocated", default=Decimal(0)),
        funds_spent=Sum("funds_spent", default=Decimal(0)),
    )
    totals["milestones_overdue"] = Milestone.objects.filter(
        project__cycle__year=year, done_on__isnull=True, due_on__lt=today
    ).count()
    return totals


def midyear_heard_on(year: int) -> str | None:
    """The day the year's 上半年实施情况报告 was heard (ISO), or None: the route's 半年报告."""
    heard = (
        MidyearReport.objects.filter(cycle__year=year).values_list("heard_on", flat=True).first()
    )
    return heard.isoformat() if heard else None

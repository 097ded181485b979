"""Demo: 松岭镇's 2026 projects were voted and are in implementation: a unit with its account
(songling-unit), milestones (one overdue, so red), progress reports, an inspection with a
rectification and the mid-year report. Idempotent: left alone when the 2026 cycle exists."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from tenants.implementation.models import Project
from tenants.implementation.services import (
    PlanChange,
    inspection_record,
    midyear_opinions_record,
    midyear_report_submit,
    milestone_add,
    milestone_done,
    progress_report,
    project_plan,
    rectification_open,
    stage_set,
    supervisors_set,
    unit_create,
)
from tenants.voting.models import Cycle

from .votes import year_voted

CONGRESS = "songling"
YEAR = 2026
TITLE = "松岭镇2026年民生实事项目人大代表票决"
UNIT = "松岭镇建设办"
# name, category, planned, allocated (万元), annual target
PROJECTS = (
    (
        "松岭镇农贸市场提升改造",
        "公共设施",
        "210",
        "150",
        "改造市场顶棚、排水和摊位，设置农残快检室。",
    ),
    ("镇区污水管网延伸", "环境保护", "320", "200", "新建污水管网3.2公里，接入4个自然村。"),
    ("居家养老服务中心建设", "劳动保障", "95", "95", "建成一处日间照料中心，提供助餐服务。"),
)
NOT_ADOPTED = ("松岭镇体育公园", "科技文化", "400", "新建体育公园一处。")
# Where each project stands, in PROJECTS' order: its milestones (title, due and done in days from
# today, None while open) and its latest progress report (percent, text, 万元 spent).
MILESTONES = (
    (("完成招标", -60, -62), ("顶棚和排水完工", 10, None)),  # the market: on track
    (("一期管网铺设完成", -5, None), ("村庄接户", 40, None)),  # the sewer: one overdue, so red
    (("中心开放", -30, -32),),  # the care centre: done
)
REPORTS = (
    (45, "招标完成，施工队伍已进场，排水沟开挖过半。", "62.4"),
    (30, "受雨季影响，一期管网铺设滞后。", "58"),
    (100, "日间照料中心已开放，每日助餐60人次。", "91.3"),
)
# The sewer runs over two years: (year, target, investment in 万元)
SEWER_STAGES = ((YEAR, "铺设主管网2公里。", 200), (YEAR + 1, "延伸支管1.2公里，完成接户。", 120))


def progress_reported(
    project: Project, reporter: User, report: tuple[int, str, str], *, today: date | None = None
) -> None:
    """`reporter`'s progress report on `project`, with no photos: `report` is the percent done,
    the text and the funds spent (万元)."""
    percent, text, spent = report
    progress_report(
        project=project,
        percent=percent,
        text=text,
        photos=[],
        actor=reporter,
        funds_spent=Decimal(spent),
        today=today,
    )


def seed_implementation(operator: User) -> None:
    congress = Congress.objects.get(slug=CONGRESS)
    unit_user = User.objects.get(username=f"{CONGRESS}-unit")
    with tenant_context(congress), transaction.atomic():
        if Cycle.objects.filter(year=YEAR).exists():
            return
        today = timezone.localdate()
        voted = year_voted(
            operator=operator,
            year=YEAR,
            title=TITLE,
            party_review=(today - timedelta(days=330), "镇党委会议审定，同意提请镇人代会票决。"),
            adopted=[(name, category, planned) for name, category, planned, *_ in PROJECTS],
            not_adopted=NOT_ADOPTED,
        )
        cycle, deputies, projects = voted.cycle, voted.deputies, voted.projects

        unit = unit_create(name=UNIT, member_ids=[unit_user.pk], actor=operator)
        for project, (_n, _c, _p, allocated, target) in zip(projects, PROJECTS, strict=True):
            change = PlanChange(
                unit=unit,
                owner_name="周建国",
                annual_target=target,
                funds_allocated=Decimal(allocated),
            )
            project_plan(project=project, change=change, actor=operator)
        market, sewer, _care = projects
        supervisors_set(project=market, deputies=deputies[:3], actor=operator)
        supervisors_set(project=sewer, deputies=deputies[3:6], actor=operator)

        for year, target, investment in SEWER_STAGES:
            stage_set(
                project=sewer,
                year=year,
                target=target,
                investment=Decimal(investment),
                actor=operator,
            )
        for project, milestones, (percent, text, spent) in zip(
            projects, MILESTONES, REPORTS, strict=True
        ):
            for title, due, done in milestones:
                milestone = milestone_add(
                    project=project,
                    title=title,
                    due_on=today + timedelta(days=due),
                    actor=operator,
                )
                if done is not None:
                    done_on = today + timedelta(days=done)
                    milestone_done(milestone=milestone, done_on=done_on, actor=operator)
            progress_reported(project, unit_user, (percent, text, spent))
        # An inspection of the sewer found a hazard: its rectification is open.
        inspection = inspection_record(
            project=sewer,
            held_on=today - timedelta(days=3),
            findings="部分路段开挖后未及时回填，存在安全隐患。",
            actor=operator,
        )
        rectification_open(
            project=sewer,
            reason="开挖路段及时回填并设置警示标志。",
            source="inspection",
            actor=operator,
            due_on=today + timedelta(days=7),
            owner_name="周建国",
            inspection=inspection,
        )
        report = midyear_report_submit(
            cycle=cycle,
            title="关于2026年民生实事项目上半年实施情况的报告",
            body="三个项目均已启动，污水管网项目进度滞后。",
            heard_on=today - timedelta(days=140),
            actor=operator,
        )
        midyear_opinions_record(
            report=report,
            opinions="加快污水管网建设进度，汛期注意施工安全。",
            on=today - timedelta(days=138),
            actor=operator,
        )

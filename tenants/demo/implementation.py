"""Demo: 松岭镇's 2026 projects were voted and are in implementation: a unit with its account
(songling-unit), milestones (one overdue, so red), progress reports, an inspection with a
rectification and the mid-year report. Idempotent: left alone when the 2026 cycle exists."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from filestore.services import file_store
from tenants.deputies.models import Deputy, Term
from tenants.implementation.selectors import projects_for_account
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
from tenants.voting.announcement import announcement_publish
from tenants.voting.models import Candidate, Cycle
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    candidate_add,
    cycle_create,
    cycle_open_voting,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance, governance_record

from . import data

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


def seed_implementation(operator: User) -> None:
    congress = Congress.objects.get(slug=CONGRESS)
    unit_user = User.objects.get(username=f"{CONGRESS}-unit")
    with tenant_context(congress), transaction.atomic():
        if Cycle.objects.filter(year=YEAR).exists():
            return
        today = timezone.localdate()
        term = Term.objects.get(is_current=True)
        deputies = list(Deputy.objects.filter(term=term).order_by("pk"))
        cycle = cycle_create(year=YEAR, title=TITLE, term=term, actor=operator, seats=3)
        cycle = cycle_advance(cycle=cycle, actor=operator)
        for name, category, planned, _allocated, _target in PROJECTS:
            candidate_add(
                cycle=cycle,
                name=name,
                category=category,
                estimated_cost=Decimal(planned),
                actor=operator,
            )
        name, category, cost, summary = NOT_ADOPTED
        candidate_add(
            cycle=cycle,
            name=name,
            category=category,
            estimated_cost=Decimal(cost),
            summary=summary,
            actor=operator,
        )
        minutes = file_store(uploaded_by=operator, name="党委会议纪要.pdf", data=data.MINUTES_PDF)
        governance_record(
            cycle=cycle,
            kind="party_review",
            held_on=today - timedelta(days=330),
            summary="镇党委会议审定，同意提请镇人代会票决。",
            minutes=minutes,
            actor=operator,
        )
        cycle = cycle_advance(cycle=cycle, actor=operator)
        cycle = cycle_open_voting(cycle=cycle, actor=operator)
        for deputy in deputies:
            attendance_sign_in(cycle=cycle, deputy=deputy, actor=operator)
        round_ = round_open(cycle=cycle, actor=operator)
        candidates = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
        for deputy in deputies:
            choices = {str(c.pk): "yes" if c.name != NOT_ADOPTED[0] else "no" for c in candidates}
            ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices, actor=operator)
        round_close(round_id=round_.pk, actor=operator)
        announcement_publish(cycle=cycle, actor=operator)
        vote_results_hand_over(cycle=cycle, actor=operator)
        projects = list(projects_for_account(cycle=cycle))

        unit = unit_create(name=UNIT, member_ids=[unit_user.pk], actor=operator)
        for project, (_n, _c, _p, allocated, target) in zip(projects, PROJECTS, strict=True):
            change = PlanChange(
                unit=unit,
                owner_name="周建国",
                annual_target=target,
                funds_allocated=Decimal(allocated),
            )
            project_plan(project=project, change=change, actor=operator)
        market, sewer, care = projects
        supervisors_set(project=market, deputies=deputies[:3], actor=operator)
        supervisors_set(project=sewer, deputies=deputies[3:6], actor=operator)

        # The market: on track, its next milestone due in ten days.
        tender = milestone_add(
            project=market, title="完成招标", due_on=today - timedelta(days=60), actor=operator
        )
        milestone_done(milestone=tender, done_on=today - timedelta(days=62), actor=operator)
        milestone_add(
            project=market,
            title="顶棚和排水完工",
            due_on=today + timedelta(days=10),
            actor=operator,
        )
        progress_report(
            project=market,
            percent=45,
            text="招标完成，施工队伍已进场，排水沟开挖过半。",
            photos=[],
            actor=unit_user,
            funds_spent=Decimal("62.4"),
        )
        # The sewer: a milestone past its date, so red; a multi-year project.
        milestone_add(
            project=sewer,
            title="一期管网铺设完成",
            due_on=today - timedelta(days=5),
            actor=operator,
        )
        milestone_add(
            project=sewer, title="村庄接户", due_on=today + timedelta(days=40), actor=operator
        )
        stage_set(
            project=sewer,
            year=YEAR,
            target="铺设主管网2公里。",
            investment=Decimal(200),
            actor=operator,
        )
        stage_set(
            project=sewer,
            year=YEAR + 1,
            target="延伸支管1.2公里，完成接户。",
            investment=Decimal(120),
            actor=operator,
        )
        progress_report(
            project=sewer,
            percent=30,
            text="受雨季影响，一期管网铺设滞后。",
            photos=[],
            actor=unit_user,
            funds_spent=Decimal("58"),
        )
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
        # The care centre: done.
        opening = milestone_add(
            project=care, title="中心开放", due_on=today - timedelta(days=30), actor=operator
        )
        milestone_done(milestone=opening, done_on=today - timedelta(days=32), actor=operator)
        progress_report(
            project=care,
            percent=100,
            text="日间照料中心已开放，每日助餐60人次。",
            photos=[],
            actor=unit_user,
            funds_spent=Decimal("91.3"),
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

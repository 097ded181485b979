"""Demo: 白沙乡's 2026 projects have been voted and implemented; the year-end satisfaction
evaluation is ready to open (rules set, the public's online rating offered). Idempotent: a
township that already has its 2026 cycle is left as it is."""

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from filestore.services import file_store
from tenants.deputies.models import Deputy, Term
from tenants.implementation.models import Project
from tenants.implementation.selectors import projects_for_account
from tenants.implementation.services import (
    PlanChange,
    progress_report,
    project_plan,
    unit_create,
)
from tenants.voting.announcement import announcement_publish
from tenants.voting.evaluation import evaluation_set_rules
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

CONGRESS = "baisha"
YEAR = 2026
TITLE = "白沙乡2026年民生实事项目人大代表票决"
UNIT = "白沙乡社会事务办公室"
# name, category, planned, allocated, spent (万元), annual target, outcome, percent
PROJECTS = (
    (
        "白沙乡卫生院医疗设备更新",
        "医疗卫生",
        "180",
        "180",
        "172.5",
        "更新DR、彩超等设备6台，开设慢病联合门诊。",
        "6台设备已安装使用，慢病联合门诊每周开诊两次。",
        100,
    ),
    (
        "乡村道路路灯安装",
        "公共设施",
        "120",
        "110",
        "108.2",
        "为9个村主干道安装太阳能路灯400盏。",
        "已安装路灯400盏并通过验收。",
        100,
    ),
    (
        "中心小学食堂改造",
        "教育",
        "150",
        "120",
        "96",
        "改造食堂后厨和就餐区，满足600名学生就餐。",
        "后厨改造完成，就餐区主体完工，待设备进场。",
        80,
    ),
)
NOT_ADOPTED = ("白沙乡文化广场扩建", "科技文化", "260", "扩建广场800平方米。")


def seed_evaluation(operator: User) -> None:
    congress = Congress.objects.get(slug=CONGRESS)
    with tenant_context(congress), transaction.atomic():
        if Cycle.objects.filter(year=YEAR).exists():
            return
        term = Term.objects.get(is_current=True)
        deputies = list(Deputy.objects.filter(term=term).order_by("pk"))
        cycle = cycle_create(year=YEAR, title=TITLE, term=term, actor=operator, seats=3)
        cycle = cycle_advance(cycle=cycle, actor=operator)
        for name, category, planned, *_rest in PROJECTS:
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
            held_on=date(YEAR - 1, 12, 20),
            summary="乡党委会议审定，同意提请乡人代会票决。",
            minutes=minutes,
            actor=operator,
        )
        cycle = cycle_advance(cycle=cycle, actor=operator)
        cycle = cycle_open_voting(cycle=cycle, actor=operator)
        for deputy in deputies:
            attendance_sign_in(cycle=cycle, deputy=deputy, actor=operator)
        round_ = round_open(cycle=cycle, actor=operator)
        listed = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
        for i, deputy in enumerate(deputies):
            choices = {str(c.pk): "yes" for c in listed[:3]}
            choices[str(listed[3].pk)] = "yes" if i < 3 else "no"
            ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices, actor=operator)
        round_close(round_id=round_.pk, actor=operator)
        announcement_publish(cycle=cycle, actor=operator)
        _implement(cycle, operator)
        evaluation_set_rules(cycle=cycle, actor=operator, public_rating=True)


def _hand_over(cycle: Cycle, operator: User) -> list[Project]:
    vote_results_hand_over(cycle=cycle, actor=operator)
    return list(projects_for_account(cycle=cycle))


def _implement(cycle: Cycle, operator: User) -> None:
    reporter = User.objects.get(username=f"{CONGRESS}-unit")
    unit = unit_create(name=UNIT, member_ids=[reporter.pk], actor=operator)
    today = timezone.localdate()
    for project, (_n, _c, planned, allocated, spent, target, outcome, percent) in zip(
        _hand_over(cycle, operator), PROJECTS, strict=True
    ):
        project_plan(
            project=project,
            change=PlanChange(
                unit=unit,
                owner_name="李明",
                annual_target=target,
                outcome=outcome,
                funds_planned=Decimal(planned),
                funds_allocated=Decimal(allocated),
            ),
            actor=operator,
        )
        progress_report(
            project=project,
            percent=percent,
            text=outcome,
            photos=[],
            actor=reporter,
            funds_spent=Decimal(spent),
            today=today - timedelta(days=10),
        )

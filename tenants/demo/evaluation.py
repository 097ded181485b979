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
from tenants.implementation.models import Project
from tenants.implementation.services import PlanChange, project_plan, unit_create
from tenants.voting.evaluation import evaluation_set_rules
from tenants.voting.models import Cycle

from .implementation import progress_reported
from .votes import year_voted

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
        voted = year_voted(
            operator=operator,
            year=YEAR,
            title=TITLE,
            party_review=(date(YEAR - 1, 12, 20), "乡党委会议审定，同意提请乡人代会票决。"),
            adopted=[(name, category, planned) for name, category, planned, *_ in PROJECTS],
            not_adopted=NOT_ADOPTED,
            not_adopted_yes=3,
        )
        _implement(voted.projects, operator)
        evaluation_set_rules(cycle=voted.cycle, actor=operator, public_rating=True)


def _implement(projects: list[Project], operator: User) -> None:
    reporter = User.objects.get(username=f"{CONGRESS}-unit")
    unit = unit_create(name=UNIT, member_ids=[reporter.pk], actor=operator)
    today = timezone.localdate()
    for project, (_n, _c, planned, allocated, spent, target, outcome, percent) in zip(
        projects, PROJECTS, strict=True
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
        progress_reported(
            project, reporter, (percent, outcome, spent), today=today - timedelta(days=10)
        )

"""Run inside the live platform's database (`helpers.in_live_platform`, see test_evaluation.py):
a township of its own (测评乡, under a city and county of its own), provisioned by the real
service, with its staff, its responsible unit's account and twelve deputies (the first eight with
accounts). This year's vote is brought by the real services through 票决 (three projects of four
adopted), the hand-over and implementation (each project planned, funded and reported on), and
the year-end evaluation is ready to open with the default rule and the public's online rating
offered. Nobody has signed in."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.demo.implementation import progress_reported
from tenants.implementation.selectors import projects_for_account
from tenants.implementation.services import PlanChange, project_plan, unit_create
from tenants.voting.evaluation import evaluation_set_rules
from tenants.voting.models import Candidate
from tests.e2e.worlds import (
    deputies_in_three_groups,
    member,
    projects_adopted,
    staffed_township,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "eval-city", "eval-county", "eval-town"
TOWN_SHORT = "测评乡"
YEAR = dt.date.today().year
DEPUTIES = [
    "魏一帆",
    "蒋二林",
    "沈三江",
    "韦四平",
    "喻五岭",
    "柏六合",
    "窦七里",
    "章八达",
    "苏九成",
    "潘十方",
    "葛百顺",
    "范千秋",
]
ACCOUNTS = 8  # the first eight deputies log in: f"{TOWN}-d1" ... f"{TOWN}-d8"
UNIT = "测评乡社会事务办公室"
# name, category, planned, allocated, spent (万元), annual target, outcome, percent
PROJECTS = (
    (
        "乡卫生院医疗设备更新",
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
NOT_ADOPTED = ("乡文化广场扩建", "科技文化", "260", "扩建广场800平方米。")


def provision() -> None:
    operator, town = staffed_township(
        (CITY, COUNTY, TOWN),
        ("测评市人大常委会", "测评县人大常委会", f"{TOWN_SHORT}人大主席团"),
        ("372800", "372801", "372801201"),
    )
    reporter = member(f"{TOWN}-unit", town, ["unit"], operator)
    voters = [member(f"{TOWN}-d{i}", town, ["deputy"], operator) for i in range(1, ACCOUNTS + 1)]
    with tenant_context(town):
        term = make_term()
        deputies = deputies_in_three_groups(term, DEPUTIES, users=voters, actor=operator)

        def adopt_three(i: int, listed: list[Candidate]) -> dict[str, str]:
            choices = {str(c.pk): "yes" for c in listed[:3]}
            choices[str(listed[3].pk)] = "yes" if i < 3 else "no"
            return choices

        # The vote: three projects of four adopted by all twelve deputies present. Then into
        # implementation: each project planned, funded and reported on by its unit.
        cycle = projects_adopted(
            term=term,
            deputies=deputies,
            town_short=TOWN_SHORT,
            year=YEAR,
            projects=PROJECTS,
            not_adopted=NOT_ADOPTED,
            held_on=dt.date(YEAR - 1, 12, 20),
            review="乡党委会议审定，同意提请乡人代会票决。",
            choices=adopt_three,
            actor=operator,
        )
        unit = unit_create(name=UNIT, member_ids=[reporter.pk], actor=operator)
        today = timezone.localdate()
        for project, (_n, _c, planned, allocated, spent, target, outcome, percent) in zip(
            projects_for_account(cycle=cycle), PROJECTS, strict=True
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
            report = (percent, outcome, spent)
            progress_reported(project, reporter, report, today=today - dt.timedelta(days=10))
        # The year-end evaluation, ready to open: the default rule, the public rates online.
        evaluation_set_rules(cycle=cycle, actor=operator, public_rating=True)
        print("cycle", cycle.pk)

"""Run inside the live platform's database (`helpers.in_live_platform`, see
test_implementation.py): a township of its own (实施镇, under a city and county of its own),
provisioned by the real service, with its staff, its responsible unit's account and six deputies
(the first with an account). This year's vote is brought by the real services through 票决 (three
projects of four adopted) and the hand-over into implementation: each project planned and given
to the unit; the market on track, its next milestone ten days away; the sewer behind, a milestone
past its date; the care centre done. Nobody has signed in."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone
from django_tenants.utils import tenant_context

from tenants.demo.implementation import progress_reported
from tenants.implementation.selectors import projects_for_account
from tenants.implementation.services import (
    PlanChange,
    milestone_add,
    milestone_done,
    project_plan,
    rectification_open,
    supervisors_set,
    unit_create,
)
from tenants.linkage.opinions.services import opinion_assign, opinion_receive
from tests.e2e.worlds import (
    deputies_in_three_groups,
    member,
    platform_operator,
    projects_adopted,
    provision_township,
)
from tests.factories import make_term

CITY, COUNTY, TOWN = "impl-city", "impl-county", "impl-town"
TOWN_SHORT = "实施镇"
DEPUTIES = ["俞一鸣", "萧二河", "贾三山", "邵四水", "汤五岳", "殷六桥"]
UNIT = "实施镇建设办"
MARKET = "实施镇农贸市场提升改造"
# name, category, planned, allocated (万元), annual target
PROJECTS = (
    (MARKET, "公共设施", "210", "150", "改造市场顶棚、排水和摊位，设置农残快检室。"),
    ("镇区污水管网延伸", "环境保护", "320", "200", "新建污水管网3.2公里，接入4个自然村。"),
    ("日间照料中心建设", "劳动保障", "95", "95", "建成一处日间照料中心，提供助餐服务。"),
)
NOT_ADOPTED = ("实施镇体育公园", "科技文化", "400", "新建体育公园一处。")
# Per project, in PROJECTS' order: the unit's progress report (percent, text, funds spent, 万元).
PROGRESS = (
    (45, "招标完成，施工队伍已进场，排水沟开挖过半。", "62.4"),
    (30, "受雨季影响，一期管网铺设滞后。", "58"),
    (100, "日间照料中心已开放，每日助餐60人次。", "91.3"),
)


# Worlds of the same shape for test_implementation.py's supervision groups, yearly stages and
# phone pages, each under a city and county of its own (codes 3742…) so scenarios never meet.
GROUPS_TOWN_SHORT = "督导镇"
FIT_TOWN_SHORT = "适配镇"


def provision_groups(prefix: str = "grp", town_short: str = GROUPS_TOWN_SHORT, n: int = 0) -> None:
    """The same township's year under a city of its own (`prefix`-city, with a staff account
    for the city's benchmark rounds) and an open rectification on the market for the unit."""
    city_code = 374201 + 10 * n
    provision(
        slugs=(f"{prefix}-city", f"{prefix}-county", f"{prefix}-town"),
        names=(
            f"{town_short[:2]}市人大常委会",
            f"{town_short[:2]}县人大常委会",
            f"{town_short}人大主席团",
        ),
        codes=(str(city_code), str(city_code + 1), f"{city_code + 1}101"),
        city_staff=True,
    )


def provision(
    *,
    slugs: tuple[str, str, str] = (CITY, COUNTY, TOWN),
    names: tuple[str, str, str] = (
        "实施市人大常委会",
        "实施县人大常委会",
        f"{TOWN_SHORT}人大主席团",
    ),
    codes: tuple[str, str, str] = ("372900", "372901", "372901101"),
    city_staff: bool = False,
) -> None:
    operator = platform_operator()
    city_slug, _county_slug, town_slug = slugs
    made = provision_township(operator, slugs, names, codes)
    town = made[town_slug]
    if city_staff:
        member(f"{city_slug}-staff", made[city_slug], ["staff"], operator)
    member(f"{town_slug}-staff", town, ["staff"], operator)
    reporter = member(f"{town_slug}-unit", town, ["unit"], operator)
    reader = member(f"{town_slug}-deputy", town, ["deputy"], operator)
    with tenant_context(town):
        today = timezone.localdate()
        term = make_term()
        deputies = deputies_in_three_groups(term, DEPUTIES, users=[reader], actor=operator)
        # The vote: three projects of four adopted by all six deputies present. Then into
        # implementation: the unit takes the three projects.
        cycle = projects_adopted(
            term=term,
            deputies=deputies,
            town_short=TOWN_SHORT,
            year=today.year,
            projects=PROJECTS,
            not_adopted=NOT_ADOPTED,
            held_on=today - dt.timedelta(days=330),
            review="镇党委会议审定，同意提请镇人代会票决。",
            choices=lambda _i, listed: {
                str(c.pk): "yes" if c.name != NOT_ADOPTED[0] else "no" for c in listed
            },
            actor=operator,
            uploaded_by=operator,
        )
        unit = unit_create(name=UNIT, member_ids=[reporter.pk], actor=operator)
        projects = list(projects_for_account(cycle=cycle))
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
        supervisors_set(project=sewer, deputies=deputies[3:], actor=operator)

        # The market: on track, its next milestone due in ten days.
        tender = milestone_add(
            project=market, title="完成招标", due_on=today - dt.timedelta(days=60), actor=operator
        )
        milestone_done(milestone=tender, done_on=today - dt.timedelta(days=62), actor=operator)
        milestone_add(
            project=market,
            title="顶棚和排水完工",
            due_on=today + dt.timedelta(days=10),
            actor=operator,
        )
        # The sewer: a milestone past its date, so red.
        milestone_add(
            project=sewer,
            title="一期管网铺设完成",
            due_on=today - dt.timedelta(days=5),
            actor=operator,
        )
        # The care centre: done.
        opening = milestone_add(
            project=care, title="中心开放", due_on=today - dt.timedelta(days=30), actor=operator
        )
        milestone_done(milestone=opening, done_on=today - dt.timedelta(days=32), actor=operator)
        for project, report in zip(projects, PROGRESS, strict=True):
            progress_reported(project, reporter, report)
        if city_staff:
            rectification_open(
                project=market,
                reason="市场东侧排水沟盖板缺失，存在安全隐患，请在雨季前补齐并设置警示标志。",
                source="inspection",
                due_on=today + dt.timedelta(days=15),
                actor=operator,
            )
            # An opinion given to the unit, for its list on the phone.
            opinion = opinion_receive(
                channel="reception",
                content="镇区主干道路灯夜间多处不亮，群众出行不便，建议尽快检修。",
                category="urban_rural",
                citizen_name="林晓",
                citizen_phone="13800000001",
                actor=operator,
            )
            opinion_assign(opinion=opinion, unit_user_id=reporter.pk, actor=operator)
        print("market", market.pk)
        print("sewer", sewer.pk)
        print("care", care.pk)

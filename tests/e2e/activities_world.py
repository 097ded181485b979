"""Run inside the live platform's database (`helpers.in_live_platform`, see test_activities.py):
a city (江城市), a county (江东区) and two of its townships (江口镇, 江湾镇) of their own,
provisioned by the real service, each with deputies on its roster; the county's staff, and a
township deputy who signs in on a phone (with one suggestion already in the record). 江东区 has
already organised a joint inspection two days ahead with deputies of all four, its invitations
delivered. Nobody has signed in."""

from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import membership_grant, user_create
from congresses.models import Congress
from congresses.services import CongressSpec, congress_provision
from congresses.tenant import Tenant
from crossing.services import dispatch_deliver_pending
from tenants.demo.data import DEMO_PASSWORD
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import term_current
from tenants.deputies.services import deputy_register, term_open
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import activity_create
from tenants.linkage.duty.services import duty_entry_record

CITY, COUNTY, TOWN, OTHER_TOWN = "ac-city", "ac-county", "ac-town", "ac-town2"
NAMES = {
    CITY: "江城市人大常委会",
    COUNTY: "江东区人大常委会",
    TOWN: "江口镇人大主席团",
    OTHER_TOWN: "江湾镇人大主席团",
}
# Each congress's deputies: the first of the township's logs in on a phone.
DEPUTIES = {
    CITY: ["张志远", "陈丽君"],
    COUNTY: ["王建华", "刘晓梅"],
    TOWN: ["李春生", "赵秋月"],
    OTHER_TOWN: ["孙海峰", "周冬梅"],
}
PHONE_DEPUTY = f"{TOWN}-deputy"
TITLE = "江东区农村饮用水安全联合视察"


def _provision(operator: User) -> dict[str, Congress]:
    made: dict[str, Congress] = {}
    for slug, level, code, parent in (
        (CITY, "city", "373300", None),
        (COUNTY, "county", "373301", CITY),
        (TOWN, "township", "373301101", COUNTY),
        (OTHER_TOWN, "township", "373301102", COUNTY),
    ):
        spec = CongressSpec(
            name=NAMES[slug],
            slug=slug,
            level=level,
            division_code=code,
            parent_id=made[parent].pk if parent else None,
        )
        made[slug] = congress_provision(spec=spec, requested_by=operator, acting_in=None)
    return made


def _user(username: str, name: str, congress: Congress, role: str, operator: User) -> User:
    user = user_create(
        username=username, password=DEMO_PASSWORD, display_name=name, must_change_password=False
    )
    with transaction.atomic():
        membership_grant(user=user, congress=congress, roles=[role], granted_by=operator)
    return user


def provision() -> None:
    operator = User.objects.get(username="ops")
    made = _provision(operator)
    _user(f"{COUNTY}-staff", "江东区工作人员", made[COUNTY], "staff", operator)
    phone_user = _user(PHONE_DEPUTY, DEPUTIES[TOWN][0], made[TOWN], "deputy", operator)
    picks: list[tuple[int, int]] = []
    for slug, congress in made.items():
        with tenant_context(congress), transaction.atomic():
            term = term_current() or term_open(
                number=18, starts_on=date(2022, 1, 1), ends_on=date(2027, 12, 31), actor=None
            )
            for i, name in enumerate(DEPUTIES[slug]):
                deputy = deputy_register(
                    term=term,
                    name=name,
                    gender="male" if i % 2 == 0 else "female",
                    level=congress.level,
                    constituency=f"第{i + 1}选区",
                    actor=operator,
                    user=phone_user if slug == TOWN and i == 0 else None,
                )
                if i == 0:
                    picks.append((congress.pk, deputy.pk))
    with tenant_context(made[TOWN]), transaction.atomic():
        duty_entry_record(
            deputy=Deputy.objects.get(user=phone_user),
            kind="suggestion",
            source_ref="江口镇2026-建议-03",
            title="关于加快农村饮用水管网改造的建议",
            occurred_on=timezone.localdate() - timedelta(days=20),
            actor=operator,
        )
    organiser = made[COUNTY]
    starts = (timezone.localtime() + timedelta(days=2)).replace(
        hour=9, minute=0, second=0, microsecond=0
    )
    with tenant_context(organiser), transaction.atomic():
        activity_create(
            tenant=Tenant.of(organiser),
            kind="inspection",
            title=TITLE,
            starts_at=starts,
            ends_at=starts + timedelta(hours=4),
            place="江东区水务局三楼会议室（集合后乘车前往各水厂）",
            internal_notes="车辆2台；午餐在江口镇食堂。",
            invitees=invitees_from_directory(organiser=organiser, picks=picks),
            actor=operator,
        )
    dispatch_deliver_pending()  # the invitations reach every township now
    print("ready", organiser.pk)

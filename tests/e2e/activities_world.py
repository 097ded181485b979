"""Run inside the live platform's database (`helpers.in_live_platform`, see test_activities.py):
a city (江城市), a county (江东区) and two of its townships (江口镇, 江湾镇) of their own,
provisioned by the real service, each with deputies on its roster; the county's staff, and a
township deputy who signs in on a phone (with one suggestion already in the record). 江东区 has
already organised a joint inspection two days ahead with deputies of all four, its invitations
delivered. Nobody has signed in."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tenants.utils import tenant_context

from congresses.tenant import Tenant
from crossing.services import dispatch_deliver_pending
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import activity_create
from tenants.linkage.duty.services import duty_entry_record
from tests.e2e.worlds import member, platform_operator, term_to_2027
from tests.factories import provision_congresses

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


def provision() -> None:
    operator = platform_operator()
    made = provision_congresses(
        operator,
        (CITY, NAMES[CITY], "city", "373300", None),
        (COUNTY, NAMES[COUNTY], "county", "373301", CITY),
        (TOWN, NAMES[TOWN], "township", "373301101", COUNTY),
        (OTHER_TOWN, NAMES[OTHER_TOWN], "township", "373301102", COUNTY),
    )
    member(f"{COUNTY}-staff", made[COUNTY], ["staff"], operator, display_name="江东区工作人员")
    phone_user = member(
        PHONE_DEPUTY, made[TOWN], ["deputy"], operator, display_name=DEPUTIES[TOWN][0]
    )
    picks: list[tuple[int, int]] = []
    for slug, congress in made.items():
        with tenant_context(congress), transaction.atomic():
            term = term_to_2027()
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

"""Run inside the live platform's database (`manage.py shell -c`, see test_rule_templates.py): a
city, a county and a township of the test's own (not under the demo's 东湖区, whose counts other
browser tests assert), provisioned by the real service, with a staff member at the county and at
the township, and the township's term of deputies so that it can create a cycle."""

import datetime as dt

from django.db import transaction
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.services import membership_grant, user_create
from congresses.models import Congress
from congresses.services import CongressSpec, congress_provision
from tenants.demo.data import DEMO_PASSWORD
from tenants.deputies.services import deputy_register, term_open

CITY = ("yunling-city", "云岭市人大常委会", "city", "532900")
COUNTY = ("yunling-county", "云岭县人大常委会", "county", "532901")
TOWNSHIP = ("yunling-town", "云岭镇人大主席团", "township", "532901101")
COUNTY_STAFF, TOWN_STAFF = "yunling-county-staff", "yunling-town-staff"


def provision() -> None:
    operator = User.objects.get(username="ops")
    made: list[Congress] = []
    for slug, name, level, code in (CITY, COUNTY, TOWNSHIP):
        spec = CongressSpec(
            name=name,
            slug=slug,
            level=level,
            division_code=code,
            parent_id=made[-1].pk if made else None,
        )
        made.append(congress_provision(spec=spec, requested_by=operator, acting_in=None))
    _city, county, township = made
    for username, congress, display in (
        (COUNTY_STAFF, county, "云岭县联工委"),
        (TOWN_STAFF, township, "云岭镇主席团办公室"),
    ):
        user = user_create(
            username=username,
            password=DEMO_PASSWORD,
            display_name=display,
            must_change_password=False,
        )
        with transaction.atomic():
            membership_grant(user=user, congress=congress, roles=["staff"], granted_by=operator)
    with tenant_context(township):
        term = term_open(
            number=19, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2030, 12, 31), actor=None
        )
        deputy_register(
            term=term,
            name="李云",
            gender="female",
            level="township",
            constituency="第1选区",
            delegation="第一代表小组",
            phone="13900000201",
            actor=None,
        )

"""Run inside the live platform's database (`manage.py shell -c`, see test_accounts.py): a
township of the test's own (under a city and county of its own, so that the demo city's counts
seen by the other browser tests stay as they are), provisioned by the real service, with its
system administrator and a roster of three deputies who have no accounts yet."""

import datetime as dt

from django_tenants.utils import tenant_context

from accounts.models import User
from tenants.demo.data import DEMO_PASSWORD
from tenants.deputies.services import deputy_register, term_open
from tests.factories import make_member, provision_congresses

SLUG, NAME, CODE = "xiangyang", "向阳镇人大主席团", "371501101"
ADMIN = "xiangyang-sys"
DEPUTIES = ("周海燕", "吴建国", "郑小红")


def provision() -> None:
    operator = User.objects.get(username="ops")
    congress = provision_congresses(
        operator,
        ("xiangyang-city", "向阳市人大常委会", "city", "371500", None),
        ("xiangyang-county", "向阳县人大常委会", "county", "371501", "xiangyang-city"),
        (SLUG, NAME, "township", CODE, "xiangyang-county"),
    )[SLUG]
    make_member(
        ADMIN,
        congress,
        ["system_admin"],
        operator,
        password=DEMO_PASSWORD,
        display_name="向阳镇系统管理员",
    )
    with tenant_context(congress):
        term = term_open(
            number=19, starts_on=dt.date(2026, 1, 1), ends_on=dt.date(2030, 12, 31), actor=None
        )
        for n, name in enumerate(DEPUTIES):
            deputy_register(
                term=term,
                name=name,
                gender="female" if n != 1 else "male",
                level="township",
                constituency=f"第{n + 1}选区",
                delegation="第一代表小组",
                phone=f"1390000013{n}",
                actor=None,
            )

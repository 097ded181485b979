"""Run inside the live platform's database (`manage.py shell -c`, see test_accounts.py): a
township of the test's own (under a city and county of its own, so that the demo city's counts
seen by the other browser tests stay as they are), provisioned by the real service, with its
system administrator and a roster of three deputies who have no accounts yet."""

from django_tenants.utils import tenant_context

from tenants.deputies.services import deputy_register
from tests.e2e.worlds import member, open_term_19, platform_operator, provision_township

SLUG, NAME, CODE = "xiangyang", "向阳镇人大主席团", "371501101"
ADMIN = "xiangyang-sys"
DEPUTIES = ("周海燕", "吴建国", "郑小红")


def provision() -> None:
    operator = platform_operator()
    congress = provision_township(
        operator,
        ("xiangyang-city", "xiangyang-county", SLUG),
        ("向阳市人大常委会", "向阳县人大常委会", NAME),
        ("371500", "371501", CODE),
    )[SLUG]
    member(ADMIN, congress, ["system_admin"], operator, display_name="向阳镇系统管理员")
    with tenant_context(congress):
        term = open_term_19()
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

"""Run inside the live platform's database (`manage.py shell -c`, see test_rule_templates.py): a
city, a county and a township of the test's own (not under the demo's 东湖区, whose counts other
browser tests assert), provisioned by the real service, with a staff member at the county and at
the township, and the township's term of deputies so that it can create a cycle."""

from django_tenants.utils import tenant_context

from tenants.deputies.services import deputy_register
from tests.e2e.worlds import member, open_term_19, platform_operator, provision_township

CITY = ("yunling-city", "云岭市人大常委会", "city", "532900")
COUNTY = ("yunling-county", "云岭县人大常委会", "county", "532901")
TOWNSHIP = ("yunling-town", "云岭镇人大主席团", "township", "532901101")
COUNTY_STAFF, TOWN_STAFF = "yunling-county-staff", "yunling-town-staff"


def provision() -> None:
    operator = platform_operator()
    slugs, names, _levels, codes = zip(CITY, COUNTY, TOWNSHIP, strict=True)
    made = provision_township(operator, slugs, names, codes)
    county, town = made[COUNTY[0]], made[TOWNSHIP[0]]
    member(COUNTY_STAFF, county, ["staff"], operator, display_name="云岭县联工委")
    member(TOWN_STAFF, town, ["staff"], operator, display_name="云岭镇主席团办公室")
    with tenant_context(town):
        deputy_register(
            term=open_term_19(),
            name="李云",
            gender="female",
            level="township",
            constituency="第1选区",
            delegation="第一代表小组",
            phone="13900000201",
            actor=None,
        )

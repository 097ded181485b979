"""Run inside the live platform's database (`manage.py shell -c`, see test_admins.py): a
township of the test's own under a city and county of its own, provisioned by the real service,
with its three separated administrators, a staff member, a party reviewer and a cycle whose
candidate list awaits 党委审定."""

from django_tenants.utils import tenant_context

from tenants.voting.services import candidate_add, cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.e2e.worlds import member, open_term_19, platform_operator, provision_township

SLUG, NAME, CODE = "qinghe", "清河镇人大主席团", "371601101"
SYSTEM, SECURITY, AUDIT = "qinghe-sys", "qinghe-sec", "qinghe-audit"
STAFF, REVIEWER = "qinghe-staff", "qinghe-party"
CANDIDATES = ("清河集镇污水管网", "敬老院适老化改造", "村道路灯")


def provision() -> None:
    operator = platform_operator()
    congress = provision_township(
        operator,
        ("qinghe-city", "qinghe-county", SLUG),
        ("清河市人大常委会", "清河县人大常委会", NAME),
        ("371600", "371601", CODE),
    )[SLUG]
    for username, display_name, role in (
        (SYSTEM, "清河镇系统管理员", "system_admin"),
        (SECURITY, "清河镇安全管理员", "security_admin"),
        (AUDIT, "清河镇审计管理员", "audit_admin"),
        (STAFF, "王秀兰", "staff"),
        (REVIEWER, "镇党委审定人", "party_reviewer"),
    ):
        member(username, congress, [role], operator, display_name=display_name)
    with tenant_context(congress):
        term = open_term_19()
        cycle = cycle_create(
            year=2027, title="2027年民生实事项目票决", term=term, actor=None, seats=2
        )
        cycle = cycle_advance(cycle=cycle, actor=None)
        for name in CANDIDATES:
            candidate_add(cycle=cycle, name=name, actor=None)

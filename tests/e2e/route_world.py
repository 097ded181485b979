"""Run inside the live platform's database (`manage.py shell -c`, see test_route.py): a city of
its own with one county and two townships, provisioned by the real service, each township with
this year's cycle; 甲 has closed its call for proposals, 乙 has not."""

from django.utils import timezone
from django_tenants.utils import tenant_context

from rollups.services import rollup_rebuild
from supervision.tasks import route_check
from tenants.voting.services import cycle_create
from tenants.voting.solicitation import cycle_advance
from tests.e2e.worlds import member, platform_operator
from tests.factories import make_term, provision_county

CITY, COUNTY, AHEAD, BEHIND = "rt-city", "rt-county", "rt-jia", "rt-yi"


def provision() -> None:
    operator = platform_operator()
    made = provision_county(operator, "路线", "371100", (CITY, COUNTY, AHEAD, BEHIND))
    for slug in (CITY, COUNTY):
        member(f"{slug}-staff", made[slug], ["staff"], operator)
    year = timezone.localdate().year
    for slug in (AHEAD, BEHIND):
        with tenant_context(made[slug]):
            cycle = cycle_create(
                year=year, title=f"{year}年民生实事项目票决", term=make_term(), actor=None
            )
            if slug == AHEAD:
                cycle_advance(cycle=cycle, actor=None)
            rollup_rebuild()


def check() -> None:
    """The beat task's body, as the scheduler would run it."""
    print("reminders", route_check())

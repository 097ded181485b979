"""Run inside the live platform's database (`manage.py shell -c`, see test_guidance_reports.py):
a city of its own with one county and three townships, provisioned by the real service, with
staff in the city and in each township; and the test's clock for the notice's date."""

import datetime as dt

from django.db import transaction

from supervision.models import Guidance, GuidanceReport
from tests.e2e.worlds import member, platform_operator
from tests.factories import provision_county

CITY, COUNTY, JIA, YI, BING = "rb-city", "rb-county", "rb-jia", "rb-yi", "rb-bing"
TITLE = "关于报送上半年代表联络站工作情况的通知"


def provision() -> None:
    operator = platform_operator()
    made = provision_county(operator, "报送", "371200", (CITY, COUNTY, JIA, YI, BING))
    for slug in (CITY, JIA, YI, BING):
        member(f"{slug}-staff", made[slug], ["staff"], operator)


def shift_back(days: int) -> None:
    """The test's clock: the notice and the reports on it as if sent `days` days earlier."""
    guidance = Guidance.objects.get(title=TITLE)
    assert guidance.report_due is not None
    with transaction.atomic():
        Guidance.objects.filter(pk=guidance.pk).update(
            report_due=guidance.report_due - dt.timedelta(days=days),
            issued_at=guidance.issued_at - dt.timedelta(days=days),
        )
        for report in GuidanceReport.objects.filter(guidance=guidance):
            report.submitted_at -= dt.timedelta(days=days)
            report.save(update_fields=["submitted_at"])
    print("due", guidance.report_due - dt.timedelta(days=days))

"""Report-back on a notice in real Chromium, over a city of the test's own (provisioned by the
real service in the live platform's database): the city's staff ask its three townships for a
report by a date, 甲 reports in time, the date passes (the test's clock moves the notice back),
乙 reports late, 丙 never does, and the city's page shows 按时 / 逾期 / 未报."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.helpers import in_live_platform, log_in

from .conftest import LivePlatform, Pages, snap
from .report_world import CITY, JIA, TITLE, YI

pytestmark = pytest.mark.e2e


def _report(pages: Pages, platform: LivePlatform, slug: str, name: str) -> Page:
    """A township's staff open the notice and send their report."""
    town = pages.desk(height=1000, timeout=60_000)
    log_in(town, platform, slug, f"{slug}-staff", congress=name)
    town.goto(platform.url(slug, "/guidance"))
    row = town.get_by_test_id("guidance-received").locator("tbody tr").filter(has_text=TITLE)
    row.get_by_role("button", name="阅读").click()
    form = town.get_by_test_id("guidance-report")
    expect(form.get_by_test_id("guidance-report-state")).to_be_visible()
    form.get_by_test_id("guidance-report-text").fill(f"{name}上半年工作情况")
    form.get_by_test_id("guidance-report-submit").click()
    return town


def test_a_notice_asks_for_reports_one_township_is_late_one_never_reports(
    live_platform: LivePlatform, s3_endpoint: str, pages: Pages
) -> None:
    in_live_platform("report_world.provision()", s3_endpoint)
    due = timezone.localdate() + dt.timedelta(days=2)

    city = pages.desk(height=1000, timeout=60_000)
    log_in(city, live_platform, CITY, f"{CITY}-staff", congress="报送市")
    city.goto(live_platform.url(CITY, "/guidance"))
    city.get_by_test_id("guidance-compose").click()
    city.get_by_test_id("guidance-title").fill(TITLE)
    city.get_by_test_id("guidance-body").fill("请各乡镇按时报送。")
    item = city.locator(".el-form-item").filter(has=city.get_by_text("报送时限", exact=True))
    field = item.locator("input").first
    field.fill(due.isoformat())
    field.press("Enter")
    city.get_by_test_id("guidance-send").click()
    issued = city.get_by_test_id("guidance-issued").locator("tbody tr").filter(has_text=TITLE)
    expect(issued).to_contain_text(due.isoformat())
    snap(city, "reports-01-city-asks-for-reports")

    jia = _report(pages, live_platform, JIA, "报送甲镇")
    expect(jia.get_by_test_id("guidance-report-state")).to_have_text("按时")
    snap(jia, "reports-02-jia-reports-in-time")

    # Three days on: the date has passed.
    assert f"due {due - dt.timedelta(days=3)}" in in_live_platform(
        "report_world.shift_back(3)", s3_endpoint
    )
    yi = _report(pages, live_platform, YI, "报送乙镇")
    expect(yi.get_by_test_id("guidance-report-state")).to_have_text("逾期")
    expect(yi.get_by_test_id("guidance-report-submit")).to_have_count(0)
    snap(yi, "reports-03-yi-reports-late")

    city.reload()
    row = city.get_by_test_id("guidance-issued").locator("tbody tr").filter(has_text=TITLE)
    row.get_by_role("button", name="阅读情况").click()
    table = city.get_by_test_id("guidance-report-table").locator("tbody tr")
    expect(table).to_have_count(3)
    expect(table.filter(has_text="报送甲镇人大主席团")).to_contain_text("按时")
    expect(table.filter(has_text="报送甲镇人大主席团")).to_contain_text("报送甲镇上半年工作情况")
    expect(table.filter(has_text="报送乙镇人大主席团")).to_contain_text("逾期")
    expect(table.filter(has_text="报送丙镇人大主席团")).to_contain_text("未报")
    counts = city.get_by_test_id("guidance-report-counts")
    expect(counts).to_contain_text("按时 1")
    expect(counts).to_contain_text("逾期 1")
    expect(counts).to_contain_text("未报 1")
    snap(city, "reports-04-city-sees-on-time-late-missing")

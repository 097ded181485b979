"""The year's route in real Chromium, over a city of the test's own (provisioned by the real
service in the live platform's database): the city's staff date the stages on /route, one
township has not closed its call for proposals by the date, the daily check (run as the
scheduler would) tells it and its county, the county reads the notice and the city's dashboard
shows who lags on which stage."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.e2e.helpers import in_live_platform, log_in

from .conftest import LivePlatform, Pages, snap
from .route_world import CITY, COUNTY

pytestmark = pytest.mark.e2e


def _date(page: Page, label: str, day: dt.date) -> None:
    item = page.locator(".el-form-item").filter(has=page.get_by_text(label, exact=True))
    field = item.locator("input").first
    field.fill(day.isoformat())
    field.press("Enter")


def test_the_city_sets_the_route_a_township_lags_and_its_county_is_told(
    live_platform: LivePlatform, s3_endpoint: str, pages: Pages
) -> None:
    in_live_platform("route_world.provision()", s3_endpoint)
    today = timezone.localdate()

    # The city's staff date the call's close yesterday and the consultation a month on.
    city = pages.desk(height=1000, timeout=60_000)
    log_in(city, live_platform, CITY, f"{CITY}-staff", congress="路线市")
    city.goto(live_platform.url(CITY, "/route"))
    expect(city.get_by_test_id("route-source")).to_contain_text("尚未制定")
    _date(city, "项目征集截止", today - dt.timedelta(days=1))
    _date(city, "人大与政府会商", today + dt.timedelta(days=30))
    city.get_by_test_id("route-save").click()
    expect(city.get_by_test_id("route-saved")).to_be_visible()
    expect(city.get_by_test_id("route-source")).to_contain_text("本单位制定")
    expect(city.get_by_test_id("route-lag-solicit_close")).to_have_text("1")
    expect(city.get_by_test_id("route-lag-names-solicit_close")).to_have_text("路线乙镇人大主席团")
    expect(city.get_by_test_id("route-lag-consultation")).to_have_text("0")
    snap(city, "route-01-city-sets-the-route")

    # The daily check, as beat would run it: one reminder, and the next run sends none.
    assert "reminders 1" in in_live_platform("route_world.check()", s3_endpoint)
    assert "reminders 0" in in_live_platform("route_world.check()", s3_endpoint)

    county = pages.desk(height=1000, timeout=60_000)
    log_in(county, live_platform, COUNTY, f"{COUNTY}-staff", congress="路线县")
    county.goto(live_platform.url(COUNTY, "/guidance"))
    county.get_by_role("tab", name="收到的文件").click()
    notice = county.get_by_test_id("guidance-received").locator("tbody tr")
    expect(notice.filter(has_text="路线图滞后通报：项目征集截止")).to_have_count(1)
    notice.filter(has_text="路线图滞后通报").get_by_role("button").click()
    expect(county.get_by_test_id("guidance-reader")).to_contain_text("路线乙镇人大主席团")
    snap(county, "route-02-county-reads-the-notice")

    city.goto(live_platform.url(CITY, "/dashboard"))
    lag = city.get_by_test_id("dashboard-route")
    expect(lag.get_by_test_id("route-lag-solicit_close")).to_have_text("1")
    expect(lag.get_by_test_id("route-lag-names-solicit_close")).to_contain_text("路线乙镇")
    snap(city, "route-03-dashboard-shows-the-lag")

"""A joint inspection across four congresses, in real Chromium, on congresses the test provisions
itself (activities_world: 江城市, 江东区 and two of its townships, 江口镇 and 江湾镇).

江东区's staff organise an inspection on the desktop console and invite, from the directory,
deputies of the city (江城市), the district and two of its townships (江口镇, 江湾镇), and on
the activity's page invite one more of the district's deputies with the same picker. A 江口镇
deputy on a 375 px phone, logged in on 江口镇's own host, sees it under 我的活动 once the
invitation is delivered, answers that they will attend, and signs in by the QR code's link that
the organiser's screen shows for 江口镇: the sign-in page opens on 江口镇's host and the points
land in the deputy's record there. The organiser's console shows the sign-in coming back.
"""

import datetime as dt
import json
import re
import uuid

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import in_live_platform, log_in, wait_for_api
from tests.e2e.helpers import page_get as _api

from .activities_world import CITY, COUNTY, DEPUTIES, PHONE_DEPUTY, TITLE, TOWN
from .conftest import LivePlatform, snap
from .year_steps import date_input, pick_datetime

pytestmark = pytest.mark.e2e

ORGANISER, TOWNSHIP = COUNTY, TOWN


@pytest.fixture
def world(live_platform: LivePlatform, s3_endpoint: str) -> None:
    """The test's own city, county and townships, their deputies and an earlier inspection."""
    in_live_platform("activities_world.provision()", s3_endpoint)


def _local(page: Page, hours: int) -> str:
    """The minute `hours` from now as the date-time picker shows it (YYYY-MM-DD HH:mm), on the
    browser's own clock."""
    return str(
        page.evaluate(
            """(h) => { const d = new Date(Date.now() + h * 3600e3); d.setSeconds(0, 0);
            return new Date(d.getTime() - d.getTimezoneOffset() * 60e3).toISOString().slice(0, 16)
              .replace('T', ' ') }""",
            hours,
        )
    )


def _browser_instant(page: Page, minute: str) -> str:
    """The instant a wall-clock minute (YYYY-MM-DD HH:mm) names in the browser's time zone."""
    return str(page.evaluate("(m) => new Date(m.replace(' ', 'T')).toISOString()", minute))


def _instant(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _pick(desk: Page, search: str, congress: str, name: str = "") -> None:
    desk.get_by_test_id("activity-search").fill(search)
    desk.get_by_test_id("activity-search-go").click()
    rows = desk.get_by_test_id("activity-candidates").locator("tr.el-table__row")
    if search:  # the search's answer, not the previous list
        expect(rows.filter(has_not_text=search)).to_have_count(0)
    row = rows.filter(has_text=congress)
    if name:
        row = row.filter(has_text=name)
    expect(row.first).to_be_visible()
    row.first.locator(".el-checkbox").click()
    expect(row.first.locator(".el-checkbox")).to_have_class(re.compile("is-checked"))


def test_a_township_deputy_signs_in_to_a_county_inspection_and_earns_the_points_at_home(
    live_platform: LivePlatform, world: None, desk: Page, phone: Page
) -> None:
    title = f"农村饮用水安全联合视察-{uuid.uuid4().hex[:4]}"
    # The township deputy, on their phone, on their own congress's host.
    log_in(phone, live_platform, TOWNSHIP, PHONE_DEPUTY, congress="江口镇", timeout=20_000)
    deputy_name = _api(phone, "auth/session")["user"]["display_name"]

    # Staff of the district organise and invite from four congresses.
    log_in(desk, live_platform, ORGANISER, f"{ORGANISER}-staff", congress="江东区", timeout=20_000)
    desk.goto(live_platform.url(ORGANISER, "/activities"))
    expect(desk.get_by_test_id("activity-list")).to_contain_text(TITLE)
    desk.get_by_test_id("activity-new").click()
    desk.get_by_test_id("activity-title").fill(title)
    starts, ends = _local(desk, 1), _local(desk, 4)
    pick_datetime(date_input(desk, "开始时间"), starts)
    pick_datetime(date_input(desk, "结束时间"), ends)
    desk.get_by_test_id("activity-place").fill("江东区水务局会议室")
    desk.get_by_test_id("activity-notes").fill("内部：车辆2台")
    _pick(desk, DEPUTIES[CITY][0], "江城市")
    _pick(desk, DEPUTIES[COUNTY][0], "江东区")
    _pick(desk, deputy_name, "江口镇")
    _pick(desk, "", "江湾镇")
    expect(desk.get_by_test_id("activity-picked-count")).to_contain_text("4")
    snap(desk, "activities-01-organise-and-invite")
    desk.get_by_test_id("activity-create").click()
    expect(desk.get_by_test_id("activity-form-error")).to_have_count(0)
    expect(desk.get_by_test_id("activity-title-heading")).to_have_text(title)
    invitations = desk.get_by_test_id("activity-invitations")
    for congress in ("江城市", "江东区", "江口镇", "江湾镇"):
        expect(invitations).to_contain_text(congress)
    snap(desk, "activities-02-detail-invitations")

    # Later, on the activity's page, the staff invite one more deputy of the district with the
    # same picker; the deputy already invited shows as such and cannot be picked again.
    desk.get_by_test_id("activity-invite-more").click()
    desk.get_by_test_id("activity-search").fill(DEPUTIES[COUNTY][0])
    desk.get_by_test_id("activity-search-go").click()
    already = desk.get_by_test_id("activity-candidates").locator("tr.el-table__row")
    expect(already.filter(has_text=DEPUTIES[COUNTY][0]).first).to_contain_text("已邀请")
    expect(desk.get_by_test_id("activity-invite-submit")).to_be_disabled()
    _pick(desk, DEPUTIES[COUNTY][1], "江东区")
    expect(desk.get_by_test_id("activity-picked-count")).to_contain_text("1")
    snap(desk, "activities-02a-invite-more")
    desk.get_by_test_id("activity-invite-submit").click()
    expect(invitations.locator("tr.el-table__row")).to_have_count(5)
    expect(invitations).to_contain_text(DEPUTIES[COUNTY][1])
    snap(desk, "activities-02b-invited-more")

    activity_id = int(re.findall(r"/activities/(\d+)", desk.url)[-1])
    # The minutes typed are the browser's wall clock, sent as the instant they name there.
    created = _api(desk, f"activities/{activity_id}")
    assert _instant(created["starts_at"]) == _instant(_browser_instant(desk, starts))
    assert _instant(created["ends_at"]) == _instant(_browser_instant(desk, ends))
    mine = f"(b) => b.some((i) => i.activity.title === {json.dumps(title)}"

    # The deputy sees it on the phone once the invitation is delivered (a Celery task).
    wait_for_api(phone, "me/activities", mine + ")")
    phone.goto(live_platform.url(TOWNSHIP, "/me/activities"))
    card = phone.get_by_test_id("me-activities").locator("li").filter(has_text=title)
    expect(card).to_contain_text("江东区人大常委会")
    card.get_by_role("button", name="参加").click()
    expect(card).to_contain_text("参加")
    snap(phone, "activities-03-phone-my-activities")

    # The organiser opens the sign-in; the screen shows one QR code per invited congress.
    desk.get_by_test_id("activity-open-sign-in").click()
    expect(desk.get_by_test_id("activity-sign-in-until")).to_be_visible()
    desk.get_by_test_id("activity-screen-link").click()
    codes = desk.get_by_test_id("screen-codes")
    expect(codes.locator("li")).to_have_count(4)
    snap(desk, "activities-04-qr-screen")
    link = codes.locator("li").filter(has_text="江口镇").get_attribute("data-url")
    assert link and link.startswith(live_platform.url(TOWNSHIP, "/me/check-in?"))

    # Scanning opens the sign-in page on the deputy's own host; it needs the new token there,
    # which a worker delivers: once 江口镇's copy says the sign-in is open, the link works the
    # first time, and an error page fails the test.
    wait_for_api(phone, "me/activities", mine + " && i.activity.sign_in_open)")
    phone.goto(link)
    expect(phone.get_by_test_id("check-in-done")).to_contain_text(title)
    snap(phone, "activities-05-phone-signed-in")

    # The points are in the deputy's own record, at 江口镇.
    phone.get_by_test_id("check-in-to-record").click()
    entries = phone.get_by_test_id("me-entries")
    expect(entries).to_contain_text(title)
    expect(entries.locator("li").filter(has_text=title)).to_contain_text("+3")
    expect(phone.get_by_test_id("me-band")).to_be_visible()
    snap(phone, "activities-06-phone-record")

    phone.goto(live_platform.url(TOWNSHIP, "/me/tasks"))
    expect(phone.get_by_test_id("me-tasks-opinions")).to_be_visible()
    snap(phone, "activities-07-phone-tasks")

    # The sign-in travels back to the organiser.
    desk.go_back()
    wait_for_api(
        desk,
        f"activities/{activity_id}",
        "(b) => b.invitations.some((i) => i.congress_name.includes('江口镇') && i.signed_in_at)",
    )
    desk.reload()
    row = desk.get_by_test_id("activity-invitations").locator("tr").filter(has_text="江口镇")
    expect(row.first).to_contain_text(re.compile(r"\d{2}:\d{2}"))
    expect(row.first).to_contain_text("参加")
    snap(desk, "activities-08-organiser-sees-the-sign-in")

"""Implementation and supervision in real Chromium, on a congress the test provisions itself:
实施镇 (its own city, county and township, provisioned by the real service; this year's three
projects voted and in implementation). The responsible unit's account logs in on a 375 px phone
and reports progress on the market project with a photo, which the project page then shows
through a presigned URL. Staff see the board: the market is green, its next milestone ten days
away. The beat task runs as of eleven days later (the management command against the e2e
database, time set by the test); the reloaded board shows the market red, and the staff's bell
counts the overdue alert. A deputy reads the board without any editing control. Every step is
screenshotted and checked by axe-core."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, FilePayload, Page, expect

from tests.e2e.helpers import in_live_platform, live_manage, log_in, page_get
from tests.factories import PNG

from .conftest import LivePlatform, snap
from .implementation_world import MARKET, TOWN, TOWN_SHORT

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def patient_expectations() -> Iterator[None]:
    """The shared test machine can be slow: wait longer for pages and assertions, then restore."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


SLUG = TOWN


def test_a_unit_reports_with_a_photo_and_a_late_milestone_turns_red(
    live_platform: LivePlatform, browser: Browser, phone: Page, desk: Page, s3_endpoint: str
) -> None:
    out = in_live_platform("implementation_world.provision()", s3_endpoint)
    match = re.search(r"market (\d+)", out)
    assert match, out
    market_id = int(match.group(1))
    for page in (phone, desk):
        page.set_default_timeout(60_000)
    # The unit, on its phone: its own projects, then the progress form with a photo.
    log_in(phone, live_platform, SLUG, f"{SLUG}-unit", congress=TOWN_SHORT)
    phone.goto(live_platform.url(SLUG, "/implementation"))
    card = phone.get_by_test_id(re.compile(r"unit-project-\d+")).filter(has_text=MARKET)
    expect(card).to_be_visible()
    snap(phone, "implementation-01-unit-projects-phone")
    card.get_by_test_id("unit-report-link").click()
    expect(phone.get_by_test_id("report-project")).to_have_text(MARKET)
    phone.get_by_test_id("report-percent").locator("input").fill("60")
    phone.get_by_test_id("report-text").fill("顶棚钢构安装完成，排水沟全线贯通。")
    photo: FilePayload = {"name": "市场顶棚.png", "mimeType": "image/png", "buffer": PNG}
    phone.get_by_test_id("report-photos").set_input_files([photo])
    expect(phone.get_by_test_id("report-photo-count")).to_contain_text("1")
    snap(phone, "implementation-02-unit-progress-form-phone")
    phone.get_by_test_id("report-submit").click()

    # The project page shows the report and its photo, served by a presigned URL.
    expect(phone.get_by_test_id("project-title")).to_have_text(MARKET)
    report = phone.get_by_test_id("project-report").first
    expect(report).to_contain_text("60%")
    image = report.get_by_test_id("report-photo")
    expect(image).to_have_attribute("src", re.compile(r"X-Amz-Signature="))
    phone.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=report-photo]');"
        " return i && i.complete && i.naturalWidth > 0 }"
    )
    snap(phone, "implementation-03-report-with-photo-phone")

    # Staff: the board, the market green (its next milestone ten days away).
    log_in(desk, live_platform, SLUG, f"{SLUG}-staff", congress=TOWN_SHORT)
    desk.goto(live_platform.url(SLUG, "/implementation"))
    projects = page_get(desk, "implementation/projects")
    assert [p["id"] for p in projects if p["name"] == MARKET] == [market_id]
    light = desk.get_by_test_id(f"light-{market_id}")
    expect(light).to_have_attribute("data-light", "green")
    expect(desk.get_by_test_id("implementation-board")).to_contain_text("60")
    snap(desk, "implementation-04-board-before")

    # Eleven days later the beat runs: the milestone has passed its date.
    later = timezone.localtime() + timedelta(days=11)
    beat = ("implementation_alerts", "--congress", SLUG, "--now", later.isoformat())
    output = live_manage(live_platform, *beat)
    assert f"{SLUG}:" in output
    desk.reload()
    expect(desk.get_by_test_id(f"light-{market_id}")).to_have_attribute("data-light", "red")
    snap(desk, "implementation-05-board-red-after-beat")

    # The overdue alert reached the staff (once, however often the beat runs).
    live_manage(live_platform, *beat)
    desk.get_by_test_id("notification-bell").click()
    notes = desk.get_by_test_id("notification").filter(has_text=MARKET)
    expect(notes).to_have_count(1)
    snap(desk, "implementation-06-staff-notifications")

    # A deputy reads the board and the project, with no control to edit or report.
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    deputy = context.new_page()
    deputy.set_default_timeout(60_000)
    log_in(deputy, live_platform, SLUG, f"{SLUG}-deputy", congress=TOWN_SHORT)
    deputy.goto(live_platform.url(SLUG, "/implementation"))
    expect(deputy.get_by_test_id("implementation-readonly")).to_be_visible()
    deputy.get_by_test_id(f"project-link-{market_id}").click()
    expect(deputy.get_by_test_id("project-light")).to_have_attribute("data-light", "red")
    expect(deputy.get_by_test_id("plan-form")).to_have_count(0)
    expect(deputy.get_by_test_id("project-report-link")).to_have_count(0)
    snap(deputy, "implementation-07-deputy-reads-project")
    context.close()

"""The public home in real Chromium: 东湖区 opens a township of its own through the provisioning
service (the API its console uses, the Celery worker running the job); a citizen leaves an
opinion there; the city's home lists its counties and switches to larger type (kept after a
reload, the root font scaled and the rem-sized text with it); the new township's home names it,
and the opinion's code typed into the tracking box, as a reader would (lower case, a space),
lands on the opinion's page."""

import re

import pytest
from playwright.sync_api import Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import page_api as _api

from .conftest import LivePlatform, axe_violations, snap

pytestmark = pytest.mark.e2e

SLUG = "homeland"
TOWNSHIP = "家园镇人大主席团"
TASK_TIMEOUT_MS = 120_000


def _provision_township(page: Page, platform: LivePlatform) -> None:
    page.goto(platform.url("donghu", "/login"))
    page.get_by_test_id("login-username").fill("donghu-sys")
    page.get_by_test_id("login-password").fill(DEMO_PASSWORD)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("congress-name")).to_have_text(re.compile("东湖区"))
    congresses = _api(page, "GET", "congresses?page_size=100")["results"]
    county = next(c for c in congresses if c["slug"] == "donghu")
    job = _api(
        page,
        "POST",
        "congresses",
        {
            "name": TOWNSHIP,
            "slug": SLUG,
            "level": "township",
            "parent_id": county["id"],
            "division_code": "369902109",
            "admin_username": "homeland-admin",
            "admin_display_name": "家园镇管理员",
            "admin_password": "Hl#2026admin",
        },
    )
    # The page follows the job as the console does; the test waits on the state it reaches.
    page.evaluate(
        """(id) => {
          window.__jobState = 'queued'
          const look = async () => {
            const job = await (await fetch('/api/v1/provisioning-jobs/' + id)).json()
            window.__jobState = job.state
            if (job.state === 'queued' || job.state === 'running') setTimeout(look, 1000)
          }
          look()
        }""",
        job["id"],
    )
    page.wait_for_function(
        "() => ['succeeded', 'failed'].includes(window.__jobState)", timeout=TASK_TIMEOUT_MS
    )
    assert page.evaluate("() => window.__jobState") == "succeeded"


def test_the_city_and_a_new_township_home_with_larger_type_and_the_tracking_box(
    live_platform: LivePlatform, desk: Page
) -> None:
    _provision_township(desk, live_platform)

    # A citizen's opinion on the new township's portal: its code is what they will type.
    desk.goto(live_platform.url(SLUG, "/portal/home"))
    expect(desk.get_by_test_id("portal-congress")).to_have_text(TOWNSHIP)
    code = _api(
        desk,
        "POST",
        "public/opinions",
        {"content": "村口路灯不亮，夜间出行不便。", "citizen_name": "王大伯"},
    )["tracking_code"]

    # The city's home: its counties below, and the larger type.
    desk.goto(live_platform.url("yunxi", "/portal/home"))
    below = desk.get_by_test_id("portal-home-below")
    expect(below).to_contain_text("东湖区人大常委会")
    expect(below).to_contain_text("南山县人大常委会")
    heading = desk.locator(".portal__heading")
    expect(heading).to_have_text(re.compile("云溪市"))
    root = "() => getComputedStyle(document.documentElement).fontSize"
    normal = desk.evaluate(root)
    normal_heading = heading.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
    snap(desk, "home-01-city")
    desk.get_by_test_id("portal-large-type").click()
    expect(desk.get_by_test_id("portal-large-type")).to_have_attribute("aria-pressed", "true")
    desk.reload()
    expect(desk.get_by_test_id("portal-large-type")).to_have_attribute("aria-pressed", "true")
    assert (normal, desk.evaluate(root)) == ("16px", "20px")
    large_heading = heading.evaluate("(e) => parseFloat(getComputedStyle(e).fontSize)")
    assert large_heading == pytest.approx(normal_heading * 1.25)
    assert axe_violations(desk) == []
    snap(desk, "home-02-city-larger-type")
    desk.get_by_test_id("portal-large-type").click()
    expect(desk.get_by_test_id("portal-large-type")).to_have_attribute("aria-pressed", "false")
    assert desk.evaluate(root) == "16px"

    # The new township's home, on its own host.
    desk.goto(live_platform.url(SLUG, "/portal/home"))
    expect(desk.locator(".portal__heading")).to_have_text(TOWNSHIP)
    expect(desk.get_by_test_id("portal-home-stations")).to_contain_text("暂无联络站信息")
    box = desk.get_by_test_id("portal-home-code")
    box.fill("ABC")
    desk.get_by_test_id("portal-home-track").click()
    expect(desk.get_by_test_id("portal-home-track-error")).to_contain_text("8 位")
    box.fill(f"{code[:4].lower()} {code[4:].lower()}")
    snap(desk, "home-03-township-tracking-box")
    desk.get_by_test_id("portal-home-track").click()
    expect(desk).to_have_url(re.compile(f"/portal/opinions/track/{code}$"))
    expect(desk.get_by_test_id("portal-opinion-result")).to_be_visible()
    expect(desk.get_by_test_id("portal-opinion-status")).to_be_visible()
    snap(desk, "home-04-opinion-page")

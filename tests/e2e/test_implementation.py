"""Implementation and supervision in real Chromium, on 松岭镇 (demo: its 2026 projects in
implementation). The responsible unit's account logs in on a 375 px phone and reports progress on
the market project with a photo, which the project page then shows through a presigned URL. Staff
see the board: the market is green, its next milestone ten days away. The beat task runs as of
eleven days later (the management command against the e2e database, time set by the test); the
reloaded board shows the market red, and the staff's bell counts the overdue alert. A deputy reads
the board without any editing control. Every step is screenshotted and checked by axe-core."""

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.conf import settings
from django.utils import timezone
from playwright.sync_api import Browser, FilePayload, Page, expect

from tests.e2e.helpers import log_in
from tests.factories import PNG
from tests.servers import ROOT

from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def patient_expectations() -> Iterator[None]:
    """The shared test machine can be slow: wait longer for pages and assertions, then restore."""
    expect.set_options(timeout=20_000)
    yield
    expect.set_options(timeout=5_000)


SLUG = "songling"
MARKET = "松岭镇农贸市场提升改造"


def _api_get(page: Page, path: str) -> Any:
    return page.evaluate(
        "async (path) => (await fetch('/api/v1/' + path, {credentials: 'same-origin'})).json()",
        path,
    )


def _run_beat_as_of(moment: datetime, s3_endpoint: str) -> str:
    """The beat task's body for 松岭镇, as of `moment`, against the e2e platform's database."""
    db = settings.DATABASES["default"]
    name = f"{os.environ.get('CONGRESS_TEST_DATABASE', 'test_congress')}_e2e"
    url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"
    done = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "implementation_alerts",
            "--congress",
            SLUG,
            "--now",
            moment.isoformat(),
        ],
        cwd=ROOT,
        env={**os.environ, "CONGRESS_DATABASE_URL": url, "CONGRESS_S3_ENDPOINT": s3_endpoint},
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout


def test_a_unit_reports_with_a_photo_and_a_late_milestone_turns_red(
    live_platform: LivePlatform, browser: Browser, phone: Page, desk: Page, s3_endpoint: str
) -> None:
    for page in (phone, desk):
        page.set_default_timeout(60_000)
    # The unit, on its phone: its own projects, then the progress form with a photo.
    log_in(phone, live_platform, SLUG, f"{SLUG}-unit", congress="松岭镇")
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
    log_in(desk, live_platform, SLUG, f"{SLUG}-staff", congress="松岭镇")
    desk.goto(live_platform.url(SLUG, "/implementation"))
    projects = _api_get(desk, "implementation/projects")
    market = next(p for p in projects if p["name"] == MARKET)
    light = desk.get_by_test_id(f"light-{market['id']}")
    expect(light).to_have_attribute("data-light", "green")
    expect(desk.get_by_test_id("implementation-board")).to_contain_text("60")
    snap(desk, "implementation-04-board-before")

    # Eleven days later the beat runs: the milestone has passed its date.
    later = timezone.localtime() + timedelta(days=11)
    output = _run_beat_as_of(later, s3_endpoint)
    assert "songling:" in output
    desk.reload()
    expect(desk.get_by_test_id(f"light-{market['id']}")).to_have_attribute("data-light", "red")
    snap(desk, "implementation-05-board-red-after-beat")

    # The overdue alert reached the staff (once, however often the beat runs).
    _run_beat_as_of(later, s3_endpoint)
    desk.get_by_test_id("notification-bell").click()
    notes = desk.get_by_test_id("notification").filter(has_text=MARKET)
    expect(notes).to_have_count(1)
    snap(desk, "implementation-06-staff-notifications")

    # A deputy reads the board and the project, with no control to edit or report.
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    deputy = context.new_page()
    deputy.set_default_timeout(60_000)
    log_in(deputy, live_platform, SLUG, f"{SLUG}-deputy", congress="松岭镇")
    deputy.goto(live_platform.url(SLUG, "/implementation"))
    expect(deputy.get_by_test_id("implementation-readonly")).to_be_visible()
    deputy.get_by_test_id(f"project-link-{market['id']}").click()
    expect(deputy.get_by_test_id("project-light")).to_have_attribute("data-light", "red")
    expect(deputy.get_by_test_id("plan-form")).to_have_count(0)
    expect(deputy.get_by_test_id("project-report-link")).to_have_count(0)
    snap(deputy, "implementation-07-deputy-reads-project")
    context.close()

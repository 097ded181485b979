"""One duty record across levels, in real Chromium (docs/linkage-duty.md).

A county deputy stationed at a township's liaison station receives a constituent there: the
station's staff log the opinion naming that deputy, and handle it to closure, and mark the day's
reception held (已接待). The work arrives in the deputy's record at the county, marked with the
township it was done at, and the deputy reads it on a 375 px phone. The county and the
township are the test's own, provisioned by the real service, so no other test's data meets
them."""

import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import in_live_platform, log_in, patient_expectations, wait_for_api

from .conftest import LivePlatform, Pages, snap

pytestmark = pytest.mark.e2e

CONTENT = "村口三盏路灯坏了三个月，晚上老人出门不方便。"
ANSWER = "镇村建办已于本周更换三盏路灯。"
NAVIGATION_MS = 90_000


@pytest.fixture(autouse=True)
def patient() -> Iterator[None]:
    with patient_expectations(30_000):
        yield


def _world(s3_endpoint: str) -> dict[str, object]:
    """The test's own county and township, built in the live platform's database."""
    suffix = uuid.uuid4().hex[:6]
    out = in_live_platform(f"duty_world.build({suffix!r})", s3_endpoint)
    line = out.strip().splitlines()[-1]
    world: dict[str, object] = json.loads(line)
    return world


def _logged_in(
    page: Page, platform: LivePlatform, place: dict[str, Any], username: str, password: str
) -> Page:
    """`page`, patient with navigation, logged in to `place` (its slug and name) as `username`."""
    page.set_default_navigation_timeout(NAVIGATION_MS)
    log_in(page, platform, place["slug"], username, password=password, congress=place["name"])
    return page


def _choose(page: Page, select_test_id: str, option: str) -> None:
    page.get_by_test_id(select_test_id).click()
    page.get_by_role("option", name=option).click()


def test_a_county_deputy_s_reception_at_a_township_station_reaches_their_county_record(
    live_platform: LivePlatform,
    s3_endpoint: str,
    pages: Pages,
) -> None:
    world = _world(s3_endpoint)
    town, county = world["town"], world["county"]
    assert isinstance(town, dict) and isinstance(county, dict)
    deputy = world["deputy"]
    assert isinstance(deputy, dict)
    password, station = str(world["password"]), str(world["station"])

    # The township's station staff log what the constituent told the county deputy.
    desk = _logged_in(
        pages.desk(timeout=30_000), live_platform, town, str(world["staff"]), password
    )
    desk.goto(live_platform.url(town["slug"], "/opinions"))
    desk.get_by_test_id("opinion-new").click()
    desk.get_by_test_id("reception-content").fill(CONTENT)
    desk.get_by_test_id("reception-name").fill("王秀英")
    _choose(desk, "reception-category", "城乡建设")
    _choose(desk, "reception-station", station)
    _choose(desk, "reception-guest", f"陈立（{county['name']}）")
    snap(desk, "duty-01-township-reception-names-the-county-deputy")
    desk.get_by_test_id("reception-save").click()
    expect(desk.get_by_test_id("opinion-content")).to_have_text(CONTENT)
    expect(desk.get_by_test_id("opinion-detail")).to_contain_text(f"陈立（{county['name']}）")

    # ... and handle it to closure: assigned, handled, answered, closed.
    desk.get_by_test_id("opinion-action-assign").click()
    desk.get_by_test_id("dialog-unit-name").fill("镇村建办")
    desk.get_by_test_id("dialog-submit").click()
    expect(desk.get_by_test_id("opinion-status")).to_have_text("已交办")
    desk.get_by_test_id("opinion-action-handle").click()
    expect(desk.get_by_test_id("opinion-status")).to_have_text("办理中")
    desk.get_by_test_id("opinion-action-reply").click()
    desk.get_by_test_id("dialog-answer").fill(ANSWER)
    desk.get_by_test_id("dialog-submit").click()
    expect(desk.get_by_test_id("opinion-status")).to_have_text("已答复")
    desk.get_by_test_id("opinion-action-close").click()
    expect(desk.get_by_test_id("opinion-status")).to_have_text("已办结")
    snap(desk, "duty-02-township-opinion-closed")

    # The reception day the deputy was on duty is marked held on the station's rota.
    desk.goto(live_platform.url(town["slug"], f"/stations/{world['station_id']}"))
    desk.get_by_role("tab", name="接待日").click()
    desk.get_by_test_id(f"reception-hold-{world['reception_id']}").click()
    expect(desk.get_by_test_id(f"reception-held-{world['reception_id']}")).to_have_text("已接待")
    snap(desk, "duty-02b-township-reception-day-held")

    # The deputy, at the county, on a phone: both entries, marked with the township.
    phone = _logged_in(
        pages.phone(timeout=30_000), live_platform, county, str(deputy["username"]), password
    )
    # The two entries from the township arrive by the worker: wait for them, then load once.
    wait_for_api(phone, "me/record", "(b) => b.entries.length >= 3")
    phone.goto(live_platform.url(county["slug"], "/me/record"))
    entries = phone.get_by_test_id("me-entries")
    for kind in ("办理群众意见", "接收群众意见", "接待选民"):
        expect(entries).to_contain_text(kind)
    expect(entries.locator("li")).to_have_count(3)
    expect(entries).to_contain_text(f"来自 {town['name']}")
    expect(entries).to_contain_text(station)
    expect(phone.get_by_test_id("me-score")).to_have_text("64.0")
    # Nothing of the page spills past the phone's width.
    assert phone.evaluate("() => document.documentElement.scrollWidth") <= 375
    snap(phone, "duty-03-deputy-record-on-the-phone")

    phone.get_by_test_id("me-scope-here").click()
    expect(entries).to_contain_text("暂无数据")
    phone.get_by_test_id("me-scope-elsewhere").click()
    expect(entries.locator("li")).to_have_count(3)
    snap(phone, "duty-04-deputy-record-from-other-congresses")

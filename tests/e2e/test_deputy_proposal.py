"""A deputy proposes a livelihood project from their phone while the call is open, in real
Chromium.

On a township the test provisions itself (deputy_proposal_world: 梅岭镇 under a city and county of
its own, its 2027 call open): the deputy, on a 375 px phone, finds the call on 我的待办, is
refused an empty project name on that field, proposes a project with its estimated cost in 万元
and sees it listed as received; staff find it on the proposal desk as a deputy's proposal under
the deputy's name."""

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in, world_ids

from .conftest import LivePlatform, snap
from .deputy_proposal_world import DEPUTIES, TOWN

pytestmark = pytest.mark.e2e

PROJECT = "梅岭村老年食堂建设"


@pytest.fixture
def cycle_id(live_platform: LivePlatform, s3_endpoint: str) -> int:
    return world_ids("deputy_proposal_world.provision()", s3_endpoint)["cycle"]


def test_a_deputy_proposes_a_project_from_the_phone(
    live_platform: LivePlatform, cycle_id: int, phone: Page, desk: Page
) -> None:
    username, name = next(iter(DEPUTIES.items()))
    log_in(phone, live_platform, TOWN, username, congress="梅岭镇")
    phone.goto(live_platform.url(TOWN, "/me/tasks"))
    phone.get_by_test_id("me-propose").click()
    expect(phone.get_by_test_id("mine-call")).to_contain_text("梅岭镇关于征集2027年")
    expect(phone.get_by_test_id("mine-list")).to_contain_text("尚未提出建议")
    snap(phone, "propose-01-phone-form")

    # No name: refused on its own field, nothing listed.
    phone.get_by_test_id("mine-category").fill("养老服务")
    phone.get_by_test_id("mine-description").fill("村里老人多，建议利用村部闲置用房建设老年食堂。")
    phone.get_by_test_id("mine-submit").click()
    expect(phone.get_by_test_id("mine-title-item").locator(".el-form-item__error")).to_be_visible()
    expect(phone.get_by_test_id("mine-list")).to_contain_text("尚未提出建议")
    snap(phone, "propose-02-phone-title-refused")

    phone.get_by_test_id("mine-title").fill(PROJECT)
    phone.get_by_test_id("mine-location").fill("梅岭村")
    phone.get_by_test_id("mine-cost").fill("45.5")
    phone.get_by_test_id("mine-submit").click()
    listed = phone.get_by_test_id("mine-list").locator("li").filter(has_text=PROJECT)
    expect(listed).to_contain_text("已受理")
    expect(listed).to_contain_text("45.50 万元")
    expect(phone.get_by_test_id("mine-title")).to_have_value("")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    snap(phone, "propose-03-phone-listed")

    # Staff find it on the desk: a deputy's proposal, under the deputy's name.
    log_in(desk, live_platform, TOWN, f"{TOWN}-staff", congress="梅岭镇")
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle_id}"))
    row = desk.get_by_test_id("proposal-list").locator("tbody tr").filter(has_text=PROJECT)
    expect(row).to_contain_text("人大代表")
    expect(row).to_contain_text(name)
    snap(desk, "propose-04-desk")

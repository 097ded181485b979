"""A township from nothing, in real Chromium: 东湖区's system administrator provisions it on the
county's page; its first administrator logs in on the new host, changes the initial password and
finds the setup checklist at 0 on the home page. Through the pages only they open the term with
its first session (bad dates refused at the field; no second term while it is open), add a unit
and create the year's cycle, whose rules come from common practice, and the checklist follows:
3 of 6. The term then cannot close under the cycle still to be voted. The township is the test's
own, with no demo data in it."""

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import fill_login
from tests.e2e.year_steps import change_initial_password, date_input, pick_date, provision_township

from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e

TOWNSHIP = "前锋镇人大主席团"
SLUG = "qianfeng"
CODE = "369902188"
ADMIN = "qianfeng-admin"
FIRST_PASSWORD = "Qf#2026first"
PASSWORD = "Qf#2026admin!"


def _done(page: Page, key: str) -> Locator:
    return page.get_by_test_id(f"setup-item-{key}")


def test_a_new_township_is_set_up_through_its_checklist(
    live_platform: LivePlatform, desk: Page
) -> None:
    # Given a township provisioned a moment ago through the county's page
    provision_township(
        desk,
        live_platform.url("donghu", "/login"),
        name=TOWNSHIP,
        slug=SLUG,
        code=CODE,
        admin=ADMIN,
        admin_name="前锋镇管理员",
        password=FIRST_PASSWORD,
        county_password=DEMO_PASSWORD,
    )
    snap(desk, "onboard-01-provisioned")
    desk.context.clear_cookies()

    # When its first administrator logs in and changes the initial password
    desk.goto(live_platform.url(SLUG, "/login"))
    fill_login(desk, ADMIN, FIRST_PASSWORD)
    change_initial_password(desk, FIRST_PASSWORD, PASSWORD)

    # Then the home page shows the setup checklist with nothing done
    card = desk.get_by_test_id("home-setup")
    expect(card.get_by_test_id("setup-done-count")).to_have_text("已完成 0 / 6 项")
    expect(card.get_by_test_id("setup-progress")).to_have_attribute("aria-valuenow", "0")
    for key in ("term", "roster", "accounts", "units", "stations", "cycle"):
        expect(_done(desk, key)).to_have_attribute("data-done", "false")
    snap(desk, "onboard-02-checklist-at-zero")

    # When they follow the term item and open the 18th term with its first session
    card.get_by_test_id("setup-go-term").click()
    expect(desk.get_by_test_id("term-none")).to_be_visible()
    desk.get_by_test_id("term-open").click()
    dialog = desk.get_by_test_id("term-open-dialog")
    number = dialog.get_by_test_id("term-form-number").locator("input")
    number.fill("18")
    # the end before the start is refused next to its field
    pick_date(date_input(dialog, "起始日期"), "2026-01-01")
    pick_date(date_input(dialog, "届满日期"), "2025-12-31")
    pick_date(date_input(dialog, "第1次会议"), "2026-01-15")
    desk.get_by_test_id("term-open-submit").click()
    ends_item = dialog.locator(".el-form-item").filter(has=date_input(desk, "届满日期"))
    expect(ends_item.locator(".el-form-item__error")).to_have_text("届满日期须晚于起始日期。")
    snap(desk, "onboard-03-term-bad-dates")
    pick_date(date_input(dialog, "届满日期"), "2030-12-31")
    desk.get_by_test_id("term-open-submit").click()
    expect(dialog).to_be_hidden()

    # Then the term is open with its session, and a second one cannot be opened beside it
    expect(desk.get_by_test_id("term-current-number")).to_have_text("第18届")
    expect(desk.get_by_test_id("term-sessions")).to_contain_text("第18届第1次会议 · 2026-01-15")
    expect(desk.get_by_test_id("term-open")).to_be_disabled()
    snap(desk, "onboard-04-term-open")

    # When they add the implementing unit on the units page, reached from the menu
    desk.get_by_test_id("menu-units").click()
    desk.get_by_test_id("unit-create-open").click()
    desk.get_by_test_id("unit-form-name").fill("前锋镇农业农村办")
    desk.get_by_test_id("unit-form-submit").click()
    expect(desk.get_by_test_id("unit-table")).to_contain_text("前锋镇农业农村办")
    snap(desk, "onboard-05-unit")

    # And they create the year's cycle from the vote's page, with the rules of common practice
    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id("cycle-create-open").click()
    form = desk.get_by_test_id("cycle-form")
    expect(form.get_by_test_id("cycle-form-template")).to_contain_text("按通行做法")
    form.get_by_test_id("cycle-form-year").locator("input").fill("2026")
    form.get_by_test_id("cycle-form-title").fill("2026年度民生实事项目票决")
    form.get_by_test_id("cycle-form-seats").locator("input").fill("5")
    snap(desk, "onboard-06-new-cycle")
    desk.get_by_test_id("cycle-form-submit").click()
    expect(desk).to_have_url(re.compile(r"/voting/cycles/\d+$"))
    expect(desk.get_by_text("2026年度民生实事项目票决").first).to_be_visible()

    # Then the checklist, from the menu, counts three items of six done
    desk.get_by_test_id("menu-setup").click()
    expect(desk.get_by_test_id("setup-done-count")).to_have_text("已完成 3 / 6 项")
    expect(desk.get_by_test_id("setup-progress")).to_have_attribute("aria-valuenow", "50")
    for key, done in (
        ("term", "true"),
        ("roster", "false"),
        ("accounts", "false"),
        ("units", "true"),
        ("stations", "false"),
        ("cycle", "true"),
    ):
        expect(_done(desk, key)).to_have_attribute("data-done", done)
    snap(desk, "onboard-07-checklist-three-done")

    # And the home page still shows it, the congress not yet set up
    desk.get_by_test_id("menu-home").click()
    expect(desk.get_by_test_id("home-setup").get_by_test_id("setup-done-count")).to_have_text(
        "已完成 3 / 6 项"
    )

    # And the term cannot close under the cycle its deputies are still to vote in
    desk.get_by_test_id("menu-terms").click()
    desk.get_by_test_id("term-close").click()
    desk.get_by_test_id("term-close-submit").click()
    expect(desk.get_by_test_id("term-close-error")).to_contain_text("2026年度票决（征集阶段）")
    snap(desk, "onboard-08-term-close-refused")

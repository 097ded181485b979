"""Accounts for a new township's roster in real Chromium, on a township the test provisions in
the live platform's database: its system administrator is refused a duplicate username next to
the field and refused the security administrator's role for themselves; creates an account for
every deputy on the roster; downloads the slips (the PDF read back); a deputy logs in on a phone
with the slip's one-time password and must change it before anything else. Screenshots, each
checked by axe-core, in test-results/screenshots."""

import re

import pytest
from playwright.sync_api import Browser, Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import fill_login, in_live_platform
from tests.e2e.year_steps import change_initial_password, pdf_text, slip_of, tick

from .accounts_world import ADMIN, DEPUTIES, NAME, SLUG
from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "Zhou#2027hy"


def test_the_system_administrator_gives_the_roster_accounts_and_a_deputy_logs_in_with_the_slip(
    live_platform: LivePlatform, s3_endpoint: str, desk: Page, browser: Browser
) -> None:
    in_live_platform("accounts_world.provision()", s3_endpoint)

    # Given the new township's system administrator on 账号与角色
    desk.goto(live_platform.url(SLUG, "/login"))
    fill_login(desk, ADMIN, DEMO_PASSWORD)
    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile(NAME))
    desk.get_by_test_id("menu-accounts").click()
    table = desk.get_by_test_id("member-table")
    expect(table.locator("tr", has_text=ADMIN)).to_contain_text("系统管理员")
    snap(desk, "accounts-01-who-holds-what")

    # When they create an account whose username is taken
    desk.get_by_test_id("account-create-open").click()
    dialog = desk.get_by_test_id("account-create-dialog")
    dialog.get_by_test_id("account-username").fill(ADMIN)
    dialog.get_by_test_id("account-display-name").fill("重名者")
    tick(dialog, "工作人员")
    dialog.get_by_test_id("account-create-submit").click()

    # Then the refusal names the field, and nothing is made
    item = dialog.locator(".el-form-item").filter(has_text="用户名")
    expect(item.locator(".el-form-item__error")).to_have_text("用户名已存在。")
    snap(desk, "accounts-02-duplicate-username")
    dialog.get_by_role("button", name="取消").click()
    expect(dialog).to_be_hidden()

    # When they try to give themselves the security administrator's role
    desk.get_by_test_id(f"member-roles-{ADMIN}").click()
    roles = desk.get_by_test_id("member-roles-dialog")
    tick(roles, "安全管理员")
    roles.get_by_test_id("member-roles-submit").click()

    # Then 三员分立 refuses it
    expect(roles.get_by_test_id("member-roles-error")).to_contain_text(
        "不能为自己授予系统管理员、安全管理员或审计管理员角色"
    )
    snap(desk, "accounts-03-separation-refused")
    roles.get_by_role("button", name="取消").click()

    # When they create accounts for the roster
    desk.get_by_test_id("accounts-from-roster").click()
    desk.get_by_role("dialog").get_by_role("button", name="生成账号").click()

    # Then every deputy has an account, and the slips are offered once
    slips = desk.get_by_test_id("slips-dialog")
    # Each account's password is hashed (argon2) as it is made: slow on a busy machine.
    expect(slips.get_by_test_id("slips-accounts").locator("li")).to_have_count(
        len(DEPUTIES), timeout=30_000
    )
    snap(desk, "accounts-04-slips-offered")
    with desk.expect_download() as downloaded:
        slips.get_by_test_id("slips-download").click()
    assert downloaded.value.suggested_filename == f"{NAME}-账号通知单.pdf"
    text = pdf_text(downloaded.value)
    assert text.count("账号通知单") == len(DEPUTIES)
    assert f"{SLUG}.localhost" in text and "首次登录后" in text
    username, password = slip_of(text, DEPUTIES[0])
    slips.get_by_role("button", name="已打印，关闭").click()
    expect(slips).to_be_hidden()
    row = table.locator("tr", has_text=username)
    expect(row).to_contain_text(DEPUTIES[0])
    expect(row).to_contain_text("人大代表")
    expect(row).to_contain_text("未改初始密码")
    snap(desk, "accounts-05-roster-accounts")

    # When the deputy logs in on a phone with the slip's password
    phone_context = browser.new_context(
        viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True
    )
    try:
        phone = phone_context.new_page()
        phone.goto(live_platform.url(SLUG, "/login"))
        fill_login(phone, username, password)

        # Then they must change it before anything else
        expect(phone.get_by_role("dialog", name="修改密码")).to_contain_text("请先修改密码")
        snap(phone, "accounts-06-deputy-must-change")
        change_initial_password(phone, password, NEW_PASSWORD)
        expect(phone.get_by_test_id("congress-name")).to_have_text(re.compile(NAME))
        snap(phone, "accounts-07-deputy-in")
    finally:
        phone_context.close()

    # And the administrator's list no longer says the one-time password is unchanged
    desk.reload()
    expect(table.locator("tr", has_text=username)).not_to_contain_text("未改初始密码")
    expect(table.locator("tr", has_text=username)).to_contain_text("启用")

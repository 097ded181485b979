"""三员分立 and the party review in real Chromium, on a township the test provisions in the live
platform's database: each of the system, security and audit administrators sees only their own
page in the menu; a staff member who locked herself out is unlocked by the security
administrator, who then resets her password (the slip read back and its one-time password used
to log in, which forces a change) and tightens the password policy; the audit administrator
reads those acts in words, filters them, exports them and verifies the chain; the party
reviewer records 党委审定 with its minutes. Screenshots, each checked by axe-core, in
test-results/screenshots."""

import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import FilePayload, Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import fill_login, in_live_platform, log_in
from tests.factories import PDF

from .admins_world import AUDIT, CANDIDATES, NAME, REVIEWER, SECURITY, SLUG, STAFF, SYSTEM
from .conftest import LivePlatform, Pages, snap
from .year_steps import change_initial_password, date_input, pdf_text, pick_date

pytestmark = pytest.mark.e2e

ADMIN_ENTRIES = ("accounts", "security", "audit")
OWN = {SYSTEM: "accounts", SECURITY: "security", AUDIT: "audit"}
NEW_PASSWORD = "Wang#2027qh"


def _page_as(pages: Pages, live_platform: LivePlatform, username: str) -> Page:
    page = pages.desk()
    log_in(page, live_platform, SLUG, username, congress=NAME)
    return page


def test_the_three_administrators_keep_to_their_own_work_and_the_party_reviews(
    live_platform: LivePlatform, s3_endpoint: str, pages: Pages
) -> None:
    in_live_platform("admins_world.provision()", s3_endpoint)
    admins = {who: _page_as(pages, live_platform, who) for who in (SYSTEM, SECURITY, AUDIT)}

    # Each administrator's menu holds their own page and neither of the other two's
    for who, page in admins.items():
        own = OWN[who]
        expect(page.get_by_test_id(f"menu-{own}")).to_be_visible()
        for other in ADMIN_ENTRIES:
            if other != own:
                expect(page.get_by_test_id(f"menu-{other}")).to_have_count(0)
    snap(admins[SECURITY], "admins-01-security-menu")

    # Given a staff member who mistyped her password five times and is locked out
    staff = pages.desk()
    staff.goto(live_platform.url(SLUG, "/login"))
    for _attempt in range(5):
        with staff.expect_response(lambda r: r.url.endswith("/auth/login")):
            fill_login(staff, STAFF, "Wrong#password1")
    with staff.expect_response(lambda r: r.url.endswith("/auth/login")):
        fill_login(staff, STAFF, DEMO_PASSWORD)
    expect(staff.get_by_test_id("login-error")).to_contain_text("登录失败次数过多")

    # When the security administrator opens 安全保密管理, sees it and unlocks her
    security = admins[SECURITY]
    security.get_by_test_id("menu-security").click()
    expect(security.get_by_test_id(f"locked-{STAFF}")).to_contain_text("已锁定至")
    snap(security, "admins-02-locked-account")
    security.get_by_test_id(f"unlock-{STAFF}").click()
    expect(security.get_by_test_id(f"locked-{STAFF}")).to_have_count(0)

    # Then she logs in with her password
    fill_login(staff, STAFF, DEMO_PASSWORD)
    expect(staff.get_by_test_id("congress-name")).to_have_text(re.compile(NAME))
    security.reload()
    expect(security.get_by_test_id(f"sessions-{STAFF}")).to_contain_text("1 个会话")

    # When the security administrator resets her password
    security.get_by_test_id(f"reset-{STAFF}").click()
    security.locator(".voting-confirm-ok, .el-message-box__btns .el-button--primary").click()
    slips = security.get_by_test_id("slips-dialog")
    expect(slips).to_contain_text("王秀兰")
    snap(security, "admins-03-reset-slip")
    with security.expect_download() as downloaded:
        slips.get_by_test_id("slips-download").click()
    lines = [line.strip() for line in pdf_text(downloaded.value).splitlines()]
    password = lines[lines.index("初始密码") + 1]
    slips.get_by_role("button", name="已打印，关闭").click()

    # Then her session is over, and the slip's password lets her in only to change it
    staff.reload()
    expect(staff.get_by_test_id("login-username")).to_be_visible()
    fill_login(staff, STAFF, password)
    change_initial_password(staff, password, NEW_PASSWORD)

    # And the security administrator asks for 12 characters from now on
    policy = security.get_by_test_id("security-policy")
    policy.get_by_test_id("policy-min-length").locator("input").fill("12")
    policy.get_by_test_id("policy-save").click()
    expect(security.get_by_text("密码策略已保存")).to_be_visible()
    snap(security, "admins-04-policy")

    # The audit administrator reads each of these acts in words, never as a code
    audit = admins[AUDIT]
    audit.get_by_test_id("menu-audit").click()
    table = audit.get_by_test_id("audit-table")
    expect(table).to_contain_text("解除登录锁定")
    expect(table).to_contain_text("重置密码")
    expect(table).to_contain_text("修改密码策略")
    expect(table).not_to_contain_text("user.")
    audit.get_by_test_id("audit-filter-actor").fill("清河镇安全管理员")
    audit.get_by_test_id("audit-search").click()
    # their login and their three acts
    expect(table.get_by_test_id("audit-action")).to_have_count(4)
    snap(audit, "admins-05-audit-filtered")
    with audit.expect_download() as exported:
        audit.get_by_test_id("audit-export").click()
    sheet = load_workbook(io.BytesIO(exported.value.path().read_bytes())).active
    assert sheet is not None
    actions = [str(row[3]) for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(actions) == sorted(["登录", "解除登录锁定", "重置密码", "修改密码策略"])
    audit.get_by_test_id("audit-verify").click()
    expect(audit.get_by_test_id("audit-verify-result")).to_contain_text("审计链完整")
    snap(audit, "admins-06-audit-verified")

    # The party reviewer records 党委审定 on their own page, with the minutes
    reviewer = _page_as(pages, live_platform, REVIEWER)
    expect(reviewer.get_by_test_id("menu-party-review")).to_be_visible()
    for entry in ("accounts", "security", "audit", "voting"):
        expect(reviewer.get_by_test_id(f"menu-{entry}")).to_have_count(0)
    reviewer.get_by_test_id("menu-party-review").click()
    card = reviewer.get_by_test_id("party-review-2027")
    for name in CANDIDATES:
        expect(card.get_by_test_id("party-review-candidates")).to_contain_text(name)
    card.get_by_test_id("party-review-submit").click()
    expect(card.get_by_text("请填写审定日期。")).to_be_visible()
    pick_date(date_input(card, "审定日期"), "2027-01-05")
    card.get_by_test_id("party-review-summary").fill("同意三个候选项目提请票决")
    card.get_by_test_id("party-review-minutes").set_input_files(
        files=[FilePayload(name="党委审定纪要.pdf", mimeType="application/pdf", buffer=PDF)]
    )
    card.get_by_test_id("party-review-submit").click()
    expect(card.get_by_test_id("party-review-records")).to_contain_text("同意三个候选项目提请票决")
    snap(reviewer, "admins-07-party-review")

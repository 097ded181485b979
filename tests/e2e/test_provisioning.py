"""Provisioning from the web app in real Chromium: 东湖区's system administrator opens a township.
A division code that does not belong to 东湖区 is refused next to its field and nothing is made;
the corrected request runs as a Celery task whose progress the dialog follows to the end; the new
township then answers on its own host and its first administrator can log in there. Every page
is screenshotted and checked by axe-core."""

import re

import pytest
from playwright.sync_api import Locator, Page, Response, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import fill_login

from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e

TOWNSHIP = "新桥镇人大主席团"
SLUG = "xinqiao"
ADMIN = "xinqiao-admin"
ADMIN_PASSWORD = "Xq#2026admin"
# A provisioning task builds a whole schema: give it time on a slow machine.
TASK_TIMEOUT_MS = 90_000


def _field(dialog: Locator, label: str) -> Locator:
    return dialog.get_by_label(label, exact=True)


def _field_error(dialog: Locator, label: str) -> Locator:
    item = dialog.locator(".el-form-item").filter(has=dialog.page.get_by_label(label, exact=True))
    return item.locator(".el-form-item__error")


def _visible_slugs(page: Page) -> list[str]:
    """The congresses this host lists, asked of the API by the page itself (its session)."""
    return list(
        page.evaluate(
            "async () => (await (await fetch('/api/v1/congresses?page_size=100')).json())"
            ".results.map((c) => c.slug)"
        )
    )


def _is_job_poll(response: Response) -> bool:
    return re.search(r"/api/v1/provisioning-jobs/\d+$", response.url) is not None


def test_a_county_opens_a_township_and_watches_the_task_finish(
    live_platform: LivePlatform, desk: Page
) -> None:
    # Given 东湖区's system administrator on the list of congresses under 东湖区
    desk.goto(live_platform.url("donghu", "/login"))
    fill_login(desk, "donghu-sys", DEMO_PASSWORD)
    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile("东湖区"))
    desk.get_by_test_id("menu-congresses").click()
    table = desk.get_by_test_id("congress-table")
    expect(table.get_by_text("青石镇人大主席团")).to_be_visible()
    # the county's own parent is named, though the city is not in this host's list
    expect(table.locator("tr", has_text="东湖区人大常委会").first).to_contain_text(
        "云溪市人大常委会"
    )
    snap(desk, "provision-01-congress-list")

    # When they ask for a township whose division code is not 东湖区's (369902…)
    desk.get_by_test_id("provision-open").click()
    dialog = desk.get_by_role("dialog", name="开通人大")
    expect(dialog).to_be_visible()
    _field(dialog, "名称").fill(TOWNSHIP)
    _field(dialog, "域名标识").fill(SLUG)
    _field(dialog, "行政区划代码").fill("369802103")
    _field(dialog, "管理员用户名").fill(ADMIN)
    _field(dialog, "管理员姓名").fill("新桥镇管理员")
    _field(dialog, "管理员初始密码").fill(ADMIN_PASSWORD)
    dialog.get_by_test_id("provision-submit").click()

    # Then the refusal is shown in Chinese next to the field, and nothing was made
    expect(_field_error(dialog, "行政区划代码")).to_have_text(re.compile("应以 369902 开头"))
    expect(dialog.get_by_test_id("provision-progress")).to_have_count(0)
    assert SLUG not in _visible_slugs(desk)
    snap(desk, "provision-02-bad-division-code")

    # When they correct the code and submit again
    polls: list[Response] = []
    desk.on("response", lambda response: polls.append(response) if _is_job_poll(response) else None)
    _field(dialog, "行政区划代码").fill("369902103")
    with desk.expect_response(
        lambda r: r.request.method == "POST" and r.url.endswith("/api/v1/congresses")
    ) as posted:
        dialog.get_by_test_id("provision-submit").click()

    # Then the request is queued as a task and the dialog follows its progress to the end
    assert posted.value.status == 202
    assert posted.value.json()["state"] == "queued"
    progress = dialog.get_by_test_id("provision-progress")
    # the page shows the queued job at once (it looks again a second later)
    expect(progress).to_have_attribute("aria-valuenow", "0")
    expect(dialog.get_by_test_id("provision-step")).to_have_text("排队中 · 排队等候")
    expect(progress).to_have_attribute("aria-valuenow", "100", timeout=TASK_TIMEOUT_MS)
    expect(progress).to_have_class(re.compile(r"\bis-success\b"))
    expect(dialog.get_by_test_id("provision-step")).to_have_text("已完成 · 完成")
    expect(dialog.get_by_test_id("provision-succeeded")).to_contain_text(f"{TOWNSHIP} 已开通")
    states = [poll.json()["state"] for poll in polls]
    assert states and states[-1] == "succeeded", states
    assert set(states[:-1]) <= {"queued", "running"}, states
    snap(desk, "provision-03-done")

    # And the new township is in the list, under 东湖区
    dialog.get_by_role("button", name="完成").click()
    expect(dialog).to_be_hidden()
    expect(table.locator("tr", has_text=TOWNSHIP)).to_contain_text("369902103")
    expect(table.locator("tr", has_text=TOWNSHIP)).to_contain_text("东湖区人大常委会")

    # When the browser opens the township's own host
    desk.goto(live_platform.url(SLUG, "/login"))

    # Then it names the new township, and its first administrator can log in there
    expect(desk.get_by_test_id("login-congress-name")).to_have_text(TOWNSHIP)
    snap(desk, "provision-04-township-login")
    fill_login(desk, ADMIN, ADMIN_PASSWORD)
    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile(TOWNSHIP))
    # a first login must change the initial password before anything else
    expect(desk.get_by_role("dialog", name="修改密码")).to_contain_text("请先修改密码")
    snap(desk, "provision-05-township-admin-logged-in")

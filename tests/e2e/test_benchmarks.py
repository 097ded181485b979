"""选树标杆 from setup to the announcement, in real Chromium.

云溪市 staff set up a selection of outstanding deputies (one place; leaders and standing-committee
members excluded by default) and open nominations. 柳塘镇 nominates one of its deputies, picked
from its directory listing, on its page: declaring the nominee a leader is refused with the
reason, the corrected form goes through. 青石镇 nominates one of its own through the API. The
city closes nominations, scores both on the score sheet, tries to select both (refused: one
place) and selects the higher. It starts the public notice (公示) and announces the result;
柳塘镇 sees the list on notice and then announced, and the city's public portal lists it.

The server's clock cannot be moved from here, so the notice period is entered as one that has
just ended (the service announces only after the notice period is over).
"""

import datetime as dt
import json

import pytest
from playwright.sync_api import Page, expect

from tenants.demo.data import MINUTES_PDF
from tests.e2e.helpers import congresses_below, log_in
from tests.e2e.helpers import page_api as _api

from .conftest import LivePlatform, Pages, snap
from .year_steps import date_input, pick_date

pytestmark = pytest.mark.e2e

CITY, TOWN, OTHER_TOWN = "yunxi", "liutang", "qingshi"
TITLE = "2026年度优秀基层人大代表评选（端到端）"
TODAY = dt.date.today()


def _open_round_page(page: Page, platform: LivePlatform, slug: str) -> None:
    page.goto(platform.url(slug, "/benchmarks"))
    row = page.get_by_test_id("benchmark-rounds").locator("tbody tr").filter(has_text=TITLE)
    row.get_by_role("link").click()
    expect(page.get_by_test_id("round-title")).to_have_text(TITLE)


def _score(city: Page, nominee: str, values: list[str]) -> None:
    city.get_by_test_id(f"score-{nominee}").click()
    sheet = city.get_by_test_id("score-sheet")
    expect(sheet).to_contain_text(nominee)
    for index, value in enumerate(values):
        sheet.get_by_test_id(f"score-value-{index}").locator("input").fill(value)
    return None


def test_a_benchmark_round_from_nomination_to_announcement(
    live_platform: LivePlatform, pages: Pages
) -> None:
    live_platform.fetch(CITY, "/login").read()  # the first request loads the app in the workers
    city = pages.desk()
    log_in(city, live_platform, CITY, "yunxi-staff", congress="云溪市")

    # Setup: the kind's default criteria (weights 100) and exclusions come with the form.
    city.goto(live_platform.url(CITY, "/benchmarks"))
    city.get_by_test_id("benchmark-create").click()
    form = city.get_by_test_id("benchmark-form")
    form.get_by_test_id("benchmark-title").fill(TITLE)
    form.get_by_test_id("benchmark-quota").locator("input").fill("1")
    pick_date(date_input(form, "推荐开始日期"), str(TODAY - dt.timedelta(days=1)))
    pick_date(date_input(form, "推荐截止日期"), str(TODAY + dt.timedelta(days=20)))
    expect(form.get_by_test_id("benchmark-weight-sum")).to_contain_text("100")
    expect(form.get_by_test_id("benchmark-exclusions")).to_contain_text("领导干部")
    snap(city, "benchmarks-01-city-sets-up-the-round")
    form.get_by_test_id("benchmark-save").click()
    expect(city.get_by_test_id("round-title")).to_have_text(TITLE)
    city.get_by_test_id("round-open").click()
    expect(city.get_by_test_id("round-state")).to_have_text("推荐")
    snap(city, "benchmarks-02-nominations-open")

    # 柳塘镇 nominates: a leader is refused with the reason, then the real nominee.
    town = pages.desk()
    log_in(town, live_platform, TOWN, "liutang-staff", congress="柳塘镇")
    _open_round_page(town, live_platform, TOWN)
    nomination = town.get_by_test_id("nomination-form")
    # The nominee is one of 柳塘镇's deputies, picked from its directory listing.
    nomination.get_by_test_id("nomination-nominee").click()
    first = town.locator(".el-select-dropdown__item:visible").first
    expect(first).to_be_visible()
    chosen = first.inner_text().split("（")[0].strip()
    first.click()
    nomination.get_by_test_id("nomination-statement").fill("分管民生实事项目。")
    nomination.get_by_test_id("declaration-leader-yes").click()
    nomination.get_by_test_id("declaration-standing_committee-no").click()
    nomination.get_by_test_id("declaration-disciplined-no").click()
    town.get_by_test_id("nomination-submit").click()
    expect(town.get_by_test_id("round-error")).to_contain_text("领导干部不参加优秀代表评选")
    snap(town, "benchmarks-03-township-leader-refused")
    nomination.get_by_test_id("nomination-statement").fill(
        "扎根乡村二十年，每月到联络站接待群众，推动卫生院门诊楼改造列入民生实事项目。"
    )
    nomination.get_by_test_id("declaration-leader-no").click()
    nomination.get_by_test_id("nomination-file").set_input_files(
        {"name": "陈春梅事迹材料.pdf", "mimeType": "application/pdf", "buffer": MINUTES_PDF}
    )
    expect(nomination).to_contain_text("陈春梅事迹材料.pdf")
    town.get_by_test_id("nomination-submit").click()
    expect(town.get_by_test_id("nomination-list")).to_contain_text(chosen)
    expect(town.get_by_test_id("nomination-list")).to_contain_text("陈春梅事迹材料.pdf")
    expect(town.get_by_test_id("nomination-list").locator("tbody tr")).to_have_count(1)
    snap(town, "benchmarks-04-township-nominated")

    other = pages.desk()
    log_in(other, live_platform, OTHER_TOWN, "qingshi-staff", congress="青石镇")
    round_id = next(
        r["id"] for r in _api(other, "GET", "supervision/rounds") if r["title"] == TITLE
    )
    options = _api(other, "GET", f"supervision/rounds/{round_id}/nominee-options")
    other_name = options[0]["name"]
    _api(
        other,
        "POST",
        f"supervision/rounds/{round_id}/nominations",
        {
            "nominee_ref": options[0]["ref"],
            "statement": "组织代表小组开展农田水利专题调研。",
            "declarations": {"leader": False, "standing_committee": False, "disciplined": False},
        },
    )
    # A township sees its own nomination only.
    town.reload()
    expect(town.get_by_test_id("nomination-list")).not_to_contain_text(other_name)

    # Review: close, score both, the ranking.
    city.reload()
    expect(city.get_by_test_id("nomination-list")).to_contain_text(other_name)
    city.get_by_test_id("round-close").click()
    expect(city.get_by_test_id("round-state")).to_have_text("评审")
    _score(city, chosen, ["95", "90", "92", "88"])
    snap(city, "benchmarks-05-score-sheet")
    city.get_by_test_id("score-save").click()
    expect(city.get_by_test_id("score-sheet")).to_be_hidden()
    _score(city, other_name, ["85", "80", "82", "90"])
    city.get_by_test_id("score-save").click()
    expect(city.get_by_test_id("score-sheet")).to_be_hidden()
    ranking = city.get_by_test_id("ranking")
    expect(ranking.locator("tbody tr").first).to_contain_text(chosen)

    # The decision: both is beyond the quota of one; the higher score is selected.
    for name in (chosen, other_name):
        ranking.locator("tbody tr").filter(has_text=name).locator(".el-checkbox").click()
    city.get_by_test_id("round-decide").click()
    expect(city.get_by_test_id("round-error")).to_contain_text("入选数量超过评选名额")
    snap(city, "benchmarks-06-quota-refused")
    ranking.locator("tbody tr").filter(has_text=other_name).locator(".el-checkbox").click()
    city.get_by_test_id("round-decide").click()
    expect(city.get_by_test_id("round-state")).to_have_text("已决定")

    # 公示, seen by the township, then the announcement.
    pick_date(date_input(city, "公示开始日期"), str(TODAY - dt.timedelta(days=7)))
    pick_date(date_input(city, "公示结束日期"), str(TODAY - dt.timedelta(days=1)))
    city.get_by_test_id("round-publicity").click()
    expect(city.get_by_test_id("round-state")).to_have_text("公示")
    town.reload()
    expect(town.get_by_test_id("round-result")).to_contain_text(chosen)
    snap(town, "benchmarks-07-township-sees-the-notice")
    city.get_by_test_id("round-announce").click()
    expect(city.get_by_test_id("round-state")).to_have_text("已公布")
    snap(city, "benchmarks-08-announced")

    town.reload()
    expect(town.get_by_test_id("round-state")).to_have_text("已公布")
    expect(town.get_by_test_id("round-result")).to_contain_text(chosen)
    expect(town.get_by_test_id("round-result")).not_to_contain_text(other_name)
    snap(town, "benchmarks-09-township-sees-the-announcement")

    portal = json.loads(live_platform.fetch(CITY, "/api/v1/public/benchmarks").read())
    announced = next(r for r in portal if r["title"] == TITLE)
    assert [line["nominee_name"] for line in announced["lines"]] == [chosen]


def test_a_notice_is_read_in_a_township_and_the_city_sees_the_receipt(
    live_platform: LivePlatform, pages: Pages
) -> None:
    title = "关于做好代表联络站接待日公示工作的通知（端到端）"
    city = pages.desk()
    log_in(city, live_platform, CITY, "yunxi-staff", congress="云溪市")
    city.goto(live_platform.url(CITY, "/guidance"))
    city.get_by_test_id("guidance-compose").click()
    form = city.get_by_test_id("guidance-form")
    form.get_by_test_id("guidance-title").fill(title)
    form.get_by_test_id("guidance-reference").fill("云人常〔2026〕15号")
    form.get_by_test_id("guidance-body").fill("各乡镇联络站接待日须提前3天公示接待代表和地点。")
    form.get_by_test_id("guidance-file").set_input_files(
        {"name": "接待日公示样式.pdf", "mimeType": "application/pdf", "buffer": MINUTES_PDF}
    )
    expect(form).to_contain_text("接待日公示样式.pdf")
    snap(city, "guidance-01-city-composes")
    townships = len(congresses_below(CITY, level="township"))  # the notice's default scope
    city.get_by_test_id("guidance-send").click()
    row = city.get_by_test_id("guidance-issued").locator("tbody tr").filter(has_text=title)
    expect(row).to_contain_text(f"0 / {townships}")

    town = pages.desk()
    log_in(town, live_platform, TOWN, "liutang-staff", congress="柳塘镇")
    town.goto(live_platform.url(TOWN, "/guidance"))
    received = town.get_by_test_id("guidance-received").locator("tbody tr").filter(has_text=title)
    received.get_by_role("button").click()
    reader = town.get_by_test_id("guidance-reader")
    expect(reader).to_contain_text("提前3天公示")
    expect(reader).to_contain_text("接待日公示样式.pdf")
    snap(town, "guidance-02-township-reads")

    city.reload()
    row = city.get_by_test_id("guidance-issued").locator("tbody tr").filter(has_text=title)
    expect(row).to_contain_text(f"1 / {townships}")
    row.get_by_role("button").click()
    receipts = city.get_by_test_id("guidance-receipt-table")
    expect(receipts.locator("tbody tr").filter(has_text="柳塘镇")).to_contain_text("柳塘镇工作人员")
    expect(receipts.locator("tbody tr").filter(has_text="白沙乡")).to_contain_text("尚未阅读")
    snap(city, "guidance-03-city-sees-receipts")

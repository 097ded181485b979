"""评估 in real Chromium: a township's year-end satisfaction vote and its public account, on a
congress the test provisions itself.

测评乡 (its own city, county and township, provisioned by the real service) has this year's
three projects voted and implemented, the evaluation ready to open with the default rule (满意 >=
half of all 12 deputies; 满意 + 基本满意 >= half: 基本满意) and the public's online rating
offered. Staff open it; three deputies rate on a 375 px phone, five more through the
API; a citizen rates on the public account page (counted apart); staff close it; the results show
满意, 基本满意 and 不满意; a deputy checks their receipt; the public account shows each project's
target, money and result, and its PDF downloads. Every step is screenshotted and checked by axe.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import cycle_in_url, log_in, world_ids
from tests.e2e.helpers import page_api as _api
from tests.e2e.year_steps import mark_ballot

from .conftest import LivePlatform, Pages, snap
from .evaluation_world import ACCOUNTS, PROJECTS, TOWN, TOWN_SHORT, YEAR

pytestmark = pytest.mark.e2e

SLUG = TOWN
NAMES = [p[0] for p in PROJECTS]
VOTERS = [f"{TOWN}-d{i}" for i in range(1, ACCOUNTS + 1)]
PHONE_VOTERS, API_VOTERS = VOTERS[:3], VOTERS[3:]
LABEL = {"satisfied": "满意", "basic": "基本满意", "unsatisfied": "不满意", "abstain": "弃权"}


def marks_of(voter: int) -> list[str]:
    """Eight voters of twelve (half = 6). Project 1: 8 满意 -> 满意. Project 2: 4 满意 + 3 基本满意
    -> 基本满意. Project 3: 2 满意 + 2 基本满意 + 3 不满意 + 1 弃权 -> 不满意."""
    second = "satisfied" if voter < 4 else "basic" if voter < 7 else "unsatisfied"
    third = [
        "satisfied",
        "satisfied",
        "basic",
        "basic",
        "unsatisfied",
        "unsatisfied",
        "unsatisfied",
        "abstain",
    ][voter]
    return ["satisfied", second, third]


def test_deputies_rate_at_year_end_on_phones_and_the_public_account_shows_the_result(
    live_platform: LivePlatform,
    s3_endpoint: str,
    desk: Page,
    pages: Pages,
) -> None:
    prepared = world_ids("evaluation_world.provision()", s3_endpoint)["cycle"]

    # Staff find the year ready for evaluation and open it with the rules as set.
    log_in(desk, live_platform, SLUG, f"{TOWN}-staff", congress=TOWN_SHORT)
    desk.get_by_test_id("menu-voting-evaluations").click()
    expect(desk.get_by_test_id(f"evaluation-phase-{YEAR}")).to_have_text("实施监督", timeout=15_000)
    snap(desk, "evaluation-01-years")
    desk.get_by_test_id(f"evaluation-manage-{YEAR}").click()
    expect(desk.get_by_test_id("evaluation-projects").locator("li")).to_have_text(NAMES)
    expect(desk.get_by_test_id("rules-rule-type")).to_contain_text("过半数")
    expect(desk.get_by_test_id("rules-public-rating").locator("input")).to_be_checked()
    cycle_id = cycle_in_url(desk, below="/evaluation")
    assert cycle_id == prepared
    snap(desk, "evaluation-02-rules")
    desk.get_by_test_id("evaluation-open").click()
    expect(desk.get_by_role("dialog")).to_contain_text("规则即确定")
    snap(desk, "evaluation-03-open-confirm")
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("evaluation-phase")).to_have_text("评估")
    expect(desk.get_by_test_id("evaluation-rules-fixed")).to_be_visible()
    expect(desk.get_by_test_id("evaluation-progress")).to_contain_text("已测评 0 人")
    snap(desk, "evaluation-04-open")

    # Three deputies rate on their phones.
    receipts = []
    phones = [pages.phone() for _ in PHONE_VOTERS]
    for voter, (page, username) in enumerate(zip(phones, PHONE_VOTERS, strict=True)):
        log_in(page, live_platform, SLUG, username, congress=TOWN_SHORT)
        page.goto(live_platform.url(SLUG, f"/voting/cycles/{cycle_id}/rate"))
        form = page.get_by_test_id("rate-form")
        expect(form).to_be_visible()
        marks = zip(NAMES, marks_of(voter), strict=True)
        mark_ballot(form, ((n, re.compile(f"^{LABEL[m]}$")) for n, m in marks), of="测评")
        expect(page.get_by_test_id("rate-unanswered")).to_have_count(0)
        if voter == 0:
            snap(page, "evaluation-05-phone-ballot")
        page.get_by_test_id("rate-submit").click()
        expect(page.get_by_role("dialog")).to_contain_text("不能修改")
        page.locator(".voting-confirm-ok").click()
        receipt = page.get_by_test_id("rate-receipt")
        expect(receipt).to_have_text(re.compile(r"\S{16,}"))
        receipts.append(receipt.inner_text().strip())
        if voter == 0:
            snap(page, "evaluation-06-phone-receipt")

    # Five more through the API, each from their own browser.
    for offset, username in enumerate(API_VOTERS, start=len(PHONE_VOTERS)):
        page = pages.open()
        log_in(page, live_platform, SLUG, username, congress=TOWN_SHORT)
        state = _api(page, "GET", f"voting/cycles/{cycle_id}/evaluation")
        ballot = {str(p["id"]): m for p, m in zip(state["projects"], marks_of(offset), strict=True)}
        _api(page, "POST", f"voting/rounds/{state['round']['id']}/ballots", {"choices": ballot})

    # A citizen rates on the public account page: counted apart from the deputies.
    citizen = pages.phone()
    citizen.goto(live_platform.url(SLUG, f"/portal/account/{YEAR}"))
    expect(citizen.get_by_test_id("account-not-evaluated")).to_be_visible()
    rate_card = citizen.get_by_test_id("account-rate")
    rate_card.get_by_role("radiogroup", name=NAMES[0]).locator("label").filter(
        has_text=re.compile("^满意$")
    ).click()
    citizen.get_by_test_id("account-rate-submit").click()
    expect(citizen.get_by_test_id("account-thanks")).to_be_visible()
    expect(citizen.get_by_test_id("account-public-1")).to_contain_text("满意 1")
    snap(citizen, "evaluation-07-public-rates")

    # Staff see the count, never a choice, and close.
    expect(desk.get_by_test_id("evaluation-progress")).to_contain_text("已测评 8 人")
    expect(desk.get_by_test_id("evaluation-results")).to_have_count(0)
    snap(desk, "evaluation-08-live-count")
    desk.get_by_test_id("evaluation-close").click()
    expect(desk.get_by_role("dialog")).to_contain_text("整改")
    desk.locator(".voting-confirm-ok").click()
    results = desk.get_by_test_id("evaluation-results")
    expect(results).to_be_visible()
    expect(desk.get_by_test_id("evaluation-outcome-1")).to_have_text("满意")
    expect(desk.get_by_test_id("evaluation-outcome-2")).to_have_text("基本满意")
    expect(desk.get_by_test_id("evaluation-outcome-3")).to_have_text("不满意")
    expect(desk.get_by_test_id("evaluation-results-summary")).to_contain_text("12")
    # The public's one 满意 shows in its own column, not in the deputies' 8.
    expect(results.locator("tbody tr").first).to_contain_text("满意 1")
    snap(desk, "evaluation-09-results")

    # A deputy sees the results and that their ballot was counted.
    phone = phones[0]
    phone.reload()
    expect(phone.get_by_test_id("rate-results")).to_be_visible()
    # Each mark with its share of the valid marks: all 8 rated the first project 满意.
    expect(phone.get_by_test_id("rate-result-shares-1")).to_contain_text("满意 8 票（100.00%）")
    phone.get_by_test_id("rate-receipt-input").fill(receipts[0])
    phone.get_by_test_id("rate-receipt-submit").click()
    expect(phone.get_by_test_id("rate-receipt-result")).to_have_text("您的选票已计入。")
    snap(phone, "evaluation-10-phone-results-receipt")

    # The public account shows the result, the money and the target; the PDF downloads.
    citizen.reload()
    expect(citizen.get_by_test_id("account-result-1")).to_have_text("满意")
    expect(citizen.get_by_test_id("account-result-2")).to_have_text("基本满意")
    expect(citizen.get_by_test_id("account-result-3")).to_have_text("不满意")
    expect(citizen.get_by_test_id("account-counts-1")).to_contain_text("满意 8")
    expect(citizen.get_by_test_id("account-money-1")).to_contain_text("180.00")
    expect(citizen.get_by_test_id("account-lines")).to_contain_text(PROJECTS[0][5])
    expect(citizen.get_by_test_id("account-rate")).to_have_count(0)
    snap(citizen, "evaluation-11-public-account")
    pdf = live_platform.fetch(SLUG, f"/api/v1/public/voting/accounts/{YEAR}/pdf")
    assert pdf.headers["Content-Type"] == "application/pdf"
    assert pdf.read().startswith(b"%PDF")

"""民生实事项目票决 in real Chromium, from the staff console to the hall screen, on a congress
the test provisions itself.

票决镇 (its own city, county and township, provisioned by the real service; thirteen deputies,
next year's vote prepared up to 审议). Its staff open the vote (twelve candidates for ten
projects, rules as prepared); nine of its thirteen deputies sign in (three on the phone page,
six through the API from their own logged-in browser); the chair opens the round once the quorum
(2/3) is met; three deputies vote on a 375 px phone and the chair's live count reaches 3 without
showing any content; the other six vote through the API; the chair ends the vote and the result
table and the hall screen list the ten adopted projects in rank order; a deputy checks their
receipt and sees it counted. Every step is screenshotted and checked by axe-core.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import cycle_in_url, log_in, world_ids
from tests.e2e.helpers import page_api as _api
from tests.e2e.year_steps import mark_ballot

from .conftest import LivePlatform, Pages, snap
from .voting_world import ACCOUNTS, CANDIDATES, TOWN, TOWN_SHORT, YEAR

pytestmark = pytest.mark.e2e

SLUG = TOWN
DEPUTIES = [f"{TOWN}-d{i}" for i in range(1, ACCOUNTS + 1)]  # nine of thirteen
PHONE_VOTERS, API_VOTERS = DEPUTIES[:3], DEPUTIES[3:]
NAMES = [c[0] for c in CANDIDATES]

# Phone voters: 赞成 on candidates 1-10, 反对 on 11 and 12.
PHONE_CHOICES = {seq: ("yes" if seq <= 10 else "no") for seq in range(1, 13)}


def api_choices(voter: int) -> dict[int, str]:
    """The API voters' ballots: candidate 1 gets 反对 from two, candidate 2 from one, candidate
    11 赞成 from all six and candidate 12 弃权. Totals (13 entitled, more than half = 7 needed):
    3-10 have 9 赞成, 2 has 8, 1 has 7 (passes), 11 has 6 (fails), 12 none."""
    choices = dict.fromkeys(range(1, 12), "yes")
    choices[12] = "abstain"
    if voter < 2:
        choices[1] = "no"
    if voter < 1:
        choices[2] = "no"
    return choices


# Rank order: 9 赞成 (ballot order 3…10), then 2 (8), then 1 (7).
EXPECTED_ADOPTED = [*NAMES[2:10], NAMES[1], NAMES[0]]
CHOICE_LABEL = {"yes": "赞成", "no": "反对", "abstain": "弃权"}


def _log_in(page: Page, platform: LivePlatform, username: str) -> None:
    log_in(page, platform, SLUG, username, congress=TOWN_SHORT)
    # The world's accounts keep their password: no first-login dialog covers the page.
    assert _api(page, "GET", "auth/session")["user"]["must_change_password"] is False


def test_staff_open_the_vote_deputies_vote_by_phone_and_the_hall_sees_the_result(
    live_platform: LivePlatform,
    s3_endpoint: str,
    desk: Page,
    phone: Page,
    pages: Pages,
) -> None:
    prepared = world_ids("voting_world.provision()", s3_endpoint)["cycle"]

    # Staff open the vote, rules as prepared (差额: twelve candidates for ten seats).
    _log_in(desk, live_platform, f"{TOWN}-staff")
    desk.get_by_test_id("menu-voting").click()
    # Prepared, not yet voting (the world leaves it at 审议).
    expect(desk.get_by_test_id(f"voting-cycle-phase-{YEAR}")).not_to_have_text("票决")
    snap(desk, "voting-01-cycles")
    desk.get_by_test_id(f"voting-manage-{YEAR}").click()
    expect(desk.get_by_test_id("voting-candidates").locator("tbody tr")).to_have_count(
        12, timeout=15_000
    )
    expect(desk.get_by_test_id("voting-phase")).not_to_have_text("票决")
    expect(desk.get_by_test_id("rules-ballot-form")).to_contain_text("逐项表决")
    expect(desk.get_by_test_id("rules-threshold-0-base")).to_contain_text("全体代表")
    expect(desk.get_by_test_id("rules-quorum-comparison")).to_contain_text("达到")
    cycle_id = cycle_in_url(desk)
    assert cycle_id == prepared
    snap(desk, "voting-02-cycle-before-vote")

    desk.get_by_test_id("voting-open-voting").click()
    expect(desk.get_by_role("dialog")).to_contain_text("规则即确定")
    snap(desk, "voting-03-open-vote-confirm")
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("票决")
    expect(desk.get_by_test_id("voting-rules-fixed")).to_be_visible()
    expect(desk.get_by_test_id("voting-open-voting")).to_have_count(0)
    expect(desk.get_by_test_id("candidate-form")).to_have_count(0)
    snap(desk, "voting-04-cycle-vote-phase")

    # The chair: nobody present yet, no quorum.
    desk.get_by_test_id("voting-go-chair").click()
    expect(desk.get_by_test_id("chair-entitled")).to_have_text("13")
    expect(desk.get_by_test_id("chair-present")).to_have_text("0")
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("未达到法定人数")
    snap(desk, "voting-05-chair-no-quorum")

    ballot_path = f"/voting/cycles/{cycle_id}/ballot"
    # Three deputies sign in on their phones; the page waits for the round.
    phones = [phone] + [pages.phone() for _ in PHONE_VOTERS[1:]]
    for i, (page, username) in enumerate(zip(phones, PHONE_VOTERS, strict=True)):
        _log_in(page, live_platform, username)
        page.goto(live_platform.url(SLUG, ballot_path))
        page.get_by_test_id("ballot-sign-in").click()
        expect(page.get_by_test_id("ballot-signed-in")).to_be_visible()
        expect(page.get_by_test_id("ballot-no-round")).to_be_visible()
        if i == 0:
            snap(page, "voting-06-phone-signed-in-waiting")

    # Six more sign in through the API, each from their own logged-in browser.
    api_pages = []
    for username in API_VOTERS:
        page = pages.open()
        _log_in(page, live_platform, username)
        _api(page, "POST", f"voting/cycles/{cycle_id}/sign-in")
        api_pages.append(page)

    # The chair sees nine present, the quorum met (9 of 13 ≥ 2/3), and opens the round.
    expect(desk.get_by_test_id("chair-present")).to_have_text("9")
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("已达到法定人数")
    snap(desk, "voting-07-chair-quorum-met")
    desk.get_by_test_id("chair-open-round").click()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("投票中")
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text("0")
    snap(desk, "voting-08-chair-round-open")

    # The hall screen, on its own display.
    screen = desk.context.new_page()
    screen.goto(live_platform.url(SLUG, f"/voting/cycles/{cycle_id}/screen"))
    expect(screen.get_by_test_id("screen-state")).to_contain_text("投票中")
    expect(screen.get_by_test_id("screen-present")).to_have_text("9")
    expect(screen.get_by_test_id("screen-cast")).to_have_text("0")
    snap(screen, "voting-09-screen-open")

    # Three deputies vote on their phones, each group of choices named by its project.
    receipts = []
    for i, page in enumerate(phones):
        form = page.get_by_test_id("ballot-form")
        expect(form).to_be_visible()
        mark_ballot(form, ((NAMES[s - 1], CHOICE_LABEL[c]) for s, c in PHONE_CHOICES.items()))
        expect(page.get_by_test_id("ballot-unanswered")).to_have_count(0)
        if i == 0:
            snap(page, "voting-10-phone-ballot-filled")
        page.get_by_test_id("ballot-submit").click()
        expect(page.get_by_role("dialog")).to_contain_text("不能修改")
        if i == 0:
            snap(page, "voting-11-phone-submit-confirm")
        page.locator(".voting-confirm-ok").click()
        receipt = page.get_by_test_id("ballot-receipt")
        expect(receipt).to_have_text(re.compile(r"\S{16,}"))
        receipts.append(receipt.inner_text().strip())
        if i == 0:
            snap(page, "voting-12-phone-receipt")
    assert len(set(receipts)) == 3

    # A deputy who comes back is told they have voted; the receipt is not shown again.
    phones[1].reload()
    expect(phones[1].get_by_test_id("ballot-already-voted")).to_be_visible()
    expect(phones[1].get_by_test_id("ballot-receipt")).to_have_count(0)
    expect(phones[1].get_by_test_id("ballot-form")).to_have_count(0)
    snap(phones[1], "voting-13-phone-already-voted")

    # The chair's live count reaches 3: a number, never a choice.
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text("3")
    expect(desk.get_by_test_id("chair-result")).to_have_count(0)
    expect(desk.get_by_text("赞成")).to_have_count(0)
    snap(desk, "voting-14-chair-live-count")

    # The other six vote through the API.
    rounds = _api(api_pages[0], "GET", f"voting/cycles/{cycle_id}/rounds")
    open_round = next(r for r in rounds if r["state"] == "open")
    ids = {c["sequence"]: c["id"] for c in open_round["candidates"]}
    for voter, page in enumerate(api_pages):
        ballot = {str(ids[seq]): choice for seq, choice in api_choices(voter).items()}
        cast = _api(page, "POST", f"voting/rounds/{open_round['id']}/ballots", {"choices": ballot})
        assert cast["receipt"]
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text("9")
    expect(screen.get_by_test_id("screen-cast")).to_have_text("9")

    # The chair ends the vote.
    desk.get_by_test_id("chair-close-round").click()
    expect(desk.get_by_role("dialog")).to_contain_text("立即计票")
    snap(desk, "voting-15-chair-close-confirm")
    desk.locator(".voting-confirm-ok").click()
    table = desk.get_by_test_id("chair-result")
    expect(table).to_be_visible()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("已结束")
    expect(desk.get_by_test_id("chair-turnout")).to_have_text("应到 13 人，实到 9 人，投票 9 人")
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(12)
    expect(table.locator(".result-name")).to_have_text([*EXPECTED_ADOPTED, NAMES[10], NAMES[11]])
    expect(table.get_by_test_id("result-adopted")).to_have_count(10)
    # 赞成/反对/弃权 of the first (9/0/0), the tenth (candidate 1: 7/2/0) and the last (0/3/6),
    # each with its share (票决率) of the 13 deputies.
    expect(rows.nth(0).locator("td")).to_have_text(
        [re.compile("1"), NAMES[2], "9", "0", "0", "69.23%", "通过"]
    )
    expect(rows.nth(9).locator("td")).to_have_text(
        [re.compile("10"), NAMES[0], "7", "2", "0", "53.85%", "通过"]
    )
    expect(rows.nth(10).locator("td")).to_have_text(
        [re.compile("11"), NAMES[10], "6", "3", "0", "46.15%", "未通过"]
    )
    expect(rows.nth(11).locator("td")).to_have_text(
        [re.compile("12"), NAMES[11], "0", "3", "6", re.compile(r"^0(\.00)?%$"), "未通过"]
    )
    expect(desk.get_by_test_id("chair-next-round")).to_have_count(0)
    expect(desk.get_by_test_id("chair-open-round")).to_have_count(0)
    snap(desk, "voting-16-chair-result")

    # The hall screen lists the adopted projects in rank order with their 赞成 votes.
    expect(screen.get_by_test_id("screen-state")).to_contain_text("已结束")
    adopted = screen.get_by_test_id("screen-adopted").locator("li")
    expect(adopted.locator(".screen__name")).to_have_text(EXPECTED_ADOPTED)
    expect(adopted.locator(".screen__votes")).to_have_text(
        ["赞成 9 票"] * 8 + ["赞成 8 票", "赞成 7 票"]
    )
    snap(screen, "voting-17-screen-result")

    # A deputy checks their receipt: counted, and nothing about how they voted.
    holder = phones[0]
    holder.get_by_test_id("receipt-input").fill(receipts[0])
    holder.get_by_test_id("receipt-check-submit").click()
    expect(holder.get_by_test_id("receipt-result")).to_have_text(re.compile("已计入"))
    snap(holder, "voting-18-phone-receipt-counted")

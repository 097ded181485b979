"""A township's paper session in real Chromium, on a congress the test provisions itself.

点名镇 (its own city, county and township, provisioned by the real service; six deputies, the
2027 vote ready: two candidates for one project, paper and e-ballots together). Nobody signs in
on a phone: staff take the roll call on the chair's console by ticking four names and scanning
a late deputy's card at the door; the sixth is absent. The chair opens the round at the quorum
(5 of 6 ≥ 2/3); the roll closes. On the issue list the absent deputy is shown as not signed in
and offered no ballot; staff issue three paper ballots; two deputies vote on 375 px phones; the
two tellers each enter the count; the chair ends the vote, and the result counts paper and
e-ballots together. Every step is screenshotted and checked by axe-core.
"""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import log_in, world_ids
from tests.e2e.helpers import page_api as _api
from tests.e2e.year_steps import mark_ballot

from .conftest import LivePlatform, Pages, snap
from .rollcall_world import CANDIDATES, DEPUTIES, PHONE_VOTERS, TOWN

pytestmark = pytest.mark.e2e

PRESENT, ABSENT = DEPUTIES[:5], DEPUTIES[5]
PAPER = DEPUTIES[2:5]


def test_staff_take_the_roll_issue_paper_ballots_and_the_round_counts_paper_with_e_ballots(
    live_platform: LivePlatform,
    s3_endpoint: str,
    desk: Page,
    pages: Pages,
) -> None:
    cycle_id = world_ids("rollcall_world.provision()", s3_endpoint)["cycle"]

    # The chair's console: six entitled, nobody present, no quorum; the roll call below.
    desk.set_default_timeout(30_000)
    log_in(desk, live_platform, TOWN, f"{TOWN}-staff", congress="点名镇")
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle_id}/chair"))
    expect(desk.get_by_test_id("chair-entitled")).to_have_text("6")
    expect(desk.get_by_test_id("chair-present")).to_have_text("0")
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("未达到法定人数")
    roll = desk.get_by_test_id("roll-call")
    expect(roll.get_by_test_id("roll-entitled")).to_have_text("6")
    expect(roll.get_by_test_id("roll-present")).to_have_text("0")
    table = roll.get_by_test_id("roll-table")
    expect(table.locator("tbody tr")).to_have_count(6)
    snap(desk, "rollcall-01-chair-roll-empty")

    # Staff tick four deputies who came, and confirm.
    for name in PRESENT[:4]:
        table.locator("tbody tr").filter(has_text=name).locator(".el-checkbox").click()
    expect(roll.get_by_test_id("roll-mark")).to_contain_text("4")
    snap(desk, "rollcall-02-roll-ticked")
    roll.get_by_test_id("roll-mark").click()
    expect(roll.get_by_test_id("roll-present")).to_have_text("4")

    # The fifth arrives late and is scanned at the door: the scanner types the card's code into
    # the field, ending with Enter.
    roll.get_by_role("tab", name="扫码签到").click()
    roll.get_by_test_id("roll-cards").click()
    dialog = desk.get_by_role("dialog")
    expect(dialog.get_by_test_id("roll-cards-list").locator("li")).to_have_count(6)
    snap(desk, "rollcall-03-deputy-cards")
    dialog.get_by_role("button", name=re.compile("关闭|Close")).click()
    expect(dialog).to_be_hidden()
    cards = {
        c["name"]: c["token"]
        for c in _api(desk, "GET", f"voting/cycles/{cycle_id}/roll-call/cards")
    }
    field = roll.get_by_test_id("roll-card-input")
    field.fill(cards[PRESENT[4]])
    field.press("Enter")
    expect(roll.get_by_test_id("roll-card-result")).to_have_text(f"{PRESENT[4]} 已签到")
    expect(roll.get_by_test_id("roll-present")).to_have_text("5")
    expect(desk.get_by_test_id("chair-present")).to_have_text("5")
    snap(desk, "rollcall-04-card-scanned")
    roll.get_by_role("tab", name="按名单").click()
    expect(desk.get_by_test_id("chair-present")).to_have_text("5")
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("已达到法定人数")
    absent_row = table.locator("tbody tr").filter(has_text=ABSENT)
    expect(absent_row.get_by_test_id("roll-state")).to_have_text("未签到")
    for name in PRESENT:
        row = table.locator("tbody tr").filter(has_text=name)
        expect(row.get_by_test_id("roll-state")).to_have_text("已签到")
    snap(desk, "rollcall-05-roll-taken-quorum-met")

    # The chair opens the round: attendance is frozen and the roll says so.
    desk.get_by_test_id("chair-open-round").click()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("投票中")
    expect(roll.get_by_test_id("roll-closed")).to_contain_text("签到已截止")
    expect(roll.get_by_test_id("roll-mark")).to_have_count(0)

    # The issue list: who is present; the absent deputy is offered no ballot.
    paper = desk.get_by_test_id("paper-ballots")
    issue_rows = paper.get_by_test_id("paper-list").locator("tbody tr")
    expect(issue_rows).to_have_count(6)
    expect(paper.get_by_test_id("paper-present")).to_contain_text("5")
    absent = issue_rows.filter(has_text=ABSENT)
    expect(absent.get_by_test_id("paper-state")).to_have_text("未签到")
    expect(absent.get_by_test_id("paper-issue-row")).to_have_count(0)
    snap(desk, "rollcall-06-issue-list")

    # Three paper ballots.
    for i, name in enumerate(PAPER, start=1):
        issue_rows.filter(has_text=name).get_by_test_id("paper-issue-row").click()
        expect(paper.get_by_test_id("paper-issued")).to_have_text(str(i))
        expect(issue_rows.filter(has_text=name).get_by_test_id("paper-took-part")).to_have_text(
            "已领纸质选票"
        )
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text("3")
    snap(desk, "rollcall-07-three-paper-ballots-issued")

    # Two deputies vote on their phones: 赞成 the first candidate, 反对 the second.
    for i in range(PHONE_VOTERS):
        phone = pages.phone(timeout=30_000)
        log_in(phone, live_platform, TOWN, f"{TOWN}-d{i}", congress="点名镇")
        phone.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle_id}/ballot"))
        form = phone.get_by_test_id("ballot-form")
        expect(form).to_be_visible()
        mark_ballot(form, ((CANDIDATES[0], "赞成"), (CANDIDATES[1], "反对")))
        if i == 0:
            snap(phone, "rollcall-08-phone-ballot")
        phone.get_by_test_id("ballot-submit").click()
        phone.locator(".voting-confirm-ok").click()
        expect(phone.get_by_test_id("ballot-receipt")).to_have_text(re.compile(r"\S{16,}"))
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text("5")

    # The two tellers each enter the paper count (3 returned: the first 3 赞成, the second
    # 1 赞成 2 反对); they agree.
    rounds = _api(desk, "GET", f"voting/cycles/{cycle_id}/rounds")
    open_round = next(r for r in rounds if r["state"] == "open")
    ids = {c["name"]: str(c["id"]) for c in open_round["candidates"]}
    counts = {
        ids[CANDIDATES[0]]: {"yes": 3, "no": 0, "abstain": 0, "blank": 0},
        ids[CANDIDATES[1]]: {"yes": 1, "no": 2, "abstain": 0, "blank": 0},
    }
    for n in (1, 2):
        teller = pages.open()
        log_in(teller, live_platform, TOWN, f"{TOWN}-teller{n}", congress="点名镇")
        body = {"counts": counts, "returned": 3, "invalid": 0}
        _api(teller, "POST", f"voting/rounds/{open_round['id']}/tally", body)
    paper.get_by_test_id("paper-refresh").click()
    expect(paper.get_by_test_id("paper-entries")).to_have_text("2")
    expect(paper.get_by_test_id("paper-agree")).to_have_text("一致")
    snap(desk, "rollcall-09-tellers-agree")

    # The chair ends the vote: 5 present, 5 ballots (3 paper, 2 electronic), counted together.
    desk.get_by_test_id("chair-close-round").click()
    desk.locator(".voting-confirm-ok").click()
    result = desk.get_by_test_id("chair-result")
    expect(result).to_be_visible()
    expect(desk.get_by_test_id("chair-turnout")).to_have_text("应到 6 人，实到 5 人，投票 5 人")
    rows = result.locator("tbody tr")
    expect(rows.nth(0).locator("td")).to_have_text(
        [re.compile("1"), CANDIDATES[0], "5", "0", "0", "83.33%", "通过"]
    )
    expect(rows.nth(1).locator("td")).to_have_text(
        [re.compile("2"), CANDIDATES[1], "1", "4", "0", "16.67%", "未通过"]
    )
    snap(desk, "rollcall-10-result-paper-and-e-ballots")

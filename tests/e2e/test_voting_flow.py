"""民生实事项目票决 from a citizen's suggestion to the published result, in real Chromium.

On a township the test provisions itself (voting_flow_world: 莲塘镇 under a city and county of
its own; its 2027 call open, 2 projects to adopt): a citizen suggests a project on the public
portal on a phone and follows it by its tracking code; a second suggestion is made the same way.
Staff move to 初定 (and are told why they cannot go further yet), shortlist the first suggestion and
make it a candidate, do not take up the second (a written reason and the kind of exclusion), add
two candidates of the government's own, record the party committee's review with its minutes
(a PDF, uploaded first) and move to 审议. A deputy reads the candidates on the phone and comments;
staff answer. Staff open the vote; eleven deputies sign in (three on their phones, eight through
the API from their own logged-in pages); the chair opens the round; three deputies vote on 375 px
phones, seven through the API and one on paper; the chair ends the vote. The public announcement lists the two
adopted projects in rank order with their 赞成/反对/弃权, and the citizen's tracking page shows
that the suggestion was adopted. Every step is screenshotted and checked by axe-core.

Paper ballots are used alongside (电子与纸质并用): staff issue one to the eleventh deputy on the
chair's page, and two tellers each enter the count on their own tally page; the counts agree.
"""

import re

import pytest
from playwright.sync_api import FilePayload, Page, expect

from tenants.demo.data import MINUTES_PDF
from tests.e2e.helpers import cycle_in_url, forget_portal_limits, log_in, world_ids
from tests.e2e.helpers import page_api as _api
from tests.e2e.year_steps import (
    add_candidates,
    date_input,
    fill_suggestion,
    mark_ballot,
    pick_date,
    proposal_row,
    suggest,
)

from .conftest import LivePlatform, Pages, snap
from .voting_flow_world import CALL_TITLE, TELLERS, TOWN, USERNAMES

pytestmark = pytest.mark.e2e

SLUG = TOWN
DEPUTIES = USERNAMES  # eleven
PHONE_VOTERS, API_VOTERS, PAPER_VOTER = DEPUTIES[:3], DEPUTIES[3:10], DEPUTIES[10]

CITIZEN_PROJECT = "莲塘村主干道路灯安装"
REJECTED_PROJECT = "镇区商业综合体招商"
GOV_PROJECTS = ["莲塘镇卫生院门诊楼改造", "莲塘河沿岸健身步道建设"]
CHOICE_LABEL = {"yes": "赞成", "no": "反对", "abstain": "弃权"}


def _pdf(name: str) -> FilePayload:
    return {"name": name, "mimeType": "application/pdf", "buffer": MINUTES_PDF}


@pytest.fixture(autouse=True)
def fresh_portal_limits() -> None:
    """The portal allows 5 suggestions an hour per address, counted in the live platform's
    cache: start this test with a fresh window."""
    forget_portal_limits(SLUG)


@pytest.fixture
def cycle_id(live_platform: LivePlatform, s3_endpoint: str) -> int:
    """The test's own township, people and 2027 cycle: the cycle's id."""
    return world_ids("voting_flow_world.provision()", s3_endpoint)["cycle"]


def _fill(page: Page, title: str, category: str, text: str, name: str, phone: str) -> None:
    fill_suggestion(page, title, category, text, name, phone, location="莲塘村")


def _suggest(page: Page, title: str, category: str, text: str, name: str, phone: str) -> str:
    return suggest(page, title, category, text, name, phone, location="莲塘村")


def test_a_citizens_suggestion_becomes_an_adopted_project(
    live_platform: LivePlatform,
    cycle_id: int,
    desk: Page,
    phone: Page,
    pages: Pages,
) -> None:
    # A citizen reads the call on the portal, without logging in, and suggests a project.
    phone.goto(live_platform.url(SLUG, "/portal"))
    expect(phone.get_by_test_id("portal-call-title")).to_contain_text(CALL_TITLE)
    snap(phone, "flow-01-portal-call")
    phone.get_by_test_id("portal-submit").click()
    expect(phone.get_by_test_id("portal-form")).to_contain_text("请填写项目名称")
    code = _suggest(
        phone,
        CITIZEN_PROJECT,
        "公共设施",
        "莲塘村主干道2公里无路灯，夜间出行不便，建议安装路灯60盏。",
        "王秀英",
        "13912345678",
    )
    snap(phone, "flow-02-portal-tracking-code")
    phone.get_by_test_id("portal-follow").click()
    expect(phone.get_by_test_id("portal-track-result")).to_contain_text(CITIZEN_PROJECT)
    expect(phone.get_by_test_id("portal-track-status")).to_have_text("已受理")
    snap(phone, "flow-03-portal-track-received")
    # An unknown code is said to be unknown.
    phone.get_by_test_id("portal-track-code").fill("ZZZZ9999")
    phone.get_by_test_id("portal-track-submit").click()
    expect(phone.get_by_test_id("portal-track-error")).to_have_text("查询码不存在。")
    snap(phone, "flow-04-portal-track-unknown")
    # A second suggestion, which will not be taken up.
    phone.get_by_test_id("portal-nav-submit").click()
    other = _suggest(
        phone, REJECTED_PROJECT, "经济发展", "建议政府投资建设商业综合体。", "李明", "13800001111"
    )
    assert other != code

    # Staff find both on the desk, the phone numbers masked.
    log_in(desk, live_platform, SLUG, f"{SLUG}-staff", congress="莲塘镇")
    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id("voting-manage-2027").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("征集")
    expect(proposal_row(desk, CITIZEN_PROJECT)).to_contain_text("139****5678")
    expect(proposal_row(desk, CITIZEN_PROJECT)).not_to_contain_text("13912345678")
    assert cycle_in_url(desk) == cycle_id, desk.url
    snap(desk, "flow-05-desk-solicit")

    # 征集 → 初定.
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("初定")
    # Not yet to 审议: the suggestions are unscreened.
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-advance-error")).to_contain_text("未完成初定")
    snap(desk, "flow-06-advance-refused-unscreened")

    # Shortlist the citizen's suggestion and make it a candidate.
    proposal_row(desk, CITIZEN_PROJECT).get_by_test_id("proposal-accept").click()
    expect(proposal_row(desk, CITIZEN_PROJECT)).to_contain_text("列入初步候选")
    proposal_row(desk, CITIZEN_PROJECT).get_by_test_id("proposal-candidate").click()
    expect(desk.get_by_test_id("voting-candidates").locator("tbody tr")).to_have_count(1)
    expect(proposal_row(desk, CITIZEN_PROJECT).get_by_test_id("proposal-candidate")).to_have_count(
        0
    )

    # Not taken up: a reason is required, and the kind of exclusion is recorded.
    proposal_row(desk, REJECTED_PROJECT).get_by_test_id("proposal-reject").click()
    dialog = desk.get_by_role("dialog")
    expect(dialog).to_contain_text(REJECTED_PROJECT)
    desk.get_by_test_id("reject-confirm").click()
    expect(desk.get_by_test_id("reject-error")).to_have_text("请填写不予列入的理由")
    dialog.get_by_text("不具备普惠性、公益性").click()
    desk.get_by_test_id("reject-reason").fill("属于经营性项目，应由市场主体投资建设。")
    snap(desk, "flow-07-not-taken-up-dialog")
    desk.get_by_test_id("reject-confirm").click()
    expect(proposal_row(desk, REJECTED_PROJECT)).to_contain_text("未列入")
    expect(proposal_row(desk, REJECTED_PROJECT)).to_contain_text("不具备普惠性、公益性")
    expect(desk.get_by_test_id("voting-advance-error")).to_have_count(0)

    # Two candidates of the government's own: three for two seats (差额).
    add_candidates(desk, GOV_PROJECTS, category="公共设施")
    expect(desk.get_by_test_id("voting-candidate-count")).to_have_text("3")
    snap(desk, "flow-08-desk-shortlisted")

    # Without the party review the cycle may not go to deliberation.
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-advance-error")).to_contain_text("党委审定")
    snap(desk, "flow-09-advance-refused-party-review")

    # The party committee's review, with its minutes uploaded first.
    form = desk.get_by_test_id("governance-form")
    form.get_by_text("党委审定", exact=True).click()
    pick_date(date_input(form, "日期"), "2026-11-20")
    desk.get_by_test_id("governance-summary").fill("同意3个候选项目提请镇人代会票决。")
    desk.get_by_test_id("governance-minutes").set_input_files(files=[_pdf("党委会议纪要.pdf")])
    desk.get_by_test_id("governance-submit").click()
    expect(desk.get_by_test_id("governance-list")).to_contain_text("党委会议纪要.pdf")
    snap(desk, "flow-10-party-review-recorded")

    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("审议")
    expect(desk.get_by_test_id("voting-advance")).to_have_count(0)
    snap(desk, "flow-11-deliberation")

    # Staff put a material before the deputies.
    desk.get_by_test_id("voting-go-deliberation").click()
    first = desk.get_by_test_id("deliberation-candidate-1")
    expect(first).to_contain_text(CITIZEN_PROJECT)
    first.get_by_test_id("material-title").fill("可行性研究报告")
    first.get_by_test_id("material-file").set_input_files(files=[_pdf("路灯可研.pdf")])
    first.get_by_test_id("material-submit").click()
    expect(first.get_by_test_id("deliberation-materials")).to_contain_text("路灯可研.pdf")

    # A deputy reads it on the phone and comments.
    reader = pages.phone()
    log_in(reader, live_platform, SLUG, PHONE_VOTERS[0], congress="莲塘镇")
    reader.goto(live_platform.url(SLUG, "/voting"))
    reader.get_by_test_id("voting-deliberation-2027").click()
    card = reader.get_by_test_id("deliberation-candidate-1")
    expect(card).to_contain_text(CITIZEN_PROJECT)
    with reader.expect_download() as download:
        card.get_by_test_id("material-download").click()
    assert download.value.suggested_filename.endswith(".pdf"), download.value.suggested_filename
    card.get_by_test_id("comment-text").fill("建议优先安装太阳能路灯，降低后期电费。")
    snap(reader, "flow-12-phone-deliberation")
    card.get_by_test_id("comment-submit").click()
    expect(card.get_by_test_id("deliberation-comments")).to_contain_text("太阳能路灯")

    # Staff answer it.
    desk.reload()
    first = desk.get_by_test_id("deliberation-candidate-1")
    expect(first.get_by_test_id("deliberation-comments")).to_contain_text("太阳能路灯")
    first.get_by_test_id("answer-text").fill("已采纳，将在实施方案中采用太阳能路灯。")
    first.get_by_test_id("answer-submit").click()
    expect(first.get_by_test_id("comment-answer")).to_contain_text("已采纳")
    snap(desk, "flow-13-staff-answered")
    reader.reload()
    expect(
        reader.get_by_test_id("deliberation-candidate-1").get_by_test_id("comment-answer")
    ).to_contain_text("太阳能路灯")
    snap(reader, "flow-14-phone-answer-seen")
    desk.go_back()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("审议")

    # Paper ballots alongside the phones (the rules may change until the vote opens).
    desk.get_by_test_id("rules-channel").get_by_text("电子与纸质并用").click()
    desk.get_by_test_id("rules-save").click()
    expect(desk.get_by_text("规则已保存")).to_be_visible()
    expect(desk.get_by_test_id("rules-channel").locator("label.is-checked")).to_have_text(
        "电子与纸质并用"
    )

    # Staff open the vote.
    desk.get_by_test_id("voting-open-voting").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("票决")
    desk.get_by_test_id("voting-go-chair").click()
    expect(desk.get_by_test_id("chair-present")).to_have_text("0")
    entitled = int(desk.get_by_test_id("chair-entitled").inner_text())
    assert len(DEPUTIES) * 3 >= entitled * 2, entitled  # the eleven make the quorum (2/3)
    snap(desk, "flow-15-chair-no-quorum")

    ballot_path = f"/voting/cycles/{cycle_id}/ballot"
    phones = [reader] + [pages.phone() for _ in PHONE_VOTERS[1:]]
    for i, (page, username) in enumerate(zip(phones, PHONE_VOTERS, strict=True)):
        if i > 0:
            log_in(page, live_platform, SLUG, username, congress="莲塘镇")
        page.goto(live_platform.url(SLUG, ballot_path))
        page.get_by_test_id("ballot-sign-in").click()
        expect(page.get_by_test_id("ballot-no-round")).to_be_visible()
        if i == 0:
            snap(page, "flow-16-phone-signed-in")
    api_pages = []
    for username in [*API_VOTERS, PAPER_VOTER]:
        page = pages.open()
        log_in(page, live_platform, SLUG, username, congress="莲塘镇")
        _api(page, "POST", f"voting/cycles/{cycle_id}/sign-in")
        api_pages.append(page)

    expect(desk.get_by_test_id("chair-present")).to_have_text(str(len(DEPUTIES)))
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("已达到法定人数")
    desk.get_by_test_id("chair-open-round").click()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("投票中")
    # The paper-ballot desk: nothing issued yet; every deputy signed in may take one.
    paper = desk.get_by_test_id("paper-ballots")
    expect(paper.get_by_test_id("paper-issued")).to_have_text("0")
    expect(paper.get_by_test_id("paper-present")).to_contain_text(f"已签到 {len(DEPUTIES)} 人")
    snap(desk, "flow-17-chair-round-open")

    # Three vote on their phones: 赞成 the citizen's project and the footpath, 反对 the clinic.
    phone_choices = {CITIZEN_PROJECT: "yes", GOV_PROJECTS[0]: "no", GOV_PROJECTS[1]: "yes"}
    for i, page in enumerate(phones):
        ballot = page.get_by_test_id("ballot-form")
        expect(ballot).to_be_visible()
        mark_ballot(ballot, ((n, CHOICE_LABEL[c]) for n, c in phone_choices.items()))
        if i == 0:
            snap(page, "flow-18-phone-ballot")
        page.get_by_test_id("ballot-submit").click()
        page.locator(".voting-confirm-ok").click()
        expect(page.get_by_test_id("ballot-receipt")).to_have_text(re.compile(r"\S{16,}"))
        if i == 0:
            snap(page, "flow-19-phone-receipt")

    # Seven through the API: the citizen's project 7 赞成, the footpath 5 赞成 2 弃权,
    # the clinic 2 赞成 5 反对; on paper 赞成, 弃权, 反对. Totals: 11 / 8 / 2 赞成.
    rounds = _api(api_pages[0], "GET", f"voting/cycles/{cycle_id}/rounds")
    open_round = next(r for r in rounds if r["state"] == "open")
    ids = {c["name"]: c["id"] for c in open_round["candidates"]}
    for voter, page in enumerate(api_pages[: len(API_VOTERS)]):
        choices = {
            CITIZEN_PROJECT: "yes",
            GOV_PROJECTS[1]: "yes" if voter < 5 else "abstain",
            GOV_PROJECTS[0]: "yes" if voter < 2 else "no",
        }
        body = {"choices": {str(ids[name]): choice for name, choice in choices.items()}}
        assert _api(page, "POST", f"voting/rounds/{open_round['id']}/ballots", body)["receipt"]
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text(str(len(DEPUTIES) - 1))

    # The eleventh takes a paper ballot from staff.
    paper_name = _api(api_pages[-1], "GET", "auth/session")["user"]["display_name"]
    paper.get_by_test_id("paper-filter").fill(paper_name)
    paper.get_by_test_id("paper-list").locator("tbody tr").filter(
        has_text=paper_name
    ).get_by_test_id("paper-issue-row").click()
    expect(paper.get_by_test_id("paper-issued")).to_have_text("1")
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text(str(len(DEPUTIES)))
    snap(desk, "flow-20-chair-paper-issued")

    # Two tellers count it, each on their own page.
    paper_counts = {CITIZEN_PROJECT: "yes", GOV_PROJECTS[1]: "abstain", GOV_PROJECTS[0]: "no"}
    sequence = {name: i + 1 for i, name in enumerate([CITIZEN_PROJECT, *GOV_PROJECTS])}
    for i, username in enumerate(TELLERS):
        teller = pages.open()
        log_in(teller, live_platform, SLUG, username, congress="莲塘镇")
        teller.get_by_test_id("menu-voting").click()
        teller.get_by_test_id("voting-tally-2027").click()
        expect(teller.get_by_test_id("tally-issued")).to_have_text("1")
        for name, choice in paper_counts.items():
            box = teller.get_by_test_id(f"tally-{sequence[name]}-{choice}").locator("input")
            box.fill("1")
        teller.get_by_test_id("tally-returned").locator("input").fill("1")
        teller.get_by_test_id("tally-invalid").locator("input").fill("0")
        teller.get_by_test_id("tally-submit").click()
        expect(teller.get_by_test_id("tally-entries")).to_have_text(str(i + 1))
        if i == 1:
            expect(teller.get_by_test_id("tally-agree")).to_have_text("一致")
            snap(teller, "flow-21-teller-counts-agree")
    paper.get_by_test_id("paper-refresh").click()
    expect(paper.get_by_test_id("paper-entries")).to_have_text("2")
    expect(paper.get_by_test_id("paper-agree")).to_have_text("一致")

    desk.get_by_test_id("chair-close-round").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("chair-result")).to_be_visible()
    expect(desk.get_by_test_id("chair-result").get_by_test_id("result-adopted")).to_have_count(2)
    snap(desk, "flow-22-chair-result")

    # Closing publishes nothing: staff preview the announcement on the cycle page and publish it.
    phone.goto(live_platform.url(SLUG, "/portal/announcements/2027"))
    expect(phone.get_by_test_id("portal-announcement-error")).to_be_visible()
    desk.goto(re.sub(r"/chair$", "", desk.url))
    review = desk.get_by_test_id("announcement-card")
    expect(review.get_by_test_id("announcement-preview")).to_contain_text(CITIZEN_PROJECT)
    review.get_by_test_id("announcement-publish").click()
    desk.locator(".voting-confirm-ok").click()
    expect(review.get_by_test_id("announcement-published")).to_be_visible()
    snap(desk, "flow-22b-announcement-published")

    # The public announcement: the adopted projects in rank order, with their counts.
    phone.goto(live_platform.url(SLUG, "/portal/announcements/2027"))
    adopted = phone.get_by_test_id("portal-announcement-adopted").locator("li")
    expect(adopted).to_have_count(2)
    expect(adopted.nth(0)).to_contain_text(CITIZEN_PROJECT)
    expect(adopted.nth(0)).to_contain_text("赞成 11 · 反对 0 · 弃权 0")
    expect(adopted.nth(1)).to_contain_text(GOV_PROJECTS[1])
    expect(adopted.nth(1)).to_contain_text("赞成 8 · 反对 0 · 弃权 3")
    expect(phone.get_by_test_id("portal-announcement-rounds")).to_contain_text(
        f"实到 {len(DEPUTIES)} 人"
    )
    snap(phone, "flow-23-portal-announcement")

    # The citizen follows the suggestion to its outcome.
    phone.goto(live_platform.url(SLUG, f"/portal/track/{code}"))
    expect(phone.get_by_test_id("portal-track-result")).to_contain_text(CITIZEN_PROJECT)
    expect(phone.get_by_test_id("portal-track-status")).to_have_text("票决通过")
    snap(phone, "flow-24-portal-track-outcome")
    phone.goto(live_platform.url(SLUG, f"/portal/track/{other}"))
    expect(phone.get_by_test_id("portal-track-status")).to_have_text("未列入")
    expect(phone.get_by_test_id("portal-track-detail")).to_contain_text("经营性项目")
    snap(phone, "flow-25-portal-track-not-taken-up")

    # Too late for 2027: the portal says why, then that this address has sent too many.
    phone.goto(live_platform.url(SLUG, "/portal"))
    _fill(phone, "村口公交候车亭", "交通", "建议在莲塘村口建设公交候车亭。", "赵强", "13700002222")
    phone.get_by_test_id("portal-submit").click()
    expect(phone.get_by_test_id("portal-submit-error")).to_contain_text("不能提交项目建议")
    snap(phone, "flow-26-portal-refused-phase")
    for _ in range(4):
        phone.get_by_test_id("portal-submit").click()
        expect(phone.get_by_test_id("portal-submit")).to_be_enabled()
        if "限流" in phone.get_by_test_id("portal-submit-error").inner_text():
            break
    expect(phone.get_by_test_id("portal-submit-error")).to_contain_text("过于频繁")
    snap(phone, "flow-27-portal-rate-limited")

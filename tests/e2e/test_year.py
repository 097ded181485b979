"""A congress's whole year through its pages, in real Chromium.

丰年镇 starts from nothing: 东湖区's system administrator (`donghu-sys`, the only demo data the
test uses) provisions it on the county's page. Its first administrator logs in, changes the
initial password and follows the setup checklist: opens the term, imports the roster workbook,
creates the deputies' accounts and prints their slips (the PDF read back; the phone voters log in
with their slips' passwords and change them), creates the tellers', party reviewer's and unit's
accounts (each slip's one-time password used at their first login), adds the unit with its
account, creates the year's cycle (paper and e-ballots together) and publishes the call.
A citizen suggests two projects on the portal on a phone; staff screen them (one a candidate,
one not taken up, two of the government's own), record 会商 with the government; the party
reviewer records 党委审定 on their own page; in deliberation a deputy comments on a phone and the
unit answers on its page. At the session staff take the roll, issue three paper ballots and
three deputies vote on 375 px phones; the two tellers disagree on one project, one corrects the
entry, the counts agree; the chair closes; the announcement is previewed and published. The
projects are handed over to implementation; the unit reports progress with a photo on a phone
(the photo loads); the mid-year report, its review opinions and the answer are recorded; the
year-end evaluation is counted on paper at a meeting with its quorum (five of six); the public
account shows the result; the year is closed. Every step is screenshotted (checked by axe-core)
in test-results/screenshots as `year-NN-*`. No API call or seeding stands in for a page.
"""

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.e2e.helpers import fill_login, forget_portal_limits, patient_expectations
from tests.factories import PDF, PNG

from .conftest import LivePlatform, snap
from .year_steps import (
    add_candidates,
    change_initial_password,
    choose_roster,
    date_input,
    mark_ballot,
    pdf_text,
    pick_date,
    proposal_row,
    provision_township,
    roster_workbook,
    slip_of,
    suggest,
    tick,
)

pytestmark = pytest.mark.e2e

TOWNSHIP, SHORT = "丰年镇人大主席团", "丰年镇"
SLUG, CODE = "fengnian", "369902166"
ADMIN = "fengnian-admin"
FIRST_PASSWORD = "Fn#2026first"
PASSWORD = "Fn#2026admin!"
YEAR = dt.date.today().year + 1
UNIT = "丰年镇农业农村办"
CYCLE_TITLE = f"{YEAR}年度民生实事项目票决"
CALL_TITLE = f"丰年镇关于征集{YEAR}年民生实事项目的公告"
# title, category, description, name, phone
CITIZEN = (
    "丰年村主干道路灯安装",
    "公共设施",
    "主干道2公里无路灯，建议安装60盏。",
    "王秀英",
    "13912345678",
)
REJECTED = ("镇区商业综合体招商", "经济发展", "建议政府投资建设商业综合体。", "李明", "13800001111")
GOV_PROJECTS = ["丰年镇卫生院门诊楼改造", "丰年河沿岸健身步道建设"]
ADOPTED = [CITIZEN[0], GOV_PROJECTS[1]]  # in rank order
# name, gender, level, constituency, delegation, occupation, phone
ROSTER = [
    ["陈立新", "男", "乡镇", "第1选区", "第一代表小组", "丰年村党支部书记", "13600000101"],
    ["林秀梅", "女", "乡镇", "第1选区", "第一代表小组", "镇中心小学教师", "13600000102"],
    ["黄志远", "男", "乡镇", "第2选区", "第二代表小组", "种植大户", "13600000103"],
    ["何丽娟", "女", "乡镇", "第2选区", "第二代表小组", "卫生院医生", "13600000104"],
    ["罗建华", "男", "乡镇", "第3选区", "第三代表小组", "个体工商户", "13600000105"],
    ["梁晓燕", "女", "乡镇", "第3选区", "第三代表小组", "村妇联主任", "13600000106"],
]
DEPUTIES = [row[0] for row in ROSTER]
PHONE_VOTERS, PAPER_VOTERS = DEPUTIES[:3], DEPUTIES[3:]
EVALUATORS = DEPUTIES[:5]  # at the year-end meeting; the sixth is away
# Accounts other than the deputies': username, name, role
OTHERS = [
    ("fengnian-teller1", "丰年镇监票人甲", "监票计票人"),
    ("fengnian-teller2", "丰年镇监票人乙", "监票计票人"),
    ("fengnian-party", "丰年镇党委审定人", "党委审定人"),
    ("fengnian-unit", "丰年镇农业农村办", "承办单位"),
]
TELLERS, PARTY, UNIT_ACCOUNT = OTHERS[:2], OTHERS[2], OTHERS[3]


@dataclass
class Year:
    """What the year's pages hand on from one step to the next."""

    platform: LivePlatform
    browser: Browser
    contexts: list[BrowserContext] = field(default_factory=list)
    passwords: dict[str, str] = field(default_factory=dict)  # username -> the changed password
    usernames: dict[str, str] = field(default_factory=dict)  # deputy's name -> username
    phones: list[Page] = field(default_factory=list)  # deputies logged in on phones
    one_time: dict[str, str] = field(default_factory=dict)  # username -> the slip's password
    shots: int = 0

    def snap(self, page: Page, what: str) -> None:
        self.shots += 1
        snap(page, f"year-{self.shots:02d}-{what}")

    def page(self, *, phone: bool = False) -> Page:
        if phone:
            context = self.browser.new_context(
                viewport={"width": 375, "height": 812}, device_scale_factor=2, is_mobile=True
            )
        else:
            context = self.browser.new_context(viewport={"width": 1440, "height": 900})
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    def first_login(self, page: Page, username: str, one_time: str) -> None:
        """Log in with a slip's one-time password and change it."""
        page.goto(self.platform.url(SLUG, "/login"))
        fill_login(page, username, one_time)
        new = f"Fn#{username[-6:]}!2026"
        change_initial_password(page, one_time, new)
        expect(page.get_by_test_id("congress-name")).to_have_text(re.compile(SHORT))
        self.passwords[username] = new

    def log_in(self, page: Page, username: str) -> None:
        if username not in self.passwords:
            self.first_login(page, username, self.one_time[username])
            return
        page.goto(self.platform.url(SLUG, "/login"))
        fill_login(page, username, self.passwords[username])
        expect(page.get_by_test_id("congress-name")).to_have_text(re.compile(SHORT))


@pytest.fixture(autouse=True)
def fresh_portal_limits() -> None:
    """The portal allows 5 suggestions an hour per address: start with a fresh window."""
    forget_portal_limits(SLUG)


@pytest.fixture
def year(live_platform: LivePlatform, browser: Browser) -> Iterator[Year]:
    made = Year(live_platform, browser)
    with patient_expectations(20_000):
        yield made
    for context in made.contexts:
        context.close()


def _pdf(name: str) -> FilePayload:
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


def _set_up(year: Year, desk: Page, tmp_path: Path) -> None:
    """Provisioning, the first login, the checklist, the term, the roster and the accounts."""
    dialog = provision_township(
        desk,
        year.platform.url("donghu", "/login"),
        name=TOWNSHIP,
        slug=SLUG,
        code=CODE,
        admin=ADMIN,
        admin_name="丰年镇管理员",
        password=FIRST_PASSWORD,
        county_password=DEMO_PASSWORD,
    )
    expect(dialog).to_contain_text(SLUG)
    year.snap(desk, "provisioned-by-county")
    desk.context.clear_cookies()

    # The first administrator logs in on the new host and changes the initial password.
    year.passwords[ADMIN] = PASSWORD
    desk.goto(year.platform.url(SLUG, "/login"))
    fill_login(desk, ADMIN, FIRST_PASSWORD)
    change_initial_password(desk, FIRST_PASSWORD, PASSWORD)
    card = desk.get_by_test_id("home-setup")
    expect(card.get_by_test_id("setup-done-count")).to_have_text("已完成 0 / 6 项")
    year.snap(desk, "checklist-at-zero")

    # The term, from the checklist.
    card.get_by_test_id("setup-go-term").click()
    desk.get_by_test_id("term-open").click()
    term = desk.get_by_test_id("term-open-dialog")
    term.get_by_test_id("term-form-number").locator("input").fill("18")
    pick_date(date_input(term, "起始日期"), f"{YEAR - 1}-01-01")
    pick_date(date_input(term, "届满日期"), f"{YEAR + 3}-12-31")
    pick_date(date_input(term, "第1次会议"), f"{YEAR - 1}-01-15")
    desk.get_by_test_id("term-open-submit").click()
    expect(term).to_be_hidden()
    expect(desk.get_by_test_id("term-current-number")).to_have_text("第18届")
    year.snap(desk, "term-open")

    # The roster, imported from a workbook.
    desk.get_by_test_id("menu-setup").click()
    desk.get_by_test_id("setup-go-roster").click()
    choose_roster(desk, roster_workbook(tmp_path / "丰年镇代表名册.xlsx", ROSTER))
    desk.get_by_test_id("roster-import-submit").click()
    expect(desk.get_by_test_id("roster-import-summary")).to_contain_text(f"新增 {len(ROSTER)} 人")
    year.snap(desk, "roster-imported")
    desk.keyboard.press("Escape")
    for name in DEPUTIES:
        expect(desk.get_by_test_id("deputy-table")).to_contain_text(name)

    # Accounts for the roster; the slips printed and read back.
    desk.get_by_test_id("menu-accounts").click()
    desk.get_by_test_id("accounts-from-roster").click()
    desk.get_by_role("dialog").get_by_role("button", name="生成账号").click()
    slips = desk.get_by_test_id("slips-dialog")
    # Each account's password is hashed (argon2) as it is made: slow on a busy machine.
    expect(slips.get_by_test_id("slips-accounts").locator("li")).to_have_count(
        len(ROSTER), timeout=30_000
    )
    with desk.expect_download() as downloaded:
        slips.get_by_test_id("slips-download").click()
    text = pdf_text(downloaded.value)
    assert text.count("账号通知单") == len(ROSTER), text
    one_time = {}
    for name in DEPUTIES:
        username, password = slip_of(text, name)
        year.usernames[name] = username
        one_time[username] = password
    year.snap(desk, "roster-accounts-slips")
    slips.get_by_role("button", name="已打印，关闭").click()
    expect(slips).to_be_hidden()

    # The tellers', the party reviewer's and the unit's accounts, each with its slip.
    for username, name, role in OTHERS:
        desk.get_by_test_id("account-create-open").click()
        create = desk.get_by_test_id("account-create-dialog")
        create.get_by_test_id("account-username").fill(username)
        create.get_by_test_id("account-display-name").fill(name)
        tick(create, role)
        create.get_by_test_id("account-create-submit").click()
        expect(slips).to_contain_text(name)
        with desk.expect_download() as downloaded:
            slips.get_by_test_id("slips-download").click()
        assert slip_of(pdf_text(downloaded.value), name)[0] == username
        one_time[username] = slip_of(pdf_text(downloaded.value), name)[1]
        slips.get_by_role("button", name="已打印，关闭").click()
        expect(slips).to_be_hidden()
    table = desk.get_by_test_id("member-table")
    for username, _name, role in OTHERS:
        expect(table.locator("tr", has_text=username)).to_contain_text(role)
    year.snap(desk, "accounts")

    # Each logs in once with the slip's password and changes it: the deputies who vote
    # electronically on their phones, which they keep for the year.
    for name in PHONE_VOTERS:
        phone = year.page(phone=True)
        year.first_login(phone, year.usernames[name], one_time[year.usernames[name]])
        year.phones.append(phone)
    year.snap(year.phones[0], "deputy-first-login-phone")
    # The others change theirs when they first log in for their part of the year.
    year.one_time.update(one_time)


def _unit_and_cycle(year: Year, desk: Page) -> int:
    """The unit with its account, the year's cycle (paper and e-ballots together) and its call;
    returns the cycle's id."""
    desk.get_by_test_id("menu-units").click()
    desk.get_by_test_id("unit-create-open").click()
    desk.get_by_test_id("unit-form-name").fill(UNIT)
    desk.get_by_test_id("unit-form-accounts").click()
    desk.get_by_role("option", name=f"{UNIT_ACCOUNT[1]}（{UNIT_ACCOUNT[0]}）").click()
    desk.get_by_test_id("unit-form-name").click()  # closes the multiple select's list
    expect(
        desk.get_by_role("option", name=f"{UNIT_ACCOUNT[1]}（{UNIT_ACCOUNT[0]}）")
    ).to_be_hidden()
    desk.get_by_test_id("unit-form-submit").click()
    unit_row = desk.get_by_test_id("unit-table").locator("tbody tr").filter(has_text=UNIT)
    expect(unit_row.locator("td").nth(1)).to_have_text("1")
    year.snap(desk, "unit-with-account")

    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id("cycle-create-open").click()
    form = desk.get_by_test_id("cycle-form")
    form.get_by_test_id("cycle-form-year").locator("input").fill(str(YEAR))
    form.get_by_test_id("cycle-form-title").fill(CYCLE_TITLE)
    form.get_by_test_id("cycle-form-seats").locator("input").fill("2")
    desk.get_by_test_id("cycle-form-submit").click()
    expect(desk).to_have_url(re.compile(r"/voting/cycles/\d+$"))
    match = re.search(r"/voting/cycles/(\d+)", desk.url)
    assert match, desk.url
    expect(desk.get_by_test_id("voting-phase")).to_have_text("征集")
    desk.get_by_test_id("rules-channel").get_by_text("电子与纸质并用").click()
    desk.get_by_test_id("rules-save").click()
    expect(desk.get_by_text("规则已保存")).to_be_visible()

    # The call for suggestions, published on the cycle's page.
    today = dt.date.today()
    call = desk.get_by_test_id("call-form")
    call.get_by_test_id("call-title").fill(CALL_TITLE)
    call.get_by_test_id("call-body").fill("欢迎全镇群众提出事关民生的实事项目建议。")
    pick_date(date_input(call, "征集开始日期"), today.isoformat())
    pick_date(date_input(call, "征集截止日期"), (today + dt.timedelta(days=30)).isoformat())
    call.get_by_test_id("call-submit").click()
    expect(desk.get_by_test_id("call-published")).to_contain_text(CALL_TITLE)
    year.snap(desk, "cycle-and-call")

    # The checklist counts what is done.
    desk.get_by_test_id("menu-setup").click()
    # (accounts stays open: the security and audit administrators are not the year's concern)
    for key in ("term", "roster", "units", "cycle"):
        expect(desk.get_by_test_id(f"setup-item-{key}")).to_have_attribute("data-done", "true")
    year.snap(desk, "checklist-followed")
    return int(match.group(1))


def _proposals_to_deliberation(year: Year, desk: Page, cycle_id: int) -> None:
    """Citizens' suggestions on the portal, screening, 会商, 党委审定, and deliberation: a
    deputy comments on a phone and the unit answers on its own page."""
    citizen = year.page(phone=True)
    citizen.goto(year.platform.url(SLUG, "/portal"))
    expect(citizen.get_by_test_id("portal-call-title")).to_contain_text(CALL_TITLE)
    code = suggest(citizen, *CITIZEN, location="丰年村")
    year.snap(citizen, "portal-suggestion")
    citizen.goto(year.platform.url(SLUG, "/portal"))
    suggest(citizen, *REJECTED, location="丰年村")

    # Screening: 征集 → 初定; one taken up as a candidate, one not, two of the government's own.
    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id(f"voting-manage-{YEAR}").click()
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("初定")
    proposal_row(desk, CITIZEN[0]).get_by_test_id("proposal-accept").click()
    expect(proposal_row(desk, CITIZEN[0])).to_contain_text("列入初步候选")
    proposal_row(desk, CITIZEN[0]).get_by_test_id("proposal-candidate").click()
    expect(desk.get_by_test_id("voting-candidates").locator("tbody tr")).to_have_count(1)
    proposal_row(desk, REJECTED[0]).get_by_test_id("proposal-reject").click()
    desk.get_by_role("dialog").get_by_text("不具备普惠性、公益性").click()
    desk.get_by_test_id("reject-reason").fill("属于经营性项目，应由市场主体投资建设。")
    desk.get_by_test_id("reject-confirm").click()
    expect(proposal_row(desk, REJECTED[0])).to_contain_text("未列入")
    add_candidates(desk, GOV_PROJECTS, category="公共设施")
    expect(desk.get_by_test_id("voting-candidate-count")).to_have_text("3")
    year.snap(desk, "screened")

    # 会商: the congress and the government, recorded with its minutes.
    form = desk.get_by_test_id("governance-form")
    form.get_by_text("人大与政府会商", exact=True).click()
    pick_date(date_input(form, "日期"), dt.date.today().isoformat())
    desk.get_by_test_id("governance-summary").fill("镇政府同意3个候选项目的资金安排。")
    desk.get_by_test_id("governance-minutes").set_input_files(files=[_pdf("会商纪要.pdf")])
    desk.get_by_test_id("governance-submit").click()
    expect(desk.get_by_test_id("governance-list")).to_contain_text("会商纪要.pdf")
    year.snap(desk, "consultation")

    # 党委审定, by the party reviewer on their own page.
    reviewer = year.page()
    year.log_in(reviewer, PARTY[0])
    reviewer.get_by_test_id("menu-party-review").click()
    card = reviewer.get_by_test_id(f"party-review-{YEAR}")
    for name in (CITIZEN[0], *GOV_PROJECTS):
        expect(card.get_by_test_id("party-review-candidates")).to_contain_text(name)
    pick_date(date_input(card, "审定日期"), dt.date.today().isoformat())
    card.get_by_test_id("party-review-summary").fill("同意3个候选项目提请镇人代会票决")
    card.get_by_test_id("party-review-minutes").set_input_files(files=[_pdf("党委审定纪要.pdf")])
    card.get_by_test_id("party-review-submit").click()
    expect(card.get_by_test_id("party-review-records")).to_contain_text("同意3个候选项目")
    year.snap(reviewer, "party-review")
    reviewer.context.close()

    desk.reload()
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("审议")
    year.snap(desk, "deliberation-open")

    # A deputy comments on a phone.
    deputy = year.phones[0]
    deputy.goto(year.platform.url(SLUG, "/voting"))
    deputy.get_by_test_id(f"voting-deliberation-{YEAR}").click()
    first = deputy.get_by_test_id("deliberation-candidate-1")
    expect(first).to_contain_text(CITIZEN[0])
    first.get_by_test_id("comment-text").fill("建议优先安装太阳能路灯，降低后期电费。")
    first.get_by_test_id("comment-submit").click()
    expect(first.get_by_test_id("deliberation-comments")).to_contain_text("太阳能路灯")
    year.snap(deputy, "deputy-comment-phone")

    # The unit answers it on its own page.
    unit = year.page()
    year.log_in(unit, UNIT_ACCOUNT[0])
    unit.get_by_test_id("menu-voting").click()
    unit.get_by_test_id(f"voting-deliberation-{YEAR}").click()
    answer = unit.get_by_test_id("deliberation-candidate-1")
    answer.get_by_test_id("answer-text").fill("已采纳，实施方案将采用太阳能路灯。")
    answer.get_by_test_id("answer-submit").click()
    expect(answer.get_by_test_id("comment-answer")).to_contain_text("已采纳")
    year.snap(unit, "unit-answers")
    unit.context.close()
    deputy.reload()
    expect(
        deputy.get_by_test_id("deliberation-candidate-1").get_by_test_id("comment-answer")
    ).to_contain_text("已采纳")
    assert code


def _session(year: Year, desk: Page) -> None:
    """The hybrid session: staff take the roll, three paper ballots, three e-ballots on phones;
    the tellers disagree once and one corrects; the chair closes; the announcement is
    previewed and published."""
    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id(f"voting-manage-{YEAR}").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("审议")
    desk.get_by_test_id("voting-open-voting").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("票决")
    desk.get_by_test_id("voting-go-chair").click()
    expect(desk.get_by_test_id("chair-entitled")).to_have_text(str(len(DEPUTIES)))
    expect(desk.get_by_test_id("chair-present")).to_have_text("0")

    # Staff take the roll call: every deputy came.
    roll = desk.get_by_test_id("roll-call")
    roll.get_by_test_id("roll-tick-all").click()
    expect(roll.get_by_test_id("roll-mark")).to_contain_text(str(len(DEPUTIES)))
    roll.get_by_test_id("roll-mark").click()
    expect(roll.get_by_test_id("roll-present")).to_have_text(str(len(DEPUTIES)))
    expect(desk.get_by_test_id("chair-quorum")).to_have_text("已达到法定人数")
    year.snap(desk, "roll-call")
    desk.get_by_test_id("chair-open-round").click()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("投票中")

    # Three paper ballots.
    paper = desk.get_by_test_id("paper-ballots")
    issue_rows = paper.get_by_test_id("paper-list").locator("tbody tr")
    for i, name in enumerate(PAPER_VOTERS, start=1):
        issue_rows.filter(has_text=name).get_by_test_id("paper-issue-row").click()
        expect(paper.get_by_test_id("paper-issued")).to_have_text(str(i))
    year.snap(desk, "paper-ballots-issued")

    # The rest vote on their phones: 赞成 the citizen's project and the footpath, 反对 the clinic.
    choices = {CITIZEN[0]: "赞成", GOV_PROJECTS[0]: "反对", GOV_PROJECTS[1]: "赞成"}
    for i, phone in enumerate(year.phones):
        phone.goto(year.platform.url(SLUG, "/voting"))
        phone.get_by_test_id(f"voting-ballot-{YEAR}").click()
        ballot = phone.get_by_test_id("ballot-form")
        expect(ballot).to_be_visible()
        mark_ballot(ballot, choices.items())
        if i == 0:
            year.snap(phone, "e-ballot-phone")
        phone.get_by_test_id("ballot-submit").click()
        phone.locator(".voting-confirm-ok").click()
        expect(phone.get_by_test_id("ballot-receipt")).to_have_text(re.compile(r"\S{16,}"))
    year.snap(year.phones[-1], "e-ballot-receipt-phone")
    expect(desk.get_by_test_id("chair-ballots-cast")).to_have_text(str(len(DEPUTIES)))

    # The tellers count the paper ballots: the citizen's project 3 赞成; the clinic 1 赞成 2 反对;
    # the footpath 2 赞成 1 弃权. The second teller misreads the footpath (3 赞成), the counts
    # disagree, and on a recount the second corrects the entry.
    sequence = {name: i + 1 for i, name in enumerate([CITIZEN[0], *GOV_PROJECTS])}
    right = {
        CITIZEN[0]: {"yes": 3},
        GOV_PROJECTS[0]: {"yes": 1, "no": 2},
        GOV_PROJECTS[1]: {"yes": 2, "abstain": 1},
    }
    wrong = {**right, GOV_PROJECTS[1]: {"yes": 3}}
    tellers = []
    for (username, _name, _role), counts in zip(TELLERS, (right, wrong), strict=True):
        teller = year.page()
        year.log_in(teller, username)
        teller.get_by_test_id("menu-voting").click()
        teller.get_by_test_id(f"voting-tally-{YEAR}").click()
        expect(teller.get_by_test_id("tally-issued")).to_have_text(str(len(PAPER_VOTERS)))
        _enter_tally(teller, sequence, counts)
        tellers.append(teller)
    expect(tellers[1].get_by_test_id("tally-entries")).to_have_text("2")
    expect(tellers[1].get_by_test_id("tally-agree")).to_have_text("不一致")
    paper.get_by_test_id("paper-refresh").click()
    expect(paper.get_by_test_id("paper-agree")).to_have_text("不一致")
    expect(paper.get_by_test_id("paper-differences")).to_contain_text(GOV_PROJECTS[1])
    year.snap(desk, "tellers-disagree")
    tellers[1].get_by_test_id("tally-reason").fill("复核选票，健身步道应为赞成2票、弃权1票。")
    _enter_tally(tellers[1], sequence, right)
    expect(tellers[1].get_by_test_id("tally-agree")).to_have_text("一致")
    year.snap(tellers[1], "teller-corrected")
    paper.get_by_test_id("paper-refresh").click()
    expect(paper.get_by_test_id("paper-agree")).to_have_text("一致")
    expect(paper.get_by_test_id("paper-corrections")).to_have_text("1")
    for teller in tellers:
        teller.context.close()

    # The chair closes the round: two adopted of three.
    desk.get_by_test_id("chair-close-round").click()
    desk.locator(".voting-confirm-ok").click()
    result = desk.get_by_test_id("chair-result")
    expect(result.get_by_test_id("result-adopted")).to_have_count(2)
    expect(desk.get_by_test_id("chair-turnout")).to_have_text(
        f"应到 {len(DEPUTIES)} 人，实到 {len(DEPUTIES)} 人，投票 {len(DEPUTIES)} 人"
    )
    year.snap(desk, "result")

    # The announcement: previewed on the cycle's page, then published.
    desk.goto(re.sub(r"/chair$", "", desk.url))
    review = desk.get_by_test_id("announcement-card")
    expect(review.get_by_test_id("announcement-preview")).to_contain_text(CITIZEN[0])
    year.snap(desk, "announcement-preview")
    review.get_by_test_id("announcement-publish").click()
    desk.locator(".voting-confirm-ok").click()
    expect(review.get_by_test_id("announcement-published")).to_be_visible()
    citizen = year.page(phone=True)
    citizen.goto(year.platform.url(SLUG, f"/portal/announcements/{YEAR}"))
    adopted = citizen.get_by_test_id("portal-announcement-adopted").locator("li")
    expect(adopted).to_have_count(2)
    expect(adopted.nth(0)).to_contain_text(CITIZEN[0])
    expect(adopted.nth(0)).to_contain_text("赞成 6 · 反对 0 · 弃权 0")
    expect(adopted.nth(1)).to_contain_text(GOV_PROJECTS[1])
    expect(adopted.nth(1)).to_contain_text("赞成 5 · 反对 0 · 弃权 1")
    year.snap(citizen, "announcement-published-phone")
    citizen.context.close()


def _implementation(year: Year, desk: Page) -> None:
    """Hand-over to implementation; the citizen's project given to the unit, which reports its
    progress with a photo on a phone; the photo loads."""
    desk.get_by_test_id("menu-implementation").click()
    desk.get_by_test_id(f"hand-over-{YEAR}").click()
    desk.locator(".el-message-box__btns .el-button--primary").click()
    expect(desk.get_by_text("已转入实施，共 2 个项目")).to_be_visible()
    board = desk.get_by_test_id("implementation-board")
    expect(board).to_contain_text(CITIZEN[0])
    expect(board).to_contain_text(GOV_PROJECTS[1])
    year.snap(desk, "handed-over")
    board.get_by_role("link", name=CITIZEN[0]).click()
    expect(desk.get_by_test_id("project-title")).to_have_text(CITIZEN[0])
    desk.get_by_test_id("plan-unit").click()
    desk.get_by_role("option", name=UNIT).click()
    desk.get_by_test_id("plan-owner").fill("张建军")
    desk.get_by_test_id("plan-save").click()
    expect(desk.get_by_text("实施方案已保存")).to_be_visible()
    year.snap(desk, "project-given-to-unit")

    unit = year.page(phone=True)
    year.log_in(unit, UNIT_ACCOUNT[0])
    unit.goto(year.platform.url(SLUG, "/implementation"))
    card = unit.get_by_test_id(re.compile(r"unit-project-\d+")).filter(has_text=CITIZEN[0])
    expect(card).to_be_visible()
    card.get_by_test_id("unit-report-link").click()
    expect(unit.get_by_test_id("report-project")).to_have_text(CITIZEN[0])
    unit.get_by_test_id("report-percent").locator("input").fill("40")
    unit.get_by_test_id("report-text").fill("已完成路灯基础浇筑30处，灯杆进场。")
    photo: FilePayload = {"name": "路灯基础.png", "mimeType": "image/png", "buffer": PNG}
    unit.get_by_test_id("report-photos").set_input_files([photo])
    expect(unit.get_by_test_id("report-photo-count")).to_contain_text("1")
    year.snap(unit, "unit-report-form-phone")
    unit.get_by_test_id("report-submit").click()
    expect(unit.get_by_test_id("project-title")).to_have_text(CITIZEN[0])
    report = unit.get_by_test_id("project-report").first
    expect(report).to_contain_text("40%")
    expect(report.get_by_test_id("report-photo")).to_have_attribute(
        "src", re.compile(r"X-Amz-Signature=")
    )
    unit.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=report-photo]');"
        " return i && i.complete && i.naturalWidth > 0 }"
    )
    year.snap(unit, "unit-report-photo-phone")
    unit.context.close()


def _midyear(year: Year, desk: Page) -> None:
    """The mid-year report heard, its review opinions and the government's answer, recorded on
    the mid-year report's page reached from the board."""
    desk.get_by_test_id("menu-implementation").click()
    desk.get_by_test_id("implementation-cycle").click()
    desk.get_by_role("option", name=CYCLE_TITLE).click()
    desk.get_by_test_id("midyear-link").click()
    expect(desk.get_by_test_id("midyear-cycle")).to_have_text(CYCLE_TITLE)
    desk.get_by_test_id("midyear-submit").click()
    expect(desk.get_by_test_id("midyear-error")).to_be_visible()  # nothing written yet
    desk.get_by_test_id("midyear-title").fill(f"关于{YEAR}年民生实事项目上半年实施情况的报告")
    desk.get_by_test_id("midyear-body").fill("两个项目均已开工，路灯项目完成40%。")
    desk.get_by_test_id("midyear-submit").click()
    expect(desk.get_by_test_id("midyear-report-title")).to_contain_text("上半年实施情况")
    desk.get_by_test_id("midyear-opinions-text").fill("加快健身步道建设进度。")
    desk.get_by_test_id("midyear-opinions-submit").click()
    expect(desk.get_by_test_id("midyear-opinions")).to_have_text("加快健身步道建设进度。")
    desk.get_by_test_id("midyear-answer-text").fill("镇政府已增派施工力量，确保年底前完工。")
    desk.get_by_test_id("midyear-answer-submit").click()
    expect(desk.get_by_test_id("midyear-answer")).to_contain_text("增派施工力量")
    year.snap(desk, "midyear-report")


def _evaluation(year: Year, desk: Page) -> None:
    """The year-end evaluation counted on paper at a meeting with its quorum; the tellers
    agree; the public account; the year closed."""
    desk.get_by_test_id("menu-voting-evaluations").click()
    desk.get_by_test_id(f"evaluation-manage-{YEAR}").click()
    expect(desk.get_by_test_id("evaluation-projects").locator("li")).to_have_text(ADOPTED)
    desk.get_by_test_id("rules-channel").get_by_text("纸质选票").click()
    desk.get_by_test_id("evaluation-save-rules").click()
    expect(desk.get_by_test_id("evaluation-rules-saved")).to_be_visible()
    # The roll: five of six came (the quorum is two thirds).
    roll = desk.get_by_test_id("roll-call")
    table = roll.get_by_test_id("roll-table")
    for name in EVALUATORS:
        table.locator("tbody tr").filter(has_text=name).locator(".el-checkbox").click()
    roll.get_by_test_id("roll-mark").click()
    expect(roll.get_by_test_id("roll-present")).to_have_text(str(len(EVALUATORS)))
    year.snap(desk, "evaluation-roll")
    desk.get_by_test_id("evaluation-open").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("evaluation-phase")).to_have_text("评估")
    expect(desk.get_by_test_id("evaluation-attendance")).to_have_text(
        f"应到 {len(DEPUTIES)} 人，实到 {len(EVALUATORS)} 人，法定人数 4 人"
    )
    paper = desk.get_by_test_id("paper-ballots")
    rows = paper.get_by_test_id("paper-list").locator("tbody tr")
    for i, name in enumerate(EVALUATORS, start=1):
        rows.filter(has_text=name).get_by_test_id("paper-issue-row").click()
        expect(paper.get_by_test_id("paper-issued")).to_have_text(str(i))
    year.snap(desk, "evaluation-paper-issued")

    # The tellers: the lights 5 满意; the footpath 2 满意, 2 基本满意, 1 不满意.
    marks = {ADOPTED[0]: {"满意": 5}, ADOPTED[1]: {"满意": 2, "基本满意": 2, "不满意": 1}}
    for username, _name, _role in TELLERS:
        teller = year.page()
        year.log_in(teller, username)
        teller.get_by_test_id("menu-voting").click()
        teller.get_by_test_id(f"voting-tally-{YEAR}").click()
        expect(teller.get_by_test_id("tally-issued")).to_have_text(str(len(EVALUATORS)))
        for name, counts in marks.items():
            for mark in ("满意", "基本满意", "不满意", "弃权"):
                box = teller.get_by_label(f"{name} {mark}", exact=True)
                box.fill(str(counts.get(mark, 0)))
        teller.get_by_test_id("tally-returned").locator("input").fill(str(len(EVALUATORS)))
        teller.get_by_test_id("tally-invalid").locator("input").fill("0")
        teller.get_by_test_id("tally-submit").click()
        expect(teller.get_by_text("已提交计票结果")).to_be_visible()
        teller.context.close()
    paper.get_by_test_id("paper-refresh").click()
    expect(paper.get_by_test_id("paper-agree")).to_have_text("一致")
    desk.get_by_test_id("evaluation-close").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("evaluation-outcome-1")).to_have_text("满意")
    expect(desk.get_by_test_id("evaluation-outcome-2")).to_have_text("基本满意")
    year.snap(desk, "evaluation-results")

    # The public account, then the year closed.
    citizen = year.page(phone=True)
    citizen.goto(year.platform.url(SLUG, f"/portal/account/{YEAR}"))
    expect(citizen.get_by_test_id("account-result-1")).to_have_text("满意")
    expect(citizen.get_by_test_id("account-result-2")).to_have_text("基本满意")
    year.snap(citizen, "public-account-phone")
    desk.get_by_test_id("evaluation-close-year").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("year-closed")).to_be_visible()
    year.snap(desk, "year-closed")
    citizen.reload()
    expect(citizen.get_by_test_id("account-result-1")).to_have_text("满意")
    citizen.context.close()


def _enter_tally(teller: Page, sequence: dict[str, int], counts: dict[str, dict[str, int]]) -> None:
    """One teller's entry of the paper count on the tally page (unnamed marks 0)."""
    correcting = teller.get_by_test_id("tally-reason").count() > 0
    for name, number in sequence.items():
        for choice in ("yes", "no", "abstain"):
            box = teller.get_by_test_id(f"tally-{number}-{choice}").locator("input")
            box.fill(str(counts[name].get(choice, 0)))
    teller.get_by_test_id("tally-returned").locator("input").fill(str(len(PAPER_VOTERS)))
    teller.get_by_test_id("tally-invalid").locator("input").fill("0")
    teller.get_by_test_id("tally-submit").click()
    expect(teller.get_by_text("已提交更正" if correcting else "已提交计票结果")).to_be_visible()


def test_a_township_lives_its_year_through_its_pages(
    year: Year, desk: Page, tmp_path: Path
) -> None:
    desk.set_default_timeout(30_000)
    _set_up(year, desk, tmp_path)
    cycle_id = _unit_and_cycle(year, desk)
    _proposals_to_deliberation(year, desk, cycle_id)
    _session(year, desk)
    _implementation(year, desk)
    _midyear(year, desk)
    _evaluation(year, desk)

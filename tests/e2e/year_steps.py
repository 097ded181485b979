"""Steps over pages that several browser scenarios take, and the year (test_year.py) takes one
after another: marking a phone's ballot, provisioning a township on the county's page, the
first login's password change, a roster workbook and its import, and the account slips read back
from their PDF."""

import io
import re
from collections.abc import Iterable
from pathlib import Path

from playwright.sync_api import Download, Locator, Page, expect
from pypdf import PdfReader

from tests.e2e.helpers import fill_login
from tests.factories import roster_xlsx

TASK_TIMEOUT_MS = 90_000


def pick_date(picker: Locator, day: str) -> None:
    """Type a day into an Element Plus date picker, as a keyboard user does."""
    picker.click()
    picker.fill(day)
    picker.press("Enter")


def pick_datetime(picker: Locator, moment: str) -> None:
    """Type a day and time, as the picker shows them (YYYY-MM-DD HH:mm), into an Element Plus
    date-time picker: the typed text and Enter, as for a day."""
    pick_date(picker, moment)


def date_input(scope: Locator | Page, label: str) -> Locator:
    return scope.locator(f"input[aria-label='{label}']")


def tick(scope: Locator, label: str) -> None:
    """Element Plus hides the real checkbox under its label: click the label."""
    scope.locator("label.el-checkbox", has_text=label).click()
    expect(scope.get_by_role("checkbox", name=label)).to_be_checked()


def mark_ballot(
    form: Locator, marks: Iterable[tuple[str, str | re.Pattern[str]]], *, of: str = "表决"
) -> None:
    """On a phone's ballot (`of` 表决) or rating form (测评): per project, in its radio group named
    对“<project>”的<of>, the option whose label has the text given."""
    for name, label in marks:
        group = form.get_by_role("radiogroup", name=f"对“{name}”的{of}")
        group.locator("label").filter(has_text=label).click()


def provision_township(
    desk: Page,
    url: str,
    *,
    name: str,
    slug: str,
    code: str,
    admin: str,
    admin_name: str,
    password: str,
    county_password: str,
) -> Locator:
    """东湖区's system administrator (`donghu-sys`, logging in at `url`, the county's login page)
    provisions the township under the county through the congresses page; returns the dialog,
    which says it is done."""
    desk.goto(url)
    fill_login(desk, "donghu-sys", county_password)
    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile("东湖区"))
    desk.get_by_test_id("menu-congresses").click()
    # the dialog offers the parents from the list of congresses: wait for it to load
    expect(desk.get_by_test_id("congress-table").get_by_text("青石镇人大主席团")).to_be_visible()
    desk.get_by_test_id("provision-open").click()
    dialog = desk.get_by_role("dialog", name="开通人大")
    dialog.get_by_role("combobox", name="上级人大").click()
    desk.get_by_role("option", name="东湖区人大常委会").click()
    for label, value in (
        ("名称", name),
        ("域名标识", slug),
        ("行政区划代码", code),
        ("管理员用户名", admin),
        ("管理员姓名", admin_name),
        ("管理员初始密码", password),
    ):
        dialog.get_by_label(label, exact=True).fill(value)
    dialog.get_by_test_id("provision-submit").click()
    expect(dialog.get_by_test_id("provision-succeeded")).to_contain_text(
        f"{name} 已开通", timeout=TASK_TIMEOUT_MS
    )
    return dialog


def change_initial_password(page: Page, old: str, new: str) -> None:
    """The dialog a one-time password opens on login: change it, and the dialog goes."""
    change = page.get_by_role("dialog", name="修改密码")
    expect(change).to_contain_text("请先修改密码")
    change.get_by_label("原密码").fill(old)
    change.get_by_label("新密码", exact=True).fill(new)
    change.get_by_label("确认新密码").fill(new)
    change.get_by_test_id("password-submit").click()
    expect(change).to_be_hidden()


def pdf_text(download: Download) -> str:
    """The text of a downloaded PDF, its pages one after another."""
    pdf = download.path().read_bytes()
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def slip_of(text: str, name: str) -> tuple[str, str]:
    """The username and one-time password printed on `name`'s slip."""
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index(name)
    assert lines[at + 1] == "用户名" and lines[at + 3] == "初始密码", lines[at : at + 5]
    return lines[at + 2], lines[at + 4]


def roster_workbook(path: Path, rows: list[list[str]]) -> Path:
    """A roster workbook in the import's columns, one deputy a row."""
    path.write_bytes(roster_xlsx(rows))
    return path


def choose_roster(desk: Page, workbook: Path) -> None:
    """On the roster page: open the import dialog and choose the workbook."""
    desk.get_by_test_id("roster-import-open").click()
    expect(desk.get_by_test_id("roster-import-dialog")).to_be_visible()
    dialog = desk.get_by_test_id("roster-import-dialog")
    dialog.get_by_test_id("roster-import-input").set_input_files(str(workbook))
    expect(dialog.get_by_test_id("file-pick-name")).to_have_text(workbook.name)


def fill_suggestion(
    page: Page, title: str, category: str, text: str, name: str, phone: str, *, location: str
) -> None:
    """The portal's suggestion form, filled in as a citizen does."""
    page.get_by_test_id("portal-title").fill(title)
    page.get_by_test_id("portal-category").fill(category)
    page.get_by_test_id("portal-description").fill(text)
    page.get_by_test_id("portal-location").fill(location)
    page.get_by_test_id("portal-name").fill(name)
    page.get_by_test_id("portal-phone").fill(phone)


def suggest(
    page: Page, title: str, category: str, text: str, name: str, phone: str, *, location: str
) -> str:
    """Send a suggestion on the portal; returns the tracking code it answers with."""
    fill_suggestion(page, title, category, text, name, phone, location=location)
    page.get_by_test_id("portal-submit").click()
    code = page.get_by_test_id("portal-tracking-code")
    expect(code).to_have_text(re.compile(r"^\s*[A-Z0-9]{8}\s*$"))
    return code.inner_text().strip()


def proposal_row(desk: Page, title: str) -> Locator:
    """The proposal desk's row of the proposal titled `title`."""
    return desk.get_by_test_id("proposal-list").locator("tbody tr").filter(has_text=title)


def add_candidates(desk: Page, names: Iterable[str], *, category: str) -> None:
    """The government's own candidates added on the desk, each shown in the list once added."""
    for name in names:
        desk.get_by_test_id("candidate-name").fill(name)
        desk.get_by_test_id("candidate-category").fill(category)
        desk.get_by_test_id("candidate-add").click()
        expect(desk.get_by_test_id("voting-candidates")).to_contain_text(name)

"""What staff once did only through the API, done through its page in real Chromium, on a
township the test provisions itself (页面镇, under a city and county of its own; see
pages_world.py). Every step is screenshotted and checked by axe-core."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import FilePayload, Page, expect
from pypdf import PdfReader

from tests.e2e.helpers import log_in, world_ids

from .conftest import LivePlatform, snap
from .pages_world import DEPUTIES, DEVICE_CANDIDATES, KEPT, LOST, NEXT_YEAR, RESERVE_YEAR, TOWN

pytestmark = pytest.mark.e2e


def _world(call: str, s3_endpoint: str) -> dict[str, int]:
    return world_ids(f"pages_world.{call}", s3_endpoint)


def _staff(page: Page, platform: LivePlatform) -> None:
    page.set_default_timeout(30_000)
    log_in(page, platform, TOWN, f"{TOWN}-staff", congress="页面镇")


def _download(page: Page, testid: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_test_id(testid).click()
    download = info.value
    path = download.path()
    return download.suggested_filename, Path(path).read_bytes()


def _csv(text: str) -> FilePayload:
    return {"name": "devices.csv", "mimeType": "text/csv", "buffer": text.encode()}


def _pdf_text(content: bytes) -> str:
    return "".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)


def _rows(content: bytes) -> list[tuple]:
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def test_voting_documents_and_the_device_import_with_its_report_per_row(
    live_platform: LivePlatform, s3_endpoint: str, desk: Page
) -> None:
    ids = _world("device_round()", s3_endpoint)
    cycle, round_ = ids["cycle"], ids["round"]
    _staff(desk, live_platform)

    # The cycle page lists the year's files and the open round's documents.
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle}"))
    files = desk.get_by_test_id("voting-files")
    expect(files.get_by_test_id("voting-files-rounds").locator("tbody tr")).to_have_count(1)
    expect(files.get_by_test_id("file-announcement-pdf")).to_be_disabled()
    snap(desk, "pages-01-voting-files")

    name, pdf = _download(desk, "file-ballot-pdf-1")
    assert name.endswith("第1轮表决票.pdf"), name
    text = _pdf_text(pdf)
    assert "页面镇" in text and all(c in text for c in DEVICE_CANDIDATES)
    name, pdf = _download(desk, "file-tally-sheet-pdf-1")
    assert name.endswith("第1轮计票单.pdf"), name
    assert all(c in _pdf_text(pdf) for c in DEVICE_CANDIDATES)
    name, book = _download(desk, "file-candidates-xlsx")
    assert name.endswith(".xlsx"), name
    listed = [cell for row in _rows(book) for cell in row]
    assert all(c in listed for c in DEVICE_CANDIDATES)

    # The device import: a file with a wrong sum and an unknown number is refused, row by row.
    desk.get_by_test_id("device-import-link-1").click()
    expect(desk.get_by_test_id("device-round")).to_contain_text("开始时实到 6 人")
    bad = "序号,赞成,反对,弃权,未按\n1,4,1,0,0\n9,6,0,0,0\n"
    desk.get_by_test_id("device-file").set_input_files(files=_csv(bad))
    desk.get_by_test_id("device-submit").click()
    expect(desk.get_by_test_id("device-error")).to_contain_text("表决器数据有")
    report = desk.get_by_test_id("device-report").locator("tbody tr")
    expect(report.filter(has_text="序号 9 不是本轮候选项目")).to_have_count(1)
    expect(report.filter(has_text="缺少序号 2")).to_have_count(1)
    expect(report.filter(has_text="应等于实到人数 6")).to_have_count(1)
    snap(desk, "pages-02-device-import-refused-per-row")

    # The corrected file is imported: 5 of 6 for the first, 2 for the second.
    good = "序号,赞成,反对,弃权,未按\n1,5,1,0,0\n2,2,3,1,0\n"
    desk.get_by_test_id("device-file").set_input_files(files=_csv(good))
    desk.get_by_test_id("device-submit").click()
    expect(desk.get_by_test_id("device-done")).to_contain_text("已导入 2 个候选项目")
    expect(desk.get_by_test_id("device-report")).to_have_count(0)
    snap(desk, "pages-03-device-import-done")

    # The chair ends the vote: the device counts are the result.
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle}/chair"))
    expect(desk.get_by_test_id("chair-device-import")).to_be_visible()
    desk.get_by_test_id("chair-close-round").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("chair-round-state")).to_have_text("已结束")
    result = desk.get_by_test_id("chair-result")
    expect(result.locator("tbody tr").first).to_contain_text(DEVICE_CANDIDATES[0])
    expect(result.get_by_test_id("result-adopted")).to_have_count(1)

    # After close: the results workbook and the announcement.
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{cycle}"))
    files = desk.get_by_test_id("voting-files")
    expect(files.get_by_test_id("file-announcement-pdf")).to_be_enabled()
    snap(desk, "pages-04-voting-files-after-close")
    name, book = _download(desk, "file-results-xlsx")
    cells = [cell for row in _rows(book) for cell in row]
    assert DEVICE_CANDIDATES[0] in cells and 5 in cells
    name, pdf = _download(desk, "file-announcement-pdf")
    assert name.endswith("公告.pdf"), name
    assert DEVICE_CANDIDATES[0] in _pdf_text(pdf)
    assert round_ > 0 and len(DEPUTIES) == 6


def test_the_reserve_is_browsed_and_carried_into_next_year_keeping_each_year_of_origin(
    live_platform: LivePlatform, s3_endpoint: str, desk: Page
) -> None:
    ids = _world("reserve_years()", s3_endpoint)
    _staff(desk, live_platform)

    # The reserve: the proposal never screened, and the candidate not adopted last year.
    desk.goto(live_platform.url(TOWN, "/voting"))
    desk.get_by_test_id("voting-reserve-link").click()
    rows = desk.get_by_test_id("reserve-list").locator("tbody tr")
    expect(rows).to_have_count(2)
    lost = rows.filter(has_text=LOST)
    expect(lost.get_by_test_id("reserve-origin")).to_have_text(str(RESERVE_YEAR))
    expect(lost.get_by_test_id("reserve-times")).to_have_text("曾列为候选 1 次")
    expect(rows.filter(has_text=KEPT).get_by_test_id("reserve-times")).to_have_text("未列为候选")
    snap(desk, "pages-05-reserve")

    desk.get_by_test_id("reserve-search").fill("公厕")
    desk.get_by_test_id("reserve-search-submit").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(KEPT)
    desk.get_by_test_id("reserve-search").fill("")
    desk.get_by_test_id("reserve-search-submit").click()
    expect(rows).to_have_count(2)

    # Both go into next year's call.
    desk.get_by_test_id("reserve-carry").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("reserve-carried")).to_contain_text(
        f"已将 2 条建议转入 {NEXT_YEAR} 年征集"
    )
    expect(rows).to_have_count(0)
    snap(desk, "pages-06-reserve-carried")

    # Next year's desk: each keeps its year of origin; last year's candidate is one again.
    desk.goto(live_platform.url(TOWN, f"/voting/cycles/{ids['new']}"))
    listed = desk.get_by_test_id("proposal-list").locator("tbody tr")
    expect(listed).to_have_count(2)
    expect(listed.filter(has_text=LOST)).to_contain_text(f"{RESERVE_YEAR} 年提出")
    desk.get_by_test_id("voting-advance").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("voting-phase")).to_have_text("初定")
    listed.filter(has_text=LOST).get_by_test_id("proposal-accept").click()
    listed.filter(has_text=LOST).get_by_test_id("proposal-candidate").click()
    expect(desk.get_by_test_id("voting-candidates").locator("tbody tr")).to_have_count(1)
    expect(desk.get_by_test_id("voting-candidates")).to_contain_text(LOST)
    snap(desk, "pages-07-candidate-again")


def test_staff_find_add_correct_link_and_end_a_deputy_on_the_roster(
    live_platform: LivePlatform, s3_endpoint: str, desk: Page
) -> None:
    _world("roster_account()", s3_endpoint)
    _staff(desk, live_platform)
    desk.goto(live_platform.url(TOWN, "/deputies"))
    table = desk.get_by_test_id("deputy-table").locator("tbody tr")
    expect(table.filter(has_text=DEPUTIES[0])).to_have_count(1)

    # Find: by constituency.
    desk.get_by_test_id("roster-search").fill("第2选区")
    desk.get_by_test_id("roster-search-submit").click()
    expect(table).to_have_count(2)
    snap(desk, "pages-08-roster-search")

    # Add one: a bad phone is refused naming the field, then the entry is saved.
    desk.get_by_test_id("roster-add").click()
    dialog = desk.get_by_test_id("deputy-dialog")
    dialog.get_by_test_id("deputy-name").fill("蒋七星")
    dialog.get_by_test_id("deputy-constituency").fill("第4选区")
    dialog.get_by_test_id("deputy-phone").fill("12345")
    desk.get_by_test_id("deputy-save").click()
    expect(dialog.locator(".el-form-item__error")).to_contain_text("请填写 11 位手机号")
    snap(desk, "pages-09-roster-add-refused")
    dialog.get_by_test_id("deputy-phone").fill("13900007777")
    desk.get_by_test_id("deputy-save").click()
    expect(dialog).to_be_hidden()
    desk.get_by_test_id("roster-search").fill("蒋七星")
    desk.get_by_test_id("roster-search-submit").click()
    expect(table).to_have_count(1)
    expect(table.first).to_contain_text("第4选区")

    # Correct the entry.
    table.first.get_by_test_id("deputy-edit").click()
    dialog.get_by_test_id("deputy-delegation").fill("页面镇第二代表小组")
    desk.get_by_test_id("deputy-save").click()
    expect(table.first).to_contain_text("页面镇第二代表小组")

    # Link the deputy's own account: an unknown one is refused, then the right one.
    table.first.get_by_test_id("deputy-link").click()
    linking = desk.get_by_test_id("link-dialog")
    linking.get_by_test_id("link-login").fill("nobody-here")
    desk.get_by_test_id("link-save").click()
    expect(linking.locator(".el-form-item__error")).to_contain_text("未找到该账号或手机号")
    linking.get_by_test_id("link-login").fill(f"{TOWN}-own")
    desk.get_by_test_id("link-save").click()
    expect(table.first.get_by_test_id("deputy-linked")).to_be_visible()
    snap(desk, "pages-10-roster-linked")

    # End the deputy's service.
    table.first.get_by_test_id("deputy-end").click()
    desk.locator(".voting-confirm-ok").click()
    expect(desk.get_by_test_id("roster-notice")).to_contain_text("已终止“蒋七星”的代表资格")
    expect(table.first).to_contain_text("终止资格")
    expect(table.first.get_by_test_id("deputy-edit")).to_have_count(0)
    snap(desk, "pages-11-roster-ended")

"""Liaison stations and the roster import in real Chromium, on congresses each test provisions
itself (stations_world: 石泉镇 and 石桥镇 under 石门区 and 石城市).

石泉镇's staff import a roster workbook in which two rows are wrong: the report names each bad
row, its column and the reason, and the good rows join the roster; importing the same file again
adds no one. 石桥镇's staff edit their station's opening hours and phone (a blank name is
refused), and its console shows the residents of three levels and the rota; the
station's public page, on a 375 px phone and without a login, shows the published reception days
(not the draft), who is on duty, and the link for giving an opinion. 石桥镇's own deputies are
stationed nowhere else (the postings tab says so); 石门区's staff see their two deputies stationed
at 石桥镇. Every step is screenshotted and
checked by axe-core."""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    in_live_platform,
    log_in,
    patient_expectations,
    wait_for_api,
    world_ids,
)
from tests.e2e.helpers import page_get as _api
from tests.e2e.year_steps import choose_roster, roster_workbook

from .conftest import LivePlatform, snap
from .stations_world import COUNTY, COUNTY_NAME, HEAD_PHONE, IMPORT, STATION, TOWN, TOWN_NAME

pytestmark = pytest.mark.e2e

SLUG, IMPORT_SLUG, IMPORT_NAME = TOWN, IMPORT, "石泉镇"
NEW_HOURS, NEW_PHONE = "周一至周六 8:30-18:00", "0799-6519999"


@pytest.fixture(autouse=True)
def _patient(desk: Page, phone: Page) -> Iterator[None]:
    """The machine runs several suites at once: wait longer than the defaults, not forever."""
    for page in (desk, phone):
        page.set_default_navigation_timeout(90_000)
        page.set_default_timeout(30_000)
    with patient_expectations(20_000):
        yield


@pytest.fixture
def roster_world(live_platform: LivePlatform, s3_endpoint: str) -> None:
    """石泉镇, its staff and an empty roster."""
    in_live_platform("stations_world.roster()", s3_endpoint)


@pytest.fixture
def station_id(live_platform: LivePlatform, s3_endpoint: str) -> int:
    """石桥镇's station with its residents and rota: the station's id."""
    return world_ids("stations_world.station()", s3_endpoint)["station"]


def _image_loaded(page: Page, test_id: str) -> None:
    """The QR code's SVG was fetched and decoded (a broken image has no natural width)."""
    page.wait_for_function(
        "(id) => document.querySelector(`[data-testid=${id}]`)?.naturalWidth > 0", arg=test_id
    )


def _roster(tmp_path: Path) -> Path:
    rows = [
        ["新代表甲", "男", "乡镇人大代表", "第7选区", "第1代表小组", "石泉村村委会", "13512340001"],
        ["新代表乙", "女", "乡镇", "第7选区", "第2代表小组", "镇中心小学教师", "13512340002"],
        ["新代表丙", "男", "乡镇", "第8选区", "第3代表小组", "", "135123"],  # a short phone
        ["新代表丁", "女", "村级", "第8选区", "第3代表小组", "", "13512340004"],  # no such level
        ["新代表戊", "男", "乡镇", "第8选区", "第1代表小组", "种养大户", "13512340005"],
    ]
    return roster_workbook(tmp_path / "石泉镇代表名册.xlsx", rows)


def test_staff_import_a_roster_with_errors_and_see_the_report_per_row(
    live_platform: LivePlatform, roster_world: None, desk: Page, tmp_path: Path
) -> None:
    workbook = _roster(tmp_path)
    log_in(desk, live_platform, IMPORT_SLUG, f"{IMPORT_SLUG}-staff", congress=IMPORT_NAME)
    desk.goto(live_platform.url(IMPORT_SLUG, "/deputies"))
    choose_roster(desk, workbook)
    snap(desk, "stations-01-roster-import-chosen")

    desk.get_by_test_id("roster-import-submit").click()

    summary = desk.get_by_test_id("roster-import-summary")
    expect(summary).to_contain_text("新增 3 人")
    expect(summary).to_contain_text("2 行有误")
    problems = desk.get_by_test_id("roster-import-problems")
    expect(problems).to_contain_text("手机号")
    expect(problems).to_contain_text("应为 11 位手机号码")
    expect(problems).to_contain_text("无法识别“村级”")
    rows = problems.locator(".el-table__body tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("4")  # Excel's row 4: the third deputy
    expect(rows.nth(1)).to_contain_text("5")
    snap(desk, "stations-02-roster-import-report")

    desk.get_by_test_id("roster-import-submit").click()  # the same file again
    expect(summary).to_contain_text("新增 0 人")
    expect(summary).to_contain_text("未变 3 人")
    desk.keyboard.press("Escape")
    expect(desk.get_by_test_id("deputy-table")).to_contain_text("新代表甲")
    # Phones stay masked in the roster list.
    expect(desk.get_by_test_id("deputy-table")).to_contain_text("135****0001")
    snap(desk, "stations-03-roster-after-import")


def test_the_console_and_the_public_station_page_show_the_rota(
    live_platform: LivePlatform, station_id: int, desk: Page, phone: Page
) -> None:
    log_in(desk, live_platform, SLUG, f"{SLUG}-staff", congress="石桥镇")
    stations = _api(desk, "stations")
    station = next(s for s in stations if s["tier"] == "station")
    assert station["id"] == station_id
    desk.goto(live_platform.url(SLUG, f"/stations/{station['id']}"))
    expect(desk.get_by_test_id("station-title")).to_have_text(STATION)
    expect(desk.get_by_test_id("station-qr")).to_be_visible()
    _image_loaded(desk, "station-qr")
    snap(desk, "stations-04-console-overview")

    # Staff edit the station's own fields; a blank name is refused and changes nothing.
    desk.get_by_test_id("station-edit").click()
    name = desk.get_by_test_id("station-edit-form-name")
    expect(name).to_have_value(STATION)
    name.fill("")
    desk.get_by_test_id("station-edit-submit").click()
    expect(desk.get_by_test_id("station-edit-error")).to_be_visible()
    snap(desk, "stations-04a-edit-refused")
    name.fill(STATION)
    desk.get_by_test_id("station-edit-form-hours").fill(NEW_HOURS)
    desk.get_by_test_id("station-edit-form-phone").fill(NEW_PHONE)
    snap(desk, "stations-04b-edit-filled")
    desk.get_by_test_id("station-edit-submit").click()
    facts = desk.get_by_test_id("station-facts")
    expect(facts).to_contain_text(NEW_HOURS)
    expect(facts).to_contain_text(NEW_PHONE)
    expect(desk.get_by_test_id("station-edit-form")).to_be_hidden()
    snap(desk, "stations-04c-edited")
    desk.get_by_role("tab", name="进站代表").click()
    residents = desk.get_by_test_id("station-residents")
    expect(residents).to_contain_text(COUNTY_NAME)
    expect(residents).to_contain_text("省人大代表")
    snap(desk, "stations-05-console-residents")
    desk.get_by_role("tab", name="接待日").click()
    expect(desk.get_by_test_id("station-rota")).to_contain_text("未公告")
    snap(desk, "stations-06-console-rota")

    phone.goto(live_platform.url(SLUG, f"/portal/station/{station['id']}"))

    rota = phone.get_by_test_id("public-station-rota")
    expect(rota).to_contain_text("听取群众对农村饮用水安全的意见")
    expect(rota.locator("li.rota-day")).to_have_count(3)  # the draft day is not public
    expect(rota).not_to_contain_text("代表接待日（草稿）")
    expect(phone.get_by_test_id("public-station-residents")).to_contain_text(COUNTY_NAME)
    expect(phone.get_by_test_id("public-station-opinion")).to_have_attribute(
        "href", f"/portal/opinions/new?station={station['id']}"
    )
    expect(phone.locator("body")).to_contain_text(NEW_HOURS)  # the edit reached the public page
    _image_loaded(phone, "public-station-qr")
    body = phone.content()
    assert HEAD_PHONE not in body  # the station head's mobile is not public
    snap(phone, "stations-07-public-station-phone")

    # 石桥镇's own deputies are stationed nowhere else: the postings tab says so.
    desk.goto(live_platform.url(SLUG, "/stations"))
    desk.get_by_role("tab", name="本级代表进站他处").click()
    expect(desk.get_by_test_id("postings-empty")).to_contain_text("没有在其他人大的联络站进站")
    snap(desk, "stations-08-postings-empty")

    # 石门区's staff see their two deputies stationed at 石桥镇, as 石桥镇 told them.
    log_in(desk, live_platform, COUNTY, f"{COUNTY}-staff", congress="石门区")
    hours = json.dumps(NEW_HOURS)
    wait_for_api(
        desk,
        "stations/postings",
        f"(b) => b.length === 2 && b.every((p) => p.station_opening_hours === {hours})",
    )
    desk.goto(live_platform.url(COUNTY, "/stations"))
    desk.get_by_role("tab", name="本级代表进站他处").click()
    postings = desk.get_by_test_id("postings-table")
    expect(postings.locator("tr.el-table__row")).to_have_count(2)
    for deputy in ("王建明", "刘春梅"):
        expect(postings).to_contain_text(deputy)
    expect(postings).to_contain_text(STATION)
    expect(postings).to_contain_text(TOWN_NAME)
    expect(postings).to_contain_text(NEW_HOURS)  # the edit travelled to the county too
    snap(desk, "stations-09-postings-county")

"""群众意见 from a citizen's phone to the county's answer, in real Chromium (must show 2).

On congresses the test provisions itself (opinions_world: 荷塘镇 under 南湖区 and a city of their
own, with staff, unit liaisons, the township's station and one overdue opinion). At 荷塘镇's
liaison station a citizen scans the station's QR code (the portal form with
?station=<id>) and sends an opinion from a 375 px phone, keeping the tracking code. Township staff
find it in the console, assign it to the township's unit, then escalate it to 南湖区 (a county
road bridge is beyond the township). The real worker delivers the escalation: 南湖区's staff see
the copy marked with its origin and assign it to the county's unit, which answers. The answer
comes back: the township's console shows it with the county's status, and the citizen's tracking
page shows the answer; the citizen rates it 满意 and the opinion closes. In a township of its own
(柳溪镇), a deputy logs on the phone an opinion villagers told him. Every step is screenshotted and
checked by axe-core.
"""

import json
import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import (
    forget_portal_limits,
    in_live_platform,
    log_in,
    patient_expectations,
    wait_for_api,
)
from tests.e2e.helpers import page_get as _api

from .conftest import LivePlatform, Pages, snap
from .opinions_world import (
    C_DEPUTY,
    C_POINT,
    C_STATION,
    C_TOWN,
    COUNTY,
    OVERDUE,
    STATION,
    TOWN,
)

pytestmark = pytest.mark.e2e

TOWNSHIP = TOWN
CONTENT = "荷塘村东桥护栏缺失，学生上学途经此处有坠河风险，请尽快加装护栏。"
ANSWER = "区交通运输局已将东桥护栏列入本月应急工程，15日前完成安装。"


@pytest.fixture(autouse=True)
def patient() -> Iterator[None]:
    """Assertions wait longer than Playwright's 5 s when several suites share the machine."""
    with patient_expectations(30_000):
        yield


@pytest.fixture
def world(live_platform: LivePlatform, s3_endpoint: str) -> None:
    """The test's own congresses, people, station and overdue opinion."""
    in_live_platform("opinions_world.provision()", s3_endpoint)


@pytest.fixture(autouse=True)
def fresh_portal_limits() -> None:
    """The portal's counters live in the live platform's cache: start afresh."""
    forget_portal_limits(TOWNSHIP)


# The machine may be busy (several suites at once): give navigations room.
NAVIGATION_MS = 90_000


def _desk(pages: Pages) -> Page:
    page = pages.desk()
    page.set_default_navigation_timeout(NAVIGATION_MS)
    return page


def _choose(page: Page, select_test_id: str, option: str) -> None:
    page.get_by_test_id(select_test_id).click()
    page.get_by_role("option", name=option).click()


def _open_row(page: Page, text: str) -> None:
    page.get_by_test_id("opinion-list").locator("tbody tr").filter(has_text=text).locator(
        "a"
    ).first.click()
    expect(page.get_by_test_id("opinion-content")).to_have_text(text)


def test_a_station_opinion_escalated_to_the_county_and_answered_reaches_the_citizen(
    live_platform: LivePlatform,
    world: None,
    phone: Page,
    pages: Pages,
) -> None:
    phone.set_default_navigation_timeout(NAVIGATION_MS)
    town = _desk(pages)
    log_in(town, live_platform, TOWNSHIP, f"{TOWNSHIP}-staff", congress="荷塘镇")
    stations = _api(town, "stations")
    assert [s["name"] for s in stations] == [STATION]
    station = stations[0]

    # The citizen scans the station's QR code and writes from the phone.
    phone.goto(live_platform.url(TOWNSHIP, f"/portal/opinions/new?station={station['id']}"))
    expect(phone.get_by_test_id("portal-opinion-station")).to_contain_text(station["name"])
    phone.get_by_test_id("portal-opinion-submit").click()
    expect(phone.get_by_test_id("portal-opinion-form")).to_contain_text("请填写意见内容")
    snap(phone, "opinions-01-portal-form-by-qr-code")
    phone.get_by_test_id("portal-opinion-content").fill(CONTENT)
    _choose(phone, "portal-opinion-category", "交通出行")
    phone.get_by_test_id("portal-opinion-name").fill("刘桂兰")
    phone.get_by_test_id("portal-opinion-phone").fill("13912345678")
    phone.get_by_test_id("portal-opinion-submit").click()
    code_box = phone.get_by_test_id("portal-opinion-code")
    expect(code_box).to_have_text(re.compile(r"^\s*[A-Z0-9]{8}\s*$"))
    code = code_box.inner_text().strip()
    snap(phone, "opinions-02-portal-tracking-code")
    phone.get_by_test_id("portal-opinion-follow").click()
    expect(phone.get_by_test_id("portal-opinion-status")).to_have_text("已分类")
    expect(phone.get_by_test_id("portal-opinion-result")).to_contain_text(station["name"])
    snap(phone, "opinions-03-portal-track-received")

    # Township staff: the console with its SLA clocks, then assign and escalate.
    town.goto(live_platform.url(TOWNSHIP, "/opinions"))
    expect(town.get_by_test_id("opinion-list")).to_contain_text(CONTENT)
    snap(town, "opinions-04-township-console")
    _open_row(town, CONTENT)
    town.get_by_test_id("opinion-action-assign").click()
    _choose(town, "dialog-unit", "荷塘镇承办单位联络员")
    town.get_by_test_id("dialog-submit").click()
    expect(town.get_by_test_id("opinion-status")).to_have_text("已交办")
    expect(town.get_by_test_id("opinion-clock")).to_contain_text("剩")
    snap(town, "opinions-05-township-assigned")
    town.get_by_test_id("opinion-action-escalate").click()
    town.get_by_test_id("dialog-submit").click()
    expect(town.get_by_test_id("opinion-dialog-error")).to_be_visible()
    town.get_by_test_id("dialog-note").fill("东桥属区管道路桥梁，超出镇职权，请区人大常委会督办。")
    town.get_by_test_id("dialog-submit").click()
    expect(town.get_by_test_id("opinion-status")).to_have_text("已上报上级")
    expect(town.get_by_test_id("opinion-escalation")).to_contain_text("南湖区人大常委会")
    snap(town, "opinions-06-township-escalated")

    # The county: the copy, marked with its origin; assigned to the county's unit.
    county = _desk(pages)
    log_in(county, live_platform, COUNTY, f"{COUNTY}-staff", congress="南湖区")
    wait_for_api(county, "opinions", f"(b) => JSON.stringify(b).includes({json.dumps(CONTENT)})")
    county.goto(live_platform.url(COUNTY, "/opinions"))
    row = county.get_by_test_id("opinion-list").locator("tbody tr").filter(has_text=CONTENT)
    expect(row.get_by_test_id("opinion-origin")).to_have_text("荷塘镇人大主席团上报")
    expect(row).not_to_contain_text("刘桂兰")
    snap(county, "opinions-07-county-console-escalated-copy")
    _open_row(county, CONTENT)
    expect(county.get_by_test_id("opinion-detail")).to_contain_text("刘**")
    expect(county.get_by_test_id("opinion-detail")).not_to_contain_text("13912345678")
    county.get_by_test_id("opinion-action-assign").click()
    _choose(county, "dialog-unit", "南湖区承办单位联络员")
    county.get_by_test_id("dialog-submit").click()
    expect(county.get_by_test_id("opinion-status")).to_have_text("已交办")
    snap(county, "opinions-08-county-assigned")

    # The county's unit answers from its own list (it sees only what it was given).
    unit = _desk(pages)
    log_in(unit, live_platform, COUNTY, f"{COUNTY}-unit", congress="南湖区")
    unit.goto(live_platform.url(COUNTY, "/opinions"))
    _open_row(unit, CONTENT)
    unit.get_by_test_id("opinion-unit-handle").click()
    expect(unit.get_by_test_id("opinion-status")).to_have_text("办理中")
    unit.get_by_test_id("opinion-unit-answer").fill(ANSWER)
    unit.get_by_test_id("opinion-unit-send").click()
    expect(unit.get_by_test_id("opinion-status")).to_have_text("已答复")
    snap(unit, "opinions-09-county-unit-answered")

    # Back at the township: the county's answer and status.
    town_opinion = re.findall(r"/opinions/(\d+)", town.url)[-1]
    wait_for_api(town, f"opinions/{town_opinion}", "(b) => b.status === 'replied'")
    town.reload()
    expect(town.get_by_test_id("opinion-status")).to_have_text("已答复")
    expect(town.get_by_test_id("opinion-upstream-status")).to_have_text("已答复")
    expect(town.get_by_test_id("opinion-answer")).to_contain_text(ANSWER)
    expect(town.get_by_test_id("opinion-answer")).to_contain_text("南湖区人大常委会")
    snap(town, "opinions-10-township-sees-county-answer")

    # The citizen's tracking page: the answer, then a 满意 that closes it.
    phone.goto(live_platform.url(TOWNSHIP, f"/portal/opinions/track/{code}"))
    expect(phone.get_by_test_id("portal-opinion-status")).to_have_text("已答复")
    expect(phone.get_by_test_id("portal-opinion-answer")).to_contain_text(ANSWER)
    expect(phone.get_by_test_id("portal-opinion-timeline")).to_contain_text(
        "已上报南湖区人大常委会办理"
    )
    snap(phone, "opinions-11-portal-track-answered")
    phone.get_by_test_id("portal-opinion-rate-satisfied").click()
    phone.get_by_test_id("portal-opinion-rate-submit").click()
    expect(phone.get_by_test_id("portal-opinion-status")).to_have_text("已办结")
    expect(phone.get_by_test_id("portal-opinion-rating")).to_contain_text("满意")
    snap(phone, "opinions-12-portal-rated")

    # The opinion received 130 days ago: the red clock in the township's console.
    town.goto(live_platform.url(TOWNSHIP, "/opinions"))
    town.get_by_test_id("opinion-filter-overdue").click()
    town.get_by_test_id("opinion-filter-apply").click()
    overdue = town.get_by_test_id("opinion-list").locator("tbody tr").filter(has_text=OVERDUE)
    expect(overdue).to_contain_text("超期")
    snap(town, "opinions-13-township-overdue")

    # A reception: staff record what a citizen told the deputy on duty at the station.
    town.goto(live_platform.url(TOWNSHIP, "/opinions"))
    town.get_by_test_id("opinion-new").click()
    town.get_by_test_id("reception-content").fill("希望在荷塘村增设公交站台。")
    town.get_by_test_id("reception-name").fill("陈师傅")
    _choose(town, "reception-station", station["name"])
    snap(town, "opinions-14-township-reception")
    town.get_by_test_id("reception-save").click()
    expect(town.get_by_test_id("opinion-content")).to_have_text("希望在荷塘村增设公交站台。")
    expect(town.get_by_test_id("opinion-detail")).to_contain_text(station["name"])
    expect(town.get_by_test_id("opinion-detail")).to_contain_text("接待选民")

    # The answer clocks, set per congress (3 / 6 / 1 months by default).
    town.get_by_test_id("opinion-back").click()
    town.get_by_test_id("opinion-policy").click()
    expect(town.get_by_test_id("policy-answer_months").locator("input")).to_have_value("3")
    expect(town.get_by_test_id("policy-extended_months").locator("input")).to_have_value("6")
    snap(town, "opinions-15-township-answer-clocks")


COLLECTED = "柳湾村二组水渠淤塞，雨季农田排水不畅，村民希望汛期前清淤。"


def test_a_deputy_logs_an_opinion_collected_from_constituents_on_the_phone(
    live_platform: LivePlatform, s3_endpoint: str, phone: Page
) -> None:
    """陈志华, a 柳溪镇 deputy, logs on a 375 px phone what villagers told him: an empty form and a
    station he is not stationed at are refused with the reason; then it is logged at his own
    station and he follows it under 我的待办."""
    in_live_platform("opinions_world.collector()", s3_endpoint)
    phone.set_default_navigation_timeout(NAVIGATION_MS)
    log_in(phone, live_platform, C_TOWN, C_DEPUTY, congress="柳溪镇")
    phone.goto(live_platform.url(C_TOWN, "/me/tasks"))
    phone.get_by_test_id("me-opinion-add").click()
    expect(phone.get_by_test_id("collect-form")).to_be_visible()
    snap(phone, "opinions-c1-deputy-form")

    phone.get_by_test_id("collect-submit").click()
    expect(phone.get_by_test_id("collect-error")).to_be_visible()
    snap(phone, "opinions-c2-deputy-empty-refused")

    phone.get_by_test_id("collect-content").fill(COLLECTED)
    phone.get_by_test_id("collect-name").fill("柳湾村村民赵大伯")
    phone.get_by_test_id("collect-phone").fill("13912340099")
    _choose(phone, "collect-category", "农业农村")
    _choose(phone, "collect-station", C_POINT)
    phone.get_by_test_id("collect-submit").click()
    expect(phone.get_by_test_id("collect-error")).to_contain_text("您未在该联络站进站")
    snap(phone, "opinions-c3-deputy-not-stationed-refused")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375  # nothing off-screen

    _choose(phone, "collect-station", C_STATION)
    phone.get_by_test_id("collect-submit").click()
    expect(phone).to_have_url(re.compile(r"/me/tasks$"))
    logged = phone.get_by_test_id("me-tasks-opinions").locator("li").filter(has_text=COLLECTED)
    expect(logged).to_contain_text(C_STATION)
    snap(phone, "opinions-c4-deputy-follows-it")
    mine = _api(phone, "opinions/mine")["results"]
    assert [(m["content"], m["station_name"]) for m in mine] == [(COLLECTED, C_STATION)]

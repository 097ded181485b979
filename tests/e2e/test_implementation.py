"""Implementation and supervision in real Chromium, on a congress the test provisions itself:
实施镇 (its own city, county and township, provisioned by the real service; this year's three
projects voted and in implementation). The responsible unit's account logs in on a 375 px phone
and reports progress on the market project with a photo, which the project page then shows
through a presigned URL. Staff see the board: the market is green, its next milestone ten days
away. The beat task runs as of eleven days later (the management command against the e2e
database, time set by the test); the reloaded board shows the market red, and the staff's bell
counts the overdue alert. A deputy reads the board without any editing control. Every step is
screenshotted and checked by axe-core."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, FilePayload, Page, expect

from tests.e2e.helpers import live_manage, log_in, page_get, patient_expectations, world_ids
from tests.factories import PNG

from .conftest import LivePlatform, snap
from .implementation_world import (
    DEPUTIES,
    FIT_TOWN_SHORT,
    GROUPS_TOWN_SHORT,
    MARKET,
    TOWN,
    TOWN_SHORT,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def patient() -> Iterator[None]:
    """The shared test machine can be slow: wait longer for pages and assertions, then restore."""
    with patient_expectations(20_000):
        yield


SLUG = TOWN


def test_a_unit_reports_with_a_photo_and_a_late_milestone_turns_red(
    live_platform: LivePlatform, browser: Browser, phone: Page, desk: Page, s3_endpoint: str
) -> None:
    market_id = world_ids("implementation_world.provision()", s3_endpoint)["market"]
    for page in (phone, desk):
        page.set_default_timeout(60_000)
    # The unit, on its phone: its own projects, then the progress form with a photo.
    log_in(phone, live_platform, SLUG, f"{SLUG}-unit", congress=TOWN_SHORT)
    phone.goto(live_platform.url(SLUG, "/implementation"))
    card = phone.get_by_test_id(re.compile(r"unit-project-\d+")).filter(has_text=MARKET)
    expect(card).to_be_visible()
    snap(phone, "implementation-01-unit-projects-phone")
    card.get_by_test_id("unit-report-link").click()
    expect(phone.get_by_test_id("report-project")).to_have_text(MARKET)
    phone.get_by_test_id("report-percent").locator("input").fill("60")
    phone.get_by_test_id("report-text").fill("顶棚钢构安装完成，排水沟全线贯通。")
    photo: FilePayload = {"name": "市场顶棚.png", "mimeType": "image/png", "buffer": PNG}
    phone.get_by_test_id("report-photos").set_input_files([photo])
    expect(phone.get_by_test_id("report-photo-count")).to_contain_text("1")
    snap(phone, "implementation-02-unit-progress-form-phone")
    phone.get_by_test_id("report-submit").click()

    # The project page shows the report and its photo, served by a presigned URL.
    expect(phone.get_by_test_id("project-title")).to_have_text(MARKET)
    report = phone.get_by_test_id("project-report").first
    expect(report).to_contain_text("60%")
    image = report.get_by_test_id("report-photo")
    expect(image).to_have_attribute("src", re.compile(r"X-Amz-Signature="))
    phone.wait_for_function(
        "() => { const i = document.querySelector('[data-testid=report-photo]');"
        " return i && i.complete && i.naturalWidth > 0 }"
    )
    snap(phone, "implementation-03-report-with-photo-phone")

    # Staff: the board, the market green (its next milestone ten days away).
    log_in(desk, live_platform, SLUG, f"{SLUG}-staff", congress=TOWN_SHORT)
    desk.goto(live_platform.url(SLUG, "/implementation"))
    projects = page_get(desk, "implementation/projects")
    assert [p["id"] for p in projects if p["name"] == MARKET] == [market_id]
    light = desk.get_by_test_id(f"light-{market_id}")
    expect(light).to_have_attribute("data-light", "green")
    expect(desk.get_by_test_id("implementation-board")).to_contain_text("60")
    snap(desk, "implementation-04-board-before")

    # Eleven days later the beat runs: the milestone has passed its date.
    later = timezone.localtime() + timedelta(days=11)
    beat = ("implementation_alerts", "--congress", SLUG, "--now", later.isoformat())
    output = live_manage(live_platform, *beat)
    assert f"{SLUG}:" in output
    desk.reload()
    expect(desk.get_by_test_id(f"light-{market_id}")).to_have_attribute("data-light", "red")
    snap(desk, "implementation-05-board-red-after-beat")

    # The overdue alert reached the staff (once, however often the beat runs).
    live_manage(live_platform, *beat)
    desk.get_by_test_id("notification-bell").click()
    notes = desk.get_by_test_id("notification").filter(has_text=MARKET)
    expect(notes).to_have_count(1)
    snap(desk, "implementation-06-staff-notifications")

    # A deputy reads the board and the project, with no control to edit or report.
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    deputy = context.new_page()
    deputy.set_default_timeout(60_000)
    log_in(deputy, live_platform, SLUG, f"{SLUG}-deputy", congress=TOWN_SHORT)
    deputy.goto(live_platform.url(SLUG, "/implementation"))
    expect(deputy.get_by_test_id("implementation-readonly")).to_be_visible()
    deputy.get_by_test_id(f"project-link-{market_id}").click()
    expect(deputy.get_by_test_id("project-light")).to_have_attribute("data-light", "red")
    expect(deputy.get_by_test_id("plan-form")).to_have_count(0)
    expect(deputy.get_by_test_id("project-report-link")).to_have_count(0)
    snap(deputy, "implementation-07-deputy-reads-project")
    context.close()


# Elements inside the page's main area that cut their content off sideways (overflow hidden or
# clipped with more content than width) or stick out past the viewport's right edge; and whether
# the page itself scrolls sideways. Inputs scroll their own text and are left out.
CLIPPED = """() => {
  const width = window.innerWidth
  const found = []
  if (document.documentElement.scrollWidth > width + 1) found.push('page ' + document.documentElement.scrollWidth)
  for (const el of document.querySelectorAll('#main-content *')) {
    if (el.closest('input, textarea, svg')) continue
    const box = el.getBoundingClientRect()
    if (box.width === 0 || box.height === 0) continue
    const style = getComputedStyle(el)
    const hides = style.overflowX === 'hidden' || style.overflowX === 'clip'
    if (hides && style.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1)
      found.push('clipped ' + el.tagName + '.' + el.className + ' ' + el.scrollWidth + '>' + el.clientWidth)
    else if (box.right > width + 1)
      found.push('outside ' + el.tagName + '.' + el.className + ' ' + Math.round(box.right))
  }
  return found.slice(0, 10)
}"""


def _pick(page: Page, select: str, option: str) -> None:
    page.get_by_test_id(select).click()
    page.get_by_role("option", name=option, exact=True).click()


def test_staff_form_supervision_groups_and_set_yearly_stages_on_their_own_pages(
    live_platform: LivePlatform, browser: Browser, desk: Page, phone: Page, s3_endpoint: str
) -> None:
    ids = world_ids("implementation_world.provision_groups()", s3_endpoint)
    assert set(ids) == {"market", "sewer", "care"}, ids
    slug, year = "grp-town", timezone.localdate().year
    desk.set_default_timeout(60_000)
    log_in(desk, live_platform, slug, f"{slug}-staff", congress=GROUPS_TOWN_SHORT)

    # The supervision groups, reached from the board: the market's three deputies, the care
    # centre's group not formed yet.
    desk.goto(live_platform.url(slug, "/implementation"))
    desk.get_by_test_id("groups-link").click()
    expect(desk.get_by_test_id("groups-title")).to_have_text("代表监督小组")
    expect(desk.get_by_test_id(f"group-members-{ids['market']}")).to_have_text(
        "、".join(DEPUTIES[:3])
    )
    expect(desk.get_by_test_id(f"group-members-{ids['care']}")).to_have_text("尚未组建")
    snap(desk, "groups-01-list")

    # Forming the care centre's group: two deputies picked from the roster.
    desk.get_by_test_id(f"group-edit-{ids['care']}").click()
    dialog = desk.get_by_test_id("group-dialog")
    expect(dialog).to_contain_text("日间照料中心建设")
    dialog.get_by_test_id("group-form-members").click()
    for name in (DEPUTIES[4], DEPUTIES[5]):
        desk.get_by_role("option", name=name, exact=True).click()
    desk.keyboard.press("Escape")
    expect(dialog.get_by_test_id("group-form-members")).to_contain_text(DEPUTIES[5])
    snap(desk, "groups-02-form-the-group")
    desk.get_by_test_id("group-form-submit").click()
    expect(desk.get_by_test_id(f"group-members-{ids['care']}")).to_have_text(
        f"{DEPUTIES[4]}、{DEPUTIES[5]}"
    )
    expect(dialog).to_be_hidden()

    # Changing the market's group: one deputy taken off.
    desk.get_by_test_id(f"group-edit-{ids['market']}").click()
    dialog.locator(".el-tag").filter(has_text=DEPUTIES[2]).locator(".el-tag__close").click()
    desk.get_by_test_id("group-form-submit").click()
    expect(desk.get_by_test_id(f"group-members-{ids['market']}")).to_have_text(
        "、".join(DEPUTIES[:2])
    )
    snap(desk, "groups-03-changed")

    # The yearly stages, from the menu: none yet; the sewer's next year added.
    desk.get_by_test_id("menu-implementation-stages").click()
    expect(desk.get_by_test_id("stages-title")).to_have_text("年度阶段")
    expect(desk.get_by_test_id("stages-table")).to_contain_text("暂无年度阶段")
    snap(desk, "stages-01-empty")
    desk.get_by_test_id("stage-create-open").click()
    stage_dialog = desk.get_by_test_id("stage-dialog")
    _pick(desk, "stage-form-project", f"{year} · 镇区污水管网延伸")
    # A year before the vote is refused, with the reason beside the field.
    stage_dialog.get_by_test_id("stage-form-year").locator("input").fill(str(year - 1))
    stage_dialog.get_by_test_id("stage-form-target").fill("二期管网接入剩余3个自然村。")
    stage_dialog.get_by_test_id("stage-form-investment").fill("120")
    desk.get_by_test_id("stage-form-submit").click()
    expect(stage_dialog).to_contain_text(f"年度阶段不能早于项目票决的年度（{year}年）")
    snap(desk, "stages-02-year-before-the-vote-refused")
    stage_dialog.get_by_test_id("stage-form-year").locator("input").fill(str(year + 1))
    desk.get_by_test_id("stage-form-submit").click()
    expect(stage_dialog).to_be_hidden()
    table = desk.get_by_test_id("stages-table")
    expect(table).to_contain_text("二期管网接入剩余3个自然村。")
    expect(table).to_contain_text("120.00")
    snap(desk, "stages-03-added")

    stages = page_get(desk, "implementation/stages")
    assert [(s["project_id"], s["year"]) for s in stages] == [(ids["sewer"], year + 1)]
    stage = stages[0]["id"]
    desk.get_by_test_id(f"stage-edit-{stage}").click()
    expect(stage_dialog.get_by_test_id("stage-form-year").locator("input")).to_be_disabled()
    stage_dialog.get_by_test_id("stage-form-target").fill(
        "二期管网接入剩余3个自然村，建设提升泵站。"
    )
    desk.get_by_test_id("stage-form-submit").click()
    expect(table).to_contain_text("建设提升泵站")
    snap(desk, "stages-04-edited")

    desk.get_by_test_id(f"stage-remove-{stage}").click()
    desk.locator(".el-message-box").get_by_role("button", name="删除").click()
    expect(table).to_contain_text("暂无年度阶段")
    snap(desk, "stages-05-removed")

    # A unit account sees neither page in its menu, and the API refuses it.
    log_in(phone, live_platform, slug, f"{slug}-unit", congress=GROUPS_TOWN_SHORT)
    expect(phone.get_by_test_id("menu-implementation-groups")).to_have_count(0)
    status = phone.evaluate("async () => (await fetch('/api/v1/implementation/stages')).status")
    assert status == 403


def test_the_units_phone_pages_fit_375_px_and_the_round_form_labels_its_fields(
    live_platform: LivePlatform, browser: Browser, desk: Page, phone: Page, s3_endpoint: str
) -> None:
    world = f"implementation_world.provision_groups('fit', '{FIT_TOWN_SHORT}', 1)"
    ids = world_ids(world, s3_endpoint)
    slug = "fit-town"
    phone.set_default_timeout(60_000)
    log_in(phone, live_platform, slug, f"{slug}-unit", congress=FIT_TOWN_SHORT)
    assert phone.viewport_size == {"width": 375, "height": 812}

    # The unit's own projects, a project with its milestones and open rectification, and the
    # progress form: nothing cut off sideways on a 375 px phone.
    phone.goto(live_platform.url(slug, "/implementation"))
    expect(phone.get_by_test_id(f"unit-project-{ids['market']}")).to_be_visible()
    assert phone.evaluate(CLIPPED) == []
    snap(phone, "unit-phone-01-projects")
    phone.get_by_test_id(f"unit-project-{ids['market']}").get_by_role("link", name="查看").click()
    expect(phone.get_by_test_id("project-title")).to_have_text(MARKET)
    expect(phone.get_by_test_id("milestones")).to_contain_text("顶棚和排水完工")
    expect(phone.get_by_test_id("rectifications")).to_contain_text("排水沟盖板缺失")
    assert phone.evaluate(CLIPPED) == []
    snap(phone, "unit-phone-02-project")
    phone.goto(live_platform.url(slug, f"/implementation/projects/{ids['sewer']}"))
    expect(phone.get_by_test_id("milestones")).to_contain_text("一期管网铺设完成")
    assert phone.evaluate(CLIPPED) == []
    snap(phone, "unit-phone-03-project-late-milestone")
    phone.goto(live_platform.url(slug, f"/implementation/projects/{ids['market']}/report"))
    expect(phone.get_by_test_id("report-project")).to_have_text(MARKET)
    assert phone.evaluate(CLIPPED) == []
    snap(phone, "unit-phone-04-report-form")
    phone.goto(live_platform.url(slug, "/opinions"))
    expect(phone.get_by_test_id("opinion-list")).to_contain_text("路灯夜间多处不亮")
    assert phone.evaluate(CLIPPED) == []
    snap(phone, "unit-phone-05-opinions")

    # The city's benchmark round form: each criterion's fields carry a visible label and the
    # weight field is wide enough to read, in Chinese and in English.
    desk.set_default_timeout(60_000)
    city = "fit-city"
    log_in(desk, live_platform, city, f"{city}-staff", congress="适配市人大常委会")
    for locale, labels in (
        ("zh-CN", ("评分项", "权重", "指标")),
        ("en", ("Criterion name", "Weight", "Indicator")),
    ):
        desk.evaluate(f"localStorage.setItem('congress.locale', '{locale}')")
        desk.goto(live_platform.url(city, "/benchmarks"))
        desk.get_by_test_id("benchmark-create").click()
        form = desk.get_by_test_id("benchmark-form")
        row = form.get_by_test_id("criterion-0")
        expect(row).to_be_visible()
        for label in labels:
            expect(row.locator(".criteria__label").filter(has_text=label).first).to_be_visible()
        weight = row.get_by_test_id("criterion-weight-0").locator("input")
        box = weight.bounding_box()
        assert box is not None and box["width"] >= 60, box
        overlaps = desk.evaluate(
            """() => [...document.querySelectorAll('[data-testid=benchmark-form] .el-form-item')]
              .filter((item) => {
                const label = item.querySelector('.el-form-item__label')
                const content = item.querySelector('.el-form-item__content')
                if (!label || !content) return false
                const a = label.getBoundingClientRect(), b = content.getBoundingClientRect()
                return a.right > b.left + 1 && a.bottom > b.top + 1
              }).map((item) => item.querySelector('.el-form-item__label').textContent)"""
        )
        assert overlaps == [], overlaps
        snap(desk, f"benchmark-form-{locale}")
    desk.evaluate("localStorage.setItem('congress.locale', 'zh-CN')")

"""The city's dashboard and wall display in real Chromium, over generated figures.

The demo's figures for this year are replaced by plausible generated ones (written straight into
the rollup rows of the e2e database: the page reads nothing else); 云溪市's staff open the
dashboard, filter by county, and open the wall display at 1920x1080, which fits the screen and
picks up a changed figure on its next refresh."""

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from psycopg.types.json import Jsonb

from tests.e2e.helpers import congresses_below, live_database, log_in

from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e

YEAR = timezone.localdate().year
CITY = "yunxi"


def _figures(i: int) -> dict[str, dict[str, Any]]:
    """Plausible figures for the i-th tenant: varied, never all alike."""
    projects = 8 + i % 4
    return {
        "voting": {
            "voting_phase": ["implement", "evaluate", "vote", "deliberate"][i % 4],
            "proposals": 20 + 3 * i,
            "candidates": projects + 2,
            "adopted": projects,
        },
        "implementation": {
            "projects": projects,
            "projects_completed": projects - 2 - i % 3,
            "projects_red": i % 2,
            "milestones_overdue": i % 3,
            "funds_planned": f"{1200 + 150 * i}.00",
            "funds_allocated": f"{900 + 120 * i}.00",
            "funds_spent": f"{600 + 110 * i}.00",
        },
        "evaluation": {
            "rated_satisfied": 6 + i % 3,
            "rated_basic": 2,
            "rated_unsatisfied": i % 2,
            "ballots_valid": 40 * (8 + i % 3 + i % 2),
            "ballots_satisfied": 34 * (8 + i % 3),
        },
        "stations": {
            "stations": 3 + i % 3,
            "stations_rated": 3,
            "star_total": 11 + i % 4,
        },
        "activities": {
            "activities": 14 + 2 * i,
            "activity_attendances": 160 + 9 * i,
            "deputies_active": 30 + 4 * i,
            "deputies": 40 + 5 * i,
        },
        "opinions": {
            "opinions": 60 + 7 * i,
            "opinions_escalated_in": i % 2,
            "opinions_closed": 50 + 6 * i,
            "opinions_on_time": 44 + 5 * i,
            "opinions_overdue": 2 + i % 3,
        },
    }


def _write(conn: psycopg.Connection[Any], slug: str, topic: str, figures: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO rollups_rollup"
        " (congress_id, year, topic, figures, computed_at, changed_at, outbox_position)"
        " SELECT id, %s, %s, %s, now(), now(), 0 FROM congresses_congress WHERE slug = %s"
        " ON CONFLICT (congress_id, year, topic) DO UPDATE"
        " SET figures = EXCLUDED.figures, computed_at = EXCLUDED.computed_at,"
        " changed_at = EXCLUDED.changed_at",
        [YEAR, topic, Jsonb(figures), slug],
    )


@pytest.fixture
def generated(live_platform: LivePlatform) -> Iterator[psycopg.Connection[Any]]:
    """Figures for every tenant below the city: the demo's, and any another scenario added."""
    with live_database() as conn:
        for i, slug in enumerate(congresses_below(CITY)):
            for topic, figures in _figures(i).items():
                _write(conn, slug, topic, figures)
        live_platform.manage("rollup_totals_rebuild")  # rows written by hand: sum them again
        yield conn


def _adopted(tenants: int) -> int:
    return sum(_figures(i)["voting"]["adopted"] for i in range(tenants))


def test_the_city_dashboard_and_the_wall_display(
    live_platform: LivePlatform, browser: Browser, generated: psycopg.Connection[Any]
) -> None:
    context = browser.new_context(viewport={"width": 1600, "height": 1000})
    context.set_default_timeout(60_000)  # a busy machine builds the page slowly
    page = context.new_page()
    log_in(page, live_platform, CITY, f"{CITY}-staff", congress="云溪市", timeout=60_000)

    below = congresses_below(CITY)
    page.get_by_test_id("menu-dashboard").click()
    expect(page.get_by_test_id("dashboard-scope")).to_contain_text(
        f"所辖 {len(below)} 个单位", timeout=30_000
    )
    expect(page.get_by_test_id("kpi-adopted")).to_contain_text(str(_adopted(len(below))))
    table = page.get_by_test_id("dashboard-table-voting")
    expect(table).to_contain_text("青石镇人大主席团")
    link = table.get_by_test_id("tenant-link-qingshi")
    assert link.get_attribute("href") == live_platform.url("qingshi", "/portal")
    page.locator(".echart canvas").first.wait_for()
    snap(page, "dashboard-city")

    page.get_by_test_id("dashboard-county").click()
    page.get_by_role("option", name="南山县人大常委会").click()
    expect(page.get_by_test_id("dashboard-scope")).to_contain_text(
        f"所辖 {1 + len(congresses_below('nanshan'))} 个单位", timeout=30_000
    )
    expect(table).not_to_contain_text("青石镇人大主席团")
    expect(table).to_contain_text("松岭镇人大主席团")
    page.get_by_role("tab", name="群众意见办理").click()
    expect(page.get_by_test_id("dashboard-table-opinions")).to_contain_text("%")
    snap(page, "dashboard-county-filter")
    with page.expect_download() as download:
        page.get_by_test_id("export-opinions").click()
    assert download.value.suggested_filename.endswith("群众意见办理.xlsx")
    context.close()

    wall_context = browser.new_context(viewport={"width": 1920, "height": 1080})
    wall_context.set_default_timeout(60_000)
    wall = wall_context.new_page()
    log_in(wall, live_platform, CITY, f"{CITY}-staff", congress="云溪市", timeout=60_000)
    wall.goto(live_platform.url(CITY, "/wall?refresh=10"))
    adopted = wall.get_by_test_id("wall-adopted")
    expect(adopted).to_contain_text(str(_adopted(len(below))), timeout=30_000)
    wall.locator(".echart canvas").nth(5).wait_for()
    fits = wall.evaluate(
        "() => document.documentElement.scrollHeight <= innerHeight"
        " && document.documentElement.scrollWidth <= innerWidth"
    )
    assert fits, "the wall display scrolls"
    snap(wall, "wall-display-1920x1080")

    # A township adopts two more projects: the wall shows it on its next refresh, unasked.
    shimen = _figures(below.index("shimen"))["voting"]
    _write(generated, "shimen", "voting", {**shimen, "adopted": shimen["adopted"] + 2})
    live_platform.manage("rollup_totals_rebuild")
    expect(adopted).to_contain_text(str(_adopted(len(below)) + 2), timeout=20_000)
    wall_context.close()

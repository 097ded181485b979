"""Rule templates from above in real Chromium (docs/voting.md, "Rule templates from above"), on a
city, county and township the test provisions in the live platform's database: the county's staff
write their 实施办法 with the quorum "more than two thirds" locked and issue it; the township's staff
create a cycle, which starts from the county's template (the dialog says so); on the cycle's page
the quorum is shown locked, with the county's template as its source, and its inputs are disabled,
while the seats changed in the dialog are 本级. The county then sees which template the township
used. Screenshots, each checked by axe-core, in test-results/screenshots."""

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import in_live_platform, log_in, patient_expectations

from .conftest import LivePlatform, snap
from .rules_world import COUNTY, COUNTY_STAFF, TOWN_STAFF, TOWNSHIP

pytestmark = pytest.mark.e2e

TEMPLATE = "云岭县民生实事项目人大代表票决制实施办法"
FROM_COUNTY = f"上级 {COUNTY[1]}《{TEMPLATE}》"


@pytest.fixture(autouse=True)
def _patient(desk: Page) -> Iterator[None]:
    """The machine runs several suites at once: wait longer than the defaults, not forever."""
    desk.set_default_navigation_timeout(90_000)
    desk.set_default_timeout(30_000)
    with patient_expectations(20_000):
        yield


def _until(page: Page, path: str, condition: str) -> None:
    """Wait until the API answer at `path` meets `condition` (a JS expression over `body`): the
    dispatches travel by the Celery worker."""
    page.wait_for_function(
        f"""async () => {{
          const r = await fetch('/api/v1/{path}', {{credentials: 'same-origin'}})
          const body = await r.json()
          return {condition}
        }}""",
        polling=500,
        timeout=90_000,
    )


def test_a_county_template_reaches_the_township_and_its_locked_quorum_shows_locked(
    live_platform: LivePlatform, s3_endpoint: str, desk: Page
) -> None:
    in_live_platform("rules_world.provision()", s3_endpoint)

    # Given the county's staff on 票决规则模板
    log_in(desk, live_platform, COUNTY[0], COUNTY_STAFF, congress=COUNTY[1])
    desk.get_by_test_id("menu-voting-rule-templates").click()
    form = desk.get_by_test_id("template-form")
    expect(form).to_be_visible()

    # When they write their 实施办法 with a quorum of more than two thirds, locked below
    form.get_by_test_id("template-name").fill(TEMPLATE)
    form.get_by_test_id("rules-quorum-comparison").get_by_text("超过").click()
    form.get_by_test_id("template-lock-quorum").click()
    expect(form.get_by_test_id("template-lock-quorum").get_by_role("checkbox")).to_be_checked()
    snap(desk, "rule-templates-01-county-writes")
    form.get_by_test_id("template-issue").click()

    # Then it is issued, and listed as the one new cycles start from
    expect(desk.get_by_test_id("template-issued")).to_be_visible()
    listed = desk.get_by_test_id("template-list").locator("tr", has_text=TEMPLATE)
    expect(listed).to_contain_text("法定人数")
    expect(listed).to_contain_text("新建票决从此起始")
    snap(desk, "rule-templates-02-county-issued")

    # When the township's staff create a cycle (once the template has arrived)
    log_in(desk, live_platform, TOWNSHIP[0], TOWN_STAFF, congress=TOWNSHIP[1])
    _until(desk, "voting/rules-template", "body.template !== null")
    desk.get_by_test_id("menu-voting").click()
    desk.get_by_test_id("cycle-create-open").click()
    dialog = desk.get_by_test_id("cycle-form")
    expect(dialog.get_by_test_id("cycle-form-template-source")).to_have_text(
        f"从规则模板 {FROM_COUNTY} 起始"
    )
    expect(dialog.get_by_test_id("cycle-form-template-locked")).to_contain_text("法定人数")
    dialog.get_by_test_id("cycle-form-title").fill("云岭镇2027年民生实事项目票决")
    dialog.get_by_test_id("cycle-form-seats").locator("input").fill("6")
    snap(desk, "rule-templates-03-township-new-cycle")
    dialog.get_by_test_id("cycle-form-submit").click()

    # Then the cycle's quorum is the county's, locked and disabled; the seats are the township's
    expect(desk.get_by_test_id("voting-cycle-title")).to_have_text("云岭镇2027年民生实事项目票决")
    rules = desk.get_by_test_id("voting-rules")
    expect(rules.get_by_test_id("rules-source-quorum")).to_contain_text(FROM_COUNTY)
    expect(rules.get_by_test_id("rules-locked-quorum")).to_be_visible()
    expect(rules.get_by_test_id("rules-quorum-numerator").locator("input")).to_be_disabled()
    expect(
        rules.get_by_test_id("rules-quorum-comparison").get_by_role("radio", name="超过")
    ).to_be_checked()
    expect(rules.get_by_test_id("rules-source-seats")).to_have_text("本级")
    expect(rules.get_by_test_id("rules-seats").locator("input")).to_be_enabled()
    expect(rules.get_by_test_id("rules-locked-seats")).to_have_count(0)
    snap(desk, "rule-templates-04-township-cycle-locked")

    # And the county sees which template the township started from
    desk.goto(live_platform.url(COUNTY[0], "/"))  # still logged in on the county's host
    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile(COUNTY[1]))
    _until(
        desk,
        "voting/rule-templates/uses",
        f"body.some((u) => u.congress_name === '{TOWNSHIP[1]}' && u.year !== null)",
    )
    desk.get_by_test_id("menu-voting-rule-templates").click()
    used = desk.get_by_test_id("template-uses").locator("tr", has_text=TOWNSHIP[1])
    expect(used).to_contain_text(f"{COUNTY[1]}《{TEMPLATE}》")
    snap(desk, "rule-templates-05-county-sees-use")

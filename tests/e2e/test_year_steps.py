"""The shared page steps (year_steps.py) on a page of their own, without the live platform."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.year_steps import mark_ballot

from .conftest import Pages

pytestmark = pytest.mark.e2e

BALLOT = """
<form data-testid="ballot">
  <div role="radiogroup" aria-label="对“镇卫生院改造”的{of}">
    <label><input type="radio" name="a" value="yes">赞成</label>
    <label><input type="radio" name="a" value="no">反对</label>
  </div>
  <div role="radiogroup" aria-label="对“老街路灯”的{of}">
    <label><input type="radio" name="b" value="satisfied">满意</label>
    <label><input type="radio" name="b" value="basic">基本满意</label>
  </div>
</form>
"""


def test_a_ballot_is_marked_per_project_in_the_group_named_for_it(pages: Pages) -> None:
    page = pages.phone()
    page.set_content(BALLOT.format(of="表决"))
    form = page.get_by_test_id("ballot")

    mark_ballot(form, [("镇卫生院改造", "反对"), ("老街路灯", re.compile("^满意$"))])

    expect(page.locator("input[value=no]")).to_be_checked()
    expect(page.locator("input[value=yes]")).not_to_be_checked()
    expect(page.locator("input[value=satisfied]")).to_be_checked()
    expect(page.locator("input[value=basic]")).not_to_be_checked()


def test_a_rating_form_names_its_groups_for_the_rating(pages: Pages) -> None:
    page = pages.phone()
    page.set_content(BALLOT.format(of="测评"))

    mark_ballot(page.get_by_test_id("ballot"), [("老街路灯", "基本满意")], of="测评")

    expect(page.locator("input[value=basic]")).to_be_checked()
    expect(page.locator("input[value=satisfied]")).not_to_be_checked()

"""The browser tests' shared helpers (helpers.py) on pages of their own, without the platform."""

import pytest
from playwright.sync_api import Page, Route, expect

from tests.e2e.helpers import cycle_in_url, patient_expectations

from .conftest import Pages

pytestmark = pytest.mark.e2e


def _at(page: Page, path: str) -> Page:
    def answer(route: Route) -> None:
        route.fulfill(body="<p>周期</p>", content_type="text/html")

    page.route("http://town.test/**", answer)
    page.goto(f"http://town.test{path}")
    return page


def test_the_cycle_is_read_from_the_address_of_its_page(pages: Pages) -> None:
    page = _at(pages.desk(), "/voting/cycles/42/evaluation")

    assert cycle_in_url(page) == 42
    assert cycle_in_url(page, below="/evaluation") == 42


def test_an_address_without_the_cycle_or_the_page_below_it_fails(pages: Pages) -> None:
    page = _at(pages.desk(), "/voting/cycles/42")

    with pytest.raises(AssertionError):
        cycle_in_url(page, below="/evaluation")
    with pytest.raises(AssertionError):
        cycle_in_url(_at(pages.desk(), "/voting"))


def test_assertions_wait_longer_inside_the_block_and_playwrights_own_wait_after_it() -> None:
    with patient_expectations(20_000):
        assert expect._timeout == 20_000

    assert expect._timeout == 5_000

    with pytest.raises(ValueError), patient_expectations(30_000):
        raise ValueError
    assert expect._timeout == 5_000

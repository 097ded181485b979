"""The web app shell in real Chromium: log in, read the township's name and menus in Chinese,
switch to English, log out; a deputy of a township and its county moves between the two without
a second password. Every page is screenshotted and checked by axe-core."""

import re
import urllib.request

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.helpers import fill_login

from .conftest import LivePlatform, snap

pytestmark = pytest.mark.e2e


def test_township_staff_log_in_switch_language_and_log_out(
    live_platform: LivePlatform, desk: Page
) -> None:
    desk.goto(live_platform.url("qingshi", "/"))
    expect(desk).to_have_url(re.compile(r"/login"))
    expect(desk.get_by_text("青石镇人大主席团").first).to_be_visible()
    snap(desk, "01-login-zh")

    fill_login(desk, "qingshi-staff")

    expect(desk.get_by_test_id("congress-name")).to_have_text(re.compile("青石镇人大主席团"))
    expect(desk.get_by_test_id("menu-home")).to_contain_text("工作台")
    expect(desk.get_by_test_id("menu-deputies")).to_contain_text("代表名册")
    assert desk.evaluate("document.documentElement.lang") == "zh-CN"
    snap(desk, "02-home-zh")

    desk.get_by_test_id("menu-deputies").click()
    expect(desk.get_by_role("table").first).to_be_visible()
    expect(desk.get_by_text("第1选区").first).to_be_visible()
    snap(desk, "03-deputies-zh")

    desk.get_by_test_id("locale-switch").click()
    expect(desk.get_by_test_id("menu-deputies")).to_contain_text("Deputy")
    assert desk.evaluate("document.documentElement.lang") == "en"
    snap(desk, "04-deputies-en")

    desk.get_by_test_id("user-menu").click()
    desk.get_by_test_id("logout").click()
    expect(desk).to_have_url(re.compile(r"/login"))
    expect(desk.get_by_test_id("login-submit")).to_be_visible()
    snap(desk, "05-logged-out-en")


def test_a_deputy_of_a_township_and_its_county_switches_without_a_password(
    live_platform: LivePlatform, phone: Page
) -> None:
    phone.goto(live_platform.url("qingshi", "/login"))
    fill_login(phone, "wangjianguo")
    expect(phone.get_by_test_id("congress-name")).to_have_text(re.compile("青石镇"))
    snap(phone, "06-deputy-township-phone")

    phone.get_by_test_id("tenant-switcher").click()
    phone.get_by_test_id("tenant-option-donghu").click()

    expect(phone).to_have_url(re.compile(r"^http://donghu\.localhost:\d+/"))
    expect(phone.get_by_test_id("congress-name")).to_have_text(re.compile("东湖区"))
    expect(phone.get_by_test_id("login-submit")).to_have_count(0)
    snap(phone, "07-deputy-county-phone")

    phone.get_by_test_id("tenant-switcher").click()
    phone.get_by_test_id("tenant-option-qingshi").click()
    expect(phone).to_have_url(re.compile(r"^http://qingshi\.localhost:\d+/"))
    expect(phone.get_by_test_id("congress-name")).to_have_text(re.compile("青石镇"))
    snap(phone, "08-deputy-back-to-township-phone")


def test_built_assets_are_cached_for_good_and_the_shell_is_not(live_platform: LivePlatform) -> None:
    with live_platform.fetch("qingshi", "/login") as shell:
        html = shell.read().decode()
        assert (
            "no-cache" in shell.headers["Cache-Control"]
            or "max-age=0" in shell.headers["Cache-Control"]
        )
    asset = re.search(r'src="(/static/assets/[^"]+\.js)"', html)
    assert asset is not None, html
    with live_platform.fetch("qingshi", asset.group(1)) as script:
        assert "immutable" in script.headers["Cache-Control"]


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_built_scripts_are_sent_compressed(live_platform: LivePlatform, encoding: str) -> None:
    with live_platform.fetch("qingshi", "/login") as shell:
        html = shell.read().decode()
    asset = re.search(r'src="(/static/assets/[^"]+\.js)"', html)
    assert asset is not None, html
    with live_platform.fetch("qingshi", asset.group(1)) as plain:
        size = len(plain.read())

    request = urllib.request.Request(
        f"http://127.0.0.1:{live_platform.port}{asset.group(1)}",
        headers={"Host": f"qingshi.localhost:{live_platform.port}", "Accept-Encoding": encoding},
    )
    with urllib.request.urlopen(request) as packed:
        assert packed.headers["Content-Encoding"] == encoding
        assert "immutable" in packed.headers["Cache-Control"]
        assert len(packed.read()) < size / 2

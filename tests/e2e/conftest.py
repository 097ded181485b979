"""The whole platform, for real Chromium: its own database seeded with the demo city, gunicorn,
a Celery worker on a queue of its own, and the local S3 server."""

import os
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from http.client import HTTPResponse
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from tests.e2e.helpers import live_database_name, live_env
from tests.servers import (
    CHROMIUM_ARGS,
    ROOT,
    celery_worker,
    database_recreate,
    free_port,
    gunicorn,
    running,
)

SCREENSHOTS = ROOT / "test-results" / "screenshots"
AXE = ROOT / "frontend" / "node_modules" / "axe-core" / "axe.min.js"


@dataclass(frozen=True)
class LivePlatform:
    port: int
    env: dict[str, str]

    def manage(self, *args: str) -> None:
        """A management command against the live platform's database."""
        _manage(*args, env=self.env)

    def url(self, slug: str | None, path: str = "/") -> str:
        host = f"{slug}.localhost" if slug else "localhost"
        return f"http://{host}:{self.port}{path}"

    def fetch(self, slug: str | None, path: str) -> "HTTPResponse":
        """GET from outside the browser (Python does not resolve *.localhost: name the host)."""
        host = f"{slug}.localhost" if slug else "localhost"
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Host": f"{host}:{self.port}"}
        )
        return urllib.request.urlopen(request)


def _manage(*args: str, env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env={**os.environ, **env}, check=True
    )


@pytest.fixture(scope="session")
def live_platform(
    s3_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LivePlatform]:
    database_recreate(live_database_name())
    web_port = free_port()
    env = live_env(s3_endpoint, port=web_port)
    _manage("migrate_schemas", "-v", "0", env=env)
    _manage("demo_seed", env=env)
    logs = tmp_path_factory.mktemp("e2e")
    web = gunicorn(web_port, 2)
    worker = celery_worker(env["CELERY_TASK_DEFAULT_QUEUE"], env["CELERY_TASK_DEFAULT_QUEUE"])
    with (
        running(worker, env=env, log=logs / "worker.log"),
        running(web, port=web_port, env=env, log=logs / "web.log"),
    ):
        platform = LivePlatform(web_port, env)
        # gunicorn listens before its workers have loaded Django; on a busy machine the first
        # page would spend its whole navigation timeout waiting. Each worker loads on its first
        # request: ask until both have answered.
        for _ in range(4):
            platform.fetch("qingshi", "/").close()
        yield platform
    database_recreate(live_database_name(), create=False)


# Every page reports Content-Security-Policy violations here: the DOM event through a binding,
# and Chromium's console line as a second witness. A test with any fails (csp_clean below).
CSP_VIOLATIONS: list[str] = []
_CSP_LISTENER = """
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolation(`${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`)
})
"""


def _watch_csp(context: BrowserContext) -> BrowserContext:
    context.expose_binding("__cspViolation", lambda _source, text: CSP_VIOLATIONS.append(text))
    context.add_init_script(_CSP_LISTENER)
    context.on(
        "console",
        lambda message: (
            CSP_VIOLATIONS.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return context


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        opened = chromium.new_context
        # Tests open contexts of their own too: each one gets the CSP watch.
        chromium.new_context = lambda **options: _watch_csp(opened(**options))  # type: ignore[method-assign]
        yield chromium
        chromium.close()


@pytest.fixture(autouse=True)
def csp_clean() -> Iterator[None]:
    """The web app works under its Content-Security-Policy: a test the browser reported a
    violation in fails, naming what was blocked."""
    CSP_VIOLATIONS.clear()
    yield
    assert not CSP_VIOLATIONS, CSP_VIOLATIONS


PHONE_VIEWPORT: ViewportSize = {"width": 375, "height": 812}


class Pages:
    """Pages for the people of a scenario, each in a browser context of its own (their own
    session), all closed when the test ends."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.contexts: list[BrowserContext] = []

    def open(self, *, timeout: float | None = None, **options: Any) -> Page:
        """A page in a new context made with `options`; `timeout` for its actions' default."""
        context = self.browser.new_context(**options)
        self.contexts.append(context)
        if timeout is not None:
            context.set_default_timeout(timeout)
        return context.new_page()

    def desk(self, *, height: int = 900, timeout: float | None = None) -> Page:
        """A desktop's page, 1440 pixels wide."""
        return self.open(viewport={"width": 1440, "height": height}, timeout=timeout)

    def phone(self, *, timeout: float | None = None) -> Page:
        """A phone's page, 375 pixels wide."""
        return self.open(
            viewport=PHONE_VIEWPORT, device_scale_factor=2, is_mobile=True, timeout=timeout
        )

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def pages(browser: Browser) -> Iterator[Pages]:
    opened = Pages(browser)
    yield opened
    opened.close()


@pytest.fixture
def phone(pages: Pages) -> Page:
    return pages.phone()


@pytest.fixture
def desk(pages: Pages) -> Page:
    return pages.desk()


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """Serious and critical accessibility violations on the page, by axe-core (evaluated over
    the DevTools protocol: the page's CSP rightly refuses an injected inline script)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text())
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [v for v in result["violations"] if v["impact"] in ("serious", "critical")]


def settled(page: Page) -> None:
    """Wait for transitions to end (a dialog fading in is not yet readable: axe would say so)."""
    page.wait_for_function(
        "() => document.getAnimations().every((a) => a.playState !== 'running'"
        " || a.effect.getComputedTiming().endTime === Infinity)"
    )


def snap(page: Page, name: str) -> Path:
    """A screenshot for the record, and an accessibility check of the page it shows."""
    settled(page)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    violations = axe_violations(page)
    if violations:
        # A poll or a toast may have started a transition after the wait; what a reader sees is
        # the settled page, so check that once more before failing.
        settled(page)
        violations = axe_violations(page)
    assert not violations, [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in violations
    ]
    return path

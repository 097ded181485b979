"""What the browser tests share: calling the API from a logged-in page.

Playwright's `page.request` resolves host names outside Chromium, where `*.localhost` does not
resolve; the page's own `fetch` does, and carries the page's session cookie and CSRF token."""

from typing import Any

from playwright.sync_api import Page

_FETCH = """async ([method, path, body]) => {
  const token = (document.cookie.match(/(?:^|; )csrftoken=([^;]*)/) || [])[1] || ''
  const r = await fetch('/api/v1/' + path, {
    method, credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)},
    body: body === null ? undefined : JSON.stringify(body),
  })
  return {status: r.status, body: await r.json().catch(() => null)}
}"""


def page_api(page: Page, method: str, path: str, body: Any = None) -> Any:
    """Call the API as the page's user; the call must succeed. Returns the JSON answer."""
    response = page.evaluate(_FETCH, [method, path, body])
    assert response["status"] < 300, (method, path, response)
    return response["body"]


def page_get(page: Page, path: str) -> Any:
    """GET as the page's user, whatever the answer: its JSON (an error's body too)."""
    return page.evaluate(_FETCH, ["GET", path, None])["body"]


def in_live_platform(module: str, call: str, s3_endpoint: str) -> str:
    """Run `call` inside the live platform's database (`manage.py shell -c`, after `from
    tests.e2e import <module>`): a test provisions its own congress through the real services
    this way. Returns what it printed."""
    import os
    import subprocess
    import sys

    from django.conf import settings

    from tests.servers import ROOT

    db = settings.DATABASES["default"]
    name = f"{os.environ.get('CONGRESS_TEST_DATABASE', 'test_congress')}_e2e"
    env = {
        **os.environ,
        "CONGRESS_DATABASE_URL": f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{name}",
        "CONGRESS_S3_ENDPOINT": s3_endpoint,
        "CELERY_TASK_DEFAULT_QUEUE": f"{settings.CELERY_TASK_DEFAULT_QUEUE}-e2e",
        "CONGRESS_REDIS_URL": os.environ["CONGRESS_E2E_REDIS_URL"],
    }
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", f"from tests.e2e import {module}; {call}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def log_in(page: Page, url: str, username: str, password: str, congress: str) -> None:
    """Log in on a congress's login page; done when the header names the congress."""
    import re

    from playwright.sync_api import expect

    page.goto(url)
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()
    expect(page.get_by_test_id("congress-name")).to_have_text(re.compile(congress))

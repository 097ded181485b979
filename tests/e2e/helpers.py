"""What the browser tests share: logging in, calling the API from a logged-in page, and waiting
for what a worker delivers.

Playwright's `page.request` resolves host names outside Chromium, where `*.localhost` does not
resolve; the page's own `fetch` does, and carries the page's session cookie and CSRF token.

Waits are on conditions, never on sleeps: a page that shows what a Celery worker delivers after
the commit does not refresh itself, so `wait_for_api` asks the API (as the page's user) until
the delivery is there, and the test then loads the page once."""

import itertools
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import psycopg
from playwright.sync_api import Page, expect

from tenants.demo.data import DEMO_PASSWORD
from tests.servers import ROOT, database_connect, platform_env

if TYPE_CHECKING:
    from tests.e2e.conftest import LivePlatform

_FETCH = """async ([method, path, body]) => {
  const token = (document.cookie.match(/(?:^|; )csrftoken=([^;]*)/) || [])[1] || ''
  const r = await fetch('/api/v1/' + path, {
    method, credentials: 'same-origin',
    headers: {'Content-Type': 'application/json', 'X-CSRFToken': decodeURIComponent(token)},
    body: body === null ? undefined : JSON.stringify(body),
  })
  return {status: r.status, body: await r.json().catch(() => null)}
}"""


EXPECT_MS = 5_000  # Playwright's own wait for an assertion


@contextmanager
def patient_expectations(timeout: int) -> Iterator[None]:
    """Assertions wait `timeout` ms inside the block, not Playwright's 5 s (several suites share
    the machine), and Playwright's own wait again after it."""
    expect.set_options(timeout=timeout)
    try:
        yield
    finally:
        expect.set_options(timeout=EXPECT_MS)


def page_api(page: Page, method: str, path: str, body: Any = None) -> Any:
    """Call the API as the page's user; the call must succeed. Returns the JSON answer."""
    response = page.evaluate(_FETCH, [method, path, body])
    assert response["status"] < 300, (method, path, response)
    return response["body"]


def page_get(page: Page, path: str) -> Any:
    """GET as the page's user, whatever the answer: its JSON (an error's body too)."""
    return page.evaluate(_FETCH, ["GET", path, None])["body"]


def fill_login(page: Page, username: str, password: str = DEMO_PASSWORD) -> None:
    """Fill and send the login form the page shows."""
    page.get_by_test_id("login-username").fill(username)
    page.get_by_test_id("login-password").fill(password)
    page.get_by_test_id("login-submit").click()


def log_in(
    page: Page,
    platform: "LivePlatform",
    slug: str,
    username: str,
    *,
    congress: str,
    password: str = DEMO_PASSWORD,
    timeout: float | None = None,
) -> None:
    """Log in on congress `slug`'s host and wait until the shell names `congress`."""
    page.goto(platform.url(slug, "/login"))
    fill_login(page, username, password)
    expect(page.get_by_test_id("congress-name")).to_have_text(re.compile(congress), timeout=timeout)


# Polled by Playwright (no sleep): each poll starts one GET when none is in flight and answers
# whether the last answer satisfied the predicate; `key` keeps each wait's state apart.
_WAIT = """([path, key]) => {
  const state = ((window.__waits ||= {})[key] ||= {busy: false, ok: false})
  if (!state.busy && !state.ok) {
    state.busy = true
    fetch('/api/v1/' + path, {credentials: 'same-origin'})
      .then((r) => (r.ok ? r.json() : null))
      .then((body) => { state.ok = body !== null && Boolean((PREDICATE)(body)) })
      .catch(() => {})
      .finally(() => { state.busy = false })
  }
  return state.ok
}"""
_keys = itertools.count()


def wait_for_api(page: Page, path: str, predicate: str, *, timeout: float = 90_000) -> None:
    """Wait until GET `path`, as the page's user, answers a body for which `predicate` (a
    JavaScript arrow function of the body) holds: for what a worker delivers after a commit."""
    page.wait_for_function(
        _WAIT.replace("PREDICATE", predicate),
        arg=[path, f"wait-{next(_keys)}"],
        polling=500,
        timeout=timeout,
    )


def cycle_in_url(page: Page, *, below: str = "") -> int:
    """The id of the voting cycle whose page `page` shows (`/voting/cycles/<id>`, then `below`
    when given)."""
    match = re.search(rf"/voting/cycles/(\d+){below}", page.url)
    assert match, page.url
    return int(match.group(1))


def live_database_name() -> str:
    """The live platform's own database, beside the test database."""
    return f"{os.environ.get('CONGRESS_TEST_DATABASE', 'test_congress')}_e2e"


def live_env(s3_endpoint: str, *, port: int | None = None) -> dict[str, str]:
    """The live platform's environment: its own database, Celery queue and cache, the local S3
    server, and the port it serves on where given."""
    env = platform_env(live_database_name(), s3_endpoint=s3_endpoint, queue="e2e", port=port)
    return {**env, "CONGRESS_REDIS_URL": os.environ["CONGRESS_E2E_REDIS_URL"]}


def live_database() -> "psycopg.Connection[Any]":
    """A connection (autocommit) to the live platform's own database."""
    return database_connect(live_database_name())


def congresses_below(slug: str, *, level: str | None = None) -> list[str]:
    """The slugs of the active congresses below `slug` on the live platform as it is now, in division
    code order: the demo's, and any that a scenario run before this one provisioned there (the
    scenarios run in any order, so what a page counts is counted here too, never assumed)."""
    with live_database() as conn:
        rows = conn.execute(
            "WITH RECURSIVE below AS ("
            " SELECT id, slug, level, status, division_code FROM congresses_congress"
            "  WHERE parent_id = (SELECT id FROM congresses_congress WHERE slug = %s)"
            " UNION ALL SELECT c.id, c.slug, c.level, c.status, c.division_code"
            "  FROM congresses_congress c JOIN below b ON c.parent_id = b.id)"
            " SELECT slug FROM below WHERE status = 'active' AND (%s::text IS NULL OR level = %s)"
            " ORDER BY division_code",
            [slug, level, level],
        ).fetchall()
    return [row[0] for row in rows]


def in_live_platform(call: str, s3_endpoint: str) -> str:
    """Run `call` (as `world_module.function()`, a module of tests/e2e) in a Django shell on
    the live platform's own database, queue and cache; returns what it printed. This is how a
    scenario provisions the congresses and people it works with."""
    module = call.split(".", 1)[0]
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", f"from tests.e2e import {module}; {call}"],
        cwd=ROOT,
        env={**os.environ, **live_env(s3_endpoint)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"{call} failed in the live platform:\n{done.stderr[-4000:]}"
    return done.stdout


def world_ids(call: str, s3_endpoint: str) -> dict[str, int]:
    """Run a world builder (`in_live_platform`) and read back the ids it printed, by name: a
    builder prints them on lines of their own, each a name and a number (`print("cycle",
    cycle.pk)`); whatever else the shell prints is passed over."""
    out = in_live_platform(call, s3_endpoint)
    ids = {
        name: int(pk)
        for line in out.splitlines()
        if re.fullmatch(r"\w+ \d+( \w+ \d+)*", line)
        for name, pk in re.findall(r"(\w+) (\d+)", line)
    }
    assert ids, out
    return ids


def live_manage(platform: "LivePlatform", *args: str) -> str:
    """Run a management command against the live platform's own database, queue, cache and S3
    server (a beat task's body, as of a moment the test sets); returns what it printed."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **platform.env},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, f"manage.py {' '.join(args)} failed:\n{done.stderr[-4000:]}"
    return done.stdout


def forget_portal_limits(slug: str) -> None:
    """Drop the public portal's counters of congress `slug` from the live platform's cache (the
    keys start with its schema name; the cache outlives a run): the scenario starts afresh."""
    import redis

    cache = redis.Redis.from_url(os.environ["CONGRESS_E2E_REDIS_URL"])
    for key in cache.scan_iter(f"{slug.replace('-', '_')}:*throttle_public_*"):
        cache.delete(key)

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

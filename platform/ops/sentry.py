"""Sentry, from SENTRY_DSN, with personal data and secrets scrubbed before anything leaves the
process. Keys are matched by pattern (a new `mobile_phone` or `X-CSRFToken` is caught without
being listed), and free text (exception messages, log messages, breadcrumbs, URLs) has its
secrets and personal numbers masked wherever it appears."""

import re
from typing import Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

FILTERED = "[Filtered]"

# A key whose value is a secret or personal data, as a pattern over the key's name.
SENSITIVE_KEY = re.compile(
    r"pass|secret|token|auth|cookie|session|csrf|xsrf|api.?key|signature|credential|"
    r"phone|mobile|tel$|id.?(number|card|no)|email|mail|address|addr|forwarded|real.?ip|"
    r"client.?ip|referr?er|name|contact|^code$|handoff",
    re.IGNORECASE,
)

# Secrets and personal numbers inside free text.
_TEXT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # The value of every query or fragment parameter of a URL (a hand-off code, a token).
    (re.compile(r"([?&#][^=&#\s]+=)[^&#\s\"']*"), rf"\1{FILTERED}"),
    # `password=...`, `token: ...`, `X-CSRFToken: ...` written into a message.
    (
        re.compile(
            r"(?i)\b([\w-]*(?:pass(?:word)?|secret|token|csrf[\w-]*|sessionid|authorization|"
            r"cookie)\b\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&]+)"
        ),
        rf"\1{FILTERED}",
    ),
    (re.compile(r"(?i)\bBearer\s+\S+"), f"Bearer {FILTERED}"),
    (re.compile(r"\bcp_[A-Za-z0-9_-]{8,}"), FILTERED),  # our API tokens
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), FILTERED),  # e-mail addresses
    (re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])"), FILTERED),  # ID card numbers
    (re.compile(r"(?<!\d)(?:\+?86[- ]?)?1[3-9]\d{9}(?!\d)"), FILTERED),  # mobile numbers
]


def scrub_text(text: str) -> str:
    for pattern, replacement in _TEXT_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def scrub(value: Any) -> Any:
    """Mask values under sensitive keys and secrets inside strings, at any depth."""
    if isinstance(value, dict):
        return {
            key: FILTERED if SENSITIVE_KEY.search(str(key)) else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item) for item in value]
    if isinstance(value, str):
        return scrub_text(value)
    return value


def _scrub_exceptions(event: dict[str, Any]) -> None:
    # Only the messages: frames keep their file names and functions (no locals are sent).
    for exception in (event.get("exception") or {}).get("values") or []:
        if isinstance(exception.get("value"), str):
            exception["value"] = scrub_text(exception["value"])


def _scrub_log_entry(event: dict[str, Any]) -> None:
    if isinstance(event.get("message"), str):
        event["message"] = scrub_text(event["message"])
    entry = event.get("logentry")
    if isinstance(entry, dict):
        for part in ("message", "formatted"):
            if isinstance(entry.get(part), str):
                entry[part] = scrub_text(entry[part])
        if "params" in entry:
            entry["params"] = scrub(entry["params"])


def _scrub_breadcrumbs(event: dict[str, Any]) -> None:
    crumbs = event.get("breadcrumbs")
    values = crumbs.get("values") if isinstance(crumbs, dict) else crumbs
    for crumb in values or []:
        if isinstance(crumb.get("message"), str):
            crumb["message"] = scrub_text(crumb["message"])
        if "data" in crumb:
            crumb["data"] = scrub(crumb["data"])


def _scrub_request(event: dict[str, Any]) -> None:
    request = event.get("request")
    if not isinstance(request, dict):
        return
    request.pop("cookies", None)
    for part in ("data", "headers", "env"):
        if part in request:
            request[part] = scrub(request[part])
    if "query_string" in request:
        request["query_string"] = FILTERED
    if isinstance(request.get("url"), str):
        request["url"] = scrub_text(request["url"])


def before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    event.pop("user", None)
    _scrub_request(event)
    _scrub_exceptions(event)
    _scrub_log_entry(event)
    _scrub_breadcrumbs(event)
    for key in ("extra", "contexts"):
        if key in event:
            event[key] = scrub(event[key])
    return event


def init_sentry(*, dsn: str, environment: str) -> None:
    if not dsn:
        return
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        # No user details, request bodies, query data or frame locals leave the process.
        data_collection={
            "user_info": False,
            "http_bodies": [],
            "database_query_data": False,
            "stack_frame_variables": False,
        },
        integrations=[DjangoIntegration(), CeleryIntegration()],
        before_send=before_send,  # type: ignore[arg-type]
        traces_sample_rate=0.0,
    )

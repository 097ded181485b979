"""Sentry, from SENTRY_DSN, with personal data scrubbed before anything leaves the process."""

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

# Keys whose values are personal data or secrets wherever they appear.
SCRUBBED_KEYS = frozenset(
    {
        "password",
        "new_password",
        "old_password",
        "token",
        "authorization",
        "cookie",
        "sessionid",
        "csrftoken",
        "phone",
        "mobile",
        "id_number",
        "email",
        "address",
        "name",
        "display_name",
        "username",
        "contact",
    }
)
FILTERED = "[Filtered]"


def scrub(value: Any) -> Any:
    if isinstance(value, dict):
        return {
            key: FILTERED if str(key).lower() in SCRUBBED_KEYS else scrub(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [scrub(item) for item in value]
    return value


def before_send(event: dict[str, Any], hint: dict[str, Any]) -> dict[str, Any]:
    event.pop("user", None)
    request = event.get("request")
    if isinstance(request, dict):
        request.pop("cookies", None)
        for part in ("data", "headers", "query_string"):
            if part in request:
                request[part] = scrub(request[part]) if part != "query_string" else FILTERED
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

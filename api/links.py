"""Addresses the api hands out (a login page, a hand-off, a check-in code, a portal), as the
public reaches the deployment: its scheme, and its port unless that is the scheme's own."""

from django.conf import settings


def public_url(host: str, path: str) -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT not in ("80", "443") else ""
    return f"{settings.PUBLIC_SCHEME}://{host}{port}{path}"

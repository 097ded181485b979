"""The client's address, resolved once per request from the number of trusted proxies."""

from django.conf import settings
from django.http import HttpRequest


def resolve_client_address(*, peer: str, forwarded_for: str, trusted_proxies: int) -> str:
    """Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is the
    entry `trusted_proxies` from the right; anything left of it was written by the client and
    proves nothing. With no trusted proxy the TCP peer is the client, whatever the header says."""
    if trusted_proxies <= 0:
        return peer
    hops = [part.strip() for part in forwarded_for.split(",") if part.strip()]
    if len(hops) < trusted_proxies:
        return peer
    return hops[-trusted_proxies]


def client_address(request: HttpRequest) -> str:
    """The address throttles, axes and logs count by (set by ClientAddressMiddleware)."""
    return str(request.META.get("REMOTE_ADDR", ""))


def apply_client_address(request: HttpRequest) -> None:
    request.META["REMOTE_ADDR"] = resolve_client_address(
        peer=str(request.META.get("REMOTE_ADDR", "")),
        forwarded_for=str(request.META.get("HTTP_X_FORWARDED_FOR", "")),
        trusted_proxies=settings.TRUSTED_PROXIES,
    )

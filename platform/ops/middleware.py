import re
import uuid
from collections.abc import Callable

import sentry_sdk
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from .context import reset_request_id, set_request_id
from .network import apply_client_address
from .tenancy import current_schema

_SAFE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class RequestIdMiddleware:
    """Takes X-Request-ID from the proxy (or makes one) and tags logs and Sentry with it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        request_id = incoming if _SAFE_ID.match(incoming) else uuid.uuid4().hex
        token = set_request_id(request_id)
        sentry_sdk.set_tag("request_id", request_id)
        sentry_sdk.set_tag("tenant", current_schema())
        try:
            response = self.get_response(request)
        finally:
            reset_request_id(token)
        response["X-Request-ID"] = request_id
        return response


class ClientAddressMiddleware:
    """Puts the real client address in REMOTE_ADDR before anything reads it, so DRF's throttles
    (NUM_PROXIES 0), axes and the logs all count by the same address: the one place that reads
    X-Forwarded-For, and only as far as settings.TRUSTED_PROXIES allows."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        apply_client_address(request)
        return self.get_response(request)


class NulRefusalMiddleware:
    """Refuses a path or query string holding a NUL character with a 400, before any view runs.

    PostgreSQL's text cannot hold NUL, so a filter or a tracking code carrying one failed in the
    database as a 500. Body fields are already refused by their serializers' CharField.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        query = request.GET.lists()
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in query
        ):
            return JsonResponse(
                {"code": "nul_character", "detail": _("请求地址或查询参数含有不允许的空字符。")},
                status=400,
                json_dumps_params={"ensure_ascii": False},
            )
        return self.get_response(request)

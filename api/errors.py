"""Every refusal answers `{"code": ..., "detail": ..., "fields": {...}}` in the caller's language."""

import logging
from typing import Any, TypeVar

from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from api.error_codes import ERROR_CODES
from api.labels import label_of
from ops.errors import DomainError
from ops.outage import RETRY_AFTER_SECONDS, outage_body


def _first_message(detail: Any) -> str:
    if isinstance(detail, dict):
        for value in detail.values():
            return _first_message(value)
    if isinstance(detail, list) and detail:
        return _first_message(detail[0])
    return str(detail)


def _named_message(detail: Any, labels: dict[str, str]) -> str:
    """The first refusal, led by what the form calls its field: "进度说明：该字段不能为空。"."""
    if isinstance(detail, dict):
        for name, value in detail.items():
            message = _first_message(value)
            label = label_of(str(name), labels)
            return (
                _("%(field)s：%(message)s") % {"field": label, "message": message}
                if label
                else message
            )
    return _first_message(detail)


logger = logging.getLogger(__name__)

T = TypeVar("T")


def or_404(found: T | None, detail: str | None = None, *, code: str = "not_found") -> T:
    """`found`, or a 404 saying `detail` (DRF's "Not found." by default) with the refusal `code`
    when nothing was found."""
    if found is None:
        raise exceptions.NotFound(detail, code=code)
    return found


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    response = _refusal(exc, context)
    code = (
        response.data.get("code")
        if response is not None and isinstance(response.data, dict)
        else None
    )
    if response is not None and code not in ERROR_CODES:
        # A code the OpenAPI document does not name: the client's types cannot know it.
        logger.error("refusal with an unregistered code: %r", code)
    return response


def _refusal(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DomainError):
        body: dict[str, Any] = {"code": exc.code, "detail": exc.message}
        if exc.field:
            body["fields"] = {exc.field: [exc.message]}
        body.update(exc.extra)
        return Response(body, status=exc.status)
    response = drf_exception_handler(exc, context)
    if response is None:
        # A dependency that is down (database, cache, storage): 503 (409 for a held row lock).
        outage = outage_body(context["request"]._request, exc)
        if outage is None:
            return None
        response = Response(outage[1], status=outage[0])
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
    if isinstance(exc, exceptions.ValidationError):
        response.data = {
            "code": "invalid",
            "detail": _named_message(exc.detail, getattr(exc, "labels", {})),
            "fields": exc.detail if isinstance(exc.detail, dict) else {},
        }
    elif isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        response.data = {
            "code": codes if isinstance(codes, str) else "error",
            "detail": _first_message(exc.detail),
        }
    elif isinstance(exc, Http404):
        response.data = {"code": "not_found", "detail": str(response.data.get("detail", ""))}
    if response.status_code == status.HTTP_401_UNAUTHORIZED:
        response.data["code"] = "not_authenticated"
    return response

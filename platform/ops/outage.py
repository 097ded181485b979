"""A dependency that is down answers a clear JSON refusal, never Django's HTML "Server Error".

Which failures count: the database unreachable or its connection lost, a statement past
`statement_timeout`, a row lock past `lock_timeout`, the cache or the broker unreachable, object
storage unreachable. Each becomes `{"code", "detail"}` in the caller's language with a
Retry-After header: 503 for an outage, 409 for a row another request holds locked. Three places
use it: the tenant middleware (its host lookup is the first query of a request), the API's
exception handler, and the 500 handler of both URL configurations (anything else, such as the
session saved after the view)."""

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError as BrokerError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from filestore.storage import StorageUnavailable

RETRY_AFTER_SECONDS = 30
LOCK_NOT_AVAILABLE = "55P03"
QUERY_CANCELED = "57014"


def _pgcode(error: BaseException) -> str | None:
    cause = error.__cause__ or error.__context__
    return getattr(cause, "pgcode", None) or getattr(cause, "sqlstate", None)


# A database error's SQLSTATE that is not an outage but a wait cut short.
SQLSTATE_CODES = {
    LOCK_NOT_AVAILABLE: (409, "record_locked"),
    QUERY_CANCELED: (503, "database_busy"),
}
OUTAGES: list[tuple[tuple[type[BaseException], ...], tuple[int, str]]] = [
    ((OperationalError, InterfaceError), (503, "database_unavailable")),
    ((RedisConnectionError, RedisTimeoutError, BrokerError), (503, "cache_unavailable")),
    ((StorageUnavailable,), (503, "storage_unavailable")),
]


def classify(error: BaseException) -> tuple[int, str] | None:
    """(status, code) for an outage error, None for any other."""
    if isinstance(error, OperationalError) and _pgcode(error) in SQLSTATE_CODES:
        return SQLSTATE_CODES[str(_pgcode(error))]
    for kinds, answer in OUTAGES:
        if isinstance(error, kinds):
            return answer
    return None


def _message(code: str) -> str:
    messages = {
        "record_locked": _("该记录正由他人修改，请稍后重试。"),
        "database_busy": _("系统繁忙，请稍后重试。"),
        "database_unavailable": _("数据库暂时无法访问，请稍后重试。"),
        "cache_unavailable": _("缓存服务暂时无法访问，请稍后重试。"),
        "storage_unavailable": _("文件存储暂时无法访问，请稍后重试。"),
    }
    return messages[code]


def outage_body(request: HttpRequest, error: BaseException) -> tuple[int, dict[str, str]] | None:
    """(status, body) of the refusal for an outage error, in the request's language; None for
    any other error."""
    found = classify(error)
    if found is None:
        return None
    status, code = found
    # Before LocaleMiddleware has run (the tenant lookup failed) the language is the header's.
    language = getattr(request, "LANGUAGE_CODE", None) or translation.get_language_from_request(
        request
    )
    with translation.override(language):
        return status, {"code": code, "detail": _message(code)}


def outage_response(request: HttpRequest, error: BaseException) -> JsonResponse | None:
    found = outage_body(request, error)
    if found is None:
        return None
    status, body = found
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response

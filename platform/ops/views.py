import sys

from django.conf import settings
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import ensure_csrf_cookie

from .health import health_report
from .outage import outage_response


def server_error(request: HttpRequest) -> HttpResponse:
    """The 500 handler (handler500 of both URL configurations): an outage of the database,
    cache, broker or storage answers its JSON 503 (ops.outage); anything else stays a 500."""
    error = sys.exc_info()[1]
    response = outage_response(request, error) if error is not None else None
    if response is not None:
        return response
    return JsonResponse({"code": "server_error", "detail": _("服务器内部错误。")}, status=500)


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    report = health_report()
    healthy = all(part["status"] == "ok" for part in report.values())
    return JsonResponse(
        {"status": "ok" if healthy else "degraded", **report}, status=200 if healthy else 503
    )


@never_cache
@ensure_csrf_cookie
def web_app(request: HttpRequest) -> HttpResponseBase:
    """The single-page app's shell; its router takes the path from here."""
    index = settings.FRONTEND_DIST / "index.html"
    if not index.exists():
        return HttpResponse(
            "The web app is not built: run `npm --prefix frontend run build`.",
            status=503,
            content_type="text/plain; charset=utf-8",
        )
    return FileResponse(index.open("rb"), content_type="text/html; charset=utf-8")

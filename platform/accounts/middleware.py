from collections.abc import Callable
from importlib import import_module

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

SESSION_TENANT_KEY = "congress_schema"


class TenantSessionMiddleware:
    """A session belongs to the host it was opened on. Presented on another tenant's host it
    gets 403 on the API and counts as no session there, so it never reads that tenant's data.
    The session itself is left alone (not flushed): a cookie replayed on a foreign host must
    not log its owner out at home."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            bound = request.session.get(SESSION_TENANT_KEY)
            if bound != request.tenant.schema_name:  # type: ignore[attr-defined]
                # An empty session of its own for this request: nothing of the real one is
                # read, renewed or deleted on the server; the cookie is only dropped here.
                request.session = import_module(settings.SESSION_ENGINE).SessionStore()
                request.user = AnonymousUser()
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"code": "tenant_mismatch", "detail": _("该登录凭据不属于本单位。")},
                        status=403,
                    )
        return self.get_response(request)

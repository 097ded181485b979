from collections.abc import Callable

from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

SESSION_TENANT_KEY = "congress_schema"


class TenantSessionMiddleware:
    """A session belongs to the host it was opened on. Presented on another tenant's host it
    gets 403 on the API and is dropped, so it never reads that tenant's data."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            bound = request.session.get(SESSION_TENANT_KEY)
            if bound != request.tenant.schema_name:  # type: ignore[attr-defined]
                logout(request)
                if request.path.startswith("/api/"):
                    return JsonResponse(
                        {"code": "tenant_mismatch", "detail": _("该登录凭据不属于本单位。")},
                        status=403,
                    )
        return self.get_response(request)

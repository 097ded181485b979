"""The routes of the platform host (the bare base domain, public schema): the operators' console
and nothing else. django-tenants routes that host here (PUBLIC_SCHEMA_URLCONF), so a tenant-only
endpoint is not reachable there at all: every other API path, and the tenant hand-off, answers a
JSON 404 instead of querying tables the public schema does not have."""

from django.http import HttpRequest, JsonResponse
from django.urls import path, re_path
from django.utils.translation import gettext as _

from api.auth import views as auth
from api.congresses.views import (
    CongressListView,
    DeadDispatchListView,
    DispatchRetryView,
    ProvisioningJobView,
)
from ops.views import healthz, web_app


def tenant_only(request: HttpRequest, rest: str = "") -> JsonResponse:
    return JsonResponse(
        {"code": "not_found", "detail": _("平台地址不提供此功能，请在本单位的地址访问。")},
        status=404,
    )


urlpatterns = [
    path("healthz", healthz),
    path("api/v1/auth/csrf", auth.CsrfView.as_view()),
    path("api/v1/auth/session", auth.SessionView.as_view()),
    path("api/v1/auth/login", auth.LoginView.as_view()),
    path("api/v1/auth/logout", auth.LogoutView.as_view()),
    path("api/v1/auth/switch", auth.SwitchView.as_view()),
    path("api/v1/auth/password", auth.PasswordView.as_view()),
    path("api/v1/congresses", CongressListView.as_view()),
    path("api/v1/provisioning-jobs/<int:pk>", ProvisioningJobView.as_view()),
    path("api/v1/crossing/dead", DeadDispatchListView.as_view()),
    path("api/v1/crossing/dispatches/<int:pk>/retry", DispatchRetryView.as_view()),
    re_path(r"^(?P<rest>api/.*|auth/handoff)$", tenant_only),
    re_path(r"^(?!api/|static/).*$", web_app),
]

handler500 = "ops.views.server_error"

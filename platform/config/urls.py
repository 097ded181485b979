from django.http import HttpRequest, JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView

from ops.views import healthz, web_app


@csrf_exempt  # it acts on nothing; a POST gets the same JSON 404, not the CSRF failure page
def api_not_found(request: HttpRequest) -> JsonResponse:
    """An /api/ path that names no endpoint (an id that is not a number, a misspelt path): the
    API's own JSON refusal, not the HTML page of a missing web page."""
    return JsonResponse({"code": "not_found", "detail": _("接口不存在。")}, status=404)


urlpatterns = [
    path("healthz", healthz),
    path("api/v1/", include("api.urls")),
    path("api/schema", SpectacularAPIView.as_view(), name="schema"),
    re_path(r"^api/", api_not_found),
    # Everything else is the web app's to route.
    re_path(r"^(?!api/|static/).*$", web_app),
]

handler500 = "ops.views.server_error"

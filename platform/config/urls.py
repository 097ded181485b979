from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from ops.views import healthz, web_app

urlpatterns = [
    path("healthz", healthz),
    path("api/v1/", include("api.urls")),
    path("api/schema", SpectacularAPIView.as_view(), name="schema"),
    # Everything else is the web app's to route (unknown /api/ paths stay 404).
    re_path(r"^(?!api/|static/).*$", web_app),
]

handler500 = "ops.views.server_error"

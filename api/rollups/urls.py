from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("rollups/dashboard", views.DashboardView.as_view()),
    path("rollups/dashboard/tenants", views.DashboardTenantsView.as_view()),
    path("rollups/dashboard.xlsx", views.DashboardExportView.as_view()),
]

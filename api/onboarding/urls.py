from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("setup/checklist", views.SetupChecklistView.as_view()),
]

from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("deputies/import-template", views.ImportTemplateView.as_view()),
    path("deputies/import", views.ImportView.as_view()),
    path("deputies/<int:pk>/link", views.DeputyLinkView.as_view()),
    path("deputies/<int:pk>/end-service", views.DeputyEndServiceView.as_view()),
    path("directory/deputies", views.DirectoryListView.as_view()),
]

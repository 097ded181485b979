from django.urls import URLPattern, URLResolver, path

from . import terms, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("deputies/import-template", views.ImportTemplateView.as_view()),
    path("deputies/import", views.ImportView.as_view()),
    path("deputies/<int:pk>/link", views.DeputyLinkView.as_view()),
    path("deputies/<int:pk>/end-service", views.DeputyEndServiceView.as_view()),
    path("terms", terms.TermListView.as_view()),
    path("terms/<int:pk>/close", terms.TermCloseView.as_view()),
    path("terms/<int:pk>/sessions", terms.TermSessionView.as_view()),
    path("directory/deputies", views.DirectoryListView.as_view()),
]

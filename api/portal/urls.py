from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("public/home", views.PublicHomeView.as_view()),
    path("public/track/<str:code>", views.PublicTrackingKindView.as_view()),
]

from django.urls import URLPattern, URLResolver, include, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("stations", views.StationListView.as_view()),
    path("stations/settings", views.SettingsView.as_view()),
    path("stations/checklist", views.ChecklistView.as_view()),
    path("stations/checklist/<int:pk>", views.ChecklistItemView.as_view()),
    path("stations/postings", views.PostingListView.as_view()),
    path("stations/residents/<int:pk>", views.ResidentDetailView.as_view()),
    path("stations/receptions/<int:pk>", views.ReceptionDetailView.as_view()),
    path("stations/receptions/<int:pk>/publish", views.ReceptionPublishView.as_view()),
    path("stations/receptions/<int:pk>/hold", views.ReceptionHoldView.as_view()),
    path("stations/<int:pk>", views.StationDetailView.as_view()),
    path("stations/<int:pk>/staff", views.StationStaffView.as_view()),
    path("stations/<int:pk>/residents", views.ResidentListView.as_view()),
    path("stations/<int:pk>/receptions", views.ReceptionListView.as_view()),
    path("stations/<int:pk>/assessments/<int:year>", views.AssessmentView.as_view()),
    path("stations/<int:pk>/assessments/<int:year>/self", views.SelfAssessView.as_view()),
    path("public/stations/<int:pk>", views.PublicStationView.as_view()),
    path("public/stations/<int:pk>/qr.svg", views.PublicStationQrView.as_view()),
    # The roster's import and the directory (api/deputies), routed from here so that
    # api/urls.py keeps one include per module.
    path("", include("api.deputies.urls")),
]

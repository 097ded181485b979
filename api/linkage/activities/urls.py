from django.urls import URLPattern, URLResolver, path

from . import duty, views

urlpatterns: list[URLPattern | URLResolver] = [
    path("activities", views.ActivityListView.as_view()),
    path("activities/invitee-candidates", views.CandidateListView.as_view()),
    path("activities/<int:pk>", views.ActivityDetailView.as_view()),
    path("activities/<int:pk>/invitations", views.InviteView.as_view()),
    path("activities/<int:pk>/record", views.RecordView.as_view()),
    path("activities/<int:pk>/cancel", views.CancelView.as_view()),
    path("activities/<int:pk>/photos", views.PhotoView.as_view()),
    path("activities/<int:pk>/sign-in", views.SignInView.as_view()),
    path("me/activities", views.MyActivityListView.as_view()),
    path("me/invitations/<int:pk>/respond", views.MyRespondView.as_view()),
    path("me/check-in", views.MyCheckInView.as_view()),
    path("me/tasks", views.MyTasksView.as_view()),
    path("me/record", duty.MyRecordView.as_view()),
    path("me/record/export", duty.MyExportView.as_view()),
    path("duty/export", duty.ExportView.as_view()),
    path("me/record/entries/<int:pk>/objection", duty.MyObjectionView.as_view()),
    path("duty/entries", duty.EntryListView.as_view()),
    path("duty/rules", duty.RulesView.as_view()),
    path("duty/scores", duty.ScoreListView.as_view()),
    path("duty/publications", duty.PublicationListView.as_view()),
    path("duty/objections", duty.ObjectionListView.as_view()),
    path("duty/objections/<int:pk>/decide", duty.ObjectionDecideView.as_view()),
]

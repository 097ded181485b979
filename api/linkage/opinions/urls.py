from django.urls import URLPattern, URLResolver, path

from . import views

urlpatterns: list[URLPattern | URLResolver] = [
    path("opinions", views.OpinionListView.as_view()),
    path("opinions/units", views.UnitListView.as_view()),
    path("opinions/mine", views.OpinionMineView.as_view()),
    path("opinions/policy", views.PolicyView.as_view()),
    path("opinions/<int:pk>", views.OpinionDetailView.as_view()),
    path("opinions/<int:pk>/sort", views.OpinionSortView.as_view()),
    path("opinions/<int:pk>/assign", views.OpinionAssignView.as_view()),
    path("opinions/<int:pk>/handle", views.OpinionHandleView.as_view()),
    path("opinions/<int:pk>/reply", views.OpinionReplyView.as_view()),
    path("opinions/<int:pk>/extend", views.OpinionExtendView.as_view()),
    path("opinions/<int:pk>/decline", views.OpinionDeclineView.as_view()),
    path("opinions/<int:pk>/escalate", views.OpinionEscalateView.as_view()),
    path("opinions/<int:pk>/close", views.OpinionCloseView.as_view()),
    path("opinions/<int:pk>/deputy-dissatisfied", views.DeputyFeedbackView.as_view()),
    path("public/opinions", views.PublicOpinionView.as_view()),
    path("public/opinions/stations/<int:pk>", views.PublicStationView.as_view()),
    path("public/opinions/<str:code>", views.PublicOpinionTrackView.as_view()),
    path("public/opinions/<str:code>/rating", views.PublicOpinionRatingView.as_view()),
]

from django.urls import URLPattern, URLResolver, path

from . import route, stars
from . import views as v

urlpatterns: list[URLPattern | URLResolver] = [
    path("supervision/files", v.FileUploadView.as_view()),
    path("supervision/files/<int:pk>/url", v.FileUrlView.as_view()),
    path("supervision/subordinates", v.SubordinateListView.as_view()),
    path("supervision/guidance", v.GuidanceListView.as_view()),
    path("supervision/guidance/<int:pk>", v.GuidanceDetailView.as_view()),
    path("supervision/guidance/<int:pk>/read", v.GuidanceReadView.as_view()),
    path("supervision/guidance/<int:pk>/withdraw", v.GuidanceWithdrawView.as_view()),
    path("supervision/guidance/<int:pk>/report", v.GuidanceReportView.as_view()),
    path("supervision/guidance/<int:pk>/reports", v.GuidanceReportListView.as_view()),
    path("supervision/route", route.RouteView.as_view()),
    path("supervision/route/lag", route.RouteLagView.as_view()),
    path("supervision/kinds", v.KindListView.as_view()),
    path("supervision/rounds", v.RoundListView.as_view()),
    path("supervision/rounds/<int:pk>", v.RoundDetailView.as_view()),
    path("supervision/rounds/<int:pk>/open", v.RoundOpenView.as_view()),
    path("supervision/rounds/<int:pk>/close-nominations", v.RoundCloseNominationsView.as_view()),
    path("supervision/rounds/<int:pk>/nominations", v.NominationListView.as_view()),
    path("supervision/rounds/<int:pk>/nominee-options", v.NomineeOptionListView.as_view()),
    path("supervision/rounds/<int:pk>/ranking", v.RankingView.as_view()),
    path("supervision/rounds/<int:pk>/decide", v.RoundDecideView.as_view()),
    path("supervision/rounds/<int:pk>/publicity", v.RoundPublicityView.as_view()),
    path("supervision/rounds/<int:pk>/objections", v.ObjectionListView.as_view()),
    path("supervision/rounds/<int:pk>/announce", v.RoundAnnounceView.as_view()),
    path("supervision/rounds/<int:pk>/result", v.RoundResultView.as_view()),
    path("supervision/nominations/<int:pk>/withdraw", v.NominationWithdrawView.as_view()),
    path("supervision/nominations/<int:pk>/scores", v.ScoreSheetView.as_view()),
    path("supervision/objections/<int:pk>/resolve", v.ObjectionResolveView.as_view()),
    path("supervision/star-reviews", stars.StarReviewListView.as_view()),
    path("supervision/star-reviews/<int:pk>/decide", stars.StarReviewDecideView.as_view()),
    path("supervision/stars-by-county", stars.StarsByCountyView.as_view()),
    path("public/benchmarks", v.PublicRoundListView.as_view()),
    path("public/benchmarks/<int:pk>/objections", v.PublicObjectionView.as_view()),
]

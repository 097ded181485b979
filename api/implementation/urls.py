from django.urls import URLPattern, URLResolver, path

from . import views as v

urlpatterns: list[URLPattern | URLResolver] = [
    path("implementation/projects", v.ProjectListView.as_view()),
    path("implementation/projects/<int:pk>", v.ProjectDetailView.as_view()),
    path("implementation/projects/<int:pk>/plan", v.PlanView.as_view()),
    path("implementation/projects/<int:pk>/reports", v.ReportView.as_view()),
    path("implementation/projects/<int:pk>/milestones", v.MilestoneListView.as_view()),
    path("implementation/projects/<int:pk>/stages", v.StageView.as_view()),
    path("implementation/projects/<int:pk>/supervisors", v.SupervisorsView.as_view()),
    path("implementation/projects/<int:pk>/inspections", v.InspectionView.as_view()),
    path("implementation/projects/<int:pk>/rectifications", v.RectificationListView.as_view()),
    path("implementation/stages", v.StageListView.as_view()),
    path("implementation/stages/<int:pk>", v.StageDetailView.as_view()),
    path("implementation/supervision-groups", v.SupervisionGroupListView.as_view()),
    path("implementation/milestones/<int:pk>/done", v.MilestoneDoneView.as_view()),
    path("implementation/rectifications/<int:pk>/close", v.RectificationCloseView.as_view()),
    path("implementation/cycles/<int:pk>/hand-over", v.HandOverView.as_view()),
    path("implementation/cycles/<int:pk>/midyear", v.MidyearView.as_view()),
    path("implementation/cycles/<int:pk>/midyear/opinions", v.MidyearOpinionsView.as_view()),
    path("implementation/cycles/<int:pk>/midyear/answer", v.MidyearAnswerView.as_view()),
    path("implementation/units", v.UnitListView.as_view()),
    path("implementation/unit-accounts", v.UnitAccountListView.as_view()),
]

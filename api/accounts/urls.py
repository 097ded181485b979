from django.urls import URLPattern, URLResolver, path

from . import views as v

urlpatterns: list[URLPattern | URLResolver] = [
    path("accounts/members", v.MemberListView.as_view()),
    path("accounts/members/from-roster", v.RosterAccountsView.as_view()),
    path("accounts/members/<int:pk>/roles", v.MemberRolesView.as_view()),
    path("accounts/members/<int:pk>/deactivate", v.MemberDeactivateView.as_view()),
    path("accounts/members/<int:pk>/activate", v.MemberActivateView.as_view()),
    path("accounts/members/<int:pk>/password-reissue", v.PasswordReissueView.as_view()),
]

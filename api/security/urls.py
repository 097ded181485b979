from django.urls import URLPattern, URLResolver, path

from . import views as v

urlpatterns: list[URLPattern | URLResolver] = [
    path("security/members", v.SecurityMemberListView.as_view()),
    path("security/members/<int:pk>/unlock", v.SecurityUnlockView.as_view()),
    path("security/members/<int:pk>/password-reset", v.SecurityPasswordResetView.as_view()),
    path("security/members/<int:pk>/sessions-end", v.SecuritySessionsEndView.as_view()),
    path("security/password-policy", v.PasswordPolicyView.as_view()),
]

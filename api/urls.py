from django.urls import path

from .audit.views import AuditEntryListView
from .auth import views as auth
from .congresses.views import CongressListView, ProvisioningJobView
from .deputies.views import DeputyDetailView, DeputyListView
from .files.views import FileDownloadView, FileUploadView

urlpatterns = [
    path("auth/csrf", auth.CsrfView.as_view()),
    path("auth/session", auth.SessionView.as_view()),
    path("auth/login", auth.LoginView.as_view()),
    path("auth/logout", auth.LogoutView.as_view()),
    path("auth/switch", auth.SwitchView.as_view()),
    path("auth/password", auth.PasswordView.as_view()),
    path("auth/tokens", auth.TokenView.as_view()),
    path("congresses", CongressListView.as_view()),
    path("provisioning-jobs/<int:pk>", ProvisioningJobView.as_view()),
    path("deputies", DeputyListView.as_view()),
    path("deputies/<int:pk>", DeputyDetailView.as_view()),
    path("audit/entries", AuditEntryListView.as_view()),
    path("files", FileUploadView.as_view()),
    path("files/<int:pk>/url", FileDownloadView.as_view()),
]

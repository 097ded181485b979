from django.urls import include, path

from .audit.views import AuditChoicesView, AuditEntryListView, AuditExportView, AuditVerifyView
from .auth import views as auth
from .congresses.views import (
    CongressListView,
    DeadDispatchListView,
    DispatchRetryView,
    ProvisioningJobView,
)
from .deputies.views import DeputyDetailView, DeputyListView
from .files.views import FileDownloadView, FileUploadView
from .voting import deliberation as deliberating
from .voting import documents as voting_documents
from .voting import evaluation as evaluating
from .voting import rollcall, verification
from .voting import solicitation as soliciting
from .voting import views as voting

urlpatterns = [
    path("auth/csrf", auth.CsrfView.as_view()),
    path("auth/session", auth.SessionView.as_view()),
    path("auth/login", auth.LoginView.as_view()),
    path("auth/logout", auth.LogoutView.as_view()),
    path("auth/switch", auth.SwitchView.as_view()),
    path("auth/password", auth.PasswordView.as_view()),
    path("auth/tokens", auth.TokenView.as_view()),
    path("auth/tokens/<int:pk>", auth.TokenDetailView.as_view()),
    path("auth/handoff", auth.HandoffView.as_view()),
    path("congresses", CongressListView.as_view()),
    path("provisioning-jobs/<int:pk>", ProvisioningJobView.as_view()),
    # The operator's (platform host); a tenant's host refuses them with 403.
    path("crossing/dead", DeadDispatchListView.as_view()),
    path("crossing/dispatches/<int:pk>/retry", DispatchRetryView.as_view()),
    path("deputies", DeputyListView.as_view()),
    path("deputies/<int:pk>", DeputyDetailView.as_view()),
    path("audit/entries", AuditEntryListView.as_view()),
    path("audit/entries.xlsx", AuditExportView.as_view()),
    path("audit/choices", AuditChoicesView.as_view()),
    path("audit/verify", AuditVerifyView.as_view()),
    path("files", FileUploadView.as_view()),
    path("files/<int:pk>/url", FileDownloadView.as_view()),
    path("voting/cycles", voting.CycleListView.as_view()),
    path("voting/rules-template", voting.RulesTemplateView.as_view()),
    path("voting/rule-templates", voting.RuleTemplateListView.as_view()),
    path("voting/rule-templates/uses", voting.RuleTemplateUseView.as_view()),
    path("voting/cycles/<int:pk>", voting.CycleDetailView.as_view()),
    path("voting/cycles/<int:pk>/rules", voting.CycleRulesView.as_view()),
    path("voting/cycles/<int:pk>/open-voting", voting.CycleOpenVotingView.as_view()),
    path("voting/cycles/<int:pk>/candidates", voting.CandidateListView.as_view()),
    path("voting/cycles/<int:pk>/sign-in", voting.SignInView.as_view()),
    path("voting/cycles/<int:pk>/roll-call", rollcall.RollCallView.as_view()),
    path("voting/cycles/<int:pk>/roll-call/unmark", rollcall.RollCallUnmarkView.as_view()),
    path("voting/cycles/<int:pk>/roll-call/card", rollcall.RollCallCardView.as_view()),
    path("voting/cycles/<int:pk>/roll-call/cards", rollcall.RollCallCardsView.as_view()),
    path("voting/cycles/<int:pk>/roll-call/sheet", rollcall.RollCallSheetView.as_view()),
    path("voting/cycles/<int:pk>/rounds", voting.RoundListView.as_view()),
    path("voting/rounds/<int:pk>", voting.RoundDetailView.as_view()),
    path("voting/rounds/<int:pk>/ballots", voting.BallotView.as_view()),
    path("voting/rounds/<int:pk>/close", voting.RoundCloseView.as_view()),
    path("voting/rounds/<int:pk>/receipt-check", voting.ReceiptCheckView.as_view()),
    path("voting/rounds/<int:pk>/paper-ballots", voting.PaperIssueView.as_view()),
    path("voting/rounds/<int:pk>/tally", voting.TallyView.as_view()),
    path("voting/rounds/<int:pk>/tally/agreement", voting.TallyAgreementView.as_view()),
    path("voting/rounds/<int:pk>/device-import", voting.DeviceImportView.as_view()),
    path("voting/cycles/<int:pk>/call", soliciting.CallView.as_view()),
    path("voting/cycles/<int:pk>/proposals", soliciting.ProposalListView.as_view()),
    path("voting/cycles/<int:pk>/proposals/mine", soliciting.MyProposalsView.as_view()),
    path("voting/cycles/<int:pk>/governance", soliciting.GovernanceView.as_view()),
    path("voting/party-review", soliciting.PartyReviewListView.as_view()),
    path("voting/cycles/<int:pk>/advance", soliciting.AdvanceView.as_view()),
    path("voting/cycles/<int:pk>/reserve-carry", soliciting.ReserveCarryView.as_view()),
    path("voting/reserve", soliciting.ReserveListView.as_view()),
    path("voting/proposals/<int:pk>/screen", soliciting.ProposalScreenView.as_view()),
    path("voting/proposals/<int:pk>/merge", soliciting.ProposalMergeView.as_view()),
    path("voting/proposals/<int:pk>/reserve", soliciting.ProposalReserveView.as_view()),
    path("voting/proposals/<int:pk>/candidate", soliciting.ProposalCandidateView.as_view()),
    path("voting/candidates/<int:pk>/materials", deliberating.MaterialListView.as_view()),
    path("voting/candidates/<int:pk>/comments", deliberating.CommentListView.as_view()),
    path("voting/comments/<int:pk>/answer", deliberating.CommentAnswerView.as_view()),
    path("public/voting/call", soliciting.PublicCallView.as_view()),
    path("voting/cycles/<int:pk>/announcement", soliciting.AnnouncementReviewView.as_view()),
    path(
        "voting/cycles/<int:pk>/announcement/publish",
        soliciting.AnnouncementPublishView.as_view(),
    ),
    path("public/voting/announcements/<int:year>", soliciting.PublicAnnouncementView.as_view()),
    path("public/voting/proposals", soliciting.PublicProposalView.as_view()),
    path("public/voting/proposals/<str:code>", soliciting.PublicTrackingView.as_view()),
    path("voting/rounds/<int:pk>/ballot.pdf", voting_documents.RoundBallotPdfView.as_view()),
    path(
        "voting/rounds/<int:pk>/tally-sheet.pdf", voting_documents.RoundTallySheetPdfView.as_view()
    ),
    path(
        "voting/cycles/<int:pk>/announcement.pdf",
        voting_documents.CycleAnnouncementPdfView.as_view(),
    ),
    path(
        "voting/cycles/<int:pk>/candidates.xlsx", voting_documents.CycleCandidatesXlsxView.as_view()
    ),
    path("voting/cycles/<int:pk>/results.xlsx", voting_documents.CycleResultsXlsxView.as_view()),
    path("voting/cycles/<int:pk>/evaluation", evaluating.EvaluationView.as_view()),
    path("voting/cycles/<int:pk>/evaluation/rules", evaluating.EvaluationRulesView.as_view()),
    path("voting/cycles/<int:pk>/evaluation/open", evaluating.EvaluationOpenView.as_view()),
    path("voting/cycles/<int:pk>/evaluation/sign-in", evaluating.EvaluationSignInView.as_view()),
    path("voting/cycles/<int:pk>/evaluation/close", evaluating.EvaluationCloseView.as_view()),
    path("voting/cycles/<int:pk>/evaluation/results", evaluating.EvaluationResultsView.as_view()),
    path("voting/cycles/<int:pk>/close-year", evaluating.CycleCloseYearView.as_view()),
    path("public/voting/accounts/<int:year>", evaluating.PublicAccountView.as_view()),
    path("public/voting/years/<int:year>/rounds", verification.PublicRoundListView.as_view()),
    path("public/voting/rounds/<int:pk>/record", verification.PublicRoundRecordView.as_view()),
    path("public/voting/verify", verification.PublicVerifyView.as_view()),
    path("public/voting/accounts/<int:year>/pdf", evaluating.PublicAccountPdfView.as_view()),
    path("public/voting/accounts/<int:year>/ratings", evaluating.PublicRatingView.as_view()),
    path(
        "voting/cycles/<int:pk>/proposals.xlsx", voting_documents.CycleProposalsXlsxView.as_view()
    ),
    # Each module's own routes, from its api/<module>/urls.py.
    path("", include("api.accounts.urls")),
    path("", include("api.security.urls")),
    path("", include("api.implementation.urls")),
    path("", include("api.notifications.urls")),
    path("", include("api.linkage.stations.urls")),
    path("", include("api.linkage.activities.urls")),
    path("", include("api.linkage.opinions.urls")),
    path("", include("api.supervision.urls")),
    path("", include("api.portal.urls")),
    path("", include("api.rollups.urls")),
    path("", include("api.onboarding.urls")),
]

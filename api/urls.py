"""The API's route table, every module's routes in one list, matched in this order."""

from django.urls import URLPattern, URLResolver, path

from .accounts import views as accounts
from .audit.views import AuditChoicesView, AuditEntryListView, AuditExportView, AuditVerifyView
from .auth import views as auth
from .congresses.views import (
    CongressListView,
    DeadDispatchListView,
    DispatchRetryView,
    ProvisioningJobView,
)
from .deputies import terms
from .deputies import views as deputies
from .files.views import FileDownloadView, FileUploadView
from .implementation import views as implementation
from .linkage.activities import duty
from .linkage.activities import views as activities
from .linkage.opinions import views as opinions
from .linkage.stations import views as stations
from .notifications import views as notifications
from .onboarding import views as onboarding
from .portal import views as portal
from .rollups import views as rollups
from .security import views as security
from .supervision import route, stars
from .supervision import views as supervision
from .voting import deliberation as deliberating
from .voting import documents as voting_documents
from .voting import evaluation as evaluating
from .voting import rollcall, verification
from .voting import solicitation as soliciting
from .voting import views as voting

urlpatterns: list[URLPattern | URLResolver] = [
    # Sessions, logins and tokens (api/auth).
    path("auth/csrf", auth.CsrfView.as_view()),
    path("auth/session", auth.SessionView.as_view()),
    path("auth/login", auth.LoginView.as_view()),
    path("auth/logout", auth.LogoutView.as_view()),
    path("auth/switch", auth.SwitchView.as_view()),
    path("auth/password", auth.PasswordView.as_view()),
    path("auth/tokens", auth.TokenView.as_view()),
    path("auth/tokens/<int:pk>", auth.TokenDetailView.as_view()),
    path("auth/handoff", auth.HandoffView.as_view()),
    # Congresses and their provisioning (api/congresses).
    path("congresses", CongressListView.as_view()),
    path("provisioning-jobs/<int:pk>", ProvisioningJobView.as_view()),
    # The operator's (platform host); a tenant's host refuses them with 403.
    path("crossing/dead", DeadDispatchListView.as_view()),
    path("crossing/dispatches/<int:pk>/retry", DispatchRetryView.as_view()),
    # The roster (api/deputies).
    path("deputies", deputies.DeputyListView.as_view()),
    path("deputies/<int:pk>", deputies.DeputyDetailView.as_view()),
    # The audit log (api/audit).
    path("audit/entries", AuditEntryListView.as_view()),
    path("audit/entries.xlsx", AuditExportView.as_view()),
    path("audit/choices", AuditChoicesView.as_view()),
    path("audit/verify", AuditVerifyView.as_view()),
    # Uploaded files (api/files).
    path("files", FileUploadView.as_view()),
    path("files/<int:pk>/url", FileDownloadView.as_view()),
    # Voting: cycles, rounds, roll call, proposals, deliberation, evaluation, records (api/voting).
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
    # Members' accounts (api/accounts).
    path("accounts/members", accounts.MemberListView.as_view()),
    path("accounts/members/from-roster", accounts.RosterAccountsView.as_view()),
    path("accounts/members/<int:pk>/roles", accounts.MemberRolesView.as_view()),
    path("accounts/members/<int:pk>/deactivate", accounts.MemberDeactivateView.as_view()),
    path("accounts/members/<int:pk>/activate", accounts.MemberActivateView.as_view()),
    path("accounts/members/<int:pk>/password-reissue", accounts.PasswordReissueView.as_view()),
    # The security administrator's page (api/security).
    path("security/members", security.SecurityMemberListView.as_view()),
    path("security/members/<int:pk>/unlock", security.SecurityUnlockView.as_view()),
    path("security/members/<int:pk>/password-reset", security.SecurityPasswordResetView.as_view()),
    path("security/members/<int:pk>/sessions-end", security.SecuritySessionsEndView.as_view()),
    path("security/password-policy", security.PasswordPolicyView.as_view()),
    # Projects carried out (api/implementation).
    path("implementation/projects", implementation.ProjectListView.as_view()),
    path("implementation/projects/<int:pk>", implementation.ProjectDetailView.as_view()),
    path("implementation/projects/<int:pk>/plan", implementation.PlanView.as_view()),
    path("implementation/projects/<int:pk>/reports", implementation.ReportView.as_view()),
    path("implementation/projects/<int:pk>/milestones", implementation.MilestoneListView.as_view()),
    path("implementation/projects/<int:pk>/stages", implementation.StageView.as_view()),
    path("implementation/projects/<int:pk>/supervisors", implementation.SupervisorsView.as_view()),
    path("implementation/projects/<int:pk>/inspections", implementation.InspectionView.as_view()),
    path(
        "implementation/projects/<int:pk>/rectifications",
        implementation.RectificationListView.as_view(),
    ),
    path("implementation/stages", implementation.StageListView.as_view()),
    path("implementation/stages/<int:pk>", implementation.StageDetailView.as_view()),
    path("implementation/supervision-groups", implementation.SupervisionGroupListView.as_view()),
    path("implementation/milestones/<int:pk>/done", implementation.MilestoneDoneView.as_view()),
    path(
        "implementation/rectifications/<int:pk>/close",
        implementation.RectificationCloseView.as_view(),
    ),
    path("implementation/cycles/<int:pk>/hand-over", implementation.HandOverView.as_view()),
    path("implementation/cycles/<int:pk>/midyear", implementation.MidyearView.as_view()),
    path(
        "implementation/cycles/<int:pk>/midyear/opinions",
        implementation.MidyearOpinionsView.as_view(),
    ),
    path(
        "implementation/cycles/<int:pk>/midyear/answer", implementation.MidyearAnswerView.as_view()
    ),
    path("implementation/units", implementation.UnitListView.as_view()),
    path("implementation/unit-accounts", implementation.UnitAccountListView.as_view()),
    # The caller's notifications (api/notifications).
    path("notifications", notifications.NotificationListView.as_view()),
    path("notifications/read", notifications.NotificationReadView.as_view()),
    # Liaison stations (api/linkage/stations).
    path("stations", stations.StationListView.as_view()),
    path("stations/settings", stations.SettingsView.as_view()),
    path("stations/checklist", stations.ChecklistView.as_view()),
    path("stations/checklist/<int:pk>", stations.ChecklistItemView.as_view()),
    path("stations/postings", stations.PostingListView.as_view()),
    path("stations/residents/<int:pk>", stations.ResidentDetailView.as_view()),
    path("stations/receptions/<int:pk>", stations.ReceptionDetailView.as_view()),
    path("stations/receptions/<int:pk>/publish", stations.ReceptionPublishView.as_view()),
    path("stations/receptions/<int:pk>/hold", stations.ReceptionHoldView.as_view()),
    path("stations/<int:pk>", stations.StationDetailView.as_view()),
    path("stations/<int:pk>/staff", stations.StationStaffView.as_view()),
    path("stations/<int:pk>/residents", stations.ResidentListView.as_view()),
    path("stations/<int:pk>/receptions", stations.ReceptionListView.as_view()),
    path("stations/<int:pk>/assessments/<int:year>", stations.AssessmentView.as_view()),
    path("stations/<int:pk>/assessments/<int:year>/self", stations.SelfAssessView.as_view()),
    path("public/stations/<int:pk>", stations.PublicStationView.as_view()),
    path("public/stations/<int:pk>/qr.svg", stations.PublicStationQrView.as_view()),
    # The roster's import, terms and the directory (api/deputies).
    path("deputies/import-template", deputies.ImportTemplateView.as_view()),
    path("deputies/import", deputies.ImportView.as_view()),
    path("deputies/<int:pk>/link", deputies.DeputyLinkView.as_view()),
    path("deputies/<int:pk>/end-service", deputies.DeputyEndServiceView.as_view()),
    path("terms", terms.TermListView.as_view()),
    path("terms/<int:pk>/close", terms.TermCloseView.as_view()),
    path("terms/<int:pk>/sessions", terms.TermSessionView.as_view()),
    path("directory/deputies", deputies.DirectoryListView.as_view()),
    # Activities and the duty record (api/linkage/activities).
    path("activities", activities.ActivityListView.as_view()),
    path("activities/invitee-candidates", activities.CandidateListView.as_view()),
    path("activities/<int:pk>", activities.ActivityDetailView.as_view()),
    path("activities/<int:pk>/invitations", activities.InviteView.as_view()),
    path("activities/<int:pk>/record", activities.RecordView.as_view()),
    path("activities/<int:pk>/cancel", activities.CancelView.as_view()),
    path("activities/<int:pk>/photos", activities.PhotoView.as_view()),
    path("activities/<int:pk>/sign-in", activities.SignInView.as_view()),
    path("me/activities", activities.MyActivityListView.as_view()),
    path("me/invitations/<int:pk>/respond", activities.MyRespondView.as_view()),
    path("me/check-in", activities.MyCheckInView.as_view()),
    path("me/tasks", activities.MyTasksView.as_view()),
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
    # Opinions (api/linkage/opinions).
    path("opinions", opinions.OpinionListView.as_view()),
    path("opinions/units", opinions.UnitListView.as_view()),
    path("opinions/mine", opinions.OpinionMineView.as_view()),
    path("opinions/policy", opinions.PolicyView.as_view()),
    path("opinions/<int:pk>", opinions.OpinionDetailView.as_view()),
    path("opinions/<int:pk>/sort", opinions.OpinionSortView.as_view()),
    path("opinions/<int:pk>/assign", opinions.OpinionAssignView.as_view()),
    path("opinions/<int:pk>/handle", opinions.OpinionHandleView.as_view()),
    path("opinions/<int:pk>/reply", opinions.OpinionReplyView.as_view()),
    path("opinions/<int:pk>/extend", opinions.OpinionExtendView.as_view()),
    path("opinions/<int:pk>/decline", opinions.OpinionDeclineView.as_view()),
    path("opinions/<int:pk>/escalate", opinions.OpinionEscalateView.as_view()),
    path("opinions/<int:pk>/close", opinions.OpinionCloseView.as_view()),
    path("opinions/<int:pk>/deputy-dissatisfied", opinions.DeputyFeedbackView.as_view()),
    path("public/opinions", opinions.PublicOpinionView.as_view()),
    path("public/opinions/stations/<int:pk>", opinions.PublicStationView.as_view()),
    path("public/opinions/<str:code>", opinions.PublicOpinionTrackView.as_view()),
    path("public/opinions/<str:code>/rating", opinions.PublicOpinionRatingView.as_view()),
    # Supervision: guidance, route, benchmark rounds, stars (api/supervision).
    path("supervision/files", supervision.FileUploadView.as_view()),
    path("supervision/files/<int:pk>/url", supervision.FileUrlView.as_view()),
    path("supervision/subordinates", supervision.SubordinateListView.as_view()),
    path("supervision/guidance", supervision.GuidanceListView.as_view()),
    path("supervision/guidance/<int:pk>", supervision.GuidanceDetailView.as_view()),
    path("supervision/guidance/<int:pk>/read", supervision.GuidanceReadView.as_view()),
    path("supervision/guidance/<int:pk>/withdraw", supervision.GuidanceWithdrawView.as_view()),
    path("supervision/guidance/<int:pk>/report", supervision.GuidanceReportView.as_view()),
    path("supervision/guidance/<int:pk>/reports", supervision.GuidanceReportListView.as_view()),
    path("supervision/route", route.RouteView.as_view()),
    path("supervision/route/lag", route.RouteLagView.as_view()),
    path("supervision/kinds", supervision.KindListView.as_view()),
    path("supervision/rounds", supervision.RoundListView.as_view()),
    path("supervision/rounds/<int:pk>", supervision.RoundDetailView.as_view()),
    path("supervision/rounds/<int:pk>/open", supervision.RoundOpenView.as_view()),
    path(
        "supervision/rounds/<int:pk>/close-nominations",
        supervision.RoundCloseNominationsView.as_view(),
    ),
    path("supervision/rounds/<int:pk>/nominations", supervision.NominationListView.as_view()),
    path(
        "supervision/rounds/<int:pk>/nominee-options", supervision.NomineeOptionListView.as_view()
    ),
    path("supervision/rounds/<int:pk>/ranking", supervision.RankingView.as_view()),
    path("supervision/rounds/<int:pk>/decide", supervision.RoundDecideView.as_view()),
    path("supervision/rounds/<int:pk>/publicity", supervision.RoundPublicityView.as_view()),
    path("supervision/rounds/<int:pk>/objections", supervision.ObjectionListView.as_view()),
    path("supervision/rounds/<int:pk>/announce", supervision.RoundAnnounceView.as_view()),
    path("supervision/rounds/<int:pk>/result", supervision.RoundResultView.as_view()),
    path("supervision/nominations/<int:pk>/withdraw", supervision.NominationWithdrawView.as_view()),
    path("supervision/nominations/<int:pk>/scores", supervision.ScoreSheetView.as_view()),
    path("supervision/objections/<int:pk>/resolve", supervision.ObjectionResolveView.as_view()),
    path("supervision/star-reviews", stars.StarReviewListView.as_view()),
    path("supervision/star-reviews/<int:pk>/decide", stars.StarReviewDecideView.as_view()),
    path("supervision/stars-by-county", stars.StarsByCountyView.as_view()),
    path("public/benchmarks", supervision.PublicRoundListView.as_view()),
    path("public/benchmarks/<int:pk>/objections", supervision.PublicObjectionView.as_view()),
    # The public portal (api/portal).
    path("public/home", portal.PublicHomeView.as_view()),
    path("public/track/<str:code>", portal.PublicTrackingKindView.as_view()),
    # The city's and counties' dashboard (api/rollups).
    path("rollups/dashboard", rollups.DashboardView.as_view()),
    path("rollups/dashboard/tenants", rollups.DashboardTenantsView.as_view()),
    path("rollups/dashboard.xlsx", rollups.DashboardExportView.as_view()),
    # A new congress's setup (api/onboarding).
    path("setup/checklist", onboarding.SetupChecklistView.as_view()),
]

"""票决 documents (PDF) and exports (Excel) for staff. The files are rendered on each request
from the frozen counts; nothing is stored."""

from collections.abc import Callable

from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request

from api.downloads import PDF, XLSX, DownloadView, attachment, binary
from api.permissions import STAFF, host_tenant
from ops.errors import DomainError
from tenants.voting import documents, exports, sheets
from tenants.voting.models import Cycle, Round


def _congress(request: Request) -> str:
    return host_tenant(request).name


def _round(pk: int) -> Round:
    found = Round.objects.select_related("cycle").prefetch_related("candidates").filter(pk=pk)
    return get_object_or_404(found)


def _round_pdf(
    request: Request, pk: int, render: Callable[[documents.RoundSheet], bytes], name: str
) -> HttpResponse:
    """A printed form of one round, named after its cycle and number."""
    round_ = _round(pk)
    pdf = render(sheets.round_sheet(round_, congress=_congress(request)))
    return attachment(pdf, PDF, f"{round_.cycle.title}-第{round_.number}轮{name}.pdf")


def _cycle_book(pk: int, book: Callable[[Cycle], bytes], name: str) -> HttpResponse:
    """A workbook of one cycle's rows, named after the cycle."""
    cycle = get_object_or_404(Cycle, pk=pk)
    return attachment(book(cycle), XLSX, f"{cycle.title}-{name}.xlsx")


class _StaffFileView(DownloadView):
    permission_classes = [STAFF]


class RoundBallotPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_round_ballot_pdf",
        responses=binary(PDF, "表决票 / printable ballot"),
        summary="打印表决票（PDF）/ the round's printable ballot (PDF)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        return _round_pdf(request, pk, documents.ballot_pdf, "表决票")


class RoundTallySheetPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_round_tally_sheet_pdf",
        responses=binary(PDF, "计票单 / tally sheet"),
        summary="打印计票单（PDF）/ the tellers' tally sheet (PDF)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        return _round_pdf(request, pk, documents.tally_sheet_pdf, "计票单")


class CycleAnnouncementPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_announcement_pdf",
        responses=binary(PDF, "公告 / announcement"),
        summary="票决结果公告（PDF，表决结束后）/ the announcement of the results (PDF, once the "
        "vote is over)",
        description="尚无已结束的轮次（no_round_closed）或还需再投一轮（vote_unfinished）时返回 400。"
        " / 400 while no round is closed (no_round_closed) or another round must still be held "
        "(vote_unfinished).",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=pk)
        notice = sheets.cycle_announcement(cycle, congress=_congress(request))
        if notice is None:
            raise DomainError("no_round_closed", _("尚无已结束的表决轮次，不能生成公告。"))
        if sheets.cycle_vote_unfinished(cycle):
            raise DomainError(
                "vote_unfinished", _("表决尚未结束：还有一轮需要进行，结束后才能生成公告。")
            )
        return attachment(documents.announcement_pdf(notice), PDF, f"{cycle.title}-公告.pdf")


class CycleCandidatesXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_candidates_xlsx",
        responses=binary(XLSX, "候选项目 / candidates"),
        summary="导出候选项目（Excel）/ export the candidates (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        return _cycle_book(
            pk, lambda cycle: exports.candidates_xlsx(sheets.candidate_rows(cycle)), _("候选项目")
        )


class CycleResultsXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_results_xlsx",
        responses=binary(XLSX, "各轮表决结果 / results of every closed round"),
        summary="导出表决结果（Excel）/ export the round results (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        return _cycle_book(
            pk, lambda cycle: exports.results_xlsx(sheets.result_rows(cycle)), _("表决结果")
        )


class CycleProposalsXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_proposals_xlsx",
        responses=binary(XLSX, "项目建议（电话已脱敏）/ proposals (phones masked)"),
        summary="导出项目建议（Excel）/ export the proposals (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        return _cycle_book(
            pk, lambda cycle: exports.proposals_xlsx(sheets.proposal_rows(cycle)), _("项目建议")
        )

"""票决 documents (PDF) and exports (Excel) for staff. The files are rendered on each request
from the frozen counts; nothing is stored."""

from typing import Any

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.views import APIView

from accounts.roles import Role
from api.permissions import has_role, host_tenant
from ops.errors import DomainError
from tenants.voting import documents, exports, sheets
from tenants.voting.models import Cycle, Round

PDF = "application/pdf"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = content_disposition_header(as_attachment=True, filename=filename)
    assert disposition is not None  # None only for an inline file without a name
    response["Content-Disposition"] = disposition
    response["Cache-Control"] = "no-store"
    return response


def _binary(content_type: str, description: str) -> dict[Any, Any]:
    return {(200, content_type): OpenApiResponse(OpenApiTypes.BINARY, description=description)}


def _congress(request: Request) -> str:
    return host_tenant(request).name


def _round(pk: int) -> Round:
    found = Round.objects.select_related("cycle").prefetch_related("candidates").filter(pk=pk)
    return get_object_or_404(found)


class _StaffFileView(APIView):
    permission_classes = [has_role(Role.STAFF)]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # A download asks for a PDF or a workbook; a refusal is still answered in JSON.
        return super().perform_content_negotiation(request, force=True)


class RoundBallotPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_round_ballot_pdf",
        responses=_binary(PDF, "表决票 / printable ballot"),
        summary="打印表决票（PDF）/ the round's printable ballot (PDF)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        round_ = _round(pk)
        pdf = documents.ballot_pdf(sheets.round_sheet(round_, congress=_congress(request)))
        return _file(pdf, PDF, f"{round_.cycle.title}-第{round_.number}轮表决票.pdf")


class RoundTallySheetPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_round_tally_sheet_pdf",
        responses=_binary(PDF, "计票单 / tally sheet"),
        summary="打印计票单（PDF）/ the tellers' tally sheet (PDF)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        round_ = _round(pk)
        pdf = documents.tally_sheet_pdf(sheets.round_sheet(round_, congress=_congress(request)))
        return _file(pdf, PDF, f"{round_.cycle.title}-第{round_.number}轮计票单.pdf")


class CycleAnnouncementPdfView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_announcement_pdf",
        responses=_binary(PDF, "公告 / announcement"),
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
        return _file(documents.announcement_pdf(notice), PDF, f"{cycle.title}-公告.pdf")


class CycleCandidatesXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_candidates_xlsx",
        responses=_binary(XLSX, "候选项目 / candidates"),
        summary="导出候选项目（Excel）/ export the candidates (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=pk)
        book = exports.candidates_xlsx(sheets.candidate_rows(cycle))
        return _file(book, XLSX, f"{cycle.title}-{_('候选项目')}.xlsx")


class CycleResultsXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_results_xlsx",
        responses=_binary(XLSX, "各轮表决结果 / results of every closed round"),
        summary="导出表决结果（Excel）/ export the round results (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=pk)
        book = exports.results_xlsx(sheets.result_rows(cycle))
        return _file(book, XLSX, f"{cycle.title}-{_('表决结果')}.xlsx")


class CycleProposalsXlsxView(_StaffFileView):
    @extend_schema(
        operation_id="voting_cycle_proposals_xlsx",
        responses=_binary(XLSX, "项目建议（电话已脱敏）/ proposals (phones masked)"),
        summary="导出项目建议（Excel）/ export the proposals (Excel)",
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=pk)
        book = exports.proposals_xlsx(sheets.proposal_rows(cycle))
        return _file(book, XLSX, f"{cycle.title}-{_('项目建议')}.xlsx")

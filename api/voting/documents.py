"""票决 documents (PDF) and exports (Excel) for staff. The files are rendered on each request
from the frozen counts; nothing is stored."""

from collections.abc import Callable
from typing import TypeVar

from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.generics import get_object_or_404
from rest_framework.request import Request
from rest_framework.views import APIView

from api.actions import Read, endpoint
from api.downloads import PDF, XLSX, DownloadView, attachment, binary
from api.permissions import STAFF, host_tenant
from ops.errors import DomainError
from tenants.voting import documents, exports, sheets
from tenants.voting.models import Cycle, Round

R = TypeVar("R")


def _congress(request: Request) -> str:
    return host_tenant(request).name


def _round(pk: int) -> Round:
    found = Round.objects.select_related("cycle").prefetch_related("candidates").filter(pk=pk)
    return get_object_or_404(found)


class _StaffFileView(DownloadView):
    permission_classes = [STAFF]


def _staff_file(operation: Read, doc: str | None = None) -> type[APIView]:
    """A file staff download: the operation answers with it (a refusal is still JSON)."""
    return endpoint(operation, base=_StaffFileView, doc=doc)


def _round_pdf(
    operation_id: str,
    summary: str,
    render: Callable[[documents.RoundSheet], bytes],
    name: str,
    shown: str,
) -> type[APIView]:
    """A printed form of one round (`render` of its sheet), named after its cycle and number;
    `shown`, the file as the schema describes it."""

    def find(request: Request, pk: int) -> HttpResponse:
        round_ = _round(pk)
        pdf = render(sheets.round_sheet(round_, congress=_congress(request)))
        return attachment(pdf, PDF, f"{round_.cycle.title}-第{round_.number}轮{name}.pdf")

    return _staff_file(Read(operation_id, summary, find, responses=binary(PDF, shown)))


def _cycle_book(
    operation_id: str,
    summary: str,
    book: Callable[[list[R]], bytes],
    rows: Callable[[Cycle], list[R]],
    shown: str,
    *,
    name: Promise,
) -> type[APIView]:
    """A workbook of one cycle's rows (`book` of `rows(cycle)`), named after the cycle and
    `name`; `shown`, the file as the schema describes it."""

    def find(request: Request, pk: int) -> HttpResponse:
        cycle = get_object_or_404(Cycle, pk=pk)
        return attachment(book(rows(cycle)), XLSX, f"{cycle.title}-{name}.xlsx")

    return _staff_file(Read(operation_id, summary, find, responses=binary(XLSX, shown)))


def _announcement(request: Request, pk: int) -> HttpResponse:
    cycle = get_object_or_404(Cycle, pk=pk)
    notice = sheets.cycle_announcement(cycle, congress=_congress(request))
    if notice is None:
        raise DomainError("no_round_closed", _("尚无已结束的表决轮次，不能生成公告。"))
    if sheets.cycle_vote_unfinished(cycle):
        raise DomainError(
            "vote_unfinished", _("表决尚未结束：还有一轮需要进行，结束后才能生成公告。")
        )
    return attachment(documents.announcement_pdf(notice), PDF, f"{cycle.title}-公告.pdf")


RoundBallotPdfView = _round_pdf(
    "voting_round_ballot_pdf",
    "打印表决票（PDF）/ the round's printable ballot (PDF)",
    documents.ballot_pdf,
    "表决票",
    "表决票 / printable ballot",
)
RoundTallySheetPdfView = _round_pdf(
    "voting_round_tally_sheet_pdf",
    "打印计票单（PDF）/ the tellers' tally sheet (PDF)",
    documents.tally_sheet_pdf,
    "计票单",
    "计票单 / tally sheet",
)
CycleAnnouncementPdfView = _staff_file(
    Read(
        "voting_cycle_announcement_pdf",
        "票决结果公告（PDF，表决结束后）/ the announcement of the results (PDF, once the "
        "vote is over)",
        _announcement,
        responses=binary(PDF, "公告 / announcement"),
    ),
    doc="尚无已结束的轮次（no_round_closed）或还需再投一轮（vote_unfinished）时返回 400。"
    " / 400 while no round is closed (no_round_closed) or another round must still be held "
    "(vote_unfinished).",
)
CycleCandidatesXlsxView = _cycle_book(
    "voting_cycle_candidates_xlsx",
    "导出候选项目（Excel）/ export the candidates (Excel)",
    exports.candidates_xlsx,
    sheets.candidate_rows,
    "候选项目 / candidates",
    name=gettext_lazy("候选项目"),
)
CycleResultsXlsxView = _cycle_book(
    "voting_cycle_results_xlsx",
    "导出表决结果（Excel）/ export the round results (Excel)",
    exports.results_xlsx,
    sheets.result_rows,
    "各轮表决结果 / results of every closed round",
    name=gettext_lazy("表决结果"),
)
CycleProposalsXlsxView = _cycle_book(
    "voting_cycle_proposals_xlsx",
    "导出项目建议（Excel）/ export the proposals (Excel)",
    exports.proposals_xlsx,
    sheets.proposal_rows,
    "项目建议（电话已脱敏）/ proposals (phones masked)",
    name=gettext_lazy("项目建议"),
)

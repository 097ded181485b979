"""Duty records over HTTP: staff record suggestions and attendance, set the point rules, publish
a quarter and decide objections; a deputy reads their record and files objections."""

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.actions import Action, Read, Write, collection, endpoint
from api.downloads import XLSX, DownloadView, attachment, binary
from api.errors import or_404
from api.inputs import YearQuery, queried
from api.permissions import DEPUTY, STAFF
from ops.errors import DomainError
from ops.replica import replica_reads
from tenants.deputies.models import Deputy
from tenants.linkage.duty import rules, services
from tenants.linkage.duty.exchange import exchange_document, exchange_xlsx, period_parse
from tenants.linkage.duty.models import DutyEntry, Objection, Publication
from tenants.linkage.duty.selectors import (
    duty_settings,
    entries_of,
    objection_list,
    quarters_open,
    roster_scores,
    scheme_current,
    standing_of,
)

from . import serializers as s
from .views import my_seat


class EntryListQuery(YearQuery):
    deputy = serializers.IntegerField(required=False, min_value=1)


class ScoreListQuery(YearQuery):
    quarter = serializers.IntegerField(required=False, min_value=1, max_value=4)


def _year(params: dict[str, Any]) -> int:
    return params.get("year") or timezone.localdate().year


def _record(deputy: Deputy, year: int) -> dict[str, object]:
    """A deputy's record for a year, serialised: entries with the points each earns."""
    entries = list(entries_of(deputy, year=year).select_related("deputy"))
    standing = standing_of(entries, scheme_current(), year=year)
    open_quarters = quarters_open(now=timezone.now())
    record = {
        "year": year,
        "deputy_name": deputy.name,
        "score": standing.score,
        "band": standing.band.value,
        "entries": entries,
        "objection_open": any(
            (e.occurred_on.year, rules.quarter_of(e.occurred_on)) in open_quarters for e in entries
        ),
    }
    context = {"awarded": standing.awarded, "open_quarters": open_quarters}
    return dict(s.DutyRecordOutSerializer(record, context=context).data)


class MyRecordView(APIView):
    permission_classes = [DEPUTY]

    @extend_schema(
        operation_id="me_record",
        parameters=[YearQuery],
        responses=s.DutyRecordOutSerializer,
        summary="我的履职档案与积分 / my duty record and points",
    )
    def get(self, request: Request) -> Response:
        return Response(_record(my_seat(request), _year(queried(YearQuery, request))))


def _objection_out(request: Request, objection: Any) -> Any:
    return s.DutyObjectionOutSerializer(objection_list().get(pk=objection.pk)).data


def _my_entry(request: Request, pk: int) -> DutyEntry:
    deputy = my_seat(request)
    return or_404(
        DutyEntry.objects.filter(pk=pk, deputy=deputy).select_related("deputy").first(),
        _("该履职记录不存在。"),
        code="entry_unknown",
    )


def _objection(request: Request, pk: int) -> Objection:
    return or_404(
        Objection.objects.filter(pk=pk).first(), _("该异议不存在。"), code="objection_unknown"
    )


# A deputy's own entry, which they may object to; and the objections staff decide. Both answer
# with the objection.
MY_ENTRY = Action(
    permission=DEPUTY,
    lookup=_my_entry,
    output=_objection_out,
    responses=s.DutyObjectionOutSerializer,
)
OBJECTION = Action(
    permission=STAFF,
    lookup=_objection,
    output=_objection_out,
    responses=s.DutyObjectionOutSerializer,
    keyword="objection",
)
MyObjectionView = MY_ENTRY.view(
    operation_id="me_objection_file",
    summary="对公示的履职记录提出异议 / object to a published entry",
    body=s.DutyObjectionInSerializer,
    run=lambda r, entry, d: services.objection_file(
        entry=entry, deputy=entry.deputy, actor=r.user, **d
    ),
    created=True,
    find_first=True,
)
ObjectionDecideView = OBJECTION.step(
    "duty_objection_decide",
    "处理异议 / decide an objection",
    services.objection_decide,
    body=s.DutyDecideInSerializer,
    find_first=True,
)


def _entries(request: Request, params: dict[str, Any]) -> dict[str, object]:
    deputy = or_404(
        Deputy.objects.filter(pk=params.get("deputy", 0)).first(),
        _("该代表不存在。"),
        code="deputy_unknown",
    )
    return _record(deputy, _year(params))


def _entry_record(request: Request, data: dict[str, Any]) -> DutyEntry:
    deputy = Deputy.objects.filter(pk=data.pop("deputy"), term__is_current=True).first()
    if deputy is None:
        raise DomainError("deputy_unknown", _("该代表不在本届名册中。"), field="deputy")
    entry = services.duty_entry_record(deputy=deputy, actor=request.user, **data)
    return (
        DutyEntry.objects.select_related("deputy").prefetch_related("objections").get(pk=entry.pk)
    )


EntryListView = endpoint(
    Read(
        "duty_entry_list",
        "代表履职档案 / a deputy's record",
        _entries,
        responses=s.DutyRecordOutSerializer,
        query=EntryListQuery,
    ),
    Write(
        "duty_entry_record",
        "登记履职（代表建议、出席会议等）/ record a suggestion, attendance...",
        _entry_record,
        body=s.DutyEntryInSerializer,
        answer=s.DutyEntryOutSerializer,
        created=True,
    ),
    permission=STAFF,
)


def _rules_payload() -> dict[str, object]:
    scheme, settings = scheme_current(), duty_settings()
    return {
        "rules": [
            {"kind": kind, "points": r.points, "quarter_cap": r.quarter_cap, "year_cap": r.year_cap}
            for kind, r in sorted(scheme.rules.items())
        ],
        "base_score": settings.base_score,
        "ceiling": settings.ceiling,
        "good_from": settings.good_from,
        "fair_from": settings.fair_from,
        "objection_days": settings.objection_days,
    }


def _rules_set(request: Request, data: dict[str, Any]) -> dict[str, object]:
    services.duty_rules_set(
        changes=[
            services.RuleChange(r["kind"], r["points"], r.get("quarter_cap"), r.get("year_cap"))
            for r in data["rules"]
        ],
        base_score=data["base_score"],
        ceiling=data["ceiling"],
        clear_ceiling=data["ceiling"] is None,
        good_from=data["good_from"],
        fair_from=data["fair_from"],
        objection_days=data["objection_days"],
        actor=request.user,
    )
    return _rules_payload()


def _scores(request: Request, params: dict[str, Any]) -> Any:
    year, quarter = _year(params), params.get("quarter")
    through: date | None = None
    if quarter is not None:
        through = rules.quarter_span(year, quarter)[1]
    return roster_scores(year=year, through=through)


RulesView = endpoint(
    Read(
        "duty_rules_get",
        "积分规则 / point rules",
        lambda request: _rules_payload(),
        answer=s.DutyRulesSerializer,
    ),
    Write(
        "duty_rules_set",
        "设置积分规则与分档 / set the point rules and bands",
        _rules_set,
        body=s.DutyRulesSerializer,
        answer=s.DutyRulesSerializer,
    ),
    permission=STAFF,
)
ScoreListView = endpoint(
    Read(
        "duty_score_list",
        "代表积分（可截至某季度末）/ the roster's scores (through a quarter's end)",
        _scores,
        answer=s.DutyScoreOutSerializer,
        many=True,
        query=ScoreListQuery,
    ),
    permission=STAFF,
)
PublicationListView = collection(
    s.DutyPublicationSerializer,
    Read(
        "duty_publication_list",
        "季度公示 / quarterly publications",
        lambda request: Publication.objects.all(),
    ),
    Write(
        "duty_publication_publish",
        "公示一个季度的积分 / publish a quarter",
        lambda request, data: services.publication_publish(actor=request.user, **data),
        body=s.DutyPublicationSerializer,
    ),
    permission=STAFF,
)
ObjectionListView = endpoint(
    Read(
        "duty_objection_list",
        "积分异议 / objections",
        lambda request: objection_list(),
        answer=s.DutyObjectionOutSerializer,
        many=True,
    ),
    permission=STAFF,
)


EXPORT_PARAMETERS = [
    OpenApiParameter("from", OpenApiTypes.DATE, description="起始日期（含）/ first day"),
    OpenApiParameter("to", OpenApiTypes.DATE, description="截止日期（含）/ last day"),
    OpenApiParameter(
        "output", str, enum=["json", "xlsx"], description="默认 json / json by default"
    ),
]
EXPORT_RESPONSES: dict[Any, Any] = {
    (200, "application/json"): s.DutyExchangeSerializer,
    **binary(XLSX, "Excel"),
}


def _export(request: Request, deputy: Deputy | None, name: str) -> HttpResponse:
    """The duty record of `deputy` (none: the whole roster) in the exchange format, as JSON or as
    a workbook whose file is named for `name`."""
    query = request.query_params
    output = query.get("output", "json")
    if output not in ("json", "xlsx"):
        raise DomainError("output_invalid", _("导出格式须为 json 或 xlsx。"), field="output")
    period = period_parse(query.get("from", ""), query.get("to", ""))
    with replica_reads():
        document = exchange_document(period=period, deputy=deputy)
    if output == "json":
        return Response(document)
    filename = f"{name}-{_('履职档案')}-{period.first}-{period.last}.xlsx"
    return attachment(exchange_xlsx(document), XLSX, filename)


def _my_export(request: Request) -> HttpResponse:
    seat = my_seat(request)
    return _export(request, seat, seat.name)


EXPORT_DOC = "履职档案交换格式 (docs/linkage-duty.md), as JSON or as a workbook."
ExportView = endpoint(
    Read(
        "duty_export",
        "导出全体代表履职档案（交换格式）/ the roster's duty record, exchange format",
        lambda request: _export(request, None, _("全体代表")),
        parameters=EXPORT_PARAMETERS,
        responses=EXPORT_RESPONSES,
    ),
    permission=STAFF,
    base=DownloadView,
    doc=EXPORT_DOC,
)
MyExportView = endpoint(
    Read(
        "me_record_export",
        "导出我的履职档案（交换格式）/ my duty record, exchange format",
        _my_export,
        parameters=EXPORT_PARAMETERS,
        responses=EXPORT_RESPONSES,
    ),
    permission=DEPUTY,
    base=DownloadView,
    doc=EXPORT_DOC,
)

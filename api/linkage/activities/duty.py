"""Duty records over HTTP: staff record suggestions and attendance, set the point rules, publish
a quarter and decide objections; a deputy reads their record and files objections."""

from datetime import date
from typing import Any

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from api.actions import Action
from api.downloads import XLSX, DownloadView, attachment, binary
from api.inputs import YearQuery, queried, validated
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
    entry = DutyEntry.objects.filter(pk=pk, deputy=deputy).select_related("deputy").first()
    if entry is None:
        raise NotFound(_("该履职记录不存在。"), code="entry_unknown")
    return entry


def _objection(request: Request, pk: int) -> Objection:
    objection = Objection.objects.filter(pk=pk).first()
    if objection is None:
        raise NotFound(_("该异议不存在。"), code="objection_unknown")
    return objection


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
ObjectionDecideView = OBJECTION.view(
    operation_id="duty_objection_decide",
    summary="处理异议 / decide an objection",
    body=s.DutyDecideInSerializer,
    run=lambda r, objection, d: services.objection_decide(objection=objection, actor=r.user, **d),
    find_first=True,
)


class EntryListView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_entry_list",
        parameters=[EntryListQuery],
        responses=s.DutyRecordOutSerializer,
        summary="代表履职档案 / a deputy's record",
    )
    def get(self, request: Request) -> Response:
        params = queried(EntryListQuery, request)
        deputy = Deputy.objects.filter(pk=params.get("deputy", 0)).first()
        if deputy is None:
            raise NotFound(_("该代表不存在。"), code="deputy_unknown")
        return Response(_record(deputy, _year(params)))

    @extend_schema(
        operation_id="duty_entry_record",
        request=s.DutyEntryInSerializer,
        responses={201: s.DutyEntryOutSerializer},
        summary="登记履职（代表建议、出席会议等）/ record a suggestion, attendance...",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.DutyEntryInSerializer, request)
        deputy = Deputy.objects.filter(pk=data.pop("deputy"), term__is_current=True).first()
        if deputy is None:
            raise DomainError("deputy_unknown", _("该代表不在本届名册中。"), field="deputy")
        entry = services.duty_entry_record(deputy=deputy, actor=request.user, **data)
        return Response(
            s.DutyEntryOutSerializer(
                DutyEntry.objects.select_related("deputy")
                .prefetch_related("objections")
                .get(pk=entry.pk)
            ).data,
            status=status.HTTP_201_CREATED,
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


class RulesView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_rules_get",
        responses=s.DutyRulesSerializer,
        summary="积分规则 / point rules",
    )
    def get(self, request: Request) -> Response:
        return Response(s.DutyRulesSerializer(_rules_payload()).data)

    @extend_schema(
        operation_id="duty_rules_set",
        request=s.DutyRulesSerializer,
        responses=s.DutyRulesSerializer,
        summary="设置积分规则与分档 / set the point rules and bands",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.DutyRulesSerializer, request)
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
        return Response(s.DutyRulesSerializer(_rules_payload()).data)


class ScoreListView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_score_list",
        parameters=[ScoreListQuery],
        responses=s.DutyScoreOutSerializer(many=True),
        summary="代表积分（可截至某季度末）/ the roster's scores (through a quarter's end)",
    )
    def get(self, request: Request) -> Response:
        params = queried(ScoreListQuery, request)
        year, quarter = _year(params), params.get("quarter")
        through: date | None = None
        if quarter is not None:
            through = rules.quarter_span(year, quarter)[1]
        rows = roster_scores(year=year, through=through)
        return Response(s.DutyScoreOutSerializer(rows, many=True).data)


class PublicationListView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_publication_list",
        responses=s.DutyPublicationSerializer(many=True),
        summary="季度公示 / quarterly publications",
    )
    def get(self, request: Request) -> Response:
        return Response(s.DutyPublicationSerializer(Publication.objects.all(), many=True).data)

    @extend_schema(
        operation_id="duty_publication_publish",
        request=s.DutyPublicationSerializer,
        responses={201: s.DutyPublicationSerializer},
        summary="公示一个季度的积分 / publish a quarter",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.DutyPublicationSerializer, request)
        publication = services.publication_publish(actor=request.user, **data)
        return Response(
            s.DutyPublicationSerializer(publication).data, status=status.HTTP_201_CREATED
        )


class ObjectionListView(APIView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_objection_list",
        responses=s.DutyObjectionOutSerializer(many=True),
        summary="积分异议 / objections",
    )
    def get(self, request: Request) -> Response:
        return Response(s.DutyObjectionOutSerializer(objection_list(), many=True).data)


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


class _ExportView(DownloadView):
    """履职档案交换格式 (docs/linkage-duty.md), as JSON or as a workbook."""

    def _export(self, request: Request, deputy: Deputy | None, name: str) -> HttpResponse:
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


class ExportView(_ExportView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="duty_export",
        parameters=EXPORT_PARAMETERS,
        responses=EXPORT_RESPONSES,
        summary="导出全体代表履职档案（交换格式）/ the roster's duty record, exchange format",
    )
    def get(self, request: Request) -> HttpResponse:
        return self._export(request, None, _("全体代表"))


class MyExportView(_ExportView):
    permission_classes = [DEPUTY]

    @extend_schema(
        operation_id="me_record_export",
        parameters=EXPORT_PARAMETERS,
        responses=EXPORT_RESPONSES,
        summary="导出我的履职档案（交换格式）/ my duty record, exchange format",
    )
    def get(self, request: Request) -> HttpResponse:
        seat = my_seat(request)
        return self._export(request, seat, seat.name)

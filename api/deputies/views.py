"""The roster over HTTP: the list (phones masked), one deputy, the Excel import with its report,
linking a deputy to their account, and the directory of deputies other congresses share."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpResponse
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.generics import ListAPIView, RetrieveAPIView, get_object_or_404
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.actions import Action
from api.downloads import XLSX, DownloadView, attachment, binary
from api.inputs import checked, queried, validated
from api.permissions import STAFF, has_role, host_congress, roles_of
from directory.models import DeputyListing
from directory.selectors import listing_related
from ops.errors import DomainError
from tenants.deputies import imports, services
from tenants.deputies.models import Deputy
from tenants.deputies.selectors import deputy_list, term_current

from .serializers import (
    DeputyInSerializer,
    DeputyOutSerializer,
    ImportInSerializer,
    ImportReportSerializer,
    LinkInSerializer,
    ListingOutSerializer,
    RosterQuery,
)

READERS = has_role(Role.STAFF, Role.DEPUTY, Role.SYSTEM_ADMIN)


class _ReadOrStaff:
    """Reading the roster: staff, deputies, the system administrator; changing it: staff."""

    def get_permissions(self) -> list[Any]:
        method = self.request.method  # type: ignore[attr-defined]
        return [READERS() if method in ("GET", "HEAD", "OPTIONS") else STAFF()]


@extend_schema_view(
    get=extend_schema(
        operation_id="deputy_list",
        parameters=[RosterQuery],
        summary="代表名册（手机号脱敏）/ the deputy roster",
    )
)
class DeputyListView(_ReadOrStaff, ListAPIView[Deputy]):
    serializer_class = DeputyOutSerializer
    permission_classes = [READERS]

    def get_queryset(self) -> QuerySet[Deputy]:
        query = queried(RosterQuery, self.request)
        return deputy_list(text=query.get("q", ""), status=query.get("status", ""))

    @extend_schema(
        operation_id="deputy_add",
        request=DeputyInSerializer,
        responses={201: DeputyOutSerializer},
        summary="在本届名册中新增一名代表 / add one deputy to the current term's roster",
    )
    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = validated(DeputyInSerializer, request)
        term = term_current()
        if term is None:
            raise DomainError("term_missing", _("请先开启本届（届次管理），再登记代表。"))
        deputy = services.deputy_register(term=term, actor=request.user, **data)
        return Response(
            DeputyOutSerializer(deputy, context={"unmask": True}).data,
            status=status.HTTP_201_CREATED,
        )


@extend_schema_view(get=extend_schema(operation_id="deputy_get", summary="代表详情 / one deputy"))
class DeputyDetailView(_ReadOrStaff, RetrieveAPIView[Deputy]):
    serializer_class = DeputyOutSerializer
    permission_classes = [READERS]

    def get_queryset(self) -> QuerySet[Deputy]:
        return deputy_list()

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "unmask": Role.STAFF in roles_of(self.request)}

    @extend_schema(
        operation_id="deputy_update",
        request=DeputyInSerializer(partial=True),
        responses=DeputyOutSerializer,
        summary="修改代表的名册信息 / correct a deputy's roster entry",
    )
    def patch(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = DeputyInSerializer(data=request.data, partial=True)
        checked(data)
        deputy = services.deputy_update(
            deputy=self.get_object(), actor=request.user, **data.validated_data
        )
        return Response(DeputyOutSerializer(deputy, context={"unmask": True}).data)


class ImportTemplateView(DownloadView):
    permission_classes = [STAFF]

    @extend_schema(
        operation_id="deputy_import_template",
        responses=binary(XLSX, "导入模板"),
        summary="下载代表名册导入模板 / the roster import template (.xlsx)",
    )
    def get(self, request: Request) -> HttpResponse:
        # The blank template holds nothing private: a cache may keep it.
        return attachment(imports.roster_template(), XLSX, "代表名册模板.xlsx", no_store=False)


class ImportView(APIView):
    permission_classes = [STAFF]
    parser_classes = [MultiPartParser]

    @extend_schema(
        operation_id="deputy_import",
        request={"multipart/form-data": ImportInSerializer},
        responses=ImportReportSerializer,
        summary="导入代表名册（逐行报告）/ import the roster, with a report per row",
    )
    def post(self, request: Request) -> Response:
        upload = validated(ImportInSerializer, request)["file"]
        report = imports.roster_import(data=upload.read(), actor=request.user)
        return Response(
            {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "failed": report.failed,
                "problems": [
                    {"row": p.row, "field": p.field, "reason": p.reason} for p in report.problems
                ],
            }
        )


DEPUTY_RECORD = Action(
    permission=STAFF,
    lookup=lambda request, pk: get_object_or_404(deputy_list(), pk=pk),
    output=lambda request, deputy: DeputyOutSerializer(deputy, context={"unmask": True}).data,
    responses=DeputyOutSerializer,
    keyword="deputy",
)

DeputyLinkView = DEPUTY_RECORD.view(
    operation_id="deputy_link_user",
    summary="关联代表的登录账号 / link a deputy to their account",
    body=LinkInSerializer,
    run=lambda r, deputy, d: services.deputy_link_user(
        deputy=deputy, login=d["login"], actor=r.user
    ),
)
DeputyEndServiceView = DEPUTY_RECORD.step(
    "deputy_end_service", "终止代表资格 / end a deputy's service", services.deputy_end_service
)


@extend_schema_view(
    get=extend_schema(
        operation_id="directory_deputy_list",
        parameters=[
            OpenApiParameter("search", str, description="姓名或代表小组 / name or group"),
            OpenApiParameter(
                "level", str, description="代表层级，逗号分隔 / levels, comma-separated"
            ),
        ],
        summary="上下级代表名录 / deputies of related congresses, without contact details",
    )
)
class DirectoryListView(ListAPIView[DeputyListing]):
    """Deputies of this congress, of those below it and of those above it: no contact details."""

    serializer_class = ListingOutSerializer
    permission_classes = [STAFF]

    def get_queryset(self) -> QuerySet[DeputyListing]:
        params = self.request.query_params
        levels = [level for level in params.get("level", "").split(",") if level]
        return listing_related(
            congress=host_congress(self.request),
            search=params.get("search", "").strip()[:50],
            levels=levels or None,
        )

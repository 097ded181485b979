"""The city and county dashboards, answered from the rollup rows in the public schema only:
never from a tenant's schema, so the cost of a request does not grow with the tenants."""

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from api.downloads import XLSX, DownloadView, attachment, binary
from api.inputs import queried
from api.links import public_url
from api.pagination import PagePagination
from api.permissions import has_role, host_congress
from congresses.models import Congress, Level
from ops.errors import DomainError, NotAllowed
from ops.replica import reads_from_replica
from rollups import rules
from rollups.selectors import (
    TenantFigures,
    dashboard_counties,
    dashboard_rows,
    dashboard_rows_of,
    dashboard_summary,
    dashboard_tenants,
)
from tenants.voting.models import Phase

from .exports import dashboard_xlsx
from .serializers import (
    DashboardExportQuery,
    DashboardOut,
    DashboardQuery,
    DashboardTenantsOut,
    DashboardTenantsQuery,
    TenantRowOut,
)
from .tables import TABLES


def portal_url(congress: Congress) -> str:
    """The tenant's public pages (its portal), on its own host."""
    return public_url(f"{congress.slug}.{settings.BASE_DOMAIN}", "/portal")


def phase_label(value: object) -> str:
    return (
        str(Phase(value).label) if isinstance(value, str) and value in Phase.values else _("未开展")
    )


def _tenant_row(row: TenantFigures) -> dict[str, Any]:
    congress = row.congress
    return {
        **row.figures,
        "id": congress.pk,
        "name": congress.name,
        "slug": congress.slug,
        "level": congress.level,
        "county_id": row.county.pk,
        "county_name": row.county.name,
        "portal_url": portal_url(congress),
        "updated_at": row.updated_at,
        "decided": rules.is_decided(row.figures),
    }


class _DashboardView(APIView):
    """City and county staff. A township sees no other tenant's figures: it is refused (its own
    figures are on its own pages)."""

    permission_classes = [has_role(Role.STAFF)]
    query_serializer: type[DashboardQuery] = DashboardQuery

    def _params(
        self, request: Request
    ) -> tuple[Congress, int, list[Congress], Congress | None, dict[str, Any]]:
        viewer = host_congress(request)
        if viewer.level == Level.TOWNSHIP:
            raise NotAllowed(
                "dashboard_not_allowed", _("汇总看板供市、县人大使用，乡镇无权查看其他单位的数据。")
            )
        params = queried(self.query_serializer, request)
        year = params.get("year") or timezone.localdate().year
        counties, county = dashboard_counties(viewer), None
        if "county" in params:
            county = next((c for c in counties if c.pk == params["county"]), None)
            if county is None:
                raise DomainError(
                    "county_unknown", _("所选县区不在本级管辖范围内。"), field="county"
                )
        return viewer, year, counties, county, params


@extend_schema(tags=["rollups"])
class DashboardView(_DashboardView):
    @extend_schema(
        operation_id="rollups_dashboard",
        parameters=[DashboardQuery],
        responses=DashboardOut,
        summary="汇总看板 / the dashboard over the tenants below this congress",
        description="市、县工作人员；数据来自汇总指标，按年度、县区筛选。/ City and county staff; "
        "answered from the rollups, by year and county.",
    )
    @reads_from_replica
    def get(self, request: Request) -> Response:
        viewer, year, counties, county, _params = self._params(request)
        summary = dashboard_summary(viewer=viewer, year=year, county=county)
        body = {
            "year": year,
            "years": sorted({*summary.years, year}),
            "scope": viewer,
            "counties": counties,
            "county": county.pk if county else None,
            "updated_at": summary.updated_at,
            "totals": summary.totals,
            "phases": [
                {"phase": phase, "tenants": n} for phase, n in sorted(summary.phases.items())
            ],
            "by_county": [
                {"id": c.pk, "name": c.name, **figures} for c, figures in summary.by_county
            ],
        }
        return Response(DashboardOut(body).data)


@extend_schema(tags=["rollups"])
class DashboardTenantsView(_DashboardView):
    query_serializer = DashboardTenantsQuery

    @extend_schema(
        operation_id="rollups_dashboard_tenants",
        parameters=[DashboardTenantsQuery],
        responses=DashboardTenantsOut,
        summary="汇总看板逐单位明细（分页）/ the dashboard's per-tenant rows, a page at a time",
        description="按行政区划代码排序；每页默认 50 个单位。/ By division code; 50 tenants a "
        "page unless `page_size` says otherwise.",
    )
    @reads_from_replica
    def get(self, request: Request) -> Response:
        viewer, year, _counties, county, _params = self._params(request)
        paginator = PagePagination()
        page = paginator.paginate_queryset(
            dashboard_tenants(viewer=viewer, county=county), request, view=self
        )
        rows = dashboard_rows_of(list(page or []), year)
        return paginator.get_paginated_response(
            TenantRowOut([_tenant_row(row) for row in rows], many=True).data
        )


@extend_schema(tags=["rollups"])
class DashboardExportView(_DashboardView, DownloadView):
    query_serializer = DashboardExportQuery

    @extend_schema(
        operation_id="rollups_dashboard_xlsx",
        parameters=[DashboardExportQuery],
        responses=binary(XLSX, "Excel"),
        summary="导出汇总表（Excel）/ the dashboard's tables as a workbook",
        description="不指定 table 时导出全部表格，每表一页。/ Every table, a sheet each, unless "
        "`table` names one.",
    )
    @reads_from_replica
    def get(self, request: Request) -> HttpResponse:
        viewer, year, _counties, county, params = self._params(request)
        rows = dashboard_rows(viewer=viewer, year=year, county=county)
        tables = [TABLES[params["table"]]] if "table" in params else list(TABLES.values())
        content = dashboard_xlsx(tables=tables, rows=rows, year=year, phase_label=phase_label)
        name = f"{viewer.name}-{year}-{_('汇总指标') if len(tables) > 1 else tables[0].title}.xlsx"
        return attachment(content, XLSX, name)

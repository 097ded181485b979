"""The year's route (路线图) over HTTP: a city or county dates the stages for the congresses below;
a township reads the route it follows beside its own days; the city's and counties' staff see
who lags, by stage (docs/route.md)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from rest_framework import serializers
from rest_framework.request import Request

from api.actions import Read, Write, endpoint
from api.inputs import YearQuery
from api.permissions import STAFF, IsTenantMember, host_congress
from ops.errors import DomainError, NotAllowed
from rollups.selectors import dashboard_counties
from supervision import selectors, services
from supervision.stages import Stage


class RouteLagQuery(YearQuery):
    county = serializers.IntegerField(required=False)


class RouteInSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=2000, max_value=2100)
    stages = serializers.DictField(
        child=serializers.DateField(allow_null=True),
        help_text="环节 → 完成时限（空为不设）/ stage → due date (null: not dated)",
    )


class StageStatusSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    stage_label = serializers.CharField(source="label")
    due_on = serializers.DateField(allow_null=True, source="due")
    reached_on = serializers.DateField(allow_null=True, source="reached")
    state = serializers.ChoiceField(
        choices=["unset", "reached", "reached_late", "late", "pending"],
        allow_null=True,
        help_text="null: not a township; unset 未设时限; reached 按时完成; reached_late 逾期完成; late 已逾期未完成; "
        "pending 未到时限",
    )


class RouteOutSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    issuer_id = serializers.IntegerField(source="issuer.pk", allow_null=True, default=None)
    issuer_name = serializers.CharField(source="issuer.name", allow_null=True, default=None)
    own = serializers.BooleanField(help_text="是否本单位制定 / set by this congress")
    can_set = serializers.BooleanField(help_text="本单位可否制定 / whether this congress sets one")
    stages = StageStatusSerializer(many=True)


class LateTownshipSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="pk")
    name = serializers.CharField()


class StageLagSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=Stage.choices)
    stage_label = serializers.CharField(source="label")
    dated = serializers.IntegerField(help_text="设有该环节时限的乡镇数 / townships with a date")
    late = serializers.IntegerField(help_text="逾期未完成的乡镇数 / townships late")
    late_townships = LateTownshipSerializer(many=True)


class TownshipRouteSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="township.pk")
    name = serializers.CharField(source="township.name")
    county_name = serializers.CharField(source="county.name")
    issuer_name = serializers.CharField(source="issuer.name", allow_null=True, default=None)
    stages = StageStatusSerializer(many=True)


class RouteLagSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    stages = StageLagSerializer(many=True)
    townships = TownshipRouteSerializer(many=True)


def _year(params: dict[str, Any]) -> int:
    return params.get("year") or timezone.localdate().year


def _route_out(congress: Any, year: int) -> dict[str, Any]:
    report = selectors.route_report(congress, year, timezone.localdate())
    return dict(RouteOutSerializer(report).data)


def _route_set(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    me = host_congress(request)
    services.route_set(issuer=me, year=data["year"], due=data["stages"], actor=request.user)
    return _route_out(me, data["year"])


def _lag(request: Request, params: dict[str, Any]) -> dict[str, Any]:
    viewer = host_congress(request)
    if not selectors.oversees(viewer):
        raise NotAllowed(
            "dashboard_not_allowed", _("汇总看板供市、县人大使用，乡镇无权查看其他单位的数据。")
        )
    county = None
    if "county" in params:
        county = next((c for c in dashboard_counties(viewer) if c.pk == params["county"]), None)
        if county is None:
            raise DomainError("county_unknown", _("所选县区不在本级管辖范围内。"), field="county")
    year = _year(params)
    lag = selectors.route_lag(viewer=viewer, year=year, today=timezone.localdate(), county=county)
    return {"year": year, "stages": lag.stages, "townships": lag.townships}


# Every member reads the route; the staff set it.
RouteView = endpoint(
    Read(
        "supervision_route_get",
        "本年度路线图（乡镇含本单位完成日期）/ the year's route (a township: with its own days)",
        lambda request, params: _route_out(host_congress(request), _year(params)),
        responses=RouteOutSerializer,
        query=YearQuery,
        permission=IsTenantMember,
    ),
    Write(
        "supervision_route_set",
        "制定本级路线图（市、县工作人员）/ set this congress's route (city or county staff)",
        _route_set,
        body=RouteInSerializer,
        responses=RouteOutSerializer,
        method="put",
        permission=STAFF,
    ),
)
RouteLagView = endpoint(
    Read(
        "supervision_route_lag",
        "路线图滞后情况（按环节）/ who lags on the route, by stage",
        _lag,
        answer=RouteLagSerializer,
        query=RouteLagQuery,
    ),
    permission=STAFF,
)

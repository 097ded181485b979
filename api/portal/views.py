"""The public home of a congress (门户首页) and the one tracking box: no login, on the congress's
own host, public particulars only (tenants/reporting/home.py)."""

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response

from api.permissions import host_congress, is_public_host
from api.views import PublicView, ThrottledPublicView
from congresses.selectors import congress_children, congress_primary_domain
from supervision.selectors import rounds_announced_by
from tenants.reporting.home import public_home, tracking_kind


class RotaDaySerializer(serializers.Serializer):
    date = serializers.DateField()
    starts_at = serializers.TimeField()
    ends_at = serializers.TimeField()
    topic = serializers.CharField()
    on_duty = serializers.ListField(child=serializers.CharField())


class HomeStationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    tier = serializers.CharField()
    address = serializers.CharField()
    opening_hours = serializers.CharField()
    phone = serializers.CharField(help_text="the station's public desk line")
    rota = RotaDaySerializer(many=True)


class HomeCallSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    title = serializers.CharField()
    opens_on = serializers.DateField()
    closes_on = serializers.DateField()
    open = serializers.BooleanField()


class HomeRoundSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    state = serializers.CharField()


class HomeCongressSerializer(serializers.Serializer):
    name = serializers.CharField()
    level = serializers.CharField(help_text="city | county | township")
    url = serializers.CharField()


class PublicHomeSerializer(serializers.Serializer):
    name = serializers.CharField()
    level = serializers.CharField(help_text="city | county | township")
    call = HomeCallSerializer(allow_null=True)
    candidates_year = serializers.IntegerField(allow_null=True)
    candidates = serializers.ListField(child=serializers.CharField())
    decided_years = serializers.ListField(child=serializers.IntegerField())
    stations = HomeStationSerializer(many=True)
    benchmarks = HomeRoundSerializer(many=True)
    below = HomeCongressSerializer(many=True)


class TrackingKindSerializer(serializers.Serializer):
    code = serializers.CharField()
    kind = serializers.ChoiceField(choices=["proposal", "opinion"])


def _home_url(request: Request, congress: Any) -> str:
    port = request.get_port()
    suffix = "" if port in ("80", "443") else f":{port}"
    return f"{request.scheme}://{congress_primary_domain(congress)}{suffix}/portal/home"


class PublicHomeView(PublicView):
    @extend_schema(
        operation_id="public_home",
        responses=PublicHomeSerializer,
        summary="门户首页：征集公告、候选项目、公告与明白账、联络站与接待安排、选树典型（公开）"
        " / the congress's public home",
    )
    def get(self, request: Request) -> Response:
        if is_public_host(request):
            raise NotFound(_("请通过本级人大的网址访问。"), code="not_found")
        congress = host_congress(request)
        home = public_home(today=timezone.localdate())
        below = congress_children(congress)
        data = {
            **home.__dict__,
            "name": congress.name,
            "level": congress.level,
            "benchmarks": rounds_announced_by(congress),
            "below": [
                {"name": c.name, "level": c.level, "url": _home_url(request, c)} for c in below
            ],
        }
        return Response(PublicHomeSerializer(data).data)


class PublicTrackingKindView(ThrottledPublicView):
    """The tracking box: which page a code belongs to, and nothing else about it."""

    throttle_scope = "public_tracking"

    @extend_schema(
        operation_id="public_tracking_kind",
        responses=TrackingKindSerializer,
        summary="查询码属于项目建议还是群众意见（公开）/ whether a code is a proposal's or an opinion's",
    )
    def get(self, request: Request, code: str) -> Response:
        kind = None if is_public_host(request) else tracking_kind(code[:20])
        if kind is None:
            raise NotFound(_("未找到该查询码，请核对后重试。"), code="code_unknown")
        return Response(TrackingKindSerializer({"code": code.strip().upper(), "kind": kind}).data)

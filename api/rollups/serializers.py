from decimal import Decimal
from typing import Any

from rest_framework import serializers

from api.inputs import YearQuery
from congresses.models import Level
from tenants.voting.models import Phase

from .tables import TABLES


def _count() -> serializers.IntegerField:
    return serializers.IntegerField(allow_null=True)


def _money() -> serializers.DecimalField:
    return serializers.DecimalField(
        max_digits=16, decimal_places=2, coerce_to_string=False, allow_null=True
    )


def _tenths(top: int, **more: Any) -> serializers.DecimalField:
    """A figure from 0 to `top` in tenths, as a number; null where there is no data."""
    return serializers.DecimalField(
        max_digits=len(str(top)) + 1,
        decimal_places=1,
        min_value=Decimal(0),
        max_value=Decimal(top),
        coerce_to_string=False,
        allow_null=True,
        **more,
    )


def _rate() -> serializers.DecimalField:
    return _tenths(
        100,
        help_text="百分比 0-100，一位小数；无数据为 null / percent 0-100, one decimal; null: no data",
    )


class DashboardQuery(YearQuery):
    county = serializers.IntegerField(required=False, min_value=1)


class DashboardTenantsQuery(DashboardQuery):
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=200)


class DashboardExportQuery(DashboardQuery):
    table = serializers.ChoiceField(choices=list(TABLES), required=False)


def _day() -> serializers.DateField:
    return serializers.DateField(allow_null=True, required=False)


class FiguresOut(serializers.Serializer):
    """Rollup figures (platform/rollups/catalog.py) and the rates derived from them."""

    voting_phase = serializers.ChoiceField(choices=Phase.choices, allow_null=True)
    rules_template = serializers.CharField(
        allow_null=True,
        allow_blank=True,
        required=False,
        help_text="年度票决起始的规则模板名称，空为未用模板 / the rule template the cycle started "
        "from; empty: none",
    )
    rules_template_issuer = serializers.CharField(
        allow_null=True,
        allow_blank=True,
        required=False,
        help_text="模板下发单位，空为本级 / who issued it; empty: the congress's own",
    )
    proposals = _count()
    candidates = _count()
    adopted = _count()
    # The days the year's cycle reached each stage of the route (docs/route.md); a tenant's own.
    route_solicit_close = _day()
    route_consultation = _day()
    route_party_review = _day()
    route_vote = _day()
    route_announce = _day()
    route_midyear = _day()
    route_evaluation = _day()
    projects = _count()
    projects_completed = _count()
    projects_red = _count()
    milestones_overdue = _count()
    funds_planned = _money()
    funds_allocated = _money()
    funds_spent = _money()
    rated_satisfied = _count()
    rated_basic = _count()
    rated_unsatisfied = _count()
    ballots_valid = _count()
    ballots_satisfied = _count()
    stations = _count()
    stations_rated = _count()
    star_total = _count()
    deputies = _count()
    activities = _count()
    activity_attendances = _count()
    deputies_active = _count()
    opinions = _count()
    opinions_escalated_in = _count()
    opinions_closed = _count()
    opinions_on_time = _count()
    opinions_overdue = _count()
    completion_rate = _rate()
    satisfaction_rate = _rate()
    average_stars = _tenths(5)
    participation_rate = _rate()
    closure_rate = _rate()
    timeliness_rate = _rate()


class TotalsOut(FiguresOut):
    tenants = serializers.IntegerField()
    decided = serializers.IntegerField(help_text="已完成票决的单位数 / tenants that held the vote")
    coverage_rate = _rate()


class CountyTotalsOut(TotalsOut):
    id = serializers.IntegerField()
    name = serializers.CharField()


class TenantRowOut(FiguresOut):
    id = serializers.IntegerField()
    name = serializers.CharField()
    slug = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)
    county_id = serializers.IntegerField()
    county_name = serializers.CharField()
    portal_url = serializers.CharField(help_text="该单位公开页面 / the tenant's public portal")
    updated_at = serializers.DateTimeField(
        allow_null=True, help_text="最近一次数据变化的时间 / when its figures last changed"
    )
    decided = serializers.BooleanField()


class CongressRefOut(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=Level.choices)


class PhaseCountOut(serializers.Serializer):
    phase = serializers.CharField(help_text="票决阶段，none 为未建立年度票决 / phase or none")
    tenants = serializers.IntegerField()


class DashboardOut(serializers.Serializer):
    year = serializers.IntegerField()
    years = serializers.ListField(child=serializers.IntegerField())
    scope = CongressRefOut()
    counties = CongressRefOut(many=True)
    county = serializers.IntegerField(allow_null=True)
    updated_at = serializers.DateTimeField(
        allow_null=True,
        help_text="数据更新于：最近一次改变数据的汇总时间 / the last refresh that changed a figure",
    )
    totals = TotalsOut()
    phases = PhaseCountOut(many=True)
    by_county = CountyTotalsOut(many=True)


class DashboardTenantsOut(serializers.Serializer):
    count = serializers.IntegerField(help_text="单位总数 / tenants in all pages")
    next = serializers.URLField(allow_null=True)
    previous = serializers.URLField(allow_null=True)
    results = TenantRowOut(many=True)

"""What the dashboards read: the tenants below a city or county and their rollup rows, in a
fixed number of queries however many tenants there are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from congresses.models import Congress, Level, Status

from . import rules
from .catalog import TOPICS
from .models import Rollup


@dataclass(frozen=True)
class TenantFigures:
    congress: Congress
    county: Congress  # the county it belongs to (itself for a county)
    figures: rules.Figures  # with the rates
    updated_at: datetime | None  # when a refresh last changed any of its figures for the year


def dashboard_scope(viewer: Congress) -> QuerySet[Congress]:
    """The tenants a city or county oversees: a city every county and township below it, a
    county its townships. A township oversees none."""
    if viewer.level == Level.CITY:
        below = Q(parent=viewer) | Q(parent__parent=viewer)
    elif viewer.level == Level.COUNTY:
        below = Q(parent=viewer)
    else:
        return Congress.objects.none()
    return Congress.objects.filter(below, status=Status.ACTIVE)


def dashboard_counties(viewer: Congress) -> list[Congress]:
    """The counties a city may filter by (a county's dashboard is its own already)."""
    if viewer.level != Level.CITY:
        return []
    return list(dashboard_scope(viewer).filter(level=Level.COUNTY).order_by("division_code"))


def dashboard_years(viewer: Congress) -> list[int]:
    scope = dashboard_scope(viewer).values("pk")
    return sorted(
        Rollup.objects.filter(congress_id__in=scope).values_list("year", flat=True).distinct()
    )


def dashboard_rows(
    *, viewer: Congress, year: int, county: Congress | None = None
) -> list[TenantFigures]:
    """Each tenant in scope (within `county` if given) with its figures for `year`; a tenant
    with no rows yet reads as nothing. Two queries."""
    scope = dashboard_scope(viewer)
    if county is not None:
        scope = scope.filter(Q(pk=county.pk) | Q(parent=county))
    tenants = list(scope.select_related("parent").order_by("division_code"))
    merged: dict[int, dict[str, object]] = {}
    latest: dict[int, datetime] = {}
    for congress_id, topic, figures, changed_at in Rollup.objects.filter(
        year=year, congress_id__in=scope.values("pk")
    ).values_list("congress_id", "topic", "figures", "changed_at"):
        # Each figure from the topic that owns it (catalog.py): a row written before a figure
        # moved to another topic cannot shadow the owner's value.
        owned = {key: value for key, value in figures.items() if TOPICS.get(key) == topic}
        merged.setdefault(congress_id, {}).update(owned)
        if congress_id not in latest or changed_at > latest[congress_id]:
            latest[congress_id] = changed_at
    return [
        TenantFigures(
            congress=congress,
            county=congress if congress.level == Level.COUNTY else congress.parent,  # type: ignore[arg-type]
            figures=rules.with_rates(merged.get(congress.pk, {})),
            updated_at=latest.get(congress.pk),
        )
        for congress in tenants
    ]

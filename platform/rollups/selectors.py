"""What the dashboards read: the tenants below a city or county and their rollup rows, in a
fixed number of queries however many tenants there are."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q, QuerySet

from congresses.models import Congress, Level, Status

from . import rules
from .catalog import TOPICS
from .models import Rollup, RollupTotal


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


def tenant_figures(
    tenants: list[Congress], year: int
) -> dict[int, tuple[dict[str, object], datetime | None]]:
    """Each tenant's stored figures for `year` (merged over its topics) and when they last
    changed. One query."""
    merged: dict[int, dict[str, object]] = {}
    latest: dict[int, datetime] = {}
    for congress_id, topic, figures, changed_at in Rollup.objects.filter(
        year=year, congress_id__in=[t.pk for t in tenants]
    ).values_list("congress_id", "topic", "figures", "changed_at"):
        # Each figure from the topic that owns it (catalog.py): a row written before a figure
        # moved to another topic cannot shadow the owner's value.
        owned = {key: value for key, value in figures.items() if TOPICS.get(key) == topic}
        merged.setdefault(congress_id, {}).update(owned)
        if congress_id not in latest or changed_at > latest[congress_id]:
            latest[congress_id] = changed_at
    return {t.pk: (merged.get(t.pk, {}), latest.get(t.pk)) for t in tenants}


@dataclass(frozen=True)
class Summary:
    """The dashboard's head: its totals, phase counts and per-county totals, from the kept
    totals (RollupTotal), and the years kept with figures, in one query."""

    totals: rules.Figures
    phases: dict[str, int]
    by_county: list[tuple[Congress, rules.Figures]]
    updated_at: datetime | None
    tenants: int
    years: list[int]  # the years with figures below the viewer


def dashboard_summary(*, viewer: Congress, year: int, county: Congress | None = None) -> Summary:
    """What `dashboard_rows` would sum to, read from the kept totals: a city's from its counties'
    groups, a county's from its own. A year with no kept totals reads as no figures.

    One query: the viewer's own totals of every year (for the years with figures) and, for a
    city, the year's group of each county below it, with the county."""
    own = Q(congress=viewer, scope=RollupTotal.Scope.BELOW)
    if county is not None:
        groups = Q(congress=county)
    elif viewer.level == Level.CITY:
        groups = Q(congress__parent=viewer, congress__level=Level.COUNTY)
    else:
        groups = Q(pk__in=[])
    kept = list(
        RollupTotal.objects.filter(own | (groups & Q(year=year, scope=RollupTotal.Scope.GROUP)))
        .select_related("congress")
        .order_by("congress__division_code")
    )
    below = {row.year: row for row in kept if row.scope == RollupTotal.Scope.BELOW}
    parts = [(row.congress, row) for row in kept if row.scope == RollupTotal.Scope.GROUP]
    if county is not None:
        head = parts[0][1] if parts else None
    else:
        head = below.get(year)
        if viewer.level != Level.CITY:
            parts = [(viewer, head)] if head else []
    totals, phases = rules.combine([head.tally] if head else [])
    by_county = [
        (congress, rules.combine([row.tally])[0]) for congress, row in parts if row.tally["tenants"]
    ]
    return Summary(
        totals=totals,
        phases=phases,
        by_county=by_county,
        updated_at=head.updated_at if head else None,
        tenants=int(totals["tenants"] or 0),
        years=sorted(y for y, row in below.items() if row.tally.get("rows", 0) > 0),
    )


def dashboard_tenants(*, viewer: Congress, county: Congress | None = None) -> QuerySet[Congress]:
    """The tenants of `dashboard_rows`, in its order, to be paged (select_related included)."""
    scope = dashboard_scope(viewer)
    if county is not None:
        scope = scope.filter(Q(pk=county.pk) | Q(parent=county))
    return scope.select_related("parent").order_by("division_code")


def dashboard_rows_of(tenants: list[Congress], year: int) -> list[TenantFigures]:
    """`dashboard_rows` for the given tenants only (a page of them): one query."""
    stored = tenant_figures(tenants, year)
    return [
        TenantFigures(
            congress=congress,
            county=congress if congress.level == Level.COUNTY else congress.parent,  # type: ignore[arg-type]
            figures=rules.with_rates(stored[congress.pk][0]),
            updated_at=stored[congress.pk][1],
        )
        for congress in tenants
    ]


def newest_figures(
    congress_ids: list[int], *, topic: str, having: str
) -> dict[int, tuple[int, dict[str, object]]]:
    """Per tenant, the newest year whose `topic` row has a value for the figure `having`, with
    that row's figures. One query."""
    newest: dict[int, tuple[int, dict[str, object]]] = {}
    for congress_id, year, figures in (
        Rollup.objects.filter(congress_id__in=congress_ids, topic=topic)
        .order_by("congress_id", "year")
        .values_list("congress_id", "year", "figures")
    ):
        if figures.get(having) is not None:
            newest[congress_id] = (year, figures)
    return newest

"""Refreshing a tenant's rollup rows from its own schema: the outbox drain (the topics that
changed) and the rebuild (every topic). Both take the same per-tenant lock and call the same
providers, so they write the same rows (see docs/rollups.md).

No audit entry: a rollup row is derived data, recomputed from figures whose own changes were
audited by the services that made them; it records nothing a person did."""

import json
import logging
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django_tenants.utils import get_public_schema_name, tenant_context

from congresses.models import Congress, Level, Status
from congresses.tenant import Tenant, public_schema, require_tenant
from ops.schemawalk import schema_visited
from outbox.models import OutboxEvent

from . import registry, rules
from .catalog import SUMMABLE
from .models import Rollup, RollupTotal
from .selectors import tenant_figures

logger = logging.getLogger(__name__)
# The first key of the two-key advisory lock a refresh takes; the second is the congress id.
REFRESH_LOCK_CLASS = 0x526F6C6C  # "Roll"


@dataclass(frozen=True)
class Refresh:
    events: int  # outbox events marked drained
    topics: tuple[str, ...]  # topics recomputed
    rows: int  # rollup rows written
    position: int  # the last outbox event the rows include


def _lock_tenant(tenant: Tenant) -> None:
    # One refresh per tenant at a time, waiting rather than skipping: a second drain that ran
    # beside the first could compute from an older snapshot and commit after it, overwriting
    # newer figures. Once the lock is held, each statement sees everything committed before.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [REFRESH_LOCK_CLASS, tenant.id])


def _in(tenant: Tenant | None) -> Tenant:
    here = require_tenant()  # a refresh reads the tenant's own schema
    if tenant is not None and tenant.id != here.id:
        raise RuntimeError(f"a refresh of {tenant.schema} runs in its schema, not {here.schema}")
    return here


def _as_stored(figures: Mapping[str, object]) -> dict[str, object]:
    """The figures (or a tally) as the JSON column gives them back (money as a string), so that a
    refresh can tell whether they changed."""
    stored: dict[str, object] = json.loads(json.dumps(figures, cls=DjangoJSONEncoder))
    return stored


def _refresh(*, tenant: Tenant, every_topic: bool, now: datetime | None) -> Refresh:
    now = now or timezone.now()
    providers = registry.providers()
    with transaction.atomic():
        _lock_tenant(tenant)
        pending = list(
            OutboxEvent.objects.filter(drained_at__isnull=True)
            .order_by("id")
            .values_list("id", "topic")
        )
        if every_topic:
            topics = sorted(providers)
            position = OutboxEvent.objects.aggregate(last=Max("id"))["last"] or 0
        else:
            changed = {topic for _id, topic in pending}
            for unknown in sorted(changed - set(providers)):
                logger.warning("outbox topic %r has no indicator provider", unknown)
            topics = sorted(changed & set(providers))
            position = max((pk for pk, _topic in pending), default=0)
        years = rules.rollup_years(timezone.localdate(now))
        held = {
            (year, topic): (figures, changed_at)
            for year, topic, figures, changed_at in Rollup.objects.filter(
                congress_id=tenant.id, year__in=years, topic__in=topics
            ).values_list("year", "topic", "figures", "changed_at")
        }
        rows = []
        for topic in topics:
            for year in years:
                figures = _as_stored(providers[topic](year))
                before = held.get((year, topic))
                rows.append(
                    Rollup(
                        congress_id=tenant.id,
                        year=year,
                        topic=topic,
                        figures=figures,
                        computed_at=now,
                        changed_at=before[1] if before and before[0] == figures else now,
                        outbox_position=position,
                    )
                )
        if rows:
            Rollup.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["congress", "year", "topic"],
                update_fields=["figures", "computed_at", "changed_at", "outbox_position"],
            )
        drained = OutboxEvent.objects.filter(
            pk__in=[pk for pk, _topic in pending if pk <= position]
        ).update(drained_at=now)
        if rows:
            rollup_totals_refresh(congress_id=tenant.id, years=years, now=now)
    return Refresh(events=drained, topics=tuple(topics), rows=len(rows), position=position)


def rollup_drain(*, tenant: Tenant | None = None, now: datetime | None = None) -> Refresh:
    """In a tenant's schema: recompute the topics its pending outbox events name, upsert its
    rows, mark those events drained, in one transaction. Idempotent: a second drain finds
    nothing pending and writes nothing."""
    return _refresh(tenant=_in(tenant), every_topic=False, now=now)


def rollup_rebuild(*, tenant: Tenant | None = None, now: datetime | None = None) -> Refresh:
    """In a tenant's schema: recompute every topic, whatever the outbox says (the nightly
    rebuild, and the safety net for a drain whose message was lost)."""
    return _refresh(tenant=_in(tenant), every_topic=True, now=now)


def rollup_rebuild_everywhere(*, now: datetime | None = None) -> int:
    """Rebuild every active tenant in this process, one after the other: for the demo seed and
    the benchmark. The nightly rebuild fans out one task per tenant instead (tasks.rebuild_all)."""
    with public_schema():
        congresses = active_tenants()
    for congress in congresses:
        with tenant_context(congress):
            rollup_rebuild(tenant=Tenant.of(congress), now=now)
        schema_visited(congress.schema_name)  # a bounded number of schemas per connection
    return len(congresses)


def active_tenants() -> list[Congress]:
    return list(
        Congress.objects.filter(status=Status.ACTIVE)
        .exclude(schema_name=get_public_schema_name())
        .order_by("pk")
    )


# The first key of the lock a refresh of kept totals takes; the second is the county's or city's id.
TOTALS_LOCK_CLASS = 0x546F746C  # "Totl"


def _lock_totals(congress_id: int) -> None:
    # Two tenants of one county drained at once would each sum without the other's uncommitted
    # rows: behind this lock (held to the commit, taken county first, then city) the second
    # sums after the first committed, so the last write is always complete.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [TOTALS_LOCK_CLASS, congress_id])


def _keep(
    *,
    congress_id: int,
    year: int,
    scope: str,
    tally: dict[str, object],
    updated_at: datetime | None,
    now: datetime,
) -> None:
    RollupTotal.objects.update_or_create(
        congress_id=congress_id,
        year=year,
        scope=scope,
        defaults={
            "tally": _as_stored(tally),
            "updated_at": updated_at,
            "computed_at": now,
        },
    )


def _sum_tenants(members: list[Congress], year: int) -> tuple[dict[str, object], datetime | None]:
    stored = tenant_figures(members, year)
    tally = rules.tally(figures for figures, _changed in stored.values())
    tally["rows"] = sum(1 for figures, _changed in stored.values() if figures)
    stamps = [changed for _figures, changed in stored.values() if changed]
    return tally, max(stamps, default=None)


def _refresh_county(county: Congress, year: int, now: datetime) -> None:
    townships = list(Congress.objects.filter(parent=county, status=Status.ACTIVE))
    members = townships + ([county] if county.status == Status.ACTIVE else [])
    # The townships below the county, and the county's whole group (itself too, while active).
    for scope, tenants in (
        (RollupTotal.Scope.BELOW, townships),
        (RollupTotal.Scope.GROUP, members),
    ):
        tally, updated_at = _sum_tenants(tenants, year)
        _keep(
            congress_id=county.pk,
            year=year,
            scope=scope,
            tally=tally,
            updated_at=updated_at,
            now=now,
        )


def _refresh_city(city: Congress, year: int, now: datetime) -> None:
    groups = list(
        RollupTotal.objects.filter(
            congress__parent=city,
            congress__level=Level.COUNTY,
            year=year,
            scope=RollupTotal.Scope.GROUP,
        ).values_list("tally", "updated_at")
    )
    sums, _phases = rules.combine(tally for tally, _at in groups)
    tally = {
        "sums": {key: sums[key] for key in SUMMABLE},
        "tenants": sum(int(t["tenants"]) for t, _at in groups),
        "decided": sum(int(t["decided"]) for t, _at in groups),
        "phases": dict(sum((Counter(t["phases"]) for t, _at in groups), Counter())),
        "rows": sum(int(t.get("rows", 0)) for t, _at in groups),
    }
    stamps = [at for _t, at in groups if at]
    _keep(
        congress_id=city.pk,
        year=year,
        scope=RollupTotal.Scope.BELOW,
        tally=tally,
        updated_at=max(stamps, default=None),
        now=now,
    )


def rollup_totals_refresh(
    *, congress_id: int, years: Iterable[int] | None = None, now: datetime | None = None
) -> None:
    """The kept totals that include a tenant's figures (its county's, its city's), summed again
    for `years` (None: every year they are kept for, and the years a refresh computes). Called by
    the drain and the rebuild after they write a tenant's rows, and by the services that add a
    tenant to a scope or take one out (provisioning, suspension); any schema."""
    now = now or timezone.now()
    with public_schema(), transaction.atomic():
        congress = Congress.objects.select_related("parent__parent").get(pk=congress_id)
        if congress.level == Level.TOWNSHIP:
            county, city = congress.parent, congress.parent.parent if congress.parent else None
        elif congress.level == Level.COUNTY:
            county, city = congress, congress.parent
        else:
            county, city = None, congress
        scopes = [c.pk for c in (county, city) if c is not None]
        if years is None:
            kept = RollupTotal.objects.filter(congress_id__in=scopes).values_list("year", flat=True)
            years = {*kept, *rules.rollup_years(timezone.localdate(now))}
        years = sorted(set(years))
        if county is not None:
            _lock_totals(county.pk)
            for year in years:
                _refresh_county(county, year, now)
        if city is not None:
            _lock_totals(city.pk)
            for year in years:
                _refresh_city(city, year, now)


def rollup_totals_rebuild_everywhere(*, now: datetime | None = None) -> int:
    """Every kept total summed again from the rollup rows, for every year that has rows: after
    a migration, and to check the incremental path (they must agree). Returns how many."""
    now = now or timezone.now()
    written = 0
    with public_schema():
        years = sorted(set(Rollup.objects.values_list("year", flat=True).distinct()))
        counties = list(Congress.objects.filter(level=Level.COUNTY).select_related("parent"))
        cities = list(Congress.objects.filter(level=Level.CITY))
        for county in counties:
            with transaction.atomic():
                _lock_totals(county.pk)
                for year in years:
                    _refresh_county(county, year, now)
                    written += 2
        for city in cities:
            with transaction.atomic():
                _lock_totals(city.pk)
                for year in years:
                    _refresh_city(city, year, now)
                    written += 1
    return written

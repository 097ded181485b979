"""Benchmark nominees (选树典型) as records of this congress, and each nominee's own figures.

A nomination names a real record of the nominating congress: a station, a deputy (by the public
directory's listing, so no contact data leaves the roster), or a case (an opinion). The figures
that pre-fill the reviewers' scores are the nominee's own, computed here in the nominating
congress's schema for the round's year (docs/indicators.md, "Benchmark nominees"). Reads only."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from congresses.tenant import current_tenant
from directory.selectors import listing_get, listing_own
from tenants.deputies.models import Deputy
from tenants.linkage.activities.models import Invitation
from tenants.linkage.opinions.models import Opinion, Status
from tenants.linkage.stations.models import Assessment, ReceptionDay, Station

Figures = dict[str, int]
RATED_WELL = ("satisfied", "basically_satisfied")
CANDIDATE_LIMIT = 50


@dataclass(frozen=True)
class Nominee:
    ref: int
    name: str
    detail: str
    figures: Figures


def _published_in(year: int) -> "Q":
    return Q(published_at__isnull=False, date__year=year)


def _station(ref: int, year: int) -> Nominee | None:
    station = Station.objects.filter(pk=ref).first()
    if station is None:
        return None
    held = Assessment.objects.filter(
        station=station,
        state=Assessment.State.REVIEWED,
        stars_expire_on__gt=timezone.localdate(),
    ).first()
    opinions = Opinion.objects.filter(station=station, received_at__year=year)
    return Nominee(
        ref=station.pk,
        name=station.name,
        detail=station.get_tier_display(),
        figures={
            "stars": (held.stars or 0) if held else 0,
            "receptions": ReceptionDay.objects.filter(_published_in(year), station=station).count(),
            "opinions": opinions.count(),
            "opinions_closed": opinions.filter(status=Status.CLOSED).count(),
        },
    )


def _deputy(ref: int, year: int) -> Nominee | None:
    listing = listing_get(listing_id=ref)
    if listing is None or listing.congress_id != current_tenant().id:
        return None  # a deputy of another congress is not ours to nominate
    deputy = Deputy.objects.filter(pk=listing.deputy_id).first()
    if deputy is None:
        return None
    return Nominee(
        ref=listing.pk,
        name=deputy.name,
        detail=listing.delegation,
        figures={
            "activities": Invitation.objects.filter(
                deputy=deputy, signed_in_at__isnull=False, activity__starts_at__year=year
            ).count(),
            "receptions": ReceptionDay.objects.filter(
                _published_in(year), on_duty__deputy=deputy
            ).count(),
            "opinions": Opinion.objects.filter(deputy=deputy, received_at__year=year).count(),
        },
    )


def _case(ref: int, year: int) -> Nominee | None:
    opinion = Opinion.objects.filter(pk=ref).exclude(status=Status.DECLINED).first()
    if opinion is None:
        return None
    closed = opinion.status == Status.CLOSED
    on_time = bool(
        closed and opinion.answered_on and opinion.due_on and opinion.answered_on <= opinion.due_on
    )
    return Nominee(
        ref=opinion.pk,
        name=f"{opinion.tracking_code} {opinion.get_category_display() or ''}".strip(),
        detail=opinion.content[:120],
        figures={
            "closed": int(closed),
            "on_time": int(on_time),
            "rated_well": int(opinion.rating in RATED_WELL),
        },
    )


FINDERS = {"station": _station, "deputy": _deputy, "case": _case}


def nominee_get(*, kind: str, ref: int, year: int) -> Nominee | None:
    """The record `ref` of this congress for a round of `kind`, with its figures; None when this
    congress holds no such record."""
    return FINDERS[kind](ref, year)


@dataclass(frozen=True)
class Option:
    ref: int
    name: str
    detail: str


def nominee_options(*, kind: str, search: str = "") -> list[Option]:
    """What this congress may nominate for a round of `kind`: its stations, its serving deputies
    (by directory listing: name, level and delegation only), or its closed cases."""
    if kind == "station":
        stations = Station.objects.filter(name__icontains=search) if search else Station.objects
        return [
            Option(s.pk, s.name, s.get_tier_display()) for s in stations.all()[:CANDIDATE_LIMIT]
        ]
    if kind == "deputy":
        listings = listing_own(congress_id=current_tenant().id, search=search)
        return [Option(x.pk, x.name, x.delegation) for x in listings[:CANDIDATE_LIMIT]]
    opinions = Opinion.objects.filter(status=Status.CLOSED).order_by("-received_at")
    if search:
        opinions = opinions.filter(Q(tracking_code__iexact=search) | Q(content__icontains=search))
    return [Option(o.pk, o.tracking_code, o.content[:60]) for o in opinions[:CANDIDATE_LIMIT]]

"""Station reads, with what each caller needs fetched up front."""

from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from directory.selectors import listing_ids_of_user

from .models import Assessment, ChecklistItem, Posting, ReceptionDay, Resident, Station


def station_list() -> QuerySet[Station]:
    return Station.objects.select_related("parent").annotate(
        resident_count=Count("residents", distinct=True),
    )


def station_detail(*, station_id: int) -> Station | None:
    return (
        Station.objects.select_related("parent")
        .prefetch_related(
            "staff",
            Prefetch("residents", queryset=Resident.objects.select_related("deputy")),
            Prefetch(
                "receptions",
                queryset=ReceptionDay.objects.prefetch_related("on_duty").order_by(
                    "date", "starts_at"
                ),
            ),
        )
        .filter(pk=station_id)
        .first()
    )


def station_public(*, station_id: int, today: date) -> Station | None:
    """What the public page shows: the station, its residents and its published, coming rota."""
    upcoming = (
        ReceptionDay.objects.filter(published_at__isnull=False, date__gte=today)
        .prefetch_related("on_duty")
        .order_by("date", "starts_at")
    )
    return (
        Station.objects.prefetch_related(
            "staff", "residents", Prefetch("receptions", queryset=upcoming, to_attr="public_rota")
        )
        .filter(pk=station_id)
        .first()
    )


def checklist_items(*, active_only: bool = True) -> QuerySet[ChecklistItem]:
    items = ChecklistItem.objects.all()
    return items.filter(active=True) if active_only else items


def assessment_for(*, station_id: int, year: int) -> Assessment | None:
    return (
        Assessment.objects.prefetch_related("scores__item")
        .filter(station_id=station_id, year=year)
        .first()
    )


def posting_list(*, active_only: bool = False) -> QuerySet[Posting]:
    postings = Posting.objects.select_related("deputy")
    return postings.filter(active=True) if active_only else postings


def resident_of(*, resident_id: int) -> Resident | None:
    return Resident.objects.select_related("station").filter(pk=resident_id).first()


def stations_with_deputy(*, deputy_id: int) -> QuerySet[Station]:
    return Station.objects.filter(Q(residents__deputy_id=deputy_id)).distinct()


def posted_by(*, deputy_id: int, congress_id: int) -> bool:
    """Whether congress `congress_id` has stationed this roster's deputy (now or before)."""
    return Posting.objects.filter(deputy_id=deputy_id, origin_congress_id=congress_id).exists()


def resident_listed(*, station_id: int, listing_id: int) -> Resident | None:
    """The deputy of another congress with this directory listing, if stationed at this station."""
    return Resident.objects.filter(station_id=station_id, listing_id=listing_id).first()


def resident_guest_of_user(*, user_id: int) -> Resident | None:
    """The caller as a deputy of another congress posted to one of this congress's stations, if
    they are: who may attend its deliberation (列席, docs/linkage-duty.md)."""
    listings = listing_ids_of_user(user_id=user_id)
    if not listings:
        return None
    return Resident.objects.filter(listing_id__in=listings).order_by("pk").first()

"""A congress's public home (门户首页): what its portal shows anyone, gathered from the modules.
Public particulars only: no citizen's or deputy's contact, no draft, nothing unpublished."""

from dataclasses import dataclass, field
from datetime import date, time

from django.db.models import Prefetch

from tenants.linkage.opinions.models import Opinion
from tenants.linkage.stations.models import ReceptionDay, Station
from tenants.voting.models import Call, Candidate, Cycle, Phase, Proposal

# The vote is over from here on: the announcement and the public account can be read.
# The candidate list is public once the presidium has fixed it.
CANDIDATES_PUBLIC = (Phase.DELIBERATE, Phase.VOTE)
ROTA_DAYS = 5


@dataclass(frozen=True)
class RotaDay:
    date: date
    starts_at: time
    ends_at: time
    topic: str
    on_duty: list[str]


@dataclass(frozen=True)
class HomeStation:
    id: int
    name: str
    tier: str
    address: str
    opening_hours: str
    phone: str
    rota: list[RotaDay] = field(default_factory=list)


@dataclass(frozen=True)
class HomeCall:
    year: int
    title: str
    opens_on: date
    closes_on: date
    open: bool


@dataclass(frozen=True)
class Home:
    call: HomeCall | None
    candidates_year: int | None
    candidates: list[str]
    decided_years: list[int]
    stations: list[HomeStation]


def public_home(*, today: date) -> Home:
    call = Call.objects.select_related("cycle").order_by("-cycle__year").first()
    current = Cycle.objects.filter(phase__in=CANDIDATES_PUBLIC).order_by("-year").first()
    candidates = (
        list(
            Candidate.objects.filter(cycle=current)
            .order_by("sequence")
            .values_list("name", flat=True)
        )
        if current
        else []
    )
    coming = (
        ReceptionDay.objects.filter(published_at__isnull=False, date__gte=today)
        .prefetch_related("on_duty")
        .order_by("date", "starts_at")
    )
    stations = Station.objects.prefetch_related(
        Prefetch("receptions", queryset=coming, to_attr="coming")
    )
    return Home(
        call=HomeCall(
            year=call.cycle.year,
            title=call.title,
            opens_on=call.opens_on,
            closes_on=call.closes_on,
            open=call.opens_on <= today <= call.closes_on,
        )
        if call
        else None,
        candidates_year=current.year if current else None,
        candidates=candidates,
        decided_years=list(
            Cycle.objects.filter(announcement_published_at__isnull=False)
            .order_by("-year")
            .values_list("year", flat=True)
        ),
        stations=[
            HomeStation(
                id=s.pk,
                name=s.name,
                tier=s.tier,
                address=s.address,
                opening_hours=s.opening_hours,
                phone=s.phone,
                rota=[
                    RotaDay(
                        date=r.date,
                        starts_at=r.starts_at,
                        ends_at=r.ends_at,
                        topic=r.topic,
                        on_duty=[resident.name for resident in r.on_duty.all()],
                    )
                    for r in s.coming[:ROTA_DAYS]
                ],
            )
            for s in stations
        ],
    )


def tracking_kind(code: str) -> str | None:
    """Which of this congress's public codes `code` is: a proposal's or an opinion's (received
    here from a citizen, not a copy escalated from below), or None."""
    normal = code.strip().upper()
    if Proposal.objects.filter(tracking_code=normal).exists():
        return "proposal"
    if Opinion.objects.filter(tracking_code=normal, origin_id__isnull=True).exists():
        return "opinion"
    return None

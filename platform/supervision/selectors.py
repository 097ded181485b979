"""Reads of guidance and benchmark rounds, always through the congress tree: an issuer sees what
it issued, a congress below sees what was addressed to it or to its own subtree, never a
sibling's."""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Self
from urllib.parse import quote

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from congresses.models import Congress, Level
from congresses.selectors import congress_subtree
from filestore import storage
from rollups.catalog import Unit
from rollups.models import Rollup
from rollups.rules import ratio
from rollups.selectors import dashboard_rows

from . import rules
from .models import (
    Attachment,
    BenchmarkRound,
    Guidance,
    GuidanceReceipt,
    GuidanceReport,
    GuidanceTarget,
    Nomination,
    Objection,
    RouteStage,
    StarReview,
    State,
)
from .phases import RESULT_VISIBLE
from .services import round_totals
from .stages import Stage


def ancestor_ids(congress: Congress) -> list[int]:
    ids: list[int] = []
    node = congress.parent
    while node is not None:
        ids.append(node.pk)
        node = node.parent
    return ids


# --- Guidance ---------------------------------------------------------------------------------


def guidance_issued(issuer: Congress) -> QuerySet[Guidance]:
    return (
        Guidance.objects.filter(issuer=issuer)
        .select_related("issuer", "issued_by")
        .prefetch_related("attachments")
        .annotate(
            target_count=Count("targets", distinct=True),
            read_count=Count("receipts__congress", distinct=True),
        )
    )


def guidance_received(congress: Congress, *, reader_id: int) -> QuerySet[Guidance]:
    return (
        Guidance.objects.filter(targets__congress=congress)
        .select_related("issuer", "issued_by")
        .prefetch_related("attachments")
        .annotate(
            read_by_me=Exists(
                GuidanceReceipt.objects.filter(
                    guidance=OuterRef("pk"), congress=congress, reader_id=reader_id
                )
            ),
            read_here=Exists(
                GuidanceReceipt.objects.filter(guidance=OuterRef("pk"), congress=congress)
            ),
        )
    )


def guidance_addressed_to(congress: Congress, pk: int) -> Guidance | None:
    return (
        Guidance.objects.filter(pk=pk, targets__congress=congress)
        .select_related("issuer", "issued_by")
        .prefetch_related("attachments")
        .first()
    )


@dataclass(frozen=True)
class Reader:
    name: str
    read_at: datetime


@dataclass(frozen=True)
class Target:
    """A congress a guidance is sent to, as the issuer's lists name it."""

    congress_id: int
    congress_name: str
    level: str
    parent_name: str

    @classmethod
    def of(cls, target: GuidanceTarget, **more: Any) -> Self:
        congress = target.congress
        return cls(
            congress_id=target.congress_id,
            congress_name=congress.name,
            level=congress.level,
            parent_name=congress.parent.name if congress.parent else "",
            **more,
        )


def _targets(guidance: Guidance) -> QuerySet[GuidanceTarget]:
    return (
        GuidanceTarget.objects.filter(guidance=guidance)
        .select_related("congress__parent")
        .order_by("congress__division_code")
    )


@dataclass(frozen=True)
class TargetReceipts(Target):
    readers: list[Reader]

    @property
    def first_read_at(self) -> datetime | None:
        return self.readers[0].read_at if self.readers else None


def guidance_receipt_status(guidance: Guidance) -> list[TargetReceipts]:
    """Per receiving congress: who read it and when, unread congresses included."""
    receipts = list(
        GuidanceReceipt.objects.filter(guidance=guidance)
        .select_related("reader")
        .order_by("read_at")
    )
    by_congress: dict[int, list[Reader]] = {}
    for receipt in receipts:
        by_congress.setdefault(receipt.congress_id, []).append(
            Reader(name=str(receipt.reader), read_at=receipt.read_at)
        )
    return [
        TargetReceipts.of(t, readers=by_congress.get(t.congress_id, [])) for t in _targets(guidance)
    ]


# --- Report-back ------------------------------------------------------------------------------


@dataclass(frozen=True)
class TargetReport(Target):
    state: str  # rules.report_state
    report: GuidanceReport | None


def _local_day(moment: datetime) -> date:
    return timezone.localtime(moment).date()


def report_of(guidance: Guidance, congress: Congress) -> GuidanceReport | None:
    return (
        GuidanceReport.objects.filter(guidance=guidance, congress=congress)
        .select_related("submitted_by")
        .prefetch_related("attachments")
        .first()
    )


def report_state_of(guidance: Guidance, report: GuidanceReport | None, today: date) -> str:
    assert guidance.report_due is not None
    return rules.report_state(
        due=guidance.report_due,
        reported=_local_day(report.submitted_at) if report else None,
        today=today,
    )


def guidance_report_status(guidance: Guidance, *, today: date | None = None) -> list[TargetReport]:
    """Per receiving congress of a notice that asks for a report: its state by the date
    (received, late, missing, pending) and its report, congresses yet to report included."""
    day = today or timezone.localdate()
    reports = {
        r.congress_id: r
        for r in GuidanceReport.objects.filter(guidance=guidance)
        .select_related("submitted_by")
        .prefetch_related("attachments")
    }
    return [
        TargetReport.of(
            t,
            state=report_state_of(guidance, reports.get(t.congress_id), day),
            report=reports.get(t.congress_id),
        )
        for t in _targets(guidance)
    ]


# --- Attachments ------------------------------------------------------------------------------


def attachment_readable(attachment: Attachment, congress: Congress) -> bool:
    """Its owner reads it; so do the receivers of guidance it is attached to, the issuer of the
    notice a report carrying it answers, the issuer of a
    round whose nomination carries it, and the congresses above the nominator (a county its
    townships' nominations)."""
    if attachment.owner_id == congress.pk:
        return True
    through_guidance = Guidance.attachments.through.objects.filter(
        attachment_id=attachment.pk, guidance__targets__congress=congress
    ).exists()
    if through_guidance:
        return True
    if GuidanceReport.attachments.through.objects.filter(
        attachment_id=attachment.pk, guidancereport__guidance__issuer=congress
    ).exists():
        return True
    return Nomination.attachments.through.objects.filter(
        Q(nomination__round__issuer=congress)
        | Q(nomination__nominator__in=congress_subtree(congress)),
        attachment_id=attachment.pk,
    ).exists()


def attachment_download_url(attachment: Attachment) -> str:
    return storage.presigned_platform_download_url(
        key=attachment.key, filename=quote(attachment.name)
    )


# --- Benchmark rounds -------------------------------------------------------------------------


def rounds_visible_to(congress: Congress) -> QuerySet[BenchmarkRound]:
    """The rounds a congress organises, and those of the congresses above it once past 筹备."""
    return (
        BenchmarkRound.objects.filter(
            Q(issuer=congress) | (Q(issuer_id__in=ancestor_ids(congress)) & ~Q(state=State.DRAFT))
        )
        .select_related("issuer")
        .prefetch_related("criteria")
        .annotate(
            nomination_count=Count(
                "nominations", filter=~Q(nominations__status=Nomination.Status.WITHDRAWN)
            )
        )
    )


def nominations_visible_to(round_: BenchmarkRound, congress: Congress) -> QuerySet[Nomination]:
    """All of the round's nominations for its issuer; for anyone else, those of its own subtree."""
    nominations = (
        Nomination.objects.filter(round=round_)
        .select_related("nominator__parent", "submitted_by")
        .prefetch_related("attachments")
        .order_by("rank", "submitted_at", "id")
    )
    if round_.issuer_id == congress.pk:
        return nominations
    return nominations.filter(nominator__in=congress_subtree(congress))


@dataclass(frozen=True)
class RankedNomination:
    nomination: Nomination
    total: Decimal | None
    rank: int
    tied: bool
    reviewers: int


def round_ranking(round_: BenchmarkRound) -> list[RankedNomination]:
    """The live nominations by weighted total, highest first, with ties marked."""
    totals = round_totals(round_)
    ranks = rules.ranks(totals)
    reviewers = dict(
        Nomination.objects.filter(pk__in=totals)
        .annotate(n=Count("scores__reviewer", distinct=True))
        .values_list("pk", "n")
    )
    nominations = Nomination.objects.filter(pk__in=totals).select_related("nominator__parent")
    rank_counts: dict[int, int] = {}
    for r in ranks.values():
        rank_counts[r] = rank_counts.get(r, 0) + 1
    rows = [
        RankedNomination(
            nomination=n,
            total=totals[n.pk],
            rank=ranks[n.pk],
            tied=totals[n.pk] is not None and rank_counts[ranks[n.pk]] > 1,
            reviewers=reviewers.get(n.pk, 0),
        )
        for n in nominations
    ]
    return sorted(rows, key=lambda row: (row.rank, row.nomination.pk))


def round_result(round_: BenchmarkRound) -> list[Nomination]:
    """The list in 公示 or announced: the selected nominations in rank order."""
    if round_.state not in RESULT_VISIBLE:
        return []
    return list(
        Nomination.objects.filter(round=round_, status=Nomination.Status.SELECTED)
        .select_related("nominator__parent")
        .order_by("rank", "id")
    )


def round_objections(round_: BenchmarkRound) -> QuerySet[Objection]:
    return Objection.objects.filter(round=round_).select_related("nomination", "recorded_by")


def rounds_announced_by(issuer: Congress) -> QuerySet[BenchmarkRound]:
    """For the issuer's public portal: the rounds in 公示 (open to objections) and announced."""
    return (
        BenchmarkRound.objects.filter(issuer=issuer, state__in=(State.PUBLICITY, State.ANNOUNCED))
        .select_related("issuer")
        .prefetch_related(
            Prefetch(
                "nominations",
                queryset=Nomination.objects.filter(status=Nomination.Status.SELECTED)
                .select_related("nominator")
                .order_by("rank", "id"),
                to_attr="announced",
            )
        )
        .order_by("-year", "-pk")
    )


# --- The route -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """The route a congress follows for a year: whose it is (None: nobody set one) and the date
    of each stage it dates."""

    issuer: Congress | None
    due: dict[str, date]


def _route_issuers(congress: Congress) -> list[Congress]:
    """Whose route a congress follows, nearest first: a township its county's, then the city's;
    a county its own, then the city's; a city its own."""
    chain: list[Congress] = [] if congress.level == Level.TOWNSHIP else [congress]
    node = congress.parent
    while node is not None:
        chain.append(node)
        node = node.parent
    return chain


def route_effective(congress: Congress, year: int) -> Route:
    chain = _route_issuers(congress)
    rows = list(
        RouteStage.objects.filter(year=year, issuer__in=chain).values_list(
            "issuer_id", "stage", "due_on"
        )
    )
    for issuer in chain:
        due = {stage: day for owner, stage, day in rows if owner == issuer.pk}
        if due:
            return Route(issuer=issuer, due=due)
    return Route(issuer=None, due={})


def route_own(issuer: Congress, year: int) -> dict[str, date]:
    """The stages the issuer itself has dated for the year (none: it follows the one above)."""
    return dict(RouteStage.objects.filter(issuer=issuer, year=year).values_list("stage", "due_on"))


@dataclass(frozen=True)
class StageStatus:
    stage: str
    label: str
    due: date | None
    reached: date | None
    state: str | None  # rules.stage_state; None for a congress with no cycle to compare


@dataclass(frozen=True)
class TownshipRoute:
    township: Congress
    county: Congress
    issuer: Congress | None  # whose route it follows
    stages: list[StageStatus]


@dataclass(frozen=True)
class StageLag:
    stage: str
    label: str
    dated: int  # townships whose route dates the stage
    late: int  # of them, the date passed and the stage not reached
    late_townships: list[Congress]


@dataclass(frozen=True)
class RouteLag:
    townships: list[TownshipRoute]
    stages: list[StageLag]


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def township_route(route: Route, figures: dict[str, object], today: date) -> list[StageStatus]:
    """Each stage of the route beside the day the township reached it (its rollup figures)."""
    out = []
    for stage in Stage:
        due = route.due.get(stage.value)
        reached = _day(figures.get(f"route_{stage.value}"))
        out.append(
            StageStatus(
                stage=stage.value,
                label=str(stage.label),
                due=due,
                reached=reached,
                state=rules.stage_state(due=due, reached=reached, today=today),
            )
        )
    return out


def route_lag(
    *, viewer: Congress, year: int, today: date, county: Congress | None = None
) -> RouteLag:
    """The townships a city or county oversees (within `county` if given), each against the
    route it follows, and per stage how many are late. Three queries however many townships."""
    rows = [
        row
        for row in dashboard_rows(viewer=viewer, year=year, county=county)
        if row.congress.level == Level.TOWNSHIP
    ]
    issuer_ids = {viewer.pk, *([viewer.parent_id] if viewer.parent_id else [])}
    issuer_ids |= {row.county.pk for row in rows}
    issuers = {row.county.pk: row.county for row in rows}
    issuers[viewer.pk] = viewer
    if viewer.parent is not None:  # a county's townships may follow the city's route
        issuers[viewer.parent.pk] = viewer.parent
    dated: dict[int, dict[str, date]] = {}
    for issuer_id, stage, due_on in RouteStage.objects.filter(
        year=year, issuer_id__in=issuer_ids
    ).values_list("issuer_id", "stage", "due_on"):
        dated.setdefault(issuer_id, {})[stage] = due_on
    townships = []
    for row in rows:
        city_id = row.county.parent_id
        owner_id = next(
            (pk for pk in (row.county.pk, city_id) if pk is not None and pk in dated), None
        )
        route = (
            Route(issuer=issuers[owner_id], due=dated[owner_id])
            if owner_id is not None
            else Route(issuer=None, due={})
        )
        townships.append(
            TownshipRoute(
                township=row.congress,
                county=row.county,
                issuer=route.issuer,
                stages=township_route(route, dict(row.figures), today),
            )
        )
    stages = []
    for index, stage in enumerate(Stage):
        late = [t.township for t in townships if t.stages[index].state == "late"]
        stages.append(
            StageLag(
                stage=stage.value,
                label=str(stage.label),
                dated=sum(1 for t in townships if t.stages[index].due is not None),
                late=len(late),
                late_townships=late,
            )
        )
    return RouteLag(townships=townships, stages=stages)


def route_progress(congress: Congress, route: Route, year: int, today: date) -> list[StageStatus]:
    """A congress's own days per stage (its rollup rows for the year) beside the route's dates."""
    figures: dict[str, object] = {}
    for topic_figures in Rollup.objects.filter(
        congress=congress, year=year, topic__in=("voting", "implementation")
    ).values_list("figures", flat=True):
        figures.update(
            {key: value for key, value in topic_figures.items() if key.startswith("route_")}
        )
    return township_route(route, figures, today)


def oversees(congress: Congress) -> bool:
    """A city or county dates a route and watches the townships below it; a township does not."""
    return congress.level != Level.TOWNSHIP


@dataclass(frozen=True)
class RouteReport:
    year: int
    issuer: Congress | None
    own: bool  # the route is this congress's own
    can_set: bool
    stages: list[StageStatus]


def route_report(congress: Congress, year: int, today: date) -> RouteReport:
    """The route a congress follows for the year; a township's with its own day per stage."""
    route = route_effective(congress, year)
    if oversees(congress):  # no cycle of its own to hold against the route
        stages = [
            StageStatus(s.stage, s.label, s.due, None, None)
            for s in township_route(route, {}, today)
        ]
    else:
        stages = route_progress(congress, route, year, today)
    return RouteReport(
        year=year,
        issuer=route.issuer,
        own=route.issuer is not None and route.issuer.pk == congress.pk,
        can_set=oversees(congress),
        stages=stages,
    )


def round_public(issuer: Congress, pk: int) -> BenchmarkRound | None:
    return BenchmarkRound.objects.filter(issuer=issuer, pk=pk, state=State.PUBLICITY).first()


# --- Station stars ----------------------------------------------------------------------------


def star_reviews_to_review(reviewer: Congress) -> QuerySet[StarReview]:
    """What the congress above sees: the submissions of the congresses directly below it."""
    return StarReview.objects.filter(reviewer_congress=reviewer).select_related("congress")


def star_review_for_reviewer(reviewer: Congress, pk: int) -> StarReview | None:
    return star_reviews_to_review(reviewer).filter(pk=pk).first()


def star_reviews_of(congress: Congress, *, station_ref: int | None = None) -> QuerySet[StarReview]:
    """A congress's own submissions (every state), newest first."""
    reviews = StarReview.objects.filter(congress=congress).select_related("reviewer_congress")
    return reviews if station_ref is None else reviews.filter(station_ref=station_ref)


@dataclass(frozen=True)
class CountyStars:
    county_id: int
    county_name: str
    stations_starred: int
    star_total: int
    average_stars: Decimal | None
    stars_expired: int
    stars_pending: int


def stars_by_county(city: Congress, *, today: date) -> list[CountyStars]:
    """Per county under the city, over the county and its townships (docs/indicators.md, 联络站星级):
    stations holding stars on `today`, their stars, their average, stations whose stars have
    lapsed without a newer award, and submissions awaiting review."""
    counties = list(Congress.objects.filter(parent=city, level="county").order_by("name", "pk"))
    county_of = {c.pk: c.pk for c in counties}
    for township_id, county_id in Congress.objects.filter(parent__in=counties).values_list(
        "pk", "parent_id"
    ):
        county_of[township_id] = county_id
    held: dict[int, set[tuple[int, int]]] = {c.pk: set() for c in counties}
    stars: dict[int, int] = dict.fromkeys(county_of.values(), 0)
    lapsed: dict[int, set[tuple[int, int]]] = {c.pk: set() for c in counties}
    pending: dict[int, int] = dict.fromkeys(county_of.values(), 0)
    rows = StarReview.objects.filter(congress_id__in=county_of).values_list(
        "congress_id", "station_ref", "state", "stars", "expires_on"
    )
    for congress_id, station_ref, state, count, expires_on in rows:
        county = county_of[congress_id]
        station = (congress_id, station_ref)
        if state == StarReview.State.SUBMITTED:
            pending[county] += 1
        elif state == StarReview.State.AWARDED and expires_on is not None:
            if expires_on > today:
                held[county].add(station)
                stars[county] += count or 0
            else:
                lapsed[county].add(station)
    return [
        CountyStars(
            county_id=c.pk,
            county_name=c.name,
            stations_starred=len(held[c.pk]),
            star_total=stars[c.pk],
            average_stars=ratio(stars[c.pk], len(held[c.pk]), Unit.STARS),
            stars_expired=len(lapsed[c.pk] - held[c.pk]),
            stars_pending=pending[c.pk],
        )
        for c in counties
    ]

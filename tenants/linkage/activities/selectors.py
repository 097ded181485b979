"""Reads of activities: lists for staff and for a deputy, the invitees a congress may pick
from the directory, and the sign-in links for the organiser's screen."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from congresses.models import Congress
from congresses.tenant import current_tenant
from directory.selectors import congress_related_ids, listing_of
from ops.errors import DomainError
from tenants.deputies.models import Deputy

from .models import Activity, Invitation


@dataclass(frozen=True)
class Invitee:
    congress_id: int
    congress_name: str
    deputy_ref: int
    name: str
    level: str


def invitees_from_directory(*, organiser: Congress, picks: list[tuple[int, int]]) -> list[Invitee]:
    """The picked (congress, deputy) pairs as invitees, from the public directory. A congress
    may invite deputies of its own, of those below it and of those above it, serving ones only."""
    related = set(congress_related_ids(organiser))
    found = []
    for congress_id, deputy_id in dict.fromkeys(picks):
        listing = listing_of(congress_id=congress_id, deputy_id=deputy_id)
        if congress_id not in related or listing is None or not listing.serving:
            raise DomainError(
                "invitee_unknown",
                _("所选代表不在可邀请范围内（本级、上级和下级人大的在任代表）。"),
                field="invitees",
            )
        found.append(
            Invitee(congress_id, listing.congress.name, deputy_id, listing.name, listing.level)
        )
    return found


def activity_list(*, kind: str = "", year: int | None = None) -> QuerySet[Activity]:
    activities = Activity.objects.annotate(
        invited=Count("invitations", distinct=True),
        accepted=Count(
            "invitations",
            filter=Q(invitations__response=Invitation.Response.ACCEPTED),
            distinct=True,
        ),
        signed_in=Count(
            "invitations", filter=Q(invitations__signed_in_at__isnull=False), distinct=True
        ),
    )
    if kind:
        activities = activities.filter(kind=kind)
    if year is not None:
        activities = activities.filter(starts_at__year=year)
    return activities.order_by("-starts_at", "-id")


def activity_detail(pk: int) -> Activity | None:
    return (
        activity_list()
        .prefetch_related(
            Prefetch("invitations", queryset=Invitation.objects.select_related("deputy")),
            "photos__file",
        )
        .filter(pk=pk)
        .first()
    )


def activity_by_origin(*, organiser_id: int, origin_ref: str) -> Activity | None:
    """The activity as the organiser names it: this congress's own by its id, or its copy."""
    if organiser_id == current_tenant().id:
        return (
            Activity.objects.filter(pk=int(origin_ref), is_copy=False).first()
            if origin_ref.isascii() and origin_ref.isdigit()
            else None
        )
    return Activity.objects.filter(
        organiser_id=organiser_id, origin_ref=origin_ref, is_copy=True
    ).first()


def deputy_of_user(user_id: int) -> Deputy | None:
    """The caller's seat on this congress's current roster."""
    return Deputy.objects.filter(
        user_id=user_id, term__is_current=True, status=Deputy.Status.SERVING
    ).first()


def invitations_of(deputy: Deputy) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(deputy=deputy)
        .select_related("activity")
        .order_by("-activity__starts_at", "-id")
    )


# Sign-in opens at the venue: from this long before the start (deputies arrive early), never
# days ahead, so a duty point is earned on the day the activity is held.
SIGN_IN_LEAD = timedelta(hours=2)


def sign_in_earliest(activity: Activity) -> datetime:
    return activity.starts_at - SIGN_IN_LEAD


def sign_in_open(activity: Activity, *, now: datetime) -> bool:
    return bool(
        activity.state == Activity.State.SCHEDULED
        and now >= sign_in_earliest(activity)
        and activity.sign_in_token
        and activity.sign_in_from is not None
        and activity.sign_in_until is not None
        and activity.sign_in_from <= now < activity.sign_in_until
    )


def tasks_of(deputy: Deputy, *, now: datetime) -> dict[str, list[Invitation]]:
    """What waits for the deputy: invitations to answer, sign-ins open now."""
    mine = list(
        invitations_of(deputy).filter(
            activity__state=Activity.State.SCHEDULED, activity__ends_at__gt=now
        )
    )
    return {
        "rsvp": [
            i
            for i in mine
            if i.response == Invitation.Response.PENDING and i.activity.starts_at > now
        ],
        "sign_in": [
            i
            for i in mine
            if i.signed_in_at is None
            and i.response != Invitation.Response.DECLINED
            and sign_in_open(i.activity, now=now)
        ],
    }


def congresses_by_id(ids: set[int]) -> dict[int, Congress]:
    return {c.pk: c for c in Congress.objects.filter(pk__in=ids)}

"""Builders for activity tests: deputies with logins on the rosters of several congresses, and a
joint inspection organised by the county."""

import datetime as dt
import uuid
from dataclasses import dataclass

from django.utils import timezone
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from congresses.tenant import Tenant
from crossing.services import dispatch_deliver_pending
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.linkage.activities.models import Activity, Invitation
from tenants.linkage.activities.selectors import invitees_from_directory
from tenants.linkage.activities.services import activity_create
from tests.conftest import PASSWORD, World
from tests.factories import make_member, make_term


@dataclass
class Seat:
    congress: Congress
    user: User
    deputy: Deputy


def make_seat(congress: Congress, name: str, level: str | None = None) -> Seat:
    """A deputy of `congress` who logs in, with the deputy role there."""
    user = make_member(
        f"{name}-{uuid.uuid4().hex[:8]}",
        congress,
        ["deputy"],
        None,
        password=PASSWORD,
        display_name=name,
    )
    with tenant_context(congress):
        deputy = deputy_register(
            term=make_term(),
            name=name,
            gender="male",
            level=level or congress.level,
            constituency="第1选区",
            actor=None,
            user=user,
        )
    return Seat(congress, user, deputy)


@dataclass
class Joint:
    activity: Activity
    city: Seat
    county: Seat
    town_a: Seat
    town_b: Seat


def make_joint(
    world: World,
    *,
    notes: str = "内部：车辆安排 2 辆",
    starts_in: dt.timedelta = dt.timedelta(days=2),
) -> Joint:
    """The county's joint inspection with one deputy of the city, the county and two townships,
    starting `starts_in` from now; the invitations delivered."""
    seats = {
        "city": make_seat(world.city, "市代表甲"),
        "county": make_seat(world.county, "县代表乙"),
        "town_a": make_seat(world.town_a, "甲镇代表丙"),
        "town_b": make_seat(world.town_b, "乙镇代表丁"),
    }
    now = timezone.now()
    with tenant_context(world.county):
        invitees = invitees_from_directory(
            organiser=world.county,
            picks=[(s.congress.pk, s.deputy.pk) for s in seats.values()],
        )
        activity = activity_create(
            tenant=Tenant.of(world.county),
            kind="inspection",
            title="全县农村饮用水安全联合视察",
            starts_at=now + starts_in,
            ends_at=now + starts_in + dt.timedelta(hours=4),
            place="县水务局会议室",
            invitees=invitees,
            internal_notes=notes,
            actor=world.county_admin,
        )
    dispatch_deliver_pending()
    return Joint(activity, **seats)


def copy_in(congress: Congress, activity: Activity) -> Activity | None:
    with tenant_context(congress):
        return Activity.objects.filter(
            organiser_id=activity.organiser_id, origin_ref=str(activity.pk), is_copy=True
        ).first()


def invitation_in(congress: Congress, activity: Activity) -> Invitation:
    """The one invitation on `congress`'s copy of `activity`."""
    copy = copy_in(congress, activity)
    assert copy is not None, congress.slug
    with tenant_context(congress):
        return copy.invitations.get()

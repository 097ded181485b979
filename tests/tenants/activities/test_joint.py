"""A county's joint inspection with deputies of the city, the county and two townships: every
tenant lists it, each sees only what was shared, replies travel back to the county, and signing
in adds the points in the deputy's own tenant."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone
from django_tenants.utils import tenant_context

from crossing.models import Dispatch
from crossing.services import dispatch_deliver_pending
from ops.errors import Conflict, DomainError, NotAllowed
from tenants.linkage.activities.models import Activity, Invitation
from tenants.linkage.activities.selectors import invitations_of, invitees_from_directory
from tenants.linkage.activities.services import (
    activity_cancel,
    activity_open_sign_in,
    activity_record,
    invitation_respond,
    invitation_sign_in,
)
from tenants.linkage.duty.models import DutyEntry
from tenants.linkage.duty.selectors import entries_of, scheme_current, standing_of
from tests.conftest import World

from .factories import Joint, Seat, copy_in, invitation_in, make_joint, make_seat


def _open_sign_in(world: World, joint: Joint, now: dt.datetime) -> str:
    with tenant_context(world.county):
        activity = activity_open_sign_in(
            activity=joint.activity, minutes=60, actor=world.county_admin, now=now
        )
    dispatch_deliver_pending()
    return activity.sign_in_token


def _sign_in(seat: Seat, joint: Joint, token: str, now: dt.datetime) -> Invitation:
    with tenant_context(seat.congress):
        local = (
            joint.activity
            if seat.congress.pk == joint.activity.organiser_id
            else copy_in(seat.congress, joint.activity)
        )
        assert local is not None
        return invitation_sign_in(activity=local, token=token, actor=seat.user, now=now)


def _points(seat: Seat, year: int) -> tuple[list[DutyEntry], Decimal]:
    with tenant_context(seat.congress):
        entries = list(entries_of(seat.deputy, year=year))
        return entries, standing_of(entries, scheme_current(), year=year).score


def test_every_invited_tenant_lists_the_activity_and_each_deputy_sees_it(world: World) -> None:
    joint = make_joint(world)

    for seat in (joint.city, joint.town_a, joint.town_b):
        copy = copy_in(seat.congress, joint.activity)
        assert copy is not None, seat.congress.slug
        assert copy.title == "全县农村饮用水安全联合视察"
        assert copy.organiser_name == world.county.name
        with tenant_context(seat.congress):
            assert [i.activity.pk for i in invitations_of(seat.deputy)] == [copy.pk]
    with tenant_context(world.county):
        assert [i.activity.pk for i in invitations_of(joint.county.deputy)] == [joint.activity.pk]
        assert joint.activity.invitations.count() == 4


def test_a_copy_holds_only_what_was_shared_with_that_tenant(world: World) -> None:
    joint = make_joint(world, notes="内部备注：县委书记可能到场")

    sent = Dispatch.objects.filter(
        origin=world.county, origin_ref=str(joint.activity.pk), target=world.town_a
    ).get()
    assert "内部备注" not in str(sent.payload)
    assert [i["name"] for i in sent.payload["invitees"]] == ["甲镇代表丙"]
    copy = copy_in(world.town_a, joint.activity)
    assert copy is not None
    assert copy.internal_notes == ""
    with tenant_context(world.town_a):
        assert list(copy.invitations.values_list("name", flat=True)) == ["甲镇代表丙"]
    # Only the invited tenants receive it: the township the county did not invite has no copy.
    targets = set(
        Dispatch.objects.filter(origin=world.county, origin_ref=str(joint.activity.pk)).values_list(
            "target__slug", flat=True
        )
    )
    assert targets == {"tcity", "town-a", "town-b"}


def test_signing_in_adds_the_points_in_the_deputys_own_tenant(world: World) -> None:
    joint = make_joint(world)
    now = joint.activity.starts_at + dt.timedelta(minutes=5)
    token = _open_sign_in(world, joint, now)

    for seat in (joint.town_a, joint.city, joint.county):
        _sign_in(seat, joint, token, now + dt.timedelta(minutes=1))
    dispatch_deliver_pending()

    year = joint.activity.starts_at.year
    entries, score = _points(joint.town_a, year)
    assert [(e.kind, e.state) for e in entries] == [("inspection", "counted")]
    assert score == scheme_current_base(joint.town_a) + 3
    # Not in another tenant: the county holds no entry for the township's deputy.
    with tenant_context(world.county):
        assert (
            not DutyEntry.objects.filter(source_ref__contains=f":{joint.activity.pk}")
            .exclude(deputy=joint.county.deputy)
            .exists()
        )
        signed = {i.name: i.signed_in_at is not None for i in joint.activity.invitations.all()}
    assert signed == {"市代表甲": True, "县代表乙": True, "甲镇代表丙": True, "乙镇代表丁": False}
    # Signing in twice changes nothing.
    _sign_in(joint.town_a, joint, token, now + dt.timedelta(minutes=2))
    assert len(_points(joint.town_a, year)[0]) == 1


def scheme_current_base(seat: Seat) -> Decimal:
    with tenant_context(seat.congress):
        return scheme_current().base


def test_a_wrong_or_expired_token_is_refused_and_nothing_is_written(world: World) -> None:
    joint = make_joint(world)
    now = joint.activity.starts_at
    token = _open_sign_in(world, joint, now)

    with pytest.raises(DomainError) as wrong:
        _sign_in(joint.town_b, joint, token + "x", now)
    assert wrong.value.code == "sign_in_token_invalid"
    with pytest.raises(DomainError) as late:
        _sign_in(joint.town_b, joint, token, now + dt.timedelta(minutes=61))
    assert late.value.code == "sign_in_closed"
    assert _points(joint.town_b, now.year)[0] == []


def test_the_sign_in_opens_only_near_the_start_and_earns_points_on_the_day(
    world: World,
) -> None:
    joint = make_joint(world)
    start = joint.activity.starts_at

    with pytest.raises(DomainError) as early:
        _open_sign_in(world, joint, start - dt.timedelta(days=2))
    assert early.value.code == "sign_in_too_early"
    # A window opened days ahead (as it once could be) admits no one before the start nears.
    with tenant_context(world.county):
        Activity.objects.filter(pk=joint.activity.pk).update(
            sign_in_token="opened-early",
            sign_in_from=start - dt.timedelta(days=2),
            sign_in_until=start + dt.timedelta(hours=1),
        )
        joint.activity.refresh_from_db()
    with pytest.raises(DomainError) as closed:
        _sign_in(joint.county, joint, "opened-early", start - dt.timedelta(days=1))
    assert closed.value.code == "sign_in_closed"
    assert _points(joint.county, start.year)[0] == []

    token = _open_sign_in(world, joint, start - dt.timedelta(hours=1))
    _sign_in(joint.county, joint, token, start - dt.timedelta(minutes=30))
    entries = _points(joint.county, start.year)[0]
    assert [(e.kind, e.occurred_on) for e in entries] == [("inspection", timezone.localdate(start))]


def test_a_new_token_replaces_the_old_one_in_every_copy(world: World) -> None:
    joint = make_joint(world)
    now = joint.activity.starts_at
    old = _open_sign_in(world, joint, now)
    new = _open_sign_in(world, joint, now + dt.timedelta(minutes=10))

    assert old != new
    with pytest.raises(DomainError):
        _sign_in(joint.town_a, joint, old, now + dt.timedelta(minutes=11))
    _sign_in(joint.town_a, joint, new, now + dt.timedelta(minutes=11))


def test_a_deputy_not_invited_cannot_sign_in(world: World) -> None:
    joint = make_joint(world)
    stranger = make_seat(world.town_a, "甲镇代表戊")
    token = _open_sign_in(world, joint, joint.activity.starts_at)

    with pytest.raises(NotAllowed):
        _sign_in(stranger, joint, token, joint.activity.starts_at)


def test_a_leave_travels_back_to_the_organiser_and_costs_a_point_at_home(world: World) -> None:
    joint = make_joint(world)
    invitation = invitation_in(world.town_b, joint.activity)
    with tenant_context(world.town_b):
        invitation_respond(
            invitation=invitation, accept=False, reason="参加镇防汛值班", actor=joint.town_b.user
        )
    dispatch_deliver_pending()

    with tenant_context(world.county):
        at_organiser = joint.activity.invitations.get(congress_id=world.town_b.pk)
    assert (at_organiser.response, at_organiser.reason) == ("declined", "参加镇防汛值班")
    entries, score = _points(joint.town_b, joint.activity.starts_at.year)
    assert [e.kind for e in entries] == ["leave"]
    assert score == scheme_current_base(joint.town_b) - 1

    # Attending after all takes the leave back.
    with tenant_context(world.town_b):
        invitation_respond(invitation=invitation, accept=True, actor=joint.town_b.user)
    entries, score = _points(joint.town_b, joint.activity.starts_at.year)
    assert [e.state for e in entries] == ["withdrawn"]
    assert score == scheme_current_base(joint.town_b)


def test_a_leave_needs_a_reason_and_only_the_deputy_answers(world: World) -> None:
    joint = make_joint(world)
    invitation = invitation_in(world.town_a, joint.activity)
    with tenant_context(world.town_a):
        with pytest.raises(DomainError) as no_reason:
            invitation_respond(
                invitation=invitation, accept=False, reason=" ", actor=joint.town_a.user
            )
        with pytest.raises(NotAllowed):
            invitation_respond(invitation=invitation, accept=True, actor=world.staff_a)
        invitation.refresh_from_db()
    assert no_reason.value.code == "leave_reason_required"
    assert invitation.response == "pending"
    assert not Dispatch.objects.filter(origin=world.town_a, kind="activities.reply").exists()


def test_minutes_and_cancellation_reach_every_copy(world: World) -> None:
    joint = make_joint(world)
    with tenant_context(world.county):
        activity_record(
            activity=joint.activity,
            minutes="视察了3个水厂。",
            outcomes="形成视察报告1份。",
            actor=world.county_admin,
        )
        activity_cancel(activity=joint.activity, reason="暴雨预警", actor=world.county_admin)
    dispatch_deliver_pending()

    for seat in (joint.city, joint.town_a, joint.town_b):
        copy = copy_in(seat.congress, joint.activity)
        assert copy is not None
        assert (copy.minutes, copy.outcomes, copy.state) == (
            "视察了3个水厂。",
            "形成视察报告1份。",
            Activity.State.CANCELLED,
        )


def test_an_older_snapshot_delivered_late_changes_nothing(world: World) -> None:
    joint = make_joint(world)
    with tenant_context(world.county):
        activity_record(
            activity=joint.activity, minutes="新纪要", outcomes="", actor=world.county_admin
        )
    newest = Dispatch.objects.filter(target=world.town_a, kind="activities.invitation").latest("id")
    dispatch_deliver_pending()
    from tenants.linkage.activities.receivers import invitation_receive

    oldest = Dispatch.objects.filter(target=world.town_a, kind="activities.invitation").earliest(
        "id"
    )
    with tenant_context(world.town_a):
        invitation_receive(oldest)
    copy = copy_in(world.town_a, joint.activity)
    assert copy is not None
    assert (copy.minutes, copy.snapshot_dispatch_id) == ("新纪要", newest.pk)


def test_a_copy_cannot_be_edited_by_the_receiving_tenant(world: World) -> None:
    joint = make_joint(world)
    copy = copy_in(world.town_a, joint.activity)
    assert copy is not None
    with tenant_context(world.town_a), pytest.raises(NotAllowed):
        activity_cancel(activity=copy, reason="不想去", actor=world.staff_a)


def test_only_related_congresses_deputies_may_be_invited(world: World) -> None:
    seat = make_seat(world.town_b, "乙镇代表己")
    with tenant_context(world.town_a), pytest.raises(DomainError) as refused:
        # A township may invite its county and city, not a sibling township's deputies.
        invitees_from_directory(organiser=world.town_a, picks=[(world.town_b.pk, seat.deputy.pk)])
    assert refused.value.code == "invitee_unknown"


def test_replying_after_the_start_is_refused(world: World) -> None:
    joint = make_joint(world)
    copy = copy_in(world.town_a, joint.activity)
    assert copy is not None
    with tenant_context(world.town_a), pytest.raises(DomainError) as late:
        invitation_respond(
            invitation=copy.invitations.get(),
            accept=True,
            actor=joint.town_a.user,
            now=joint.activity.starts_at + dt.timedelta(minutes=1),
        )
    assert late.value.code == "rsvp_closed"
    _ = Conflict, timezone


def test_a_congress_organises_many_activities_and_each_tenant_keeps_a_copy_of_each(
    world: World,
) -> None:
    first, second = make_joint(world), make_joint(world)

    assert first.activity.pk != second.activity.pk
    assert copy_in(world.town_a, first.activity) is not None
    assert copy_in(world.town_a, second.activity) is not None


def test_the_rollup_figures_count_activities_attendances_and_active_deputies(world: World) -> None:
    from tenants.linkage.activities.indicators import figures

    joint = make_joint(world)
    year = joint.activity.starts_at.year
    with tenant_context(world.town_a):
        before = figures(year)
    token = _open_sign_in(world, joint, joint.activity.starts_at)
    _sign_in(joint.town_a, joint, token, joint.activity.starts_at)
    with tenant_context(world.town_a):
        after = figures(year)
    with tenant_context(world.county):
        organiser = figures(year)
    assert after["activity_attendances"] == before["activity_attendances"] + 1  # type: ignore[operator]
    assert after["deputies_active"] == before["deputies_active"] + 1  # type: ignore[operator]
    assert after["activities"] == before["activities"]  # a copy is counted by its organiser only
    assert organiser["activities"] >= 1  # type: ignore[operator]

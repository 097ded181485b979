"""Activity writes. Each is one transaction with its audit entry. What crosses to another tenant
goes as a dispatch inside the same transaction (platform/crossing): the organiser sends each
invited tenant a snapshot of the shared fields and that tenant's invitees; a deputy's reply
(RSVP, sign-in) goes back to the organiser. See docs/linkage-activities.md."""

import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from congresses.models import Congress
from congresses.tenant import Tenant
from crossing.services import dispatch_send
from filestore.models import StoredFile
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy
from tenants.linkage.duty.models import IN_PERSON
from tenants.linkage.duty.models import Kind as DutyKind
from tenants.linkage.duty.services import duty_entry_record, duty_entry_withdraw

from .models import Activity, Invitation, Photo
from .selectors import (
    SIGN_IN_LEAD,
    Invitee,
    congresses_by_id,
    invitees_from_directory,
    sign_in_earliest,
    sign_in_open,
)
from .states import ACTIVITY

TOPIC = "activities"
INVITATION = "activities.invitation"
REPLY = "activities.reply"
SIGN_IN_MINUTES = (5, 24 * 60)


def activity_ref(activity: Activity) -> str:
    """The organiser's id of the activity, as every tenant knows it."""
    return activity.origin_ref if activity.is_copy else str(activity.pk)


def duty_source(activity: Activity) -> str:
    return f"activity:{activity.organiser_id}:{activity_ref(activity)}"


def snapshot(activity: Activity, congress_id: int) -> dict[str, Any]:
    """What one invited tenant is shared: the public fields of the activity and its own
    invitees. Never the internal notes, never another tenant's invitees or replies."""
    invitees = [
        {"deputy_ref": i.deputy_ref, "name": i.name, "level": i.level}
        for i in activity.invitations.all()
        if i.congress_id == congress_id
    ]
    sign_in = None
    if activity.sign_in_token and activity.sign_in_from and activity.sign_in_until:
        sign_in = {
            "token": activity.sign_in_token,
            "from": activity.sign_in_from.isoformat(),
            "until": activity.sign_in_until.isoformat(),
        }
    return {
        "kind": activity.kind,
        "title": activity.title,
        "place": activity.place,
        "starts_at": activity.starts_at.isoformat(),
        "ends_at": activity.ends_at.isoformat(),
        "organiser_name": activity.organiser_name,
        "state": activity.state,
        "cancel_reason": activity.cancel_reason,
        "minutes": activity.minutes,
        "outcomes": activity.outcomes,
        "sign_in": sign_in,
        "invitees": invitees,
    }


def _share(activity: Activity, *, tenant: Tenant | None = None) -> int:
    """Send the current snapshot to every other tenant with invitees. Returns how many."""
    own = activity.organiser_id
    targets = congresses_by_id({i.congress_id for i in activity.invitations.all()} - {own})
    for congress in targets.values():
        dispatch_send(
            kind=INVITATION,
            target=congress,
            origin_ref=activity_ref(activity),
            payload=snapshot(activity, congress.pk),
            origin=tenant,
        )
    return len(targets)


def _organised_here(activity: Activity) -> Activity:
    if activity.is_copy:
        raise NotAllowed(
            "activity_not_organiser",
            _("该活动由%(o)s组织，本单位只能查看。") % {"o": activity.organiser_name},
        )
    return Activity.objects.select_for_update().get(pk=activity.pk)


def _invite(activity: Activity, invitees: Sequence[Invitee]) -> list[Invitation]:
    created = []
    for invitee in invitees:
        deputy = None
        if invitee.congress_id == activity.organiser_id:
            deputy = Deputy.objects.filter(
                pk=invitee.deputy_ref, status=Deputy.Status.SERVING
            ).first()
            if deputy is None:
                raise DomainError(
                    "invitee_unknown", _("所选代表不在本级代表名册中。"), field="invitees"
                )
        invitation, made = Invitation.objects.get_or_create(
            activity=activity,
            congress_id=invitee.congress_id,
            deputy_ref=invitee.deputy_ref,
            defaults={
                "congress_name": invitee.congress_name,
                "name": invitee.name,
                "level": invitee.level,
                "deputy": deputy,
            },
        )
        if made:
            created.append(invitation)
    return created


def activity_create(
    *,
    tenant: Tenant,
    kind: str,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str,
    invitees: Sequence[Invitee],
    actor: Any,
    internal_notes: str = "",
    now: datetime | None = None,
) -> Activity:
    now = now or timezone.now()
    if kind not in IN_PERSON:
        raise DomainError("activity_kind_invalid", _("活动类型无效。"), field="kind")
    require_text(title, "activity_title_required", _("请填写活动名称。"), field="title")
    require_text(place, "activity_place_required", _("请填写活动地点。"), field="place")
    if ends_at <= starts_at:
        raise DomainError("activity_times_invalid", _("结束时间须晚于开始时间。"), field="ends_at")
    if starts_at <= now:
        raise DomainError("activity_in_past", _("开始时间须晚于现在。"), field="starts_at")
    if not invitees:
        raise DomainError("invitees_required", _("请至少邀请一名代表。"), field="invitees")
    with transaction.atomic():
        activity = Activity.objects.create(
            kind=kind,
            title=title.strip(),
            starts_at=starts_at,
            ends_at=ends_at,
            place=place.strip(),
            organiser_id=tenant.id,
            organiser_name=tenant.name,
            internal_notes=internal_notes,
            created_by_id=getattr(actor, "pk", None),
        )
        _invite(activity, invitees)
        shared = _share(activity, tenant=tenant)
        audit_record(
            action="activities.create",
            actor=actor,
            target=activity,
            payload={"kind": kind, "invitees": len(invitees), "tenants_shared": shared},
        )
        outbox_emit(topic=TOPIC, tenant=tenant)
    return activity


def activity_invite(
    *, activity: Activity, organiser: Congress, picks: Sequence[tuple[int, int]], actor: Any
) -> list[Invitation]:
    """Invite more of the (congress, deputy) `picks` from the directory; every invited tenant
    gets the refreshed snapshot. Only the organiser invites, so a copy is refused before the
    picks are looked at."""
    if not picks:
        raise DomainError("invitees_required", _("请至少邀请一名代表。"), field="invitees")
    with transaction.atomic():
        activity = _organised_here(activity)
        ACTIVITY.require(activity.state, "invite")
        invitees = invitees_from_directory(organiser=organiser, picks=list(picks))
        created = _invite(activity, invitees)
        _share(activity)
        audit_record(
            action="activities.invite",
            actor=actor,
            target=activity,
            payload={"invitees": [f"{i.congress_id}:{i.deputy_ref}" for i in created]},
        )
    return created


def activity_record(*, activity: Activity, minutes: str, outcomes: str, actor: Any) -> Activity:
    """Minutes and outcomes, shared with every invited tenant."""
    with transaction.atomic():
        activity = _organised_here(activity)
        activity.minutes, activity.outcomes = minutes.strip(), outcomes.strip()
        activity.save(update_fields=["minutes", "outcomes"])
        _share(activity)
        audit_record(action="activities.record", actor=actor, target=activity)
    return activity


def activity_cancel(*, activity: Activity, reason: str, actor: Any) -> Activity:
    require_text(reason, "cancel_reason_required", _("请填写取消原因。"), field="reason")
    with transaction.atomic():
        activity = _organised_here(activity)
        activity.state = ACTIVITY.apply(activity.state, "cancel")
        activity.cancel_reason = reason.strip()[:300]
        activity.sign_in_token = ""
        activity.save(update_fields=["state", "cancel_reason", "sign_in_token"])
        _share(activity)
        audit_record(action="activities.cancel", actor=actor, target=activity)
        outbox_emit(topic=TOPIC)
    return activity


def activity_open_sign_in(
    *, activity: Activity, minutes: int, actor: Any, now: datetime | None = None
) -> Activity:
    """A fresh sign-in token valid from now for `minutes`: the QR codes on the organiser's screen
    carry it, and every invited tenant receives it to check its own deputies' sign-ins."""
    now = now or timezone.now()
    if not SIGN_IN_MINUTES[0] <= minutes <= SIGN_IN_MINUTES[1]:
        raise DomainError(
            "sign_in_minutes_invalid",
            _("签到有效时长须在 %(a)d 至 %(b)d 分钟之间。")
            % {"a": SIGN_IN_MINUTES[0], "b": SIGN_IN_MINUTES[1]},
            field="minutes",
        )
    with transaction.atomic():
        activity = _organised_here(activity)
        ACTIVITY.require(activity.state, "open_sign_in")
        if now >= activity.ends_at:
            raise DomainError("activity_over", _("活动已结束，不能再开启签到。"))
        earliest = sign_in_earliest(activity)
        if now < earliest:
            raise DomainError(
                "sign_in_too_early",
                _("签到须在活动开始前 %(h)d 小时内开启（%(at)s 起）。")
                % {
                    "h": int(SIGN_IN_LEAD.total_seconds() // 3600),
                    "at": timezone.localtime(earliest).strftime("%Y-%m-%d %H:%M"),
                },
            )
        activity.sign_in_token = secrets.token_urlsafe(24)
        activity.sign_in_from, activity.sign_in_until = now, now + timedelta(minutes=minutes)
        activity.save(update_fields=["sign_in_token", "sign_in_from", "sign_in_until"])
        _share(activity)
        audit_record(
            action="activities.open_sign_in",
            actor=actor,
            target=activity,
            payload={"until": activity.sign_in_until.isoformat()},
        )
    return activity


def photo_add(*, activity: Activity, file: StoredFile, caption: str, actor: Any) -> Photo:
    if not file.content_type.startswith("image/"):
        raise DomainError("photo_not_image", _("活动照片须为图片。"), field="file_id")
    with transaction.atomic():
        activity = _organised_here(activity)
        photo = Photo.objects.create(activity=activity, file=file, caption=caption.strip()[:200])
        audit_record(action="activities.photo_add", actor=actor, target=photo)
    return photo


def _reply(invitation: Invitation) -> None:
    """Tell the organiser, if it is another tenant, how this deputy answered."""
    activity = invitation.activity
    if not activity.is_copy:
        return
    organiser = congresses_by_id({activity.organiser_id}).get(activity.organiser_id)
    if organiser is None:
        return
    dispatch_send(
        kind=REPLY,
        target=organiser,
        origin_ref=f"{activity.origin_ref}:{invitation.deputy_ref}",
        payload={
            "activity": activity.origin_ref,
            "deputy_ref": invitation.deputy_ref,
            "response": invitation.response,
            "reason": invitation.reason,
            "responded_at": invitation.responded_at.isoformat()
            if invitation.responded_at
            else None,
            "signed_in_at": invitation.signed_in_at.isoformat()
            if invitation.signed_in_at
            else None,
        },
    )


def _own_invitation(invitation: Invitation, actor: Any) -> Invitation:
    locked = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("activity", "deputy")
        .get(pk=invitation.pk)
    )
    if locked.deputy is None or locked.deputy.user_id != getattr(actor, "pk", None):
        raise NotAllowed("invitation_not_own", _("这不是您的活动邀请。"))
    return locked


def invitation_respond(
    *,
    invitation: Invitation,
    accept: bool,
    reason: str = "",
    actor: Any,
    now: datetime | None = None,
) -> Invitation:
    """RSVP in the deputy's own tenant: attend, or take leave (请假) with a reason. A leave is a
    duty-record entry here; attending after all takes it back."""
    now = now or timezone.now()
    if not accept and not reason.strip():
        raise DomainError("leave_reason_required", _("请假须填写事由。"), field="reason")
    with transaction.atomic():
        invitation = _own_invitation(invitation, actor)
        activity = invitation.activity
        ACTIVITY.require(activity.state, "respond")
        if now >= activity.starts_at:
            raise DomainError("rsvp_closed", _("活动已开始，不能再回复。"))
        if invitation.signed_in_at is not None:
            raise Conflict("already_signed_in", _("您已签到。"))
        invitation.response = (
            Invitation.Response.ACCEPTED if accept else Invitation.Response.DECLINED
        )
        invitation.reason = "" if accept else reason.strip()[:300]
        invitation.responded_at = now
        invitation.save(update_fields=["response", "reason", "responded_at"])
        assert invitation.deputy is not None
        if accept:
            duty_entry_withdraw(
                deputy=invitation.deputy,
                kind=DutyKind.LEAVE,
                source_ref=duty_source(activity),
                actor=actor,
            )
        else:
            duty_entry_record(
                deputy=invitation.deputy,
                kind=DutyKind.LEAVE,
                source_ref=duty_source(activity),
                occurred_on=timezone.localdate(activity.starts_at),
                title=activity.title,
                actor=actor,
            )
        _reply(invitation)
        audit_record(
            action="activities.respond",
            actor=actor,
            target=invitation,
            payload={"response": invitation.response},
        )
    return invitation


def invitation_sign_in(
    *, activity: Activity, token: str, actor: Any, now: datetime | None = None
) -> Invitation:
    """Sign in by the QR code's token, in the deputy's own tenant, checked against the token
    this tenant holds (its own activity, or the organiser's latest snapshot). The points are
    added here, in the deputy's own record."""
    now = now or timezone.now()
    with transaction.atomic():
        activity = Activity.objects.select_for_update().get(pk=activity.pk)
        user_id = getattr(actor, "pk", None)
        found = activity.invitations.filter(deputy__user_id=user_id).first() if user_id else None
        if found is None:
            raise NotAllowed("not_invited", _("您未受邀参加该活动。"))
        invitation = _own_invitation(found, actor)
        if invitation.signed_in_at is not None:
            return invitation
        if not sign_in_open(activity, now=now):
            raise DomainError("sign_in_closed", _("现在不在签到时间内。"))
        if not secrets.compare_digest(token.encode(), activity.sign_in_token.encode()):
            raise DomainError(
                "sign_in_token_invalid", _("签到码无效或已更新，请重新扫码。"), field="token"
            )
        invitation.signed_in_at = now
        invitation.response = Invitation.Response.ACCEPTED
        invitation.responded_at = invitation.responded_at or now
        invitation.save(update_fields=["signed_in_at", "response", "responded_at"])
        assert invitation.deputy is not None
        source = duty_source(activity)
        duty_entry_withdraw(
            deputy=invitation.deputy, kind=DutyKind.LEAVE, source_ref=source, actor=actor
        )
        duty_entry_record(
            deputy=invitation.deputy,
            kind=activity.kind,
            source_ref=source,
            occurred_on=timezone.localdate(activity.starts_at),
            title=activity.title,
            actor=actor,
        )
        _reply(invitation)
        audit_record(action="activities.sign_in", actor=actor, target=invitation)
        outbox_emit(topic=TOPIC)
    return invitation

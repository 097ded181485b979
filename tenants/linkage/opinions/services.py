"""Every write of the opinion loop: keyword-only services, one transaction and one audit entry
each. Each state change goes through `_step`, which checks the transition (states.py), writes
the timeline event, the audit entry and the outbox row, and reports the new status to whoever
needs it: the congress below for a copy, the congress above for an escalated opinion's rating.

`now` is a parameter everywhere so tests control time; it defaults to the current time."""

import secrets
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from accounts.selectors import members_with_role
from audit.services import audit_record
from congresses.models import Congress
from congresses.services import module_settings_save
from congresses.tenant import current_tenant
from crossing.services import dispatch_send
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy
from tenants.linkage.duty.models import Kind as DutyKind
from tenants.linkage.duty.services import HomeSeat, duty_entry_record, duty_entry_send
from tenants.linkage.stations.models import Resident, Station
from tenants.notifications.services import notification_send

from . import rules
from .models import Category, Channel, DeclineKind, Event, Opinion, Rating, Status
from .selectors import SETTINGS_MODULE, policy_current, staff_user_ids
from .states import transition_require

TOPIC = "opinions"
ESCALATION = "opinions.escalation"
STATUS_REPORT = "opinions.status"
# No 0/O, 1/I/L: read aloud over the phone and typed on a phone without mistakes.
TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _today(now: datetime) -> date:
    return timezone.localdate(now)


def _locked(opinion: Opinion) -> Opinion:
    return Opinion.objects.select_for_update().get(pk=opinion.pk)


def _tracking_code() -> str:
    while True:
        code = "".join(secrets.choice(TRACKING_ALPHABET) for _ in range(8))
        if not Opinion.objects.filter(tracking_code=code).exists():
            return code


def _label(actor: Any) -> str:
    return str(getattr(actor, "display_name", "") or actor or "")[:150]


def _step(
    opinion: Opinion,
    *,
    action: str,
    actor: Any,
    now: datetime,
    note: str = "",
    public: bool = True,
    fields: tuple[str, ...] = (),
    payload: dict[str, Any] | None = None,
) -> Opinion:
    """Move `opinion` (locked by the caller, fields already set) by `action` and record it."""
    opinion.status = transition_require(opinion, action)
    opinion.save(update_fields=["status", *fields])
    _record(opinion, action=action, actor=actor, now=now, note=note, public=public, payload=payload)
    if opinion.status == Status.CLOSED:
        _credit(opinion, kind=DutyKind.OPINION, now=now, actor=actor)
    return opinion


def _sort(opinion: Opinion, category: str, *, actor: Any, now: datetime) -> Opinion:
    """梳理 `opinion` (locked by the caller) into `category`, recorded as its sort step."""
    opinion.category = category
    return _step(
        opinion,
        action="sort",
        actor=actor,
        now=now,
        fields=("category",),
        payload={"category": category},
    )


def _credit(opinion: Opinion, *, kind: str, now: datetime, actor: Any) -> None:
    """The receiving deputy's duty entry for this opinion (docs/linkage-duty.md): in this
    congress's record for a deputy of its roster, sent to the home record for a posted one."""
    place = opinion.station.name if opinion.station_id and opinion.station else ""
    label = DutyKind(kind).label
    title = f"{label}（{place}）" if place else str(label)
    source_ref = f"opinion:{opinion.pk}"
    if opinion.deputy_id is not None and opinion.deputy is not None:
        duty_entry_record(
            deputy=opinion.deputy,
            kind=kind,
            source_ref=source_ref,
            occurred_on=_today(now),
            title=title,
            actor=actor,
        )
    elif opinion.guest_congress_id is not None and opinion.guest_deputy_id is not None:
        duty_entry_send(
            seat=HomeSeat(opinion.guest_congress_id, opinion.guest_deputy_id),
            kind=kind,
            source_ref=source_ref,
            occurred_on=_today(now),
            title=title,
        )


def _record(
    opinion: Opinion,
    *,
    action: str,
    actor: Any,
    now: datetime,
    note: str = "",
    public: bool = True,
    payload: dict[str, Any] | None = None,
    report: bool = True,
) -> None:
    Event.objects.create(
        opinion=opinion,
        at=now,
        action=action,
        status=opinion.status,
        actor_label=_label(actor),
        note=note,
        public=public,
    )
    audit_record(
        action=f"opinions.{action}",
        actor=actor,
        target=opinion,
        payload={"status": opinion.status, **(payload or {})},
    )
    outbox_emit(topic=TOPIC)
    if opinion.is_copy and report:
        _report_back(opinion)


# --- Policy ------------------------------------------------------------------------------


def policy_set(
    *,
    actor: Any,
    answer_months: int,
    extended_months: int,
    reanswer_months: int,
    due_soon_days: int,
) -> rules.SlaPolicy:
    candidate = rules.SlaPolicy(
        answer_months=answer_months,
        extended_months=extended_months,
        reanswer_months=reanswer_months,
        due_soon_days=due_soon_days,
    )
    if problems := candidate.problems():
        raise DomainError(
            problems[0],
            _(
                "时限设置无效：答复时限1至12个月，延期后时限不少于答复时限且不超过24个月，"
                "重新答复时限1至6个月，临期提醒0至60天。"
            ),
        )
    module_settings_save(
        congress_id=current_tenant().id,
        module=SETTINGS_MODULE,
        values=asdict(candidate),
        actor=actor,
        action="opinions.policy_set",
        payload=asdict(candidate),
    )
    return candidate


# --- Intake ------------------------------------------------------------------------------


def opinion_receive(
    *,
    channel: str,
    content: str,
    citizen_name: str,
    citizen_phone: str = "",
    category: str = "",
    deputy: Deputy | None = None,
    guest: Resident | None = None,
    station: Station | None = None,
    actor: Any = None,
    now: datetime | None = None,
) -> Opinion:
    """登记: an opinion taken at a reception (staff), on the portal, or by a station's QR code.
    The citizen follows it by the tracking code it gets. The receiving deputy is one of this
    roster (`deputy`) or one of another congress posted at `station` (`guest`, a resident by
    the directory); either earns a duty entry in their own record."""
    if channel not in (Channel.RECEPTION, Channel.ONLINE, Channel.QR_CODE):
        raise DomainError("opinion_channel_invalid", _("来源渠道无效。"), field="channel")
    if channel == Channel.QR_CODE and station is None:
        raise DomainError("opinion_station_required", _("扫码提交须注明联络站。"), field="station")
    if category and category not in Category.values:
        raise DomainError("opinion_category_invalid", _("意见类别无效。"), field="category")
    for field, value in (("content", content), ("citizen_name", citizen_name)):
        require_text(
            value, "opinion_field_required", _("请填写意见内容和反映人姓名。"), field=field
        )
    if guest is not None and (
        deputy is not None
        or station is None
        or guest.station_id != station.pk
        or not guest.is_guest
    ):
        raise DomainError("deputy_not_posted", _("该代表未在本联络站进站。"), field="listing_id")
    now = _now(now)
    with transaction.atomic():
        opinion = Opinion.objects.create(
            channel=channel,
            content=content.strip(),
            citizen_name=citizen_name.strip(),
            citizen_phone=citizen_phone.strip(),
            deputy=deputy,
            guest_congress_id=guest.home_congress_id if guest else None,
            guest_deputy_id=guest.home_deputy_id if guest else None,
            guest_name=guest.name if guest else "",
            guest_congress_name=guest.home_congress_name if guest else "",
            station=station,
            tracking_code=_tracking_code(),
            received_at=now,
        )
        note = str(station) if station is not None else ""
        _record(
            opinion, action="receive", actor=actor, now=now, note=note, payload={"channel": channel}
        )
        _credit(opinion, kind=DutyKind.OPINION_RECEIVED, now=now, actor=actor)
        if category:
            _sort(opinion, category, actor=actor, now=now)
    return opinion


def opinion_collect(
    *,
    deputy: Deputy | None,
    content: str,
    citizen_name: str,
    citizen_phone: str = "",
    category: str = "",
    station: Station | None = None,
    actor: Any = None,
    now: datetime | None = None,
) -> Opinion:
    """A deputy of this roster logs an opinion they collected from constituents (on a visit, at
    their station): received as at a reception, with them as the receiving deputy, so it earns
    their duty entry and they follow it on their phone. A station it names must be one they are
    stationed at."""
    if deputy is None:
        raise NotAllowed("not_a_deputy", _("您不在本单位本届代表名册中。"))
    if deputy.status != Deputy.Status.SERVING:
        raise NotAllowed("deputy_not_serving", _("您已不在任，不能登记群众意见。"))
    with transaction.atomic():
        if station is not None and not station.residents.filter(deputy=deputy).exists():
            raise DomainError(
                "opinion_station_not_yours",
                _("您未在该联络站进站，请选择您进站的联络站或不选。"),
                field="station_id",
            )
        return opinion_receive(
            channel=Channel.RECEPTION,
            content=content,
            citizen_name=citizen_name,
            citizen_phone=citizen_phone,
            category=category,
            deputy=deputy,
            station=station,
            actor=actor,
            now=now,
        )


def opinion_sort(
    *, opinion: Opinion, category: str, actor: Any, now: datetime | None = None
) -> Opinion:
    """梳理: the category decides which unit it goes to."""
    if category not in Category.values:
        raise DomainError("opinion_category_invalid", _("意见类别无效。"), field="category")
    now = _now(now)
    with transaction.atomic():
        return _sort(_locked(opinion), category, actor=actor, now=now)


# --- Handling ----------------------------------------------------------------------------


def opinion_assign(
    *,
    opinion: Opinion,
    actor: Any,
    unit_user_id: int | None = None,
    unit_name: str = "",
    due_on: date | None = None,
    now: datetime | None = None,
) -> Opinion:
    """交办: to a unit's account in this tenant or a unit named without one, with a deadline
    (the policy's answer time unless an earlier one is set). A second assignment (the first
    unit returned it) keeps the running deadline unless a new one is given."""
    now = _now(now)
    today, policy = _today(now), policy_current()
    unit_name = unit_name.strip()
    with transaction.atomic():
        opinion = _locked(opinion)
        transition_require(opinion, "assign")
        if unit_user_id is not None:
            membership = (
                members_with_role(congress_id=current_tenant().id, role=Role.UNIT)
                .select_related("user")
                .filter(user_id=unit_user_id)
                .first()
            )
            if membership is None:
                raise DomainError(
                    "unit_unknown", _("所选承办单位不是本级的承办单位账号。"), field="unit_user_id"
                )
            unit_name = unit_name or membership.user.display_name or membership.user.username
        elif not unit_name:
            raise DomainError("unit_required", _("请选择或填写承办单位。"), field="unit_name")
        latest = rules.answer_due(assigned_on=today, policy=policy, extended=False)
        if due_on is not None and not today < due_on <= latest:
            raise DomainError(
                "due_on_invalid",
                _("办理期限须晚于今天，且不超过%(latest)s。") % {"latest": latest.isoformat()},
                field="due_on",
            )
        first = opinion.assigned_on is None
        opinion.unit_user_id, opinion.unit_name = unit_user_id, unit_name[:100]
        if first:
            opinion.assigned_on = today
        if due_on is not None or first:
            opinion.due_on = due_on or latest
        _step(
            opinion,
            action="assign",
            actor=actor,
            now=now,
            note=unit_name,
            fields=("unit_user", "unit_name", "assigned_on", "due_on"),
            payload={
                "unit_user": unit_user_id,
                "unit_name": unit_name,
                "due_on": str(opinion.due_on),
            },
        )
        if unit_user_id is not None:
            notification_send(
                key=f"opinions.assign.{opinion.pk}.{unit_user_id}.{opinion.round}",
                user_ids=[unit_user_id],
                subject=_("新交办的群众意见"),
                body=_("请于%(due)s前答复：%(content)s")
                % {"due": opinion.due_on, "content": opinion.content[:60]},
                link=f"/opinions/{opinion.pk}",
            )
    return opinion


def _require_assignee(opinion: Opinion, actor: Any, *, staff: bool) -> None:
    """A unit acts only on what was assigned to it; staff act on everything."""
    if not staff and opinion.unit_user_id != getattr(actor, "pk", None):
        raise NotAllowed("not_assignee", _("该意见未交办给您的单位。"))


def opinion_start_handling(
    *, opinion: Opinion, actor: Any, staff: bool, now: datetime | None = None
) -> Opinion:
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        _require_assignee(opinion, actor, staff=staff)
        return _step(opinion, action="handle", actor=actor, now=now, note=opinion.unit_name)


def opinion_reply(
    *, opinion: Opinion, answer: str, actor: Any, staff: bool, now: datetime | None = None
) -> Opinion:
    """答复: the unit's answer, which the citizen reads on the tracking page and rates."""
    require_text(answer, "answer_required", _("请填写答复内容。"), field="answer")
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        _require_assignee(opinion, actor, staff=staff)
        opinion.answer, opinion.answered_on = answer.strip(), _today(now)
        opinion.answered_by = opinion.unit_name
        opinion.rating, opinion.rating_comment = "", ""
        return _step(
            opinion,
            action="reply",
            actor=actor,
            now=now,
            note=opinion.answer,
            fields=("answer", "answered_on", "answered_by", "rating", "rating_comment"),
        )


def opinion_extend(
    *, opinion: Opinion, reason: str, actor: Any, now: datetime | None = None
) -> Opinion:
    """延期: once, to the policy's longer time counted from the assignment, with the reason."""
    require_text(reason, "extension_reason_required", _("延期须说明理由。"), field="reason")
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        transition_require(opinion, "extend")
        if opinion.extended or opinion.round > 1 or opinion.assigned_on is None:
            raise Conflict("already_extended", _("办理期限只能延长一次，重新办理不能延期。"))
        opinion.extended, opinion.extension_reason = True, reason.strip()
        opinion.due_on = rules.answer_due(
            assigned_on=opinion.assigned_on, policy=policy_current(), extended=True
        )
        return _step(
            opinion,
            action="extend",
            actor=actor,
            now=now,
            note=opinion.extension_reason,
            fields=("extended", "extension_reason", "due_on"),
            payload={"due_on": str(opinion.due_on)},
        )


def opinion_decline(
    *, opinion: Opinion, kind: str, reason: str, actor: Any, now: datetime | None = None
) -> Opinion:
    """不予受理: a matter with its own legal channel; the citizen sees the reason."""
    if kind not in DeclineKind.values:
        raise DomainError("decline_kind_invalid", _("不予受理情形无效。"), field="kind")
    require_text(reason, "decline_reason_required", _("不予受理须说明理由。"), field="reason")
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        opinion.decline_kind, opinion.decline_reason = kind, reason.strip()
        return _step(
            opinion,
            action="decline",
            actor=actor,
            now=now,
            note=opinion.decline_reason,
            fields=("decline_kind", "decline_reason"),
            payload={"kind": kind},
        )


def opinion_close(*, opinion: Opinion, actor: Any, now: datetime | None = None) -> Opinion:
    """办结归档 of an answered opinion the citizen did not rate."""
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        _step(opinion, action="close", actor=actor, now=now)
        if opinion.escalated_to_id is not None:
            _send_up(opinion)
        return opinion


# --- Rating ------------------------------------------------------------------------------


def opinion_rate(
    *,
    opinion: Opinion,
    rating: str,
    comment: str = "",
    actor: Any = None,
    by_deputy: bool = False,
    now: datetime | None = None,
) -> Opinion:
    """评价 of the answer by the citizen (or 不满意 by the deputy who received the opinion).
    满意/基本满意 close it; 不满意 asks for a new answer within the policy's re-answer time,
    here or, for an escalated opinion, at the congress that answered."""
    if rating not in Rating.values:
        raise DomainError("rating_invalid", _("评价无效。"), field="rating")
    if by_deputy and rating != Rating.DISSATISFIED:
        raise DomainError("rating_invalid", _("代表只能提出不满意意见。"), field="rating")
    now = _now(now)
    with transaction.atomic():
        opinion = _locked(opinion)
        _apply_rating(
            opinion,
            rating=rating,
            comment=comment.strip(),
            actor=actor,
            now=now,
            by_deputy=by_deputy,
        )
    return opinion


def _apply_rating(
    opinion: Opinion, *, rating: str, comment: str, actor: Any, now: datetime, by_deputy: bool
) -> None:
    opinion.rating, opinion.rating_comment = rating, comment
    fields: tuple[str, ...] = ("rating", "rating_comment")
    who = _("代表") if by_deputy else _("群众")
    note = f"{who}：{Rating(rating).label}" + (f"。{comment}" if comment else "")
    payload: dict[str, Any] = {"rating": rating, "by_deputy": by_deputy}
    if rating != Rating.DISSATISFIED:
        action = "rate"
    elif opinion.escalated_to_id is not None:
        action = "reopen_upstream"  # the congress that answered answers again
    else:
        action = "reopen"
        opinion.round += 1
        opinion.due_on = rules.reanswer_due(reopened_on=_today(now), policy=policy_current())
        fields = (*fields, "round", "due_on")
        payload["due_on"] = str(opinion.due_on)
    _step(opinion, action=action, actor=actor, now=now, note=note, fields=fields, payload=payload)
    if action == "reopen" and opinion.unit_user_id is not None:
        notification_send(
            key=f"opinions.reopen.{opinion.pk}.{opinion.round}",
            user_ids=[opinion.unit_user_id],
            subject=_("群众意见需重新答复"),
            body=_("答复未获满意，请于%(due)s前重新答复：%(content)s")
            % {"due": opinion.due_on, "content": opinion.content[:60]},
            link=f"/opinions/{opinion.pk}",
        )
    if opinion.escalated_to_id is not None:
        _send_up(opinion)


# --- Escalation --------------------------------------------------------------------------


def opinion_escalate(
    *, opinion: Opinion, note: str, actor: Any, now: datetime | None = None
) -> Opinion:
    """上报: the parent congress gets a linked copy with only the shared fields (see
    `escalation_payload`) and handles it in its own loop; its status comes back here."""
    require_text(note, "escalation_note_required", _("请说明上报理由。"), field="note")
    now = _now(now)
    here = current_tenant()
    parent = Congress.objects.filter(pk=here.parent_id).first() if here.parent_id else None
    if parent is None:
        raise DomainError("no_parent", _("本级没有上级人大，不能上报。"))
    with transaction.atomic():
        opinion = _locked(opinion)
        if opinion.escalated_to_id is not None:
            raise Conflict("already_escalated", _("该意见已上报。"))
        opinion.escalated_to_id, opinion.escalated_to_name = parent.pk, parent.name
        opinion.escalation_note, opinion.escalated_at = note.strip(), now
        opinion.upstream_status = Status.RECEIVED
        _step(
            opinion,
            action="escalate",
            actor=actor,
            now=now,
            note=_("已上报%(parent)s办理") % {"parent": parent.name},
            fields=(
                "escalated_to_id",
                "escalated_to_name",
                "escalation_note",
                "escalated_at",
                "upstream_status",
            ),
            payload={"to": parent.pk},
        )
        _send_up(opinion)
    return opinion


def escalation_payload(opinion: Opinion) -> dict[str, Any]:
    """What the parent congress gets: the matter, not the person. The name is masked and the
    phone stays here (the parent answers through this congress, which knows the citizen);
    the tracking code stays here too, as it lets anyone read the citizen's page."""
    here = current_tenant()
    return {
        "content": opinion.content,
        "category": opinion.category,
        "citizen": rules.masked_name(opinion.citizen_name),
        "received_on": timezone.localdate(opinion.received_at).isoformat(),
        "station": opinion.station.name if opinion.station else "",
        "note": opinion.escalation_note,
        "origin_chain": [*opinion.origin_chain, here.name] if opinion.is_copy else [here.name],
        # The citizen's rating of the parent's answer (round `rating_round`), once given.
        "rating": opinion.rating if opinion.upstream_round else "",
        "rating_comment": opinion.rating_comment if opinion.upstream_round else "",
        "rating_round": opinion.upstream_round,
    }


def _congress(pk: int | None) -> Congress:
    if pk is None:
        raise ValueError("no congress at the other end of this opinion")
    return Congress.objects.get(pk=pk)


def _send_up(opinion: Opinion) -> None:
    target = _congress(opinion.escalated_to_id)
    dispatch_send(
        kind=ESCALATION, target=target, origin_ref=opinion.pk, payload=escalation_payload(opinion)
    )


def status_payload(opinion: Opinion) -> dict[str, Any]:
    """What goes back to the congress an opinion came from: where it stands and the answer."""
    answered = opinion.status in (Status.REPLIED, Status.CLOSED, Status.REOPENED)
    return {
        "opinion": opinion.origin_ref,
        "status": opinion.status,
        "round": opinion.round,
        "unit_name": opinion.unit_name,
        "due_on": opinion.due_on.isoformat() if opinion.due_on else None,
        "answer": opinion.answer if answered else "",
        "answered_by": opinion.answered_by if answered else "",
        "answered_on": opinion.answered_on.isoformat()
        if answered and opinion.answered_on
        else None,
        "decline_kind": opinion.decline_kind,
        "decline_reason": opinion.decline_reason,
    }


def _report_back(opinion: Opinion) -> None:
    origin = _congress(opinion.origin_id)
    dispatch_send(
        kind=STATUS_REPORT, target=origin, origin_ref=opinion.pk, payload=status_payload(opinion)
    )


def escalation_apply(
    *,
    dispatch_id: int,
    origin: Congress,
    origin_ref: str,
    payload: dict[str, Any],
    now: datetime | None = None,
) -> Opinion | None:
    """In the parent's schema: keep the newest copy of an escalated opinion. A new copy joins
    this congress's loop as received (sorted when it came with a category); a later snapshot
    carrying the citizen's rating of this congress's answer closes or reopens it."""
    now = _now(now)
    copy = (
        Opinion.objects.select_for_update()
        .filter(origin_id=origin.pk, origin_ref=origin_ref)
        .first()
    )
    if copy is not None and (copy.origin_dispatch_id or 0) >= dispatch_id:
        return None  # an older snapshot arriving late
    if copy is None:
        category = payload.get("category", "")
        copy = Opinion.objects.create(
            channel=Channel.ESCALATION,
            content=payload["content"],
            category=category if category in Category.values else "",
            citizen_name=payload.get("citizen", ""),
            tracking_code=_tracking_code(),
            received_at=now,
            origin_id=origin.pk,
            origin_name=origin.name,
            origin_ref=origin_ref,
            origin_dispatch_id=dispatch_id,
            origin_chain=payload.get("origin_chain", []),
        )
        note = _("%(origin)s上报：%(note)s") % {
            "origin": origin.name,
            "note": payload.get("note", ""),
        }
        # A copy that came sorted reports once, after the sorting.
        _record(
            copy,
            action="receive",
            actor=None,
            now=now,
            note=note,
            public=False,
            payload={"dispatch": dispatch_id},
            report=not copy.category,
        )
        if copy.category:
            _step(copy, action="sort", actor=None, now=now, payload={"category": copy.category})
        return copy
    copy.origin_dispatch_id = dispatch_id
    copy.save(update_fields=["origin_dispatch_id"])
    rating = payload.get("rating", "")
    if (
        rating in Rating.values
        and payload.get("rating_round") == copy.round
        and copy.status == Status.REPLIED
    ):
        _apply_rating(
            copy,
            rating=rating,
            comment=payload.get("rating_comment", ""),
            actor=None,
            now=now,
            by_deputy=False,
        )
    return copy


def status_apply(
    *, dispatch_id: int, origin: Congress, payload: dict[str, Any], now: datetime | None = None
) -> Opinion | None:
    """In the escalating congress's schema: the parent's newest status of an opinion this
    congress escalated to it. Its answer becomes the answer here (the citizen reads and rates
    it here); a refusal there is a refusal here, with the parent's reason."""
    now = _now(now)
    opinion = (
        Opinion.objects.select_for_update()
        .filter(pk=int(payload["opinion"]), escalated_to_id=origin.pk)
        .first()
    )
    if opinion is None or (opinion.upstream_dispatch_id or 0) >= dispatch_id:
        return None
    status = payload["status"]
    opinion.upstream_dispatch_id, opinion.upstream_status = dispatch_id, status
    opinion.upstream_round = int(payload.get("round") or 0)
    if payload.get("due_on"):
        opinion.due_on = date.fromisoformat(payload["due_on"])
    fields = ("upstream_dispatch_id", "upstream_status", "upstream_round", "due_on")
    answered = status in (Status.REPLIED, Status.CLOSED)
    if opinion.status == Status.ESCALATED and answered and payload.get("answer"):
        opinion.answer = payload["answer"]
        opinion.answered_by = f"{origin.name} {payload.get('answered_by', '')}".strip()
        opinion.answered_on = date.fromisoformat(payload["answered_on"])
        opinion.rating, opinion.rating_comment = "", ""
        _step(
            opinion,
            action="upstream_reply",
            actor=None,
            now=now,
            note=opinion.answer,
            fields=(*fields, "answer", "answered_by", "answered_on", "rating", "rating_comment"),
        )
    elif opinion.status == Status.ESCALATED and status == Status.DECLINED:
        opinion.decline_kind = payload.get("decline_kind") or DeclineKind.OTHER
        opinion.decline_reason = payload.get("decline_reason") or str(Status.DECLINED.label)
        _step(
            opinion,
            action="upstream_decline",
            actor=None,
            now=now,
            note=opinion.decline_reason,
            fields=(*fields, "decline_kind", "decline_reason"),
        )
    else:
        opinion.save(update_fields=fields)
        _record(
            opinion,
            action="upstream_status",
            actor=None,
            now=now,
            note=_("%(parent)s：%(status)s")
            % {"parent": origin.name, "status": Status(status).label},
            payload={"upstream_status": status},
        )
    return opinion


# --- The beat task's body ----------------------------------------------------------------


def opinions_flag_overdue(*, now: datetime | None = None) -> int:
    """超期: flag each opinion whose running clock passed its deadline, and tell the unit and
    staff once per deadline (a rerun, or the next day's run, flags nothing new). Returns how
    many were flagged now."""
    now = _now(now)
    today = _today(now)
    flagged = 0
    with transaction.atomic():
        late = (
            Opinion.objects.select_for_update(skip_locked=True)
            .filter(
                status__in=(Status.ASSIGNED, Status.HANDLING, Status.REOPENED), due_on__lt=today
            )
            .exclude(overdue_alerted_for=F("due_on"))
        )
        staff = staff_user_ids()
        for opinion in late:
            opinion.overdue_alerted_for = opinion.due_on
            opinion.save(update_fields=["overdue_alerted_for"])
            days = -rules.days_left(due_on=opinion.due_on, today=today)  # type: ignore[arg-type]
            _record(
                opinion,
                action="overdue",
                actor=None,
                now=now,
                public=False,
                note=_("已超过办理期限%(days)d天") % {"days": days},
                payload={"due_on": str(opinion.due_on)},
            )
            recipients = [*staff, *([opinion.unit_user_id] if opinion.unit_user_id else [])]
            notification_send(
                key=f"opinions.overdue.{opinion.pk}.{opinion.due_on}",
                user_ids=recipients,
                subject=_("群众意见办理超期"),
                body=_("办理期限%(due)s已过，请尽快答复：%(content)s")
                % {"due": opinion.due_on, "content": opinion.content[:60]},
                link=f"/opinions/{opinion.pk}",
            )
            flagged += 1
    return flagged

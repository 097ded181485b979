"""Station writes: one transaction and one audit entry each.

Assigning a deputy of another congress (进站 of a higher-level deputy): this congress picks them
from the public directory, keeps a snapshot of the listing, and tells the deputy's own congress by
a `stations.assignment` dispatch. The payload is a whole snapshot of what that congress may know:
the station's public particulars, whether the assignment stands, and the published reception days
on which the deputy is on duty. Ending the assignment, or publishing or cancelling a reception day
with them on duty, sends a fresh snapshot."""

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from congresses.models import Congress
from congresses.selectors import module_settings_values
from congresses.services import module_settings_save
from congresses.tenant import current_tenant
from crossing.services import dispatch_send
from directory.models import DeputyListing
from directory.selectors import congress_related_ids, listing_get
from ops.errors import Conflict, DomainError, require_text
from outbox.services import outbox_emit
from supervision.services import star_review_submit
from tenants.deputies.models import Deputy
from tenants.linkage.duty.models import Kind as DutyKind
from tenants.linkage.duty.services import HomeSeat, duty_entry_record, duty_entry_send

from . import rules
from .models import (
    Assessment,
    AssessmentScore,
    ChecklistItem,
    ReceptionDay,
    Resident,
    StaffMember,
    Station,
    Tier,
)
from .states import ASSESSMENT

ROLLUP_TOPIC = "stations"
ASSIGNMENT_KIND = "stations.assignment"
STATION_FIELDS = ("name", "tier", "parent", "address", "opening_hours", "phone", "introduction")


# The key of this module's row in congresses.ModuleSettings.
SETTINGS_MODULE = "stations"


def settings_get() -> rules.StationSettings:
    values = module_settings_values(congress_id=current_tenant().id, module=SETTINGS_MODULE)
    return rules.StationSettings.from_values(values)


def settings_update(
    *, notice_days: int, star_thresholds: Sequence[int], actor: Any
) -> rules.StationSettings:
    if not 0 <= notice_days <= 30:
        raise DomainError(
            "notice_days_invalid", _("提前公告天数须在 0 到 30 天之间。"), field="notice_days"
        )
    if rules.thresholds_problem(star_thresholds) is not None:
        raise DomainError(
            "star_thresholds_invalid",
            _("星级分数线须为 5 个递增的百分数（1 至 100）。"),
            field="star_thresholds",
        )
    settings = rules.StationSettings(
        notice_days=notice_days, star_thresholds=tuple(star_thresholds)
    )
    module_settings_save(
        congress_id=current_tenant().id,
        module=SETTINGS_MODULE,
        values=settings.as_values(),
        actor=actor,
        action="stations.settings_update",
        payload={"notice_days": notice_days, "star_thresholds": list(star_thresholds)},
    )
    return settings


# Stations --------------------------------------------------------------------------------------


def _check_station(fields: Mapping[str, Any], station: Station | None = None) -> None:
    require_text(
        str(fields.get("name", "")), "station_name_required", _("请填写联络站名称。"), field="name"
    )
    require_text(
        str(fields.get("address", "")),
        "station_address_required",
        _("请填写联络站地址。"),
        field="address",
    )
    tier = fields.get("tier")
    if tier not in Tier.values:
        raise DomainError("station_tier_invalid", _("联络站层级无效。"), field="tier")
    parent: Station | None = fields.get("parent")
    if parent is not None:
        if station is not None and parent.pk == station.pk:
            raise DomainError("station_parent_invalid", _("上级站不能是本站。"), field="parent")
        if not rules.parent_tier_fits(tier=tier, parent_tier=parent.tier):
            raise DomainError(
                "station_parent_invalid", _("上级站的层级须高于本站。"), field="parent"
            )


def station_create(
    *,
    name: str,
    tier: str,
    address: str,
    actor: Any,
    parent: Station | None = None,
    opening_hours: str = "",
    phone: str = "",
    introduction: str = "",
) -> Station:
    fields = {
        "name": name.strip(),
        "tier": tier,
        "parent": parent,
        "address": address.strip(),
        "opening_hours": opening_hours,
        "phone": phone,
        "introduction": introduction,
    }
    _check_station(fields)
    with transaction.atomic():
        station = Station.objects.create(**fields)
        outbox_emit(topic=ROLLUP_TOPIC)
        audit_record(action="stations.station_create", actor=actor, target=station)
    return station


def station_update(*, station: Station, actor: Any, **changes: Any) -> Station:
    unknown = set(changes) - set(STATION_FIELDS)
    if unknown:
        raise ValueError(f"not station fields: {sorted(unknown)}")
    with transaction.atomic():
        station = Station.objects.select_for_update().get(pk=station.pk)
        fields = {name: getattr(station, name) for name in STATION_FIELDS} | changes
        _check_station(fields, station)
        for name, value in changes.items():
            setattr(station, name, value.strip() if name in ("name", "address") else value)
        station.save()
        for resident in station.residents.filter(listing_id__isnull=False):
            _send_assignment(resident, station)
        audit_record(
            action="stations.station_update",
            actor=actor,
            target=station,
            payload={"fields": sorted(changes)},
        )
    return station


def station_staff_set(
    *, station: Station, staff: Sequence[Mapping[str, str]], actor: Any
) -> list[StaffMember]:
    """Replace the station's staff list (站长, 副站长, 联络员)."""
    for member in staff:
        require_text(
            member.get("name", ""), "staff_name_required", _("请填写站务人员姓名。"), field="staff"
        )
        if member.get("duty") not in StaffMember.Duty.values:
            raise DomainError("staff_duty_invalid", _("站务人员职务无效。"), field="staff")
    if sum(1 for member in staff if member["duty"] == StaffMember.Duty.HEAD) > 1:
        raise DomainError("staff_one_head", _("一个联络站只设一名站长。"), field="staff")
    with transaction.atomic():
        station = Station.objects.select_for_update().get(pk=station.pk)
        station.staff.all().delete()
        members = StaffMember.objects.bulk_create(
            StaffMember(
                station=station, name=m["name"].strip(), duty=m["duty"], phone=m.get("phone", "")
            )
            for m in staff
        )
        audit_record(
            action="stations.staff_set", actor=actor, target=station, payload={"count": len(staff)}
        )
    return members


# Residents (进站) --------------------------------------------------------------------------------


def _assignment_payload(resident: Resident, station: Station, *, active: bool) -> dict[str, Any]:
    """What the deputy's own congress learns: the station's public particulars and the deputy's
    published duty days here. Nothing about other residents, staff, or constituents."""
    receptions = (
        resident.receptions.filter(published_at__isnull=False).order_by("date", "starts_at")
        if active
        else ReceptionDay.objects.none()
    )
    return {
        "deputy_id": resident.home_deputy_id,
        "active": active,
        "station": {
            "name": station.name,
            "tier": station.tier,
            "address": station.address,
            "opening_hours": station.opening_hours,
        },
        "receptions": [
            {
                "date": r.date.isoformat(),
                "starts_at": r.starts_at.strftime("%H:%M"),
                "ends_at": r.ends_at.strftime("%H:%M"),
            }
            for r in receptions
        ],
    }


def _send_assignment(resident: Resident, station: Station, *, active: bool = True) -> None:
    target = Congress.objects.get(pk=resident.home_congress_id)
    dispatch_send(
        kind=ASSIGNMENT_KIND,
        target=target,
        origin_ref=resident.pk,
        payload=_assignment_payload(resident, station, active=active),
    )


def residency_add(
    *,
    station: Station,
    actor: Any,
    deputy: Deputy | None = None,
    listing_id: int | None = None,
) -> Resident:
    """进站: station a deputy of this roster, or one of another congress from the directory."""
    if (deputy is None) == (listing_id is None):
        raise DomainError("resident_choice", _("请选择一名代表。"), field="deputy")
    here = current_tenant().congress()
    with transaction.atomic():
        station = Station.objects.select_for_update().get(pk=station.pk)
        listing = None
        if listing_id is not None:
            listing = listing_get(listing_id=listing_id)
            if listing is None or listing.congress_id not in congress_related_ids(here):
                raise DomainError("listing_unknown", _("名录中没有这名代表。"), field="listing")
            if listing.congress_id == here.pk:  # one of ours, picked from the directory
                deputy = Deputy.objects.filter(pk=listing.deputy_id).first()
                listing = None
                if deputy is None:
                    raise DomainError("listing_unknown", _("名录中没有这名代表。"), field="listing")
        if deputy is not None:
            resident = _station_local(station, deputy, here)
        else:
            assert listing is not None
            resident = _station_guest(station, listing)
        audit_record(
            action="stations.residency_add",
            actor=actor,
            target=resident,
            payload={"station": station.pk, "home_congress": resident.home_congress_id},
        )
    return resident


def _station_local(station: Station, deputy: Deputy, here: Any) -> Resident:
    serving = deputy.status == Deputy.Status.SERVING
    home = (here.pk, deputy.pk, here.name)
    return _resident_add(station, deputy, serving, {"deputy": deputy}, home, field="deputy")


def _station_guest(station: Station, listing: DeputyListing) -> Resident:
    home = (listing.congress_id, listing.deputy_id, listing.congress.name)
    key = {"listing_id": listing.pk}
    resident = _resident_add(station, listing, listing.serving, key, home, field="listing")
    _send_assignment(resident, station)
    return resident


def _resident_add(
    station: Station,
    who: Deputy | DeputyListing,
    serving: bool,
    key: dict[str, Any],
    home: tuple[int, int, str],
    *,
    field: str,
) -> Resident:
    """`who` joins the station, refused unless serving and not there yet (`key` finds them);
    `home` is their own congress's id, their id there and the congress's name."""
    if not serving:
        raise DomainError("deputy_not_serving", _("该代表已不在任。"), field=field)
    if station.residents.filter(**key).exists():
        raise Conflict("resident_exists", _("该代表已在本站。"), field=field)
    congress_id, deputy_id, congress_name = home
    return Resident.objects.create(
        station=station,
        **key,
        name=who.name,
        level=who.level,
        home_congress_id=congress_id,
        home_deputy_id=deputy_id,
        home_congress_name=congress_name,
    )


def residency_end(*, resident: Resident, actor: Any) -> None:
    """The deputy leaves the station; their own congress hears it when they came by the directory."""
    with transaction.atomic():
        resident = (
            Resident.objects.select_related("station").select_for_update().get(pk=resident.pk)
        )
        if resident.is_guest:
            _send_assignment(resident, resident.station, active=False)
        audit_record(
            action="stations.residency_end",
            actor=actor,
            target=resident,
            payload={"station": resident.station_id, "home_congress": resident.home_congress_id},
        )
        resident.delete()


# Reception days (接待日) -------------------------------------------------------------------------


def reception_schedule(
    *,
    station: Station,
    on: date,
    starts_at: time,
    ends_at: time,
    on_duty: Sequence[Resident],
    actor: Any,
    topic: str = "",
    now: datetime | None = None,
) -> ReceptionDay:
    """A draft reception day; it shows on the public page once published."""
    today = timezone.localdate(now or timezone.now())
    if on < today:
        raise DomainError("reception_in_past", _("接待日不能早于今天。"), field="date")
    if ends_at <= starts_at:
        raise DomainError("reception_times_invalid", _("结束时间须晚于开始时间。"), field="ends_at")
    if not on_duty:
        raise DomainError("reception_no_deputy", _("请安排至少一名接待代表。"), field="on_duty")
    if any(resident.station_id != station.pk for resident in on_duty):
        raise DomainError(
            "reception_not_resident", _("接待代表须为本站进站代表。"), field="on_duty"
        )
    with transaction.atomic():
        reception = ReceptionDay.objects.create(
            station=station, date=on, starts_at=starts_at, ends_at=ends_at, topic=topic.strip()
        )
        reception.on_duty.set(on_duty)
        audit_record(
            action="stations.reception_schedule",
            actor=actor,
            target=reception,
            payload={"date": on.isoformat(), "on_duty": [r.pk for r in on_duty]},
        )
    return reception


def _resend_guests(residents: Iterable[Resident], station: Station) -> None:
    for resident in residents:
        if resident.is_guest:
            _send_assignment(resident, station)


def _reception_locked(reception: ReceptionDay) -> ReceptionDay:
    """The day, locked (its station read along, not locked) for the caller's transaction."""
    return (
        ReceptionDay.objects.select_for_update(of=("self",))
        .select_related("station")
        .get(pk=reception.pk)
    )


def reception_publish(
    *, reception: ReceptionDay, actor: Any, now: datetime | None = None
) -> ReceptionDay:
    """公告: make a reception day public, no later than the congress's notice period before it."""
    moment = now or timezone.now()
    notice_days = settings_get().notice_days
    with transaction.atomic():
        reception = _reception_locked(reception)
        if reception.published_at is not None:
            raise Conflict("reception_published", _("该接待日已公告。"))
        today = timezone.localdate(moment)
        if not rules.notice_given(
            reception_on=reception.date, today=today, notice_days=notice_days
        ):
            raise DomainError(
                "reception_notice_short",
                _("接待日须至少提前 %(n)d 天公告。") % {"n": notice_days},
                field="date",
            )
        reception.published_at = moment
        reception.save(update_fields=["published_at"])
        _resend_guests(reception.on_duty.all(), reception.station)
        audit_record(action="stations.reception_publish", actor=actor, target=reception)
    return reception


def reception_hold(
    *,
    reception: ReceptionDay,
    actor: Any,
    absent: Sequence[int] = (),
    now: datetime | None = None,
) -> ReceptionDay:
    """已接待: the published day has taken place. Each deputy on duty who received there (all of
    them but those in `absent`, resident ids) earns a 接待选民 entry: in this congress's record for
    a deputy of its roster, sent home by dispatch, the station named, for one of another congress
    (docs/linkage-duty.md). Marking a held day again changes nothing and sends nothing."""
    moment = now or timezone.now()
    with transaction.atomic():
        reception = _reception_locked(reception)
        if reception.held_at is not None:
            return reception
        if reception.published_at is None:
            raise DomainError(
                "reception_not_published", _("接待日尚未公告，不能标记为已接待。"), field="date"
            )
        if reception.date > timezone.localdate(moment):
            raise DomainError("reception_not_yet", _("接待日尚未到来。"), field="date")
        on_duty = list(reception.on_duty.select_related("deputy").order_by("pk"))
        if set(absent) - {r.pk for r in on_duty}:
            raise DomainError(
                "reception_absent_invalid", _("缺席代表须为当天的接待代表。"), field="absent"
            )
        received = [r for r in on_duty if r.pk not in set(absent)]
        if not received:
            raise DomainError(
                "reception_none_received", _("请至少保留一名到场接待的代表。"), field="absent"
            )
        reception.held_at = moment
        reception.received = [{"resident_id": r.pk, "name": r.name} for r in received]
        reception.save(update_fields=["held_at", "received"])
        for resident in received:
            _credit_reception(reception, resident, actor=actor)
        audit_record(
            action="stations.reception_hold",
            actor=actor,
            target=reception,
            payload={"received": [r.pk for r in received], "absent": sorted(set(absent))},
        )
    return reception


def _credit_reception(reception: ReceptionDay, resident: Resident, *, actor: Any) -> None:
    title = f"{DutyKind.RECEPTION.label}（{reception.station.name}）"
    source_ref = f"reception-day:{reception.pk}"
    if resident.deputy is not None:
        duty_entry_record(
            deputy=resident.deputy,
            kind=DutyKind.RECEPTION,
            source_ref=source_ref,
            occurred_on=reception.date,
            title=title,
            actor=actor,
        )
    else:
        duty_entry_send(
            seat=HomeSeat(resident.home_congress_id, resident.home_deputy_id),
            kind=DutyKind.RECEPTION,
            source_ref=source_ref,
            occurred_on=reception.date,
            title=title,
        )


def reception_cancel(*, reception: ReceptionDay, actor: Any) -> None:
    with transaction.atomic():
        reception = _reception_locked(reception)
        if reception.held_at is not None:
            raise Conflict("reception_held", _("该接待日已接待，不能取消。"))
        on_duty = list(reception.on_duty.all())
        was_public = reception.published_at is not None
        audit_record(
            action="stations.reception_cancel",
            actor=actor,
            target=reception,
            payload={"date": reception.date.isoformat(), "published": was_public},
        )
        reception.delete()
        if was_public:
            _resend_guests(on_duty, reception.station)


# The standardisation checklist (N有) -------------------------------------------------------------


def checklist_item_add(
    *, title: str, weight: int, actor: Any, guidance: str = "", position: int | None = None
) -> ChecklistItem:
    require_text(title, "checklist_title_required", _("请填写标准名称。"), field="title")
    if not 0 < weight <= 100:
        raise DomainError("checklist_weight_invalid", _("分值须在 1 到 100 之间。"), field="weight")
    with transaction.atomic():
        if position is None:
            position = ChecklistItem.objects.count() + 1
        item = ChecklistItem.objects.create(
            title=title.strip(), weight=weight, guidance=guidance.strip(), position=position
        )
        audit_record(action="stations.checklist_item_add", actor=actor, target=item)
    return item


def checklist_item_retire(*, item: ChecklistItem, actor: Any) -> ChecklistItem:
    """Retire an item: later assessments leave it out, earlier ones keep their scores."""
    with transaction.atomic():
        item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
        item.active = False
        item.save(update_fields=["active"])
        audit_record(action="stations.checklist_item_retire", actor=actor, target=item)
    return item


Scores = Mapping[int, int]  # checklist item id -> points


def _check_scores(scores: Scores, items: Sequence[ChecklistItem], field: str) -> None:
    by_id = {item.pk: item for item in items}
    unknown = set(scores) - set(by_id)
    if unknown:
        raise DomainError("score_item_unknown", _("评分含有未启用的标准。"), field=field)
    missing = [item.title for item in items if item.pk not in scores]
    if missing:
        raise DomainError(
            "score_missing", _("以下标准尚未评分：%(t)s") % {"t": "、".join(missing)}, field=field
        )
    for item_id, score in scores.items():
        if not 0 <= score <= by_id[item_id].weight:
            raise DomainError(
                "score_out_of_range",
                _("“%(t)s”的得分须在 0 到 %(w)d 之间。")
                % {"t": by_id[item_id].title, "w": by_id[item_id].weight},
                field=field,
            )


def assessment_self_assess(
    *, station: Station, year: int, scores: Scores, actor: Any, now: datetime | None = None
) -> Assessment:
    """The station's self-assessment of the year, submitted to the congress above for stars.

    A congress does not rate its own stations: the snapshot goes to the staff of the congress
    above (`supervision.StarReview`), who award stars or refuse them; their answer comes back by
    a `stations.stars` dispatch (receivers.stars_apply). The city, with none above, keeps its
    self-assessment unrated."""
    items = list(ChecklistItem.objects.filter(active=True))
    if not items:
        raise DomainError("checklist_empty", _("尚未设置规范化建设标准。"))
    _check_scores(scores, items, "self_scores")
    here = current_tenant().congress()
    with transaction.atomic():
        assessment, _created = Assessment.objects.select_for_update().get_or_create(
            station=station, year=year
        )
        ASSESSMENT.require(assessment.state, "submit")
        assessment.scores.all().delete()
        AssessmentScore.objects.bulk_create(
            AssessmentScore(assessment=assessment, item=item, self_score=scores[item.pk])
            for item in items
        )
        assessment.self_total = rules.score_percent([(i.weight, scores[i.pk]) for i in items])
        assessment.state = ASSESSMENT.apply(assessment.state, "submit")
        assessment.submitted_by = actor if getattr(actor, "pk", None) else None
        assessment.submitted_at = now or timezone.now()
        assessment.review_note = ""
        assessment.save()
        if here.parent_id is not None:
            star_review_submit(
                congress=here,
                actor=actor,
                station_ref=station.pk,
                station_name=station.name,
                station_tier=station.tier,
                year=year,
                items=[
                    {"title": i.title, "weight": i.weight, "self_score": scores[i.pk]}
                    for i in items
                ],
                self_total=assessment.self_total,
            )
        audit_record(
            action="stations.assessment_self_assess",
            actor=actor,
            target=assessment,
            payload={"year": year, "total": str(assessment.self_total)},
        )
    return assessment


def assessment_stars_apply(
    *,
    station_id: int,
    year: int,
    awarded: bool,
    stars: int | None,
    expires_on: date | None,
    reason: str,
    reviewed_at: datetime,
) -> Assessment | None:
    """The congress above's answer on a submitted self-assessment (called by the receiver,
    inside the delivery's transaction): stars until `expires_on`, or back to draft with the
    reason so that the station can assess itself again."""
    assessment = (
        Assessment.objects.select_for_update().filter(station_id=station_id, year=year).first()
    )
    if assessment is None:
        return None
    assessment.state = ASSESSMENT.apply(assessment.state, "award" if awarded else "send_back")
    assessment.stars = stars if awarded else None
    assessment.stars_expire_on = expires_on if awarded else None
    assessment.review_note = reason
    assessment.reviewed_by = None
    assessment.reviewed_at = reviewed_at
    assessment.save()
    outbox_emit(topic=ROLLUP_TOPIC)
    audit_record(
        action="stations.assessment_stars_apply",
        actor=None,
        target=assessment,
        payload={"awarded": awarded, "stars": stars},
    )
    return assessment

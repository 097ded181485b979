"""Duty-record writes. Each is one transaction with its audit entry; scores change with the
entries, so every write that changes them tells the rollups (topic "activities")."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record, audit_record_many
from congresses.models import Congress
from congresses.services import module_settings_lock, module_settings_save
from congresses.tenant import require_tenant
from crossing.models import Dispatch
from crossing.services import dispatch_send
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy

from . import rules
from .models import DutyEntry, Kind, Objection, Publication
from .selectors import SETTINGS_MODULE, duty_settings, publication_open_for
from .states import ENTRY, OBJECTION

TOPIC = "activities"
ENTRY_DISPATCH = "duty.entry"


def duty_entry_record(
    *,
    deputy: Deputy,
    kind: str,
    source_ref: str,
    occurred_on: date,
    title: str = "",
    actor: Any | None = None,
    origin: Congress | None = None,
) -> DutyEntry:
    """Record what a deputy did, once per (kind, source_ref, deputy): recording it again returns
    the entry as it is (a withdrawn one counts again; one voided on objection stays voided).
    `origin`: the congress where it was done, when not here (docs/linkage-duty.md)."""
    source_ref = _source_checked(kind, source_ref)
    with transaction.atomic():
        entry, created = DutyEntry.objects.select_for_update().get_or_create(
            deputy=deputy,
            kind=kind,
            source_ref=source_ref[:100],
            defaults={
                "occurred_on": occurred_on,
                "title": title[:200],
                "recorded_by_id": getattr(actor, "pk", None),
                "origin_congress_id": origin.pk if origin is not None else None,
                "origin_congress_name": origin.name[:100] if origin is not None else "",
            },
        )
        if not created and entry.state != DutyEntry.State.WITHDRAWN:
            return entry
        if not created:
            entry.state = ENTRY.apply(entry.state, "count")
            entry.occurred_on = occurred_on
            entry.save(update_fields=["state", "occurred_on"])
        audit_record(
            action="duty.entry_record",
            actor=actor,
            target=entry,
            payload={
                "kind": kind,
                "source_ref": source_ref,
                "deputy": deputy.pk,
                "origin": origin.pk if origin is not None else None,
            },
        )
        outbox_emit(topic=TOPIC)
    return entry


def _source_checked(kind: str, source_ref: str) -> str:
    if kind not in Kind.values:
        raise DomainError("duty_kind_invalid", _("履职类型无效。"), field="kind")
    require_text(
        source_ref, "duty_source_required", _("请填写履职记录的来源。"), field="source_ref"
    )
    return source_ref.strip()


def duty_entries_record(
    *,
    deputy_ids: Sequence[int],
    kind: str,
    source_ref: str,
    occurred_on: date,
    title: str = "",
    actor: Any | None = None,
) -> int:
    """`duty_entry_record` for many deputies of this roster at once (a sign-in sheet's
    出席会议): the same entries and audit, in a number of queries that does not grow with them.
    Returns how many were recorded or counted again."""
    source_ref = _source_checked(kind, source_ref)[:100]
    with transaction.atomic():
        found = {
            entry.deputy_id: entry
            for entry in DutyEntry.objects.select_for_update().filter(
                deputy_id__in=deputy_ids, kind=kind, source_ref=source_ref
            )
        }
        again = [e for e in found.values() if e.state == DutyEntry.State.WITHDRAWN]
        for entry in again:
            entry.state = ENTRY.apply(entry.state, "count")
            entry.occurred_on = occurred_on
        DutyEntry.objects.bulk_update(again, ["state", "occurred_on"])
        created = DutyEntry.objects.bulk_create(
            DutyEntry(
                deputy_id=deputy_id,
                kind=kind,
                source_ref=source_ref,
                occurred_on=occurred_on,
                title=title[:200],
                recorded_by_id=getattr(actor, "pk", None),
            )
            for deputy_id in dict.fromkeys(deputy_ids)
            if deputy_id not in found
        )
        recorded = created + again
        if recorded:
            audit_record_many(
                action="duty.entry_record",
                actor=actor,
                entries=[
                    (
                        entry,
                        {
                            "kind": kind,
                            "source_ref": source_ref,
                            "deputy": entry.deputy_id,
                            "origin": None,
                        },
                    )
                    for entry in recorded
                ],
            )
            outbox_emit(topic=TOPIC)
    return len(recorded)


@dataclass(frozen=True)
class HomeSeat:
    """A deputy of another congress, as a station here knows them: their congress and their id
    in its roster (stations.Resident's snapshot)."""

    congress_id: int
    deputy_id: int


def duty_entry_send(
    *, seat: HomeSeat, kind: str, source_ref: str, occurred_on: date, title: str = ""
) -> None:
    """Work a deputy of another congress did here, sent to their home record as a dispatch in the
    caller's transaction (exactly once; the home names this congress as the origin). Sent once
    per (kind, source_ref, deputy): a second call (another comment in the same deliberation)
    sends nothing. Only what the record needs travels: never the matter's content or the
    constituent."""
    if kind not in Kind.values:
        raise DomainError("duty_kind_invalid", _("履职类型无效。"), field="kind")
    target = Congress.objects.get(pk=seat.congress_id)
    origin_ref = f"{kind}:{source_ref}"[:64]
    if Dispatch.objects.filter(
        kind=ENTRY_DISPATCH,
        origin_id=require_tenant().id,
        origin_ref=origin_ref,
        target=target,
        payload__deputy_id=seat.deputy_id,
    ).exists():
        return
    dispatch_send(
        kind=ENTRY_DISPATCH,
        target=target,
        origin_ref=origin_ref,
        payload={
            "deputy_id": seat.deputy_id,
            "kind": kind,
            "source_ref": source_ref,
            "occurred_on": occurred_on.isoformat(),
            "title": title[:200],
        },
    )


def duty_entry_receive(
    *, origin: Congress, payload: dict[str, Any], posted: bool
) -> DutyEntry | None:
    """In the home schema: record the entry another congress sent, naming it as the origin, if
    that congress posted the deputy (`posted`, asked by the caller of the stations' records).
    Idempotent: the entry's source is prefixed with the origin and unique per kind and deputy."""
    deputy_id = payload.get("deputy_id")
    if not posted or not isinstance(deputy_id, int) or payload.get("kind") not in Kind.values:
        return None
    deputy = Deputy.objects.filter(pk=deputy_id).first()
    if deputy is None:
        return None
    return duty_entry_record(
        deputy=deputy,
        kind=payload["kind"],
        source_ref=f"from:{origin.pk}:{payload['source_ref']}",
        occurred_on=date.fromisoformat(payload["occurred_on"]),
        title=payload.get("title", ""),
        origin=origin,
    )


def duty_entry_withdraw(
    *, deputy: Deputy, kind: str, source_ref: str, actor: Any | None = None
) -> DutyEntry | None:
    """Take back a counted entry because the deputy's own act changed (a leave, then attending)."""
    with transaction.atomic():
        entry = (
            DutyEntry.objects.select_for_update()
            .filter(deputy=deputy, kind=kind, source_ref=source_ref, state=DutyEntry.State.COUNTED)
            .first()
        )
        if entry is None:
            return None
        entry.state = ENTRY.apply(entry.state, "withdraw")
        entry.save(update_fields=["state"])
        audit_record(action="duty.entry_withdraw", actor=actor, target=entry)
        outbox_emit(topic=TOPIC)
    return entry


@dataclass(frozen=True)
class RuleChange:
    kind: str
    points: Decimal
    quarter_cap: Decimal | None = None
    year_cap: Decimal | None = None


def duty_rules_set(
    *,
    changes: list[RuleChange],
    actor: Any,
    base_score: Decimal | None = None,
    ceiling: Decimal | None = None,
    clear_ceiling: bool = False,
    good_from: Decimal | None = None,
    fair_from: Decimal | None = None,
    objection_days: int | None = None,
) -> rules.DutySettings:
    """Change points per kind, caps, the base, the ceiling and the bands; refused as a whole if
    the result does not hold together."""
    for change in changes:
        if change.kind not in Kind.values:
            raise DomainError("duty_kind_invalid", _("履职类型无效。"), field="kind")
    congress_id = require_tenant().id
    with transaction.atomic():
        current = rules.DutySettings.from_values(
            module_settings_lock(congress_id=congress_id, module=SETTINGS_MODULE)
        )
        settings = rules.DutySettings(
            base_score=current.base_score if base_score is None else base_score,
            ceiling=None if clear_ceiling else (current.ceiling if ceiling is None else ceiling),
            good_from=current.good_from if good_from is None else good_from,
            fair_from=current.fair_from if fair_from is None else fair_from,
            objection_days=current.objection_days if objection_days is None else objection_days,
            point_rules={
                **current.point_rules,
                **{c.kind: rules.KindRule(c.points, c.quarter_cap, c.year_cap) for c in changes},
            },
        )
        problems = settings.scheme().problems()
        if problems:
            raise DomainError(problems[0], _("积分规则不成立：%(p)s") % {"p": ", ".join(problems)})
        module_settings_save(
            congress_id=congress_id,
            module=SETTINGS_MODULE,
            values=settings.as_values(),
            actor=actor,
            action="duty.rules_set",
            payload={
                "kinds": [c.kind for c in changes],
                "good_from": str(settings.good_from),
                "fair_from": str(settings.fair_from),
            },
        )
        outbox_emit(topic=TOPIC)
    return settings


def publication_publish(
    *, year: int, quarter: int, actor: Any, now: datetime | None = None
) -> Publication:
    """季度亮分: publish a quarter once it has begun; objections are open for the set days."""
    now = now or timezone.now()
    if quarter not in (1, 2, 3, 4):
        raise DomainError("quarter_invalid", _("季度须为 1 至 4。"), field="quarter")
    first, _last = rules.quarter_span(year, quarter)
    if first > timezone.localdate(now):
        raise DomainError("quarter_not_begun", _("该季度尚未开始，不能公示。"), field="quarter")
    with transaction.atomic():
        if Publication.objects.filter(year=year, quarter=quarter).exists():
            raise Conflict("publication_exists", _("该季度已经公示。"))
        days = duty_settings().objection_days
        publication = Publication.objects.create(
            year=year,
            quarter=quarter,
            published_at=now,
            objection_until=now + timedelta(days=days),
            published_by_id=getattr(actor, "pk", None),
        )
        audit_record(
            action="duty.publish",
            actor=actor,
            target=publication,
            payload={"year": year, "quarter": quarter},
        )
    return publication


def objection_file(
    *, entry: DutyEntry, deputy: Deputy, reason: str, actor: Any, now: datetime | None = None
) -> Objection:
    """A deputy disputes an entry of their own record while its quarter's window is open."""
    now = now or timezone.now()
    if entry.deputy_id != deputy.pk:
        raise NotAllowed("objection_not_own", _("只能对本人的履职记录提出异议。"))
    require_text(reason, "objection_reason_required", _("请填写异议理由。"), field="reason")
    with transaction.atomic():
        publication = publication_open_for(entry.occurred_on, now=now)
        if publication is None:
            raise DomainError("objection_window_closed", _("该记录所在季度不在公示异议期内。"))
        if entry.state == DutyEntry.State.VOIDED:
            raise Conflict("entry_voided", _("该记录已核减。"))
        if Objection.objects.filter(entry=entry, state=Objection.State.OPEN).exists():
            raise Conflict("objection_pending", _("该记录已有待处理的异议。"))
        objection = Objection.objects.create(
            entry=entry, publication=publication, reason=reason.strip(), filed_at=now
        )
        audit_record(action="duty.objection_file", actor=actor, target=objection)
    return objection


def objection_decide(
    *, objection: Objection, uphold: bool, note: str, actor: Any, now: datetime | None = None
) -> Objection:
    """Staff decide: upheld voids the entry (the score recomputes), rejected leaves it."""
    with transaction.atomic():
        objection = (
            Objection.objects.select_for_update().select_related("entry").get(pk=objection.pk)
        )
        OBJECTION.require(objection.state, "uphold" if uphold else "reject")
        require_text(note, "decision_note_required", _("请填写处理意见。"), field="note")
        objection.state = OBJECTION.apply(objection.state, "uphold" if uphold else "reject")
        objection.decision_note = note.strip()
        objection.decided_by_id = getattr(actor, "pk", None)
        objection.decided_at = now or timezone.now()
        objection.save(update_fields=["state", "decision_note", "decided_by_id", "decided_at"])
        if uphold:
            objection.entry.state = ENTRY.apply(objection.entry.state, "void")
            objection.entry.save(update_fields=["state"])
            outbox_emit(topic=TOPIC)
        audit_record(
            action="duty.objection_decide",
            actor=actor,
            target=objection,
            payload={"uphold": uphold, "entry": objection.entry_id},
        )
    return objection

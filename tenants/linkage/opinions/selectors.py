"""Reads of the opinion loop: lists with the clock, what a unit may see, the citizen's page."""

from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import user_ids_with_role, users_with_role
from congresses.selectors import module_settings_values
from congresses.tenant import current_tenant

from . import rules
from .models import Event, Opinion, Status
from .states import CLOCK_RUNNING

# The key of this module's row in congresses.ModuleSettings.
SETTINGS_MODULE = "opinions"


def policy_current() -> rules.SlaPolicy:
    """The congress's SLA clocks as it set them, the defaults for what it did not."""
    values = module_settings_values(congress_id=current_tenant().id, module=SETTINGS_MODULE)
    return rules.SlaPolicy(**{k: int(v) for k, v in values.items() if k in _POLICY_FIELDS})


_POLICY_FIELDS = frozenset(f.name for f in fields(rules.SlaPolicy))


def staff_user_ids() -> list[int]:
    return user_ids_with_role(congress_id=current_tenant().id, role=Role.STAFF)


def unit_accounts() -> list[User]:
    """The handling units with an account in this congress, for the assignment form."""
    return list(users_with_role(congress_id=current_tenant().id, role=Role.UNIT))


def opinions_received_by(*, user_id: int) -> QuerySet[Opinion]:
    """The opinions a deputy took from citizens (at a reception), newest first: the deputy
    follows them and may say the answer does not satisfy."""
    return (
        Opinion.objects.select_related("station", "deputy")
        .filter(deputy__user_id=user_id)
        .order_by("-received_at", "-id")
    )


def opinion_list(
    *,
    unit_user_id: int | None = None,
    status: str = "",
    category: str = "",
    channel: str = "",
    overdue: bool = False,
    escalated: bool | None = None,
    search: str = "",
    today: date | None = None,
) -> QuerySet[Opinion]:
    """Opinions, newest first; only those assigned to `unit_user_id` when it is given (a unit
    sees nothing else)."""
    opinions = Opinion.objects.select_related("station", "deputy")
    if unit_user_id is not None:
        opinions = opinions.filter(unit_user_id=unit_user_id)
    if status:
        opinions = opinions.filter(status=status)
    if category:
        opinions = opinions.filter(category=category)
    if channel:
        opinions = opinions.filter(channel=channel)
    if overdue:
        opinions = opinions.filter(
            status__in=CLOCK_RUNNING, due_on__lt=today or timezone.localdate()
        )
    if escalated is True:
        opinions = opinions.filter(Q(escalated_to_id__isnull=False) | Q(origin_id__isnull=False))
    if search:
        opinions = opinions.filter(Q(content__icontains=search) | Q(tracking_code=search.upper()))
    return opinions.order_by("-received_at", "-id")


def opinion_detail(pk: int, *, unit_user_id: int | None = None) -> Opinion | None:
    opinions = Opinion.objects.select_related("station", "deputy").prefetch_related(
        Prefetch("events", queryset=Event.objects.order_by("at", "id"))
    )
    if unit_user_id is not None:
        opinions = opinions.filter(unit_user_id=unit_user_id)
    return opinions.filter(pk=pk).first()


@dataclass(frozen=True)
class Clock:
    state: str
    days_left: int | None


def opinion_clock(opinion: Opinion, *, today: date, policy: rules.SlaPolicy) -> Clock:
    running = opinion.status in CLOCK_RUNNING
    state = rules.clock_state(due_on=opinion.due_on, today=today, running=running, policy=policy)
    left = rules.days_left(due_on=opinion.due_on, today=today) if opinion.due_on else None
    return Clock(state=state.value, days_left=left if running else None)


def opinion_by_code(code: str) -> Opinion | None:
    return (
        Opinion.objects.select_related("station")
        .prefetch_related(
            Prefetch("events", queryset=Event.objects.filter(public=True).order_by("at", "id"))
        )
        .filter(tracking_code=code.strip().upper(), origin_id__isnull=True)
        .first()
    )


def public_status(opinion: Opinion) -> dict[str, Any]:
    """The citizen's tracking page: where the opinion stands, who handles it, the answer, the
    reason of a refusal, and whether it can be rated now. Nothing about staff or the phone."""
    where = ""
    if opinion.status == Status.ESCALATED:
        upstream = Status(opinion.upstream_status).label if opinion.upstream_status else ""
        where = _("已上报%(parent)s办理：%(status)s") % {
            "parent": opinion.escalated_to_name,
            "status": upstream,
        }
    return {
        "tracking_code": opinion.tracking_code,
        "content": opinion.content,
        "category": opinion.category,
        "channel": opinion.channel,
        "station": opinion.station.name if opinion.station else "",
        "status": opinion.status,
        "status_label": Status(opinion.status).label,
        "received_on": timezone.localdate(opinion.received_at),
        "handled_by": opinion.unit_name,
        "escalated_to": opinion.escalated_to_name,
        "upstream_status": opinion.upstream_status,
        "where": where,
        "due_on": opinion.due_on,
        "answer": opinion.answer if opinion.answered_on else "",
        "answered_by": opinion.answered_by if opinion.answered_on else "",
        "answered_on": opinion.answered_on,
        "rating": opinion.rating,
        "can_rate": opinion.status == Status.REPLIED,
        "decline_reason": opinion.decline_reason,
        "timeline": [_public_event(event) for event in opinion.events.all()],
    }


def _public_event(event: Event) -> dict[str, Any]:
    return {
        "at": event.at,
        "status": event.status,
        "status_label": Status(event.status).label,
        "note": event.note if event.action in PUBLIC_NOTES else "",
    }


# Notes the citizen may read on the timeline (the others name staff or internal remarks).
PUBLIC_NOTES = frozenset(
    {
        "receive",
        "decline",
        "upstream_decline",
        "reply",
        "upstream_reply",
        "upstream_status",
        "extend",
        "escalate",
    }
)

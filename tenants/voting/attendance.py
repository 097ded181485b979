"""Recording who is present: one write for a deputy's own sign-in, a roll call, a card scanned
at the door and a sign-in sheet of two thousand rows alike."""

from collections.abc import Sequence
from typing import Any

from django.utils import timezone

from audit.services import audit_record_many
from ops.events import publish
from tenants.deputies.models import Deputy

from .events import AttendanceSigned
from .models import Attendance, Cycle


def attendances_add(
    *,
    cycle: Cycle,
    deputies: Sequence[Deputy],
    meeting: str,
    actor: Any,
    action: str,
    way: str = "",
) -> set[int]:
    """Record the deputies present at the meeting, inside the caller's transaction (the cycle
    locked, attendance checked open): each once, whoever records it first. Each new mark has its
    audit entry (the deputy and, for staff's roll call, the way); attending the session is the
    deputies' 出席会议, told to the duty record in the same transaction. One query finds who is
    there already and one writes the rest, whatever the number of deputies. Returns the ids of
    the deputies marked now."""
    wanted = list({deputy.pk: deputy for deputy in deputies}.values())
    there = set(
        cycle.attendances.filter(meeting=meeting, deputy__in=wanted).values_list(
            "deputy_id", flat=True
        )
    )
    added = Attendance.objects.bulk_create(
        Attendance(cycle=cycle, deputy=deputy, meeting=meeting)
        for deputy in wanted
        if deputy.pk not in there
    )
    if not added:
        return set()
    audit_record_many(
        action=action,
        actor=actor,
        entries=[(a, {"deputy": a.deputy_id, "by": way} if way else {}) for a in added],
    )
    if meeting == Attendance.Meeting.SESSION:
        publish(
            AttendanceSigned(
                cycle_id=cycle.pk,
                cycle_title=cycle.title,
                deputy_ids=tuple(a.deputy_id for a in added),
                signed_on=timezone.localdate(),
                actor=actor,
            )
        )
    return {a.deputy_id for a in added}

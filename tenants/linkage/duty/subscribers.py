"""The duty record's reactions to other modules' events (ops.events), registered in
DutyConfig.ready."""

from ops.events import subscribe
from tenants.deputies.models import Deputy
from tenants.voting.events import AttendanceSigned, AttendanceWithdrawn, CommentPosted

from .models import Kind
from .services import (
    HomeSeat,
    duty_entries_record,
    duty_entry_record,
    duty_entry_send,
    duty_entry_withdraw,
)


def _cycle_source(cycle_id: int) -> str:
    """What a cycle's entries are about: one 出席会议 and one 审议发言 per deputy and cycle, and a
    withdrawal names the entry it takes back by the same source."""
    return f"voting-cycle-{cycle_id}"


def on_attendance_signed(event: AttendanceSigned) -> None:
    """Attending the voting session counts as 出席会议, in the sign-in's transaction."""
    duty_entries_record(
        deputy_ids=event.deputy_ids,
        kind=Kind.SESSION,
        source_ref=_cycle_source(event.cycle_id),
        occurred_on=event.signed_on,
        title=event.cycle_title,
        actor=event.actor,
    )


def on_attendance_withdrawn(event: AttendanceWithdrawn) -> None:
    """A roll-call mark taken back before the vote: its 出席会议 is taken back with it."""
    duty_entry_withdraw(
        deputy=Deputy.objects.get(pk=event.deputy_id),
        kind=Kind.SESSION,
        source_ref=_cycle_source(event.cycle_id),
        actor=event.actor,
    )


def on_comment_posted(event: CommentPosted) -> None:
    """Speaking in a cycle's deliberation counts as 审议发言, once per deputy and cycle: the first
    comment writes the entry (dated that day), later ones on any candidate find it and change
    nothing. A deputy of another congress attending gets it in their own record, by dispatch with
    this congress named (docs/linkage-duty.md)."""
    source_ref = _cycle_source(event.cycle_id)
    if event.deputy_id is not None:
        duty_entry_record(
            deputy=Deputy.objects.get(pk=event.deputy_id),
            kind=Kind.DELIBERATION,
            source_ref=source_ref,
            occurred_on=event.posted_on,
            title=event.cycle_title,
            actor=event.actor,
        )
    elif event.guest_congress_id is not None and event.guest_deputy_id is not None:
        duty_entry_send(
            seat=HomeSeat(event.guest_congress_id, event.guest_deputy_id),
            kind=Kind.DELIBERATION,
            source_ref=source_ref,
            occurred_on=event.posted_on,
            title=event.cycle_title,
        )


def register() -> None:
    subscribe(AttendanceSigned, on_attendance_signed)
    subscribe(AttendanceWithdrawn, on_attendance_withdrawn)
    subscribe(CommentPosted, on_comment_posted)

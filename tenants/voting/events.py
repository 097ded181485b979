"""What voting tells the other modules (see ops.events). Voting imports none of its subscribers:
duty records attendance and deliberation comments, implementation opens projects and
rectifications, each in its own AppConfig.ready. Events carry ids and plain values, and are
delivered inside the publishing service's transaction."""

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True)
class AttendanceSigned:
    """Deputies signed in to the voting session of a cycle (出席会议): one on the phone, or
    the many of a roll call or a sign-in sheet."""

    cycle_id: int
    cycle_title: str
    deputy_ids: tuple[int, ...]
    signed_on: date
    actor: Any


@dataclass(frozen=True)
class CommentPosted:
    """A deputy commented on a candidate during deliberation (审议发言) on `posted_on`, the
    local date: a deputy of this roster (`deputy_id`), or one of another congress attending
    (their congress and their id in its roster)."""

    cycle_id: int
    cycle_title: str
    candidate_id: int
    deputy_id: int | None
    posted_on: date
    actor: Any
    guest_congress_id: int | None = None
    guest_deputy_id: int | None = None


@dataclass(frozen=True)
class VoteResultsFinal:
    """The vote of a cycle is closed and handed over: the adopted candidates, in rank order."""

    cycle_id: int
    adopted_ids: tuple[int, ...]
    actor: Any


@dataclass(frozen=True)
class EvaluationUnsatisfied:
    """The deputies' evaluation found an adopted candidate 不满意; `counts` is its tally."""

    cycle_id: int
    candidate_id: int
    counts: dict[str, int]
    actor: Any


@dataclass(frozen=True)
class AttendanceWithdrawn:
    """Staff took back a deputy's attendance at the voting session, recorded by mistake before
    the first round opened: the 出席会议 it gave is taken back too."""

    cycle_id: int
    deputy_id: int
    actor: Any

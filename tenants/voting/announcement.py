"""公告: the result of the year's vote reaches the public portal only when staff publish it.

Closing the last round decides the result but publishes nothing: staff preview the
announcement (the PDF, sheets.cycle_announcement) and then publish it, one audited act. The
portal's announcement and its list of announced years read `announcement_published_at` only.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict

from .models import Cycle
from .phases import cycle_locked
from .sheets import closed_rounds, cycle_vote_unfinished


def announcement_ready(cycle: Cycle) -> bool:
    """Whether the vote is over with a result to announce (a round closed, none to follow)."""
    return closed_rounds(cycle).exists() and not cycle_vote_unfinished(cycle)


def announcement_publish(*, cycle: Cycle, actor: Any) -> Cycle:
    """Publish the announcement of the cycle's vote on the public portal. Refused before the
    vote is over and when it is out already (a published announcement is not withdrawn)."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "publish_announcement")
        if not announcement_ready(cycle):
            raise Conflict("announcement_not_ready", _("表决尚未结束，还没有可以公告的结果。"))
        if cycle.announcement_published_at is not None:
            raise Conflict("announcement_published", _("票决结果公告已经发布。"))
        cycle.announcement_published_at = timezone.now()
        cycle.save(update_fields=["announcement_published_at"])
        audit_record(action="voting.announcement_publish", actor=actor, target=cycle)
    return cycle

"""Work a deputy of this roster did at another congress's station, sent here by dispatch
(docs/linkage-duty.md). Runs in this schema inside the delivery's transaction."""

import logging

from crossing.models import Dispatch
from crossing.registry import receiver
from tenants.linkage.stations.selectors import posted_by

from .services import ENTRY_DISPATCH, duty_entry_receive

logger = logging.getLogger(__name__)


@receiver(ENTRY_DISPATCH)
def entry_received(dispatch: Dispatch) -> None:
    deputy_id = dispatch.payload.get("deputy_id")
    posted = isinstance(deputy_id, int) and posted_by(
        deputy_id=deputy_id, congress_id=dispatch.origin_id
    )
    if duty_entry_receive(origin=dispatch.origin, payload=dispatch.payload, posted=posted) is None:
        logger.warning("duty entry %s names no deputy posted by its sender", dispatch.pk)

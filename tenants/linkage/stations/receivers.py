"""Dispatches this module receives: another congress stationed one of our deputies."""

import logging
from datetime import date

from crossing.models import Dispatch
from crossing.registry import receiver
from tenants.deputies.models import Deputy

from .models import Posting
from .services import assessment_stars_apply

logger = logging.getLogger(__name__)


@receiver("stations.assignment")
def posting_apply(dispatch: Dispatch) -> None:
    """Keep the newest snapshot of the assignment; an older dispatch arriving late is ignored."""
    payload = dispatch.payload
    deputy = Deputy.objects.filter(pk=payload["deputy_id"]).first()
    if deputy is None:  # the listing outlived the roster entry: nothing to attach it to
        logger.warning("assignment %s names no deputy of this roster", dispatch.pk)
        return
    current = Posting.objects.filter(
        origin_congress_id=dispatch.origin_id, origin_ref=dispatch.origin_ref
    ).first()
    if current is not None and current.dispatch_id > dispatch.pk:
        return
    station = payload["station"]
    Posting.objects.update_or_create(
        origin_congress_id=dispatch.origin_id,
        origin_ref=dispatch.origin_ref,
        defaults={
            "deputy": deputy,
            "origin_congress_name": dispatch.origin.name,
            "station_name": station["name"],
            "station_tier": station["tier"],
            "station_address": station["address"],
            "station_opening_hours": station.get("opening_hours", ""),
            "active": bool(payload["active"]),
            "receptions": payload.get("receptions", []),
            "dispatch_id": dispatch.pk,
            "updated_at": dispatch.created_at,
        },
    )


@receiver("stations.stars")
def stars_apply(dispatch: Dispatch) -> None:
    """The congress above awarded or refused stars on a station's self-assessment."""
    payload = dispatch.payload
    expires_on = payload.get("expires_on")
    assessment_stars_apply(
        station_id=int(payload["station_id"]),
        year=int(payload["year"]),
        awarded=bool(payload["awarded"]),
        stars=payload.get("stars"),
        expires_on=date.fromisoformat(expires_on) if expires_on else None,
        reason=str(payload.get("reason", "")),
        reviewed_at=dispatch.created_at,
    )

"""Dispatches this module applies in the receiving tenant's schema (platform/crossing). Both keep
the newest by dispatch id, so redelivery and reordering change nothing."""

import logging
from datetime import datetime

from django.utils.dateparse import parse_datetime

from audit.services import audit_record
from crossing.models import Dispatch
from crossing.registry import receiver
from tenants.deputies.models import Deputy

from .models import Activity, Invitation
from .services import INVITATION, REPLY

logger = logging.getLogger(__name__)


def _when(value: str | None) -> datetime | None:
    return parse_datetime(value) if value else None


@receiver(INVITATION)
def invitation_receive(dispatch: Dispatch) -> None:
    """The organiser's snapshot: create or refresh this tenant's copy and its own invitees. The
    copy holds what the payload holds; replies already given here are kept."""
    data = dispatch.payload
    copy = (
        Activity.objects.select_for_update()
        .filter(organiser_id=dispatch.origin_id, origin_ref=dispatch.origin_ref, is_copy=True)
        .first()
    )
    if copy is not None and (copy.snapshot_dispatch_id or 0) >= dispatch.pk:
        return
    sign_in = data.get("sign_in") or {}
    fields = {
        "kind": data["kind"],
        "title": data["title"],
        "place": data["place"],
        "starts_at": _when(data["starts_at"]),
        "ends_at": _when(data["ends_at"]),
        "organiser_name": data["organiser_name"],
        "state": data["state"],
        "cancel_reason": data.get("cancel_reason", ""),
        "minutes": data.get("minutes", ""),
        "outcomes": data.get("outcomes", ""),
        "sign_in_token": sign_in.get("token", ""),
        "sign_in_from": _when(sign_in.get("from")),
        "sign_in_until": _when(sign_in.get("until")),
        "snapshot_dispatch_id": dispatch.pk,
    }
    if copy is None:
        copy = Activity.objects.create(
            organiser_id=dispatch.origin_id, origin_ref=dispatch.origin_ref, is_copy=True, **fields
        )
    else:
        for name, value in fields.items():
            setattr(copy, name, value)
        copy.save()
    refs = []
    for invitee in data["invitees"]:
        refs.append(invitee["deputy_ref"])
        Invitation.objects.update_or_create(
            activity=copy,
            congress_id=dispatch.target_id,
            deputy_ref=invitee["deputy_ref"],
            defaults={
                "congress_name": dispatch.target.name,
                "name": invitee["name"],
                "level": invitee["level"],
                "deputy": Deputy.objects.filter(pk=invitee["deputy_ref"]).first(),
            },
        )
    # No longer invited and not yet answered: gone from the copy.
    copy.invitations.exclude(deputy_ref__in=refs).filter(
        response=Invitation.Response.PENDING, signed_in_at__isnull=True
    ).delete()
    audit_record(
        action="activities.copy_receive",
        target=copy,
        payload={"dispatch": dispatch.pk, "organiser": dispatch.origin_id},
    )


@receiver(REPLY)
def reply_receive(dispatch: Dispatch) -> None:
    """A deputy's answer from their own tenant, applied to the organiser's invitation of that
    deputy; a tenant can only answer for its own deputies."""
    data = dispatch.payload
    invitation = (
        Invitation.objects.select_for_update()
        .filter(
            activity__pk=int(data["activity"]),
            activity__is_copy=False,
            congress_id=dispatch.origin_id,
            deputy_ref=data["deputy_ref"],
        )
        .first()
    )
    if invitation is None:
        logger.warning("reply %s for an invitation that is gone", dispatch.pk)
        return
    if (invitation.reply_dispatch_id or 0) >= dispatch.pk:
        return
    response = data["response"]
    invitation.response = (
        response if response in Invitation.Response.values else invitation.response
    )
    invitation.reason = str(data.get("reason", ""))[:300]
    invitation.responded_at = _when(data.get("responded_at"))
    invitation.signed_in_at = _when(data.get("signed_in_at"))
    invitation.reply_dispatch_id = dispatch.pk
    invitation.save()
    audit_record(
        action="activities.reply_receive",
        target=invitation,
        payload={"dispatch": dispatch.pk, "response": invitation.response},
    )

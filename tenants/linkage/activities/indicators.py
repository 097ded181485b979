"""The figures this module reports to the city's rollups (topic "activities")."""

from decimal import Decimal

from rollups.registry import indicators
from tenants.linkage.duty.selectors import deputies_active

from .models import Activity, Invitation


@indicators("activities")
def figures(year: int) -> dict[str, int | Decimal | str | None]:
    """activities: organised here in the year and not cancelled; activity_attendances: sign-ins
    of this congress's own deputies in the year, wherever organised (each sign-in is counted
    once, in the deputy's own tenant); deputies_active: deputies with a counted duty entry."""
    return {
        "activities": Activity.objects.filter(
            is_copy=False, starts_at__year=year, state=Activity.State.SCHEDULED
        ).count(),
        "activity_attendances": Invitation.objects.filter(
            deputy__isnull=False, signed_in_at__isnull=False, activity__starts_at__year=year
        ).count(),
        "deputies_active": deputies_active(year=year),
    }

"""The figures this module reports to the city's rollups (topic "activities"); docs/indicators.md
defines them. The participation rate divides deputies_active by deputies: both are counted here,
over the same serving deputies of the current term, so the rate cannot pass 100%."""

from django.db.models import Q

from rollups.registry import Figures, indicators
from tenants.deputies.models import Deputy

from .models import Activity, Invitation


@indicators("activities")
def figures(year: int) -> Figures:
    """activities: organised here in the year and not cancelled; activity_attendances: sign-ins
    of this congress's own deputies at the year's activities, wherever organised (a sign-in is
    counted once, in the deputy's own tenant); deputies_active: the serving deputies among them,
    each once; deputies: the serving deputies of the current term."""
    serving = Q(status=Deputy.Status.SERVING, term__is_current=True)
    signed_in = Invitation.objects.filter(
        deputy__isnull=False, signed_in_at__isnull=False, activity__starts_at__year=year
    )
    return {
        "activities": Activity.objects.filter(
            is_copy=False, starts_at__year=year, state=Activity.State.SCHEDULED
        ).count(),
        "activity_attendances": signed_in.count(),
        "deputies_active": Deputy.objects.filter(
            serving, pk__in=signed_in.values("deputy_id")
        ).count(),
        "deputies": Deputy.objects.filter(serving).count(),
    }

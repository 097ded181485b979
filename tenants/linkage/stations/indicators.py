"""The stations' figures for the city's rollups (topic "stations")."""

from django.db.models import Sum
from django.utils import timezone

from rollups.registry import Figures, indicators

from .models import Assessment, Station


@indicators("stations")
def figures(year: int) -> Figures:
    # Stars are awarded by the congress above and hold for a year: counted while they hold,
    # whichever year's assessment earned them (docs/indicators.md).
    rated = Assessment.objects.filter(
        state=Assessment.State.REVIEWED, stars_expire_on__gt=timezone.localdate()
    )
    return {
        "stations": Station.objects.count(),
        "stations_rated": rated.count(),
        "star_total": rated.aggregate(total=Sum("stars"))["total"] or 0,
    }

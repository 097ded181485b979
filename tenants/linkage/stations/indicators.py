"""The stations' figures for the city's rollups (topic "stations")."""

from django.db.models import Sum

from rollups.registry import Figures, indicators

from .models import Assessment, Station


@indicators("stations")
def figures(year: int) -> Figures:
    rated = Assessment.objects.filter(year=year, state=Assessment.State.REVIEWED)
    return {
        "stations": Station.objects.count(),
        "stations_rated": rated.count(),
        "star_total": rated.aggregate(total=Sum("stars"))["total"] or 0,
    }

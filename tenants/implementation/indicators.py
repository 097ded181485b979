"""The figures the city rolls up from implementation (topic "implementation")."""

from django.utils import timezone

from rollups.registry import Figures, indicators

from .selectors import figures_for_year, midyear_heard_on


@indicators("implementation")
def figures(year: int) -> Figures:
    return {
        **figures_for_year(year, today=timezone.localdate()),
        "route_midyear": midyear_heard_on(year),
    }

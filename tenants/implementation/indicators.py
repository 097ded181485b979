"""The figures the city rolls up from implementation (topic "implementation")."""

from django.utils import timezone

from rollups.registry import Figures, indicators

from .selectors import figures_for_year


@indicators("implementation")
def figures(year: int) -> Figures:
    return dict(figures_for_year(year, today=timezone.localdate()))

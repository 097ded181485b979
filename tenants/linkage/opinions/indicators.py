"""The figures the city's rollups read for a year (topic "opinions"). Each opinion counts once,
in the congress that took it from the citizen: a copy escalated from below is left out, so a
county's figures and its townships' add up without counting one matter twice."""

from django.db.models import Count, F, Q
from django.utils import timezone

from rollups.registry import Figures, indicators

from .models import Opinion, Status
from .states import CLOCK_RUNNING


@indicators("opinions")
def figures(year: int) -> Figures:
    today = timezone.localdate()
    counts = Opinion.objects.filter(origin_id__isnull=True, received_at__year=year).aggregate(
        opinions=Count("pk"),
        opinions_closed=Count("pk", filter=Q(status=Status.CLOSED)),
        opinions_on_time=Count(
            "pk", filter=Q(answered_on__isnull=False, answered_on__lte=F("due_on"))
        ),
        opinions_overdue=Count(
            "pk",
            filter=Q(status__in=CLOCK_RUNNING, due_on__lt=today)
            # escalated: running on the parent's clock, whose deadline it reports back
            | Q(status=Status.ESCALATED, upstream_status__in=CLOCK_RUNNING, due_on__lt=today)
            | Q(answered_on__isnull=False, answered_on__gt=F("due_on")),
        ),
    )
    return {key: int(value) for key, value in counts.items()}

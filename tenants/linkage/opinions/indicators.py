"""The figures the city's rollups read for a year (topic "opinions"); docs/indicators.md defines
them. An opinion counts in every congress that holds it: the township that took it from the
citizen and, once escalated, the county that received the copy, each for its own handling of it.
`opinions_escalated_in` says how many a congress holds as copies from below, so the matters
citizens raised are `opinions - opinions_escalated_in` in any sum."""

from django.db.models import Count, F, Q
from django.utils import timezone

from rollups.registry import Figures, indicators

from .models import Opinion, Status
from .states import CLOCK_RUNNING


@indicators("opinions")
def figures(year: int) -> Figures:
    today = timezone.localdate()
    closed = Q(status=Status.CLOSED)
    counts = Opinion.objects.filter(received_at__year=year).aggregate(
        opinions=Count("pk"),
        opinions_escalated_in=Count("pk", filter=Q(origin_id__isnull=False)),
        opinions_closed=Count("pk", filter=closed),
        # On time is a kind of closed: the rate divides by the closed ones, so it counts only
        # them (an answer on time still awaiting the citizen's rating is not yet 办结).
        opinions_on_time=Count("pk", filter=closed & Q(answered_on__lte=F("due_on"))),
        opinions_overdue=Count(
            "pk",
            filter=Q(status__in=CLOCK_RUNNING, due_on__lt=today)
            # escalated: running on the parent's clock, whose deadline it reports back
            | Q(status=Status.ESCALATED, upstream_status__in=CLOCK_RUNNING, due_on__lt=today)
            | Q(answered_on__isnull=False, answered_on__gt=F("due_on")),
        ),
    )
    return {key: int(value) for key, value in counts.items()}

"""评估 figures for the city's rollups (topic "evaluation"): the year's projects by the deputies'
result, and the overall satisfaction rate. Runs in the tenant's schema (rollups.registry)."""

from decimal import Decimal

from rollups.registry import Figures, indicators

from .models import Cycle, Round
from .rules import rate_percent
from .satisfaction import Mark, Outcome


@indicators("evaluation")
def figures(year: int) -> Figures:
    """satisfaction_rate: (满意 + 基本满意) / valid ballots over all the year's projects, a share
    from 0 to 1 (弃权 is a valid ballot); None until the evaluation has closed."""
    round_ = Round.objects.filter(
        cycle__in=Cycle.objects.filter(year=year),
        kind=Round.Kind.EVALUATION,
        state=Round.State.CLOSED,
    ).first()
    result = (round_.result or {}) if round_ is not None else {}
    outcomes = list(result.get("outcomes", {}).values())
    approving = valid = 0
    for counts in result.get("counts", {}).values():
        approving += counts[Mark.SATISFIED] + counts[Mark.BASIC]
        valid += sum(counts.values())
    rate = rate_percent(approving, valid)
    return {
        "rated_satisfied": outcomes.count(Outcome.SATISFIED),
        "rated_basic": outcomes.count(Outcome.BASIC),
        "rated_unsatisfied": outcomes.count(Outcome.UNSATISFIED),
        # The same half-up rounding as every rate shown: a share of 0.9063 is 90.63 %.
        "satisfaction_rate": None if rate is None else (rate / 100).quantize(Decimal("0.0001")),
    }

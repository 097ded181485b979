"""评估 figures for the city's rollups (topic "evaluation"): the year's projects by the deputies'
result, and the ballots behind the satisfaction rate. Runs in the tenant's schema
(rollups.registry); docs/indicators.md defines them."""

from rollups.registry import Figures, indicators

from .models import Cycle, Round
from .satisfaction import Mark, Outcome


@indicators("evaluation")
def figures(year: int) -> Figures:
    """ballots_satisfied / ballots_valid is the satisfaction rate (rollups/catalog.py): the marks
    满意 and 基本满意 over every valid mark (弃权 is valid), over all the year's projects, once
    the evaluation has closed; before that both are 0 and the rate reads as no data."""
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
    return {
        "rated_satisfied": outcomes.count(Outcome.SATISFIED),
        "rated_basic": outcomes.count(Outcome.BASIC),
        "rated_unsatisfied": outcomes.count(Outcome.UNSATISFIED),
        "ballots_satisfied": approving,
        "ballots_valid": valid,
    }

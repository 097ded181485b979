from django.db.models import QuerySet

from tenants.deputies.models import Deputy

from . import rules
from .models import Cycle, Round


def cycle_rule_set(cycle: Cycle) -> rules.RuleSet:
    return rules.RuleSet(
        seats=cycle.seats,
        min_surplus=cycle.min_surplus,
        ballot_form=rules.BallotForm(cycle.ballot_form),
        threshold_base=rules.ThresholdBase(cycle.threshold_base),
        quorum_numerator=cycle.quorum_numerator,
        quorum_denominator=cycle.quorum_denominator,
        shortfall=rules.ShortfallRule(cycle.shortfall),
    )


def cycle_entitled_deputies(cycle: Cycle) -> QuerySet[Deputy]:
    """The deputies who may vote: serving deputies of the cycle's term."""
    return Deputy.objects.filter(term=cycle.term, status=Deputy.Status.SERVING)


def round_live_count(round_: Round) -> int:
    """Ballots cast so far: what the chair sees, never their content."""
    return round_.participations.count()

"""票决 figures for the city's rollups: the year's cycle phase, proposals, candidates and the
projects adopted, the days the cycle reached the stages of the year's route (docs/route.md), and
the rule template the cycle started from.
Runs in the tenant's schema (rollups.registry)."""

from datetime import date, datetime

from django.db.models import Min
from django.utils import timezone

from rollups.registry import Figures, indicators

from .models import Candidate, Cycle, GovernanceStep, Phase, Proposal, Round
from .rule_templates import template_binding_figures

ROUTE_KEYS = (
    "route_solicit_close",
    "route_consultation",
    "route_party_review",
    "route_vote",
    "route_announce",
    "route_evaluation",
)


def _iso(held_on: date | None) -> str | None:
    return held_on.isoformat() if held_on else None


def _day(moment: datetime | None) -> str | None:
    return timezone.localdate(moment).isoformat() if moment else None


def route_dates(cycle: Cycle) -> Figures:
    """The day (ISO, Beijing time) the cycle reached each stage of the route that voting owns,
    or None while it has not."""
    held = dict(
        cycle.governance_steps.values("kind")
        .annotate(first=Min("held_on"))
        .values_list("kind", "first")
    )
    closed = cycle.rounds.filter(state=Round.State.CLOSED)
    vote_closed = closed.exclude(kind=Round.Kind.EVALUATION).aggregate(first=Min("closed_at"))
    evaluation_closed = closed.filter(kind=Round.Kind.EVALUATION).aggregate(first=Min("closed_at"))
    entered = cycle.phase_entered_on or {}

    return {
        "route_solicit_close": entered.get(Phase.SHORTLIST.value),
        "route_consultation": _iso(held.get(GovernanceStep.Kind.CONSULTATION.value)),
        "route_party_review": _iso(held.get(GovernanceStep.Kind.PARTY_REVIEW.value)),
        "route_vote": _day(vote_closed["first"]),
        "route_announce": entered.get(Phase.IMPLEMENT.value),
        "route_evaluation": _day(evaluation_closed["first"]),
    }


@indicators("voting")
def figures(year: int) -> Figures:
    cycle = Cycle.objects.filter(year=year).first()
    if cycle is None:
        return {
            "voting_phase": None,
            "proposals": 0,
            "candidates": 0,
            "adopted": 0,
            **dict.fromkeys(ROUTE_KEYS),
            **template_binding_figures(None),
        }
    statuses = list(cycle.candidates.values_list("status", flat=True))
    return {
        "voting_phase": cycle.phase,
        "proposals": cycle.proposals.exclude(status=Proposal.Status.MERGED).count(),
        "candidates": len(statuses),
        "adopted": statuses.count(Candidate.Status.ADOPTED),
        **route_dates(cycle),
        **template_binding_figures(cycle),
    }

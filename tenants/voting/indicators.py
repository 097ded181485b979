"""票决 figures for the city's rollups: the year's cycle phase, proposals, candidates and the
projects adopted. Runs in the tenant's schema (rollups.registry)."""

from rollups.registry import Figures, indicators

from .models import Candidate, Cycle, Proposal


@indicators("voting")
def figures(year: int) -> Figures:
    cycle = Cycle.objects.filter(year=year).first()
    if cycle is None:
        return {"voting_phase": None, "proposals": 0, "candidates": 0, "adopted": 0}
    statuses = list(cycle.candidates.values_list("status", flat=True))
    return {
        "voting_phase": cycle.phase,
        "proposals": cycle.proposals.exclude(status=Proposal.Status.MERGED).count(),
        "candidates": len(statuses),
        "adopted": statuses.count(Candidate.Status.ADOPTED),
    }

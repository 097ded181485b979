"""明白账: the public account of a year's livelihood projects. Each project's target, outcome and
money come from implementation (`projects_for_account`); its rating from the deputies' closed
evaluation; the public's online rating is shown beside it, never mixed in. Reads only."""

from collections import defaultdict

from django.db.models import Count

from tenants.implementation.selectors import projects_for_account
from tenants.voting import satisfaction
from tenants.voting.documents import Account, AccountLine
from tenants.voting.evaluation import evaluation_round
from tenants.voting.models import Cycle, Phase, PublicRating, Round

PUBLISHED_PHASES = (Phase.IMPLEMENT, Phase.EVALUATE, Phase.CLOSED)
PUBLIC_MARKS = ("satisfied", "basic", "unsatisfied")


def published_cycle(year: int) -> Cycle | None:
    """The year's cycle once its projects are in implementation; before that there is no account."""
    return Cycle.objects.filter(year=year, phase__in=PUBLISHED_PHASES).first()


def public_rating_counts(cycle: Cycle) -> dict[int, dict[str, int]]:
    counts: dict[int, dict[str, int]] = defaultdict(lambda: dict.fromkeys(PUBLIC_MARKS, 0))
    rows = (
        PublicRating.objects.filter(candidate__cycle=cycle)
        .values("candidate_id", "mark")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        counts[row["candidate_id"]][row["mark"]] = row["n"]
    return counts


def candidates_rated_by(cycle: Cycle, rater_key: str) -> list[int]:
    return list(
        PublicRating.objects.filter(candidate__cycle=cycle, rater_key=rater_key).values_list(
            "candidate_id", flat=True
        )
    )


def cycle_account(cycle: Cycle, *, congress: str) -> Account:
    round_ = evaluation_round(cycle)
    closed = round_ is not None and round_.state == Round.State.CLOSED
    result = (round_.result or {}) if round_ is not None and closed else {}
    public = public_rating_counts(cycle)
    lines = []
    for project in projects_for_account(cycle=cycle):
        key = str(project.candidate_id)
        stage = next((s for s in project.stages.all() if s.year == cycle.year), None)
        counts = result.get("counts", {}).get(key)
        lines.append(
            AccountLine(
                candidate_id=project.candidate_id,
                rank=project.candidate.rank,
                name=project.name,
                category=project.category,
                unit=project.unit.name if project.unit else "",
                # A multi-year project is rated on this year's stage (domain-practice.md §1.8).
                target=stage.target if stage else project.annual_target,
                outcome=project.outcome,
                percent=project.percent,
                completed=project.completed_on is not None,
                funds_planned=project.funds_planned,
                funds_allocated=project.funds_allocated,
                funds_spent=project.funds_spent,
                result=result.get("outcomes", {}).get(key),
                counts=counts,
                rate=satisfaction.satisfaction_rate(satisfaction.MarkCount(**counts))
                if counts
                else None,
                rate_base="valid" if counts else None,
                verdict=result.get("verdicts", {}).get(key),
                public=public.get(project.candidate_id, dict.fromkeys(PUBLIC_MARKS, 0)),
            )
        )
    return Account(
        congress=congress,
        year=cycle.year,
        title=cycle.title,
        evaluated=closed,
        public_rating_open=bool(
            cycle.evaluation_public_rating
            and round_ is not None
            and round_.state == Round.State.OPEN
        ),
        lines=lines,
    )

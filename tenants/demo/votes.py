"""A township's year voted through to implementation, as the demo's evaluation and implementation
townships both begin: run through the real services, so the demo holds what a real year holds."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from accounts.models import User
from filestore.services import file_store
from tenants.deputies.models import Deputy, Term
from tenants.implementation.models import Project
from tenants.implementation.selectors import projects_for_account
from tenants.voting.announcement import announcement_publish
from tenants.voting.models import Candidate, Cycle
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    candidate_add,
    cycle_create,
    cycle_open_voting,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance, governance_record

from . import data


@dataclass(frozen=True)
class VotedYear:
    cycle: Cycle
    deputies: list[Deputy]  # the current term's, by id
    projects: list[Project]  # in the order of the adopted candidates


def year_voted(
    *,
    operator: User,
    year: int,
    title: str,
    party_review: tuple[date, str],
    adopted: Sequence[tuple[str, str, str]],
    not_adopted: tuple[str, str, str, str],
    not_adopted_yes: int = 0,
) -> VotedYear:
    """The year's cycle with the `adopted` candidates (name, category, planned cost in 万元) and
    one that fails (`not_adopted`: name, category, cost, summary), and the party review (its day
    and summary) with minutes. Every deputy signs in and votes for each adopted candidate; the
    first `not_adopted_yes` of them vote for the other too. The result is announced and handed
    over to implementation."""
    term = Term.objects.get(is_current=True)
    deputies = list(Deputy.objects.filter(term=term).order_by("pk"))
    cycle = cycle_create(year=year, title=title, term=term, actor=operator, seats=len(adopted))
    cycle = cycle_advance(cycle=cycle, actor=operator)
    unsummarised = [(name, category, cost, "") for name, category, cost in adopted]
    for name, category, cost, summary in [*unsummarised, not_adopted]:
        candidate_add(
            cycle=cycle,
            name=name,
            category=category,
            estimated_cost=Decimal(cost),
            summary=summary,
            actor=operator,
        )
    held_on, review = party_review
    governance_record(
        cycle=cycle,
        kind="party_review",
        held_on=held_on,
        summary=review,
        minutes=file_store(uploaded_by=operator, name="党委会议纪要.pdf", data=data.MINUTES_PDF),
        actor=operator,
    )
    cycle = cycle_advance(cycle=cycle, actor=operator)
    cycle = cycle_open_voting(cycle=cycle, actor=operator)
    for deputy in deputies:
        attendance_sign_in(cycle=cycle, deputy=deputy, actor=operator)
    round_ = round_open(cycle=cycle, actor=operator)
    *listed, failing = Candidate.objects.filter(cycle=cycle).order_by("sequence")
    for i, deputy in enumerate(deputies):
        choices = {str(c.pk): "yes" for c in listed}
        choices[str(failing.pk)] = "yes" if i < not_adopted_yes else "no"
        ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices, actor=operator)
    round_close(round_id=round_.pk, actor=operator)
    announcement_publish(cycle=cycle, actor=operator)
    vote_results_hand_over(cycle=cycle, actor=operator)
    return VotedYear(cycle, deputies, list(projects_for_account(cycle=cycle)))

"""Builders for implementation tests: a cycle whose vote adopted two of four candidates (all from
proposals), handed over to implementation, and units with their accounts."""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from accounts.models import User
from accounts.services import membership_grant
from congresses.models import Congress
from tenants.deputies.models import Deputy
from tenants.implementation.models import Project, Unit
from tenants.implementation.selectors import projects_for_account
from tenants.implementation.services import (
    PlanChange,
    project_plan,
    unit_create,
)
from tenants.voting.models import Candidate, Cycle
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    cycle_create,
    round_open,
)
from tenants.voting.solicitation import (
    candidate_from_proposal,
    cycle_advance,
    proposal_screen,
)
from tests.conftest import PASSWORD
from tests.factories import make_term
from tests.tenants.voting.factories import (
    department_proposal,
    make_deputies,
    party_review,
    vote_and_close,
    voting_opened,
)


@dataclass
class Voted:
    cycle: Cycle
    deputies: list[Deputy]
    adopted: list[Candidate]
    not_adopted: list[Candidate]


def make_voted_cycle(*, year: int = 2027) -> Voted:
    """Four candidates from proposals, two seats; the first two adopted by all ten deputies."""
    deputies = make_deputies(10, users=True)
    cycle = cycle_create(
        year=year, title=f"{year}年民生实事", term=make_term(), actor=None, seats=2
    )
    proposals = [
        department_proposal(cycle, f"项目{i + 1}", Decimal(cost))
        for i, cost in enumerate(("120.50", "80", "60", "40"))
    ]
    cycle = cycle_advance(cycle=cycle, actor=None)
    candidates = []
    for proposal in proposals:
        proposal_screen(proposal=proposal, accept=True, actor=None)
        candidates.append(candidate_from_proposal(proposal=proposal, actor=None))
    party_review(cycle, "同意")
    cycle = voting_opened(cycle, deputies)
    a, b, c, d = candidates
    vote_and_close(round_open(cycle=cycle, actor=None), deputies, a, b)
    fresh = {x.pk: x for x in Candidate.objects.filter(cycle=cycle)}
    return Voted(
        cycle=cycle,
        deputies=deputies,
        adopted=[fresh[a.pk], fresh[b.pk]],
        not_adopted=[fresh[c.pk], fresh[d.pk]],
    )


def unit_account(congress: Congress, username: str, email: str = "") -> User:
    user = User.objects.create_user(username=username, password=PASSWORD, email=email)
    with transaction.atomic():
        membership_grant(user=user, congress=congress, roles=["unit"], granted_by=None)
    return user


@dataclass
class Underway:
    voted: Voted
    projects: list[Project]
    unit: Unit
    other_unit: Unit
    reporter: User
    other_reporter: User


def make_underway(congress: Congress, *, year: int = 2027, voted: Voted | None = None) -> Underway:
    """The voted cycle in implementation: project 1 with 住建办 (reporter), project 2 with 交通办."""
    voted = voted or make_voted_cycle(year=year)
    vote_results_hand_over(cycle=voted.cycle, actor=None)
    projects = list(projects_for_account(cycle=voted.cycle))
    reporter = unit_account(congress, f"zjb-{year}", "zjb@example.cn")
    other_reporter = unit_account(congress, f"jtb-{year}", "jtb@example.cn")
    unit = unit_create(name="住建办", member_ids=[reporter.pk], actor=None)
    other_unit = unit_create(name="交通办", member_ids=[other_reporter.pk], actor=None)
    change = PlanChange(unit=unit, owner_name="张主任", funds_allocated=Decimal(100))
    projects[0] = project_plan(project=projects[0], change=change, actor=None)
    projects[1] = project_plan(project=projects[1], change=PlanChange(unit=other_unit), actor=None)
    return Underway(voted, projects, unit, other_unit, reporter, other_reporter)

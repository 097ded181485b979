"""Builders for voting tests: a cycle with deputies signed in and a round open."""

from dataclasses import dataclass
from datetime import date

from accounts.models import User
from filestore.models import StoredFile
from filestore.services import file_store
from tenants.deputies.models import Deputy
from tenants.deputies.services import deputy_register
from tenants.voting.models import Candidate, Cycle, Round
from tenants.voting.services import (
    attendance_sign_in,
    candidate_add,
    cycle_create,
    cycle_open_voting,
    cycle_set_rules,
    round_open,
)
from tenants.voting.solicitation import cycle_advance, governance_record
from tests.factories import PDF, make_term


@dataclass
class Setup:
    cycle: Cycle
    deputies: list[Deputy]
    candidates: list[Candidate]


@dataclass
class Vote(Setup):
    round: Round


def make_deputies(count: int, *, users: bool = False, prefix: str = "代表") -> list[Deputy]:
    term = make_term()
    deputies = []
    for i in range(count):
        user = User.objects.create(username=f"{prefix}-{i}-{term.pk}") if users else None
        deputies.append(
            deputy_register(
                term=term,
                name=f"{prefix}{i}",
                gender="male",
                level="township",
                constituency="第1选区",
                actor=None,
                user=user,
            )
        )
    return deputies


def make_minutes() -> StoredFile:
    return file_store(uploaded_by=None, name="会议纪要.pdf", data=PDF)


def make_shortlist(
    *, year: int = 2027, seats: int = 2, candidates: int = 4, **rules: object
) -> Cycle:
    """A cycle in its shortlisting phase with `candidates` listed and the party review recorded."""
    cycle = cycle_create(
        year=year, title=f"{year}年民生实事项目票决", term=make_term(), actor=None, seats=seats
    )
    if rules:
        cycle_set_rules(cycle=cycle, actor=None, **rules)
    cycle = cycle_advance(cycle=cycle, actor=None)
    for i in range(candidates):
        candidate_add(cycle=cycle, name=f"候选项目{i + 1}", actor=None)
    governance_record(
        cycle=cycle,
        kind="party_review",
        held_on=date(year - 1, 12, 1),
        summary="同意提请人代会票决",
        minutes=make_minutes(),
        actor=None,
    )
    return cycle


def make_setup(
    *,
    deputies: int = 10,
    candidates: int = 4,
    seats: int = 2,
    present: int | None = None,
    year: int = 2027,
    **rules: object,
) -> Setup:
    """A cycle in its voting phase with `present` of its deputies signed in."""
    roster = make_deputies(deputies)
    cycle = make_shortlist(year=year, seats=seats, candidates=candidates, **rules)
    cycle = cycle_advance(cycle=cycle, actor=None)
    cycle = cycle_open_voting(cycle=cycle, actor=None)
    for deputy in roster[: deputies if present is None else present]:
        attendance_sign_in(cycle=cycle, deputy=deputy, actor=None)
    listed = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
    return Setup(cycle=cycle, deputies=roster, candidates=listed)


def make_vote(**options: object) -> Vote:
    """The same, with the first round open."""
    setup = make_setup(**options)  # type: ignore[arg-type]
    return Vote(**vars(setup), round=round_open(cycle=setup.cycle, actor=None))


def per_candidate(vote: Vote, *yes_for: Candidate) -> dict[str, str]:
    """A per-candidate ballot: 赞成 for `yes_for`, 反对 for the rest of the round's candidates."""
    return {str(c.pk): ("yes" if c in yes_for else "no") for c in vote.round.candidates.all()}

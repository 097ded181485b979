"""Builders for voting tests: a cycle with deputies signed in and a round open."""

from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from accounts.models import User
from congresses.models import Congress
from filestore.services import file_store
from ops.errors import Conflict
from tenants.deputies.models import Deputy, Term
from tenants.deputies.services import deputy_register
from tenants.voting.models import Candidate, Cycle, Proposal, Round
from tenants.voting.reserve import vote_results_hand_over
from tenants.voting.services import (
    attendance_sign_in,
    ballot_cast,
    candidate_add,
    cycle_create,
    cycle_open_voting,
    cycle_set_rules,
    round_close,
    round_open,
)
from tenants.voting.solicitation import cycle_advance, governance_record, proposal_submit
from tests.factories import PDF, in_own_connection, make_term

# name, category, estimated cost (万元), summary
Candidacy = tuple[str, str, str | int, str]


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


def cycle_with_candidates(
    *,
    term: Term,
    year: int,
    title: str,
    seats: int,
    candidates: Iterable[str | Candidacy],
    actor: User | None,
    **rules: object,
) -> Cycle:
    """A year's cycle with `rules` set (the channel among them), past the call and with its
    candidates listed (a bare name, or a `Candidacy`), awaiting the party review."""
    cycle = cycle_create(year=year, title=title, term=term, actor=actor, seats=seats)
    if rules:
        cycle_set_rules(cycle=cycle, actor=actor, **rules)
    cycle = cycle_advance(cycle=cycle, actor=actor)
    for candidate in candidates:
        if isinstance(candidate, str):
            candidate_add(cycle=cycle, name=candidate, actor=actor)
            continue
        name, category, cost, summary = candidate
        candidate_add(
            cycle=cycle,
            name=name,
            category=category,
            estimated_cost=Decimal(cost),
            summary=summary,
            actor=actor,
        )
    return cycle


def make_shortlist(
    *, year: int = 2027, seats: int = 2, candidates: int = 4, **rules: object
) -> Cycle:
    """A cycle in its shortlisting phase with `candidates` listed and the party review recorded."""
    cycle = cycle_with_candidates(
        term=make_term(),
        year=year,
        title=f"{year}年民生实事项目票决",
        seats=seats,
        candidates=[f"候选项目{i + 1}" for i in range(candidates)],
        actor=None,
        **rules,
    )
    party_review(cycle, "同意提请人代会票决")
    return cycle


def party_review(
    cycle: Cycle,
    summary: str,
    held_on: date | None = None,
    kind: str = "party_review",
    *,
    minutes: str = "会议纪要.pdf",
    uploaded_by: User | None = None,
    actor: User | None = None,
) -> None:
    """The party review of the cycle's list (or the step of governance `kind`) with its minutes
    (a PDF named `minutes`), held on `held_on`, by default 1 December of the year before."""
    governance_record(
        cycle=cycle,
        kind=kind,
        held_on=held_on or date(cycle.year - 1, 12, 1),
        summary=summary,
        minutes=file_store(uploaded_by=uploaded_by, name=minutes, data=PDF),
        actor=actor,
    )


def make_proposal(cycle: Cycle, title: str, **fields: Any) -> Proposal:
    """A proposal to `cycle`, by default one of 住建办's on public works; `fields` as
    `proposal_submit` takes them."""
    defaults = {
        "source": "department",
        "category": "公共设施",
        "description": "说明",
        "submitter_name": "住建办",
    }
    return proposal_submit(cycle=cycle, title=title, **(defaults | fields))


def department_proposal(cycle: Cycle, title: str, cost: Decimal = Decimal(10)) -> Proposal:
    """A proposal of 住建办's to `cycle`, costed at `cost`."""
    return make_proposal(cycle, title, estimated_cost=cost)


def voting_opened(
    cycle: Cycle, present: Sequence[Deputy] = (), *, actor: User | None = None
) -> Cycle:
    """The reviewed `cycle` through deliberation into its voting phase, `present` signed in."""
    cycle = cycle_advance(cycle=cycle, actor=actor)
    cycle = cycle_open_voting(cycle=cycle, actor=actor)
    for deputy in present:
        attendance_sign_in(cycle=cycle, deputy=deputy, actor=actor)
    return cycle


def vote_and_close(round_: Round, deputies: list[Deputy], *yes_for: Candidate) -> Round:
    """Every one of `deputies` votes 赞成 on `yes_for`, 反对 on the rest; the round closes."""
    for deputy in deputies:
        choices = {str(c.pk): ("yes" if c in yes_for else "no") for c in round_.candidates.all()}
        ballot_cast(round_id=round_.pk, deputy=deputy, choices=choices, actor=None)
    return round_close(round_id=round_.pk, actor=None)


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
    cycle = voting_opened(cycle, roster[: deputies if present is None else present])
    listed = list(Candidate.objects.filter(cycle=cycle).order_by("sequence"))
    return Setup(cycle=cycle, deputies=roster, candidates=listed)


def make_vote(**options: object) -> Vote:
    """The same, with the first round open."""
    setup = make_setup(**options)  # type: ignore[arg-type]
    return Vote(**vars(setup), round=round_open(cycle=setup.cycle, actor=None))


def per_candidate(vote: Vote, *yes_for: Candidate) -> dict[str, str]:
    """A per-candidate ballot: 赞成 for `yes_for`, 反对 for the rest of the round's candidates."""
    return {str(c.pk): ("yes" if c in yes_for else "no") for c in vote.round.candidates.all()}


def make_implementing(
    *, deputies: int = 6, candidates: int = 3, seats: int = 2, year: int = 2027
) -> Setup:
    """A cycle whose vote adopted `seats` candidates and that moved on to implementation: every
    deputy voted 赞成 on the first `seats` candidates."""
    vote = make_vote(deputies=deputies, candidates=candidates, seats=seats, year=year)
    vote_and_close(vote.round, vote.deputies, *vote.candidates[:seats])
    cycle = vote.cycle
    vote_results_hand_over(cycle=cycle, actor=None)
    cycle.refresh_from_db()
    adopted = list(cycle.candidates.filter(status=Candidate.Status.ADOPTED).order_by("rank"))
    return Setup(cycle=cycle, deputies=vote.deputies, candidates=adopted)


def marks(setup: Setup, *per_project: str) -> dict[str, str]:
    return {str(c.pk): m for c, m in zip(setup.candidates, per_project, strict=True)}


def cast_at_once(
    town: Congress,
    round_id: int,
    deputy: Deputy,
    choices: dict[str, str],
    *,
    workers: int,
    times: int,
) -> list[str]:
    """The same ballot cast `times` times at once from `workers` threads, each on a connection of
    its own into `town`'s schema: each cast's outcome, "stored" or the code it was refused with."""

    def cast() -> str:
        try:
            ballot_cast(round_id=round_id, deputy=deputy, choices=choices, actor=None)
        except Conflict as refused:
            return refused.code
        return "stored"

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(lambda _: in_own_connection(town.schema_name, cast), range(times)))

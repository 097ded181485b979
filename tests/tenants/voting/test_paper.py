"""Paper ballots in a hybrid round: issuing blocks the electronic ballot, two tellers must agree,
and more ballots returned than issued voids the round."""

from collections.abc import Iterator

import pytest
from django_tenants.utils import tenant_context

from accounts.models import User
from congresses.models import Congress
from ops.errors import DomainError
from tenants.voting.models import Round
from tenants.voting.paper import paper_issue, tally_enter
from tenants.voting.services import ballot_cast, round_close, round_open
from tests.conftest import World

from .factories import Vote, make_vote, per_candidate


@pytest.fixture
def town(world: World) -> Iterator[Congress]:
    with tenant_context(world.town_a):
        yield world.town_a


@pytest.fixture
def tellers(world: World) -> tuple[User, User]:
    return User.objects.create(username="teller-1"), User.objects.create(username="teller-2")


def _hybrid(**options: object) -> Vote:
    return make_vote(deputies=6, candidates=3, seats=1, channel="hybrid", **options)


def _counts(vote: Vote, yes: tuple[int, int, int]) -> dict[str, dict[str, int]]:
    return {
        str(c.pk): {"yes": y, "no": 0, "abstain": 0}
        for c, y in zip(vote.candidates, yes, strict=True)
    }


def test_a_hybrid_round_counts_paper_and_electronic_ballots_together(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _hybrid()
    a = vote.candidates[0]
    for deputy in vote.deputies[:3]:
        ballot_cast(
            round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote, a), actor=None
        )
    for deputy in vote.deputies[3:]:
        paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)
    for teller in tellers:
        tally_enter(
            round_id=vote.round.pk,
            teller=teller,
            counts=_counts(vote, (1, 2, 0)),
            returned=3,
            invalid=0,
        )

    closed = round_close(round_id=vote.round.pk, actor=None)

    assert closed.result is not None
    assert closed.result["counts"][str(a.pk)]["yes"] == 4  # 3 electronic + 1 paper: 4 of 6 entitled
    assert closed.result["adopted"] == [str(a.pk)]
    assert closed.participation_count == 6 and closed.ballot_count == 6


def test_a_deputy_issued_a_paper_ballot_cannot_vote_electronically(town: Congress) -> None:
    vote = _hybrid()
    deputy = vote.deputies[0]
    paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)

    with pytest.raises(DomainError) as refused:
        ballot_cast(round_id=vote.round.pk, deputy=deputy, choices=per_candidate(vote), actor=None)

    assert refused.value.code == "already_voted"
    with pytest.raises(DomainError):
        paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)


def test_the_round_waits_for_two_agreeing_tellers(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _hybrid()
    for deputy in vote.deputies[:4]:
        paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)
    first, second = tellers

    def refusal() -> str:
        with pytest.raises(DomainError) as refused:
            round_close(round_id=vote.round.pk, actor=None)
        return refused.value.code

    tally_enter(
        round_id=vote.round.pk, teller=first, counts=_counts(vote, (4, 1, 0)), returned=4, invalid=0
    )
    assert refusal() == "tally_missing"
    tally_enter(
        round_id=vote.round.pk,
        teller=second,
        counts=_counts(vote, (3, 1, 0)),
        returned=4,
        invalid=0,
    )
    assert refusal() == "tally_mismatch"
    assert Round.objects.get(pk=vote.round.pk).state == "open"
    # The second teller recounts and corrects their entry.
    tally_enter(
        round_id=vote.round.pk,
        teller=second,
        counts=_counts(vote, (4, 1, 0)),
        returned=4,
        invalid=0,
    )
    assert round_close(round_id=vote.round.pk, actor=None).state == "closed"


def test_more_returned_than_issued_voids_the_round(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _hybrid()
    for deputy in vote.deputies[:4]:
        paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)
    for teller in tellers:
        tally_enter(
            round_id=vote.round.pk,
            teller=teller,
            counts=_counts(vote, (4, 0, 0)),
            returned=5,
            invalid=0,
        )

    voided = round_close(round_id=vote.round.pk, actor=None)

    assert voided.state == "void" and voided.result == {
        "void": True,
        "reason": "returned_exceeds_issued",
        "issued": 4,
        "returned": 5,
    }
    assert all(c.status == "candidate" for c in vote.cycle.candidates.all())
    again = round_open(cycle=vote.cycle, actor=None)
    assert again.number == 2 and again.candidates.count() == 3


@pytest.mark.parametrize(
    ("counts", "returned", "invalid", "code"),
    [
        ("not a dict", 3, 0, "tally_malformed"),
        ({"1": {"yes": -1}}, 3, 0, "tally_malformed"),
        (None, 3, 4, "tally_invalid_exceeds_returned"),
        (None, 1, 0, "tally_exceeds_valid"),
    ],
)
def test_an_impossible_tally_is_refused(
    town: Congress,
    tellers: tuple[User, User],
    counts: object,
    returned: int,
    invalid: int,
    code: str,
) -> None:
    vote = _hybrid()
    entry = counts if counts is not None else _counts(vote, (2, 0, 0))

    with pytest.raises(DomainError) as refused:
        tally_enter(
            round_id=vote.round.pk,
            teller=tellers[0],
            counts=entry,
            returned=returned,
            invalid=invalid,
        )

    assert refused.value.code == code


def test_paper_ballots_are_refused_in_an_electronic_round(town: Congress) -> None:
    vote = make_vote(deputies=6, candidates=3, seats=1)

    with pytest.raises(DomainError) as refused:
        paper_issue(round_id=vote.round.pk, deputy=vote.deputies[0], actor=None)

    assert refused.value.code == "paper_not_allowed"

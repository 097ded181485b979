"""Paper ballots in a hybrid round: issuing blocks the electronic ballot, two tellers must agree,
each row adds up to the valid ballots, and more ballots returned than issued is refused."""

from functools import partial

import pytest

from accounts.models import User
from congresses.models import Congress
from ops.errors import DomainError
from tenants.voting.models import Round, TallyEntry
from tenants.voting.paper import tally_enter
from tenants.voting.services import ballot_cast, paper_issue, round_close, round_open
from tests.conftest import World

from .factories import Vote, make_vote, per_candidate


@pytest.fixture
def tellers(world: World) -> tuple[User, User]:
    return User.objects.create(username="teller-1"), User.objects.create(username="teller-2")


def _hybrid(**options: object) -> Vote:
    return make_vote(deputies=6, candidates=3, seats=1, channel="hybrid", **options)


def _paper_round(issued: int) -> Vote:
    """A hybrid round with paper ballots issued to the first `issued` deputies."""
    vote = _hybrid()
    for deputy in vote.deputies[:issued]:
        paper_issue(round_id=vote.round.pk, deputy=deputy, actor=None)
    return vote


def _counts(vote: Vote, yes: tuple[int, int, int], valid: int) -> dict[str, dict[str, int]]:
    """赞成 as given, 反对 for the rest of the valid ballots: each row adds up."""
    return {
        str(c.pk): {"yes": y, "no": valid - y, "abstain": 0}
        for c, y in zip(vote.candidates, yes, strict=True)
    }


def _enter(vote: Vote, teller: User, yes: tuple[int, int, int], valid: int, **extra: str) -> None:
    """One teller's tally of `valid` ballots returned, none invalid, rows as `_counts` makes them."""
    tally_enter(
        round_id=vote.round.pk,
        teller=teller,
        counts=_counts(vote, yes, valid),
        returned=valid,
        invalid=0,
        **extra,
    )


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
        _enter(vote, teller, (1, 2, 0), 3)

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
    vote = _paper_round(4)
    first, second = tellers

    def refusal() -> str:
        with pytest.raises(DomainError) as refused:
            round_close(round_id=vote.round.pk, actor=None)
        return refused.value.code

    _enter(vote, first, (4, 1, 0), 4)
    assert refusal() == "tally_missing"
    _enter(vote, second, (3, 1, 0), 4)
    assert refusal() == "tally_mismatch"
    assert Round.objects.get(pk=vote.round.pk).state == "open"
    # The second teller recounts and corrects their entry, saying why.
    _enter(vote, second, (4, 1, 0), 4, reason="复核时发现一张选票计错")
    assert round_close(round_id=vote.round.pk, actor=None).state == "closed"


def test_more_returned_than_issued_is_refused_and_nothing_stored(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _paper_round(4)

    with pytest.raises(DomainError) as refused:
        _enter(vote, tellers[0], (4, 0, 0), 5)

    assert refused.value.code == "tally_collected_exceeds_issued"
    assert "收回票数 5 多于发出票数 4" in refused.value.message
    assert not TallyEntry.objects.filter(round=vote.round).exists()


def test_a_short_row_is_refused_naming_its_row_and_item(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _paper_round(4)
    counts = _counts(vote, (2, 1, 0), 4)
    counts[str(vote.candidates[1].pk)] = {"yes": 1, "no": 1, "abstain": 0}  # 2 of 4

    with pytest.raises(DomainError) as refused:
        tally_enter(round_id=vote.round.pk, teller=tellers[0], counts=counts, returned=4, invalid=0)

    assert refused.value.code == "tally_row_mismatch"
    assert "第 2 行“候选项目2”" in refused.value.message
    problems = refused.value.extra["problems"]
    assert isinstance(problems, list) and problems[0]["item"] == str(vote.candidates[1].pk)
    assert not TallyEntry.objects.filter(round=vote.round).exists()


def test_a_second_entry_is_a_correction_with_its_reason_kept_in_history(
    town: Congress, tellers: tuple[User, User]
) -> None:
    vote = _paper_round(2)
    enter = partial(tally_enter, round_id=vote.round.pk, teller=tellers[0], returned=2, invalid=0)
    enter(counts=_counts(vote, (2, 0, 0), 2))

    with pytest.raises(DomainError) as refused:
        enter(counts=_counts(vote, (1, 0, 0), 2))
    assert refused.value.code == "tally_correction_reason_required"

    enter(counts=_counts(vote, (1, 0, 0), 2), reason="重新清点")

    history = list(TallyEntry.objects.filter(round=vote.round).order_by("pk"))
    assert [(e.current, e.reason) for e in history] == [(False, ""), (True, "重新清点")]
    assert history[0].counts[str(vote.candidates[0].pk)]["yes"] == 2


def test_a_void_round_is_voted_again_as_it_was(town: Congress, tellers: tuple[User, User]) -> None:
    vote = _hybrid()
    Round.objects.filter(pk=vote.round.pk).update(state="void", result={"void": True})

    again = round_open(cycle=vote.cycle, actor=None)

    assert again.number == 2 and again.candidates.count() == 3


@pytest.mark.parametrize(
    ("shape", "returned", "invalid", "code"),
    [
        ("not a dict", 3, 0, "tally_malformed"),
        ("negative", 3, 0, "tally_negative"),
        ("fine", 3, 4, "tally_invalid_exceeds_collected"),
        ("fine", 4, 0, "tally_collected_exceeds_issued"),
        ("fine", 2, 0, "tally_row_mismatch"),
    ],
)
def test_an_impossible_tally_is_refused(
    town: Congress,
    tellers: tuple[User, User],
    shape: str,
    returned: int,
    invalid: int,
    code: str,
) -> None:
    vote = _paper_round(3)
    entry: object = _counts(vote, (2, 0, 0), 3)
    if shape == "not a dict":
        entry = shape
    elif shape == "negative":
        entry = {**_counts(vote, (2, 0, 0), 3), str(vote.candidates[0].pk): {"yes": -1}}

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

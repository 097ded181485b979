"""The ballot store's contract, run over every ballot method and every channel (OpenSlides runs
one contract suite against each of its vote-service backends): entries go in once per deputy, an
entry the channel does not take is refused, an open round's stored ballots hold no choice and no
receipt in the clear, and the close counts every channel through the method to the figures the
deputies gave, with ballots = e-ballot participations and every receipt counted.

Six deputies all give the same ballot: the first item approved, the others not (per candidate:
赞成, 反对, 弃权; choose N and ranked: the first marked; satisfaction: 满意, 不满意). Electronic:
six e-ballots; paper: six paper ballots counted by two tellers; device: an import of six presses;
hybrid: three of each."""

import copy
from dataclasses import dataclass
from typing import Any

import pytest

from accounts.models import User
from congresses.models import Congress
from ops.errors import Conflict, DomainError
from tenants.voting.devices import device_import
from tenants.voting.evaluation import evaluation_open, evaluation_set_rules, evaluation_sign_in
from tenants.voting.methods import SATISFACTION, Box, Context, vote_method
from tenants.voting.models import Ballot, Candidate, Participation, Round
from tenants.voting.paper import tally_enter
from tenants.voting.record import published_record, verify_record
from tenants.voting.selectors import cycle_rule_set, round_method
from tenants.voting.services import ballot_cast, paper_issue, receipt_check, round_close
from tests.conftest import World

from .factories import make_implementing, make_setup, make_vote

METHODS = ["per_candidate", "choose_n", "ranked", "satisfaction"]
CHANNELS = ["electronic", "paper", "device", "hybrid"]
DEPUTIES = 6

# Per method: each item's mark on the ballot everyone gives (first, second, third item).
MARKS = {
    "per_candidate": ("yes", "no", "abstain"),
    "choose_n": ("yes", None, None),
    "ranked": ("yes", None, None),
    "satisfaction": ("satisfied", "unsatisfied"),
}


@dataclass
class Held:
    round: Round
    items: list[Candidate]
    deputies: list[Any]


def _hold(method: str, channel: str) -> Held:
    """An open round of `method` on `channel`, its deputies signed in to its meeting."""
    if method == "satisfaction":
        setup = make_implementing(deputies=DEPUTIES, candidates=3, seats=2)
        evaluation_set_rules(cycle=setup.cycle, actor=None, channel=channel)
        if channel != "electronic":
            for deputy in setup.deputies:
                evaluation_sign_in(cycle=setup.cycle, deputy=deputy, actor=None)
        round_ = evaluation_open(cycle=setup.cycle, actor=None)
        return Held(round_, setup.candidates, setup.deputies)
    vote = make_vote(deputies=DEPUTIES, candidates=3, seats=1, channel=channel, ballot_form=method)
    return Held(vote.round, vote.candidates, vote.deputies)


def _choices(method: str, held: Held) -> Any:
    marks = MARKS[method]
    if method in ("choose_n", "ranked"):
        return [held.items[0].pk]
    return {str(c.pk): m for c, m in zip(held.items, marks, strict=True)}


def _paper_rows(method: str, held: Held, n: int) -> dict[str, dict[str, int]]:
    method_marks = round_method(held.round).paper_marks
    return {
        str(c.pk): {mark: (n if mark == given else 0) for mark in method_marks}
        for c, given in zip(held.items, MARKS[method], strict=True)
    }


def _device_csv(method: str, held: Held) -> str:
    columns = (
        ["满意", "基本满意", "不满意", "弃权"]
        if method == "satisfaction"
        else ["赞成", "反对", "弃权"]
    )
    keys = (
        ["satisfied", "basic", "unsatisfied", "abstain"]
        if method == "satisfaction"
        else ["yes", "no", "abstain"]
    )
    lines = [",".join(["序号", *columns, "未按"])]
    for c, given in zip(held.items, MARKS[method], strict=True):
        pressed = [DEPUTIES if key == given else 0 for key in keys]
        lines.append(",".join(map(str, [c.sequence, *pressed, DEPUTIES - sum(pressed)])))
    return "\n".join(lines) + "\n"


def _refused(work: Any) -> str:
    with pytest.raises((Conflict, DomainError)) as refused:
        work()
    return refused.value.code


@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("method", METHODS)
def test_the_store_keeps_its_contract(
    town: Congress, world: World, method: str, channel: str
) -> None:
    if method == "ranked" and channel != "electronic":
        # A ranked ballot has no paper or device form: the rule set itself is refused.
        assert _refused(lambda: _hold(method, channel)) == "ranked_electronic_only"
        return
    held = _hold(method, channel)
    rid = held.round.pk
    electronic = {"electronic": DEPUTIES, "paper": 0, "device": 0, "hybrid": 3}[channel]
    on_paper = {"electronic": 0, "paper": DEPUTIES, "device": 0, "hybrid": 3}[channel]
    choices = _choices(method, held)
    receipts = []

    # Entries: each deputy once, through the channels the round takes.
    for deputy in held.deputies[:electronic]:
        receipts.append(ballot_cast(round_id=rid, deputy=deputy, choices=choices, actor=None).code)
    for deputy in held.deputies[electronic : electronic + on_paper]:
        paper_issue(round_id=rid, deputy=deputy, actor=None)
    if electronic:
        again = held.deputies[0]
        assert (
            _refused(lambda: ballot_cast(round_id=rid, deputy=again, choices=choices, actor=None))
            == "already_voted"
        )
        assert _refused(lambda: paper_issue(round_id=rid, deputy=again, actor=None)) in (
            "already_voted",
            "paper_not_allowed",
        )
    else:
        assert (
            _refused(
                lambda: ballot_cast(
                    round_id=rid, deputy=held.deputies[0], choices=choices, actor=None
                )
            )
            == "electronic_not_allowed"
        )
    if on_paper:
        again = held.deputies[electronic]
        assert _refused(lambda: paper_issue(round_id=rid, deputy=again, actor=None)) == (
            "already_voted"
        )
        for name in ("teller-a", "teller-b"):
            tally_enter(
                round_id=rid,
                teller=User.objects.create(username=f"{name}-{method}-{channel}"),
                counts=_paper_rows(method, held, on_paper),
                returned=on_paper,
                invalid=0,
            )
    if channel == "device":
        device_import(round_id=rid, csv_text=_device_csv(method, held), actor=None)
    assert Participation.objects.filter(round_id=rid).count() == electronic + on_paper

    # While open: boxes only, one length for the round, no choice and no receipt in the clear.
    live = list(Ballot.objects.filter(round_id=rid))
    assert len(live) == electronic
    assert all(b.choices is None and b.receipt_hash is None and not b.sealed for b in live)
    assert len({len(bytes(b.box or b"")) for b in live}) <= 1
    if receipts:  # nothing to find until the close
        assert not receipt_check(round_id=rid, code=receipts[0])

    closed = round_close(round_id=rid, actor=None)

    # The close counted every channel through the method, to what the deputies gave.
    assert closed.state == Round.State.CLOSED and closed.result is not None
    counts = closed.result["counts"]
    for item, given in zip(held.items, MARKS[method], strict=True):
        row = counts[str(item.pk)]
        if given is None:
            assert row["yes"] == 0
        else:
            assert row[given] == DEPUTIES
    assert closed.ballot_count == DEPUTIES
    assert closed.participation_count == DEPUTIES
    assert closed.entitlements.filter(voted=True).count() == DEPUTIES
    # Ballots = e-ballot participations, sealed, the boxes and the round's salt gone.
    sealed = list(Ballot.objects.filter(round_id=rid))
    assert len(sealed) == electronic
    assert all(b.sealed and b.box is None and b.choices is not None for b in sealed)
    assert closed.ballot_salt == ""
    # Every receipt counted; a made-up one not.
    assert all(receipt_check(round_id=rid, code=code) for code in receipts)
    assert not receipt_check(round_id=rid, code="not-a-receipt-code")
    # The method recounts the sealed ballots alone to the same e-ballot figures.
    method_of = SATISFACTION if method == "satisfaction" else vote_method(method)
    assert round_method(closed) is method_of
    if method != "satisfaction" and channel == "electronic":
        recount = method_of.tally(
            Box(ballots=[b.choices or {} for b in sealed]),
            Context(
                order=[str(c.pk) for c in held.items],
                seats=closed.seats,
                entitled=closed.entitled_count or 0,
                present=closed.present_count or 0,
                rules=cycle_rule_set(closed.cycle),
            ),
        )
        assert recount.stored["counts"] == counts
    # The round's published record recounts, on every channel (docs/verification.md); with one
    # e-ballot's mark or one counted mark changed, it no longer does.
    record = published_record(rid)
    assert record is not None and record["commitment_hash"] == closed.commitment_hash
    assert verify_record(record, commitment_hash=closed.commitment_hash) == []
    changed = copy.deepcopy(record)
    first, second = str(held.items[0].pk), str(held.items[1].pk)
    if changed["ballots"]:
        ballot = changed["ballots"][0]
        if method in ("choose_n", "ranked"):
            ballot[next(iter(ballot))] = [second]
        else:
            ballot[first] = ballot[second]
    else:  # one ballot counted as 弃权 (a choose-N paper row has no 弃权: one ballot fewer)
        row = (changed["paper"] or {}).get("rows", changed["device"])[first]
        row[str(MARKS[method][0])] -= 1
        if "abstain" in row:
            row["abstain"] += 1
    codes = {p.code for p in verify_record(changed, record_hash=closed.record_hash)}
    assert {"result_differs", "record_hash"} <= codes


def test_a_method_refuses_what_its_form_does_not_allow(town: Congress) -> None:
    setup = make_setup(deputies=3, candidates=3, seats=1, ballot_form="choose_n")
    items = [str(c.pk) for c in setup.candidates]
    with pytest.raises(ValueError, match="ballot_too_many_marks"):
        vote_method("choose_n").validate(items[:2], items=items, seats=1)
    with pytest.raises(ValueError, match="ballot_malformed"):
        vote_method("per_candidate").validate({items[0]: "yes"}, items=items, seats=1)
    with pytest.raises(ValueError, match="ballot_malformed"):
        SATISFACTION.validate(dict.fromkeys(items, "yes"), items=items, seats=1)
    assert vote_method("ranked").validate(items[::-1][:1], items=items, seats=1) == {
        "ranked": [items[2]]
    }

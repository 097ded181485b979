"""A vote round's count from its inputs alone: the sealed ballots, the tellers' agreed paper
count, the device import, the frozen turnout and the rule set. `round_close` counts with it, and
the verifier (`record.py`) recounts a published round record with the very same function, so the
announced result and the recount cannot drift apart. No database here."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import rules

YES, NO, ABSTAIN = "yes", "no", "abstain"


@dataclass(frozen=True)
class RoundInputs:
    order: Sequence[str]  # the round's candidates, by sequence
    seats: int
    rule_set: rules.RuleSet
    entitled: int
    present: int
    main: bool  # a main round may call a shortfall round; tie and shortfall rounds may not
    ballots: Sequence[Mapping[str, Any]]  # sealed e-ballots' choices
    paper: rules.Tally | None = None  # the tellers' agreed count
    device: Mapping[str, Mapping[str, int]] | None = None  # {candidate: yes/no/abstain/not_pressed}


def ballots_tally(
    order: Sequence[str],
    ballots: Sequence[Mapping[str, Any]],
    *,
    form: rules.BallotForm,
    seats: int,
) -> dict[str, rules.CandidateCount]:
    tally = {pk: {YES: 0, NO: 0, ABSTAIN: 0} for pk in order}
    for ballot in ballots:
        if form == rules.BallotForm.PER_CANDIDATE:
            for pk, choice in ballot.items():
                tally[pk][choice] += 1
        else:  # choose N or ranked: each candidate marked or numbered counts as 赞成
            for pk in ballot.get("marked", ballot.get("ranked", [])):
                tally[pk][YES] += 1
    points = rules.ranked_points(
        ballots=[b["ranked"] for b in ballots if "ranked" in b], seats=seats
    )
    return {
        pk: rules.CandidateCount(t[YES], t[NO], t[ABSTAIN], points.get(pk, 0))
        for pk, t in tally.items()
    }


def _count_json(count: rules.CandidateCount, rule_set: rules.RuleSet) -> dict[str, int]:
    """A candidate's count as stored; priority points only where ballots are ranked."""
    stored = {"yes": count.yes, "no": count.no, "abstain": count.abstain}
    if rule_set.ballot_form == rules.BallotForm.RANKED:
        stored["points"] = count.points
    return stored


def count_round(given: RoundInputs) -> tuple[rules.Decision, dict[str, Any], int]:
    """The decision, the result as stored on the round, and the ballots counted."""
    rule_set = given.rule_set
    counts = ballots_tally(given.order, given.ballots, form=rule_set.ballot_form, seats=given.seats)
    valid = len(given.ballots)
    if given.device is not None:  # 未按 is no vote: it counts in no tally
        counts = {
            pk: rules.CandidateCount(c["yes"], c["no"], c["abstain"])
            for pk, c in given.device.items()
        }
        valid = given.present
    paper = given.paper
    if paper is not None:  # 未填 (blank) is no vote either
        counts = {
            pk: rules.CandidateCount(
                c.yes + paper.rows[pk].get("yes", 0),
                c.no + paper.rows[pk].get("no", 0),
                c.abstain + paper.rows[pk].get("abstain", 0),
            )
            for pk, c in counts.items()
        }
        valid += paper.valid
    turnout = rules.Turnout(entitled=given.entitled, present=given.present, valid_ballots=valid)
    decision = rules.decide(
        counts=counts,
        order=list(given.order),
        turnout=turnout,
        seats=given.seats,
        rules=rule_set,
        shortfall_round_allowed=given.main,
    )
    # 票决率: each candidate's 赞成 over the base its (first) threshold is measured on.
    base = rules.share_base(rule_set)
    bases = {
        pk: rules.base_size(base=base, count=c, turnout=turnout, rules=rule_set)
        for pk, c in counts.items()
    }
    shares = {pk: rules.rate_percent(c.yes, bases[pk]) for pk, c in counts.items()}
    result = {
        "counts": {pk: _count_json(c, rule_set) for pk, c in counts.items()},
        "valid_ballots": valid,
        "share_base": str(base),
        "share_bases": bases,
        "shares": {pk: None if v is None else str(v) for pk, v in shares.items()},
        "paper": {"returned": paper.collected, "invalid": paper.invalid} if paper else None,
        "device": dict(given.device) if given.device is not None else None,
        "adopted": list(decision.adopted),
        "next_round": list(decision.next_round),
        "next_round_seats": decision.next_round_seats,
        "reason": decision.reason,
    }
    counted = (
        len(given.ballots)
        + (paper.collected if paper else 0)
        + (valid if given.device is not None else 0)
    )
    return decision, result, counted

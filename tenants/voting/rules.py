"""The vote rules as pure functions over plain values: quorum, validity, threshold, adoption,
ties and shortfall. No ORM here: services feed counts in and store what comes out.

Defaults follow common practice (domain-practice.md §1.5): a project passes with more than half of
all deputies (全体代表过半数) voting 赞成; passing projects are ranked by 赞成 and the top N adopted;
a tie at the cut-off goes to a new round among the tied, never to a silent pick.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class BallotForm(StrEnum):
    PER_CANDIDATE = "per_candidate"  # 赞成/反对/弃权 for each candidate
    CHOOSE_N = "choose_n"  # mark at most N candidates


class ThresholdBase(StrEnum):
    ENTITLED = "entitled"  # 全体代表 (default)
    PRESENT = "present"  # 出席代表
    VALID = "valid"  # 有效票


class ShortfallRule(StrEnum):
    ACCEPT_FEWER = "accept_fewer"  # fewer than N pass: adopt those that did
    NEW_ROUND = "new_round"  # 另行票决 among the rest for the seats left


@dataclass(frozen=True)
class RuleSet:
    seats: int
    min_surplus: int = 1
    ballot_form: BallotForm = BallotForm.PER_CANDIDATE
    threshold_base: ThresholdBase = ThresholdBase.ENTITLED
    quorum_numerator: int = 2
    quorum_denominator: int = 3
    shortfall: ShortfallRule = ShortfallRule.ACCEPT_FEWER

    def problems(self) -> list[str]:
        """Why this rule set cannot be used, as codes (empty when it can)."""
        found = []
        if self.seats < 1:
            found.append("seats_too_few")
        if self.min_surplus < 1:
            found.append("surplus_required")
        if not (0 < self.quorum_numerator <= self.quorum_denominator):
            found.append("quorum_invalid")
        return found


@dataclass(frozen=True)
class CandidateCount:
    yes: int
    no: int = 0
    abstain: int = 0

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


@dataclass(frozen=True)
class Turnout:
    entitled: int  # 应到: deputies entitled to vote in this round
    present: int  # 实到: signed in
    valid_ballots: int  # ballots counted (choose-N); per-candidate forms use each count's `cast`


@dataclass(frozen=True)
class Decision:
    adopted: tuple[str, ...]  # in rank order
    next_round: tuple[str, ...] = ()  # candidates of the round that must follow
    next_round_seats: int = 0
    reason: str = ""  # "tie" | "shortfall" | ""
    passing: tuple[str, ...] = field(default=())


def candidate_list_ok(*, candidates: int, rules: RuleSet) -> bool:
    """差额: more candidates than seats, by at least the configured surplus."""
    return candidates >= rules.seats + rules.min_surplus


def quorum_met(*, entitled: int, present: int, rules: RuleSet) -> bool:
    """A round opens only when present >= quorum (2/3 of all deputies by default)."""
    return entitled > 0 and present * rules.quorum_denominator >= entitled * rules.quorum_numerator


def choose_n_ballot_valid(*, marks: int, seats: int) -> bool:
    """A choose-N ballot marking more than N candidates is invalid."""
    return 0 <= marks <= seats


def paper_round_valid(*, issued: int, returned: int) -> bool:
    """More ballots returned than issued invalidates a paper round."""
    return 0 <= returned <= issued


def more_than_half(votes: int, base: int) -> bool:
    return votes * 2 > base


def threshold_base(*, count: CandidateCount, turnout: Turnout, rules: RuleSet) -> int:
    if rules.threshold_base == ThresholdBase.ENTITLED:
        return turnout.entitled
    if rules.threshold_base == ThresholdBase.PRESENT:
        return turnout.present
    if rules.ballot_form == BallotForm.CHOOSE_N:
        return turnout.valid_ballots
    return count.cast


def decide(
    *,
    counts: Mapping[str, CandidateCount],
    order: Sequence[str],
    turnout: Turnout,
    seats: int,
    rules: RuleSet,
    shortfall_round_allowed: bool = True,
) -> Decision:
    """Which candidates of one round are adopted, and whether another round must follow.

    `order` is the ballot order; it breaks no ties, it only orders equal counts in listings.
    A shortfall round is held once: the service passes `shortfall_round_allowed=False` for it.
    """
    position = {candidate: i for i, candidate in enumerate(order)}
    passing = sorted(
        (
            c
            for c in order
            if more_than_half(
                counts[c].yes, threshold_base(count=counts[c], turnout=turnout, rules=rules)
            )
        ),
        key=lambda c: (-counts[c].yes, position[c]),
    )
    if len(passing) > seats:
        cutoff = counts[passing[seats - 1]].yes
        above = tuple(c for c in passing if counts[c].yes > cutoff)
        tied = tuple(c for c in passing if counts[c].yes == cutoff)
        if len(above) + len(tied) > seats:
            return Decision(
                adopted=above,
                next_round=tied,
                next_round_seats=seats - len(above),
                reason="tie",
                passing=tuple(passing),
            )
        return Decision(adopted=tuple(passing[:seats]), passing=tuple(passing))
    adopted = tuple(passing)
    if (
        len(adopted) < seats
        and rules.shortfall == ShortfallRule.NEW_ROUND
        and shortfall_round_allowed
    ):
        rest = tuple(c for c in order if c not in adopted)
        if rest:
            return Decision(
                adopted=adopted,
                next_round=rest,
                next_round_seats=seats - len(adopted),
                reason="shortfall",
                passing=tuple(passing),
            )
    return Decision(adopted=adopted, passing=tuple(passing))


@dataclass(frozen=True)
class PaperTally:
    """One teller's count of a round's paper ballots."""

    counts: Mapping[str, CandidateCount]
    returned: int
    invalid: int

    @property
    def valid(self) -> int:
        return self.returned - self.invalid


def tally_problems(
    *, tally: PaperTally, candidates: Sequence[str], ballot_form: BallotForm, seats: int
) -> list[str]:
    """Why a teller's entry cannot be right, as codes (empty when it can)."""
    if set(tally.counts) != set(candidates):
        return ["tally_candidates"]
    if tally.invalid > tally.returned:
        return ["tally_invalid_exceeds_returned"]
    found = []
    for count in tally.counts.values():
        if ballot_form == BallotForm.PER_CANDIDATE and count.cast > tally.valid:
            found.append("tally_exceeds_valid")
        if ballot_form == BallotForm.CHOOSE_N and count.yes > tally.valid:
            found.append("tally_exceeds_valid")
    if (
        ballot_form == BallotForm.CHOOSE_N
        and sum(c.yes for c in tally.counts.values()) > tally.valid * seats
    ):
        found.append("tally_exceeds_valid")
    return sorted(set(found))


def tallies_agree(first: PaperTally, second: PaperTally) -> bool:
    """Two tellers' independent counts must be identical before a paper round is counted."""
    return first == second

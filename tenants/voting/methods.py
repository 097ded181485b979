"""Ballot methods: what a ballot of each form may hold, and how a closed box of them is counted
(OpenSlides' poll methods behind its one vote service; docs/ballot-store.md).

A method knows nothing of rounds, tables or channels. `validate` turns what a deputy sent into
the ballot as stored, or raises `BallotInvalid` with a code; `tally` counts a `Box` (the sealed
e-ballots, the tellers' agreed paper count, the device import) under a `Context` (the frozen
turnout and the rule set) into a typed result that also carries the JSON stored on the round.
The store (`store.py`) closes every round through a method, and the verifier (`recount.py`)
recounts a published record through the same one, so the two cannot drift apart. Pure: no
Django settings, no database.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from . import rules, satisfaction
from .satisfaction import Base, EvaluationRules, Mark, MarkCount, Outcome

YES, NO, ABSTAIN = "yes", "no", "abstain"

# The marks a paper count has per item: 未填 (blank) is a valid ballot that leaves the item
# unmarked, so each row adds up to the valid ballots.
VOTE_MARKS = ("yes", "no", "abstain", "blank")
CHOOSE_N_MARKS = ("yes",)
EVALUATION_MARKS = ("satisfied", "basic", "unsatisfied", "abstain", "blank")


class BallotInvalid(ValueError):
    """A ballot its method refuses: `code` says why (ballot_malformed, ballot_too_many_marks)."""

    def __init__(self, code: str, *, limit: int = 0) -> None:
        super().__init__(code)
        self.code = code
        self.limit = limit


@dataclass(frozen=True)
class Box:
    """What a closed round's store hands to the tally."""

    ballots: Sequence[Mapping[str, Any]]  # the sealed e-ballots' choices, in any order
    paper: rules.Tally | None = None  # the tellers' agreed count
    device: Mapping[str, Mapping[str, int]] | None = None  # the device import, per item


@dataclass(frozen=True)
class Context:
    """What a count is held under: the round's items in order, its seats, the turnout frozen
    at open and the rule set (a vote's `RuleSet`, an evaluation's `EvaluationRules`)."""

    order: Sequence[str]
    seats: int
    entitled: int
    present: int
    rules: rules.RuleSet | EvaluationRules
    main: bool = True  # a main round may call a shortfall round; tie and shortfall rounds not


@dataclass(frozen=True)
class VoteResult:
    """A vote round's count and decision. `stored` is the round's `result` as the API and the
    published record show it (typed in the schema by api/voting/serializers.VoteResultSerializer)."""

    decision: rules.Decision
    counts: Mapping[str, rules.CandidateCount]
    valid: int
    counted: int  # ballots counted: e-ballots, paper ballots collected, devices present
    stored: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationResult:
    """An evaluation round's count: each project's marks and outcome, with its rates
    (typed in the schema by api/voting/serializers.EvaluationResultSerializer)."""

    counts: Mapping[str, MarkCount]
    outcomes: Mapping[str, Outcome]
    counted: int
    stored: dict[str, Any] = field(default_factory=dict)


R_co = TypeVar("R_co", VoteResult, EvaluationResult, covariant=True)


class BallotMethod(Protocol[R_co]):
    """One form of ballot: how it is checked when cast and how a box of them is counted."""

    @property
    def name(self) -> str: ...

    @property
    def paper_marks(self) -> tuple[str, ...]:
        """The marks a teller enters per item."""

    @property
    def paper_kind(self) -> rules.TallyKind:
        """What a paper row must add up to."""

    def validate(self, choices: Any, *, items: Sequence[str], seats: int) -> dict[str, Any]: ...

    def tally(self, box: Box, context: Context) -> R_co: ...


def _marked(choices: Any, *, items: Sequence[str], seats: int) -> list[str]:
    """The candidates a choose-N or ranked ballot marks, in the deputy's order."""
    if not isinstance(choices, Sequence) or isinstance(choices, str | bytes):
        raise BallotInvalid("ballot_malformed")
    marked = [str(c) for c in choices]
    if len(set(marked)) != len(marked) or not set(marked) <= set(items):
        raise BallotInvalid("ballot_malformed")
    if not rules.choose_n_ballot_valid(marks=len(marked), seats=seats):
        raise BallotInvalid("ballot_too_many_marks", limit=seats)
    return marked


class _VoteMethod:
    """The tally shared by the vote's forms: each form counts its ballots into 赞成/反对/弃权
    per candidate; paper and device counts add to them; the rule set decides."""

    name = ""
    paper_marks: tuple[str, ...] = CHOOSE_N_MARKS
    paper_kind = rules.TallyKind.CHOOSE_N

    def _ballot_counts(
        self, ballots: Sequence[Mapping[str, Any]], order: Sequence[str], seats: int
    ) -> dict[str, rules.CandidateCount]:
        tally = {pk: {YES: 0, NO: 0, ABSTAIN: 0} for pk in order}
        for ballot in ballots:
            for pk in ballot.get("marked", ballot.get("ranked", [])):
                tally[pk][YES] += 1
        return {pk: rules.CandidateCount(t[YES], t[NO], t[ABSTAIN]) for pk, t in tally.items()}

    def _stored_count(self, count: rules.CandidateCount) -> dict[str, int]:
        return {"yes": count.yes, "no": count.no, "abstain": count.abstain}

    def tally(self, box: Box, context: Context) -> VoteResult:
        rule_set = context.rules
        assert isinstance(rule_set, rules.RuleSet)
        counts = self._ballot_counts(box.ballots, context.order, context.seats)
        valid = len(box.ballots)
        if box.device is not None:  # 未按 is no vote: it counts in no tally
            counts = {
                pk: rules.CandidateCount(c["yes"], c["no"], c["abstain"])
                for pk, c in box.device.items()
            }
            valid = context.present
        paper = box.paper
        if paper is not None:  # 未填 (blank) is no vote either
            counts = {
                pk: rules.CandidateCount(
                    c.yes + paper.rows[pk].get("yes", 0),
                    c.no + paper.rows[pk].get("no", 0),
                    c.abstain + paper.rows[pk].get("abstain", 0),
                    c.points,
                )
                for pk, c in counts.items()
            }
            valid += paper.valid
        turnout = rules.Turnout(
            entitled=context.entitled, present=context.present, valid_ballots=valid
        )
        decision = rules.decide(
            counts=counts,
            order=list(context.order),
            turnout=turnout,
            seats=context.seats,
            rules=rule_set,
            shortfall_round_allowed=context.main,
        )
        # 票决率: each candidate's 赞成 over the base its (first) threshold is measured on.
        base = rules.share_base(rule_set)
        bases = {
            pk: rules.base_size(base=base, count=c, turnout=turnout, rules=rule_set)
            for pk, c in counts.items()
        }
        shares = {pk: rules.rate_percent(c.yes, bases[pk]) for pk, c in counts.items()}
        counted = (
            len(box.ballots)
            + (paper.collected if paper else 0)
            + (valid if box.device is not None else 0)
        )
        stored = {
            "counts": {pk: self._stored_count(c) for pk, c in counts.items()},
            "valid_ballots": valid,
            "share_base": str(base),
            "share_bases": bases,
            "shares": {pk: None if v is None else str(v) for pk, v in shares.items()},
            "paper": {"returned": paper.collected, "invalid": paper.invalid} if paper else None,
            "device": dict(box.device) if box.device is not None else None,
            "adopted": list(decision.adopted),
            "next_round": list(decision.next_round),
            "next_round_seats": decision.next_round_seats,
            "reason": decision.reason,
        }
        return VoteResult(
            decision=decision, counts=counts, valid=valid, counted=counted, stored=stored
        )


class PerCandidate(_VoteMethod):
    """逐项表决: 赞成, 反对 or 弃权 on every candidate."""

    name = rules.BallotForm.PER_CANDIDATE.value
    paper_marks = VOTE_MARKS
    paper_kind = rules.TallyKind.EVERY_ITEM

    def validate(self, choices: Any, *, items: Sequence[str], seats: int) -> dict[str, Any]:
        if not isinstance(choices, Mapping) or {str(k) for k in choices} != set(items):
            raise BallotInvalid("ballot_malformed")
        if any(v not in (YES, NO, ABSTAIN) for v in choices.values()):
            raise BallotInvalid("ballot_malformed")
        return {str(k): v for k, v in choices.items()}

    def _ballot_counts(
        self, ballots: Sequence[Mapping[str, Any]], order: Sequence[str], seats: int
    ) -> dict[str, rules.CandidateCount]:
        tally = {pk: {YES: 0, NO: 0, ABSTAIN: 0} for pk in order}
        for ballot in ballots:
            for pk, choice in ballot.items():
                tally[pk][choice] += 1
        return {pk: rules.CandidateCount(t[YES], t[NO], t[ABSTAIN]) for pk, t in tally.items()}


class ChooseN(_VoteMethod):
    """限选: mark at most N candidates (N = the round's seats); a mark is 赞成."""

    name = rules.BallotForm.CHOOSE_N.value

    def validate(self, choices: Any, *, items: Sequence[str], seats: int) -> dict[str, Any]:
        return {"marked": sorted(_marked(choices, items=items, seats=seats))}


class Ranked(_VoteMethod):
    """排序: number at most N candidates by priority, 1 first; each numbered candidate counts as
    赞成 and earns priority points (N for the first, N-1 for the second ...)."""

    name = rules.BallotForm.RANKED.value

    def validate(self, choices: Any, *, items: Sequence[str], seats: int) -> dict[str, Any]:
        return {"ranked": _marked(choices, items=items, seats=seats)}

    def _ballot_counts(
        self, ballots: Sequence[Mapping[str, Any]], order: Sequence[str], seats: int
    ) -> dict[str, rules.CandidateCount]:
        counts = super()._ballot_counts(ballots, order, seats)
        points = rules.ranked_points(
            ballots=[b["ranked"] for b in ballots if "ranked" in b], seats=seats
        )
        return {
            pk: rules.CandidateCount(c.yes, c.no, c.abstain, points.get(pk, 0))
            for pk, c in counts.items()
        }

    def _stored_count(self, count: rules.CandidateCount) -> dict[str, int]:
        return {**super()._stored_count(count), "points": count.points}


def _percent(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class Satisfaction:
    """满意度测评: 满意, 基本满意, 不满意 or 弃权 on every project (satisfaction.py decides)."""

    name = "satisfaction"
    paper_marks = EVALUATION_MARKS
    paper_kind = rules.TallyKind.EVERY_ITEM

    def validate(self, choices: Any, *, items: Sequence[str], seats: int) -> dict[str, Any]:
        if not isinstance(choices, Mapping) or not satisfaction.ballot_marks_valid(
            {str(k): v for k, v in choices.items()}, set(items)
        ):
            raise BallotInvalid("ballot_malformed")
        return {str(k): str(v) for k, v in choices.items()}

    def tally(self, box: Box, context: Context) -> EvaluationResult:
        evaluation_rules = context.rules
        assert isinstance(evaluation_rules, EvaluationRules)
        marks = {pk: dict.fromkeys((m.value for m in Mark), 0) for pk in context.order}
        for ballot in box.ballots:
            for pk, mark in ballot.items():
                marks[pk][mark] += 1
        added = [box.device] if box.device is not None else []
        if box.paper is not None:
            added.append(box.paper.rows)
        for rows in added:  # blank and 未按 are no mark
            for pk, row in rows.items():
                for mark in Mark:
                    marks[pk][mark.value] += int(row.get(mark.value, 0))
        counts = {pk: MarkCount(**row) for pk, row in marks.items()}
        outcomes, rates, mark_rates, verdicts = {}, {}, {}, {}
        for pk, count in counts.items():
            outcomes[pk] = satisfaction.outcome(
                count=count, entitled=context.entitled, rules=evaluation_rules
            )
            found = satisfaction.project_rates(
                count=count, entitled=context.entitled, rules=evaluation_rules
            )
            rates[pk] = _percent(found.rate)
            mark_rates[pk] = {
                "satisfied": _percent(found.satisfied),
                "basic": _percent(found.basic),
                "unsatisfied": _percent(found.unsatisfied),
                "abstain": _percent(found.abstain),
            }
            verdicts[pk] = {
                "base": found.verdict_base.value,
                "base_count": found.verdict_base_count,
                "rate": _percent(found.verdict_rate),
            }
        collected = (
            context.present if box.device is not None else (box.paper.collected if box.paper else 0)
        )
        stored = {
            "evaluation": True,
            "counts": marks,
            "outcomes": {pk: o.value for pk, o in outcomes.items()},
            # 总体满意率 and the per-mark rates are over the valid ballots; the verdict's own
            # base (all deputies, by default) is recorded beside it with the rate on it.
            "rates": rates,
            "rate_base": Base.VALID.value,
            "mark_rates": mark_rates,
            "verdicts": verdicts,
            "rules": evaluation_rules_json(evaluation_rules),
        }
        return EvaluationResult(
            counts=counts,
            outcomes=outcomes,
            counted=len(box.ballots) + collected,
            stored=stored,
        )


def evaluation_rules_json(evaluation_rules: EvaluationRules) -> dict[str, Any]:
    return {
        "rule_type": evaluation_rules.rule_type.value,
        "base": evaluation_rules.base.value,
        "half_is_enough_satisfied": evaluation_rules.half_is_enough_satisfied,
        "half_is_enough_basic": evaluation_rules.half_is_enough_basic,
        "pass_rate": str(evaluation_rules.pass_rate),
    }


def evaluation_rules_from_json(document: Mapping[str, Any]) -> EvaluationRules:
    """The rules `evaluation_rules_json` wrote (a published commitment's `rules`)."""
    return EvaluationRules(
        rule_type=satisfaction.RuleType(document["rule_type"]),
        base=Base(document["base"]),
        half_is_enough_satisfied=bool(document["half_is_enough_satisfied"]),
        half_is_enough_basic=bool(document["half_is_enough_basic"]),
        pass_rate=Decimal(str(document["pass_rate"])),
    )


VOTE_METHODS: dict[rules.BallotForm, BallotMethod[VoteResult]] = {
    rules.BallotForm.PER_CANDIDATE: PerCandidate(),
    rules.BallotForm.CHOOSE_N: ChooseN(),
    rules.BallotForm.RANKED: Ranked(),
}
SATISFACTION: BallotMethod[EvaluationResult] = Satisfaction()


def vote_method(form: rules.BallotForm | str) -> BallotMethod[VoteResult]:
    return VOTE_METHODS[rules.BallotForm(form)]

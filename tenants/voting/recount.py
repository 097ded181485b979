"""A round's count from its inputs alone: the sealed ballots, the tellers' agreed paper count,
the device import, the frozen turnout and the rule set (a vote's, or an evaluation's). The store closes a round through
the round's ballot method (`methods.py`), and the verifier (`record.py`) recounts a published
round record through the very same method, so the announced result and the recount cannot drift
apart. No database here."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from . import rules
from .methods import ABSTAIN, NO, SATISFACTION, YES, Box, Context, vote_method
from .satisfaction import EvaluationRules

__all__ = [
    "ABSTAIN",
    "NO",
    "YES",
    "EvaluationInputs",
    "RoundInputs",
    "count_evaluation",
    "count_round",
]


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


def count_round(given: RoundInputs) -> tuple[rules.Decision, dict[str, Any], int]:
    """The decision, the result as stored on the round, and the ballots counted."""
    counted = vote_method(given.rule_set.ballot_form).tally(
        Box(ballots=given.ballots, paper=given.paper, device=given.device),
        Context(
            order=given.order,
            seats=given.seats,
            entitled=given.entitled,
            present=given.present,
            rules=given.rule_set,
            main=given.main,
        ),
    )
    return counted.decision, counted.stored, counted.counted


@dataclass(frozen=True)
class EvaluationInputs:
    order: Sequence[str]  # the round's projects
    evaluation_rules: EvaluationRules
    entitled: int
    present: int  # the evaluation meeting's attendance (a device round's voters)
    ballots: Sequence[Mapping[str, Any]]  # sealed e-ballots' marks
    paper: rules.Tally | None = None  # the tellers' agreed mark count
    device: Mapping[str, Mapping[str, int]] | None = None  # {project: satisfied/basic/...}


def count_evaluation(given: EvaluationInputs) -> tuple[dict[str, Any], int]:
    """An evaluation round's result as stored on the round (each project's marks, outcome and
    rates by the satisfaction rules), and the ballots counted."""
    counted = SATISFACTION.tally(
        Box(ballots=given.ballots, paper=given.paper, device=given.device),
        Context(
            order=given.order,
            seats=len(given.order),
            entitled=given.entitled,
            present=given.present,
            rules=given.evaluation_rules,
        ),
    )
    return counted.stored, counted.counted

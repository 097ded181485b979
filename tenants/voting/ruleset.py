"""The vote's rule set as stored: `Cycle.rules` holds a `rules.RuleSet` whole, as JSON.

`rule_set_to_json` and `rule_set_from_json` are the only way in and out. Reading checks every
field's type and value and names the field that is wrong (`RuleSetInvalid.field`, a dotted path
such as `thresholds.1.denominator`), so a bad document is refused with a 400, never stored.
"""

from collections.abc import Mapping
from enum import StrEnum
from typing import Any, TypeVar

from .rules import (
    BallotForm,
    Comparison,
    ListKind,
    RuleSet,
    Share,
    ShortfallRule,
    Threshold,
    ThresholdBase,
)

DEFAULT_SEATS = 10


class RuleSetInvalid(ValueError):
    def __init__(self, code: str, field: str) -> None:
        super().__init__(f"{code}: {field}")
        self.code = code
        self.field = field


def share_to_json(share: Share) -> dict[str, Any]:
    return {
        "numerator": share.numerator,
        "denominator": share.denominator,
        "comparison": str(share.comparison),
    }


def rule_set_to_json(rule_set: RuleSet) -> dict[str, Any]:
    return {
        "seats": rule_set.seats,
        "list_kind": str(rule_set.list_kind),
        "min_surplus": rule_set.min_surplus,
        "ballot_form": str(rule_set.ballot_form),
        "thresholds": [
            {**share_to_json(t.share), "base": str(t.base)} for t in rule_set.thresholds
        ],
        "rank_only": rule_set.rank_only,
        "quorum": share_to_json(rule_set.quorum),
        "shortfall": str(rule_set.shortfall),
    }


def default_rules_json() -> dict[str, Any]:
    """The rules of a new cycle: common practice (rules.py) with 10 seats."""
    return rule_set_to_json(RuleSet(seats=DEFAULT_SEATS))


E = TypeVar("E", bound=StrEnum)


def _integer(data: Mapping[str, Any], key: str, path: str) -> int:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RuleSetInvalid("rule_not_an_integer", path + key)
    return value


def _choice(data: Mapping[str, Any], key: str, path: str, kind: type[E]) -> E:
    value = data.get(key)
    if not isinstance(value, str) or value not in kind.__members__.values():
        raise RuleSetInvalid("rule_not_a_choice", path + key)
    return kind(value)


def _share(data: Any, path: str) -> Share:
    if not isinstance(data, Mapping):
        raise RuleSetInvalid("rule_not_an_object", path.rstrip("."))
    return Share(
        numerator=_integer(data, "numerator", path),
        denominator=_integer(data, "denominator", path),
        comparison=_choice(data, "comparison", path, Comparison),
    )


def rule_set_from_json(data: Any) -> RuleSet:
    """The rule set a JSON document describes; RuleSetInvalid names the first field that is not
    of its type. Whether the values make a usable rule set is `RuleSet.problems()`."""
    if not isinstance(data, Mapping):
        raise RuleSetInvalid("rule_not_an_object", "rules")
    thresholds = data.get("thresholds")
    if not isinstance(thresholds, list):
        raise RuleSetInvalid("rule_not_a_list", "thresholds")
    if not isinstance(data.get("rank_only"), bool):
        raise RuleSetInvalid("rule_not_a_boolean", "rank_only")
    return RuleSet(
        seats=_integer(data, "seats", ""),
        list_kind=_choice(data, "list_kind", "", ListKind),
        min_surplus=_integer(data, "min_surplus", ""),
        ballot_form=_choice(data, "ballot_form", "", BallotForm),
        thresholds=tuple(
            Threshold(
                share=_share(t, f"thresholds.{i}."),
                base=_choice(t, "base", f"thresholds.{i}.", ThresholdBase),
            )
            for i, t in enumerate(thresholds)
        ),
        rank_only=data["rank_only"],
        quorum=_share(data.get("quorum"), "quorum."),
        shortfall=_choice(data, "shortfall", "", ShortfallRule),
    )


# Which field a problem of RuleSet.problems() is about, for the refusal to name.
PROBLEM_FIELDS = {
    "seats_too_few": "seats",
    "surplus_required": "min_surplus",
    "quorum_invalid": "quorum",
    "threshold_invalid": "thresholds",
    "rank_only_with_threshold": "rank_only",
    "threshold_required": "thresholds",
    "thresholds_too_many": "thresholds",
}

"""The year-end satisfaction rules (满意度测评) as pure functions over plain values.

Deputies mark each adopted project 满意, 基本满意, 不满意 or 弃权. The result of a project is one of
满意, 基本满意 or 不满意, by one of two rule types chosen per cycle (domain-practice.md §1.7):

- majority thresholds (镇海): 满意 if 满意 reaches half of the base; else 基本满意 if 满意 + 基本满意
  reaches half of the base; else 不满意. The base is all deputies (全体代表, default) or the valid
  ballots. Whether exactly half "reaches half" is set separately for each step: 镇海 counts
  "半数以上" for 满意 but "不足半数（含半数）" as 不满意, i.e. exactly half is enough for 满意 and not
  enough for 基本满意.
- satisfaction rate (湖州, 宁海): over the valid ballots (弃权 included: it is a valid mark that
  withholds approval), 满意 if 满意 alone reaches the pass rate; else 基本满意 if 满意 + 基本满意
  reaches it; else 不满意. "Reaches" is >=; the rate is exact (no rounding before comparing).

With no valid ballot at all, nothing reaches anything: 不满意.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .rules import rate_percent


class Mark(StrEnum):
    SATISFIED = "satisfied"  # 满意
    BASIC = "basic"  # 基本满意
    UNSATISFIED = "unsatisfied"  # 不满意
    ABSTAIN = "abstain"  # 弃权


class Outcome(StrEnum):
    SATISFIED = "satisfied"
    BASIC = "basic"
    UNSATISFIED = "unsatisfied"


class RuleType(StrEnum):
    MAJORITY = "majority"  # 过半数
    RATE = "rate"  # 满意率


class Base(StrEnum):
    ENTITLED = "entitled"  # 全体代表 (default)
    VALID = "valid"  # 有效票


HUNDRED = Decimal(100)


@dataclass(frozen=True)
class EvaluationRules:
    rule_type: RuleType = RuleType.MAJORITY
    base: Base = Base.ENTITLED  # majority thresholds only
    half_is_enough_satisfied: bool = True  # majority: 满意 exactly half -> 满意
    half_is_enough_basic: bool = True  # majority: 满意 + 基本满意 exactly half -> 基本满意
    pass_rate: Decimal = Decimal("80")  # rate: percent, 0 < rate <= 100

    def problems(self) -> list[str]:
        """Why these rules cannot be used, as codes (empty when they can)."""
        if not (Decimal(0) < self.pass_rate <= HUNDRED):
            return ["pass_rate_invalid"]
        return []


@dataclass(frozen=True)
class MarkCount:
    satisfied: int = 0
    basic: int = 0
    unsatisfied: int = 0
    abstain: int = 0

    @property
    def valid(self) -> int:
        return self.satisfied + self.basic + self.unsatisfied + self.abstain

    @property
    def approving(self) -> int:
        return self.satisfied + self.basic


def reaches_half(votes: int, base: int, *, half_is_enough: bool) -> bool:
    """Whether `votes` reach half of `base`; exactly half reaches it only if `half_is_enough`."""
    if base <= 0:
        return False
    return votes * 2 >= base if half_is_enough else votes * 2 > base


def reaches_rate(votes: int, valid: int, pass_rate: Decimal) -> bool:
    """votes / valid >= pass_rate %, compared exactly."""
    return valid > 0 and Decimal(votes) * HUNDRED >= pass_rate * valid


def satisfaction_rate(count: MarkCount) -> Decimal | None:
    """总体满意率 in percent, (满意 + 基本满意) / valid ballots, rounded half-up to 0.01 for
    display; None without valid ballots."""
    return rate_percent(count.approving, count.valid)


def verdict_base(*, count: MarkCount, entitled: int, rules: EvaluationRules) -> tuple[Base, int]:
    """The base the verdict is measured on, and its size: all deputies or the valid ballots."""
    if rules.rule_type == RuleType.MAJORITY and rules.base == Base.ENTITLED:
        return Base.ENTITLED, entitled
    return Base.VALID, count.valid


@dataclass(frozen=True)
class ProjectRates:
    """A project's rates, each with the base it is measured on, so that a rate never stands
    unexplained beside a verdict taken on another base. Percent, half-up, None without a base."""

    satisfied: Decimal | None  # 满意 / valid
    basic: Decimal | None  # 基本满意 / valid
    unsatisfied: Decimal | None  # 不满意 / valid
    abstain: Decimal | None  # 弃权 / valid
    rate: Decimal | None  # 总体满意率: (满意 + 基本满意) / valid
    verdict_base: Base  # what the verdict is measured on
    verdict_base_count: int
    verdict_rate: Decimal | None  # (满意 + 基本满意) / the verdict's base


def project_rates(*, count: MarkCount, entitled: int, rules: EvaluationRules) -> ProjectRates:
    base, size = verdict_base(count=count, entitled=entitled, rules=rules)
    return ProjectRates(
        satisfied=rate_percent(count.satisfied, count.valid),
        basic=rate_percent(count.basic, count.valid),
        unsatisfied=rate_percent(count.unsatisfied, count.valid),
        abstain=rate_percent(count.abstain, count.valid),
        rate=rate_percent(count.approving, count.valid),
        verdict_base=base,
        verdict_base_count=size,
        verdict_rate=rate_percent(count.approving, size),
    )


def outcome(*, count: MarkCount, entitled: int, rules: EvaluationRules) -> Outcome:
    """The result of one project."""
    if rules.rule_type == RuleType.RATE:
        if reaches_rate(count.satisfied, count.valid, rules.pass_rate):
            return Outcome.SATISFIED
        if reaches_rate(count.approving, count.valid, rules.pass_rate):
            return Outcome.BASIC
        return Outcome.UNSATISFIED
    base = entitled if rules.base == Base.ENTITLED else count.valid
    if reaches_half(count.satisfied, base, half_is_enough=rules.half_is_enough_satisfied):
        return Outcome.SATISFIED
    if reaches_half(count.approving, base, half_is_enough=rules.half_is_enough_basic):
        return Outcome.BASIC
    return Outcome.UNSATISFIED


def ballot_marks_valid(marks: dict[str, object], projects: set[str]) -> bool:
    """A ballot marks every project of the round exactly once, with one of the four marks."""
    return set(marks) == projects and all(m in set(Mark) for m in marks.values())

"""The vote rules as pure functions over plain values: quorum, validity, threshold, adoption,
ties and shortfall. No ORM here: services feed counts in and store what comes out.

Defaults follow common practice (domain-practice.md §1.5): a project passes with more than half of
all deputies (全体代表过半数) voting 赞成; passing projects are ranked by 赞成 and the top N adopted;
a tie at the cut-off goes to a new round among the tied, never to a silent pick.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum


class BallotForm(StrEnum):
    PER_CANDIDATE = "per_candidate"  # 赞成/反对/弃权 for each candidate
    CHOOSE_N = "choose_n"  # mark at most N candidates
    RANKED = "ranked"  # number at most N candidates by priority (轻重缓急), 1 first


class ListKind(StrEnum):
    COMPETITIVE = "competitive"  # 差额: more candidates than seats
    EQUAL = "equal"  # 等额: as many candidates as seats, each voted on its own


class ThresholdBase(StrEnum):
    ENTITLED = "entitled"  # 全体代表 (default)
    PRESENT = "present"  # 出席代表
    VALID = "valid"  # 有效票


class Comparison(StrEnum):
    MORE_THAN = "more_than"  # 超过, 过半数: strictly more than the share
    AT_LEAST = "at_least"  # 达到, 以上 (含本数): the share itself is enough


class ShortfallRule(StrEnum):
    ACCEPT_FEWER = "accept_fewer"  # fewer than N pass: adopt those that did
    NEW_ROUND = "new_round"  # 另行票决 among the rest for the seats left


@dataclass(frozen=True)
class Share:
    """A share of a base, as published: 过半数 is more than 1/2, 达到三分之二 at least 2/3."""

    numerator: int
    denominator: int
    comparison: Comparison = Comparison.MORE_THAN

    @property
    def valid(self) -> bool:
        """A share of the whole that some count can reach (more than all of it cannot)."""
        if not 0 < self.numerator <= self.denominator:
            return False
        return self.numerator < self.denominator or self.comparison == Comparison.AT_LEAST

    def reached(self, votes: int, base: int) -> bool:
        """Whether `votes` reach this share of `base`, on integers. Nothing reaches a share of
        an empty base."""
        if base <= 0:
            return False
        if self.comparison == Comparison.AT_LEAST:
            return votes * self.denominator >= base * self.numerator
        return votes * self.denominator > base * self.numerator

    def fewest(self, base: int) -> int:
        """The fewest votes of `base` that reach the share."""
        if self.comparison == Comparison.AT_LEAST:
            return -(-base * self.numerator // self.denominator)
        return base * self.numerator // self.denominator + 1


MORE_THAN_HALF = Share(1, 2, Comparison.MORE_THAN)
TWO_THIRDS = Share(2, 3, Comparison.AT_LEAST)


@dataclass(frozen=True)
class Threshold:
    """赞成 must reach `share` of `base` for a candidate to pass."""

    share: Share = MORE_THAN_HALF
    base: ThresholdBase = ThresholdBase.ENTITLED


@dataclass(frozen=True)
class RuleSet:
    """Every rule of a vote, as one value (stored whole on the cycle, tenants/voting/ruleset.py).

    `thresholds` must all hold (one, or a double threshold such as 过半数 and 超过三分之二);
    `rank_only` fills the seats by rank of 赞成 with no threshold at all. A tie at the cut-off
    always calls for a new round among the tied (选举法's 再次投票)."""

    seats: int
    list_kind: ListKind = ListKind.COMPETITIVE
    min_surplus: int = 1
    ballot_form: BallotForm = BallotForm.PER_CANDIDATE
    thresholds: tuple[Threshold, ...] = (Threshold(),)
    rank_only: bool = False
    quorum: Share = TWO_THIRDS
    shortfall: ShortfallRule = ShortfallRule.ACCEPT_FEWER

    def problems(self) -> list[str]:
        """Why this rule set cannot be used, as codes (empty when it can)."""
        found = []
        if self.seats < 1:
            found.append("seats_too_few")
        if self.list_kind == ListKind.COMPETITIVE and self.min_surplus < 1:
            found.append("surplus_required")
        if not self.quorum.valid:
            found.append("quorum_invalid")
        if any(not t.share.valid for t in self.thresholds):
            found.append("threshold_invalid")
        if self.rank_only and self.thresholds:
            found.append("rank_only_with_threshold")
        if not self.rank_only and not self.thresholds:
            found.append("threshold_required")
        if len(self.thresholds) > 2:
            found.append("thresholds_too_many")
        return found


@dataclass(frozen=True)
class CandidateCount:
    yes: int
    no: int = 0
    abstain: int = 0
    points: int = 0  # ranked ballots: the candidate's priority points (ranked_points)

    @property
    def cast(self) -> int:
        return self.yes + self.no + self.abstain


@dataclass(frozen=True)
class Turnout:
    entitled: int  # 应到: deputies entitled to vote in this round
    present: int  # 实到: signed in
    valid_ballots: int  # ballots counted (choose-N, ranked); per-candidate forms use `cast`


@dataclass(frozen=True)
class Decision:
    adopted: tuple[str, ...]  # in rank order
    next_round: tuple[str, ...] = ()  # candidates of the round that must follow
    next_round_seats: int = 0
    reason: str = ""  # "tie" | "shortfall" | ""
    passing: tuple[str, ...] = field(default=())


def candidates_needed(rules: RuleSet) -> int:
    """How many candidates the list must hold: the seats (等额) or the seats and the surplus."""
    if rules.list_kind == ListKind.EQUAL:
        return rules.seats
    return rules.seats + rules.min_surplus


def candidate_list_ok(*, candidates: int, rules: RuleSet) -> bool:
    """差额: more candidates than seats, by at least the surplus; 等额: exactly the seats."""
    if rules.list_kind == ListKind.EQUAL:
        return candidates == rules.seats
    return candidates >= candidates_needed(rules)


def quorum_met(*, entitled: int, present: int, rules: RuleSet) -> bool:
    """A round opens only when present reaches the quorum (at least 2/3 of all by default)."""
    return rules.quorum.reached(present, entitled)


def quorum_needed(*, entitled: int, rules: RuleSet) -> int:
    """The fewest present that meet the quorum."""
    return rules.quorum.fewest(entitled)


def choose_n_ballot_valid(*, marks: int, seats: int) -> bool:
    """A choose-N ballot marking more than N candidates is invalid."""
    return 0 <= marks <= seats


def ranked_ballot_valid(*, ranking: Sequence[str], seats: int) -> bool:
    """A ranked ballot numbers at most N candidates, each once."""
    return len(set(ranking)) == len(ranking) <= seats


def ranked_points(*, ballots: Iterable[Sequence[str]], seats: int) -> dict[str, int]:
    """Priority points of ranked ballots: the candidate numbered 1 earns N points, 2 earns N-1,
    and so on (a Borda count over the seats); an unnumbered candidate earns nothing."""
    points: dict[str, int] = {}
    for ranking in ballots:
        for position, candidate in enumerate(ranking):
            points[candidate] = points.get(candidate, 0) + seats - position
    return points


def paper_round_valid(*, issued: int, returned: int) -> bool:
    """More ballots returned than issued invalidates a paper round."""
    return 0 <= returned <= issued


def base_size(
    *, base: ThresholdBase, count: CandidateCount, turnout: Turnout, rules: RuleSet
) -> int:
    """The size of a threshold's base for one candidate."""
    if base == ThresholdBase.ENTITLED:
        return turnout.entitled
    if base == ThresholdBase.PRESENT:
        return turnout.present
    if rules.ballot_form == BallotForm.PER_CANDIDATE:
        return count.cast
    return turnout.valid_ballots


def share_base(rules: RuleSet) -> ThresholdBase:
    """The base a candidate's 票决率 is shown over: its first threshold's, or the valid ballots
    when the seats go by rank alone."""
    if rules.thresholds:
        return rules.thresholds[0].base
    return ThresholdBase.VALID


def passes(*, count: CandidateCount, turnout: Turnout, rules: RuleSet) -> bool:
    """Every threshold holds (none to hold when ranking only)."""
    return all(
        t.share.reached(
            count.yes, base_size(base=t.base, count=count, turnout=turnout, rules=rules)
        )
        for t in rules.thresholds
    )


def rank_value(count: CandidateCount, rules: RuleSet) -> int:
    """What candidates are ranked by: priority points on ranked ballots, else 赞成."""
    if rules.ballot_form == BallotForm.RANKED:
        return count.points
    return count.yes


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
    value = {c: rank_value(counts[c], rules) for c in order}
    passing = tuple(
        sorted(
            (c for c in order if passes(count=counts[c], turnout=turnout, rules=rules)),
            key=lambda c: (-value[c], position[c]),
        )
    )
    if len(passing) > seats:
        cutoff = value[passing[seats - 1]]
        above = tuple(c for c in passing if value[c] > cutoff)
        tied = tuple(c for c in passing if value[c] == cutoff)
        if len(above) + len(tied) > seats:
            return _another_round(above, tied, seats=seats, reason="tie", passing=passing)
        return Decision(adopted=passing[:seats], passing=passing)
    if (
        len(passing) < seats
        and rules.shortfall == ShortfallRule.NEW_ROUND
        and shortfall_round_allowed
    ):
        rest = tuple(c for c in order if c not in passing)
        if rest:
            return _another_round(passing, rest, seats=seats, reason="shortfall", passing=passing)
    return Decision(adopted=passing, passing=passing)


def _another_round(
    adopted: tuple[str, ...],
    next_round: tuple[str, ...],
    *,
    seats: int,
    reason: str,
    passing: tuple[str, ...],
) -> Decision:
    """`adopted` now; `next_round` to another round, for the seats they leave (`reason`)."""
    return Decision(adopted, next_round, seats - len(adopted), reason, passing)


def rate_percent(part: int, whole: int) -> Decimal | None:
    """`part` of `whole` in percent with two decimals, rounded half-up (四舍五入) as official
    documents round: 29 of 32 is 90.625 %, shown 90.63 % (Python's default half-to-even would say
    90.62). Computed on integers, so no binary or context rounding creeps in. None without a whole.
    Every rate the module shows goes through here: the 票决率, the 满意率 and the per-mark rates."""
    if whole <= 0:
        return None
    hundredths = (2 * 10_000 * part + whole) // (2 * whole)
    return Decimal(hundredths).scaleb(-2)


# --- Counts entered for a round: paper tallies and device imports ---------------------------


class TallyKind(StrEnum):
    """What a count's rows must add up to, by ballot form."""

    EVERY_ITEM = "every_item"  # a valid ballot marks each item once or leaves it blank
    CHOOSE_N = "choose_n"  # a valid ballot marks at most N items


@dataclass(frozen=True)
class Tally:
    """One count of a round: per item (candidate or project) the number of each mark, blank and
    未按 included; the ballots collected (paper ballots returned, or deputies present for a device
    import) and how many of them were invalid."""

    rows: Mapping[str, Mapping[str, int]]
    collected: int
    invalid: int = 0

    @property
    def valid(self) -> int:
        return self.collected - self.invalid


@dataclass(frozen=True)
class TallyProblem:
    """Why a count cannot be right: a code, the item it is in ("" for the whole count), and the
    figure found against the one expected, for the refusal to name."""

    code: str
    item: str = ""
    found: int = 0
    expected: int = 0


def tally_problems(
    *, tally: Tally, items: Sequence[str], issued: int | None, kind: TallyKind, seats: int
) -> list[TallyProblem]:
    """Every reason the count cannot be right (empty when it can).

    The whole count: nothing negative; collected <= issued (when ballots are issued);
    invalid <= collected; one row per item of the round. Each row of an `EVERY_ITEM` count adds up
    to the valid ballots exactly: a row short of it would silently shrink its own base. A
    `CHOOSE_N` row never exceeds the valid ballots, and all marks together never exceed N x valid.
    """
    found: list[TallyProblem] = []
    if tally.collected < 0 or tally.invalid < 0:
        return [TallyProblem("tally_negative")]
    if issued is not None and tally.collected > issued:
        found.append(TallyProblem("tally_collected_exceeds_issued", "", tally.collected, issued))
    if tally.invalid > tally.collected:
        found.append(
            TallyProblem("tally_invalid_exceeds_collected", "", tally.invalid, tally.collected)
        )
        return found
    wanted = list(items)
    found += [TallyProblem("tally_item_missing", i) for i in wanted if i not in tally.rows]
    found += [TallyProblem("tally_item_unknown", i) for i in tally.rows if i not in wanted]
    rows = {i: tally.rows[i] for i in wanted if i in tally.rows}
    negative = [i for i, row in rows.items() if any(n < 0 for n in row.values())]
    found += [TallyProblem("tally_negative", i) for i in negative]
    totals = {i: sum(row.values()) for i, row in rows.items() if i not in negative}
    if kind == TallyKind.EVERY_ITEM:
        found += [
            TallyProblem("tally_row_mismatch", i, total, tally.valid)
            for i, total in totals.items()
            if total != tally.valid
        ]
        return found
    found += [
        TallyProblem("tally_row_exceeds_valid", i, total, tally.valid)
        for i, total in totals.items()
        if total > tally.valid
    ]
    if sum(totals.values()) > seats * tally.valid:
        found.append(
            TallyProblem("tally_marks_exceed_seats", "", sum(totals.values()), seats * tally.valid)
        )
    return found


@dataclass(frozen=True)
class TallyComparison:
    """Two tellers' counts side by side: whether the totals differ and in which items."""

    totals_differ: bool
    items: tuple[str, ...]

    @property
    def agree(self) -> bool:
        return not self.totals_differ and not self.items


def tallies_compare(first: Tally, second: Tally) -> TallyComparison:
    """Where two tellers' independent counts differ. A mark missing from a row counts as 0."""
    totals_differ = (first.collected, first.invalid) != (second.collected, second.invalid)
    differ = []
    for item in sorted(set(first.rows) | set(second.rows)):
        a, b = first.rows.get(item, {}), second.rows.get(item, {})
        if any(a.get(mark, 0) != b.get(mark, 0) for mark in set(a) | set(b)):
            differ.append(item)
    return TallyComparison(totals_differ=totals_differ, items=tuple(differ))


def tallies_agree(first: Tally, second: Tally) -> bool:
    """Two tellers' independent counts must be identical before a paper round is counted."""
    return tallies_compare(first, second).agree


# --- Which entries a round takes, and which round may follow ------------------------------

# A round's channel says which entries it takes: an electronic ballot from a deputy's phone, a
# paper ballot issued and counted by the tellers, or a voting-device import.
CHANNEL_ENTRIES: Mapping[str, frozenset[str]] = {
    "electronic": frozenset({"electronic"}),
    "paper": frozenset({"paper"}),
    "device": frozenset({"device"}),
    "hybrid": frozenset({"electronic", "paper"}),
}


def channel_accepts(*, channel: str, entry: str) -> bool:
    return entry in CHANNEL_ENTRIES.get(channel, frozenset())


def sign_in_open(*, rounds_opened: int) -> bool:
    """Attendance is frozen when the first round opens: a later sign-in would raise 实到 (and
    score 出席会议) for a deputy who could not have voted in it."""
    return rounds_opened == 0


@dataclass(frozen=True)
class RoundPlan:
    """A round of the vote: its kind (main | tie | shortfall), its candidates and its seats."""

    kind: str
    candidates: frozenset[str]
    seats: int


@dataclass(frozen=True)
class RoundOutcome:
    """What the cycle's latest vote round left: it was void (voted again as it was), or its
    decision calls for a tie or shortfall round (`reason`, `next_round`), or nothing more."""

    plan: RoundPlan
    void: bool = False
    next_round: frozenset[str] = frozenset()
    next_round_seats: int = 0
    reason: str = ""


def next_round_plan(
    *, listed: Iterable[str], seats: int, last: RoundOutcome | None
) -> RoundPlan | None:
    """The one round the rules allow next, or None once the vote is decided: the main round over
    every listed candidate; a void round again as it was; the tied candidates for the seats
    left; a shortfall round from the remaining candidates. A closed round's rejected candidates
    are never voted on again."""
    if last is None:
        return RoundPlan("main", frozenset(listed), seats)
    if last.void:
        return last.plan
    if last.next_round and last.reason in ("tie", "shortfall"):
        return RoundPlan(last.reason, last.next_round, last.next_round_seats)
    return None


def round_plan_problem(*, wanted: RoundPlan, allowed: RoundPlan | None) -> str:
    """Why the chair may not open `wanted` (a code), or "" when it is the round allowed."""
    if allowed is None:
        return "vote_decided"
    if wanted.kind != allowed.kind:
        return "round_kind_not_allowed"
    if wanted.candidates != allowed.candidates:
        return "round_candidates_not_allowed"
    if wanted.seats != allowed.seats:
        return "round_seats_not_allowed"
    return ""

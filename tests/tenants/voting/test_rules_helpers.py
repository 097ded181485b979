"""What the vote rules tests share: a round decided with the arguments most examples leave as
they are, whether a lone candidate is adopted, and the counts a turnout allows. It holds no test:
it is named like the rules tests because the mutation check (docs/mutation.md) runs them in a
copy that takes only files named so."""

from collections.abc import Mapping

from hypothesis import strategies as st

from tenants.voting.rules import (
    BallotForm,
    CandidateCount,
    Decision,
    RuleSet,
    Threshold,
    ThresholdBase,
    Turnout,
    decide,
)

EVERYONE = Turnout(100, 100, 100)  # all 100 deputies present, every ballot valid
TURNOUT = Turnout(entitled=100, present=70, valid_ballots=59)


def decided(
    counts: Mapping[str, CandidateCount],
    seats: int,
    rules: RuleSet | None = None,
    *,
    turnout: Turnout = EVERYONE,
    order: list[str] | None = None,
    shortfall_round_allowed: bool | None = None,
) -> Decision:
    """The round decided for `seats` seats by `rules` (the default rule set if None), the
    candidates on the ballot in the order of `counts` unless `order` is given. Whether a
    shortfall round may follow is decide's own default unless said, so the examples hold it."""
    given = (
        {}
        if shortfall_round_allowed is None
        else {"shortfall_round_allowed": shortfall_round_allowed}
    )
    return decide(
        counts=counts,
        order=list(counts) if order is None else order,
        turnout=turnout,
        seats=seats,
        rules=rules or RuleSet(seats=seats),
        **given,
    )


def adopted_alone(
    count: CandidateCount,
    base: ThresholdBase,
    form: BallotForm = BallotForm.PER_CANDIDATE,
    turnout: Turnout = TURNOUT,
) -> bool:
    """Whether a lone candidate for one seat with `count` is adopted, the majority taken of
    `base` on a ballot of `form`."""
    rules = RuleSet(seats=1, thresholds=(Threshold(base=base),), ballot_form=form)
    return decided({"a": count}, 1, rules, turnout=turnout).adopted == ("a",)


@st.composite
def counts_within(draw: st.DrawFn, present: int) -> CandidateCount:
    """One candidate's 赞成, 反对 and 弃权, cast by at most `present` deputies."""
    yes = draw(st.integers(0, present))
    no = draw(st.integers(0, present - yes))
    return CandidateCount(yes, no, draw(st.integers(0, present - yes - no)))


@st.composite
def counted(draw: st.DrawFn, entitled: int) -> tuple[Turnout, CandidateCount]:
    """A turnout of `entitled` deputies, and one candidate's count that fits it."""
    present = draw(st.integers(0, entitled))
    turnout = Turnout(entitled, present, draw(st.integers(0, present)))
    return turnout, draw(counts_within(present))

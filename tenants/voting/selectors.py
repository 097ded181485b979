from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db.models import Count, Exists, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from tenants.deputies.models import Deputy, Term

from . import rules
from .methods import SATISFACTION, BallotMethod, vote_method
from .models import (
    Attendance,
    Call,
    Candidate,
    Cycle,
    GovernanceStep,
    Participation,
    Phase,
    Proposal,
    Round,
    RuleTemplate,
)
from .rule_templates import template_current
from .ruleset import default_rules_json, rule_set_from_json
from .satisfaction import Base, EvaluationRules, RuleType


def cycle_rule_set(cycle: Cycle) -> rules.RuleSet:
    """The cycle's rule set as the typed value (stored whole in `Cycle.rules`)."""
    return rule_set_from_json(cycle.rules)


def cycle_evaluation_rules(cycle: Cycle) -> EvaluationRules:
    """The year-end evaluation's rule set as the typed value (fixed when the evaluation opens)."""
    return EvaluationRules(
        rule_type=RuleType(cycle.evaluation_rule_type),
        base=Base(cycle.evaluation_base),
        half_is_enough_satisfied=cycle.evaluation_half_is_enough_satisfied,
        half_is_enough_basic=cycle.evaluation_half_is_enough_basic,
        pass_rate=Decimal(cycle.evaluation_pass_rate),
    )


def round_method(round_: Round) -> BallotMethod[Any]:
    """The ballot method of a round: the evaluation's satisfaction marks, or the vote's form."""
    if round_.kind == Round.Kind.EVALUATION:
        return SATISFACTION
    return vote_method(cycle_rule_set(round_.cycle).ballot_form)


def cycle_entitled_deputies(cycle: Cycle) -> QuerySet[Deputy]:
    """The deputies who may vote: serving deputies of the cycle's term."""
    return Deputy.objects.filter(term=cycle.term, status=Deputy.Status.SERVING)


def round_live_count(round_: Round) -> int:
    """Ballots cast so far: what the chair sees, never their content."""
    return round_.participations.count()


def _count_of(rows: QuerySet[Any]) -> Subquery:
    """How many `rows` (correlated with OuterRef), as a subquery: unlike Count over joins, counts
    beside each other neither multiply the rows joined nor make the query group them."""
    counted = rows.order_by().annotate(n=Func(F("pk"), function="COUNT")).values("n")
    return Subquery(counted, output_field=IntegerField())


def cycle_list() -> QuerySet[Cycle]:
    """The cycles with their counts, one subquery each: a session of three thousand present
    costs the same few index scans as one of thirty."""
    return Cycle.objects.annotate(
        candidate_count=_count_of(Candidate.objects.filter(cycle=OuterRef("pk"))),
        present_count=_count_of(
            Attendance.objects.filter(cycle=OuterRef("pk"), meeting=Attendance.Meeting.SESSION)
        ),
        entitled_count=_count_of(
            Deputy.objects.filter(term=OuterRef("term"), status=Deputy.Status.SERVING)
        ),
        has_call=Exists(Call.objects.filter(cycle=OuterRef("pk"))),
    ).order_by("-year")


def deputy_of_user(cycle: Cycle, user_id: int) -> Deputy | None:
    """The caller's seat among the deputies entitled to vote in this cycle, if any."""
    return cycle_entitled_deputies(cycle).filter(user_id=user_id).first()


def _rounds_with_counts() -> QuerySet[Round]:
    return (
        Round.objects.select_related("cycle")
        .prefetch_related("candidates")
        .annotate(ballots_cast=Count("participations"))
        .order_by("number")
    )


def rounds_for_display() -> QuerySet[Round]:
    """The vote's rounds with their cycle, candidates and live count, in a fixed number of
    queries. The year-end evaluation's round is not one of them (evaluation.py)."""
    return _rounds_with_counts().exclude(kind=Round.Kind.EVALUATION)


def roll_call_list(cycle: Cycle, *, evaluation: bool = False) -> QuerySet[Deputy]:
    """The roll: the entitled deputies, each with whether they are present (the session's
    attendance, or the evaluation meeting's), in roster order."""
    meeting = Attendance.Meeting.EVALUATION if evaluation else Attendance.Meeting.SESSION
    present = Attendance.objects.filter(cycle=cycle, meeting=meeting, deputy=OuterRef("pk"))
    return cycle_entitled_deputies(cycle).annotate(present=Exists(present))


def paper_issue_list(round_: Round) -> QuerySet[Deputy]:
    """发票 list: the roll of the round's meeting, with how each deputy already took part in the
    round (a paper ballot issued, an e-ballot cast), if they did."""
    took_part = Participation.objects.filter(round=round_, deputy=OuterRef("pk"))
    return roll_call_list(round_.cycle, evaluation=round_.kind == Round.Kind.EVALUATION).annotate(
        took_part=Subquery(took_part.values("channel")[:1])
    )


def round_for_display(round_id: int) -> Round | None:
    """Any round, the evaluation's included: its ballots go through the same endpoints."""
    return _rounds_with_counts().filter(pk=round_id).first()


def rounds_voted_in(deputy: Deputy | None, rounds: list[Round]) -> set[int]:
    if deputy is None:
        return set()
    return set(
        Participation.objects.filter(deputy=deputy, round__in=rounds).values_list(
            "round_id", flat=True
        )
    )


def proposal_outcome(proposal: Proposal) -> dict[str, object]:
    """Where a proposal stands, for its submitter: derived from the proposal, the proposal it was
    merged into, and the candidate and vote it became, never stored twice."""
    followed = proposal.merged_into or proposal
    # This year's candidate: one of an earlier year (back in the reserve since) is history.
    candidate = Candidate.objects.filter(proposal=followed, cycle=followed.cycle_id).first()
    if candidate is not None and candidate.status != Candidate.Status.CANDIDATE:
        status, label = candidate.status, Candidate.Status(candidate.status).label
        detail = _("第 %(rank)d 位") % {"rank": candidate.rank} if candidate.rank else ""
    elif candidate is not None:
        status, label, detail = "candidate", Candidate.Status.CANDIDATE.label, ""
    else:
        status, label = followed.status, Proposal.Status(followed.status).label
        detail = followed.screening_reason if followed.status == Proposal.Status.REJECTED else ""
    if proposal.merged_into is not None:
        detail = _("已与“%(title)s”合并办理。") % {"title": followed.title} + (
            f" {detail}" if detail else ""
        )
    return {
        "tracking_code": proposal.tracking_code,
        "title": proposal.title,
        "status": status,
        "status_label": str(label),
        "detail": str(detail),
        "year": proposal.cycle.year,
    }


def candidates_by_ids(ids: Iterable[int]) -> QuerySet[Candidate]:
    """Candidates by id, for the modules that react to voting's events."""
    return Candidate.objects.filter(pk__in=list(ids))


# While a cycle is in one of these phases, its term's deputies still have a vote to cast in it
# (the candidates' vote, or the year-end evaluation): the term may not close under it.
PHASES_NEEDING_TERM = (
    Phase.SOLICIT,
    Phase.SHORTLIST,
    Phase.DELIBERATE,
    Phase.VOTE,
    Phase.EVALUATE,
)


def term_close_blocker(term: Term) -> str | None:
    """Why `term` may not close yet: a cycle of it whose deputies still vote (a TermCloseGuard)."""
    cycle = Cycle.objects.filter(term=term, phase__in=PHASES_NEEDING_TERM).first()
    if cycle is None:
        return None
    return _(
        "%(year)d年度票决（%(phase)s阶段）仍需本届代表表决，请待其进入实施监督后再结束本届。"
    ) % {
        "year": cycle.year,
        "phase": Phase(cycle.phase).label,
    }


def cycle_rules_template() -> tuple[rules.RuleSet, int | None, RuleTemplate | None]:
    """The rule set a new cycle starts from: the congress's rule template (its own, else the
    nearest above: rule_templates.template_current), else its own last cycle (its practice, with
    the year it comes from), else common practice (ruleset.default_rules_json)."""
    template = template_current()
    if template is not None:
        return rule_set_from_json(template.rules), None, template
    last = Cycle.objects.order_by("-year").first()
    if last is None:
        return rule_set_from_json(default_rules_json()), None, None
    return cycle_rule_set(last), last.year, None


def governance_kind_labels() -> dict[str, Promise]:
    """Each governance step's kind (会商, 党委审定) and its name, for the audit log's labels."""
    return {kind.value: kind.label for kind in GovernanceStep.Kind}


def reserve_proposals(*, text: str = "", origin_year: int | None = None) -> QuerySet[Proposal]:
    """储备库: the proposals kept in the reserve, of every year, oldest proposal first, each with
    how many times it was a candidate before (`times_candidate`)."""
    found = Proposal.objects.filter(status=Proposal.Status.RESERVE).select_related("cycle")
    if text.strip():
        found = found.filter(Q(title__icontains=text.strip()) | Q(category__icontains=text.strip()))
    if origin_year is not None:
        found = found.filter(origin_year=origin_year)
    return found.annotate(times_candidate=Count("candidate")).order_by(
        "origin_year", "submitted_at"
    )

"""Reads for the documents and exports: the database turned into the plain data that
`documents.py` and `exports.py` render. Counts come from what `round_close` froze in
`Round.result`, never from the ballots."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ops.privacy import masked_phone

from . import documents as d
from . import rules
from .exports import CandidateRow, ProposalRow, ResultRow
from .models import Candidate, Cycle, Proposal, Round
from .selectors import cycle_rule_set


def closed_rounds(cycle: Cycle) -> QuerySet[Round]:
    return (
        Round.objects.filter(cycle=cycle, state=Round.State.CLOSED)
        .exclude(kind=Round.Kind.EVALUATION)
        .prefetch_related("candidates")
        .order_by("number")
    )


def cycle_vote_unfinished(cycle: Cycle) -> bool:
    """Whether another round must still be held: one is open, or the last closed round called
    for a tie or shortfall round. An announcement then would publish a partial result."""
    if (
        Round.objects.filter(cycle=cycle, state=Round.State.OPEN)
        .exclude(kind=Round.Kind.EVALUATION)
        .exists()
    ):
        return True
    last = closed_rounds(cycle).last()
    return last is not None and bool((last.result or {}).get("next_round"))


def _kind(round_: Round) -> str:
    return str(Round.Kind(round_.kind).label)


def round_sheet(round_: Round, *, congress: str) -> d.RoundSheet:
    """The ballot's and tally sheet's data. Printed documents are Chinese in any language."""
    with translation.override("zh-hans"):
        kind = _kind(round_)
    return d.RoundSheet(
        congress=congress,
        cycle_title=round_.cycle.title,
        round_number=round_.number,
        round_kind=kind,
        ballot_form=str(cycle_rule_set(round_.cycle).ballot_form),
        seats=round_.seats,
        candidates=[
            d.CandidateLine(c.sequence, c.name, c.estimated_cost)
            for c in sorted(round_.candidates.all(), key=lambda c: c.sequence)
        ],
    )


def _counts(round_: Round, candidate_pk: int) -> dict[str, int]:
    result: dict[str, Any] = round_.result or {}
    found = result.get("counts", {}).get(str(candidate_pk))
    return {k: int(found.get(k, 0)) for k in ("yes", "no", "abstain")} if found else {}


def cycle_announcement(cycle: Cycle, *, congress: str) -> d.Announcement | None:
    """The announcement's data, or None while no round has been closed."""
    rounds = list(closed_rounds(cycle))
    if not rounds:
        return None
    adopted_in: dict[int, Round] = {}
    for round_ in rounds:
        for pk in (round_.result or {}).get("adopted", []):
            adopted_in[int(pk)] = round_
    adopted = Candidate.objects.filter(cycle=cycle, status=Candidate.Status.ADOPTED).order_by(
        "rank", "sequence"
    )
    lines = []
    for c in adopted:
        deciding_round = adopted_in.get(c.pk)
        counts = _counts(deciding_round, c.pk) if deciding_round else {}
        lines.append(
            d.AdoptedLine(
                rank=c.rank or 0,
                name=c.name,
                yes=counts.get("yes", 0),
                no=counts.get("no", 0),
                abstain=counts.get("abstain", 0),
                round_number=deciding_round.number if deciding_round else 0,
                share=((deciding_round.result or {}).get("shares") or {}).get(str(c.pk))
                if deciding_round
                else None,
            )
        )
    deciding = [r for r in rounds if r in adopted_in.values()] or rounds
    with translation.override("zh-hans"):
        summaries = [
            d.DecidingRound(
                number=r.number,
                kind=_kind(r),
                entitled=r.entitled_count or 0,
                present=r.present_count or 0,
                ballots=r.ballot_count or 0,
            )
            for r in deciding
        ]
    last_closed = max(r.closed_at for r in rounds if r.closed_at is not None)
    return d.Announcement(
        congress=congress,
        cycle_title=cycle.title,
        date=timezone.localdate(last_closed),
        ballot_form=str(cycle_rule_set(cycle).ballot_form),
        adopted=lines,
        rounds=summaries,
        share_base=str(rules.share_base(cycle_rule_set(cycle))),
    )


def proposal_rows(cycle: Cycle) -> list[ProposalRow]:
    return [
        ProposalRow(
            submitted_at=timezone.localtime(p.submitted_at).strftime("%Y-%m-%d %H:%M"),
            source=str(Proposal.Source(p.source).label),
            title=p.title,
            category=p.category,
            location=p.location,
            estimated_cost=p.estimated_cost,
            submitter_name=p.submitter_name,
            submitter_phone=masked_phone(p.submitter_phone),
            tracking_code=p.tracking_code,
            status=str(Proposal.Status(p.status).label),
            screening_reason=p.screening_reason,
        )
        for p in Proposal.objects.filter(cycle=cycle).order_by("submitted_at")
    ]


def candidate_rows(cycle: Cycle) -> list[CandidateRow]:
    return [
        CandidateRow(
            sequence=c.sequence,
            name=c.name,
            category=c.category,
            estimated_cost=c.estimated_cost,
            status=str(Candidate.Status(c.status).label),
            rank=c.rank,
        )
        for c in Candidate.objects.filter(cycle=cycle).order_by("sequence")
    ]


def _outcome(result: dict[str, Any], pk: str) -> str:
    if pk in result.get("adopted", []):
        return _("通过")
    if pk in result.get("next_round", []):
        return _("进入下一轮")
    return _("未通过")


def result_rows(cycle: Cycle) -> list[ResultRow]:
    """One row per candidate of each closed round, in round and ballot order."""
    rows = []
    for round_ in closed_rounds(cycle):
        result: dict[str, Any] = round_.result or {}
        for c in sorted(round_.candidates.all(), key=lambda c: c.sequence):
            counts = _counts(round_, c.pk)
            rows.append(
                ResultRow(
                    round_number=round_.number,
                    round_kind=_kind(round_),
                    entitled=round_.entitled_count or 0,
                    present=round_.present_count or 0,
                    ballots=round_.ballot_count or 0,
                    sequence=c.sequence,
                    name=c.name,
                    yes=counts.get("yes", 0),
                    no=counts.get("no", 0),
                    abstain=counts.get("abstain", 0),
                    outcome=_outcome(result, str(c.pk)),
                )
            )
    return rows

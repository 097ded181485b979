"""Paper ballots: issuing them (which records participation, so a deputy with a paper ballot can
no longer vote electronically in a hybrid round) and the tellers' two independent counts."""

from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError, NotAllowed
from tenants.deputies.models import Deputy

from . import rules
from .models import Channel, Participation, Round, TallyEntry
from .phases import phase_require

PAPER_CHANNELS = (Channel.PAPER, Channel.HYBRID)


def _open_round(round_id: int) -> Round:
    round_ = Round.objects.select_for_update().select_related("cycle").filter(pk=round_id).first()
    if round_ is None:
        raise DomainError("round_unknown", _("该投票不存在。"))
    phase_require(round_.cycle, "cast")
    if round_.state != Round.State.OPEN:
        raise DomainError("round_not_open", _("该轮投票未开始或已结束。"))
    return round_


def paper_issue(*, round_id: int, deputy: Deputy, actor: Any) -> Participation:
    """发票: the deputy takes a paper ballot. Recorded as their participation in the round."""
    try:
        with transaction.atomic():
            round_ = _open_round(round_id)
            if round_.cycle.channel not in PAPER_CHANNELS:
                raise DomainError("paper_not_allowed", _("本次票决不使用纸质选票。"))
            if not round_.cycle.attendances.filter(deputy=deputy).exists():
                raise NotAllowed("not_signed_in", _("请先签到，再投票。"))
            issued = Participation.objects.create(
                round=round_, deputy=deputy, channel=Channel.PAPER
            )
            audit_record(
                action="voting.paper_issue",
                actor=actor,
                target=round_,
                payload={"deputy": deputy.pk},
            )
    except IntegrityError:
        raise Conflict("already_voted", _("该代表已在本轮投票或已领取选票。")) from None
    return issued


def _as_tally(counts: Any, returned: int, invalid: int) -> rules.PaperTally:
    malformed = DomainError("tally_malformed", _("计票数据格式不正确。"))
    if not isinstance(counts, dict):
        raise malformed
    try:
        parsed = {
            str(pk): rules.CandidateCount(
                int(c.get("yes", 0)), int(c.get("no", 0)), int(c.get("abstain", 0))
            )
            for pk, c in counts.items()
        }
    except (AttributeError, TypeError, ValueError):
        raise malformed from None
    if returned < 0 or invalid < 0 or any(min(vars(c).values()) < 0 for c in parsed.values()):
        raise malformed
    return rules.PaperTally(counts=parsed, returned=returned, invalid=invalid)


def tally_enter(
    *, round_id: int, teller: Any, counts: Any, returned: int, invalid: int
) -> TallyEntry:
    """One teller's count; entering again replaces the teller's own (after a recount). The round
    closes only on two tellers' entries that agree."""
    tally = _as_tally(counts, returned, invalid)
    with transaction.atomic():
        round_ = _open_round(round_id)
        candidates = [str(pk) for pk in round_.candidates.values_list("pk", flat=True)]
        problems = rules.tally_problems(
            tally=tally,
            candidates=candidates,
            ballot_form=rules.BallotForm(round_.cycle.ballot_form),
            seats=round_.seats,
        )
        if problems:
            raise DomainError(problems[0], _("计票数据不成立：%(p)s") % {"p": ", ".join(problems)})
        entry, created = TallyEntry.objects.update_or_create(
            round=round_,
            teller_id=teller.pk,
            defaults={
                "returned": returned,
                "invalid": invalid,
                "counts": {pk: vars(c) for pk, c in tally.counts.items()},
            },
        )
        audit_record(
            action="voting.tally_enter" if created else "voting.tally_reenter",
            actor=teller,
            target=entry,
            payload={"returned": returned, "invalid": invalid},
        )
    return entry


def agreed_paper_tally(round_: Round) -> rules.PaperTally:
    """The paper count of a round: two tellers' entries that agree, or a refusal saying why."""
    entries = [
        _as_tally(e.counts, e.returned, e.invalid)
        for e in TallyEntry.objects.filter(round=round_).order_by("pk")
    ]
    if len(entries) < 2:
        raise DomainError("tally_missing", _("纸质选票须由两名计票人分别录入后才能计票。"))
    if not all(rules.tallies_agree(entries[0], other) for other in entries[1:]):
        raise DomainError("tally_mismatch", _("两名计票人录入的结果不一致，请核对后重新录入。"))
    return entries[0]

"""评估: the year-end satisfaction vote on the adopted projects, and the public's own rating.

The deputies' vote is a round of kind `evaluation` over the cycle's adopted candidates, cast and
closed through `services.ballot_cast` and `services.round_close`, so the ballot store's guarantees
(one ballot per deputy, sealed anonymous ballots, receipts, frozen entitled list) hold for it as
for the project vote. A ballot is {candidate id: 满意|基本满意|不满意|弃权}. The rule set
(satisfaction.py) is set during implementation and fixed when the evaluation opens.

The public rating is a separate stream (`PublicRating`): never a ballot, never in the result.
"""

import hashlib
import hmac
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError, NotAllowed
from ops.events import publish
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy

from .attendance import attendances_add
from .events import EvaluationUnsatisfied
from .methods import EvaluationResult, evaluation_rules_json
from .models import Attendance, Candidate, Channel, Cycle, PublicRating, Round
from .phases import cycle_locked, phase_enter, phase_require, quorum_require
from .record import round_start
from .satisfaction import Mark, Outcome
from .selectors import cycle_entitled_deputies, cycle_evaluation_rules

RULE_FIELDS = {
    "rule_type": "evaluation_rule_type",
    "base": "evaluation_base",
    "half_is_enough_satisfied": "evaluation_half_is_enough_satisfied",
    "half_is_enough_basic": "evaluation_half_is_enough_basic",
    "pass_rate": "evaluation_pass_rate",
    "public_rating": "evaluation_public_rating",
    "channel": "evaluation_channel",
}


def evaluation_round(cycle: Cycle) -> Round | None:
    return cycle.rounds.filter(kind=Round.Kind.EVALUATION).first()


def cycle_close_year(*, cycle: Cycle, actor: Any) -> Cycle:
    """评估 -> 已结束: staff publish the public account (明白账) as final and close the year.
    Refused until the evaluation round is counted; a closed cycle takes no further step."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "close_year")
        round_ = evaluation_round(cycle)
        if round_ is None or round_.state != Round.State.CLOSED:
            raise DomainError(
                "evaluation_not_closed", _("满意度测评结束并计票后，才能结束本年度。")
            )
        cycle.save(update_fields=phase_enter(cycle, "close_year"))
        audit_record(action="voting.close_year", actor=actor, target=cycle)
        outbox_emit(topic="voting")  # the dashboard's phase column
    return cycle


def evaluation_set_rules(*, cycle: Cycle, actor: Any, **changes: Any) -> Cycle:
    """Choose the rule type, base, exact-half options, pass rate and whether the public rates
    online. Only before the evaluation opens."""
    unknown = set(changes) - set(RULE_FIELDS)
    if unknown:
        raise DomainError(
            "rule_unknown", _("未知的规则项：%(r)s") % {"r": ", ".join(sorted(unknown))}
        )
    with transaction.atomic():
        cycle = cycle_locked(cycle, "set_evaluation_rules")
        for name, value in changes.items():
            setattr(cycle, RULE_FIELDS[name], value)
        problems = cycle_evaluation_rules(cycle).problems()
        if problems:
            raise DomainError(problems[0], _("满意率标准应大于0且不超过100。"), field="pass_rate")
        cycle.save(update_fields=[RULE_FIELDS[name] for name in changes])
        audit_record(
            action="voting.evaluation_rules_set",
            actor=actor,
            target=cycle,
            payload={k: str(v) for k, v in changes.items()},
        )
    return cycle


def evaluation_open(*, cycle: Cycle, actor: Any, now: datetime | None = None) -> Round:
    """Fix the evaluation's rule set and open the deputies' vote on every adopted project."""
    now = now or timezone.now()
    with transaction.atomic():
        cycle = cycle_locked(cycle, "open_evaluation")
        adopted = list(
            cycle.candidates.filter(status=Candidate.Status.ADOPTED).order_by("rank", "sequence")
        )
        if not adopted:
            raise DomainError("nothing_adopted", _("本年度没有票决通过的项目，无需测评。"))
        if cycle.rounds.filter(state=Round.State.OPEN).exists():
            raise Conflict("round_already_open", _("已有正在进行的投票。"))
        entitled = cycle_entitled_deputies(cycle).count()
        present, quorum = None, None
        if cycle.evaluation_channel != Channel.ELECTRONIC:
            # Rated at a meeting: its own attendance, frozen here, must reach the quorum.
            present = cycle.attendances.at_evaluation().count()
            quorum = quorum_require(cycle, entitled=entitled, present=present)
        # Published from now on, like a vote round's: the projects, the entitled list, the
        # turnout and the evaluation's rules, which can then no longer change unseen.
        round_ = round_start(
            cycle,
            kind=Round.Kind.EVALUATION,
            seats=len(adopted),
            channel=cycle.evaluation_channel,
            candidates=adopted,
            turnout=(entitled, present, quorum),
            opened_at=now,
        )
        entered = phase_enter(cycle, "open_evaluation")
        cycle.evaluation_rules_fixed_at = now
        cycle.save(update_fields=[*entered, "evaluation_rules_fixed_at"])
        outbox_emit(topic="voting")  # the dashboard's phase moves in the same drain
        rules = cycle_evaluation_rules(cycle)
        audit_record(
            action="voting.evaluation_open",
            actor=actor,
            target=round_,
            payload={"projects": [c.pk for c in adopted], "rules": evaluation_rules_json(rules)},
        )
    return round_


def evaluation_decide(
    round_: Round, candidates: list[Candidate], result: EvaluationResult, *, actor: Any
) -> None:
    """Record each project's outcome from the closed round's count (the store counted it with
    the satisfaction method); a 不满意 project gets a rectification report (实施监督). Runs
    inside round_close's transaction."""
    for candidate in candidates:
        candidate.satisfaction = result.outcomes[str(candidate.pk)].value
    Candidate.objects.bulk_update(candidates, ["satisfaction"])
    for candidate in candidates:
        if candidate.satisfaction == Outcome.UNSATISFIED:
            _rectification_open(candidate, result.stored["counts"][str(candidate.pk)], actor=actor)
    outbox_emit(topic="evaluation")


def _rectification_open(candidate: Candidate, counts: dict[str, int], *, actor: Any) -> None:
    # Implementation opens the rectification report (if the candidate became a project).
    publish(
        EvaluationUnsatisfied(
            cycle_id=candidate.cycle_id, candidate_id=candidate.pk, counts=counts, actor=actor
        )
    )


def rater_key(token: str) -> str:
    """What is stored of a rater's browser token: a keyed hash, useless outside this server."""
    return hmac.new(settings.SECRET_KEY.encode(), token.encode(), hashlib.sha256).hexdigest()


def public_rating_submit(
    *, cycle: Cycle, rater_token: str, marks: Any, now: datetime | None = None
) -> int:
    """群众网上评价: one mark per project per rater (the API's rater is the client address and
    the day), while the deputies' evaluation is open and only if the cycle offers it. A second
    rating of a project by the same rater is refused whole. Returns how many projects were
    rated."""
    malformed = DomainError("rating_malformed", _("评价内容不正确。"), field="marks")
    if not isinstance(marks, Mapping) or not marks or len(rater_token) < 16:
        raise malformed
    allowed = {Mark.SATISFIED.value, Mark.BASIC.value, Mark.UNSATISFIED.value}
    try:
        with transaction.atomic():
            cycle = cycle_locked(cycle, "rate_public")
            round_ = evaluation_round(cycle)
            if not cycle.evaluation_public_rating or round_ is None:
                raise DomainError("public_rating_off", _("本年度未开放网上评价。"))
            if round_.state != Round.State.OPEN:
                raise DomainError("public_rating_closed", _("网上评价已结束。"))
            projects = {str(pk) for pk in round_.candidates.values_list("pk", flat=True)}
            if not {str(k) for k in marks} <= projects or not set(marks.values()) <= allowed:
                raise malformed
            key, at = rater_key(rater_token), now or timezone.now()
            PublicRating.objects.bulk_create(
                PublicRating(candidate_id=int(pk), mark=mark, rater_key=key, rated_at=at)
                for pk, mark in marks.items()
            )
            audit_record(
                action="voting.public_rating", target=cycle, payload={"projects": len(marks)}
            )
    except IntegrityError:
        raise Conflict("already_rated", _("您已评价过该项目，每个项目只能评价一次。")) from None
    return len(marks)


def evaluation_attendance_open_require(cycle: Cycle) -> None:
    """Refuse the evaluation meeting's attendance once the evaluation has opened (its 实到 is
    frozen then), and for an evaluation on phones, which has no meeting. Cycle locked by the
    caller."""
    phase_require(cycle, "evaluation_sign_in")
    if cycle.evaluation_channel == Channel.ELECTRONIC:
        raise DomainError("evaluation_sign_in_unused", _("本次测评在手机上进行，无需签到。"))


def evaluation_sign_in(*, cycle: Cycle, deputy: Deputy, actor: Any) -> Attendance:
    """签到 at the meeting that rates the projects on paper or by device, before the evaluation
    opens: its attendance is frozen then and checked against the quorum. An electronic evaluation
    has no meeting to sign in to."""
    with transaction.atomic():
        cycle = Cycle.objects.select_for_update().get(pk=cycle.pk)
        evaluation_attendance_open_require(cycle)
        if not cycle_entitled_deputies(cycle).filter(pk=deputy.pk).exists():
            raise NotAllowed("not_entitled", _("您不是本次测评的代表。"))
        attendances_add(
            cycle=cycle,
            deputies=[deputy],
            meeting=Attendance.Meeting.EVALUATION,
            actor=actor,
            action="voting.evaluation_sign_in",
        )
    return Attendance.objects.at_evaluation().get(cycle=cycle, deputy=deputy)

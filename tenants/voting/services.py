"""票决 writes. Each is one transaction with its audit entry; a refusal names its reason."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import audit_record
from congresses.tenant import require_tenant
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy, Term

from . import evaluation, rule_templates, rules, store
from .attendance import attendances_add
from .methods import EvaluationResult, VoteResult
from .models import Attendance, Candidate, Channel, Cycle, Participation, Round, RuleTemplate
from .paper import require_entry
from .phases import CANDIDATE, ROUND, cycle_locked, phase_enter, phase_require, quorum_require
from .record import digest, round_record, round_start
from .ruleset import (
    DEFAULT_SEATS,
    PROBLEM_FIELDS,
    RuleSetInvalid,
    default_rules_json,
    rule_set_from_json,
    rule_set_to_json,
)
from .satisfaction import EvaluationRules
from .selectors import (
    cycle_entitled_deputies,
    cycle_evaluation_rules,
    cycle_rule_set,
    round_method,
)

RULE_PROBLEMS = {
    "seats_too_few": gettext_lazy("拟票决产生项目数至少为 1 个。"),
    "surplus_required": gettext_lazy("差额票决的最少差额数至少为 1 个。"),
    "quorum_invalid": gettext_lazy(
        "法定人数应为全体代表中可以达到的比例（分子大于0且不超过分母）。"
    ),
    "threshold_invalid": gettext_lazy(
        "通过比例应为可以达到的比例（分子大于0且不超过分母，“超过”时须小于全体）。"
    ),
    "rank_only_with_threshold": gettext_lazy("按得票排序确定项目时不再设通过比例。"),
    "threshold_required": gettext_lazy("请至少设定一个通过比例，或选择按得票排序确定项目。"),
    "thresholds_too_many": gettext_lazy("通过比例至多设两个（双重标准）。"),
    "ranked_electronic_only": gettext_lazy("排序票目前只能用电子表决。"),
    "rule_not_an_integer": gettext_lazy("应为整数。"),
    "rule_not_a_choice": gettext_lazy("不是可选的值。"),
    "rule_not_an_object": gettext_lazy("格式不正确。"),
    "rule_not_a_list": gettext_lazy("应为列表。"),
    "rule_not_a_boolean": gettext_lazy("应为是或否。"),
}


def rule_set_require(rule_set: rules.RuleSet, *, channel: str) -> None:
    """Refuse a rule set that cannot be used, naming the field and the reason (400)."""
    problems = rule_set.problems()
    if rule_set.ballot_form == rules.BallotForm.RANKED and channel != Channel.ELECTRONIC:
        problems.append("ranked_electronic_only")
    if problems:
        field = PROBLEM_FIELDS.get(problems[0], "ballot_form")
        raise DomainError(problems[0], str(RULE_PROBLEMS[problems[0]]), field=field)


def rule_set_read(data: Any) -> rules.RuleSet:
    """The rule set a JSON document gives, or a 400 naming the field that is not of its type."""
    try:
        return rule_set_from_json(data)
    except RuleSetInvalid as invalid:
        raise DomainError(
            invalid.code,
            _("票决规则“%(field)s”：%(reason)s")
            % {"field": invalid.field, "reason": RULE_PROBLEMS[invalid.code]},
            field=invalid.field,
        ) from None


def cycle_create(
    *,
    year: int,
    title: str,
    term: Term,
    actor: Any,
    seats: int = DEFAULT_SEATS,
    rule_set: rules.RuleSet | None = None,
) -> Cycle:
    """A new year's cycle with its rule set, refused whole when the rule set cannot be used or
    changes a field its rule template locks. Without a rule set it starts from the congress's rule
    template (rule_templates.py), else from common practice with `seats`. The congresses above
    hear which template it started from."""
    with transaction.atomic():
        template = rule_templates.template_current()
        binding = rule_templates.template_binding(template)
        if rule_set is None:
            rule_set = rule_set_read(template.rules) if template else rules.RuleSet(seats=seats)
        rule_set_require(rule_set, channel=Channel.ELECTRONIC)
        rules_json = rule_set_to_json(rule_set)
        rule_templates.locks_require(binding, rules_json)
        if Cycle.objects.filter(year=year).exists():
            raise Conflict("cycle_exists", _("该年度的票决已存在。"), field="year")
        cycle = Cycle.objects.create(
            year=year, title=title.strip(), term=term, rules=rules_json, rules_template=binding
        )
        outbox_emit(topic="voting")  # the year's phase: from none to 征集
        audit_record(
            action="voting.cycle_create",
            actor=actor,
            target=cycle,
            payload={"year": year, "rules": cycle.rules, "template": binding.get("label", "")},
        )
    return cycle


def template_issue(*, name: str, rules_json: Any, locked: Any, actor: Any) -> RuleTemplate:
    """Write this congress's rule template (实施办法) and send it to every congress below. It
    keeps what a template from above locked; the whole write is one transaction, dispatches
    included."""
    name = (name or "").strip()
    if not name:
        raise DomainError("template_name_required", _("请填写模板名称。"), field="name")
    rule_set = rule_set_read(rules_json)
    rule_set_require(rule_set, channel=Channel.ELECTRONIC)
    fields = rule_templates.locked_fields_read(locked)
    stored = rule_set_to_json(rule_set)
    with transaction.atomic():
        problem = rule_templates.own_template_problem(stored, fields)
        if problem is not None:
            raise problem
        template = RuleTemplate.objects.create(
            name=name, rules=stored, locked=fields, issued_at=timezone.now()
        )
        sent = rule_templates.template_send_down(template, require_tenant().congress())
        audit_record(
            action="voting.rule_template_issue",
            actor=actor,
            target=template,
            payload={"name": name, "rules": stored, "locked": fields, "sent_to": sent},
        )
    return template


RULE_FIELDS = frozenset(default_rules_json())


def cycle_set_rules(*, cycle: Cycle, actor: Any, **changes: Any) -> Cycle:
    """Change rules of the rule set (JSON-shaped values, as `ruleset.rule_set_to_json` writes
    them) and the channel. The rule set is read and checked whole before anything is stored."""
    unknown = set(changes) - RULE_FIELDS - {"channel"}
    if unknown:
        raise DomainError(
            "rule_unknown", _("未知的规则项：%(r)s") % {"r": ", ".join(sorted(unknown))}
        )
    with transaction.atomic():
        cycle = cycle_locked(cycle, "set_rules")
        before = dict(cycle.rules)
        rule_changes = {k: v for k, v in changes.items() if k in RULE_FIELDS}
        rule_set = rule_set_read({**cycle.rules, **rule_changes})
        rule_templates.locks_require(cycle.rules_template, rule_set_to_json(rule_set))
        channel = changes.get("channel", cycle.channel)
        if channel not in Channel.values:
            raise DomainError("rule_not_a_choice", _("表决渠道不是可选的值。"), field="channel")
        rule_set_require(rule_set, channel=channel)
        cycle.rules = rule_set_to_json(rule_set)
        cycle.channel = channel
        cycle.save(update_fields=["rules", "channel"])
        audit_record(
            action="voting.rules_set",
            actor=actor,
            target=cycle,
            payload={
                "before": before,
                "after": cycle.rules,
                "channel": str(channel),
            },
        )
    return cycle


def candidate_add(
    *,
    cycle: Cycle,
    name: str,
    actor: Any,
    category: str = "",
    summary: str = "",
    estimated_cost: Any = None,
) -> Candidate:
    require_text(name, "candidate_name_required", _("请填写项目名称。"), field="name")
    with transaction.atomic():
        cycle = cycle_locked(cycle, "add_candidate")
        if cycle.candidates.filter(name=name.strip()).exists():
            raise Conflict("candidate_exists", _("已有同名候选项目。"), field="name")
        candidate = Candidate.objects.create(
            cycle=cycle,
            sequence=cycle.candidates.count() + 1,
            name=name.strip(),
            category=category,
            summary=summary,
            estimated_cost=estimated_cost,
        )
        outbox_emit(topic="voting")
        audit_record(action="voting.candidate_add", actor=actor, target=candidate)
    return candidate


def require_surplus(cycle: Cycle) -> None:
    """差额: refuse a candidate list with no more candidates than the rule set needs; 等额:
    refuse one that is not exactly the seats."""
    rule_set = cycle_rule_set(cycle)
    count = cycle.candidates.count()
    if not rules.candidate_list_ok(candidates=count, rules=rule_set):
        raise DomainError(
            "surplus_missing",
            (
                _("等额票决的候选项目数应等于拟产生项目数 %(need)d 个，现有 %(have)d 个。")
                if rule_set.list_kind == rules.ListKind.EQUAL
                else _(
                    "候选项目须多于拟产生项目数（差额）：需要至少 %(need)d 个，现有 %(have)d 个。"
                )
            )
            % {"need": rules.candidates_needed(rule_set), "have": count},
        )


def cycle_open_voting(*, cycle: Cycle, actor: Any) -> Cycle:
    """Fix the rule set and move to the vote. Refused without the required surplus (差额)."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "open_voting")
        require_surplus(cycle)
        entered = phase_enter(cycle, "open_voting")
        cycle.rules_fixed_at = timezone.now()
        cycle.save(update_fields=[*entered, "rules_fixed_at"])
        outbox_emit(topic="voting")
        audit_record(
            action="voting.open_voting",
            actor=actor,
            target=cycle,
            payload={"candidates": cycle.candidates.count()},
        )
    return cycle


def attendance_open_require(cycle: Cycle) -> None:
    """Refuse attendance once it is frozen: the first round has opened (and so after any close).
    The caller holds the cycle's lock, so a sign-in and the opening of a round are serialised."""
    phase_require(cycle, "sign_in")
    opened = cycle.rounds.exclude(kind=Round.Kind.EVALUATION).count()
    if not rules.sign_in_open(rounds_opened=opened):
        raise Conflict(
            "attendance_frozen",
            _("投票已经开始，签到已截止：实到人数在开始投票时确定。"),
        )


def attendance_sign_in(*, cycle: Cycle, deputy: Deputy, actor: Any) -> Attendance:
    """A deputy's own sign-in (on the phone). Staff's roll call is rollcall.roll_call_mark."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "sign_in")
        if not cycle_entitled_deputies(cycle).filter(pk=deputy.pk).exists():
            raise NotAllowed("not_entitled", _("您不是本次会议的表决代表。"))
        attendance_open_require(cycle)
        attendances_add(
            cycle=cycle,
            deputies=[deputy],
            meeting=Attendance.Meeting.SESSION,
            actor=actor,
            action="voting.sign_in",
        )
    return Attendance.objects.at_session().get(cycle=cycle, deputy=deputy)


def _last_outcome(cycle: Cycle) -> rules.RoundOutcome | None:
    last = (
        cycle.rounds.exclude(kind=Round.Kind.EVALUATION)
        .prefetch_related("candidates")
        .order_by("-number")
        .first()
    )
    if last is None:
        return None
    result = last.result or {}
    return rules.RoundOutcome(
        plan=rules.RoundPlan(
            kind=last.kind,
            candidates=frozenset(str(c.pk) for c in last.candidates.all()),
            seats=last.seats,
        ),
        void=last.state == Round.State.VOID,
        next_round=frozenset(str(pk) for pk in result.get("next_round", [])),
        next_round_seats=int(result.get("next_round_seats", 0)),
        reason=str(result.get("reason", "")),
    )


ROUND_REFUSALS = {
    "vote_decided": gettext_lazy("本次票决已有结果，不能再开始新的一轮。"),
    "round_kind_not_allowed": gettext_lazy("按票决规则，下一轮应为“%(kind)s”。"),
    "round_candidates_not_allowed": gettext_lazy(
        "按票决规则，下一轮只能对上一轮决定的 %(count)d 个候选项目投票；已被否决的项目不能再次票决。"
    ),
    "round_seats_not_allowed": gettext_lazy("按票决规则，下一轮应产生 %(seats)d 个项目。"),
}


def round_open(
    *,
    cycle: Cycle,
    actor: Any,
    candidates: Sequence[Candidate] | None = None,
    seats: int | None = None,
    kind: str | None = None,
) -> Round:
    """Open the one round the rules allow next (rules.next_round_plan): what is not given is
    taken from it; what is given and differs is refused with its reason. Attendance, the roster
    count and the quorum are frozen on the round here."""
    with transaction.atomic():
        cycle = cycle_locked(cycle, "open_round")
        if cycle.rounds.filter(state=Round.State.OPEN).exists():
            raise Conflict("round_already_open", _("已有正在进行的投票。"))
        if candidates is not None and any(c.cycle_id != cycle.pk for c in candidates):
            raise DomainError("round_candidates_invalid", _("本轮候选项目无效。"))
        listed = cycle.candidates.filter(status=Candidate.Status.CANDIDATE)
        allowed = rules.next_round_plan(
            listed=[str(pk) for pk in listed.values_list("pk", flat=True)],
            seats=cycle_rule_set(cycle).seats,
            last=_last_outcome(cycle),
        )
        wanted = rules.RoundPlan(
            kind=kind or (allowed.kind if allowed else Round.Kind.MAIN),
            candidates=frozenset(str(c.pk) for c in candidates)
            if candidates is not None
            else (allowed.candidates if allowed else frozenset()),
            seats=seats or (allowed.seats if allowed else cycle_rule_set(cycle).seats),
        )
        problem = rules.round_plan_problem(wanted=wanted, allowed=allowed)
        if problem:
            raise Conflict(
                problem,
                str(ROUND_REFUSALS[problem])
                % {
                    "kind": Round.Kind(allowed.kind).label if allowed else "",
                    "count": len(allowed.candidates) if allowed else 0,
                    "seats": allowed.seats if allowed else 0,
                },
            )
        chosen = list(Candidate.objects.filter(pk__in=[int(pk) for pk in wanted.candidates]))
        if not chosen:
            raise DomainError("round_candidates_invalid", _("本轮候选项目无效。"))
        entitled = cycle_entitled_deputies(cycle).count()
        present = cycle.attendances.at_session().count()
        quorum = quorum_require(cycle, entitled=entitled, present=present)
        round_ = round_start(
            cycle,
            kind=wanted.kind,
            seats=wanted.seats,
            channel=cycle.channel,
            candidates=chosen,
            turnout=(entitled, present, quorum),
            opened_at=timezone.now(),
        )
        audit_record(
            action="voting.round_open",
            actor=actor,
            target=round_,
            payload={
                "number": round_.number,
                "kind": wanted.kind,
                "candidates": [c.pk for c in chosen],
                "present": present,
            },
        )
    return round_


@dataclass(frozen=True)
class CastReceipt:
    code: str


def ballot_cast(*, round_id: int, deputy: Deputy, choices: Any, actor: Any) -> CastReceipt:
    """A deputy's e-ballot, checked here (phase, channel, entitlement) and stored by the ballot
    store (`store.ballot_cast`: validated by the round's ballot method, who and what written
    apart). A second ballot by the same deputy, however concurrent, fails on the participation's
    unique constraint: 409, nothing written."""
    try:
        with transaction.atomic():
            round_ = store.round_for_entry(round_id)
            cycle = round_.cycle
            phase_require(cycle, "cast")
            store.require_open(round_)
            require_entry(round_, "electronic")
            if round_.kind == Round.Kind.EVALUATION:
                # The year-end evaluation has no session to sign in to: every serving deputy
                # of the term may rate while it is open (docs/evaluation.md).
                if not cycle_entitled_deputies(cycle).filter(pk=deputy.pk).exists():
                    raise NotAllowed("not_entitled", _("您不是本次测评的代表。"))
            elif not cycle.attendances.at_session().filter(deputy=deputy).exists():
                raise NotAllowed("not_signed_in", _("请先签到，再投票。"))
            # No audit entry here: the chain is one sequence per congress under a lock, so an
            # entry per cast would queue every cast behind the others and stamp each with its
            # time. The participation is the record of who voted; the close's entry lists them.
            code = store.ballot_cast(
                round_=round_, deputy=deputy, choices=choices, method=round_method(round_)
            )
    except IntegrityError:
        raise Conflict("already_voted", _("您已在本轮投票，不能重复投票。")) from None
    return CastReceipt(code=code)


def round_signed_in(round_: Round, deputy: Deputy) -> bool:
    """Whether the deputy signed in to the meeting this round belongs to."""
    if round_.kind == Round.Kind.EVALUATION:
        return round_.cycle.attendances.at_evaluation().filter(deputy=deputy).exists()
    return round_.cycle.attendances.at_session().filter(deputy=deputy).exists()


def paper_issue(*, round_id: int, deputy: Deputy, actor: Any) -> Participation:
    """发票: the deputy takes a paper ballot. Recorded as their participation in the round."""
    try:
        with transaction.atomic():
            round_ = store.round_for_entry(round_id)
            phase_require(round_.cycle, "cast")
            store.require_open(round_)
            require_entry(round_, "paper")
            if not round_signed_in(round_, deputy):
                # Said to the staff member at the desk, not to the deputy.
                raise NotAllowed(
                    "not_signed_in",
                    _("%(name)s尚未签到，不能领取纸质选票：请先在点名签到中登记其到会。")
                    % {"name": deputy.name},
                )
            issued = store.paper_issue(round_=round_, deputy=deputy)
            audit_record(
                action="voting.paper_issue",
                actor=actor,
                target=round_,
                payload={"deputy": deputy.pk},
            )
    except IntegrityError:
        raise Conflict("already_voted", _("该代表已在本轮投票或已领取选票。")) from None
    return issued


def round_close(*, round_id: int, actor: Any) -> Round:
    """Close a round of either process: the store freezes the entitled list and the totals,
    seals the ballots and counts them with the round's ballot method; then the vote adopts its
    candidates (or calls the next round) and the evaluation records each project's outcome."""
    with transaction.atomic():
        round_ = store.round_for_close(round_id)
        cycle = round_.cycle
        phase_require(cycle, "close_round")
        store.require_open(round_)
        is_evaluation = round_.kind == Round.Kind.EVALUATION
        rules_: rules.RuleSet | EvaluationRules
        if is_evaluation:
            rules_ = cycle_evaluation_rules(cycle)
            candidates = list(round_.candidates.order_by("rank", "sequence"))
            signed = cycle.attendances.at_evaluation().values_list("deputy_id", flat=True)
            meeting = None if round_.channel == Channel.ELECTRONIC else set(signed)
        else:
            rules_ = cycle_rule_set(cycle)
            candidates = list(round_.candidates.order_by("sequence"))
            meeting = set(cycle.attendances.at_session().values_list("deputy_id", flat=True))
        closed = store.close(
            round_=round_,
            method=round_method(round_),
            rules_=rules_,
            order=[str(c.pk) for c in candidates],
            meeting=meeting,
        )
        if closed.result is None:  # 收回票数多于发出票数: nothing decided, vote again
            round_.state = ROUND.apply(round_.state, "void")
        else:
            round_.state = ROUND.apply(round_.state, "close")
        if isinstance(closed.result, EvaluationResult):
            evaluation.evaluation_decide(round_, candidates, closed.result, actor=actor)
        elif isinstance(closed.result, VoteResult):
            _apply_decision(cycle, candidates, closed.result.decision)
        if closed.result is not None and round_.commitment:
            round_.record_hash = digest(round_record(round_, commitment=round_.commitment))
        round_.save()
        audit_record(
            action="voting.evaluation_close" if is_evaluation else "voting.round_close",
            actor=actor,
            target=round_,
            payload={**(round_.result or {}), "participants": closed.participants},
        )
        if not is_evaluation:
            outbox_emit(topic="voting")
    return round_


def _apply_decision(cycle: Cycle, candidates: list[Candidate], decision: rules.Decision) -> None:
    already = cycle.candidates.filter(status=Candidate.Status.ADOPTED).count()
    for rank, pk in enumerate(decision.adopted, start=already + 1):
        CANDIDATE.bulk_apply(Candidate.objects.filter(pk=int(pk)), "adopt", rank=rank)
    if not decision.next_round:
        pending = {str(c.pk) for c in candidates} - set(decision.adopted)
        CANDIDATE.bulk_apply(
            Candidate.objects.filter(pk__in=[int(pk) for pk in pending]), "not_adopt"
        )


def receipt_check(*, round_id: int, code: str) -> bool:
    """Was a ballot with this receipt counted? Yes or no, never its content."""
    return store.receipt_check(round_id=round_id, code=code)

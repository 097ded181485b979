"""Guidance and benchmark-round writes. Each is one transaction in the public schema with its
entry in the public audit chain; a refusal names its reason.

The callers come from tenant hosts (the city's, a county's, a township's), whose search path
puts the tenant's schema first. The tables here exist only in the public schema, but the audit
chain exists in both: every service therefore switches to the public schema for its transaction,
so its entry lands in the public chain and no tenant's records are touched.
"""

import hashlib
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from io import BytesIO
from pathlib import PurePath
from typing import Any

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from congresses.models import Congress, Level
from congresses.selectors import congress_is_within
from congresses.tenant import Tenant, public_schema
from crossing.services import dispatch_send
from filestore import storage
from filestore.services import upload_check
from ops.errors import Conflict, DomainError, NotAllowed, require_text

from . import rules
from .figures import FiguresSource, plain, rollup_figures
from .kinds import CriterionSpec, kind_spec
from .models import (
    Attachment,
    BenchmarkRound,
    Criterion,
    Guidance,
    GuidanceReceipt,
    GuidanceReport,
    GuidanceReportReminder,
    GuidanceTarget,
    Nomination,
    Objection,
    RouteReminder,
    RouteStage,
    Score,
    StarReview,
    State,
)
from .phases import NOMINATION, ROUND, STAR_REVIEW
from .stages import Stage


@contextmanager
def _public_transaction() -> Iterator[None]:
    # Supervision's rows are the platform's (public schema), written from a county's host.
    with public_schema(), transaction.atomic():
        yield


def _now(now: datetime | None) -> datetime:
    return now or timezone.now()


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _below(candidate: Congress, issuer: Congress) -> bool:
    return candidate.pk != issuer.pk and congress_is_within(candidate, issuer)


def _require_issuer_level(issuer: Congress) -> None:
    if issuer.level == Level.TOWNSHIP:
        raise NotAllowed("issuer_level", _("乡镇人大没有下级单位，不能发文或组织评选。"))


# --- Attachments ------------------------------------------------------------------------------


def attachment_store(*, owner: Congress, uploaded_by: Any, name: str, data: bytes) -> Attachment:
    """Check and store a file under the owner congress's prefix in the supervision area."""
    content_type, suffix = upload_check(name=name, data=data, field="file")
    key = f"supervision/{owner.schema_name}/{uuid.uuid4().hex}{suffix}"
    with _public_transaction():
        storage.put_object(key=key, stream=BytesIO(data), size=len(data), content_type=content_type)
        attachment = Attachment.objects.create(
            owner=owner,
            key=key,
            name=PurePath(name).name[:200],
            content_type=content_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            uploaded_by=uploaded_by,
        )
        audit_record(
            action="supervision.attachment_store",
            actor=uploaded_by,
            target=attachment,
            payload={"owner": owner.pk, "size": len(data)},
        )
    return attachment


def _own_attachments(owner: Congress, ids: Sequence[int]) -> list[Attachment]:
    found = list(Attachment.objects.filter(pk__in=set(ids), owner=owner))
    if len(found) != len(set(ids)):
        raise DomainError(
            "attachment_unknown", _("附件不存在或不属于本单位。"), field="attachment_ids"
        )
    return found


# --- Guidance ---------------------------------------------------------------------------------


def guidance_issue(
    *,
    issuer: Congress,
    actor: Any,
    kind: str,
    title: str,
    body: str,
    targets: Sequence[Congress],
    reference: str = "",
    attachment_ids: Sequence[int] = (),
    report_due: date | None = None,
    now: datetime | None = None,
) -> Guidance:
    """Send guidance or a notice to congresses below the issuer; with `report_due`, each
    receiving congress is asked for a report by that date."""
    _require_issuer_level(issuer)
    if report_due is not None and report_due < timezone.localtime(_now(now)).date():
        raise DomainError("report_due_past", _("报送时限不能早于今天。"), field="report_due")
    require_text(title, "title_required", _("请填写标题。"), field="title")
    require_text(body, "body_required", _("请填写正文。"), field="body")
    if not targets:
        raise DomainError("targets_required", _("请选择接收单位。"), field="target_ids")
    outside = [t for t in targets if not _below(t, issuer)]
    if outside:
        raise NotAllowed(
            "target_outside_tree",
            _("只能向本级所辖单位发文：%(names)s 不在其中。")
            % {"names": "、".join(t.name for t in outside)},
        )
    with _public_transaction():
        guidance = Guidance.objects.create(
            issuer=issuer,
            kind=kind,
            title=title.strip(),
            body=body.strip(),
            reference=reference.strip(),
            issued_by=actor,
            issued_at=_now(now),
            report_due=report_due,
        )
        guidance.attachments.set(_own_attachments(issuer, attachment_ids))
        GuidanceTarget.objects.bulk_create(
            GuidanceTarget(guidance=guidance, congress=t)
            for t in {t.pk: t for t in targets}.values()
        )
        audit_record(
            action="supervision.guidance_issue",
            actor=actor,
            target=guidance,
            payload={
                "targets": sorted(t.pk for t in targets),
                "kind": kind,
                "report_due": report_due.isoformat() if report_due else None,
            },
        )
    return guidance


def _require_addressed(guidance: Guidance, congress: Congress) -> None:
    if not GuidanceTarget.objects.filter(guidance=guidance, congress=congress).exists():
        raise NotAllowed("guidance_not_addressed", _("该文件未发送给本单位。"))


def guidance_withdraw(*, guidance: Guidance, actor: Any, now: datetime | None = None) -> Guidance:
    """The issuer withdraws a notice: it stays readable, but no report is taken on it."""
    with _public_transaction():
        locked = Guidance.objects.select_for_update().get(pk=guidance.pk)
        if locked.withdrawn_at is not None:
            raise Conflict("guidance_withdrawn", _("该文件已撤回。"))
        locked.withdrawn_at = _now(now)
        locked.save(update_fields=["withdrawn_at"])
        audit_record(action="supervision.guidance_withdraw", actor=actor, target=locked)
    return locked


# --- Report-back ------------------------------------------------------------------------------

# The first key of the advisory lock a report reminder takes per notice; the second is its id.
REPORT_LOCK_CLASS = 0x52657074  # "Rept"
REPORT_REMIND_DAYS = 3


def report_submit(
    *,
    guidance: Guidance,
    congress: Congress,
    actor: Any,
    text: str,
    attachment_ids: Sequence[int] = (),
    now: datetime | None = None,
) -> GuidanceReport:
    """A receiving congress reports back on a notice. One report per congress: a resubmission
    by the date replaces it; after the date the report stands as sent. A first report after
    the date is taken, and counts as late."""
    at = _now(now)
    with _public_transaction():
        locked = Guidance.objects.select_for_update().get(pk=guidance.pk)
        _require_addressed(locked, congress)
        if locked.report_due is None:
            raise DomainError("report_not_requested", _("该文件不要求报送材料。"))
        if locked.withdrawn_at is not None:
            raise Conflict("guidance_withdrawn", _("该文件已撤回，不再接收报送。"))
        require_text(text, "report_text_required", _("请填写报送内容。"), field="text")
        attachments = _own_attachments(congress, attachment_ids)
        report = GuidanceReport.objects.filter(guidance=locked, congress=congress).first()
        if report is not None and timezone.localtime(at).date() > locked.report_due:
            raise Conflict("report_closed", _("报送时限已过，已报送的材料不能再修改。"))
        if report is None:
            report = GuidanceReport(guidance=locked, congress=congress)
        report.text = text.strip()
        report.submitted_by = actor
        report.submitted_at = at
        report.save()
        report.attachments.set(attachments)
        audit_record(
            action="supervision.report_submit",
            actor=actor,
            target=report,
            payload={"guidance": locked.pk, "congress": congress.pk},
        )
    return report


def _report_reminder_text(guidance: Guidance, congress: Congress) -> tuple[str, str]:
    assert guidance.report_due is not None
    title = _("报送提醒：%(title)s") % {"title": guidance.title}
    body = _("《%(title)s》要求于%(due)s前报送材料，%(congress)s尚未报送，请按时报送。") % {
        "title": guidance.title,
        "due": guidance.report_due.isoformat(),
        "congress": congress.name,
    }
    return title, body


def report_remind(
    *, today: date | None = None, days_before: int = REPORT_REMIND_DAYS, now: datetime | None = None
) -> int:
    """Remind every receiving congress that has not reported on a notice whose date is at most
    `days_before` days off, once per congress and notice however often it runs. One
    transaction; returns how many reminders were sent."""
    day = _today(today)
    sent = 0
    with _public_transaction():
        open_notices = Guidance.objects.filter(
            report_due__isnull=False,
            withdrawn_at__isnull=True,
            report_due__gte=day,
            report_due__lte=day + timedelta(days=days_before),
        ).order_by("pk")
        for guidance in open_notices:
            assert guidance.report_due is not None
            if not rules.report_reminder_due(
                due=guidance.report_due, today=day, days_before=days_before
            ):
                continue
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)", [REPORT_LOCK_CLASS, guidance.pk]
                )
            silent = (
                GuidanceTarget.objects.filter(guidance=guidance)
                .exclude(
                    congress_id__in=GuidanceReport.objects.filter(guidance=guidance).values(
                        "congress_id"
                    )
                )
                .exclude(
                    congress_id__in=GuidanceReportReminder.objects.filter(guidance=guidance).values(
                        "congress_id"
                    )
                )
                .select_related("congress")
                .order_by("congress_id")
            )
            for target in silent:
                title, body = _report_reminder_text(guidance, target.congress)
                reminder = Guidance.objects.create(
                    issuer_id=guidance.issuer_id,
                    kind=Guidance.Kind.NOTICE,
                    title=title[:200],
                    body=body,
                    issued_by_id=guidance.issued_by_id,
                    issued_at=_now(now),
                )
                GuidanceTarget.objects.create(guidance=reminder, congress=target.congress)
                GuidanceReportReminder.objects.create(
                    guidance=guidance, congress=target.congress, reminder=reminder
                )
                sent += 1
        if sent:
            audit_record(
                action="supervision.report_remind", payload={"day": day.isoformat(), "sent": sent}
            )
    return sent


def guidance_read(
    *, guidance: Guidance, congress: Congress, reader: Any, now: datetime | None = None
) -> GuidanceReceipt:
    """Record that a member of a receiving congress read the guidance; the first read counts."""
    with _public_transaction():
        _require_addressed(guidance, congress)
        receipt, created = GuidanceReceipt.objects.get_or_create(
            guidance=guidance,
            congress=congress,
            reader=reader,
            defaults={"read_at": _now(now)},
        )
        if created:
            audit_record(
                action="supervision.guidance_read",
                actor=reader,
                target=receipt,
                payload={"guidance": guidance.pk, "congress": congress.pk},
            )
    return receipt


# --- Benchmark rounds: setup ------------------------------------------------------------------


def _check_criteria(kind: str, criteria: Sequence[CriterionSpec]) -> None:
    problem = rules.weights_problem([c.weight for c in criteria])
    messages = {
        "criteria_missing": _("请至少设置一个评分项。"),
        "weight_not_positive": _("每个评分项的权重须大于 0。"),
        "weights_not_100": _("各评分项权重之和须为 100，当前为 %(sum)d。")
        % {"sum": sum(c.weight for c in criteria)},
    }
    if problem:
        raise DomainError(problem, messages[problem], field="criteria")
    if any(not c.name.strip() for c in criteria):
        raise DomainError("criterion_name_required", _("请填写评分项名称。"), field="criteria")
    known = kind_spec(kind).indicator_keys()
    for c in criteria:
        if c.indicator and c.indicator not in known:
            raise DomainError(
                "indicator_unknown",
                _("评分项“%(name)s”对应的指标不适用于本类评选。") % {"name": c.name},
                field="criteria",
            )
        if c.indicator and (c.indicator_full is None or c.indicator_full <= 0):
            raise DomainError(
                "indicator_full_required",
                _("评分项“%(name)s”须填写满分对应的指标值。") % {"name": c.name},
                field="criteria",
            )


def _check_exclusions(kind: str, exclusions: Sequence[str]) -> None:
    spec = kind_spec(kind)
    unknown = [code for code in exclusions if spec.exclusion(code) is None]
    if unknown:
        raise DomainError(
            "exclusion_unknown",
            _("排除条件不适用于本类评选：%(codes)s") % {"codes": ", ".join(unknown)},
            field="exclusions",
        )


def _check_window(opens: date, closes: date) -> None:
    if closes < opens:
        raise DomainError(
            "window_invalid", _("推荐截止日期不能早于开始日期。"), field="nominations_close_on"
        )


def _check_quota(quota: int, per_nominator_quota: int) -> None:
    if quota < 1:
        raise DomainError("quota_invalid", _("评选名额须至少为 1。"), field="quota")
    if per_nominator_quota < 1:
        raise DomainError(
            "quota_invalid", _("每单位推荐名额须至少为 1。"), field="per_nominator_quota"
        )


def _replace_criteria(round_: BenchmarkRound, criteria: Sequence[CriterionSpec]) -> None:
    round_.criteria.all().delete()
    Criterion.objects.bulk_create(
        Criterion(
            round=round_,
            position=i + 1,
            name=c.name.strip(),
            weight=c.weight,
            indicator=c.indicator,
            indicator_full=c.indicator_full if c.indicator else None,
        )
        for i, c in enumerate(criteria)
    )


def round_create(
    *,
    issuer: Congress,
    actor: Any,
    kind: str,
    title: str,
    year: int,
    quota: int,
    nominations_open_on: date,
    nominations_close_on: date,
    criteria: Sequence[CriterionSpec],
    description: str = "",
    per_nominator_quota: int = 1,
    exclusions: Sequence[str] | None = None,
) -> BenchmarkRound:
    """Set up a round in 筹备: criteria and weights, quota, exclusions, the nomination window.
    Without `exclusions` the kind's defaults apply."""
    _require_issuer_level(issuer)
    require_text(title, "title_required", _("请填写评选名称。"), field="title")
    chosen = list(kind_spec(kind).default_exclusions if exclusions is None else exclusions)
    _check_exclusions(kind, chosen)
    _check_criteria(kind, criteria)
    _check_window(nominations_open_on, nominations_close_on)
    _check_quota(quota, per_nominator_quota)
    with _public_transaction():
        round_ = BenchmarkRound.objects.create(
            issuer=issuer,
            kind=kind,
            title=title.strip(),
            year=year,
            description=description,
            quota=quota,
            per_nominator_quota=per_nominator_quota,
            exclusions=sorted(set(chosen)),
            nominations_open_on=nominations_open_on,
            nominations_close_on=nominations_close_on,
            created_by=actor,
        )
        _replace_criteria(round_, criteria)
        audit_record(
            action="supervision.round_create",
            actor=actor,
            target=round_,
            payload={
                "kind": kind,
                "quota": quota,
                "exclusions": round_.exclusions,
                "weights": [c.weight for c in criteria],
            },
        )
    return round_


ROUND_EDITABLE = frozenset(
    {
        "title",
        "description",
        "year",
        "quota",
        "per_nominator_quota",
        "exclusions",
        "nominations_open_on",
        "nominations_close_on",
    }
)


def round_update(
    *,
    round_: BenchmarkRound,
    actor: Any,
    criteria: Sequence[CriterionSpec] | None = None,
    **changes: Any,
) -> BenchmarkRound:
    unknown = set(changes) - ROUND_EDITABLE
    if unknown:
        raise DomainError(
            "field_unknown", _("未知的设置项：%(f)s") % {"f": ", ".join(sorted(unknown))}
        )
    with _public_transaction():
        round_ = BenchmarkRound.objects.select_for_update().get(pk=round_.pk)
        ROUND.require(round_.state, "edit")
        for name, value in changes.items():
            setattr(round_, name, value)
        if "exclusions" in changes:
            _check_exclusions(round_.kind, changes["exclusions"])
            round_.exclusions = sorted(set(changes["exclusions"]))
        _check_window(round_.nominations_open_on, round_.nominations_close_on)
        _check_quota(round_.quota, round_.per_nominator_quota)
        if criteria is not None:
            _check_criteria(round_.kind, criteria)
            _replace_criteria(round_, criteria)
        if changes:
            round_.save(update_fields=sorted(changes))
        audit_record(
            action="supervision.round_update",
            actor=actor,
            target=round_,
            payload={
                **{k: str(v) for k, v in changes.items()},
                **({"weights": [c.weight for c in criteria]} if criteria is not None else {}),
            },
        )
    return round_


def _locked(round_: BenchmarkRound, action: str) -> BenchmarkRound:
    locked = BenchmarkRound.objects.select_for_update().get(pk=round_.pk)
    ROUND.require(locked.state, action)
    return locked


def _move(
    round_: BenchmarkRound,
    step: str,
    *,
    action: str,
    actor: Any,
    fields: Sequence[str] = (),
    payload: dict[str, Any] | None = None,
) -> None:
    """Take the round's `step`, save its new state with the caller's other changed `fields`, and
    record the audit `action`: the end of every service that moves a round on."""
    round_.state = ROUND.apply(round_.state, step)
    round_.save(update_fields=["state", *fields])
    audit_record(action=action, actor=actor, target=round_, payload=payload)


def round_open(*, round_: BenchmarkRound, actor: Any) -> BenchmarkRound:
    """筹备 -> 推荐: the settings are fixed from here on."""
    with _public_transaction():
        round_ = _locked(round_, "open")
        criteria = round_.criteria.all()
        _check_criteria(
            round_.kind,
            [CriterionSpec(c.name, c.weight, c.indicator, c.indicator_full) for c in criteria],
        )
        _move(round_, "open", action="supervision.round_open", actor=actor)
    return round_


# --- Nominations ------------------------------------------------------------------------------


def nomination_submit(
    *,
    round_: BenchmarkRound,
    nominator: Congress,
    actor: Any,
    nominee_name: str,
    statement: str,
    declarations: Mapping[str, bool],
    nominee_detail: str = "",
    nominee_ref: int | None = None,
    figures: Mapping[str, Any] | None = None,
    attachment_ids: Sequence[int] = (),
    today: date | None = None,
) -> Nomination:
    """A congress below the issuer nominates within the window, its quota and the exclusions.
    `nominee_ref` names the record in the nominator's schema (the caller looked it up there and
    passes its own figures); one record is nominated once per round."""
    if not _below(nominator, round_.issuer):
        raise NotAllowed("nominator_outside_tree", _("只有所辖单位可以推荐。"))
    require_text(nominee_name, "nominee_required", _("请填写推荐对象。"), field="nominee_name")
    require_text(statement, "statement_required", _("请填写推荐理由。"), field="statement")
    spec = kind_spec(round_.kind)
    with _public_transaction():
        round_ = _locked(round_, "nominate")
        day = _today(today)
        if not round_.nominations_open_on <= day <= round_.nominations_close_on:
            raise DomainError(
                "outside_window",
                _("推荐时间为 %(start)s 至 %(end)s。")
                % {"start": round_.nominations_open_on, "end": round_.nominations_close_on},
            )
        for code in round_.exclusions:
            exclusion = spec.exclusion(code)
            assert exclusion is not None
            answer = declarations.get(code)
            if not isinstance(answer, bool):
                raise DomainError(
                    "declaration_missing",
                    _("请回答：%(question)s") % {"question": exclusion.question},
                    field="declarations",
                )
            if answer:
                raise DomainError(
                    "nominee_excluded",
                    str(exclusion.reason),
                    field="declarations",
                    extra={"exclusion": code},
                )
        taken = round_.nominations.filter(nominator=nominator).exclude(
            status=Nomination.Status.WITHDRAWN
        )
        if nominee_ref is not None and taken.filter(nominee_ref=nominee_ref).exists():
            raise Conflict("nominee_already_nominated", _("该对象已在本次评选中推荐。"))
        if taken.count() >= round_.per_nominator_quota:
            raise Conflict(
                "nominator_quota_reached",
                _("本单位推荐名额为 %(n)d 个，已经用完。") % {"n": round_.per_nominator_quota},
            )
        nomination = Nomination.objects.create(
            round=round_,
            nominator=nominator,
            nominee_name=nominee_name.strip(),
            nominee_detail=nominee_detail.strip(),
            nominee_ref=nominee_ref,
            figures=plain(dict(figures or {})),
            statement=statement.strip(),
            declarations={code: bool(declarations.get(code)) for code in round_.exclusions},
            submitted_by=actor,
        )
        nomination.attachments.set(_own_attachments(nominator, attachment_ids))
        audit_record(
            action="supervision.nomination_submit",
            actor=actor,
            target=nomination,
            payload={"round": round_.pk, "nominator": nominator.pk},
        )
    return nomination


def nomination_withdraw(*, nomination: Nomination, congress: Congress, actor: Any) -> Nomination:
    """Only the nominating congress withdraws its own nomination, while nominations are open."""
    with _public_transaction():
        nomination = Nomination.objects.select_for_update().get(pk=nomination.pk)
        if nomination.nominator_id != congress.pk:
            raise NotAllowed("not_nominator", _("只有推荐单位可以撤回推荐。"))
        _locked(nomination.round, "withdraw")
        nomination.status = NOMINATION.apply(nomination.status, "withdraw")
        nomination.save(update_fields=["status"])
        audit_record(action="supervision.nomination_withdraw", actor=actor, target=nomination)
    return nomination


def round_close_nominations(
    *, round_: BenchmarkRound, actor: Any, figures_source: FiguresSource = rollup_figures
) -> BenchmarkRound:
    """推荐 -> 评审. A nomination of a record keeps the nominee's own figures taken when it was
    made; one without a record (from before nominations named records) gets its nominator's
    rollup figures for the year. Either way the pre-filled scores stay what reviewers saw."""
    with _public_transaction():
        round_ = _locked(round_, "close_nominations")
        nominations = list(
            round_.nominations.filter(
                status=Nomination.Status.SUBMITTED, nominee_ref__isnull=True
            ).select_related("nominator")
        )
        figures = figures_source({n.nominator for n in nominations}, round_.year)
        for nomination in nominations:
            nomination.figures = plain(figures.get(nomination.nominator_id, {}))
        Nomination.objects.bulk_update(nominations, ["figures"])
        _move(
            round_,
            "close_nominations",
            action="supervision.round_close_nominations",
            actor=actor,
            payload={"nominations": round_.nominations.count()},
        )
    return round_


# --- Review and decision ----------------------------------------------------------------------


def prefilled_scores(nomination: Nomination, criteria: Sequence[Criterion]) -> dict[int, Decimal]:
    """The scores the nominator's figures suggest, for criteria tied to an indicator."""
    out: dict[int, Decimal] = {}
    for criterion in criteria:
        if not criterion.indicator:
            continue
        value = rules.prefill(nomination.figures.get(criterion.indicator), criterion.indicator_full)
        if value is not None:
            out[criterion.pk] = value
    return out


def score_record(
    *, nomination: Nomination, reviewer: Any, values: Mapping[int, Decimal]
) -> list[Score]:
    """A reviewer's scores on a nomination, criterion by criterion (a later sheet replaces theirs)."""
    with _public_transaction():
        round_ = _locked(nomination.round, "score")
        nomination = Nomination.objects.get(pk=nomination.pk)
        NOMINATION.require(nomination.status, "score")
        criteria = {c.pk: c for c in round_.criteria.all()}
        if set(values) - set(criteria):
            raise DomainError("criterion_unknown", _("评分项不属于本次评选。"), field="values")
        if any(not Decimal(0) <= v <= Decimal(100) for v in values.values()):
            raise DomainError("score_out_of_range", _("分数须在 0 到 100 之间。"), field="values")
        suggested = prefilled_scores(nomination, list(criteria.values()))
        scores = []
        for criterion_id, value in values.items():
            score, _created = Score.objects.update_or_create(
                nomination=nomination,
                criterion_id=criterion_id,
                reviewer=reviewer,
                defaults={
                    "value": value,
                    "prefilled": suggested.get(criterion_id) == value,
                    "scored_at": timezone.now(),
                },
            )
            scores.append(score)
        audit_record(
            action="supervision.score_record",
            actor=reviewer,
            target=nomination,
            payload={str(k): str(v) for k, v in values.items()},
        )
    return scores


def round_totals(round_: BenchmarkRound) -> dict[int, Decimal | None]:
    """Each live nomination's weighted total, averaged over the reviewers' complete sheets."""
    weights = {c.pk: c.weight for c in round_.criteria.all()}
    sheets: dict[int, dict[int, dict[int, Decimal]]] = {}
    for nomination_id, reviewer_id, criterion_id, value in Score.objects.filter(
        nomination__round=round_
    ).values_list("nomination_id", "reviewer_id", "criterion_id", "value"):
        sheets.setdefault(nomination_id, {}).setdefault(reviewer_id, {})[criterion_id] = value
    live = round_.nominations.exclude(status=Nomination.Status.WITHDRAWN).values_list(
        "pk", flat=True
    )
    return {n: rules.weighted_total(weights, list(sheets.get(n, {}).values())) for n in live}


SELECTION_MESSAGES = {
    "quota_exceeded": lambda quota: _("入选数量超过评选名额（%(quota)d 个）。") % {"quota": quota},
    "nomination_unknown": lambda quota: _("所选推荐不属于本次评选。"),
    "nomination_unscored": lambda quota: _("所选推荐尚未完成评分。"),
    "out_of_rank_order": lambda quota: _("入选须按综合得分从高到低确定，不能越过得分更高的推荐。"),
}


def round_decide(
    *,
    round_: BenchmarkRound,
    actor: Any,
    selected_ids: Sequence[int],
    note: str = "",
    now: datetime | None = None,
) -> BenchmarkRound:
    """评审 -> 已决定: the committee's selection, within the quota and in score order. Choosing
    among equal totals at the cut-off needs a recorded reason."""
    with _public_transaction():
        round_ = _locked(round_, "decide")
        totals = round_totals(round_)
        check = rules.selection_check(totals, selected_ids, round_.quota)
        if check.problems:
            code = check.problems[0]
            raise DomainError(code, SELECTION_MESSAGES[code](round_.quota), field="selected_ids")
        if not selected_ids:
            raise DomainError(
                "selection_empty", _("请至少选择一个入选对象。"), field="selected_ids"
            )
        if check.tie_at_cutoff and not note.strip():
            raise DomainError(
                "tie_needs_note",
                _("名额边界处有得分相同的推荐，须写明取舍理由。"),
                field="note",
            )
        ranks = rules.ranks(totals)
        chosen = set(selected_ids)
        for nomination in round_.nominations.exclude(status=Nomination.Status.WITHDRAWN):
            nomination.rank = ranks.get(nomination.pk)
            nomination.status = NOMINATION.apply(
                nomination.status, "select" if nomination.pk in chosen else "not_select"
            )
            nomination.save(update_fields=["rank", "status"])
        round_.decision_note = note.strip()
        round_.decided_at = _now(now)
        _move(
            round_,
            "decide",
            action="supervision.round_decide",
            actor=actor,
            fields=["decision_note", "decided_at"],
            payload={
                "selected": sorted(chosen),
                "tie": check.tie_at_cutoff,
                "totals": {str(k): str(v) for k, v in totals.items()},
            },
        )
    return round_


# --- 公示 and announcement --------------------------------------------------------------------


def round_start_publicity(
    *, round_: BenchmarkRound, actor: Any, starts_on: date, ends_on: date
) -> BenchmarkRound:
    """已决定 -> 公示, with the notice period's dates."""
    if ends_on < starts_on:
        raise DomainError(
            "notice_window_invalid", _("公示结束日期不能早于开始日期。"), field="ends_on"
        )
    with _public_transaction():
        round_ = _locked(round_, "start_publicity")
        round_.notice_starts_on, round_.notice_ends_on = starts_on, ends_on
        _move(
            round_,
            "start_publicity",
            action="supervision.round_start_publicity",
            actor=actor,
            fields=["notice_starts_on", "notice_ends_on"],
            payload={"starts_on": str(starts_on), "ends_on": str(ends_on)},
        )
    return round_


def objection_record(
    *, nomination: Nomination, actor: Any, summary: str, received_on: date
) -> Objection:
    require_text(summary, "summary_required", _("请填写异议内容。"), field="summary")
    with _public_transaction():
        round_ = _locked(nomination.round, "record_objection")
        nomination = Nomination.objects.get(pk=nomination.pk)
        NOMINATION.require(nomination.status, "object")
        objection = Objection.objects.create(
            round=round_,
            nomination=nomination,
            summary=summary.strip(),
            received_on=received_on,
            recorded_by=actor,
        )
        audit_record(action="supervision.objection_record", actor=actor, target=objection)
    return objection


def objection_submit_public(
    *,
    round_: BenchmarkRound,
    nomination_id: int,
    summary: str,
    name: str,
    contact: str,
    today: date | None = None,
) -> Objection:
    """A member of the public objects online to a nominee on the list in 公示, within the notice
    period; the organiser's staff see it with the others and resolve it."""
    require_text(summary, "summary_required", _("请填写异议内容。"), field="summary")
    for text in (name, contact):
        require_text(
            text, "submitter_required", _("请留下姓名和联系方式，以便核实。"), field="contact"
        )
    day = _today(today)
    with _public_transaction():
        round_ = BenchmarkRound.objects.select_for_update().get(pk=round_.pk)
        open_ = (
            round_.state == State.PUBLICITY
            and round_.notice_starts_on is not None
            and round_.notice_ends_on is not None
            and round_.notice_starts_on <= day <= round_.notice_ends_on
        )
        if not open_:
            raise DomainError("publicity_closed", _("不在公示期内，不能提出异议。"))
        nomination = round_.nominations.filter(
            pk=nomination_id, status=Nomination.Status.SELECTED
        ).first()
        if nomination is None:
            raise DomainError(
                "nomination_not_selected",
                _("只能对公示的入选对象提出异议。"),
                field="nomination_id",
            )
        objection = Objection.objects.create(
            round=round_,
            nomination=nomination,
            summary=summary.strip(),
            received_on=day,
            source=Objection.Source.PUBLIC,
            submitter_name=name.strip(),
            submitter_contact=contact.strip(),
        )
        audit_record(
            action="supervision.objection_submit_public",
            actor=None,
            target=objection,
            payload={"round": round_.pk, "nomination": nomination.pk},
        )
    return objection


def objection_resolve(
    *, objection: Objection, actor: Any, upheld: bool, resolution: str, now: datetime | None = None
) -> Objection:
    """An upheld objection takes the nominee off the list that will be announced."""
    require_text(resolution, "resolution_required", _("请填写处理结果。"), field="resolution")
    with _public_transaction():
        objection = Objection.objects.select_for_update().get(pk=objection.pk)
        _locked(objection.round, "resolve_objection")
        if objection.resolved_at is not None:
            raise Conflict("objection_resolved", _("该异议已处理。"))
        objection.upheld, objection.resolution = upheld, resolution.strip()
        objection.resolved_at = _now(now)
        objection.save(update_fields=["upheld", "resolution", "resolved_at"])
        if upheld:
            nomination = Nomination.objects.select_for_update().get(pk=objection.nomination_id)
            # A second upheld objection to a nominee already taken off the list changes nothing.
            if nomination.status != Nomination.Status.REVOKED:
                nomination.status = NOMINATION.apply(nomination.status, "revoke")
                nomination.save(update_fields=["status"])
        audit_record(
            action="supervision.objection_resolve",
            actor=actor,
            target=objection,
            payload={"upheld": upheld},
        )
    return objection


def round_announce(
    *, round_: BenchmarkRound, actor: Any, today: date | None = None, now: datetime | None = None
) -> BenchmarkRound:
    """公示 -> 已公布, once the notice period is over and every objection is answered."""
    with _public_transaction():
        round_ = _locked(round_, "announce")
        assert round_.notice_ends_on is not None
        if _today(today) <= round_.notice_ends_on:
            raise DomainError(
                "publicity_not_over",
                _("公示期至 %(end)s 结束，之后方可公布。") % {"end": round_.notice_ends_on},
            )
        if round_.objections.filter(resolved_at__isnull=True).exists():
            raise DomainError("objections_open", _("还有未处理的异议。"))
        round_.announced_at = _now(now)
        _move(
            round_,
            "announce",
            action="supervision.round_announce",
            actor=actor,
            fields=["announced_at"],
            payload={
                "selected": list(
                    round_.nominations.filter(status=Nomination.Status.SELECTED).values_list(
                        "pk", flat=True
                    )
                )
            },
        )
    return round_


# --- The route -------------------------------------------------------------------------------

# The first key of the advisory lock a route check takes per township; the second is its id.
ROUTE_LOCK_CLASS = 0x526F7574  # "Rout"


def route_set(
    *, issuer: Congress, year: int, due: Mapping[str, date | None], actor: Any
) -> dict[str, date]:
    """Set the issuer's route for a year: a date per stage (a stage given no date is dropped).
    An empty route hands its townships back to the route above."""
    _require_issuer_level(issuer)
    unknown = sorted(set(due) - set(Stage.values))
    if unknown:
        raise DomainError(
            "route_stage_unknown",
            _("未知的环节：%(stages)s。") % {"stages": "、".join(unknown)},
            field="stages",
        )
    ordered = [due.get(stage) for stage in Stage.values]
    wrong = rules.route_order_problem(ordered)
    if wrong is not None:
        raise DomainError(
            "route_out_of_order",
            _("“%(stage)s”的时限早于前一环节的时限。") % {"stage": Stage.labels[wrong]},
            field=Stage.values[wrong],
        )
    for stage, day in zip(Stage.values, ordered, strict=True):
        if day is not None and not year <= day.year <= year + 1:
            raise DomainError(
                "route_date_outside_year",
                _("“%(stage)s”的时限须在 %(year)d 年或次年内。")
                % {"stage": Stage(stage).label, "year": year},
                field=stage,
            )
    kept = {stage: day for stage, day in zip(Stage.values, ordered, strict=True) if day}
    with _public_transaction():
        RouteStage.objects.filter(issuer=issuer, year=year).exclude(stage__in=kept).delete()
        for stage, day in kept.items():
            RouteStage.objects.update_or_create(
                issuer=issuer,
                year=year,
                stage=stage,
                defaults={"due_on": day, "set_by": actor, "set_at": timezone.now()},
            )
        audit_record(
            action="supervision.route_set",
            actor=actor,
            target=issuer,
            payload={"year": year, "due": {k: v.isoformat() for k, v in kept.items()}},
        )
    return kept


@dataclass(frozen=True)
class LateStage:
    township: Congress
    county: Congress
    issuer: Congress  # whose route it is
    stage: str
    due: date


def _reminder_text(late: LateStage) -> tuple[str, str]:
    label = Stage(late.stage).label
    title = _("路线图提醒：%(stage)s已逾期") % {"stage": label}
    body = _(
        "按照%(issuer)s制定的%(year)d年度民生实事项目票决工作路线图，“%(stage)s”应于"
        "%(due)s前完成，%(township)s尚未完成，请抓紧推进。"
    ) % {
        "issuer": late.issuer.name,
        "year": late.due.year,
        "stage": label,
        "due": late.due.isoformat(),
        "township": late.township.name,
    }
    return title, body


def _notice_text(
    county: Congress, stage: str, due: date, townships: Sequence[Congress]
) -> tuple[str, str]:
    label = Stage(stage).label
    title = _("路线图滞后通报：%(stage)s") % {"stage": label}
    body = _(
        "“%(stage)s”的时限 %(due)s 已过，%(county)s所辖以下乡镇尚未完成：%(names)s。请督促推进。"
    ) % {
        "stage": label,
        "due": due.isoformat(),
        "county": county.name,
        "names": "、".join(t.name for t in townships),
    }
    return title, body


def route_remind(*, year: int, late: Sequence[LateStage], now: datetime | None = None) -> int:
    """Send each late township its reminder and tell its county, once per township, year and
    stage: a stage already reminded is skipped, however often the check runs. One transaction;
    returns how many reminders were sent."""
    sent: list[tuple[LateStage, RouteReminder]] = []
    with _public_transaction():
        for item in sorted(late, key=lambda x: x.township.pk):
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT pg_advisory_xact_lock(%s, %s)", [ROUTE_LOCK_CLASS, item.township.pk]
                )
            if RouteReminder.objects.filter(
                township=item.township, year=year, stage=item.stage
            ).exists():
                continue
            setter = (
                RouteStage.objects.filter(issuer=item.issuer, year=year, stage=item.stage)
                .values_list("set_by", flat=True)
                .first()
            )
            if setter is None:  # the route changed since the check read it
                continue
            title, body = _reminder_text(item)
            reminder = Guidance.objects.create(
                issuer=item.issuer,
                kind=Guidance.Kind.NOTICE,
                title=title,
                body=body,
                issued_by_id=setter,
                issued_at=_now(now),
            )
            GuidanceTarget.objects.create(guidance=reminder, congress=item.township)
            sent.append(
                (
                    item,
                    RouteReminder.objects.create(
                        township=item.township,
                        year=year,
                        stage=item.stage,
                        due_on=item.due,
                        reminder=reminder,
                        sent_at=_now(now),
                    ),
                )
            )
        # The county hears once per stage and check, of every township newly found late. When
        # the route is the county's own, it is the sender of the reminders and sees them there.
        by_county: dict[tuple[int, str], list[tuple[LateStage, RouteReminder]]] = {}
        for item, row in sent:
            if item.issuer.pk != item.county.pk:
                by_county.setdefault((item.county.pk, item.stage), []).append((item, row))
        for (_county, stage), items in by_county.items():
            first = items[0][0]
            title, body = _notice_text(
                first.county, stage, first.due, [i.township for i, _r in items]
            )
            notice = Guidance.objects.create(
                issuer=first.issuer,
                kind=Guidance.Kind.NOTICE,
                title=title,
                body=body,
                issued_by_id=items[0][1].reminder.issued_by_id,
                issued_at=_now(now),
            )
            GuidanceTarget.objects.create(guidance=notice, congress=first.county)
            RouteReminder.objects.filter(pk__in=[r.pk for _i, r in items]).update(notice=notice)
        if sent:
            audit_record(
                action="supervision.route_remind",
                payload={
                    "year": year,
                    "late": [[i.township.pk, i.stage] for i, _r in sent],
                },
            )
    return len(sent)


# --- Station stars (星级评定 by the congress above) ------------------------------------------

STAR_VALIDITY_DAYS = 365
CROSSING_STARS = "stations.stars"


def star_review_submit(
    *,
    congress: Congress,
    actor: Any,
    station_ref: int,
    station_name: str,
    station_tier: str,
    year: int,
    items: Sequence[Mapping[str, Any]],
    self_total: Decimal,
    today: date | None = None,
) -> StarReview:
    """The station's congress sends its self-assessment to the congress above for stars."""
    if congress.parent_id is None:
        raise NotAllowed("no_reviewer", _("市级人大没有上级评审单位。"))
    with _public_transaction():
        reviews = StarReview.objects.select_for_update().filter(
            congress=congress, station_ref=station_ref
        )
        if reviews.filter(state=StarReview.State.SUBMITTED).exists():
            raise Conflict("star_review_pending", _("该联络站已提交评星，正在等待上级评审。"))
        held = reviews.filter(state=StarReview.State.AWARDED, expires_on__gt=_today(today)).first()
        if held is not None:
            raise Conflict(
                "stars_held",
                _("该联络站的星级有效期至 %(date)s，到期后再申报。") % {"date": held.expires_on},
            )
        review = StarReview.objects.create(
            congress=congress,
            reviewer_congress_id=congress.parent_id,
            station_ref=station_ref,
            station_name=station_name,
            station_tier=station_tier,
            year=year,
            items=[dict(item) for item in items],
            self_total=self_total,
            submitted_by=actor if getattr(actor, "pk", None) else None,
        )
        audit_record(
            action="supervision.star_review_submit",
            actor=actor,
            target=review,
            payload={"congress": congress.pk, "station": station_ref, "year": year},
        )
    return review


def star_review_decide(
    *,
    review: StarReview,
    reviewer: Congress,
    actor: Any,
    award: bool,
    reason: str,
    stars: int | None = None,
    today: date | None = None,
) -> StarReview:
    """Staff of the congress above award stars (1 to 5, for a year) or refuse them; either way
    with a reason. The station's congress hears of it by a `stations.stars` dispatch."""
    if review.reviewer_congress_id != reviewer.pk:
        raise NotAllowed("not_reviewer", _("只有上级人大可以评定本站星级。"))
    require_text(reason, "reason_required", _("请填写评审意见。"), field="reason")
    if award and (stars is None or not 1 <= stars <= 5):
        raise DomainError("stars_invalid", _("星级须为 1 至 5 星。"), field="stars")
    day = _today(today)
    with _public_transaction():
        review = StarReview.objects.select_for_update().get(pk=review.pk)
        review.state = STAR_REVIEW.apply(review.state, "award" if award else "refuse")
        review.stars = stars if award else None
        review.expires_on = day + timedelta(days=STAR_VALIDITY_DAYS) if award else None
        review.reason = reason.strip()
        review.reviewed_by = actor if getattr(actor, "pk", None) else None
        review.reviewed_at = timezone.now()
        review.save()
        dispatch_send(
            kind=CROSSING_STARS,
            target=review.congress,
            origin=Tenant.of(reviewer),
            origin_ref=review.pk,
            payload={
                "station_id": review.station_ref,
                "year": review.year,
                "awarded": award,
                "stars": review.stars,
                "expires_on": review.expires_on.isoformat() if review.expires_on else None,
                "reason": review.reason,
            },
        )
        audit_record(
            action="supervision.star_review_decide",
            actor=actor,
            target=review,
            payload={"award": award, "stars": review.stars},
        )
    return review

"""实施监督 writes. Each is one transaction with its audit entry; a refusal names its reason and
writes nothing. Services that change the figures the city rolls up emit the outbox event."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import Role
from accounts.selectors import user_ids_with_role
from audit.services import audit_record
from congresses.tenant import current_tenant
from filestore.models import StoredFile
from ops.errors import Conflict, DomainError, NotAllowed, require_text
from outbox.services import outbox_emit
from tenants.deputies.models import Deputy
from tenants.notifications.services import notification_send
from tenants.voting.selectors import candidates_by_ids

from . import rules
from .models import (
    Inspection,
    MidyearReport,
    Milestone,
    ProgressReport,
    Project,
    Rectification,
    Stage,
    Unit,
)

if TYPE_CHECKING:  # a cycle is only passed through to the queries
    from tenants.voting.models import Cycle

TOPIC = "implementation"
MAX_PHOTOS = 9


def _today(today: date | None) -> date:
    return today or timezone.localdate()


def _link(project: Project) -> str:
    return f"/implementation/projects/{project.pk}"


def _staff_ids() -> list[int]:
    return user_ids_with_role(congress_id=current_tenant().id, role=Role.STAFF)


def _unit_ids(project: Project) -> list[int]:
    return list(project.unit.member_ids) if project.unit else []


def _supervisor_ids(project: Project) -> list[int]:
    return [
        int(pk)
        for pk in project.supervisors.filter(user__isnull=False).values_list("user_id", flat=True)
    ]


def _locked(project: Project) -> Project:
    return (
        Project.objects.select_for_update(of=("self",))
        .select_related("unit", "cycle")
        .get(pk=project.pk)
    )


# --- Units -----------------------------------------------------------------------------------


def unit_create(*, name: str, member_ids: Sequence[int], actor: Any) -> Unit:
    """A responsible unit with its accounts: members of this congress holding the `unit` role."""
    require_text(name, "unit_name_required", _("请填写单位名称。"), field="name")
    with transaction.atomic():
        _require_unit_accounts(member_ids)
        if Unit.objects.filter(name=name.strip()).exists():
            raise Conflict("unit_exists", _("已有同名单位。"), field="name")
        unit = Unit.objects.create(name=name.strip(), member_ids=sorted(set(member_ids)))
        audit_record(action="implementation.unit_create", actor=actor, target=unit)
    return unit


def _require_unit_accounts(member_ids: Sequence[int]) -> None:
    found = set(
        user_ids_with_role(congress_id=current_tenant().id, role=Role.UNIT, among=member_ids)
    )
    if set(member_ids) - found:
        raise DomainError(
            "unit_member_invalid",
            _("单位账号须是本单位具有承办单位角色的成员。"),
            field="member_ids",
        )


# --- From the vote into implementation --------------------------------------------------------


def projects_from_vote(*, cycle_id: int, adopted_ids: Sequence[int], actor: Any) -> list[Project]:
    """转入实施: one project per adopted candidate, carrying its name, category and estimated cost
    over. Runs when voting hands its results over (events.VoteResultsFinal), inside voting's
    transaction, which also returns the other candidates' proposals to the reserve. Nothing is
    entered twice: voting refuses a second hand-over."""
    with transaction.atomic():
        by_id = {c.pk: c for c in candidates_by_ids(adopted_ids)}
        projects = [
            Project.objects.create(
                cycle_id=cycle_id,
                candidate=by_id[pk],
                name=by_id[pk].name,
                category=by_id[pk].category,
                funds_planned=by_id[pk].estimated_cost or Decimal(0),
            )
            for pk in adopted_ids
        ]
        audit_record(
            action="implementation.projects_from_vote",
            actor=actor,
            target_type="voting.cycle",
            target_id=cycle_id,
            payload={"projects": [p.pk for p in projects]},
        )
        outbox_emit(topic=TOPIC)
    return projects


# --- The plan ---------------------------------------------------------------------------------


def _check_funds(*, planned: Decimal, allocated: Decimal, spent: Decimal, note: str) -> None:
    problem = rules.funds_problem(planned=planned, allocated=allocated, spent=spent)
    if problem == "negative":
        raise DomainError("funds_negative", _("资金金额不能为负数。"))
    if problem == "overspent" and not note.strip():
        raise DomainError(
            "funds_overspent",
            _("已支出资金（%(spent)s 万元）超过已拨付资金（%(allocated)s 万元），请填写超支说明。")
            % {"spent": spent, "allocated": allocated},
            field="overspend_note",
        )


@dataclass(frozen=True)
class PlanChange:
    unit: Unit | None = None
    owner_name: str | None = None
    annual_target: str | None = None
    outcome: str | None = None
    funds_planned: Decimal | None = None
    funds_allocated: Decimal | None = None
    funds_spent: Decimal | None = None
    overspend_note: str | None = None


def project_plan(*, project: Project, change: PlanChange, actor: Any) -> Project:
    """实施方案: responsible unit and owner, target and funds. Assigning a unit notifies its
    accounts; spent beyond allocated is accepted only with an explanation, and stays flagged."""
    with transaction.atomic():
        project = _locked(project)
        previous_unit = project.unit_id
        fields = [name for name, value in vars(change).items() if value is not None]
        for name in fields:
            value = getattr(change, name)
            setattr(project, name, value.strip() if isinstance(value, str) else value)
        _check_funds(
            planned=project.funds_planned,
            allocated=project.funds_allocated,
            spent=project.funds_spent,
            note=project.overspend_note,
        )
        project.save(update_fields=fields)
        audit_record(
            action="implementation.plan",
            actor=actor,
            target=project,
            payload={n: str(getattr(project, n)) for n in fields},
        )
        outbox_emit(topic=TOPIC)
        if project.unit is not None and project.unit_id != previous_unit:
            notification_send(
                key=f"implementation.assigned:{project.pk}:{project.unit_id}",
                user_ids=_unit_ids(project),
                subject=_("民生实事项目交办：%(name)s") % {"name": project.name},
                body=_("贵单位为“%(name)s”的责任单位，请制定实施计划并按时报送进展。")
                % {"name": project.name},
                link=_link(project),
            )
    return project


def milestone_add(
    *, project: Project, title: str, due_on: date, actor: Any, today: date | None = None
) -> Milestone:
    require_text(title, "milestone_title_required", _("请填写节点名称。"), field="title")
    with transaction.atomic():
        project = _locked(project)
        milestone = Milestone.objects.create(project=project, title=title.strip(), due_on=due_on)
        _relight(project, _today(today))
        audit_record(action="implementation.milestone_add", actor=actor, target=milestone)
        outbox_emit(topic=TOPIC)
    return milestone


def milestone_done(
    *, milestone: Milestone, done_on: date, actor: Any, today: date | None = None
) -> Milestone:
    if done_on > _today(today):
        raise DomainError("done_in_future", _("完成日期不能晚于今天。"), field="done_on")
    with transaction.atomic():
        project = _locked(milestone.project)
        milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
        milestone.done_on = done_on
        milestone.save(update_fields=["done_on"])
        _relight(project, _today(today))
        audit_record(
            action="implementation.milestone_done",
            actor=actor,
            target=milestone,
            payload={"done_on": done_on.isoformat()},
        )
        outbox_emit(topic=TOPIC)
    return milestone


def stage_set(
    *, project: Project, year: int, target: str, investment: Decimal, actor: Any
) -> Stage:
    """A multi-year project's target and investment for one year (replaces that year's stage)."""
    if investment < 0:
        raise DomainError("funds_negative", _("资金金额不能为负数。"), field="investment")
    require_text(target, "stage_target_required", _("请填写阶段目标。"), field="target")
    with transaction.atomic():
        project = _locked(project)
        if year < project.cycle.year:
            raise DomainError(
                "stage_before_vote",
                _("年度阶段不能早于项目票决的年度（%(year)s年）。") % {"year": project.cycle.year},
                field="year",
            )
        stage, _created = Stage.objects.update_or_create(
            project=project,
            year=year,
            defaults={"target": target.strip(), "investment": investment},
        )
        audit_record(
            action="implementation.stage_set", actor=actor, target=stage, payload={"year": year}
        )
    return stage


def stage_remove(*, stage: Stage, actor: Any) -> None:
    """Takes back one year's stage of a multi-year project (entered by mistake)."""
    with transaction.atomic():
        project = _locked(stage.project)
        audit_record(
            action="implementation.stage_remove",
            actor=actor,
            target=project,
            payload={"year": stage.year},
        )
        stage.delete()


def supervisors_set(*, project: Project, deputies: Iterable[Deputy], actor: Any) -> Project:
    """代表监督小组: the deputies of this congress's roster who follow the project."""
    chosen = list(deputies)
    with transaction.atomic():
        project = _locked(project)
        project.supervisor_ids = sorted({d.pk for d in chosen})
        project.save(update_fields=["supervisor_ids"])
        audit_record(
            action="implementation.supervisors_set",
            actor=actor,
            target=project,
            payload={"deputies": [d.pk for d in chosen]},
        )
    return project


# --- Progress by the responsible unit ---------------------------------------------------------


def require_reporter(project: Project, user_id: int) -> None:
    """A unit reports on its own projects only."""
    if project.unit is None or user_id not in project.unit.member_ids:
        raise NotAllowed("not_your_project", _("只能报送本单位负责项目的进展。"))


def progress_report(
    *,
    project: Project,
    percent: int,
    text: str,
    photos: Sequence[StoredFile],
    actor: Any,
    funds_spent: Decimal | None = None,
    overspend_note: str = "",
    today: date | None = None,
) -> ProgressReport:
    """进展报告: percent, text and photos (images already in this congress's file store). A
    report at 100% completes the project."""
    if not 0 <= percent <= 100:
        raise DomainError("percent_invalid", _("完成进度须在 0 到 100 之间。"), field="percent")
    require_text(text, "report_text_required", _("请填写进展情况。"), field="text")
    if len(photos) > MAX_PHOTOS:
        raise DomainError(
            "too_many_photos", _("照片最多 %(n)d 张。") % {"n": MAX_PHOTOS}, field="photos"
        )
    if any(not p.content_type.startswith("image/") for p in photos):
        raise DomainError("photo_not_image", _("照片须为图片文件。"), field="photos")
    day = _today(today)
    with transaction.atomic():
        project = _locked(project)
        require_reporter(project, int(getattr(actor, "pk", 0) or 0))
        if project.completed_on is not None:
            raise Conflict("project_completed", _("该项目已完成，不能再报送进展。"))
        fields = ["percent"]
        if funds_spent is not None:
            _check_funds(
                planned=project.funds_planned,
                allocated=project.funds_allocated,
                spent=funds_spent,
                note=overspend_note or project.overspend_note,
            )
            project.funds_spent = funds_spent
            project.overspend_note = overspend_note.strip() or project.overspend_note
            fields += ["funds_spent", "overspend_note"]
        report = ProgressReport.objects.create(
            project=project,
            percent=percent,
            text=text.strip(),
            photo_ids=list(dict.fromkeys(p.pk for p in photos)),
            reported_by_id=actor.pk,
        )
        project.percent = percent
        if percent == 100:
            project.completed_on = day
            fields.append("completed_on")
        project.save(update_fields=fields)
        _relight(project, day)
        audit_record(
            action="implementation.progress_report",
            actor=actor,
            target=report,
            payload={"percent": percent, "photos": [p.pk for p in photos]},
        )
        outbox_emit(topic=TOPIC)
    return report


# --- Supervision ------------------------------------------------------------------------------


def inspection_record(*, project: Project, held_on: date, findings: str, actor: Any) -> Inspection:
    require_text(findings, "findings_required", _("请填写视察发现的问题或结论。"), field="findings")
    with transaction.atomic():
        project = _locked(project)
        inspection = Inspection.objects.create(
            project=project,
            held_on=held_on,
            findings=findings.strip(),
            recorded_by_id=getattr(actor, "pk", None),
        )
        audit_record(action="implementation.inspection_record", actor=actor, target=inspection)
    return inspection


def rectification_open(
    *,
    project: Project,
    reason: str,
    source: str,
    actor: Any,
    due_on: date | None = None,
    owner_name: str = "",
    inspection: Inspection | None = None,
) -> Rectification:
    """整改: from an inspection, the mid-year review or a 不满意 rating ("satisfaction"). The
    responsible unit's accounts are notified."""
    if source not in Rectification.Source.values:
        raise DomainError("rectification_source_invalid", _("整改来源无效。"), field="source")
    require_text(reason, "rectification_reason_required", _("请填写整改事项。"), field="reason")
    if inspection is not None and inspection.project_id != project.pk:
        raise DomainError("inspection_mismatch", _("该视察记录不属于本项目。"), field="inspection")
    with transaction.atomic():
        project = _locked(project)
        item = Rectification.objects.create(
            project=project,
            source=source,
            inspection=inspection,
            reason=reason.strip(),
            owner_name=owner_name.strip(),
            due_on=due_on,
            opened_by_id=getattr(actor, "pk", None),
        )
        audit_record(
            action="implementation.rectification_open",
            actor=actor,
            target=item,
            payload={"source": source, "due_on": due_on.isoformat() if due_on else None},
        )
        notification_send(
            key=f"implementation.rectification_open:{item.pk}",
            user_ids=_unit_ids(project),
            subject=_("整改事项交办：%(name)s") % {"name": project.name},
            body=item.reason,
            link=_link(project),
        )
    return item


def rectification_close(
    *, rectification: Rectification, note: str, actor: Any, closed_on: date | None = None
) -> Rectification:
    require_text(note, "closing_note_required", _("请填写整改情况。"), field="note")
    with transaction.atomic():
        item = Rectification.objects.select_for_update().get(pk=rectification.pk)
        if item.closed_on is not None:
            raise Conflict("rectification_closed", _("该整改事项已办结。"))
        item.closed_on, item.closing_note = _today(closed_on), note.strip()
        item.save(update_fields=["closed_on", "closing_note"])
        audit_record(action="implementation.rectification_close", actor=actor, target=item)
    return item


# --- The mid-year report ------------------------------------------------------------------------


def midyear_report_submit(
    *, cycle: Cycle, title: str, body: str, heard_on: date, actor: Any
) -> MidyearReport:
    """上半年实施情况报告, heard by the presidium or standing committee."""
    for text in (title, body):
        require_text(text, "midyear_text_required", _("请填写报告名称和内容。"))
    with transaction.atomic():
        if MidyearReport.objects.filter(cycle=cycle).exists():
            raise Conflict("midyear_exists", _("本年度的年中报告已提交。"))
        report = MidyearReport.objects.create(
            cycle=cycle, title=title.strip(), body=body.strip(), heard_on=heard_on
        )
        audit_record(action="implementation.midyear_submit", actor=actor, target=report)
        outbox_emit(topic=TOPIC)  # the route's 半年报告 date
    return report


def midyear_opinions_record(
    *, report: MidyearReport, opinions: str, on: date, actor: Any
) -> MidyearReport:
    """审议意见, passed to the government for an answer."""
    require_text(opinions, "opinions_required", _("请填写审议意见。"), field="opinions")
    with transaction.atomic():
        report = MidyearReport.objects.select_for_update().get(pk=report.pk)
        if report.answered_on is not None:
            raise Conflict("midyear_answered", _("政府已答复，审议意见不能再修改。"))
        report.opinions, report.opinions_on = opinions.strip(), on
        report.save(update_fields=["opinions", "opinions_on"])
        audit_record(action="implementation.midyear_opinions", actor=actor, target=report)
    return report


def midyear_answer(
    *, report: MidyearReport, answer: str, on: date, actor: Any, answered_as: str
) -> MidyearReport:
    """The government's answer, recorded by staff or by a unit responsible for one of the year's
    projects. What staff recorded stands: only staff change it."""
    require_text(answer, "answer_required", _("请填写答复内容。"), field="answer")
    with transaction.atomic():
        report = MidyearReport.objects.select_for_update().get(pk=report.pk)
        if not report.opinions:
            raise DomainError("opinions_missing", _("尚无审议意见，无需答复。"))
        if answered_as != Role.STAFF:
            user_id = getattr(actor, "pk", None)
            if not Project.objects.filter(
                cycle_id=report.cycle_id, unit__member_ids__contains=[user_id]
            ).exists():
                raise NotAllowed(
                    "not_your_report", _("本单位没有该年度的项目，不能答复年中报告审议意见。")
                )
            if report.answered_as == Role.STAFF:
                raise Conflict("answered_by_staff", _("工作人员已录入答复，承办单位不能修改。"))
        report.answer, report.answered_on = answer.strip(), on
        report.answered_as = answered_as
        report.save(update_fields=["answer", "answered_on", "answered_as"])
        audit_record(action="implementation.midyear_answer", actor=actor, target=report)
    return report


# --- Traffic lights and alerts (the beat task's body) -----------------------------------------


def _relight(project: Project, today: date) -> bool:
    """Recompute the lights of one project and its milestones. Returns whether any changed."""
    changed = False
    lights = []
    for milestone in project.milestones.all():
        light = rules.milestone_light(
            due_on=milestone.due_on, done_on=milestone.done_on, today=today
        )
        lights.append(light)
        if milestone.light != light:
            Milestone.objects.filter(pk=milestone.pk).update(light=light.value)
            changed = True
    light = rules.project_light(milestone_lights=lights, completed=project.completed_on is not None)
    if project.light != light:
        Project.objects.filter(pk=project.pk).update(light=light.value)
        project.light = light.value
        changed = True
    return changed


@dataclass(frozen=True)
class AlertSummary:
    relit: int
    notified: int


def alerts_run(*, now: datetime) -> AlertSummary:
    """For this congress: recompute every light, remind of milestones due soon, alert on overdue
    milestones and on rectifications due or overdue. Each notification has a key naming its
    subject and date, so running this again (a retried task, a second beat) notifies nobody
    twice; a moved deadline is a new key and reminds again."""
    today = timezone.localdate(now)
    relit = notified = 0
    with transaction.atomic():
        projects = list(
            Project.objects.select_for_update(of=("self",))
            .filter(completed_on__isnull=True)
            .select_related("unit")
            .prefetch_related("milestones")
        )
        staff = _staff_ids()
        for project in projects:
            relit += _relight(project, today)
            notified += _milestone_alerts(project, today, staff)
        for item in Rectification.objects.filter(
            closed_on__isnull=True, due_on__isnull=False
        ).select_related("project__unit"):
            notified += _rectification_alert(item, today, staff)
        if relit:
            audit_record(
                action="implementation.lights_refresh",
                payload={"today": today.isoformat(), "changed": relit},
            )
            outbox_emit(topic=TOPIC)
    return AlertSummary(relit=relit, notified=notified)


def _milestone_alerts(project: Project, today: date, staff: list[int]) -> int:
    sent = 0
    unit = _unit_ids(project)
    watchers = sorted({*unit, *staff, *_supervisor_ids(project)})
    for m in project.milestones.all():
        values = {"project": project.name, "title": m.title, "due": m.due_on.isoformat()}
        if rules.due_soon(due_on=m.due_on, done_on=m.done_on, today=today):
            sent += notification_send(
                key=f"implementation.milestone_due:{m.pk}:{m.due_on}",
                user_ids=unit,
                subject=_("节点即将到期：%(project)s") % values,
                body=_("“%(project)s”的节点“%(title)s”将于 %(due)s 到期，请按时完成并报送进展。")
                % values,
                link=_link(project),
            )
        elif rules.overdue(due_on=m.due_on, done_on=m.done_on, today=today):
            sent += notification_send(
                key=f"implementation.milestone_overdue:{m.pk}:{m.due_on}",
                user_ids=watchers,
                subject=_("节点逾期（红灯）：%(project)s") % values,
                body=_("“%(project)s”的节点“%(title)s”应于 %(due)s 完成，目前仍未完成。") % values,
                link=_link(project),
            )
    return sent


def _rectification_alert(item: Rectification, today: date, staff: list[int]) -> int:
    assert item.due_on is not None
    project = item.project
    values = {"project": project.name, "due": item.due_on.isoformat()}
    if rules.overdue(due_on=item.due_on, done_on=item.closed_on, today=today):
        return notification_send(
            key=f"implementation.rectification_overdue:{item.pk}:{item.due_on}",
            user_ids=sorted({*_unit_ids(project), *staff}),
            subject=_("整改逾期：%(project)s") % values,
            body=_("“%(project)s”的整改事项应于 %(due)s 办结，目前仍未办结。") % values
            + f"\n{item.reason}",
            link=_link(project),
        )
    if rules.due_soon(due_on=item.due_on, done_on=item.closed_on, today=today):
        return notification_send(
            key=f"implementation.rectification_due:{item.pk}:{item.due_on}",
            user_ids=_unit_ids(project),
            subject=_("整改即将到期：%(project)s") % values,
            body=_("“%(project)s”的整改事项将于 %(due)s 到期。") % values + f"\n{item.reason}",
            link=_link(project),
        )
    return 0

"""项目实施监督: the adopted projects from the vote until the year-end evaluation (DESIGN.md §4,
step 5). A project comes from an adopted candidate; its responsible unit reports progress; deputies
supervise, inspect and open rectification items; the presidium hears a mid-year report."""

from decimal import Decimal
from typing import TYPE_CHECKING

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import F, Q, QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from filestore.models import StoredFile
from tenants.deputies.models import Deputy
from tenants.voting.models import Candidate, Cycle

from .rules import Light

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

LIGHT_CHOICES = [
    (Light.GREEN.value, _("绿灯")),
    (Light.YELLOW.value, _("黄灯")),
    (Light.RED.value, _("红灯")),
]


def _money(label: "StrOrPromise") -> "models.DecimalField[Decimal, Decimal]":
    return models.DecimalField(label, max_digits=12, decimal_places=2, default=0)


class Unit(models.Model):
    """责任单位: a government department or office; its accounts (members of this congress with
    the `unit` role) report progress on its projects and on no others."""

    name = models.CharField(_("单位名称"), max_length=100, unique=True)
    member_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("责任单位")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Project(models.Model):
    """民生实事项目 in implementation: one per adopted candidate, figures in 万元."""

    cycle = models.ForeignKey(Cycle, on_delete=models.PROTECT, related_name="projects")
    candidate = models.OneToOneField(Candidate, on_delete=models.PROTECT, related_name="project")
    name = models.CharField(_("项目名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=50, blank=True)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("责任单位"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    owner_name = models.CharField(_("责任人"), max_length=50, blank=True)
    annual_target = models.TextField(_("年度目标"), blank=True)
    funds_planned = _money(_("计划投资（万元）"))
    funds_allocated = _money(_("已拨付资金（万元）"))
    funds_spent = _money(_("已支出资金（万元）"))
    # Spent beyond allocated is accepted only with this explanation, and shown flagged.
    overspend_note = models.TextField(_("超支说明"), blank=True)
    percent = models.PositiveSmallIntegerField(_("完成进度（%）"), default=0)
    light = models.CharField(
        _("预警"), max_length=8, choices=LIGHT_CHOICES, default=Light.GREEN.value
    )
    outcome = models.TextField(_("完成情况"), blank=True)
    completed_on = models.DateField(_("完成日期"), null=True, blank=True)
    # 代表监督小组: deputies of this roster, by id (no table of pairs in every schema,
    # docs/scaling.md). A deputy is never deleted (they leave by status), so the ids hold.
    supervisor_ids = ArrayField(
        models.BigIntegerField(), verbose_name=_("代表监督小组"), default=list, blank=True
    )

    class Meta:
        verbose_name = verbose_name_plural = _("实施项目")
        ordering = ["cycle", "candidate__rank", "pk"]
        constraints = [
            models.CheckConstraint(
                name="project_funds_not_negative",
                condition=Q(funds_planned__gte=0, funds_allocated__gte=0, funds_spent__gte=0),
            ),
            models.CheckConstraint(
                name="project_overspend_explained",
                condition=Q(funds_spent__lte=F("funds_allocated")) | ~Q(overspend_note=""),
            ),
            models.CheckConstraint(name="project_percent_range", condition=Q(percent__lte=100)),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def supervisors(self) -> QuerySet[Deputy]:
        return Deputy.objects.filter(pk__in=self.supervisor_ids)

    @property
    def overspent(self) -> bool:
        return self.funds_spent > self.funds_allocated


class Milestone(models.Model):
    """时间节点."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="milestones")
    title = models.CharField(_("节点"), max_length=200)
    due_on = models.DateField(_("计划完成日期"))
    done_on = models.DateField(_("实际完成日期"), null=True, blank=True)
    light = models.CharField(
        _("预警"), max_length=8, choices=LIGHT_CHOICES, default=Light.GREEN.value
    )

    class Meta:
        verbose_name = verbose_name_plural = _("时间节点")
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.title


class Stage(models.Model):
    """年度阶段: a multi-year project's target and investment for one year."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="stages")
    year = models.PositiveSmallIntegerField(_("年度"))
    target = models.TextField(_("阶段目标"))
    investment = _money(_("年度投资（万元）"))

    class Meta:
        verbose_name = verbose_name_plural = _("年度阶段")
        ordering = ["year"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="stage_once_per_year"),
            models.CheckConstraint(
                name="stage_investment_not_negative", condition=Q(investment__gte=0)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}"


class ProgressReport(models.Model):
    """进展报告 by the responsible unit, with photos in the tenant's file store."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="reports")
    percent = models.PositiveSmallIntegerField(_("完成进度（%）"))
    text = models.TextField(_("进展情况"))
    # Files of this congress's store, by id, in the order given (no table of pairs in every
    # schema, docs/scaling.md); a stored file is never deleted.
    photo_ids = ArrayField(models.BigIntegerField(), default=list, blank=True)
    reported_by_id = models.BigIntegerField(null=True)
    reported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("进展报告")
        ordering = ["-reported_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.percent}%"

    @cached_property
    def photos(self) -> list[StoredFile]:
        """One query; selectors.project_detail fills it for all of a project's reports at once."""
        files = StoredFile.objects.in_bulk(self.photo_ids)
        return [files[pk] for pk in self.photo_ids if pk in files]


class Inspection(models.Model):
    """视察/督查 by the project's deputy supervision group, with its findings."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="inspections")
    held_on = models.DateField(_("视察日期"))
    findings = models.TextField(_("发现问题"))
    recorded_by_id = models.BigIntegerField(null=True)

    class Meta:
        verbose_name = verbose_name_plural = _("视察督查")
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.project} {self.held_on}"


class Rectification(models.Model):
    """整改事项: from an inspection, the mid-year review, or a 不满意 year-end rating."""

    class Source(models.TextChoices):
        INSPECTION = "inspection", _("视察督查")
        MIDYEAR = "midyear", _("年中审议")
        SATISFACTION = "satisfaction", _("满意度测评")
        OTHER = "other", _("其他")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="rectifications")
    source = models.CharField(_("来源"), max_length=16, choices=Source.choices)
    inspection = models.ForeignKey(
        Inspection, on_delete=models.SET_NULL, null=True, blank=True, related_name="rectifications"
    )
    reason = models.TextField(_("整改事项"))
    owner_name = models.CharField(_("整改责任人"), max_length=50, blank=True)
    due_on = models.DateField(_("整改期限"), null=True, blank=True)
    closed_on = models.DateField(_("整改完成日期"), null=True, blank=True)
    closing_note = models.TextField(_("整改情况"), blank=True)
    opened_by_id = models.BigIntegerField(null=True)
    opened_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("整改事项")
        ordering = ["closed_on", "due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="rectification_closed_with_note",
                condition=Q(closed_on__isnull=True) | ~Q(closing_note=""),
            )
        ]

    def __str__(self) -> str:
        return self.reason[:40]


class MidyearReport(models.Model):
    """上半年实施情况报告 to the presidium or standing committee, its 审议意见 and the government's
    answer: one per cycle."""

    cycle = models.OneToOneField(Cycle, on_delete=models.PROTECT, related_name="midyear_report")
    title = models.CharField(_("报告名称"), max_length=200)
    body = models.TextField(_("报告内容"))
    heard_on = models.DateField(_("审议日期"))
    opinions = models.TextField(_("审议意见"), blank=True)
    opinions_on = models.DateField(_("审议意见交办日期"), null=True, blank=True)
    answer = models.TextField(_("政府答复"), blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    # The role the answer was recorded in: a unit never overwrites what staff recorded.
    answered_as = models.CharField(max_length=20, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("年中报告")

    def __str__(self) -> str:
        return self.title

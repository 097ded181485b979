"""履职档案 and 履职积分: a record per deputy of what they did, the quarterly publication (公示) and
the objections deputies file against entries in it. The congress's point rules and bands are
settings (rules.DutySettings, kept in the public congresses.ModuleSettings).

Scores are never stored: they are computed from the entries and the rules (rules.py), so an
upheld objection or a changed rule shows in every score at once.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tenants.deputies.models import Deputy


class Kind(models.TextChoices):
    # The kinds done in person (IN_PERSON below), the kinds of a joint activity.
    INSPECTION = "inspection", _("调研视察")
    LAW_ENFORCEMENT = "law_enforcement", _("执法检查")
    SUPERVISION = "supervision", _("专题督办")
    RECEPTION = "reception", _("接待选民")
    TRAINING = "training", _("学习培训")
    REPORT_BACK = "report_back", _("述职")
    # Recorded by staff or by other modules.
    SUGGESTION = "suggestion", _("代表建议")
    SESSION = "session", _("出席会议")
    OPINION = "opinion", _("办理群众意见")
    OPINION_RECEIVED = "opinion_received", _("接收群众意见")
    # Speaking in the deliberation (审议) of a voting cycle's candidates: once per cycle.
    DELIBERATION = "deliberation", _("审议发言")
    LEAVE = "leave", _("请假")


# The kinds a deputy does in person, which a joint activity (tenants/linkage/activities) is of.
IN_PERSON = frozenset(
    {
        Kind.INSPECTION,
        Kind.LAW_ENFORCEMENT,
        Kind.SUPERVISION,
        Kind.RECEPTION,
        Kind.TRAINING,
        Kind.REPORT_BACK,
    }
)


class DutyEntry(models.Model):
    class State(models.TextChoices):
        COUNTED = "counted", _("有效")
        # The deputy's own change (a leave taken back by attending): may count again later.
        WITHDRAWN = "withdrawn", _("已撤回")
        # An upheld objection: stays out.
        VOIDED = "voided", _("异议成立已核减")

    deputy = models.ForeignKey(
        Deputy, verbose_name=_("代表"), on_delete=models.PROTECT, related_name="duty_entries"
    )
    kind = models.CharField(_("类型"), max_length=32, choices=Kind.choices)
    # What the entry is about, unique per kind and deputy: "activity:<organiser>:<ref>", a
    # suggestion's number, an opinion's id.
    source_ref = models.CharField(_("来源"), max_length=100)
    occurred_on = models.DateField(_("日期"))
    title = models.CharField(_("事项"), max_length=200, blank=True)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.COUNTED)
    recorded_by_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("登记时间"), auto_now_add=True)
    # Work done at another congress (a station the deputy is posted to), as that congress sent
    # it by dispatch (docs/linkage-duty.md); null and empty for work done here.
    origin_congress_id = models.BigIntegerField(_("履职所在人大编号"), null=True, blank=True)
    origin_congress_name = models.CharField(_("履职所在人大"), max_length=100, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("履职记录")
        ordering = ["-occurred_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "source_ref", "deputy"], name="duty_entry_once_per_source"
            )
        ]
        indexes = [models.Index(fields=["deputy", "occurred_on"], name="duty_entry_deputy_day")]

    def __str__(self) -> str:
        return f"{self.deputy_id} {self.kind} {self.source_ref}"


class Publication(models.Model):
    """季度亮分: a quarter's entries and scores published, open to objections until a date."""

    year = models.PositiveSmallIntegerField(_("年度"))
    quarter = models.PositiveSmallIntegerField(_("季度"))
    published_at = models.DateTimeField(_("公示时间"))
    objection_until = models.DateTimeField(_("异议截止"))
    published_by_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("季度公示")
        ordering = ["-year", "-quarter"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "quarter"], name="publication_once_per_quarter"
            ),
            models.CheckConstraint(
                name="publication_quarter_valid", condition=Q(quarter__gte=1, quarter__lte=4)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.year} Q{self.quarter}"


class Objection(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("待处理")
        UPHELD = "upheld", _("异议成立")
        REJECTED = "rejected", _("异议不成立")

    entry = models.ForeignKey(
        DutyEntry, verbose_name=_("履职记录"), on_delete=models.PROTECT, related_name="objections"
    )
    publication = models.ForeignKey(
        Publication, verbose_name=_("季度公示"), on_delete=models.PROTECT, related_name="objections"
    )
    reason = models.TextField(_("异议理由"))
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.OPEN)
    decision_note = models.TextField(_("处理意见"), blank=True)
    decided_by_id = models.BigIntegerField(null=True, blank=True)
    decided_at = models.DateTimeField(_("处理时间"), null=True, blank=True)
    filed_at = models.DateTimeField(_("提出时间"))

    class Meta:
        verbose_name = verbose_name_plural = _("积分异议")
        ordering = ["-filed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["entry"], condition=Q(state="open"), name="objection_one_open_per_entry"
            )
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} {self.state}"

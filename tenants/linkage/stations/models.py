"""代表联络站: stations in tiers, their staff and resident deputies (进站), the reception rota
(接待日), the standardisation checklist (N有) with self-assessment, review and stars.

A resident is either a deputy of this congress's roster or a deputy of another congress picked
from the public directory (a higher-level deputy assigned here). For the latter this tenant keeps
the directory's listing id and a snapshot of the listing; the deputy's own congress hears of the
assignment by a dispatch and keeps a `Posting` (see services.residency_add)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.fields import account_reference
from tenants.deputies.models import Deputy


class Tier(models.TextChoices):
    HUB = "hub", _("联络总站")
    CENTRE = "centre", _("联络中心站")
    STATION = "station", _("联络站")
    POINT = "point", _("联络点")


class Station(models.Model):
    name = models.CharField(_("名称"), max_length=100)
    tier = models.CharField(_("层级"), max_length=16, choices=Tier.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级站"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    address = models.CharField(_("地址"), max_length=200)
    opening_hours = models.CharField(_("开放时间"), max_length=100, blank=True)
    # The station's public line (a desk phone), shown on its public page.
    phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    introduction = models.TextField(_("简介"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("代表联络站")
        ordering = ["tier", "name", "id"]

    def __str__(self) -> str:
        return self.name


class StaffMember(models.Model):
    class Duty(models.TextChoices):
        HEAD = "head", _("站长")
        DEPUTY_HEAD = "deputy_head", _("副站长")
        LIAISON = "liaison", _("联络员")

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("姓名"), max_length=50)
    duty = models.CharField(_("职务"), max_length=16, choices=Duty.choices)
    phone = models.CharField(_("手机号"), max_length=20, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("站务人员")
        ordering = ["duty", "id"]

    def __str__(self) -> str:
        return self.name


class Resident(models.Model):
    """进站: a deputy stationed here, of this roster or (by the directory) of another congress."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="residents")
    deputy = models.ForeignKey(
        Deputy,
        verbose_name=_("本级代表"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="residencies",
    )
    # A deputy of another congress: the directory listing and its congress, no foreign keys
    # into the public schema (Citus-ready, DESIGN.md §8).
    listing_id = models.PositiveBigIntegerField(_("名录编号"), null=True, blank=True)
    home_congress_id = models.PositiveBigIntegerField(_("所属人大编号"))
    home_deputy_id = models.PositiveBigIntegerField(_("所属人大的代表编号"))
    # A snapshot for lists: the roster's or the listing's at assignment time.
    name = models.CharField(_("姓名"), max_length=50)
    level = models.CharField(_("代表层级"), max_length=16)
    home_congress_name = models.CharField(_("所属人大"), max_length=100, blank=True)
    assigned_at = models.DateTimeField(_("进站时间"), default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("进站代表")
        ordering = ["station", "level", "name", "id"]
        constraints = [
            models.CheckConstraint(
                name="resident_local_or_listed",
                condition=(Q(deputy__isnull=False) & Q(listing_id__isnull=True))
                | (Q(deputy__isnull=True) & Q(listing_id__isnull=False)),
            ),
            models.UniqueConstraint(
                fields=["station", "deputy"],
                condition=Q(deputy__isnull=False),
                name="resident_local_once",
            ),
            models.UniqueConstraint(
                fields=["station", "listing_id"],
                condition=Q(listing_id__isnull=False),
                name="resident_listed_once",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_guest(self) -> bool:
        return self.listing_id is not None


class ReceptionDay(models.Model):
    """接待日: a date and time when deputies on duty receive constituents at the station."""

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="receptions")
    date = models.DateField(_("日期"))
    starts_at = models.TimeField(_("开始时间"))
    ends_at = models.TimeField(_("结束时间"))
    topic = models.CharField(_("接待主题"), max_length=200, blank=True)
    on_duty = models.ManyToManyField(
        Resident, verbose_name=_("接待代表"), related_name="receptions"
    )
    published_at = models.DateTimeField(_("公告时间"), null=True, blank=True)
    # 已接待: staff mark the day held once it has taken place; each deputy who received then
    # earns a 接待选民 duty entry (services.reception_hold, docs/linkage-duty.md).
    held_at = models.DateTimeField(_("接待完成时间"), null=True, blank=True)
    # Who received that day (a snapshot: [{"resident_id", "name"}]; a resident may leave the
    # station later): the deputies on duty less those staff marked absent.
    received = models.JSONField(_("实际接待代表"), default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("接待日")
        ordering = ["date", "starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                name="reception_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return f"{self.station} {self.date}"


class ChecklistItem(models.Model):
    """One criterion of this congress's standardisation list (the "N有"), with its weight."""

    title = models.CharField(_("标准"), max_length=100)
    guidance = models.CharField(_("说明"), max_length=300, blank=True)
    weight = models.PositiveSmallIntegerField(_("分值"))
    position = models.PositiveSmallIntegerField(_("排序"), default=0)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        verbose_name = verbose_name_plural = _("规范化建设标准")
        ordering = ["position", "id"]
        constraints = [
            models.CheckConstraint(name="checklist_weight_positive", condition=Q(weight__gt=0))
        ]

    def __str__(self) -> str:
        return self.title


class Assessment(models.Model):
    """A station's standardisation assessment for one year: self-assessment, then review."""

    class State(models.TextChoices):
        DRAFT = "draft", _("自评中")
        SUBMITTED = "submitted", _("待评审")
        REVIEWED = "reviewed", _("已评定")

    station = models.ForeignKey(Station, on_delete=models.CASCADE, related_name="assessments")
    year = models.PositiveSmallIntegerField(_("年度"))
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.DRAFT)
    self_total = models.DecimalField(_("自评得分率"), max_digits=5, decimal_places=2, null=True)
    review_total = models.DecimalField(_("评审得分率"), max_digits=5, decimal_places=2, null=True)
    stars = models.PositiveSmallIntegerField(_("星级"), null=True, blank=True)
    submitted_by = account_reference()
    submitted_at = models.DateTimeField(_("自评提交时间"), null=True, blank=True)
    reviewed_by = account_reference()
    reviewed_at = models.DateTimeField(_("评审时间"), null=True, blank=True)
    review_note = models.TextField(_("评审意见"), blank=True)
    # Stars are awarded by the congress above (supervision.StarReview) and hold until this day.
    stars_expire_on = models.DateField(_("星级有效期至"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("规范化建设评定")
        ordering = ["-year", "station"]
        constraints = [
            models.UniqueConstraint(fields=["station", "year"], name="assessment_one_per_year")
        ]

    def __str__(self) -> str:
        return f"{self.station} {self.year}"


class AssessmentScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    item = models.ForeignKey(ChecklistItem, on_delete=models.PROTECT, related_name="+")
    self_score = models.PositiveSmallIntegerField(_("自评分"), null=True)
    review_score = models.PositiveSmallIntegerField(_("评审分"), null=True)
    note = models.CharField(_("说明"), max_length=300, blank=True)

    class Meta:
        ordering = ["item__position", "item_id"]
        constraints = [
            models.UniqueConstraint(fields=["assessment", "item"], name="score_one_per_item")
        ]

    def __str__(self) -> str:
        return f"{self.assessment} {self.item_id}"


class Posting(models.Model):
    """A deputy of this roster assigned to another congress's station, as that congress shared
    it by dispatch: the station's public particulars and nothing else."""

    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="postings")
    origin_congress_id = models.PositiveBigIntegerField(_("派驻方编号"))
    origin_congress_name = models.CharField(_("派驻方"), max_length=100)
    origin_ref = models.CharField(_("派驻记录编号"), max_length=64)
    station_name = models.CharField(_("联络站"), max_length=100)
    station_tier = models.CharField(_("层级"), max_length=16, choices=Tier.choices)
    station_address = models.CharField(_("地址"), max_length=200)
    active = models.BooleanField(_("在站"), default=True)
    station_opening_hours = models.CharField(_("开放时间"), max_length=100, blank=True)
    # The published reception days with this deputy on duty: [{date, starts_at, ends_at}].
    receptions = models.JSONField(_("接待安排"), default=list)
    # The newest dispatch applied: an older one arriving late changes nothing.
    dispatch_id = models.PositiveBigIntegerField()
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("派驻进站")
        ordering = ["-active", "station_name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["origin_congress_id", "origin_ref"], name="posting_one_per_origin"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deputy} @ {self.station_name}"

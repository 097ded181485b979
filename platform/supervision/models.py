"""Guidance and benchmark selection, in the public schema: both cross tenant lines by nature (the
city writes once, every chosen township reads), so they live beside the tenant registry rather
than in any one tenant's schema. Every read filters by the congress tree (selectors.py)."""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congresses.fields import congress_reference

from .stages import Stage


class Attachment(models.Model):
    """A file of guidance or of a nomination, stored under its owner congress's prefix."""

    owner = congress_reference(_("上传单位"))
    key = models.CharField(max_length=300, unique=True)
    name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("附件")

    def __str__(self) -> str:
        return self.name


class Guidance(models.Model):
    """指导意见/通知 from a city (or a county) to chosen congresses below it."""

    class Kind(models.TextChoices):
        GUIDANCE = "guidance", _("指导意见")
        NOTICE = "notice", _("通知")

    issuer = congress_reference(_("发文单位"))
    kind = models.CharField(_("类别"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("标题"), max_length=200)
    reference = models.CharField(_("文号"), max_length=60, blank=True)
    body = models.TextField(_("正文"))
    issued_at = models.DateTimeField(_("发布时间"), default=timezone.now)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    attachments = models.ManyToManyField(Attachment, blank=True, related_name="+")
    report_due = models.DateField(_("报送时限"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("撤回时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("指导意见/通知")
        ordering = ["-issued_at", "-id"]
        indexes = [models.Index(fields=["issuer", "-issued_at"], name="guidance_by_issuer")]

    def __str__(self) -> str:
        return self.title


class GuidanceTarget(models.Model):
    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="targets")
    congress = congress_reference()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["guidance", "congress"], name="guidance_target_once")
        ]

    def __str__(self) -> str:
        return f"{self.guidance_id} -> {self.congress_id}"


class GuidanceReceipt(models.Model):
    """Who in a receiving congress read the guidance, and when they first did."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="receipts")
    congress = congress_reference()
    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    read_at = models.DateTimeField(_("阅读时间"))

    class Meta:
        ordering = ["read_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["guidance", "congress", "reader"], name="guidance_receipt_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reader_id} read {self.guidance_id}"


class GuidanceReport(models.Model):
    """A receiving congress's report back on a notice that asks for one; one per congress, a
    resubmission before the date replaces it (docs/supervision.md)."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="reports")
    congress = congress_reference()
    text = models.TextField(_("报送内容"))
    attachments = models.ManyToManyField(Attachment, blank=True, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("报送时间"))

    class Meta:
        verbose_name = verbose_name_plural = _("报送材料")
        constraints = [
            models.UniqueConstraint(fields=["guidance", "congress"], name="guidance_report_once")
        ]

    def __str__(self) -> str:
        return f"{self.congress_id} reported on {self.guidance_id}"


class GuidanceReportReminder(models.Model):
    """The reminder sent to a receiving congress that has not reported as the date nears; one per
    congress and notice, however often the check runs."""

    guidance = models.ForeignKey(Guidance, on_delete=models.CASCADE, related_name="+")
    congress = congress_reference()
    reminder = models.ForeignKey(Guidance, on_delete=models.PROTECT, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["guidance", "congress"], name="guidance_report_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.congress_id} reminded of {self.guidance_id}"


class Kind(models.TextChoices):
    STATION = "station", _("示范联络站")
    DEPUTY = "deputy", _("优秀代表")
    CASE = "case", _("典型案例")


class State(models.TextChoices):
    """The states of a round; phases.py says what each allows and which comes next."""

    DRAFT = "draft", _("筹备")
    NOMINATING = "nominating", _("推荐")
    REVIEWING = "reviewing", _("评审")
    DECIDED = "decided", _("已决定")
    PUBLICITY = "publicity", _("公示")
    ANNOUNCED = "announced", _("已公布")


class BenchmarkRound(models.Model):
    """选树标杆: one selection of model stations, outstanding deputies or exemplary cases."""

    issuer = congress_reference(_("组织单位"))
    kind = models.CharField(_("评选类别"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("名称"), max_length=200)
    year = models.PositiveSmallIntegerField(_("年度"))
    description = models.TextField(_("说明"), blank=True)
    quota = models.PositiveSmallIntegerField(_("评选名额"))
    per_nominator_quota = models.PositiveSmallIntegerField(_("每单位推荐名额"), default=1)
    exclusions = ArrayField(models.CharField(max_length=32), default=list, blank=True)
    nominations_open_on = models.DateField(_("推荐开始日期"))
    nominations_close_on = models.DateField(_("推荐截止日期"))
    notice_starts_on = models.DateField(_("公示开始日期"), null=True, blank=True)
    notice_ends_on = models.DateField(_("公示结束日期"), null=True, blank=True)
    state = models.CharField(_("状态"), max_length=16, choices=State.choices, default=State.DRAFT)
    decision_note = models.TextField(_("决定说明"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    announced_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("评选活动")
        ordering = ["-year", "-created_at"]
        constraints = [
            models.CheckConstraint(
                name="benchmark_round_window_ordered",
                condition=Q(nominations_close_on__gte=models.F("nominations_open_on")),
            ),
            models.CheckConstraint(name="benchmark_round_quota_positive", condition=Q(quota__gt=0)),
        ]

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    """A scoring criterion with its weight (the weights of a round sum to 100). A criterion tied to
    a rollup indicator is pre-filled: `indicator_full` is the value that earns full marks."""

    round = models.ForeignKey(BenchmarkRound, on_delete=models.CASCADE, related_name="criteria")
    position = models.PositiveSmallIntegerField()
    name = models.CharField(_("评分项"), max_length=100)
    weight = models.PositiveSmallIntegerField(_("权重"))
    indicator = models.CharField(_("对应指标"), max_length=40, blank=True)
    indicator_full = models.DecimalField(
        _("满分对应值"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        ordering = ["round", "position"]
        constraints = [
            models.UniqueConstraint(fields=["round", "position"], name="criterion_position_once")
        ]

    def __str__(self) -> str:
        return self.name


class Nomination(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("已推荐")
        WITHDRAWN = "withdrawn", _("已撤回")
        SELECTED = "selected", _("入选")
        NOT_SELECTED = "not_selected", _("未入选")
        REVOKED = "revoked", _("公示后撤销")

    round = models.ForeignKey(BenchmarkRound, on_delete=models.PROTECT, related_name="nominations")
    nominator = congress_reference(_("推荐单位"))
    nominee_name = models.CharField(_("推荐对象"), max_length=200)
    # The record nominated, in the nominating congress's schema: a station's id, an opinion's id
    # (a case), or for a deputy the directory listing's id. Null only for rows from before
    # nominations named records.
    nominee_ref = models.PositiveBigIntegerField(_("推荐对象编号"), null=True, blank=True)
    nominee_detail = models.CharField(_("基本情况"), max_length=300, blank=True)
    statement = models.TextField(_("推荐理由"))
    # The nominator's answers to the round's exclusion questions, by exclusion code.
    declarations = models.JSONField(default=dict, blank=True)
    # The nominee's own figures for the round's year, taken in the nominating congress's schema
    # when it nominates (docs/indicators.md); for a row without a record, the nominator's rollup
    # figures taken when nominations close.
    figures = models.JSONField(default=dict, blank=True)
    attachments = models.ManyToManyField(Attachment, blank=True, related_name="+")
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.SUBMITTED
    )
    rank = models.PositiveSmallIntegerField(_("名次"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("推荐")
        ordering = ["round", "submitted_at", "id"]
        indexes = [models.Index(fields=["round", "nominator"], name="nomination_by_nominator")]

    def __str__(self) -> str:
        return self.nominee_name


class Score(models.Model):
    """One reviewer's score of one nomination on one criterion, 0 to 100."""

    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    value = models.DecimalField(max_digits=5, decimal_places=2)
    prefilled = models.BooleanField(default=False)
    scored_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["nomination", "criterion", "reviewer"], name="score_once_per_reviewer"
            ),
            models.CheckConstraint(
                name="score_within_0_100", condition=Q(value__gte=0) & Q(value__lte=100)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.nomination_id}/{self.criterion_id}: {self.value}"


class Objection(models.Model):
    """An objection received during 公示, recorded by the issuer's staff and resolved by them."""

    round = models.ForeignKey(BenchmarkRound, on_delete=models.CASCADE, related_name="objections")
    nomination = models.ForeignKey(Nomination, on_delete=models.CASCADE, related_name="objections")

    class Source(models.TextChoices):
        STAFF = "staff", _("工作人员登记")
        PUBLIC = "public", _("群众网上提出")

    summary = models.TextField(_("异议内容"))
    received_on = models.DateField(_("收到日期"))
    source = models.CharField(_("来源"), max_length=8, choices=Source.choices, default=Source.STAFF)
    # Who objected online, for the staff to reach them; never shown publicly.
    submitter_name = models.CharField(_("异议人"), max_length=50, blank=True)
    submitter_contact = models.CharField(_("联系方式"), max_length=50, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    upheld = models.BooleanField(_("异议成立"), null=True, blank=True)
    resolution = models.TextField(_("处理结果"), blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["received_on", "id"]

    def __str__(self) -> str:
        return f"objection {self.pk} on {self.nomination_id}"


# --- The year's route (路线图): dated stages set by a city or county for the congresses below ---


class RouteStage(models.Model):
    """One dated stage of the route a city or county sets for a year; the townships below follow
    their county's route when it has one for the year, else the city's."""

    issuer = congress_reference(_("制定单位"))
    year = models.PositiveSmallIntegerField(_("年度"))
    stage = models.CharField(_("环节"), max_length=16, choices=Stage.choices)
    due_on = models.DateField(_("完成时限"))
    set_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    set_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("路线图环节")
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "year", "stage"], name="route_stage_once_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.issuer_id} {self.year} {self.stage} {self.due_on}"


class RouteReminder(models.Model):
    """A township found late on a stage: the reminder sent to it and the notice to its county.
    One per township, year and stage, whatever the later checks find."""

    township = congress_reference()
    year = models.PositiveSmallIntegerField()
    stage = models.CharField(max_length=16, choices=Stage.choices)
    due_on = models.DateField()
    reminder = models.ForeignKey(Guidance, on_delete=models.PROTECT, related_name="+")
    notice = models.ForeignKey(Guidance, on_delete=models.PROTECT, null=True, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["township", "year", "stage"], name="route_reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.township_id} {self.year} {self.stage}"


class StarReview(models.Model):
    """A station's checklist submitted by its congress to the congress above for stars (星级评定).

    The submitting congress sends a snapshot of its self-assessment (the items, their weights and
    its scores); only the staff of the congress above award stars or refuse them, with a reason.
    Stars hold until `expires_on` (a year after the award) and then need a new review."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("待评审")
        AWARDED = "awarded", _("已评星")
        REFUSED = "refused", _("未通过")

    congress = congress_reference(_("申报单位"))
    reviewer_congress = congress_reference(_("评审单位"))
    # The station's id in the submitting congress's schema and its particulars when submitted.
    station_ref = models.PositiveBigIntegerField(_("联络站编号"))
    station_name = models.CharField(_("联络站"), max_length=100)
    station_tier = models.CharField(_("层级"), max_length=16)
    year = models.PositiveSmallIntegerField(_("年度"))
    # [{title, weight, self_score}] as the station assessed itself.
    items = models.JSONField(_("自评明细"), default=list)
    self_total = models.DecimalField(_("自评得分率"), max_digits=5, decimal_places=2)
    state = models.CharField(
        _("状态"), max_length=16, choices=State.choices, default=State.SUBMITTED
    )
    stars = models.PositiveSmallIntegerField(_("星级"), null=True, blank=True)
    reason = models.TextField(_("评审意见"), blank=True)
    expires_on = models.DateField(_("星级有效期至"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    submitted_at = models.DateTimeField(default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("联络站星级评定")
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "station_ref"],
                condition=Q(state="submitted"),
                name="star_review_one_pending",
            ),
            models.CheckConstraint(
                name="star_review_awarded_has_stars",
                condition=~Q(state="awarded")
                | (Q(stars__gte=1) & Q(stars__lte=5) & Q(expires_on__isnull=False)),
            ),
        ]
        indexes = [
            models.Index(fields=["reviewer_congress", "state"], name="star_review_by_reviewer")
        ]

    def __str__(self) -> str:
        return f"{self.station_name} {self.year}"

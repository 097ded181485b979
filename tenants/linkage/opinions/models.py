"""群众意见: constituents' opinions in one tenant, from intake to the citizen's rating, with the
timeline of every step. An opinion escalated to the parent congress stays here, marked as
escalated, and shows the status the parent reports back; the parent keeps its own copy (a row
with `origin_*` set) built only from what the dispatch shared (docs/linkage-opinions.md)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.fields import account_reference


class Status(models.TextChoices):
    RECEIVED = "received", _("已登记")
    SORTED = "sorted", _("已分类")
    ASSIGNED = "assigned", _("已交办")
    HANDLING = "handling", _("办理中")
    REPLIED = "replied", _("已答复")
    REOPENED = "reopened", _("重新办理")
    CLOSED = "closed", _("已办结")
    DECLINED = "declined", _("不予受理")
    ESCALATED = "escalated", _("已上报上级")


class Channel(models.TextChoices):
    RECEPTION = "reception", _("接待选民")
    ONLINE = "online", _("网上提交")
    QR_CODE = "qr_code", _("扫码提交")
    ESCALATION = "escalation", _("下级上报")


class Category(models.TextChoices):
    URBAN_RURAL = "urban_rural", _("城乡建设")
    TRANSPORT = "transport", _("交通出行")
    EDUCATION = "education", _("教育")
    HEALTH = "health", _("医疗卫生")
    SOCIAL_SECURITY = "social_security", _("社会保障")
    ENVIRONMENT = "environment", _("生态环境")
    AGRICULTURE = "agriculture", _("农业农村")
    GOVERNANCE = "governance", _("社会治理")
    OTHER = "other", _("其他")


class Rating(models.TextChoices):
    SATISFIED = "satisfied", _("满意")
    BASICALLY_SATISFIED = "basically_satisfied", _("基本满意")
    DISSATISFIED = "dissatisfied", _("不满意")


class DeclineKind(models.TextChoices):
    """Matters with their own legal channel, which a congress does not take up (§2.4)."""

    LITIGATION = "litigation", _("已进入诉讼程序")
    ARBITRATION = "arbitration", _("已进入仲裁程序")
    ADMINISTRATIVE_REVIEW = "administrative_review", _("已进入行政复议程序")
    PETITION = "petition", _("属信访事项")
    OTHER = "other", _("其他不属于受理范围的事项")


class Opinion(models.Model):
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.RECEIVED
    )
    channel = models.CharField(_("来源渠道"), max_length=16, choices=Channel.choices)
    content = models.TextField(_("意见内容"))
    category = models.CharField(_("类别"), max_length=24, choices=Category.choices, blank=True)
    citizen_name = models.CharField(_("反映人"), max_length=50)
    citizen_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    # The citizen follows the opinion by this code; it never leaves this tenant.
    tracking_code = models.CharField(_("查询码"), max_length=12, unique=True)
    deputy = models.ForeignKey(
        "deputies.Deputy",
        verbose_name=_("接待代表"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Or a deputy of another congress posted at the station (docs/linkage-duty.md): a snapshot
    # of the resident, no key into another schema; the residency may end before the opinion.
    guest_congress_id = models.BigIntegerField(_("接待代表所属人大编号"), null=True, blank=True)
    guest_deputy_id = models.BigIntegerField(_("接待代表在所属人大的编号"), null=True, blank=True)
    guest_name = models.CharField(_("接待代表（进站）"), max_length=50, blank=True)
    guest_congress_name = models.CharField(_("接待代表所属人大"), max_length=100, blank=True)
    station = models.ForeignKey(
        "stations.Station",
        verbose_name=_("联络站"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    received_at = models.DateTimeField(_("登记时间"))

    # 交办: a unit's account in this tenant, or a unit named without one.
    unit_user = account_reference(verbose_name=_("承办单位账号"))
    unit_name = models.CharField(_("承办单位"), max_length=100, blank=True)
    assigned_on = models.DateField(_("交办日期"), null=True, blank=True)
    due_on = models.DateField(_("办理期限"), null=True, blank=True)
    extended = models.BooleanField(_("已延期"), default=False)
    extension_reason = models.TextField(_("延期理由"), blank=True)
    # 1 for the first answer; +1 each time a dissatisfied rating asks for a new one.
    round = models.PositiveSmallIntegerField(_("办理轮次"), default=1)
    answer = models.TextField(_("答复内容"), blank=True)
    answered_by = models.CharField(_("答复单位"), max_length=100, blank=True)
    answered_on = models.DateField(_("答复日期"), null=True, blank=True)
    rating = models.CharField(_("评价"), max_length=24, choices=Rating.choices, blank=True)
    rating_comment = models.TextField(_("评价意见"), blank=True)
    decline_kind = models.CharField(
        _("不予受理情形"), max_length=24, choices=DeclineKind.choices, blank=True
    )
    decline_reason = models.TextField(_("不予受理理由"), blank=True)
    # The deadline an overdue alert went out for: one alert per deadline, however often the
    # beat task runs.
    overdue_alerted_for = models.DateField(null=True, blank=True)

    # Sent upward (上报): the parent congress (public schema, no constraint) and what it reports.
    escalated_to_id = models.BigIntegerField(_("上报至"), null=True, blank=True)
    escalated_to_name = models.CharField(_("上报单位"), max_length=100, blank=True)
    escalation_note = models.TextField(_("上报说明"), blank=True)
    escalated_at = models.DateTimeField(_("上报时间"), null=True, blank=True)
    upstream_status = models.CharField(
        _("上级办理状态"), max_length=16, choices=Status.choices, blank=True
    )
    upstream_round = models.PositiveSmallIntegerField(default=0)
    upstream_dispatch_id = models.BigIntegerField(null=True, blank=True)

    # Received from below (a copy): the congress that escalated it and its id for the opinion.
    origin_id = models.BigIntegerField(_("上报单位编号"), null=True, blank=True)
    origin_name = models.CharField(_("来源单位"), max_length=100, blank=True)
    origin_ref = models.CharField(_("来源编号"), max_length=64, blank=True)
    origin_dispatch_id = models.BigIntegerField(null=True, blank=True)
    origin_chain = models.JSONField(_("上报路径"), default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("群众意见")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(name="opinion_status", fields=["status", "due_on"])]
        constraints = [
            models.UniqueConstraint(
                name="opinion_one_copy_per_origin",
                fields=["origin_id", "origin_ref"],
                condition=Q(origin_id__isnull=False),
            ),
            models.CheckConstraint(
                name="opinion_declined_has_reason",
                condition=~Q(status="declined") | ~Q(decline_reason=""),
            ),
            models.CheckConstraint(
                name="opinion_escalated_has_target",
                condition=~Q(status="escalated") | Q(escalated_to_id__isnull=False),
            ),
            models.CheckConstraint(
                name="opinion_one_receiving_deputy",
                condition=Q(deputy__isnull=True) | Q(guest_deputy_id__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.content[:20]}"

    @property
    def is_copy(self) -> bool:
        return self.origin_id is not None


class Event(models.Model):
    """One step of an opinion's timeline. `public` steps show on the citizen's tracking page."""

    opinion = models.ForeignKey(Opinion, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(_("时间"))
    action = models.CharField(_("事项"), max_length=32)
    status = models.CharField(_("状态"), max_length=16, choices=Status.choices)
    actor_label = models.CharField(_("办理人"), max_length=150, blank=True)
    note = models.TextField(_("说明"), blank=True)
    public = models.BooleanField(default=True)

    class Meta:
        verbose_name = verbose_name_plural = _("办理记录")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.opinion_id} {self.action}"

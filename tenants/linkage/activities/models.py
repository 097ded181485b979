"""Joint activities (联动活动): organised by one tenant, with deputies invited from several.

The organiser keeps the activity and every invitation. Each other tenant with invitees keeps a
copy (`is_copy`) built only from what the organiser's dispatch shared: the shared fields and
that tenant's own invitees. Replies (RSVP, sign-in) are answered in the deputy's own tenant and
travel back to the organiser. See docs/linkage-activities.md.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from filestore.models import StoredFile
from tenants.deputies.models import Deputy
from tenants.linkage.duty.models import IN_PERSON
from tenants.linkage.duty.models import Kind as DutyKind

# An activity's kinds: the kinds of duty a deputy does in person, with the duty record's own
# codes and labels, so a sign-in records an entry of the activity's kind.
KIND_CHOICES = [(kind.value, kind.label) for kind in DutyKind if kind in IN_PERSON]


class Activity(models.Model):
    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("已安排")
        CANCELLED = "cancelled", _("已取消")

    kind = models.CharField(_("活动类型"), max_length=32, choices=KIND_CHOICES)
    title = models.CharField(_("活动名称"), max_length=200)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    place = models.CharField(_("地点"), max_length=200)
    # The organising congress (public schema); no foreign key across schemas.
    organiser_id = models.BigIntegerField(_("组织单位"))
    organiser_name = models.CharField(_("组织单位名称"), max_length=100)
    # The organiser's id of the activity: its own pk at the organiser, the same in every copy.
    origin_ref = models.CharField(max_length=64)
    is_copy = models.BooleanField(default=False)
    # Copies keep the newest snapshot by dispatch id (redelivery and reordering are harmless).
    snapshot_dispatch_id = models.BigIntegerField(null=True, blank=True)
    state = models.CharField(
        _("状态"), max_length=16, choices=State.choices, default=State.SCHEDULED
    )
    cancel_reason = models.CharField(_("取消原因"), max_length=300, blank=True)
    minutes = models.TextField(_("活动纪要"), blank=True)
    outcomes = models.TextField(_("活动成果"), blank=True)
    # The organiser's own working notes: never in a dispatch.
    internal_notes = models.TextField(_("内部备注"), blank=True)
    sign_in_token = models.CharField(max_length=64, blank=True)
    sign_in_from = models.DateTimeField(_("签到开始"), null=True, blank=True)
    sign_in_until = models.DateTimeField(_("签到截止"), null=True, blank=True)
    created_by_id = models.BigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("代表活动")
        ordering = ["-starts_at", "-id"]
        constraints = [
            # One copy per organiser's activity; the organiser's own rows are told apart by pk.
            models.UniqueConstraint(
                fields=["organiser_id", "origin_ref"],
                condition=Q(is_copy=True),
                name="activity_copy_once_per_origin",
            ),
            models.CheckConstraint(
                name="activity_ends_after_start", condition=Q(ends_at__gt=models.F("starts_at"))
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Invitation(models.Model):
    class Response(models.TextChoices):
        PENDING = "pending", _("待回复")
        ACCEPTED = "accepted", _("参加")
        DECLINED = "declined", _("请假")

    activity = models.ForeignKey(
        Activity, verbose_name=_("活动"), on_delete=models.CASCADE, related_name="invitations"
    )
    congress_id = models.BigIntegerField(_("代表所在人大"))
    congress_name = models.CharField(_("代表所在人大名称"), max_length=100)
    # The deputy's id in their own congress's roster.
    deputy_ref = models.BigIntegerField()
    # Set when the deputy is on this schema's roster (the organiser's own, or a copy's invitees).
    deputy = models.ForeignKey(
        Deputy, on_delete=models.PROTECT, null=True, blank=True, related_name="invitations"
    )
    name = models.CharField(_("姓名"), max_length=50)
    level = models.CharField(_("代表层级"), max_length=16)
    response = models.CharField(
        _("回复"), max_length=16, choices=Response.choices, default=Response.PENDING
    )
    reason = models.CharField(_("请假事由"), max_length=300, blank=True)
    responded_at = models.DateTimeField(_("回复时间"), null=True, blank=True)
    signed_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    # At the organiser: the newest reply applied, by dispatch id.
    reply_dispatch_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("活动邀请")
        ordering = ["congress_id", "name", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["activity", "congress_id", "deputy_ref"], name="invitation_once_per_deputy"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} @ {self.activity_id}"


class Photo(models.Model):
    activity = models.ForeignKey(
        Activity, verbose_name=_("活动"), on_delete=models.CASCADE, related_name="photos"
    )
    file = models.ForeignKey(StoredFile, verbose_name=_("照片"), on_delete=models.PROTECT)
    caption = models.CharField(_("说明"), max_length=200, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("活动照片")
        ordering = ["added_at", "id"]

    def __str__(self) -> str:
        return self.caption or self.file.name

"""The deputy roster of one congress, per term. Both modules use it; a deputy who logs in is
linked to a global user, so one person can be on a township's and a county's roster."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.fields import account_reference


class DeputyLevel(models.TextChoices):
    NATIONAL = "national", _("全国人大代表")
    PROVINCIAL = "provincial", _("省人大代表")
    CITY = "city", _("市人大代表")
    COUNTY = "county", _("县人大代表")
    TOWNSHIP = "township", _("乡镇人大代表")


class Term(models.Model):
    number = models.PositiveSmallIntegerField(_("届次"), unique=True)
    starts_on = models.DateField(_("起始日期"))
    ends_on = models.DateField(_("届满日期"))
    is_current = models.BooleanField(_("本届"), default=False)

    class Meta:
        verbose_name = verbose_name_plural = _("届次")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_current"], condition=Q(is_current=True), name="term_one_current"
            ),
            models.CheckConstraint(
                name="term_ends_after_start", condition=Q(ends_on__gt=models.F("starts_on"))
            ),
        ]

    def __str__(self) -> str:
        return f"第{self.number}届"


class TermSession(models.Model):
    """第N次会议: a session of the congress within its term (人代会), numbered from 1."""

    term = models.ForeignKey(
        Term, verbose_name=_("届次"), on_delete=models.CASCADE, related_name="sessions"
    )
    number = models.PositiveSmallIntegerField(_("会次"))
    opens_on = models.DateField(_("会议日期"))

    class Meta:
        verbose_name = verbose_name_plural = _("会次")
        ordering = ["term", "number"]
        constraints = [
            models.UniqueConstraint(fields=["term", "number"], name="term_session_number_unique"),
        ]

    def __str__(self) -> str:
        return f"第{self.term.number}届第{self.number}次会议"


class Deputy(models.Model):
    class Gender(models.TextChoices):
        MALE = "male", _("男")
        FEMALE = "female", _("女")

    class Status(models.TextChoices):
        SERVING = "serving", _("在任")
        ENDED = "ended", _("终止资格")

    term = models.ForeignKey(
        Term, verbose_name=_("届次"), on_delete=models.PROTECT, related_name="deputies"
    )
    name = models.CharField(_("姓名"), max_length=50)
    gender = models.CharField(_("性别"), max_length=8, choices=Gender.choices)
    level = models.CharField(_("代表层级"), max_length=16, choices=DeputyLevel.choices)
    constituency = models.CharField(_("选区"), max_length=100)
    delegation = models.CharField(_("代表团/代表小组"), max_length=100, blank=True)
    occupation = models.CharField(_("工作单位及职务"), max_length=200, blank=True)
    phone = models.CharField(_("手机号"), max_length=20, blank=True)
    user = account_reference(verbose_name=_("登录账号"))  # the deputy's global account
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.SERVING
    )

    class Meta:
        verbose_name = verbose_name_plural = _("代表")
        ordering = ["term", "delegation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["term", "user"],
                condition=Q(user__isnull=False),
                name="deputy_one_seat_per_user",
            ),
            # The roster import's key: name and phone identify a deputy within a term.
            models.UniqueConstraint(
                fields=["term", "name", "phone"],
                condition=~Q(phone=""),
                name="deputy_one_per_name_phone",
            ),
        ]

    def __str__(self) -> str:
        return self.name

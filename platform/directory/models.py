"""The deputy directory, in the public schema: one listing per deputy per congress, holding only
what other tenants may see. The roster itself stays in each tenant's schema; the deputies
services keep the listing in step inside the same transaction as the roster change.

No phone, no ID number, no address: a listing is what another congress needs to invite a deputy
or assign them to a station, and nothing more."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congresses.fields import congress_reference


class DeputyListing(models.Model):
    # Listings are derived from the congress's roster: they go with the congress.
    congress = congress_reference(_("所属人大"), on_delete=models.CASCADE)
    # The deputy's id in the congress's own schema: what a dispatch about them refers to.
    deputy_id = models.PositiveBigIntegerField(_("代表编号"))
    user = models.ForeignKey(
        "accounts.User",
        verbose_name=_("登录账号"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="deputy_listings",
    )
    term_number = models.PositiveSmallIntegerField(_("届次"))
    name = models.CharField(_("姓名"), max_length=50)
    level = models.CharField(_("代表层级"), max_length=16)
    delegation = models.CharField(_("代表团/代表小组"), max_length=100, blank=True)
    serving = models.BooleanField(_("在任"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("代表名录")
        ordering = ["congress_id", "name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["congress", "deputy_id"], name="listing_one_per_deputy")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.congress_id})"

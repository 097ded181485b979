"""Rollups: each tenant's figures, per topic and year, kept in the public schema so the city and
county dashboards read one table instead of hundreds of schemas (see docs/rollups.md)."""

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from congresses.fields import congress_reference


class Rollup(models.Model):
    """What one topic's indicator provider returned for one tenant and year.

    A row per topic, not per tenant: the drain recomputes only the topics whose outbox events it
    took, and each row says when it was computed and up to which outbox event of its tenant.
    """

    congress = congress_reference(_("人大"), on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("年度"))
    topic = models.CharField(_("指标组"), max_length=64)
    # Decimals (funds) are kept as strings, exactly as written.
    figures = models.JSONField(_("指标值"), encoder=DjangoJSONEncoder)
    computed_at = models.DateTimeField(_("计算时间"))
    # When a refresh last found the figures different from what the row held: the dashboards'
    # "updated at". A refresh that finds the same figures moves computed_at only.
    changed_at = models.DateTimeField(_("数据更新时间"), db_default=Now())
    # The id of the tenant's last outbox event these figures include (ids are per schema).
    outbox_position = models.BigIntegerField(_("变更通知位置"), default=0)

    class Meta:
        verbose_name = verbose_name_plural = _("汇总指标")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "year", "topic"], name="rollup_once_per_topic"
            )
        ]
        indexes = [models.Index(name="rollup_by_year", fields=["year", "congress"])]

    def __str__(self) -> str:
        return f"{self.congress_id} {self.year} {self.topic}"


class RollupTotal(models.Model):
    """The sums a dashboard shows for a county or a city and a year, kept as each tenant's rows
    change, so a dashboard reads a handful of rows however many tenants are below it.

    `group`: a county and its townships (a line of the city's per-county table, and the city's
    dashboard filtered by that county); `below`: what a congress oversees (a county's townships;
    everything below a city, the sum of its counties' groups). What is kept is what sums: the
    summable figures, how many tenants, how many decided, how many at each 票决 phase; the rates
    are computed from the sums when read (rollups.rules.combine), as for any total.
    """

    class Scope(models.TextChoices):
        GROUP = "group", _("县区及所辖乡镇")
        BELOW = "below", _("下辖全部单位")

    congress = congress_reference(_("人大"), on_delete=models.CASCADE)
    year = models.PositiveSmallIntegerField(_("年度"))
    scope = models.CharField(_("范围"), max_length=8, choices=Scope.choices)
    # rules.tally(): {"sums": {...}, "tenants": n, "decided": n, "phases": {...}, "rows": n}
    tally = models.JSONField(_("合计"), encoder=DjangoJSONEncoder)
    # The latest changed_at of the rollup rows summed: the dashboards' "updated at".
    updated_at = models.DateTimeField(_("数据更新时间"), null=True)
    computed_at = models.DateTimeField(_("计算时间"))

    class Meta:
        verbose_name = verbose_name_plural = _("汇总合计")
        constraints = [
            models.UniqueConstraint(
                fields=["congress", "year", "scope"], name="rollup_total_once_per_scope"
            )
        ]

    def __str__(self) -> str:
        return f"{self.congress_id} {self.year} {self.scope}"

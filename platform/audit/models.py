"""One append-only, hash-chained log per schema: public for platform actions, each tenant's own.

Each entry's hash covers its sequence number, content and the previous entry's hash, so an edit,
a deletion or a reordering breaks the chain at a nameable entry (`manage.py audit_verify`).
A trigger refuses UPDATE and DELETE; the chain catches what the trigger cannot (a superuser).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    seq = models.BigIntegerField(_("序号"), unique=True)
    at = models.DateTimeField(_("时间"))
    actor_id = models.BigIntegerField(_("操作人ID"), null=True)
    actor_label = models.CharField(_("操作人"), max_length=150, blank=True)
    action = models.CharField(_("操作"), max_length=64)
    target_type = models.CharField(_("对象类型"), max_length=64, blank=True)
    target_id = models.CharField(_("对象ID"), max_length=64, blank=True)
    outcome = models.CharField(_("结果"), max_length=16, default="success")
    payload = models.JSONField(_("内容"), default=dict)
    request_id = models.CharField(_("请求ID"), max_length=64, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        verbose_name = verbose_name_plural = _("审计记录")
        ordering = ["seq"]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"

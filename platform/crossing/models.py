"""Dispatches: the one way data crosses from one tenant's schema into another's.

A sender never writes another tenant's tables. It writes a Dispatch here, in the public schema,
inside its own transaction; after commit a task switches to the target's schema and hands the
dispatch to the receiver the target's module registered for its kind (see `registry`). The
receiver stores a copy of what the payload holds, and nothing else: the payload *is* what was
shared. See docs/crossing.md.
"""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from congresses.fields import congress_reference


class Dispatch(models.Model):
    kind = models.CharField(_("类型"), max_length=64)
    origin = congress_reference(_("发送方"))
    # The sender's id of the thing the dispatch is about (an activity, an opinion...).
    origin_ref = models.CharField(_("发送方编号"), max_length=64)
    target = congress_reference(_("接收方"))
    payload = models.JSONField(_("内容"))
    created_at = models.DateTimeField(_("发送时间"), default=timezone.now)
    delivered_at = models.DateTimeField(_("送达时间"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    # After a failed attempt the sweep waits before the next one, longer each time.
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # Given up after MAX_ATTEMPTS failures: the platform operator sees it and may retry it.
    dead_at = models.DateTimeField(_("放弃时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("跨级协同消息")
        indexes = [
            models.Index(
                name="dispatch_pending", fields=["id"], condition=Q(delivered_at__isnull=True)
            ),
            models.Index(name="dispatch_about", fields=["origin", "kind", "origin_ref"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.origin_id}:{self.origin_ref} -> {self.target_id}"

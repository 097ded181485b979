"""The outbox of a tenant schema: a row per change the city's rollups must hear of, written in
the same transaction as the change. The rollups drain it (see docs/rollups.md)."""

from django.db import models
from django.db.models import Q
from django.utils import timezone


class OutboxEvent(models.Model):
    # Which indicator group changed: a key of the rollups' indicator registry ("voting", ...).
    topic = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    drained_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(name="outbox_pending", fields=["id"], condition=Q(drained_at__isnull=True))
        ]

    def __str__(self) -> str:
        return f"{self.topic} #{self.pk}"

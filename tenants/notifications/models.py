"""In-app notifications, each also sent once by e-mail. A notification is identified by its key
(what it is about, e.g. "implementation.milestone_due:12:2027-05-01") and its user: sending the
same key to the same user again does nothing, so a retried task never notifies twice."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    # accounts.User lives in the public schema: a plain id, no cross-schema foreign key.
    user_id = models.BigIntegerField(db_index=True)
    key = models.CharField(max_length=200)
    subject = models.CharField(_("标题"), max_length=200)
    body = models.TextField(_("内容"), blank=True)
    link = models.CharField(_("链接"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("阅读时间"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("消息")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["key", "user_id"], name="notification_once_per_user")
        ]

    def __str__(self) -> str:
        return self.subject

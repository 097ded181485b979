from django.db import models
from django.utils.translation import gettext_lazy as _


class StoredFile(models.Model):
    """A file in object storage, under the prefix of the schema this row lives in."""

    key = models.CharField(max_length=300, unique=True)
    name = models.CharField(_("文件名"), max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.BigIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_by_id = models.BigIntegerField(null=True)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("文件")

    def __str__(self) -> str:
        return self.name

"""The tenant registry, in the public schema: one Congress per city, county and township."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_tenants.models import DomainMixin, TenantMixin


class Level(models.TextChoices):
    CITY = "city", _("市级")
    COUNTY = "county", _("县级")
    TOWNSHIP = "township", _("乡镇")


# The level a parent must have, per level; a city has no parent.
PARENT_LEVEL: dict[str, str | None] = {
    Level.CITY: None,
    Level.COUNTY: Level.CITY,
    Level.TOWNSHIP: Level.COUNTY,
}


class Status(models.TextChoices):
    ACTIVE = "active", _("启用")
    SUSPENDED = "suspended", _("停用")


class Congress(TenantMixin):
    name = models.CharField(_("名称"), max_length=100)
    slug = models.SlugField(_("标识"), max_length=40, unique=True)
    level = models.CharField(_("层级"), max_length=16, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("上级人大"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    division_code = models.CharField(_("行政区划代码"), max_length=12, unique=True)
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.ACTIVE
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)

    # Schemas are built by the provisioning service inside its own transaction.
    auto_create_schema = False
    auto_drop_schema = False

    class Meta:
        verbose_name = verbose_name_plural = _("人大")
        ordering = ["division_code"]
        constraints = [
            models.CheckConstraint(
                name="congress_city_has_no_parent",
                condition=~Q(level=Level.CITY) | Q(parent__isnull=True),
            ),
            models.CheckConstraint(
                name="congress_below_city_has_parent",
                condition=Q(level=Level.CITY) | Q(parent__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Domain(DomainMixin):
    class Meta:
        verbose_name = verbose_name_plural = _("域名")


class ProvisioningJob(models.Model):
    """A request to provision a tenant, carried out by a Celery task whose progress pages poll."""

    class State(models.TextChoices):
        QUEUED = "queued", _("排队中")
        RUNNING = "running", _("进行中")
        SUCCEEDED = "succeeded", _("已完成")
        FAILED = "failed", _("失败")

    requested_by = models.ForeignKey(
        "accounts.User", on_delete=models.PROTECT, related_name="provisioning_jobs"
    )
    # What was asked for; the first administrator's password is kept only as a hash,
    # and only until the job ends.
    spec = models.JSONField()
    state = models.CharField(max_length=16, choices=State.choices, default=State.QUEUED)
    step = models.CharField(max_length=64, blank=True)
    progress = models.PositiveSmallIntegerField(default=0)
    error_code = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    congress = models.ForeignKey(Congress, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"provisioning {self.spec.get('slug', '')}: {self.state}"


class SchemaTemplate(models.Model):
    """The DDL of a freshly migrated tenant schema, dumped once per set of tenant migrations.

    New tenants replay it instead of running every migration (see docs/provisioning.md).
    """

    fingerprint = models.CharField(max_length=64, unique=True)
    ddl = models.TextField()
    migrations = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"schema template {self.fingerprint[:12]}"


class SchemaMigrationState(models.Model):
    """Which tenant migrations a schema holds, as one fingerprint, so that a deploy skips every
    current schema in one query (docs/fleet-migrations.md)."""

    schema_name = models.CharField(max_length=63, unique=True)
    fingerprint = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.schema_name}: {self.fingerprint[:12]}"


class PooledSchema(models.Model):
    """A tenant schema built ahead from the template of `fingerprint`, waiting to be renamed to a
    new congress's schema (docs/provisioning.md, the pool)."""

    schema_name = models.CharField(max_length=63, unique=True)
    fingerprint = models.CharField(max_length=64, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"pooled {self.schema_name}: {self.fingerprint[:12]}"


class AuditAnchor(models.Model):
    """A tenant's audit chain head as it stood when anchored (daily, `audit.anchors`). It lives in
    the public schema, out of the tenant's own tables, so deleting or rewriting the newest entries
    of a tenant's chain no longer leaves a chain that verifies: `audit_verify` compares."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="audit_anchors")
    seq = models.BigIntegerField()
    hash = models.CharField(max_length=64)
    anchored_at = models.DateTimeField()

    class Meta:
        ordering = ["congress", "-seq"]

    def __str__(self) -> str:
        return f"{self.congress_id} #{self.seq}"


class DeferredSend(models.Model):
    """A task that could not be handed to the broker after its transaction committed (the
    broker was down). The change it follows is committed; beat's `congresses.tasks.resend`
    sends the task when the broker is back, so the request never waits on the broker."""

    task = models.CharField(max_length=200)
    schema_name = models.CharField(max_length=63)
    args = models.JSONField(default=list)
    kwargs = models.JSONField(default=dict)
    error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(name="deferred_unsent", fields=["id"], condition=Q(sent_at__isnull=True))
        ]

    def __str__(self) -> str:
        return f"{self.task} in {self.schema_name}"


class ModuleSettings(models.Model):
    """A congress's settings for one of its modules: the duty points and bands, the stations'
    notice days and star thresholds, the opinions' deadlines. A handful of values per congress,
    kept here, one row per congress and module, rather than as a one-row table in every tenant
    schema (docs/scaling.md). The module owns the shape of `values` and its defaults; a congress
    that never changed a module's settings has no row."""

    congress = models.ForeignKey(Congress, on_delete=models.CASCADE, related_name="module_settings")
    module = models.CharField(max_length=32)
    values = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["congress", "module"], name="module_settings_once")
        ]

    def __str__(self) -> str:
        return f"{self.congress_id} {self.module}"

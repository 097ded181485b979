"""Provisioning: a congress, its domain, its schema and its first administrator, all in one
transaction, so a refusal or a failure at any step leaves nothing behind."""

import re
from dataclasses import asdict, dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import tenant_context

from accounts.models import User
from accounts.roles import Role
from accounts.selectors import holds_role
from accounts.services import membership_grant, user_ensure
from audit.services import audit_record
from ops.errors import Conflict, DomainError, NotAllowed
from rollups.services import rollup_totals_refresh

from . import pool, schemas
from .models import (
    PARENT_LEVEL,
    Congress,
    Domain,
    Level,
    ModuleSettings,
    ProvisioningJob,
    Status,
)
from .routing import routing_forget
from .selectors import congress_is_within
from .states import PROVISIONING
from .tenant import enqueue_on_commit, public_schema, require_public_schema

SLUG = re.compile(r"^[a-z][a-z0-9-]{1,38}[a-z0-9]$")
RESERVED_SLUGS = frozenset({"www", "api", "admin", "static", "public", "mail", "portal"})
# A city code ends in "00"; a county code shares the city's first 4 digits; a township's 9-digit
# code begins with its county's 6 (GB/T 2260 and the township code extension).
CODE_LENGTH = {Level.CITY: 6, Level.COUNTY: 6, Level.TOWNSHIP: 9}
CODE_PREFIX_FROM_PARENT = {Level.COUNTY: 4, Level.TOWNSHIP: 6}


@dataclass(frozen=True)
class CongressSpec:
    name: str
    slug: str
    level: str
    division_code: str
    parent_id: int | None = None
    admin_username: str = ""
    admin_display_name: str = ""
    # A hash made by the caller (make_password), never the password itself.
    admin_password_hash: str = ""

    @property
    def schema_name(self) -> str:
        return self.slug.replace("-", "_")

    @property
    def domain(self) -> str:
        return f"{self.slug}.{settings.BASE_DOMAIN}"

    def as_job_spec(self) -> dict[str, Any]:
        return asdict(self)


def _can_provision_under(
    *, user: User, acting_in: Congress | None, parent: Congress | None
) -> bool:
    if user.is_platform_operator:
        return True
    if acting_in is None or parent is None:
        return False  # only platform operators create cities
    is_admin_here = holds_role(user_id=user.pk, congress_id=acting_in.pk, role=Role.SYSTEM_ADMIN)
    return (
        is_admin_here
        and acting_in.level != Level.TOWNSHIP
        and congress_is_within(parent, acting_in)
    )


def _check_form(spec: CongressSpec) -> None:
    name = spec.name.strip()
    if not name or len(name) > 100 or not re.search(r"[\u4e00-\u9fff]", name):
        raise DomainError("name_invalid", _("名称须为 1 至 100 个字符的中文名称。"), field="name")
    if spec.level not in PARENT_LEVEL:
        raise DomainError("level_invalid", _("层级须为市级、县级或乡镇。"), field="level")
    # "zz-" names the platform's own schemas (the template's scratch schema, the pool).
    if not SLUG.match(spec.slug) or spec.slug in RESERVED_SLUGS or spec.slug.startswith("zz-"):
        raise DomainError(
            "slug_invalid",
            _("标识须为 3 至 40 位小写字母、数字或连字符，以字母开头，且不是保留字。"),
            field="slug",
        )


def _check_parent(spec: CongressSpec) -> Congress | None:
    wanted_level = PARENT_LEVEL[spec.level]
    if wanted_level is None:
        if spec.parent_id is not None:
            raise DomainError("parent_not_allowed", _("市级人大没有上级人大。"), field="parent_id")
        return None
    if spec.parent_id is None:
        raise DomainError("parent_required", _("请指定上级人大。"), field="parent_id")
    parent = Congress.objects.filter(pk=spec.parent_id).select_related("parent").first()
    if parent is None:
        raise DomainError("parent_unknown", _("上级人大不存在。"), field="parent_id")
    if parent.level != wanted_level:
        raise DomainError(
            "parent_wrong_level",
            _("%(level)s人大的上级须为%(parent_level)s人大。")
            % {"level": Level(spec.level).label, "parent_level": Level(wanted_level).label},
            field="parent_id",
        )
    return parent


def _check_division_code(spec: CongressSpec, parent: Congress | None) -> None:
    code, level = spec.division_code, Level(spec.level)
    if not (code.isascii() and code.isdigit() and len(code) == CODE_LENGTH[level]):
        raise DomainError(
            "division_code_invalid",
            _("行政区划代码须为 %(n)d 位数字。") % {"n": CODE_LENGTH[level]},
            field="division_code",
        )
    prefix = CODE_PREFIX_FROM_PARENT.get(level)
    if parent is not None and prefix and code[:prefix] != parent.division_code[:prefix]:
        raise DomainError(
            "division_code_mismatch",
            _("行政区划代码与上级人大不符（应以 %(p)s 开头）。")
            % {"p": parent.division_code[:prefix]},
            field="division_code",
        )


def _check_unused(spec: CongressSpec, parent: Congress | None) -> None:
    if Domain.objects.filter(domain=spec.domain).exists():
        raise Conflict(
            "domain_taken", _("域名 %(d)s 已被使用。") % {"d": spec.domain}, field="slug"
        )
    if Congress.objects.filter(slug=spec.slug).exists() or schemas.schema_exists_any_case(
        spec.schema_name
    ):
        raise Conflict("slug_taken", _("标识 %(s)s 已被使用。") % {"s": spec.slug}, field="slug")
    if Congress.objects.filter(division_code=spec.division_code).exists():
        raise Conflict("division_code_taken", _("该行政区划代码已开通。"), field="division_code")
    if Congress.objects.filter(parent=parent, name=spec.name.strip()).exists():
        raise Conflict("name_taken", _("同一上级下已有同名人大。"), field="name")


def congress_check_spec(
    *, spec: CongressSpec, requested_by: User, acting_in: Congress | None
) -> Congress | None:
    """Refuse a spec with a reason before anything is written. Returns the parent."""
    _check_form(spec)
    parent = _check_parent(spec)
    if not _can_provision_under(user=requested_by, acting_in=acting_in, parent=parent):
        raise NotAllowed("provision_not_allowed", _("您无权在此开通人大。"))
    _check_division_code(spec, parent)
    _check_unused(spec, parent)
    return parent


def congress_check_new(*, spec: CongressSpec) -> Congress | None:
    """The same checks, for the platform's own commands (a restore under a new slug), which have
    no requesting user. Returns the parent."""
    _check_form(spec)
    parent = _check_parent(spec)
    _check_division_code(spec, parent)
    _check_unused(spec, parent)
    return parent


def congress_row_create(
    *, spec: CongressSpec, parent: Congress | None, status: str = Status.ACTIVE
) -> Congress:
    """The registry's row of a checked spec and its primary domain; its schema is the caller's."""
    congress = Congress.objects.create(
        name=spec.name.strip(),
        slug=spec.slug,
        schema_name=spec.schema_name,
        level=spec.level,
        parent=parent,
        division_code=spec.division_code,
        status=status,
    )
    Domain.objects.create(domain=spec.domain, tenant=congress, is_primary=True)
    return congress


def congress_provision(
    *,
    spec: CongressSpec,
    requested_by: User,
    acting_in: Congress | None,
    template: schemas.SchemaTemplate | None = None,
) -> Congress:
    # Tenants are registered in the public schema whichever host asked for one.
    with public_schema():
        return _congress_provision(
            spec=spec,
            requested_by=requested_by,
            acting_in=acting_in,
            template=template
            or schemas.schema_template_current(),  # may commit: before the atomic block
        )


def _congress_provision(
    *,
    spec: CongressSpec,
    requested_by: User,
    acting_in: Congress | None,
    template: schemas.SchemaTemplate,
) -> Congress:
    with transaction.atomic():
        parent = congress_check_spec(spec=spec, requested_by=requested_by, acting_in=acting_in)
        congress = congress_row_create(spec=spec, parent=parent)
        routing_forget()  # the host may have been answered "unknown" until now
        pool.schema_provide(spec.schema_name, template)
        if spec.admin_username:
            admin = user_ensure(
                username=spec.admin_username,
                display_name=spec.admin_display_name,
                password_hash=spec.admin_password_hash,
            )
            membership_grant(
                user=admin,
                congress=congress,
                roles=[Role.SYSTEM_ADMIN, Role.STAFF],
                granted_by=requested_by,
            )
        audit_record(
            action="congress.provision",
            actor=requested_by,
            target=congress,
            payload={"slug": spec.slug, "level": spec.level, "parent": spec.parent_id},
        )
        with tenant_context(congress):
            audit_record(action="congress.provision", actor=requested_by, target=congress)
        # The dashboards above it count one tenant more (with no figures yet).
        rollup_totals_refresh(congress_id=congress.pk)
    return congress


def provisioning_job_create(
    *, spec: CongressSpec, requested_by: User, acting_in: Congress | None
) -> ProvisioningJob:
    """Check the spec now (so the caller hears a refusal at once) and queue the work."""
    from .tasks import provision_congress

    with transaction.atomic():
        congress_check_spec(spec=spec, requested_by=requested_by, acting_in=acting_in)
        job = ProvisioningJob.objects.create(
            requested_by=requested_by,
            spec={**spec.as_job_spec(), "acting_in_id": acting_in.pk if acting_in else None},
        )
        audit_record(
            action="congress.provision_requested",
            actor=requested_by,
            target=job,
            payload={"slug": spec.slug},
        )
        # Provisioning runs in the public schema, whichever host asked for it.
        enqueue_on_commit(provision_congress, job.pk, tenant=None)
    return job


def _job_update(job: ProvisioningJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=list(fields))


def provisioning_job_run(*, job_id: int) -> ProvisioningJob:
    """Carry out a queued job. Idempotent: the job's row stays locked while the congress is built
    and its success commits with the congress, so a redelivered message waits, then finds the job
    finished and leaves it as it is."""
    require_public_schema()  # the message was sent with the public schema in its header
    with transaction.atomic():
        job = ProvisioningJob.objects.select_for_update().get(pk=job_id)
        if job.state in (ProvisioningJob.State.SUCCEEDED, ProvisioningJob.State.FAILED):
            return job
        _job_update(job, state=PROVISIONING.apply(job.state, "start"), step="template", progress=20)
    spec = CongressSpec(**{k: v for k, v in job.spec.items() if k != "acting_in_id"})
    acting_in = Congress.objects.filter(pk=job.spec.get("acting_in_id")).first()
    finished = {"spec": {**job.spec, "admin_password_hash": ""}, "finished_at": timezone.now()}
    try:
        template = schemas.schema_template_current()  # commits when it builds: not in the lock
        with transaction.atomic():
            job = ProvisioningJob.objects.select_for_update().get(pk=job_id)
            if job.state != ProvisioningJob.State.RUNNING:
                return job
            try:
                with transaction.atomic():
                    congress = congress_provision(
                        spec=spec,
                        requested_by=job.requested_by,
                        acting_in=acting_in,
                        template=template,
                    )
            except IntegrityError:
                # Another request took the slug, domain or code between the check and the insert.
                raise Conflict("congress_taken", _("该人大已被同时开通。")) from None
            _job_update(
                job,
                state=PROVISIONING.apply(job.state, "succeed"),
                step="done",
                progress=100,
                congress=congress,
                **finished,
            )
    except DomainError as refused:
        _job_update(
            job,
            state=PROVISIONING.apply(job.state, "fail"),
            error_code=refused.code,
            error=refused.message,
            **finished,
        )
    except Exception:
        _job_update(
            job,
            state=PROVISIONING.apply(job.state, "fail"),
            error_code="internal_error",
            error=_("开通失败，请联系平台运维。"),
            **finished,
        )
        raise
    return job


def provisioning_jobs_sweep(*, older_than: timedelta | None = None) -> int:
    """Fail the jobs stuck queued or running past `older_than` (settings.PROVISIONING_STUCK_MINUTES):
    their message was lost or their worker died. A job whose row is locked is being carried out
    and is left alone; a stuck job's congress was never committed (it commits with SUCCEEDED),
    so the operator can ask again. Returns how many were failed."""
    require_public_schema()
    limit = older_than or timedelta(minutes=settings.PROVISIONING_STUCK_MINUTES)
    failed = 0
    with transaction.atomic():
        stuck = ProvisioningJob.objects.select_for_update(skip_locked=True).filter(
            state__in=[ProvisioningJob.State.QUEUED, ProvisioningJob.State.RUNNING],
            created_at__lte=timezone.now() - limit,
        )
        for job in stuck:
            _job_update(
                job,
                state=PROVISIONING.apply(job.state, "fail"),
                error_code="provisioning_stuck",
                error=_("开通超时未完成，请重新提交。"),
                spec={**job.spec, "admin_password_hash": ""},
                finished_at=timezone.now(),
            )
            failed += 1
    return failed


HOSTNAME = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$")


def congress_domain_add(
    *, congress: Congress, domain: str, primary: bool = False, actor: User | None
) -> Domain:
    """Another host name for a congress (`primary`: the one its links use from now on). Routed
    from the next request on (congresses.routing)."""
    hostname = domain.strip().lower()
    if not HOSTNAME.match(hostname):
        raise DomainError("domain_invalid", _("域名格式不正确。"), field="domain")
    with public_schema(), transaction.atomic():
        if Domain.objects.filter(domain=hostname).exists():
            raise Conflict(
                "domain_taken", _("域名 %(d)s 已被使用。") % {"d": hostname}, field="domain"
            )
        if primary:
            Domain.objects.filter(tenant=congress, is_primary=True).update(is_primary=False)
        added = Domain.objects.create(domain=hostname, tenant=congress, is_primary=primary)
        routing_forget()
        audit_record(
            action="congress.domain_add",
            actor=actor,
            target=congress,
            payload={"domain": hostname, "primary": primary},
        )
    return added


def congress_domain_remove(*, congress: Congress, domain: str, actor: User | None) -> None:
    """A host name stops reaching the congress from the next request on. The primary one stays
    until another is made primary (a congress always has one)."""
    with public_schema(), transaction.atomic():
        found = Domain.objects.select_for_update().filter(tenant=congress, domain=domain).first()
        if found is None:
            raise DomainError("domain_unknown", _("该人大没有此域名。"), field="domain")
        if found.is_primary:
            raise Conflict(
                "domain_primary", _("主域名不能删除，请先指定新的主域名。"), field="domain"
            )
        found.delete()
        routing_forget()
        audit_record(
            action="congress.domain_remove",
            actor=actor,
            target=congress,
            payload={"domain": domain},
        )


def congress_status_set(*, congress: Congress, status: str, actor: User | None) -> Congress:
    """Suspend a congress (its hosts answer 403 from the next request on) or make it active."""
    if status not in Status.values:
        raise DomainError("status_invalid", _("状态须为启用或停用。"), field="status")
    with public_schema(), transaction.atomic():
        congress = Congress.objects.select_for_update().get(pk=congress.pk)
        if congress.status != status:
            congress.status = status
            congress.save(update_fields=["status"])
            routing_forget()
            rollup_totals_refresh(congress_id=congress.pk)  # the dashboards count active ones
            audit_record(
                action="congress.status_set",
                actor=actor,
                target=congress,
                payload={"status": status},
            )
    return congress


def module_settings_lock(*, congress_id: int, module: str) -> dict[str, Any]:
    """The module's settings for the congress, locked until the caller's transaction ends, so
    that a change made from them is not lost to another one. The module's service checks,
    saves and audits it (`module_settings_save`), in that transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("module_settings_lock must run inside the service's transaction")
    ModuleSettings.objects.bulk_create(
        [ModuleSettings(congress_id=congress_id, module=module)], ignore_conflicts=True
    )
    row = ModuleSettings.objects.select_for_update().get(congress_id=congress_id, module=module)
    return dict(row.values)


def module_settings_save(
    *,
    congress_id: int,
    module: str,
    values: dict[str, Any],
    actor: Any,
    action: str,
    payload: dict[str, Any],
) -> ModuleSettings:
    """Store the module's checked settings and audit the change as `action`, in one transaction:
    the one of `module_settings_lock` when they were made from the settings they replace."""
    with transaction.atomic():
        module_settings_lock(congress_id=congress_id, module=module)
        row = ModuleSettings.objects.get(congress_id=congress_id, module=module)
        row.values = values
        row.save(update_fields=["values"])
        audit_record(action=action, actor=actor, target=row, payload=payload)
    return row

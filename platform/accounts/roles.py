"""The roles a membership grants in one tenant (DESIGN.md §3)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # 三员: mutually checking administrators; no account may hold two of them.
    SYSTEM_ADMIN = "system_admin", _("系统管理员")
    SECURITY_ADMIN = "security_admin", _("安全管理员")
    AUDIT_ADMIN = "audit_admin", _("审计管理员")
    # 联工委/代表工委 at a city or county, 主席团 at a township: the level comes from the tenant.
    STAFF = "staff", _("工作人员")
    DEPUTY = "deputy", _("人大代表")
    UNIT = "unit", _("承办单位")
    PARTY_REVIEWER = "party_reviewer", _("党委审定人")
    TELLER = "teller", _("监票计票人")


SEPARATED_ADMIN_ROLES = frozenset({Role.SYSTEM_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN})

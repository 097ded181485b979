"""Identity is global, roles are per tenant: users live in the public schema and a Membership
grants roles in one Congress."""

import hashlib

from django.contrib.auth.models import AbstractUser
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .roles import SEPARATED_ADMIN_ROLES, Role


class User(AbstractUser):
    display_name = models.CharField(_("姓名"), max_length=50, blank=True)
    phone = models.CharField(_("手机号"), max_length=20, blank=True)
    # Operates the whole platform (provisioning cities); never a tenant role.
    is_platform_operator = models.BooleanField(_("平台运维"), default=False)
    must_change_password = models.BooleanField(default=False)
    password_changed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.display_name or self.username


def _at_most_one_separated_admin_role() -> Q:
    roles = sorted(SEPARATED_ADMIN_ROLES)
    pairs = [(a, b) for i, a in enumerate(roles) for b in roles[i + 1 :]]
    condition = Q()
    for a, b in pairs:
        condition &= ~Q(roles__contains=[a, b])
    return condition


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    congress = models.ForeignKey(
        "congresses.Congress", on_delete=models.CASCADE, related_name="memberships"
    )
    roles = ArrayField(models.CharField(max_length=32, choices=Role.choices), default=list)
    # Switched off by the system administrator: the account keeps its other congresses, but
    # this one no longer lets it in. Kept rather than deleted, so who held what stays readable.
    is_active = models.BooleanField(_("启用"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("成员")
        constraints = [
            models.UniqueConstraint(fields=["user", "congress"], name="membership_once_per_tenant"),
            # Within one row the database enforces 三员分立; across rows accounts.services does,
            # under a lock on the user.
            models.CheckConstraint(
                name="membership_one_separated_admin_role",
                condition=_at_most_one_separated_admin_role(),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.congress}"


def hash_secret(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for API clients, valid on one tenant's host only. Only its hash is kept."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    congress = models.ForeignKey(
        "congresses.Congress", on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class TenantHandoff(models.Model):
    """A one-time code that carries a logged-in user from one tenant's host to another's."""

    user = models.ForeignKey(User, on_delete=models.CASCADE)
    congress = models.ForeignKey("congresses.Congress", on_delete=models.CASCADE)
    code_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"handoff of {self.user_id} to {self.congress_id}"


class PasswordPolicy(models.Model):
    """What one congress's security administrator asks of its members' passwords, on top of the
    platform's own rules (which no policy can loosen): a longer minimum and a maximum age. A
    person who is a member of several congresses meets the strictest of theirs."""

    congress = models.OneToOneField(
        "congresses.Congress", on_delete=models.CASCADE, related_name="password_policy"
    )
    min_length = models.PositiveSmallIntegerField(_("密码最小长度"), default=8)
    # 0: passwords do not expire.
    max_age_days = models.PositiveSmallIntegerField(_("密码有效期（天）"), default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("密码策略")

    def __str__(self) -> str:
        return f"password policy of {self.congress_id}"

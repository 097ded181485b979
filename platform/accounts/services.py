"""Identity writes: accounts, memberships, logins with lockout, API tokens, tenant hand-offs."""

import secrets
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import DomainError, NotAllowed

from .models import ApiToken, Membership, TenantHandoff, User, hash_secret
from .roles import SEPARATED_ADMIN_ROLES, Role

if TYPE_CHECKING:
    from congresses.models import Congress


def user_ensure(*, username: str, display_name: str = "", password_hash: str = "") -> User:
    """The account with this username, created if new (with must-change-password set)."""
    user, created = User.objects.get_or_create(
        username=username,
        defaults={"display_name": display_name, "must_change_password": True},
    )
    if created:
        if password_hash:
            user.password = password_hash
        else:
            user.set_unusable_password()
        user.save(update_fields=["password"])
        audit_record(action="user.create", target=user, payload={"username": username})
    return user


def user_create(
    *,
    username: str,
    password: str,
    display_name: str = "",
    actor: User | None = None,
    is_platform_operator: bool = False,
    must_change_password: bool = True,
) -> User:
    user = User(username=username, display_name=display_name)
    try:
        validate_password(password, user)
    except ValidationError as invalid:
        raise DomainError("password_weak", " ".join(invalid.messages), field="password") from None
    with transaction.atomic():
        if User.objects.filter(username=username).exists():
            raise DomainError("username_taken", _("用户名已存在。"), field="username")
        user.set_password(password)
        user.is_platform_operator = is_platform_operator
        user.must_change_password = must_change_password
        user.password_changed_at = timezone.now()
        user.save()
        audit_record(action="user.create", actor=actor, target=user, payload={"username": username})
    return user


def membership_grant(
    *, user: User, congress: "Congress", roles: list[str], granted_by: User | None
) -> Membership:
    """Grant roles in one tenant (adding to any already held). 三员分立: an account may hold at
    most one of the system, security and audit administrator roles, across all its tenants."""
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise DomainError("role_unknown", _("未知角色：%(r)s") % {"r": ", ".join(sorted(unknown))})
    with transaction.atomic():
        # The lock serialises concurrent grants to one account, so the check below holds.
        User.objects.select_for_update().filter(pk=user.pk).get()
        held = {
            role for membership in Membership.objects.filter(user=user) for role in membership.roles
        }
        admin_roles = (held | set(roles)) & SEPARATED_ADMIN_ROLES
        if len(admin_roles) > 1:
            raise DomainError(
                "separated_admin_roles",
                _("系统管理员、安全管理员、审计管理员不得由同一账号兼任。"),
                field="roles",
            )
        membership, _created = Membership.objects.get_or_create(user=user, congress=congress)
        membership.roles = sorted(set(membership.roles) | set(roles))
        membership.save(update_fields=["roles"])
        audit_record(
            action="membership.grant",
            actor=granted_by,
            target=membership,
            payload={"user": user.pk, "congress": congress.pk, "roles": sorted(roles)},
        )
    return membership


class LoginRefused(DomainError):
    status = 400


def login_check(*, username: str, password: str) -> User:
    """The user if the password is right. Five failures lock the account for 30 minutes; a
    locked account is refused even with the right password, without saying whether it was."""
    now = timezone.now()
    with transaction.atomic():
        user = User.objects.select_for_update().filter(username=username, is_active=True).first()
        if user is None:
            # Same work and answer as a wrong password, so usernames cannot be probed.
            User().set_password(password)
            audit_record(
                action="user.login", outcome="failure", payload={"username": username[:150]}
            )
        elif user.locked_until and user.locked_until > now:
            pass  # refused below, with or without the right password
        elif not user.check_password(password):
            user.failed_logins += 1
            locked = user.failed_logins >= settings.LOGIN_MAX_FAILURES
            if locked:
                user.locked_until = now + timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
                user.failed_logins = 0
            user.save(update_fields=["failed_logins", "locked_until"])
            audit_record(
                action="user.login",
                actor=user,
                target=user,
                outcome="failure",
                payload={"locked": locked},
            )
        else:
            user.failed_logins = 0
            user.locked_until = None
            user.last_login = now
            user.save(update_fields=["failed_logins", "locked_until", "last_login"])
            audit_record(action="user.login", actor=user, target=user)
            return user
    # The failure is committed (counter and audit entry) before the refusal is raised.
    if user is not None and user.locked_until and user.locked_until > now:
        raise LoginRefused(
            "account_locked",
            _("登录失败次数过多，账号已锁定，请 %(m)d 分钟后再试。")
            % {"m": settings.LOGIN_LOCKOUT_MINUTES},
        )
    raise LoginRefused("login_failed", _("用户名或密码错误。"))


def password_change(*, user: User, old_password: str, new_password: str) -> None:
    if not user.check_password(old_password):
        raise DomainError("password_wrong", _("原密码不正确。"), field="old_password")
    try:
        validate_password(new_password, user)
    except ValidationError as invalid:
        raise DomainError(
            "password_weak", " ".join(invalid.messages), field="new_password"
        ) from None
    with transaction.atomic():
        user.set_password(new_password)
        user.must_change_password = False
        user.password_changed_at = timezone.now()
        user.save(update_fields=["password", "must_change_password", "password_changed_at"])
        audit_record(action="user.password_change", actor=user, target=user)


def api_token_create(
    *, user: User, congress: "Congress", name: str, days: int = 90
) -> tuple[ApiToken, str]:
    """A bearer token for this tenant only. The raw key is returned once and never stored."""
    if not Membership.objects.filter(user=user, congress=congress).exists():
        raise NotAllowed("not_a_member", _("您不是本单位的成员。"))
    raw = f"cp_{secrets.token_urlsafe(32)}"
    with transaction.atomic():
        token = ApiToken.objects.create(
            user=user,
            congress=congress,
            name=name[:100],
            key_hash=hash_secret(raw),
            prefix=raw[:8],
            expires_at=timezone.now() + timedelta(days=days),
        )
        audit_record(action="api_token.create", actor=user, target=token)
    return token, raw


def handoff_create(*, user: User, congress: "Congress") -> str:
    """A one-time code that logs this user into another tenant's host without a password."""
    if not Membership.objects.filter(user=user, congress=congress).exists():
        raise NotAllowed("not_a_member", _("您不是该单位的成员。"))
    raw = secrets.token_urlsafe(32)
    with transaction.atomic():
        TenantHandoff.objects.create(
            user=user,
            congress=congress,
            code_hash=hash_secret(raw),
            expires_at=timezone.now() + timedelta(seconds=settings.HANDOFF_TTL_SECONDS),
        )
        audit_record(action="tenant.switch", actor=user, target=congress)
    return raw


def handoff_redeem(*, code: str, congress: "Congress") -> User:
    now = timezone.now()
    with transaction.atomic():
        handoff = (
            TenantHandoff.objects.select_for_update()
            .select_related("user")
            .filter(code_hash=hash_secret(code), congress=congress, used_at__isnull=True)
            .first()
        )
        if handoff is None or handoff.expires_at < now or not handoff.user.is_active:
            raise NotAllowed("handoff_invalid", _("切换链接无效或已过期，请重新登录。"))
        handoff.used_at = now
        handoff.save(update_fields=["used_at"])
    return handoff.user

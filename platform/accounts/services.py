"""Identity writes: accounts, memberships, logins with lockout, API tokens, tenant hand-offs."""

import re
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from axes.handlers.proxy import AxesProxyHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from audit.services import audit_record
from ops.errors import Conflict, DomainError, NotAllowed

from .models import ApiToken, Membership, PasswordPolicy, TenantHandoff, User, hash_secret
from .passwords import one_time_password
from .roles import SEPARATED_ADMIN_ROLES, Role
from .rules import (
    MAX_AGE_DAYS_BOUNDS,
    MIN_LENGTH_BOUNDS,
    password_expired,
    password_policy_refusal,
    role_change_refusal,
    token_max_days,
)

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


# What a person can type from a printed slip on a phone: ASCII, no spaces.
USERNAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,59}$")


@dataclass(frozen=True)
class IssuedPassword:
    """An account's one-time password, returned once to be printed on its slip. Only its hash
    is stored: once the response is sent nobody can read it again, and a lost slip is a reissue."""

    membership: Membership
    password: str


def _roles_checked(roles: Iterable[str]) -> list[str]:
    unknown = set(roles) - set(Role.values)
    if unknown:
        raise DomainError(
            "role_unknown", _("未知角色：%(r)s") % {"r": ", ".join(sorted(unknown))}, field="roles"
        )
    return sorted(set(roles))


def _one_time_password_set(user: User) -> str:
    password = one_time_password()
    user.set_password(password)
    user.must_change_password = True
    user.password_changed_at = timezone.now()
    return password


def account_create(
    *, congress: "Congress", username: str, display_name: str, roles: Iterable[str], actor: User
) -> IssuedPassword:
    """A new account, a member of `congress` with `roles`, and its one-time password: the
    system administrator's way of letting a person in. The password must be changed at the first
    login (`must_change_password`)."""
    username, display_name = username.strip(), display_name.strip()
    if not USERNAME_PATTERN.match(username):
        raise DomainError(
            "username_invalid",
            _("用户名须为 3 至 60 位字母、数字、点、下划线或连字符，并以字母或数字开头。"),
            field="username",
        )
    if not display_name or len(display_name) > 50:
        raise DomainError(
            "display_name_invalid", _("请填写姓名（不超过 50 个字）。"), field="display_name"
        )
    checked = _roles_checked(roles)
    if not checked:
        raise DomainError("roles_required", _("请至少选择一个角色。"), field="roles")
    with transaction.atomic():
        if User.objects.filter(username__iexact=username).exists():
            raise DomainError("username_taken", _("用户名已存在。"), field="username")
        user = User(username=username, display_name=display_name)
        password = _one_time_password_set(user)
        user.save()
        audit_record(action="user.create", actor=actor, target=user, payload={"username": username})
        membership = membership_grant(user=user, congress=congress, roles=checked, granted_by=actor)
    return IssuedPassword(membership=membership, password=password)


def username_free(*, base: str) -> str:
    """`base`, or `base` with the first number after it that no account has taken yet."""
    taken = set(User.objects.filter(username__istartswith=base).values_list("username", flat=True))
    taken = {name.lower() for name in taken}
    if base.lower() not in taken:
        return base
    n = 2
    while f"{base}-{n}".lower() in taken:
        n += 1
    return f"{base}-{n}"


def _membership_locked(membership: Membership) -> Membership:
    return Membership.objects.select_for_update().select_related("user").get(pk=membership.pk)


def membership_roles_change(
    *, membership: Membership, grant: Iterable[str], revoke: Iterable[str], actor: User
) -> Membership:
    """Grant and revoke roles of one membership together, by the congress's system
    administrator. 三员分立 holds across every congress of the account (`membership_grant`),
    and on their own membership the administrator gains no separated role and keeps theirs."""
    to_grant, to_revoke = _roles_checked(grant), _roles_checked(revoke)
    if set(to_grant) & set(to_revoke):
        raise DomainError("roles_both", _("同一角色不能同时授予和撤销。"), field="roles")
    refusal = role_change_refusal(
        on_own_membership=membership.user_id == actor.pk, grant=to_grant, revoke=to_revoke
    )
    if refusal == "self_grant_admin":
        raise NotAllowed(
            refusal, _("不能为自己授予系统管理员、安全管理员或审计管理员角色。"), field="grant"
        )
    if refusal == "self_revoke_admin":
        raise NotAllowed(refusal, _("不能撤销自己的系统管理员角色。"), field="revoke")
    with transaction.atomic():
        membership = _membership_locked(membership)
        if to_grant:
            membership = membership_grant(
                user=membership.user, congress=membership.congress, roles=to_grant, granted_by=actor
            )
        removed = sorted(set(membership.roles) & set(to_revoke))
        if removed:
            membership.roles = sorted(set(membership.roles) - set(removed))
            membership.save(update_fields=["roles"])
            audit_record(
                action="membership.revoke",
                actor=actor,
                target=membership,
                payload={"user": membership.user_id, "roles": removed},
            )
    return membership


def membership_active_set(*, membership: Membership, active: bool, actor: User) -> Membership:
    """Switch one congress's membership off or back on. Off, the account can no longer log in
    or act here (its other congresses are untouched) and its API tokens for this congress are
    revoked, so switching it back on does not revive them."""
    if membership.user_id == actor.pk and not active:
        raise NotAllowed("self_deactivate", _("不能停用自己的账号。"))
    with transaction.atomic():
        membership = _membership_locked(membership)
        if membership.is_active == active:
            return membership
        membership.is_active = active
        membership.save(update_fields=["is_active"])
        revoked = 0
        if not active:
            revoked = ApiToken.objects.filter(
                user_id=membership.user_id, congress_id=membership.congress_id, revoked_at=None
            ).update(revoked_at=timezone.now())
        audit_record(
            action="membership.activate" if active else "membership.deactivate",
            actor=actor,
            target=membership,
            payload={"user": membership.user_id, "tokens_revoked": revoked},
        )
    return membership


def password_reissue(*, membership: Membership, actor: User) -> IssuedPassword:
    """A new one-time password for an account whose slip was lost before its first login: the
    old one stops working. Once the person has chosen their own password, resetting it is the
    security administrator's work, not this."""
    with transaction.atomic():
        membership = _membership_locked(membership)
        user = User.objects.select_for_update().get(pk=membership.user_id)
        if not user.must_change_password:
            raise NotAllowed(
                "password_already_changed",
                _("该账号已自行设置密码，如需重置请联系安全管理员。"),
            )
        if membership.user_id == actor.pk:
            raise NotAllowed("self_reissue", _("不能为自己重发初始密码。"))
        password = _one_time_password_set(user)
        user.save(update_fields=["password", "must_change_password", "password_changed_at"])
        _tokens_revoke_all(user=user)
        audit_record(action="user.password_reissue", actor=actor, target=user)
    return IssuedPassword(membership=membership, password=password)


class LoginRefused(DomainError):
    status = 400


def login_attempt_key(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """The name axes counts a typed username's failures under: a keyed hash, because people
    sometimes type a password into the username field, and axes keeps the name in its table."""
    username = str((credentials or {}).get("username") or "")
    return salted_hmac("accounts.login_attempt", username).hexdigest()


def _login_locked() -> LoginRefused:
    return LoginRefused(
        "account_locked",
        _("登录失败次数过多，请 %(m)d 分钟后再试。") % {"m": settings.LOGIN_LOCKOUT_MINUTES},
    )


def _password_expired(user: User, congress: "Congress") -> bool:
    policy = PasswordPolicy.objects.filter(congress=congress).first()
    if policy is None or user.must_change_password:
        return False
    changed = user.password_changed_at
    age = (timezone.now() - changed).total_seconds() / 86400 if changed else None
    return password_expired(age_days=age, max_age_days=policy.max_age_days)


def login_check(
    *, request: HttpRequest, username: str, password: str, congress: "Congress | None"
) -> User:
    """The user if the password is right and they may log in on this host (`congress` None is
    the platform's own host, for platform operators). Every refusal looks the same to the
    caller whether the username exists, the password was right or the user is a member
    elsewhere, so none of those can be probed. Failures count per (username, client address)
    in axes: five lock that pair for 30 minutes, refused even with the right password, while
    the account owner elsewhere is unaffected."""
    credentials = {"username": username}
    if not AxesProxyHandler.is_allowed(request, credentials):
        raise _login_locked()
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        # Same work as checking a real password, so timing does not tell either.
        User().set_password(password)
        allowed = False
    elif congress is None:
        allowed = user.check_password(password) and user.is_platform_operator
    else:
        allowed = (
            user.check_password(password)
            and Membership.objects.filter(user=user, congress=congress, is_active=True).exists()
        )
    if allowed and user is not None:
        with transaction.atomic():
            expired = congress is not None and _password_expired(user, congress)
            if expired:
                # The person logs in and is asked for a new password before anything else.
                user.must_change_password = True
                user.save(update_fields=["must_change_password"])
            audit_record(
                action="user.login",
                actor=user,
                target=user,
                payload={"password_expired": True} if expired else None,
            )
        return user
    with transaction.atomic():
        AxesProxyHandler.user_login_failed(
            sender=login_check, credentials=credentials, request=request
        )
        locked = bool(getattr(request, "axes_locked_out", False))
        # An unknown name is recorded without what was typed (it may be a password).
        audit_record(
            action="user.login",
            actor=user,
            target=user,
            outcome="failure",
            payload={"locked": locked} if user is not None else {"known": False},
        )
    # The failure is committed (axes counter and audit entry) before the refusal is raised.
    if locked:
        raise _login_locked()
    raise LoginRefused("login_failed", _("用户名或密码错误。"))


def _tokens_revoke_all(*, user: User) -> int:
    return ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )


def password_change(*, user: User, old_password: str, new_password: str) -> None:
    """A new password, which also revokes every API token of the account (in every tenant): a
    token minted by whoever knew the old password must not outlive it."""
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
        revoked = _tokens_revoke_all(user=user)
        audit_record(
            action="user.password_change",
            actor=user,
            target=user,
            payload={"tokens_revoked": revoked},
        )


def user_deactivate(*, user: User, actor: User | None) -> None:
    """Switch an account off: its sessions stop being honoured (Django refuses inactive users)
    and its API tokens are revoked, so switching it back on does not revive them."""
    with transaction.atomic():
        user.is_active = False
        user.save(update_fields=["is_active"])
        revoked = _tokens_revoke_all(user=user)
        audit_record(
            action="user.deactivate", actor=actor, target=user, payload={"tokens_revoked": revoked}
        )


def api_token_create(
    *, user: User, congress: "Congress", name: str, days: int | None = None
) -> tuple[ApiToken, str]:
    """A bearer token for this tenant only. The raw key is returned once and never stored. The
    roles held here decide whether one may be minted at all and its longest lifetime."""
    membership = Membership.objects.filter(user=user, congress=congress, is_active=True).first()
    if membership is None:
        raise NotAllowed("not_a_member", _("您不是本单位的成员。"))
    longest = token_max_days(membership.roles)
    if longest == 0:
        raise NotAllowed("token_not_allowed", _("您的角色不能创建接口令牌。"))
    if days is None:
        days = min(settings.API_TOKEN_DEFAULT_DAYS, longest)
    if days > longest:
        raise DomainError(
            "token_lifetime",
            _("您的角色可创建的令牌有效期最长为 %(d)d 天。") % {"d": longest},
            field="days",
        )
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
        audit_record(action="api_token.create", actor=user, target=token, payload={"days": days})
    return token, raw


def api_token_revoke(*, token: ApiToken, actor: User) -> ApiToken:
    """End a token now. Revoking one already revoked changes nothing and records nothing."""
    with transaction.atomic():
        token = ApiToken.objects.select_for_update().get(pk=token.pk)
        if token.revoked_at is None:
            token.revoked_at = timezone.now()
            token.save(update_fields=["revoked_at"])
            audit_record(
                action="api_token.revoke",
                actor=actor,
                target=token,
                payload={"user": token.user_id},
            )
    return token


def handoff_create(*, user: User, congress: "Congress") -> str:
    """A one-time code that logs this user into another tenant's host without a password."""
    if not Membership.objects.filter(user=user, congress=congress, is_active=True).exists():
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


def handoff_redeem(*, code: str, congress: "Congress", current_user: User | None) -> User:
    """The user a hand-off code carries. The code is spent by this call whatever the outcome.
    A browser that already holds another user's session on this host is refused rather than
    swapped into the code's account: otherwise a link with someone else's code would move a
    logged-in person into that account without their noticing."""
    now = timezone.now()
    with transaction.atomic():
        handoff = (
            TenantHandoff.objects.select_for_update()
            .select_related("user")
            .filter(code_hash=hash_secret(code), congress=congress, used_at__isnull=True)
            .first()
        )
        if handoff is not None:
            handoff.used_at = now
            handoff.save(update_fields=["used_at"])
    if handoff is None or handoff.expires_at < now or not handoff.user.is_active:
        raise NotAllowed("handoff_invalid", _("切换链接无效或已过期，请重新登录。"))
    if current_user is not None and current_user.pk != handoff.user_id:
        raise Conflict("handoff_other_session", _("此处已有其他用户登录，请先退出再切换单位。"))
    return handoff.user


# --- The security administrator's work (docs/security-administration.md) --------------------


def _sessions_delete(*, user_id: int, schema: str) -> int:
    from .selectors import sessions_of

    found = sessions_of(user_id=user_id, schema=schema)
    Session.objects.filter(pk__in=[s.pk for s in found]).delete()
    return len(found)


def _lockouts_clear(*, user: User) -> int:
    deleted, _by_model = AccessAttempt.objects.filter(
        username=login_attempt_key(None, {"username": user.username})
    ).delete()
    return deleted


def login_unlock(*, membership: Membership, actor: User) -> Membership:
    """Lift a member's login lockout from every address at once (the person rang to say they
    mistyped): their counted failures are forgotten. Audited with how many addresses it freed."""
    with transaction.atomic():
        membership = _membership_locked(membership)
        cleared = _lockouts_clear(user=membership.user)
        if not cleared:
            raise Conflict("not_locked", _("该账号没有登录失败记录，无需解锁。"))
        audit_record(
            action="user.unlock",
            actor=actor,
            target=membership.user,
            payload={"addresses": cleared},
        )
    return membership


def password_reset(*, membership: Membership, actor: User) -> IssuedPassword:
    """A new one-time password for a member who forgot theirs, by the security administrator:
    the old password stops working, the person must choose a new one at the next login, and
    everything the old one opened ends with it (API tokens, this congress's sessions, counted
    login failures)."""
    if membership.user_id == actor.pk:
        raise NotAllowed("self_reset", _("不能重置自己的密码，请在“修改密码”中自行修改。"))
    with transaction.atomic():
        membership = _membership_locked(membership)
        user = User.objects.select_for_update().get(pk=membership.user_id)
        password = _one_time_password_set(user)
        user.save(update_fields=["password", "must_change_password", "password_changed_at"])
        revoked = _tokens_revoke_all(user=user)
        ended = _sessions_delete(user_id=user.pk, schema=membership.congress.schema_name)
        _lockouts_clear(user=user)
        audit_record(
            action="user.password_reset",
            actor=actor,
            target=user,
            payload={"tokens_revoked": revoked, "sessions_ended": ended},
        )
    return IssuedPassword(membership=membership, password=password)


def sessions_end(*, membership: Membership, actor: User) -> int:
    """Log a member out of this congress everywhere: their open sessions here end now."""
    if membership.user_id == actor.pk:
        raise NotAllowed("self_sessions", _("不能结束自己的登录会话，请直接退出登录。"))
    with transaction.atomic():
        membership = _membership_locked(membership)
        ended = _sessions_delete(user_id=membership.user_id, schema=membership.congress.schema_name)
        audit_record(
            action="user.sessions_end",
            actor=actor,
            target=membership.user,
            payload={"sessions_ended": ended},
        )
    return ended


def password_policy_set(
    *, congress: "Congress", min_length: int, max_age_days: int, actor: User
) -> PasswordPolicy:
    """Set the congress's password policy within its safe bounds (accounts.rules). It applies
    to the next password each member sets, and an expired one is asked for at the next login."""
    refusal = password_policy_refusal(min_length=min_length, max_age_days=max_age_days)
    if refusal == "min_length":
        low, high = MIN_LENGTH_BOUNDS
        raise DomainError(
            "policy_out_of_bounds",
            _("密码最小长度须在 %(low)d 至 %(high)d 之间。") % {"low": low, "high": high},
            field="min_length",
        )
    if refusal == "max_age_days":
        low, high = MAX_AGE_DAYS_BOUNDS
        raise DomainError(
            "policy_out_of_bounds",
            _("密码有效期须为 0（不过期）或 %(low)d 至 %(high)d 天。") % {"low": low, "high": high},
            field="max_age_days",
        )
    with transaction.atomic():
        policy, _created = PasswordPolicy.objects.select_for_update().get_or_create(
            congress=congress
        )
        before = {"min_length": policy.min_length, "max_age_days": policy.max_age_days}
        policy.min_length, policy.max_age_days = min_length, max_age_days
        policy.save()
        audit_record(
            action="accounts.password_policy_set",
            actor=actor,
            target=policy,
            payload={
                "before": before,
                "after": {"min_length": min_length, "max_age_days": max_age_days},
            },
        )
    return policy

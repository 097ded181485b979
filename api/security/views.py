"""The security administrator's page of one congress (安全保密管理员, docs/security-administration.md):
each member's login lockout, open sessions and password state, with unlock, password reset and
"log out everywhere"; the password policy within its safe bounds. API tokens are listed and
revoked through auth/tokens (scope=congress). Only security_admin may call any of it."""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from rest_framework import serializers
from rest_framework.request import Request

from accounts.roles import Role
from accounts.rules import MAX_AGE_DAYS_BOUNDS, MIN_LENGTH_BOUNDS
from accounts.selectors import (
    MemberSecurity,
    member_security,
    password_policy_of,
)
from accounts.services import (
    login_unlock,
    password_policy_set,
    password_reset,
    sessions_end,
)
from api.accounts.views import host_membership, password_issuing
from api.actions import Action, Read, Write, endpoint
from api.permissions import actor_of, has_role, host_congress

if TYPE_CHECKING:
    from accounts.models import Membership, PasswordPolicy

SECURITY_ADMIN = has_role(Role.SECURITY_ADMIN)


class MemberSecurityOut(serializers.Serializer):
    id = serializers.IntegerField()
    username = serializers.CharField()
    display_name = serializers.CharField()
    roles = serializers.ListField(child=serializers.CharField())
    is_active = serializers.BooleanField()
    must_change_password = serializers.BooleanField()
    password_changed_at = serializers.DateTimeField(allow_null=True)
    last_login = serializers.DateTimeField(allow_null=True)
    failures = serializers.IntegerField(
        help_text="锁定窗口内的登录失败次数 / failed logins counted"
    )
    locked_until = serializers.DateTimeField(
        allow_null=True, help_text="锁定至（未锁定为空）/ locked until, or null"
    )
    sessions = serializers.IntegerField(help_text="本单位的在线会话数 / open sessions here")
    last_seen = serializers.DateTimeField(allow_null=True)


def _out(row: MemberSecurity) -> dict[str, Any]:
    user = row.membership.user
    return {
        "id": row.membership.pk,
        "username": user.username,
        "display_name": user.display_name or user.username,
        "roles": sorted(row.membership.roles),
        "is_active": row.membership.is_active,
        "must_change_password": user.must_change_password,
        "password_changed_at": user.password_changed_at,
        "last_login": user.last_login,
        "failures": row.lock.failures if row.lock else 0,
        "locked_until": row.lock.locked_until if row.lock else None,
        "sessions": row.sessions,
        "last_seen": row.last_seen,
    }


def _row(request: Request, membership: "Membership") -> dict[str, Any]:
    rows = member_security(congress=host_congress(request))
    return _out(next(r for r in rows if r.membership.pk == membership.pk))


SecurityMemberListView = endpoint(
    Read(
        "security_member_list",
        "成员的登录锁定、会话与密码状态 / members' lockouts, sessions and passwords",
        lambda request: [_out(row) for row in member_security(congress=host_congress(request))],
        responses=MemberSecurityOut(many=True),
    ),
    permission=SECURITY_ADMIN,
)


MEMBER = Action(
    permission=SECURITY_ADMIN,
    lookup=host_membership,
    output=_row,
    responses=MemberSecurityOut,
)


def _sessions_end(request: Request, membership: "Membership", data: dict[str, Any]) -> Any:
    sessions_end(membership=membership, actor=actor_of(request))
    return membership


SecurityUnlockView = MEMBER.view(
    operation_id="security_member_unlock",
    summary="解除登录锁定 / lift a member's login lockout",
    run=lambda r, m, d: login_unlock(membership=m, actor=actor_of(r)),
)


SecurityPasswordResetView = password_issuing(SECURITY_ADMIN).view(
    operation_id="security_password_reset",
    summary="重置密码（一次性密码，下次登录须修改）/ reset to a one-time password",
    run=lambda r, m, d: password_reset(membership=m, actor=actor_of(r)),
    created=True,
)
SecuritySessionsEndView = MEMBER.view(
    operation_id="security_sessions_end",
    summary="结束该成员在本单位的全部会话 / log a member out here everywhere",
    run=_sessions_end,
)


class PasswordPolicyIn(serializers.Serializer):
    min_length = serializers.IntegerField(help_text="密码最小长度 / minimum length")
    max_age_days = serializers.IntegerField(help_text="有效期天数，0 为不过期 / 0: never expires")


class PasswordPolicyOut(serializers.Serializer):
    min_length = serializers.IntegerField()
    max_age_days = serializers.IntegerField()
    min_length_bounds = serializers.ListField(child=serializers.IntegerField())
    max_age_days_bounds = serializers.ListField(child=serializers.IntegerField())
    lockout_failures = serializers.IntegerField(
        help_text="锁定前允许的失败次数 / failures before a lockout"
    )
    lockout_minutes = serializers.IntegerField()
    idle_timeout_minutes = serializers.IntegerField()


def _policy_out(policy: "PasswordPolicy") -> dict[str, Any]:
    return {
        "min_length": policy.min_length,
        "max_age_days": policy.max_age_days,
        "min_length_bounds": list(MIN_LENGTH_BOUNDS),
        "max_age_days_bounds": list(MAX_AGE_DAYS_BOUNDS),
        "lockout_failures": settings.LOGIN_MAX_FAILURES,
        "lockout_minutes": settings.LOGIN_LOCKOUT_MINUTES,
        "idle_timeout_minutes": settings.SESSION_COOKIE_AGE // 60,
    }


def _policy_set(request: Request, data: dict[str, Any]) -> dict[str, Any]:
    policy = password_policy_set(congress=host_congress(request), actor=actor_of(request), **data)
    return _policy_out(policy)


PasswordPolicyView = endpoint(
    Read(
        "security_password_policy",
        "本单位密码策略 / this congress's password policy",
        lambda request: _policy_out(password_policy_of(congress=host_congress(request))),
        responses=PasswordPolicyOut,
    ),
    Write(
        "security_password_policy_set",
        "修改密码策略（在安全范围内）/ change the policy, within its safe bounds",
        _policy_set,
        body=PasswordPolicyIn,
        responses=PasswordPolicyOut,
        method="put",
    ),
    permission=SECURITY_ADMIN,
)

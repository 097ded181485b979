"""Login, logout, the current session, switching tenant without a second password, API tokens."""

from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions, status
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import BaseThrottle
from rest_framework.views import APIView

from accounts.middleware import SESSION_TENANT_KEY
from accounts.models import ApiToken, Membership, User
from accounts.roles import Role
from accounts.selectors import api_tokens_in, api_tokens_of, login_failures_from
from accounts.services import (
    api_token_create,
    api_token_revoke,
    handoff_create,
    handoff_redeem,
    login_check,
    password_change,
)
from api.inputs import validated
from api.links import public_url
from api.permissions import (
    IsMemberOnOneTimePassword,
    IsTenantMember,
    host_congress,
    host_schema,
    is_public_host,
    membership_of,
    roles_of,
)
from api.views import PublicView
from congresses.models import Congress
from congresses.selectors import congress_primary_domain
from ops.errors import NotAllowed
from ops.network import client_address

from . import serializers as s


def _brief(congress: Congress) -> dict[str, Any]:
    return dict(s.CongressBriefSerializer(congress).data)


def account_brief(user: User) -> dict[str, Any]:
    return {
        "id": user.pk,
        "username": user.username,
        "display_name": user.display_name or user.username,
    }


def session_payload(request: Request) -> dict[str, Any]:
    user = request.user
    public = is_public_host(request)
    payload: dict[str, Any] = {
        "user": None,
        "congress": None if public else _brief(host_congress(request)),
        "roles": [],
        "memberships": [],
        "idle_timeout_seconds": settings.SESSION_COOKIE_AGE,
    }
    if user is None or not user.is_authenticated:
        return payload
    membership = membership_of(request)
    payload["user"] = {
        **account_brief(user),
        "is_platform_operator": user.is_platform_operator,
        "must_change_password": user.must_change_password,
    }
    payload["roles"] = sorted(membership.roles) if membership else []
    payload["memberships"] = [
        {"congress": _brief(m.congress), "roles": sorted(m.roles)}
        for m in Membership.objects.filter(user=user, is_active=True)
        .select_related("congress")
        .order_by("congress__division_code")
    ]
    return payload


class CsrfView(PublicView):
    @extend_schema(
        operation_id="auth_csrf",
        responses={204: None},
        summary="取得 CSRF Cookie / set the CSRF cookie",
    )
    def get(self, request: Request) -> Response:
        get_token(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SessionView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_session",
        responses=s.SessionOutSerializer,
        summary="当前会话 / the current session",
    )
    def get(self, request: Request) -> Response:
        get_token(request)
        return Response(session_payload(request))


def _require_csrf(request: Request) -> None:
    """Login and hand-off are open to anonymous callers, whom DRF exempts from CSRF checks:
    without this a foreign page could post a form that logs the browser into another account."""
    try:
        SessionAuthentication().enforce_csrf(request)
    except exceptions.PermissionDenied:
        raise NotAllowed("csrf_failed", _("页面校验已失效，请刷新页面后重试。")) from None


class LoginAddressThrottle(BaseThrottle):
    """Password spraying: many failed logins from one address, over any usernames, pause all
    logins from it for the lockout window. Only failures count, so a hall of deputies behind
    one address logging in together is not slowed."""

    def allow_request(self, request: Request, view: Any) -> bool:
        address = client_address(request._request)
        return login_failures_from(address=address) < settings.LOGIN_ADDRESS_MAX_FAILURES

    def wait(self) -> float:
        return float(settings.LOGIN_LOCKOUT_MINUTES * 60)


class LoginView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [LoginAddressThrottle]

    @extend_schema(
        operation_id="auth_login",
        request=s.LoginInSerializer,
        responses=s.SessionOutSerializer,
        summary="登录 / log in",
    )
    def post(self, request: Request) -> Response:
        _require_csrf(request)
        data = validated(s.LoginInSerializer, request)
        user = login_check(
            request=request._request,
            congress=None if is_public_host(request) else host_congress(request),
            **data,
        )
        _open_session(request, user, host_schema(request))
        return Response(session_payload(request))


def _open_session(request: Request, user: User, schema_name: str) -> None:
    """`user` logged in on this host from now on, and already for the rest of this request."""
    login(request._request, user, backend="django.contrib.auth.backends.ModelBackend")
    request._request.session[SESSION_TENANT_KEY] = schema_name
    request.user = user


class LogoutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_logout", request=None, responses={204: None}, summary="退出 / log out"
    )
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SwitchView(APIView):
    """Session only: a bearer token must not become a browser session on another host."""

    permission_classes = [IsTenantMember]
    authentication_classes = [SessionAuthentication]

    @extend_schema(
        operation_id="auth_switch",
        request=s.SwitchInSerializer,
        responses=s.SwitchOutSerializer,
        summary="切换单位 / switch to another tenant of mine",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.SwitchInSerializer, request)
        target = Congress.objects.filter(pk=data["congress_id"]).first()
        if target is None:
            raise NotAllowed("not_a_member", _("您不是该单位的成员。"))
        code = handoff_create(user=request.user, congress=target)  # type: ignore[arg-type]
        # In the fragment, which browsers never send: the code stays out of access logs and
        # Referer headers. The web app's hand-off page reads it and posts it to auth/handoff.
        url = public_url(congress_primary_domain(target), f"/auth/handoff#code={code}")
        return Response({"url": url})


class HandoffView(APIView):
    """The other host's web app posts the one-time code here to open the session."""

    permission_classes = [AllowAny]
    authentication_classes = [SessionAuthentication]

    @extend_schema(
        operation_id="auth_handoff",
        request=s.HandoffInSerializer,
        responses=s.SessionOutSerializer,
        summary="以切换码登录本单位 / open a session here with a hand-off code",
    )
    def post(self, request: Request) -> Response:
        _require_csrf(request)
        data = validated(s.HandoffInSerializer, request)
        if is_public_host(request):
            raise NotAllowed("handoff_invalid", _("切换链接无效或已过期，请重新登录。"))
        tenant = host_congress(request)
        current = request.user if request.user and request.user.is_authenticated else None
        user = handoff_redeem(
            code=data["code"],
            congress=tenant,
            current_user=current,
        )
        if current is None:
            _open_session(request, user, tenant.schema_name)
        return Response(session_payload(request))


class PasswordView(APIView):
    authentication_classes = [SessionAuthentication]
    permission_classes = [IsMemberOnOneTimePassword]

    @extend_schema(
        operation_id="auth_password_change",
        request=s.PasswordChangeInSerializer,
        responses={204: None},
        summary="修改密码 / change password",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.PasswordChangeInSerializer, request)
        password_change(user=request.user, **data)  # type: ignore[arg-type]
        update_session_auth_hash(request._request, request.user)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


def _token_out(token: ApiToken) -> dict[str, Any]:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.prefix,
        "created_at": token.created_at,
        "expires_at": token.expires_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
        "user": account_brief(token.user),
    }


class TokenView(APIView):
    """Session only: a token cannot mint, list or revoke tokens, so a leaked one cannot make
    itself a successor."""

    authentication_classes = [SessionAuthentication]

    @extend_schema(
        operation_id="auth_token_list",
        parameters=[
            OpenApiParameter(
                "scope",
                enum=["mine", "congress"],
                required=False,
                description="congress：本单位全部令牌（仅安全管理员）/ every token of this "
                "congress (security administrator only)",
            )
        ],
        responses=s.TokenOutSerializer(many=True),
        summary="接口令牌列表 / API tokens: mine, or the congress's",
    )
    def get(self, request: Request) -> Response:
        tenant = host_congress(request)
        if request.query_params.get("scope") == "congress":
            if Role.SECURITY_ADMIN not in roles_of(request):
                raise NotAllowed("role_denied", _("只有安全管理员可以查看本单位的全部令牌。"))
            tokens = api_tokens_in(congress=tenant)
        else:
            tokens = api_tokens_of(user=request.user, congress=tenant).select_related("user")  # type: ignore[arg-type]
        return Response([_token_out(token) for token in tokens])

    @extend_schema(
        operation_id="auth_token_create",
        request=s.TokenCreateInSerializer,
        responses={201: s.TokenCreateOutSerializer},
        summary="创建接口令牌 / create an API token for this tenant",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.TokenCreateInSerializer, request)
        token, raw = api_token_create(
            user=request.user,  # type: ignore[arg-type]
            congress=host_congress(request),
            **data,
        )
        return Response(
            {"id": token.pk, "name": token.name, "token": raw, "expires_at": token.expires_at},
            status=status.HTTP_201_CREATED,
        )


class TokenDetailView(APIView):
    authentication_classes = [SessionAuthentication]

    @extend_schema(
        operation_id="auth_token_revoke",
        request=None,
        responses={204: None},
        summary="吊销接口令牌（本人的；安全管理员可吊销本单位的）/ revoke an API token (one's own; "
        "the security administrator any of this congress)",
    )
    def delete(self, request: Request, pk: int) -> Response:
        tenant = host_congress(request)
        tokens = (
            api_tokens_in(congress=tenant)
            if Role.SECURITY_ADMIN in roles_of(request)
            else api_tokens_of(user=request.user, congress=tenant)  # type: ignore[arg-type]
        )
        api_token_revoke(token=get_object_or_404(tokens, pk=pk), actor=request.user)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)

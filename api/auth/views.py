"""Login, logout, the current session, switching tenant without a second password, API tokens."""

from typing import Any

from django.conf import settings
from django.contrib.auth import login, logout, update_session_auth_hash
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.middleware import SESSION_TENANT_KEY
from accounts.models import Membership, User
from accounts.services import (
    api_token_create,
    handoff_create,
    handoff_redeem,
    login_check,
    password_change,
)
from api.permissions import (
    IsTenantMember,
    host_congress,
    host_schema,
    host_tenant,
    is_public_host,
    membership_of,
)
from congresses.models import Congress
from congresses.selectors import congress_primary_domain
from ops.errors import NotAllowed

from . import serializers as s


def _brief(congress: Congress) -> dict[str, Any]:
    return {
        "id": congress.pk,
        "name": congress.name,
        "slug": congress.slug,
        "level": congress.level,
        "division_code": congress.division_code,
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
        "id": user.pk,
        "username": user.username,
        "display_name": user.display_name or user.username,
        "is_platform_operator": user.is_platform_operator,
        "must_change_password": user.must_change_password,
    }
    payload["roles"] = sorted(membership.roles) if membership else []
    payload["memberships"] = [
        {"congress": _brief(m.congress), "roles": sorted(m.roles)}
        for m in Membership.objects.filter(user=user)
        .select_related("congress")
        .order_by("congress__division_code")
    ]
    return payload


class CsrfView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list[Any] = []

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


class LoginView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_login",
        request=s.LoginInSerializer,
        responses=s.SessionOutSerializer,
        summary="登录 / log in",
    )
    def post(self, request: Request) -> Response:
        data = s.LoginInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        user = login_check(**data.validated_data)
        public = is_public_host(request)
        allowed = (
            user.is_platform_operator
            if public
            else Membership.objects.filter(user=user, congress_id=host_tenant(request).id).exists()
        )
        if not allowed:
            raise NotAllowed("not_a_member", _("您不是本单位的成员，无权登录。"))
        _open_session(request._request, user, host_schema(request))
        request.user = user
        return Response(session_payload(request))


def _open_session(request: HttpRequest, user: User, schema_name: str) -> None:
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    request.session[SESSION_TENANT_KEY] = schema_name


class LogoutView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_logout", request=None, responses={204: None}, summary="退出 / log out"
    )
    def post(self, request: Request) -> Response:
        logout(request._request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SwitchView(APIView):
    permission_classes = [IsTenantMember]

    @extend_schema(
        operation_id="auth_switch",
        request=s.SwitchInSerializer,
        responses=s.SwitchOutSerializer,
        summary="切换单位 / switch to another tenant of mine",
    )
    def post(self, request: Request) -> Response:
        data = s.SwitchInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        target = Congress.objects.filter(pk=data.validated_data["congress_id"]).first()
        if target is None:
            raise NotAllowed("not_a_member", _("您不是该单位的成员。"))
        code = handoff_create(user=request.user, congress=target)  # type: ignore[arg-type]
        host = congress_primary_domain(target)
        port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT not in ("80", "443") else ""
        url = f"{settings.PUBLIC_SCHEME}://{host}{port}/auth/handoff?code={code}"
        return Response({"url": url})


def handoff_view(request: HttpRequest) -> HttpResponse:
    """The browser lands here from another tenant's host with a one-time code."""
    tenant = request.tenant  # type: ignore[attr-defined]
    try:
        user = handoff_redeem(code=request.GET.get("code", ""), congress=tenant)
    except NotAllowed:
        return HttpResponseRedirect("/login?handoff=invalid")
    _open_session(request, user, tenant.schema_name)
    return HttpResponseRedirect("/")


class PasswordView(APIView):
    @extend_schema(
        operation_id="auth_password_change",
        request=s.PasswordChangeInSerializer,
        responses={204: None},
        summary="修改密码 / change password",
    )
    def post(self, request: Request) -> Response:
        data = s.PasswordChangeInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        password_change(user=request.user, **data.validated_data)  # type: ignore[arg-type]
        update_session_auth_hash(request._request, request.user)  # type: ignore[arg-type]
        return Response(status=status.HTTP_204_NO_CONTENT)


class TokenView(APIView):
    @extend_schema(
        operation_id="auth_token_create",
        request=s.TokenCreateInSerializer,
        responses={201: s.TokenCreateOutSerializer},
        summary="创建接口令牌 / create an API token for this tenant",
    )
    def post(self, request: Request) -> Response:
        data = s.TokenCreateInSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        token, raw = api_token_create(
            user=request.user,  # type: ignore[arg-type]
            congress=host_congress(request),
            **data.validated_data,
        )
        return Response(
            {"id": token.pk, "name": token.name, "token": raw, "expires_at": token.expires_at},
            status=status.HTTP_201_CREATED,
        )

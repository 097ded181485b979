"""The system administrator's accounts of one congress: who holds what, new accounts one by one
or for the whole roster, roles granted and revoked, memberships switched off and on, and a lost
slip reissued. A response that issues passwords carries the slips' PDF and is the only place
those passwords ever appear (docs/accounts-administration.md)."""

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.roles import Role
from accounts.selectors import membership_in, memberships_in
from accounts.services import (
    IssuedPassword,
    account_create,
    membership_active_set,
    membership_roles_change,
    password_reissue,
)
from accounts.slips import Slip, slips_filename, slips_pdf
from api.inputs import validated
from api.permissions import has_role, host_congress
from congresses.selectors import congress_primary_domain
from tenants.deputies.services import deputy_accounts_create

from . import serializers as s

if TYPE_CHECKING:
    from accounts.models import Membership
    from congresses.models import Congress

SYSTEM_ADMIN = has_role(Role.SYSTEM_ADMIN)


def _member_out(membership: "Membership") -> dict[str, Any]:
    user = membership.user
    return {
        "id": membership.pk,
        "user_id": user.pk,
        "username": user.username,
        "display_name": user.display_name or user.username,
        "roles": sorted(membership.roles),
        "is_active": membership.is_active,
        "must_change_password": user.must_change_password,
        "last_login": user.last_login,
        "created_at": membership.created_at,
    }


def login_url(congress: "Congress") -> str:
    port = f":{settings.PUBLIC_PORT}" if settings.PUBLIC_PORT not in ("80", "443") else ""
    return f"{settings.PUBLIC_SCHEME}://{congress_primary_domain(congress)}{port}/login"


def issued_response(congress: "Congress", issued: Sequence[IssuedPassword]) -> Response:
    pdf = slips_pdf(
        congress_name=congress.name,
        login_url=login_url(congress),
        slips=[
            Slip(
                name=item.membership.user.display_name,
                username=item.membership.user.username,
                password=item.password,
            )
            for item in issued
        ],
    )
    response = Response(
        {
            "members": [_member_out(item.membership) for item in issued],
            "slips_pdf": base64.b64encode(pdf).decode(),
            "slips_filename": slips_filename(congress.name),
        },
        status=status.HTTP_201_CREATED,
    )
    # The passwords are in this body: no cache along the way may keep it.
    response["Cache-Control"] = "no-store"
    return response


def _membership(request: Request, pk: int) -> "Membership":
    found = membership_in(congress=host_congress(request), membership_id=pk)
    if found is None:
        raise Http404
    return found


class MemberListView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_member_list",
        responses=s.MemberOutSerializer(many=True),
        summary="本单位账号及角色 / who holds what in this congress",
    )
    def get(self, request: Request) -> Response:
        return Response([_member_out(m) for m in memberships_in(congress=host_congress(request))])

    @extend_schema(
        operation_id="account_create",
        request=s.AccountCreateInSerializer,
        responses={201: s.IssuedOutSerializer},
        summary="新建账号并打印账号通知单 / create an account and its slip",
    )
    def post(self, request: Request) -> Response:
        data = validated(s.AccountCreateInSerializer, request)
        congress = host_congress(request)
        issued = account_create(congress=congress, actor=request.user, **data)  # type: ignore[arg-type]
        return issued_response(congress, [issued])


class RosterAccountsView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_create_from_roster",
        request=None,
        responses={201: s.IssuedOutSerializer},
        summary="为名册中尚无账号的代表生成账号 / an account for every deputy without one",
    )
    def post(self, request: Request) -> Response:
        issued = deputy_accounts_create(actor=request.user)
        return issued_response(host_congress(request), [account for _deputy, account in issued])


class MemberRolesView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_roles_change",
        request=s.RolesChangeInSerializer,
        responses=s.MemberOutSerializer,
        summary="授予或撤销角色 / grant and revoke roles",
    )
    def post(self, request: Request, pk: int) -> Response:
        data = validated(s.RolesChangeInSerializer, request)
        membership = membership_roles_change(
            membership=_membership(request, pk),
            actor=request.user,  # type: ignore[arg-type]
            **data,
        )
        return Response(_member_out(membership))


class MemberDeactivateView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_deactivate",
        request=None,
        responses=s.MemberOutSerializer,
        summary="停用本单位成员资格 / switch a membership off",
    )
    def post(self, request: Request, pk: int) -> Response:
        membership = membership_active_set(
            membership=_membership(request, pk),
            active=False,
            actor=request.user,  # type: ignore[arg-type]
        )
        return Response(_member_out(membership))


class MemberActivateView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_activate",
        request=None,
        responses=s.MemberOutSerializer,
        summary="重新启用本单位成员资格 / switch a membership back on",
    )
    def post(self, request: Request, pk: int) -> Response:
        membership = membership_active_set(
            membership=_membership(request, pk),
            active=True,
            actor=request.user,  # type: ignore[arg-type]
        )
        return Response(_member_out(membership))


class PasswordReissueView(APIView):
    permission_classes = [SYSTEM_ADMIN]

    @extend_schema(
        operation_id="account_password_reissue",
        request=None,
        responses={201: s.IssuedOutSerializer},
        summary="重发初始密码（新通知单）/ a new one-time password and slip",
    )
    def post(self, request: Request, pk: int) -> Response:
        issued = password_reissue(
            membership=_membership(request, pk),
            actor=request.user,  # type: ignore[arg-type]
        )
        return issued_response(host_congress(request), [issued])

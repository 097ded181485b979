"""The system administrator's accounts of one congress: who holds what, new accounts one by one
or for the whole roster, roles granted and revoked, memberships switched off and on, and a lost
slip reissued. A response that issues passwords carries the slips' PDF and is the only place
those passwords ever appear (docs/accounts-administration.md)."""

import base64
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.permissions import BasePermission
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
from api.actions import Action
from api.errors import or_404
from api.inputs import validated
from api.links import public_url
from api.permissions import actor_of, has_role, host_congress
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
    return public_url(congress_primary_domain(congress), "/login")


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


def host_membership(request: Request, pk: int) -> "Membership":
    """Membership `pk` in the host's congress; a 404 for another congress's."""
    return or_404(membership_in(congress=host_congress(request), membership_id=pk))


def _issued(request: Request, issued: Any) -> Response:
    return issued_response(host_congress(request), [issued])


def password_issuing(permission: type[BasePermission]) -> Action["Membership"]:
    """The member actions that give a new one-time password: answered (201) with the member and
    the printable slip, as `issued_response` makes it."""
    return Action(
        permission=permission,
        lookup=host_membership,
        output=_issued,
        responses=s.IssuedOutSerializer,
    )


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
        issued = account_create(congress=congress, actor=actor_of(request), **data)
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


MEMBER = Action(
    permission=SYSTEM_ADMIN,
    lookup=host_membership,
    output=lambda request, membership: _member_out(membership),
    responses=s.MemberOutSerializer,
)

MemberRolesView = MEMBER.view(
    operation_id="account_roles_change",
    summary="授予或撤销角色 / grant and revoke roles",
    body=s.RolesChangeInSerializer,
    run=lambda r, m, d: membership_roles_change(membership=m, actor=actor_of(r), **d),
)
MemberDeactivateView = MEMBER.view(
    operation_id="account_deactivate",
    summary="停用本单位成员资格 / switch a membership off",
    run=lambda r, m, d: membership_active_set(membership=m, active=False, actor=actor_of(r)),
)
MemberActivateView = MEMBER.view(
    operation_id="account_activate",
    summary="重新启用本单位成员资格 / switch a membership back on",
    run=lambda r, m, d: membership_active_set(membership=m, active=True, actor=actor_of(r)),
)
PasswordReissueView = password_issuing(SYSTEM_ADMIN).view(
    operation_id="account_password_reissue",
    summary="重发初始密码（新通知单）/ a new one-time password and slip",
    run=lambda r, m, d: password_reissue(membership=m, actor=actor_of(r)),
    created=True,
)

from typing import TYPE_CHECKING, Any, cast

from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from accounts.models import Membership
from accounts.roles import Role
from congresses.models import Congress
from congresses.tenant import NotInTenant, Tenant

if TYPE_CHECKING:
    from accounts.models import User


def host_tenant(request: Request) -> Tenant:
    """The tenant of the host the request came to, as CongressMiddleware established it;
    NotInTenant on the platform's own host."""
    tenant: Tenant | None = getattr(request, "host_tenant", None)
    if tenant is None:
        raise NotInTenant("the platform's host has no tenant")
    return tenant


def host_congress(request: Request) -> Congress:
    """The registry row of the host's tenant, loaded by the middleware (for the services that
    walk the tree of congresses); NotInTenant on the platform's own host."""
    congress = getattr(request, "tenant", None)
    if not isinstance(congress, Congress) or is_public_host(request):
        raise NotInTenant("the platform's host has no tenant")
    return congress


def host_schema(request: Request) -> str:
    return str(cast(Any, request).tenant.schema_name)


def is_public_host(request: Request) -> bool:
    return getattr(request, "host_tenant", None) is None


def membership_of(request: Request) -> Membership | None:
    """The caller's membership in this host's tenant, looked up once per request."""
    if not hasattr(request, "_membership"):
        user = request.user
        found = None
        if user is not None and user.is_authenticated and not is_public_host(request):
            found = Membership.objects.filter(
                user=user, congress_id=host_tenant(request).id, is_active=True
            ).first()
        request._membership = found  # type: ignore[attr-defined]
    return request._membership  # type: ignore[attr-defined]


def roles_of(request: Request) -> frozenset[str]:
    """The caller's roles in this host's tenant; none outside it."""
    membership = membership_of(request)
    return frozenset(membership.roles) if membership else frozenset()


def user_id_of(request: Request) -> int:
    """The caller's user id, where the permission classes let no anonymous caller through."""
    user = request.user
    assert user is not None and user.pk is not None
    return int(user.pk)


def actor_of(request: Request) -> "User":
    """The caller, where the permission classes let no anonymous caller through."""
    return cast("User", request.user)


class IsTenantMember(BasePermission):
    """Every API call: a member of this host's tenant (a platform operator on the public host)."""

    message = _("您不是本单位的成员，无权访问。")
    # An account still on its one-time password (a printed slip) may do nothing but change it:
    # whoever saw the slip on its way must not be able to act as its owner.
    allows_unchanged_password = False

    def has_permission(self, request: Request, view: Any) -> bool:
        user = request.user
        if user is None or not user.is_authenticated:
            return False
        if user.must_change_password and not self.allows_unchanged_password:
            self.message = _("请先修改初始密码。")
            self.code = "password_change_required"
            return False
        if is_public_host(request):
            return bool(user.is_platform_operator)
        return membership_of(request) is not None


class IsMemberOnOneTimePassword(IsTenantMember):
    """A member, even one who has not yet changed the one-time password: for changing it."""

    allows_unchanged_password = True


def has_role(*roles: str) -> type[BasePermission]:
    """A member holding at least one of `roles` in this tenant."""

    class HasRole(IsTenantMember):
        message = _("您的角色无权进行此操作。")
        # Declared, so a test can sweep every endpoint with every role it does not allow.
        allowed_roles = frozenset(roles)

        def has_permission(self, request: Request, view: Any) -> bool:
            if not super().has_permission(request, view):
                return False
            membership = membership_of(request)
            return membership is not None and bool(set(membership.roles) & set(roles))

    HasRole.__name__ = f"HasRole_{'_'.join(roles)}"
    return HasRole


# The two roles most endpoints name on their own.
STAFF = has_role(Role.STAFF)
DEPUTY = has_role(Role.DEPUTY)

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.request import Request

from accounts.models import ApiToken, hash_secret


class TenantTokenAuthentication(authentication.BaseAuthentication):
    """`Authorization: Bearer cp_...`, valid on the host of the tenant it was issued in only."""

    keyword = "Bearer"

    def authenticate(self, request: Request) -> tuple[Any, ApiToken] | None:
        header = authentication.get_authorization_header(request).decode(errors="replace")
        scheme, _sep, raw = header.partition(" ")
        if scheme != self.keyword or not raw:
            return None
        token = (
            ApiToken.objects.select_related("user")
            .filter(key_hash=hash_secret(raw.strip()), revoked_at__isnull=True)
            .first()
        )
        if token is None or token.expires_at < timezone.now() or not token.user.is_active:
            raise exceptions.AuthenticationFailed(_("令牌无效或已过期。"))
        if token.congress_id != getattr(request.tenant, "pk", None):
            raise exceptions.PermissionDenied(_("该登录凭据不属于本单位。"), code="tenant_mismatch")
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user, token

    def authenticate_header(self, request: Request) -> str:
        return self.keyword


class TenantTokenScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.TenantTokenAuthentication"
    name = "tenantToken"

    def get_security_definition(self, auto_schema: Any) -> dict[str, str]:
        return {"type": "http", "scheme": "bearer"}

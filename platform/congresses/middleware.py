from typing import Any, cast

from django.conf import settings
from django.db import DatabaseError, InterfaceError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name

from ops.outage import outage_response
from ops.tenancy import use_public_schema

from .models import Congress, Status
from .tenant import Tenant


class CongressMiddleware(TenantMainMiddleware):
    """The tenant from the host name. The bare base domain is the platform's own (public schema);
    any other unknown host is a 404, and a suspended congress answers 403."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        hostname = self.hostname_from_request(request)
        if hostname in (settings.BASE_DOMAIN, "127.0.0.1"):
            use_public_schema()
            request.tenant = cast(Any, connection).tenant  # type: ignore[attr-defined]
            request.host_tenant = None  # type: ignore[attr-defined]
            self.setup_url_routing(request, force_public=True)
            return None
        try:
            response: HttpResponse | None = super().process_request(request)
        except (DatabaseError, InterfaceError) as error:
            # The host lookup is a request's first query: with the database down or busy the
            # answer is a JSON 503 (ops.outage), not Django's HTML error page.
            outage = outage_response(request, error)
            if outage is None:
                raise
            return outage
        tenant = getattr(request, "tenant", None)
        if response is None and tenant is not None and tenant.status != Status.ACTIVE:
            use_public_schema()
            return JsonResponse(
                {"code": "congress_suspended", "detail": _("该单位已停用。")}, status=403
            )
        # The typed value every later step is handed (api.permissions.host_tenant): None on the
        # platform's own host.
        value = None
        if isinstance(tenant, Congress) and tenant.schema_name != get_public_schema_name():
            value = Tenant.of(tenant)
        request.host_tenant = value  # type: ignore[attr-defined]
        return response

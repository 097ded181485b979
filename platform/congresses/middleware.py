from typing import Any, cast

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.db import DatabaseError, InterfaceError, connection
from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, JsonResponse
from django.utils.translation import gettext as _
from django_tenants.middleware.main import TenantMainMiddleware
from django_tenants.utils import get_public_schema_name

from ops.outage import outage_response
from ops.tenancy import use_public_schema

from .models import Status
from .routing import congress_for_host
from .tenant import Tenant


class CongressMiddleware(TenantMainMiddleware):
    """The tenant from the host name. The bare base domain is the platform's own (public schema);
    any other unknown host is a 404, and a suspended congress answers 403.

    The host's congress comes from the routing cache (congresses.routing), so a tenant request
    reaches its view with no query spent on routing: the schema is selected on the connection
    here and set by the view's first query (docs/tenancy.md, "Routing")."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        try:
            hostname = self.hostname_from_request(request)
        except DisallowedHost:
            return HttpResponseNotFound()
        # The registry and the routing cache's keys are in the public schema. Selecting it sends
        # nothing to the database: the search path is set by the next query, if any.
        use_public_schema()
        if hostname in (settings.BASE_DOMAIN, "127.0.0.1"):
            request.tenant = cast(Any, connection).tenant  # type: ignore[attr-defined]
            request.host_tenant = None  # type: ignore[attr-defined]
            self.setup_url_routing(request, force_public=True)
            return None
        try:
            congress = congress_for_host(hostname)
        except (DatabaseError, InterfaceError) as error:
            # On a cache miss the host lookup is a request's first query: with the database down
            # or busy the answer is a JSON 503 (ops.outage), not Django's HTML error page.
            outage = outage_response(request, error)
            if outage is None:
                raise
            return outage
        if congress is None:
            response: HttpResponse | None = self.no_tenant_found(request, hostname)
            return response
        if congress.status != Status.ACTIVE:
            return JsonResponse(
                {"code": "congress_suspended", "detail": _("该单位已停用。")}, status=403
            )
        congress.domain_url = hostname
        request.tenant = congress  # type: ignore[attr-defined]
        cast(Any, connection).set_tenant(congress)
        self.setup_url_routing(request)
        # The typed value every later step is handed (api.permissions.host_tenant): None on the
        # platform's own host.
        public = congress.schema_name == get_public_schema_name()
        request.host_tenant = None if public else Tenant.of(congress)  # type: ignore[attr-defined]
        return None

"""django-tenants' PostgreSQL backend, minus a `SET search_path` that would change nothing.

With `TENANT_LIMIT_SET_CALLS` django-tenants sets the search path once per `set_tenant()`, but
every `set_tenant()` forgets what the connection already has, so a request that selects the
schema the connection already uses (the same tenant as the last request on this persistent
connection, or the public schema again) still pays one round trip for a `SET` that changes
nothing. Here the path last set on the session is remembered, and `set_tenant()` of that same
path keeps it.

What the session has is forgotten whenever the database may have dropped it, as django-tenants
does: on close, on rollback and on rollback to a savepoint (a `SET` is undone with the
transaction that issued it). This holds only while a connection belongs to one client for a whole
session: behind pgbouncer in transaction mode the path must be set inside each transaction
(docs/tenancy.md, "Routing").
"""

from typing import Any

from django_tenants.postgresql_backend import base
from django_tenants.utils import get_limit_set_calls


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.session_search_path: list[str] | None = None
        super().__init__(*args, **kwargs)

    def set_tenant(self, tenant: Any, include_public: bool = True) -> None:
        super().set_tenant(tenant, include_public)
        if get_limit_set_calls() and self.session_search_path == self._get_cursor_search_paths():
            self.search_path_set_schemas = self.session_search_path

    def _handle_search_path(self, cursor: Any = None) -> None:
        super()._handle_search_path(cursor)
        self.session_search_path = self.search_path_set_schemas

    def close(self) -> None:
        self.session_search_path = None
        super().close()

    def rollback(self) -> None:
        self.session_search_path = None
        super().rollback()

    def savepoint_rollback(self, sid: str) -> None:
        try:
            super().savepoint_rollback(sid)
        finally:
            self.session_search_path = None

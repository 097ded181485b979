"""A connection keeps the catalog of every schema it has visited in its backend's caches, about
0.4 MB a schema, until it closes (docs/scaling.md). Code that walks many schemas on one
connection (the rollup rebuild, a Celery worker taking one fan-out message per tenant, the
dispatch sweep) counts each schema it leaves here; after settings.SCHEMAS_PER_CONNECTION
different schemas the connection is closed, and the next query opens a fresh backend. The
search path is set again on the new connection (django-tenants forgets it on close)."""

import threading

from django.conf import settings
from django.db import connection

from .tenancy import current_schema

_walk = threading.local()


def schema_visited(schema: str | None = None) -> bool:
    """Count `schema` (by default the current one) as visited by this thread's connection, and
    close the connection once it has visited the limit. Inside a transaction the connection is
    kept (and the count goes on) until a call outside one. Returns whether it was closed."""
    raw = connection.connection
    if raw is None:  # closed already: the next backend starts from nothing
        _walk.raw, _walk.schemas = None, set()
        return False
    if getattr(_walk, "raw", None) is not raw:
        _walk.raw, _walk.schemas = raw, set()
    _walk.schemas.add(schema or current_schema())
    if len(_walk.schemas) < settings.SCHEMAS_PER_CONNECTION or connection.in_atomic_block:
        return False
    connection.close()
    _walk.raw, _walk.schemas = None, set()
    return True

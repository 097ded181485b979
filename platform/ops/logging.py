import logging

from django.db import connection

from .context import current_request_id


class ContextFilter(logging.Filter):
    """Adds the tenant schema and the request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.tenant = getattr(connection, "schema_name", "-")
        record.request_id = current_request_id() or "-"
        return True

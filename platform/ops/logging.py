import logging

from .context import current_request_id
from .tenancy import current_schema


class ContextFilter(logging.Filter):
    """Adds the tenant schema and the request id to every log record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.tenant = current_schema()
        record.request_id = current_request_id() or "-"
        return True

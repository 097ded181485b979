"""Small builders shared by tests."""

import base64
import datetime as dt

from tenants.deputies.models import Term
from tenants.deputies.selectors import term_current
from tenants.deputies.services import term_open

# A 1x1 PNG.
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_term() -> Term:
    return term_current() or term_open(
        number=18, starts_on=dt.date(2022, 1, 1), ends_on=dt.date(2026, 12, 31), actor=None
    )

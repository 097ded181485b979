"""Small builders shared by tests."""

import base64
import datetime as dt
import random

from congresses.models import Congress
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


def unused_township_code(county_code: str = "369801") -> str:
    """A division code under the test county that no congress holds: the fixed ones of the
    tests (101-199) and the ones other committed tests hold at the moment are skipped."""
    taken = set(
        Congress.objects.filter(division_code__startswith=county_code).values_list(
            "division_code", flat=True
        )
    )
    free = [f"{county_code}{n}" for n in range(200, 1000) if f"{county_code}{n}" not in taken]
    return random.choice(free)

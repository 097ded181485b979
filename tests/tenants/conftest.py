"""What the tests of the tenant modules share."""

from collections.abc import Iterator

import pytest
from django_tenants.utils import tenant_context

from congresses.models import Congress
from tests.conftest import World


@pytest.fixture
def town(world: World) -> Iterator[Congress]:
    """Town A, its schema active for the test (a module's own `town` may differ)."""
    with tenant_context(world.town_a):
        yield world.town_a

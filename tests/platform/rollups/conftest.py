"""Builders for the rollups' tests: staff of the city, and a rollup snapshot to compare."""

from typing import Any

import pytest

from accounts.models import User
from congresses.models import Congress
from rollups.models import Rollup
from tests.conftest import PASSWORD, World
from tests.factories import make_member


def make_staff(username: str, congress: Congress, roles: list[str] | None = None) -> User:
    return make_member(username, congress, roles or ["staff"], None, password=PASSWORD)


@pytest.fixture
def city_staff(world: World) -> User:
    return make_staff("city-staff", world.city)


def snapshot(congress: Congress) -> dict[tuple[int, str], dict[str, Any]]:
    """A tenant's figures by year and topic: what both paths must agree on."""
    return {(row.year, row.topic): row.figures for row in Rollup.objects.filter(congress=congress)}


def positions(congress: Congress) -> dict[tuple[int, str], int]:
    return {
        (row.year, row.topic): row.outbox_position
        for row in Rollup.objects.filter(congress=congress)
    }


def dashboard_with_tenants(client: Any, year: int) -> dict[str, Any]:
    """The dashboard's body, with every per-tenant row (its own endpoint, a page at a time)
    under "tenants"."""
    response = client.get(f"/api/v1/rollups/dashboard?year={year}")
    assert response.status_code == 200, response.content
    body: dict[str, Any] = response.json()
    body["tenants"] = []
    page = 1
    while True:
        found = client.get(
            f"/api/v1/rollups/dashboard/tenants?year={year}&page={page}&page_size=200"
        ).json()
        body["tenants"] += found["results"]
        if found["next"] is None:
            return body
        page += 1

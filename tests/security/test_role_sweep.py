"""Every endpoint refuses every role it does not allow, generated from the URL conf and each
view's permission declarations (`has_role(...)`): a role outside the declared set gets 403."""

import re

import pytest
from django.test import Client
from django.urls import get_resolver
from django_tenants.utils import tenant_context
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

from accounts.roles import Role
from tests.conftest import World, client_on
from tests.security.counts import report
from tests.security.helpers import METHODS, endpoints
from tests.security.roles import member


def _allowed_roles(view_class: type[APIView], method: str, path: str) -> frozenset[str] | None:
    """The roles the view declares for `method`, or None when it declares no role (public or
    any member)."""
    view = view_class()
    view.request = Request(getattr(APIRequestFactory(), method)(path))
    view.kwargs, view.format_kwarg = {}, None
    view.args = ()
    declared = [getattr(p, "allowed_roles", None) for p in view.get_permissions()]
    roles = [r for r in declared if r is not None]
    return frozenset().union(*roles) if roles else None


def sweep_cases() -> list[tuple[str, str, str]]:
    cases = []
    for pattern, view_class in endpoints(get_resolver().url_patterns):
        if not pattern.startswith("api/v1/"):
            continue
        path = "/" + re.sub(r"<(?:\w+:)?\w+>", "1", pattern)
        for method in METHODS:
            if not hasattr(view_class, method):
                continue
            allowed = _allowed_roles(view_class, method, path)
            if allowed is None:
                continue
            cases += [(method, path, role) for role in sorted(set(Role.values) - allowed)]
    return cases


@pytest.fixture
def clients(world: World) -> dict[str, Client]:
    with tenant_context(world.town_a):
        users = {role: member(world.town_a, role) for role in Role.values}
    return {role: client_on(world.town_a, user) for role, user in users.items()}


def test_every_endpoint_refuses_every_role_it_does_not_allow(
    clients: dict[str, Client],
) -> None:
    cases = sweep_cases()

    answers = [
        (
            method,
            path,
            role,
            getattr(clients[role], method)(path, {}, content_type="application/json"),
        )
        for method, path, role in cases
    ]

    wrong = [(m, p, r, a.status_code) for m, p, r, a in answers if a.status_code != 403]
    report("role sweep", f"{len(cases)} endpoint x role refusals checked")
    assert len(cases) > 300
    assert wrong == []

"""Tenant isolation, generated from the URL conf: every endpoint that takes an object's id, with
an object of that kind made in its home tenant, is called with the home tenant's credentials (a
session cookie, an API token, a hand-off code) presented on every other host (the sibling
township, the parent county, the city, the platform host), and with another tenant's credentials
on the home host. Each answer is 401, 403 or 404 and never shows the object; an endpoint open to
anyone may answer, but never with the home tenant's object. The same credentials on the home host
reach the object, so the refusals are the host's doing."""

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from django.test import Client
from django.urls import get_resolver
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

from accounts.models import User
from accounts.roles import SEPARATED_ADMIN_ROLES, Role
from accounts.services import api_token_create, handoff_create
from congresses.models import Congress
from tests.conftest import World, client_on, host_of
from tests.security.counts import report
from tests.security.helpers import METHODS, close_page, endpoints
from tests.security.objects import MAKERS, WITHOUT_OBJECT, Made
from tests.security.roles import member

REFUSED = {401, 403, 404}
CREDENTIALS = ("session", "token", "handoff")
ROLES = [r for r in Role.values if r not in SEPARATED_ADMIN_ROLES] + [Role.SYSTEM_ADMIN]
HOSTS_BUT_HOME = 4  # the three other tenants of the tree and the platform's host


@dataclass(frozen=True)
class Endpoint:
    pattern: str
    view: type[APIView]

    @property
    def kind(self) -> str:
        return self.pattern.split("<", 1)[0]

    @property
    def methods(self) -> list[str]:
        return [m for m in METHODS if hasattr(self.view, m)]

    @property
    def public(self) -> bool:
        return all(p is AllowAny for p in self.view.permission_classes)

    def path(self, key: int | str) -> str:
        first, *_rest = re.findall(r"<(?:\w+:)?\w+>", self.pattern)
        path = self.pattern.replace(first, str(key), 1)
        return "/" + re.sub(r"<(?:\w+:)?\w+>", "2027", path)


def endpoints_by_kind() -> dict[str, list[Endpoint]]:
    kinds: dict[str, list[Endpoint]] = {}
    for pattern, view in endpoints(get_resolver().url_patterns):
        if pattern.startswith("api/v1/") and "<" in pattern:
            endpoint = Endpoint(pattern, view)
            kinds.setdefault(endpoint.kind, []).append(endpoint)
    return kinds


KINDS = endpoints_by_kind()
TOTAL = {"cases": 0, "requests": 0, "kinds": 0}


def _others(world: World, home: Congress) -> list[Congress | None]:
    """Every host but the home one: the other tenants of the tree and the platform's host."""
    tenants = [world.town_a, world.town_b, world.county, world.city]
    return [c for c in tenants if c.pk != home.pk] + [None]


def _stranger_tenant(world: World, home: Congress) -> Congress:
    """Whose credentials are tried on the home host: the sibling, or the tenant below."""
    return {world.town_a.pk: world.town_b, world.city.pk: world.county}.get(home.pk, world.town_a)


SESSIONS: dict[int, str] = {}  # user -> session cookie, one login per user and test


def _credential(kind: str, user: User, holder: Congress, host: Congress | None) -> Client:
    """`user`'s credential of `holder`, presented on `host`'s name."""
    if kind == "session":
        if user.pk not in SESSIONS:
            SESSIONS[user.pk] = client_on(holder, user).cookies["sessionid"].value
        client = Client(HTTP_HOST=host_of(host))
        client.cookies["sessionid"] = SESSIONS[user.pk]
        return client
    if kind == "token":
        _token, raw = api_token_create(user=user, congress=holder, name="isolation")
        return Client(HTTP_HOST=host_of(host), HTTP_AUTHORIZATION=f"Bearer {raw}")
    code = handoff_create(user=user, congress=holder)
    client = Client(HTTP_HOST=host_of(host))
    redeemed = client.post("/api/v1/auth/handoff", {"code": code}, content_type="application/json")
    at_home = host is not None and host.pk == holder.pk
    expected = {200} if at_home else {400, 403, 404, 409}
    assert redeemed.status_code in expected, (
        f"hand-off code of {holder.slug} on {host_of(host)}: {redeemed.status_code}"
    )
    return client


def _body(response: Any) -> str:
    if getattr(response, "streaming", False):
        close_page(response)
        return ""
    return response.content.decode(errors="replace")


def _call(client: Client, method: str, path: str) -> Any:
    if method == "get":
        return client.get(path)
    return getattr(client, method)(path, {}, content_type="application/json")


@pytest.fixture
def everyone(world: World) -> Iterator[Callable[[Congress], User]]:
    """A member of a tenant holding every role there but two of the three separated
    administrators' (no account may hold two of them): the most its credentials could reach."""
    made: dict[int, User] = {}
    SESSIONS.clear()

    def of(congress: Congress) -> User:
        if congress.pk not in made:
            made[congress.pk] = member(congress, *ROLES)
        return made[congress.pk]

    yield of


def test_every_kind_of_object_taken_by_id_has_a_maker() -> None:
    missing = sorted(set(KINDS) - set(MAKERS) - set(WITHOUT_OBJECT))
    assert missing == [], f"add a maker in tests/security/objects.py for {missing}"
    assert len(KINDS) >= 30


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_an_object_is_reached_only_on_its_own_host_with_its_own_credentials(
    kind: str, world: World, everyone: Callable[[Congress], User]
) -> None:
    endpoints = KINDS[kind]
    if kind in MAKERS:
        made = MAKERS[kind](world, everyone)
    else:
        made = Made(999_999 if "<int" in endpoints[0].pattern else "NOSUCHCODE", world.town_a)
    home = made.home
    owner = everyone(home)
    stranger = _stranger_tenant(world, home)
    trials = [(c, owner, home, host) for c in CREDENTIALS for host in _others(world, home)]
    trials += [(c, everyone(stranger), stranger, home) for c in CREDENTIALS]

    leaks = []
    for credential, user, holder, host in trials:
        client = _credential(credential, user, holder, host)
        for endpoint in endpoints:
            for method in endpoint.methods:
                path = endpoint.path(made.pk)
                response = _call(client, method, path)
                body = _body(response)
                TOTAL["requests"] += 1
                # What is open to anyone is open on its own host, whoever calls.
                at_home = host is not None and host.pk == home.pk
                shown = made.marker is not None and made.marker in body
                shown = shown and not (endpoint.public and at_home)
                refused = response.status_code in REFUSED or (
                    endpoint.public and response.status_code < 500
                )
                if shown or not refused:
                    leaks.append(
                        f"{credential} of {holder.slug} on {host_of(host)}: "
                        f"{method.upper()} {path} -> {response.status_code}"
                        + (" with the object's data" if shown else "")
                    )
        TOTAL["cases"] += 1
    TOTAL["kinds"] += 1

    # The same credentials at home reach the object (where a GET of it exists and needs a login).
    gets = [e for e in endpoints if "get" in e.methods and not e.public]
    reached = []
    if kind in MAKERS and gets:
        for credential in CREDENTIALS:
            client = _credential(credential, owner, home, home)
            answers = [_call(client, "get", e.path(made.pk)) for e in gets]
            for answer in answers:
                _body(answer)
            reached.append(any(a.status_code == 200 for a in answers))
        assert all(reached), f"{kind}: its own credentials at home did not reach it: {reached}"

    assert leaks == []


def test_isolation_sweeps_enough_cases() -> None:
    assert len(KINDS) * len(CREDENTIALS) * (HOSTS_BUT_HOME + 1) >= 60


@pytest.fixture(scope="module", autouse=True)
def _case_count() -> Iterator[None]:
    """After the module's last sweep, in whatever order they ran: the count for the summary,
    checked against the whole product once every kind has been swept (not on a `-k` subset)."""
    yield
    report(
        "isolation",
        f"{TOTAL['cases']} kind x credential x host cases over {TOTAL['kinds']} kinds of object, "
        f"{sum(len(e) for e in KINDS.values())} endpoints, {TOTAL['requests']} requests",
    )
    if TOTAL["kinds"] == len(KINDS):
        assert TOTAL["cases"] == len(KINDS) * len(CREDENTIALS) * (HOSTS_BUT_HOME + 1)

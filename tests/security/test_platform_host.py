"""The platform host (no tenant): every tenant-only endpoint answers a clean 404 JSON, and the
platform operator's own endpoints answer without error (findings: 500s without login on
public/voting/call, accounts/<year>, opinions/<code>, stations/<id> and /auth/handoff; 7 of the
operator's endpoints erred on the platform host). Walks every URL pattern of the API."""

import re
from collections.abc import Iterator, Sequence

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.conftest import World, client_on

METHODS = ("get", "post", "put", "delete")


def _routes(patterns: Sequence[URLPattern | URLResolver], prefix: str = "") -> Iterator[str]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        elif not str(entry.pattern).startswith("^"):
            yield prefix + str(entry.pattern)


def routes() -> list[str]:
    found = [r for r in _routes(get_resolver().url_patterns) if r.startswith(("api/v1/", "auth/"))]
    return sorted({re.sub(r"<(?:int:)?\w+>", "1", re.sub(r"<str:\w+>", "X1", r)) for r in found})


def _sweep(client: Client, swept: list[str]) -> list[tuple[str, int, str]]:
    answers: list[tuple[str, int, str]] = []
    for route in swept:
        for method in METHODS:
            # Each call in a savepoint rolled back after it: a failing query cannot poison the
            # next, and nothing a call writes is left behind.
            savepoint = transaction.savepoint()
            response = getattr(client, method)(f"/{route}", {}, content_type="application/json")
            transaction.set_rollback(False)  # a failed call may have marked it; undo it here
            transaction.savepoint_rollback(savepoint)
            kind = response.get("Content-Type", "")
            answers.append((f"{method.upper()} /{route}", response.status_code, kind))
    return answers


def _platform_routes() -> set[str]:
    from config import urls_public

    return {r for r in _routes(urls_public.urlpatterns) if r.startswith("api/v1/")}


@pytest.mark.parametrize("as_operator", [False, True])
def test_the_platform_host_answers_tenant_only_endpoints_with_a_json_404(
    world: World, as_operator: bool
) -> None:
    client = client_on(None, world.operator if as_operator else None)
    client.raise_request_exception = False
    platform = {re.sub(r"<(?:int:)?\w+>", "1", r) for r in _platform_routes()}
    swept = [r for r in routes() if not (as_operator and r == "api/v1/auth/logout")]

    answers = _sweep(client, swept)

    errors = [(call, code) for call, code, _kind in answers if code >= 500]
    not_404 = [
        (call, code, kind)
        for call, code, kind in answers
        if call.split(" /")[1] not in platform and (code != 404 or kind != "application/json")
    ]
    print(f"{len(answers)} calls on the platform host, {len(platform)} platform routes")
    assert errors == [] and not_404 == []

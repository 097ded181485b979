"""Walking many schemas on one connection: the connection is closed after a bounded number of
schemas, the walk's result is the same, and every query still runs in the schema it meant."""

import math
from collections import defaultdict
from collections.abc import Callable, Iterator
from io import StringIO
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings

from congresses.models import Congress
from ops.schemawalk import schema_visited
from rollups.models import Rollup
from rollups.services import active_tenants, rollup_rebuild_everywhere

Backends = dict[int, set[str]]


@pytest.fixture
def committed(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Outside the test's transaction: a connection is never closed inside one."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            connection.close()


def _backends_seen(work: Callable[[], Any]) -> tuple[Any, Backends]:
    """Run `work`, noting for each query the server process that ran it and the schema the
    connection was in."""
    seen: Backends = defaultdict(set)

    def note(execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any) -> Any:
        wrapper = context["connection"]
        seen[wrapper.connection.info.backend_pid].add(wrapper.schema_name)
        return execute(sql, params, many, context)

    connection.close()
    with connection.execute_wrapper(note):
        result = work()
    return result, seen


def _verify_all() -> str:
    out = StringIO()
    try:
        call_command("audit_verify", all=True, stdout=out, stderr=out)
    except CommandError as error:
        out.write(str(error))
    return out.getvalue()


def test_a_walk_closes_its_connection_every_n_schemas_and_reports_the_same(
    committed: None,
) -> None:
    tenants = Congress.objects.exclude(schema_name="public").count()
    assert tenants >= 4

    with override_settings(SCHEMAS_PER_CONNECTION=10_000):
        unbounded, one_backend = _backends_seen(_verify_all)
    with override_settings(SCHEMAS_PER_CONNECTION=2):
        bounded, backends = _backends_seen(_verify_all)

    assert len(one_backend) == 1
    assert bounded == unbounded
    # public and every tenant, two different schemas per server process at most
    assert len(backends) >= math.ceil((tenants + 1) / 2)
    assert all(len(schemas - {"public"}) <= 2 for schemas in backends.values())


def test_the_rollup_rebuild_recycles_its_connection_and_computes_the_same_rows(
    committed: None,
) -> None:
    before = set(Rollup.objects.values_list("pk", flat=True))
    tenants = len(active_tenants())
    try:
        with override_settings(SCHEMAS_PER_CONNECTION=10_000):
            rollup_rebuild_everywhere()
        unbounded = sorted(Rollup.objects.values_list("congress_id", "year", "topic", "figures"))

        with override_settings(SCHEMAS_PER_CONNECTION=3):
            rebuilt, backends = _backends_seen(rollup_rebuild_everywhere)

        assert rebuilt == tenants
        assert len(backends) >= math.ceil(tenants / 3)
        assert all(len(schemas - {"public"}) <= 3 for schemas in backends.values())
        assert (
            sorted(Rollup.objects.values_list("congress_id", "year", "topic", "figures"))
            == unbounded
        )
    finally:
        Rollup.objects.exclude(pk__in=before).delete()


def test_inside_a_transaction_the_connection_is_kept(world: Any) -> None:
    with override_settings(SCHEMAS_PER_CONNECTION=1):
        closed = schema_visited(world.town_a.schema_name)

    assert not closed
    assert connection.connection is not None

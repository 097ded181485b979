"""The pool of pre-built tenant schemas: claims by rename, concurrency, fallback, stale ones."""

import threading
import uuid
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import pytest
from django.db import connection, transaction
from django.db.models import Q
from django_tenants.utils import schema_exists

from accounts.models import Membership, User
from congresses.models import Congress, PooledSchema, SchemaMigrationState
from congresses.pool import pool_claim, pool_counts, pool_drain, pool_fill
from congresses.schemas import schema_template_current
from congresses.services import CongressSpec, congress_provision
from crossing.models import Dispatch
from directory.models import DeputyListing
from ops.errors import DomainError
from tests.conftest import World
from tests.factories import unused_township_code


def _drop(*names: str) -> None:
    with connection.cursor() as cursor:
        for name in names:
            cursor.execute(f'DROP SCHEMA IF EXISTS "{name}" CASCADE')
    SchemaMigrationState.objects.filter(schema_name__in=names).delete()


@pytest.fixture
def committed(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """Work that really commits (a pool is filled outside any transaction); the pool is
    drained afterwards."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            connection.close()
            pool_drain()


def _pooled_names() -> set[str]:
    return set(PooledSchema.objects.values_list("schema_name", flat=True))


def test_concurrent_claims_never_hand_out_the_same_schema(committed: None) -> None:
    # Given: three pooled schemas and five provisionings at once, each holding its
    # transaction open until all have claimed.
    template = schema_template_current()
    assert pool_fill(size=3) == 3
    pooled = _pooled_names()
    targets = [f"claim_{uuid.uuid4().hex[:8]}" for _ in range(5)]
    barrier = threading.Barrier(len(targets), timeout=30)
    claimed: dict[str, bool] = {}
    errors: list[BaseException] = []

    def claim(target: str) -> None:
        try:
            with transaction.atomic():
                claimed[target] = pool_claim(target, template)
                barrier.wait()
        except BaseException as error:  # reported by the test below
            errors.append(error)
        finally:
            connection.close()

    # When
    threads = [threading.Thread(target=claim, args=(target,)) for target in targets]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)

        # Then: three got a schema each, two found none (no one waited on another's lock).
        assert errors == []
        winners = [target for target, got in claimed.items() if got]
        assert len(winners) == 3
        assert all(schema_exists(target) for target in winners)
        assert not any(schema_exists(name) for name in pooled)
        assert not any(schema_exists(t) for t, got in claimed.items() if not got)
        assert pool_counts() == {"ready": 0, "stale": 0}
    finally:
        _drop(*targets)


def test_provisioning_takes_a_pooled_schema_and_a_refusal_puts_it_back(committed: None) -> None:
    world: World = pytest.world  # type: ignore[attr-defined]
    assert pool_fill(size=1) == 1
    (pooled,) = _pooled_names()
    # A first administrator who audits another congress cannot be its system administrator
    # (三员分立): refused after the schema was claimed inside the transaction.
    auditor = User.objects.create(username=f"auditor-{uuid.uuid4().hex[:6]}")
    Membership.objects.create(user=auditor, congress=world.town_a, roles=["audit_admin"])
    spec = CongressSpec(
        name="池测试镇人大主席团",
        slug=f"pool-{uuid.uuid4().hex[:6]}",
        level="township",
        division_code=unused_township_code(),
        parent_id=world.county.pk,
    )
    try:
        with pytest.raises(DomainError):
            congress_provision(
                spec=replace(spec, admin_username=auditor.username),
                requested_by=world.operator,
                acting_in=None,
            )
        assert _pooled_names() == {pooled}
        assert schema_exists(pooled)
        assert not schema_exists(spec.schema_name)

        town = congress_provision(spec=spec, requested_by=world.operator, acting_in=None)

        assert schema_exists(town.schema_name)
        assert not schema_exists(pooled)
        assert _pooled_names() == set()
        assert SchemaMigrationState.objects.filter(schema_name=town.schema_name).exists()
    finally:
        made = Congress.objects.filter(slug=spec.slug).first()
        if made is not None:
            DeputyListing.objects.filter(congress=made).delete()
            Dispatch.objects.filter(Q(origin=made) | Q(target=made)).delete()
            made.domains.all().delete()
            made.delete()
        _drop(spec.schema_name)
        Membership.objects.filter(user=auditor).delete()
        auditor.delete()


def test_provisioning_replays_the_template_when_the_pool_is_empty(world: World) -> None:
    assert pool_counts() == {"ready": 0, "stale": 0}
    spec = CongressSpec(
        name="空池镇人大主席团",
        slug="pool-empty",
        level="township",
        division_code=unused_township_code(),
        parent_id=world.county.pk,
    )

    town = congress_provision(spec=spec, requested_by=world.operator, acting_in=None)

    assert schema_exists(town.schema_name)
    assert SchemaMigrationState.objects.filter(schema_name=town.schema_name).exists()


def test_pooled_schemas_of_an_older_template_are_never_claimed_and_are_dropped(
    committed: None,
) -> None:
    # Given: two pooled schemas built from a template whose fingerprint is no longer current.
    template = schema_template_current()
    assert pool_fill(size=2) == 2
    old = _pooled_names()
    PooledSchema.objects.update(fingerprint="0" * 64)
    assert pool_counts() == {"ready": 0, "stale": 2}
    target = f"claim_{uuid.uuid4().hex[:8]}"
    try:
        # When a congress is provisioned, it does not get one.
        with transaction.atomic():
            assert not pool_claim(target, template)
        assert not schema_exists(target)

        # When the pool is refilled, they are dropped and current ones built.
        assert pool_fill(size=1) == 1

        assert not any(schema_exists(name) for name in old)
        assert pool_counts() == {"ready": 1, "stale": 0}
        assert not old & _pooled_names()
    finally:
        _drop(target)

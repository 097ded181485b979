"""The fleet migration path against stock migrate_schemas, on schemas that really commit."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection, migrations, models
from django.db.migrations.migration import Migration

from congresses import fleet
from congresses.introspection import schema_signature
from congresses.models import Congress, SchemaMigrationState
from tests.conftest import committed_test_townships


@pytest.fixture
def committed_towns(django_db_setup: None, django_db_blocker: Any) -> Iterator[list[Congress]]:
    """Three townships whose schemas really commit (the fleet path forks workers), dropped after."""
    with committed_test_townships(3, name="迁移测试", blocker=django_db_blocker) as towns:
        yield towns


def _stock(schema: str, *target: str) -> None:
    call_command("migrate_schemas", *target, schema_name=schema, interactive=False, verbosity=0)


def _applied(schema: str) -> set[tuple[str, str]]:
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations')
        return {(app, name) for app, name in cursor.fetchall()}


def test_a_provisioned_schema_is_recorded_current(committed_towns: list[Congress]) -> None:
    target = fleet.applied_fingerprint(fleet.target_keys())

    behind = fleet.schemas_behind(target)

    assert not {town.schema_name for town in committed_towns} & set(behind)


def test_fleet_path_leaves_schemas_as_stock_migrate_does(committed_towns: list[Congress]) -> None:
    # Given: three schemas put behind (the audit trigger and its owner role) by the stock
    # command, and one of them brought forward again by the stock command.
    behind_a, behind_b, by_stock = (town.schema_name for town in committed_towns)
    for schema in (behind_a, behind_b, by_stock):
        _stock(schema, "audit", "0001")
    assert ("audit", "0002_append_only") not in _applied(behind_a)
    _stock(by_stock)
    target = fleet.applied_fingerprint(fleet.target_keys())
    assert set(fleet.schemas_behind(target)) == {behind_a, behind_b}

    # When: one is brought forward by the stock executor, as a plan holding Python would be,
    # and the fleet path takes the rest.
    plan = [("audit", "0002_append_only"), ("audit", "0003_owner_role")]
    by_executor = fleet._bring_forward(behind_b, plan, None)
    result = fleet.fleet_migrate(jobs=2)

    # Then: the executor's schema and the replayed one hold what the stock command left; the
    # stock-migrated one was not visited.
    assert by_executor.path == "migrated"
    assert [(o.schema, o.path) for o in result.outcomes] == [(behind_a, "replayed")]
    assert _applied(behind_a) == _applied(behind_b) == _applied(by_stock)
    assert schema_signature(behind_a) == schema_signature(by_stock)
    assert schema_signature(behind_b) == schema_signature(by_stock)
    assert fleet.schemas_behind(target) == []
    assert fleet.fleet_migrate(jobs=2).behind == 0


def test_a_schema_migrated_before_the_squash_is_current(committed_towns: list[Congress]) -> None:
    # Given: a schema that holds the old migrations only (as one migrated before they were
    # squashed), its recorded fingerprint of those old names.
    schema = committed_towns[0].schema_name
    labels = fleet.tenant_app_labels()
    squashed = {key for key in fleet.squashes() if key[0] in labels}
    assert squashed  # the tenant apps' migrations are squashed
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM \"{schema}\".django_migrations WHERE app || '.' || name = ANY(%s)",
            [[f"{app}.{name}" for app, name in squashed]],
        )
    old = {key for key in _applied(schema) if key[0] in labels}
    assert not old & squashed
    SchemaMigrationState.objects.filter(schema_name=schema).update(
        fingerprint=fleet.applied_fingerprint(old)
    )
    target = fleet.applied_fingerprint(fleet.target_keys())
    assert fleet.schemas_behind(target) == [schema]

    # When
    result = fleet.fleet_migrate(jobs=1)

    # Then: nothing is applied; the squashes' rows are written beside the old ones, as stock
    # migrate writes them, and the schema is current.
    assert [(o.schema, o.path) for o in result.outcomes] == [(schema, "recorded")]
    assert {key for key in _applied(schema) if key[0] in labels} == old | squashed
    assert fleet.schemas_behind(target) == []
    call_command("migrate_schemas", schema_name=schema, interactive=False, verbosity=0)
    assert {key for key in _applied(schema) if key[0] in labels} == old | squashed


def test_the_loader_reads_a_squash_as_applied_only_when_all_it_replaces_is() -> None:
    squash, replaced = next(
        (key, names) for key, names in fleet.squashes().items() if len(names) > 1
    )
    other = ("audit", "0001_initial")

    assert fleet.as_loaded([*replaced, other]) == {squash, other}
    assert fleet.as_loaded([*replaced, squash]) == {squash}
    assert fleet.as_loaded([*list(replaced)[1:], other]) == {other}
    assert fleet.as_loaded([squash, *list(replaced)[1:]]) == set()
    assert fleet.as_loaded(fleet.as_loaded([*replaced, other])) == {squash, other}
    assert fleet.partly_squashed([*list(replaced)[1:], other]) == [squash]
    assert fleet.partly_squashed([*replaced, squash]) == []
    assert set(fleet._rows([squash, other])) == {squash, *replaced, other}


def test_a_schema_with_part_of_a_squashed_app_is_reported_not_migrated(
    committed_towns: list[Congress],
) -> None:
    # Given: a schema that had applied only part of the deputies' old migrations.
    schema = committed_towns[0].schema_name
    squash, replaced = next(
        (key, names) for key, names in fleet.squashes().items() if key[0] == "deputies"
    )
    dropped = [squash, max(replaced)]
    with connection.cursor() as cursor:
        cursor.execute(
            f"DELETE FROM \"{schema}\".django_migrations WHERE app || '.' || name = ANY(%s)",
            [[f"{app}.{name}" for app, name in dropped]],
        )
    SchemaMigrationState.objects.filter(schema_name=schema).delete()
    before = _applied(schema)

    # When
    result = fleet.fleet_migrate(jobs=1)

    # Then: it fails with the squash named, and nothing is written to it.
    [outcome] = result.outcomes
    assert (outcome.schema, outcome.path) == (schema, "failed")
    assert f"{squash[0]}.{squash[1]}" in outcome.error
    assert _applied(schema) == before


def test_fleet_and_stock_migrate_leave_every_schema_with_the_same_migrations(
    committed_towns: list[Congress],
) -> None:
    # Given: one new migration pending on two of three schemas (as after a deploy that adds one;
    # SQL only, so the fast path replays it), the rest of the fleet current.
    behind = [town.schema_name for town in committed_towns[:2]]
    for schema in behind:
        _stock(schema, "audit", "0002_append_only")
        assert ("audit", "0003_owner_role") not in _applied(schema)
    fleet_schemas = list(
        Congress.objects.exclude(schema_name="public").values_list("schema_name", flat=True)
    )

    # When: the fleet path brings them forward.
    result = fleet.fleet_migrate(jobs=2)
    by_fleet = {schema: _applied(schema) for schema in fleet_schemas}

    # Then: only the two behind were visited, each with the one migration; every schema holds
    # the same migrations; and stock migrate_schemas over the whole fleet finds nothing to add.
    assert sorted((o.schema, o.path, tuple(o.applied)) for o in result.outcomes) == [
        (schema, "replayed", ("audit.0003_owner_role",)) for schema in sorted(behind)
    ]
    assert len({frozenset(applied) for applied in by_fleet.values()}) == 1
    call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    assert {schema: _applied(schema) for schema in fleet_schemas} == by_fleet


def test_an_unrecorded_current_schema_is_checked_and_recorded(
    committed_towns: list[Congress],
) -> None:
    schema = committed_towns[0].schema_name
    SchemaMigrationState.objects.filter(schema_name=schema).delete()

    result = fleet.fleet_migrate(jobs=1)

    assert [(o.schema, o.path) for o in result.outcomes] == [(schema, "recorded")]
    assert SchemaMigrationState.objects.get(schema_name=schema).fingerprint == result.target


def _migration(*ops: Any, atomic: bool = True) -> Migration:
    example = type("Example", (Migration,), {"operations": list(ops), "atomic": atomic})
    return example("0099_example", "deputies")


def test_only_plans_that_reduce_to_sql_in_one_transaction_are_replayed() -> None:
    add = migrations.AddField("deputy", "note", models.TextField(default=""))

    assert fleet.replayable([_migration(add)])
    assert not fleet.replayable([_migration(add), _migration(migrations.RunPython(print))])
    assert not fleet.replayable([_migration(add, atomic=False)])


def test_the_applied_fingerprint_ignores_order_and_repeats() -> None:
    keys = [("voting", "0001_initial"), ("deputies", "0001_initial")]

    assert fleet.applied_fingerprint(keys) == fleet.applied_fingerprint([*reversed(keys), keys[0]])
    assert fleet.applied_fingerprint(keys) != fleet.applied_fingerprint(keys[:1])

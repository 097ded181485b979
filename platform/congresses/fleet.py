"""Migrating every tenant schema: skip the current ones in one query, replay the rest's pending
migrations as SQL collected once per group, in bounded parallel workers (docs/fleet-migrations.md).

Runs in the public schema, outside any transaction: each schema commits on its own.
"""

import hashlib
import json
import multiprocessing
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal, cast

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.migration import Migration
from django_tenants.utils import quote_schema_name

from ops.tenancy import use_public_schema

Key = tuple[str, str]
Path_ = Literal["recorded", "replayed", "migrated", "failed"]


@cache
def tenant_app_labels() -> frozenset[str]:
    return frozenset(
        apps.get_app_config(name.rsplit(".", 1)[-1]).label for name in settings.TENANT_APPS
    )


def applied_fingerprint(keys: Iterable[Key]) -> str:
    """The same set of applied migrations gives the same fingerprint, in any order."""
    lines = sorted(f"{app}.{name}" for app, name in set(keys))
    return hashlib.sha256("\n".join(lines).encode()).hexdigest()


def target_keys() -> frozenset[Key]:
    """Every tenant migration on disk: what a current schema has applied."""
    labels = tenant_app_labels()
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return frozenset(key for key in loader.graph.nodes if key[0] in labels)


@cache
def squashes() -> dict[Key, frozenset[Key]]:
    """Each squashed migration on disk and the migrations it replaces."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {key: frozenset(migration.replaces) for key, migration in loader.replacements.items()}


def as_loaded(keys: Iterable[Key]) -> frozenset[Key]:
    """Applied migrations as the migration loader reads them: a squash counts as applied once
    every migration it replaces is, and the replaced names no longer count. A schema migrated
    before a squash and one built after it then hold the same set. Reading a set twice gives the
    same set: the squash alone stands for what it replaced."""
    applied = set(keys)
    for squash, replaced in squashes().items():
        if replaced <= applied:
            applied.add(squash)
        elif replaced & applied:
            applied.discard(squash)  # as the loader: part of what it replaces is not the squash
        applied -= replaced
    return frozenset(applied)


def partly_squashed(keys: Iterable[Key]) -> list[Key]:
    """The squashes of which some, not all, replaced migrations are applied: a schema that the
    loader cannot bring forward (the replaced files are gone; docs/fleet-migrations.md)."""
    applied = set(keys)
    return sorted(
        s for s, replaced in squashes().items() if 0 < len(replaced & applied) < len(replaced)
    )


def _rows(plan: Iterable[Key]) -> list[Key]:
    """What applying `plan` records: each migration and, for a squash, the ones it replaces
    (as `MigrationExecutor.record_migration` writes them)."""
    found = squashes()
    return [row for key in plan for row in (key, *sorted(found.get(key, ())))]


def state_record(*, schema: str, keys: Iterable[Key]) -> None:
    """Upsert the schema's fingerprint; call in the transaction that made the schema so."""
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO public.congresses_schemamigrationstate (schema_name, fingerprint, "
            "updated_at) VALUES (%s, %s, now()) ON CONFLICT (schema_name) DO UPDATE "
            "SET fingerprint = EXCLUDED.fingerprint, updated_at = now()",
            [
                schema,
                applied_fingerprint(k for k in as_loaded(keys) if k[0] in tenant_app_labels()),
            ],
        )


def state_record_from_schema(schema: str) -> None:
    """Record what a congress's schema holds, read from its own django_migrations."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM public.congresses_congress WHERE schema_name = %s", [schema])
        if cursor.fetchone() is None:
            return  # the public schema, a scratch template, a schema being built
    state_record(schema=schema, keys=_applied_in(schema))


def schemas_behind(target: str) -> list[str]:
    """Every tenant schema whose recorded fingerprint is not `target`, in one query."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.schema_name FROM public.congresses_congress c "
            "LEFT JOIN public.congresses_schemamigrationstate s ON s.schema_name = c.schema_name "
            "WHERE c.schema_name <> 'public' AND s.fingerprint IS DISTINCT FROM %s "
            "ORDER BY c.schema_name",
            [target],
        )
        return [row[0] for row in cursor.fetchall()]


def _recorded_in(schema: str) -> frozenset[Key]:
    labels = tenant_app_labels()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {quote_schema_name(schema)}.django_migrations")  # noqa: S608 - quoted schema name
        return frozenset((app, name) for app, name in cursor.fetchall() if app in labels)


def _applied_in(schema: str) -> frozenset[Key]:
    return as_loaded(_recorded_in(schema))


def _record_squashes(schema: str) -> None:
    """Write the row of each squash the schema has applied under its old names, as stock
    migrate does (`MigrationExecutor.check_replacements`)."""
    recorded = _recorded_in(schema)
    missing = sorted(as_loaded(recorded) - recorded)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {quote_schema_name(schema)}.django_migrations (app, name, applied) "  # noqa: S608 - quoted schema name
            "VALUES (%s, %s, now())",
            missing,
        )


def replayable(migrations: Iterable[Migration]) -> bool:
    """A plan can be collected once and replayed as SQL only when every operation reduces to SQL
    and every migration runs in one transaction."""
    return all(
        migration.atomic and all(op.reduces_to_sql for op in migration.operations)
        for migration in migrations
    )


@dataclass
class Group:
    """Schemas that hold the same migrations, and what bringing them forward takes."""

    applied: frozenset[Key]
    schemas: list[str]
    plan: list[Key] = field(default_factory=list)
    statements: list[str] | None = None  # None: not replayable, use the stock executor


def _plan_for(schema: str) -> tuple[list[Key], list[str] | None]:
    cast(Any, connection).set_schema(schema)
    try:
        executor = MigrationExecutor(connection)
        labels = tenant_app_labels()
        targets = [key for key in executor.loader.graph.leaf_nodes() if key[0] in labels]
        plan = executor.migration_plan(targets)
        migrations = [migration for migration, _backwards in plan]
        keys = [(m.app_label, m.name) for m in migrations]
        if not replayable(migrations):
            return keys, None
        # The loader's own collect_sql starts from the state before the plan's first node, which
        # lacks other apps' applied migrations; start, as migrate does, from all that is applied.
        # A squash's replaced names stay recorded but are no nodes of the graph.
        graph = executor.loader.graph
        applied = [key for key in executor.loader.applied_migrations if key in graph.nodes]
        state = executor.loader.project_state(applied, at_end=True)
        statements: list[str] = []
        for migration in migrations:
            with connection.schema_editor(collect_sql=True, atomic=migration.atomic) as editor:
                state = migration.apply(state, editor, collect_sql=True)
            statements += editor.collected_sql
        return keys, statements
    finally:
        use_public_schema()


@dataclass(frozen=True)
class Outcome:
    schema: str
    path: Path_
    applied: list[str]
    error: str = ""


def _replay(schema: str, plan: list[Key], statements: list[str]) -> Outcome:
    quoted = quote_schema_name(schema)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL search_path TO {quoted}, public")
            for statement in statements:
                if statement.strip() and not statement.lstrip().startswith("--"):
                    cursor.execute(statement)
            cursor.executemany(
                f"INSERT INTO {quoted}.django_migrations (app, name, applied) "  # noqa: S608 - quoted schema name
                "VALUES (%s, %s, now())",
                _rows(plan),
            )
            _record_squashes(schema)
            state_record_from_schema(schema)
    except Exception as error:  # reported per schema; the run goes on
        return Outcome(schema, "failed", [], f"{type(error).__name__}: {error}")
    finally:
        connection.close()  # a worker's connection holds the catalog of each schema it visits
    return Outcome(schema, "replayed", [f"{a}.{n}" for a, n in plan])


def _migrate(schema: str, plan: list[Key]) -> Outcome:
    try:
        call_command(
            "migrate_schemas", tenant=True, schema_name=schema, interactive=False, verbosity=0
        )
        use_public_schema()
        with transaction.atomic():
            state_record_from_schema(schema)
    except Exception as error:  # reported per schema; the run goes on
        return Outcome(schema, "failed", [], f"{type(error).__name__}: {error}")
    finally:
        use_public_schema()
        connection.close()
    return Outcome(schema, "migrated", [f"{a}.{n}" for a, n in plan])


def _bring_forward(schema: str, plan: list[Key], statements: list[str] | None) -> Outcome:
    if statements is None:
        return _migrate(schema, plan)
    return _replay(schema, plan, statements)


@dataclass
class FleetReport:
    target: str
    behind: int = 0
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, path: Path_) -> int:
        return sum(1 for outcome in self.outcomes if outcome.path == path)


def fleet_migrate(
    *,
    jobs: int = 2,
    report: Path | None = None,
    progress: Callable[[str], None] = lambda line: None,
) -> FleetReport:
    """Bring every tenant schema to the migrations on disk. Public schema, no transaction."""
    if connection.in_atomic_block:
        raise RuntimeError("fleet_migrate commits per schema: call it outside a transaction")
    use_public_schema()
    target_set = target_keys()
    result = FleetReport(target=applied_fingerprint(target_set))
    behind = schemas_behind(result.target)
    result.behind = len(behind)

    groups: dict[frozenset[Key], Group] = {}
    for schema in behind:
        if partial := partly_squashed(_recorded_in(schema)):
            names = ", ".join(f"{app}.{name}" for app, name in partial)
            error = f"part of what {names} replaces is applied: migrate with the release before it"
            result.outcomes.append(Outcome(schema, "failed", [], error))
            continue
        applied = _applied_in(schema)
        groups.setdefault(applied, Group(applied=applied, schemas=[])).schemas.append(schema)

    work: list[tuple[str, list[Key], list[str] | None]] = []
    for group in groups.values():
        if group.applied == target_set:
            with transaction.atomic():
                for schema in group.schemas:
                    _record_squashes(schema)
                    state_record(schema=schema, keys=group.applied)
            result.outcomes += [Outcome(s, "recorded", []) for s in group.schemas]
            continue
        group.plan, group.statements = _plan_for(group.schemas[0])
        work += [(schema, group.plan, group.statements) for schema in group.schemas]

    by_path: dict[str, int] = defaultdict(int)
    done = len(result.outcomes)
    if work:
        connections.close_all()  # never hand an open connection to a forked worker
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
            futures = [pool.submit(_bring_forward, *item) for item in work]
            for future in as_completed(futures):
                outcome = future.result()
                result.outcomes.append(outcome)
                by_path[outcome.path] += 1
                done += 1
                progress(f"[{done}/{len(behind)}] {outcome.schema}: {outcome.path}")
    if report is not None:
        with report.open("a", encoding="utf-8") as out:
            for outcome in result.outcomes:
                out.write(json.dumps(asdict(outcome), ensure_ascii=False) + "\n")
    return result

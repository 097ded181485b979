"""Stock `migrate_schemas` against `migrate_fleet` on one fleet, side by side (figures for
docs/fleet-migrations.md).

    python tests/bench/bench_fleet.py [--tenants N [N ...]] [--rounds R] [--jobs J] [--out FILE]
        [--json FILE]

Cases, each timed for both paths in the same round (the order alternates round by round):

- nothing to apply: every schema current;
- one migration pending: `audit.0003_owner_role` (the audit table's owner role, SQL only) is
  unapplied in every schema first, by replaying its backwards SQL (cheap and identical per
  schema). It must be a leaf of the migration graph (no migration depends on it), or the history
  would be inconsistent.

Both paths run in this process through `call_command`, so Django's start-up is in neither. After
each path every schema is checked to hold every tenant migration.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. The run
owns every congress whose slug starts with `fleetbench-` and its schema: it removes them before it
starts and when it ends.
"""

import argparse
import os
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.migrations.executor import MigrationExecutor  # noqa: E402
from django_tenants.utils import quote_schema_name  # noqa: E402

from congresses import fleet, schemas  # noqa: E402
from congresses.models import Congress, Level, SchemaMigrationState  # noqa: E402
from ops.tenancy import use_public_schema  # noqa: E402
from tests.bench.published import publish  # noqa: E402

SLUG_PREFIX = "fleetbench-"
PENDING = ("audit", "0003_owner_role")
CASES = ("nothing to apply", "one migration pending")
PATHS = ("migrate_schemas", "migrate_fleet")


def cleanup() -> None:
    for congress in Congress.objects.filter(slug__startswith=SLUG_PREFIX):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE"
            )
        SchemaMigrationState.objects.filter(schema_name=congress.schema_name).delete()
        congress.domains.all().delete()
        Congress.objects.filter(pk=congress.pk).delete()


def grow_fleet(up_to: int) -> None:
    """Congress rows with template-built schemas (the rows are what migrate_schemas walks)."""
    template = schemas.schema_template_current()
    have = Congress.objects.filter(slug__startswith=SLUG_PREFIX).count()
    for number in range(have, up_to):
        slug = f"{SLUG_PREFIX}{number:04d}"
        with transaction.atomic():
            congress = Congress(
                name=f"基准迁移镇{number}",
                slug=slug,
                schema_name=slug.replace("-", "_"),
                level=Level.CITY,  # a congress with no parent: the fleet only needs rows
                division_code=f"98{number:07d}",
            )
            congress.save()
            schemas.schema_build_from_template(congress.schema_name, template)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def unapply_pending() -> None:
    """Put every tenant schema one migration behind, the way a deploy finds them."""
    all_schemas = list(
        Congress.objects.exclude(schema_name="public").values_list("schema_name", flat=True)
    )
    connection.set_schema(all_schemas[0])  # type: ignore[attr-defined]
    executor = MigrationExecutor(connection)
    if executor.loader.graph.node_map[PENDING].children:
        raise SystemExit(f"{PENDING} has dependents now: choose a leaf migration as PENDING")
    migration = executor.loader.graph.nodes[PENDING]
    backwards = cast(Any, executor.loader).collect_sql([(migration, True)])  # untyped in stubs
    use_public_schema()
    for schema in all_schemas:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL search_path TO {quote_schema_name(schema)}, public")
            for statement in backwards:
                if statement.strip() and not statement.lstrip().startswith("--"):
                    cursor.execute(statement)
            cursor.execute(
                f"DELETE FROM {quote_schema_name(schema)}.django_migrations "
                "WHERE app = %s AND name = %s",
                PENDING,
            )
            fleet.state_record_from_schema(schema)


def all_current() -> bool:
    target = fleet.target_keys()
    for schema in Congress.objects.exclude(schema_name="public").values_list(
        "schema_name", flat=True
    ):
        if not target <= fleet._applied_in(schema):
            return False
    return True


def run_stock() -> None:
    call_command("migrate_schemas", tenant=True, interactive=False, verbosity=0)
    use_public_schema()


def run_fleet(jobs: int) -> Callable[[], None]:
    def run() -> None:
        call_command("migrate_fleet", skip_shared=True, jobs=jobs, verbosity=0)

    return run


def timed(run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    elapsed = time.perf_counter() - started
    if not all_current():
        raise SystemExit("a path left a schema behind")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tenants", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    paths = {"migrate_schemas": run_stock, "migrate_fleet": run_fleet(args.jobs)}
    results: dict[int, dict[str, dict[str, list[float]]]] = {}
    cleanup()
    try:
        for size in sorted(args.tenants):
            grow_fleet(size)
            results[size] = {case: {path: [] for path in PATHS} for case in CASES}
            fleet.fleet_migrate(jobs=args.jobs)  # every schema recorded before timing starts
            for round_no in range(args.rounds):
                order = PATHS if round_no % 2 == 0 else PATHS[::-1]
                for path in order:
                    results[size]["nothing to apply"][path].append(timed(paths[path]))
                    unapply_pending()
                    results[size]["one migration pending"][path].append(timed(paths[path]))
                print(f"N={size} round {round_no + 1}: {results[size]}", flush=True)
    finally:
        cleanup()
    total = len(Congress.objects.exclude(schema_name="public"))
    lines = [
        f"Command: `{shlex.join(['python', 'tests/bench/bench_fleet.py', *sys.argv[1:]])}`",
        f"({args.rounds} rounds; tenant schemas besides the fleet: {total}; {os.cpu_count()} vCPU)",
        "",
        "| tenants | case | migrate_schemas median s (min-max) | migrate_fleet median s "
        "(min-max) | ratio |",
        "|---:|---|---:|---:|---:|",
    ]
    for size, cases in results.items():
        for case, timings in cases.items():
            stock, fast = timings["migrate_schemas"], timings["migrate_fleet"]
            lines.append(
                f"| {size} | {case} | {statistics.median(stock):.2f} ({min(stock):.2f}-"
                f"{max(stock):.2f}) | {statistics.median(fast):.2f} ({min(fast):.2f}-"
                f"{max(fast):.2f}) | {statistics.median(stock) / statistics.median(fast):.1f}x |"
            )
    figures = {"jobs": args.jobs, "other_tenants": total, "seconds": results}
    publish(args, "\n".join(lines) + "\n", figures)


if __name__ == "__main__":
    main()

"""Wall time to build one tenant schema, five ways, side by side (figures for docs/provisioning.md).

    python tests/bench/bench_provisioning.py [--rounds N] [--tenants-before K [K ...]] [--out FILE]
        [--json FILE]

Paths, interleaved round by round (the order rotates each round, so machine noise and position
in the round hit all paths alike):

- migrations: `schema_build_by_migrations`, every tenant migration replayed (the default);
- clone:      django-tenants' clone_schema from a migrated base schema, plus its django_migrations
              rows (`schema_build_by_clone`), in a transaction that commits;
- template:   `schema_build_from_template`, the DDL replay provisioning uses, in a transaction
              that commits;
- provision:  the whole `congress_provision` service for a township under a county (template
              lookup, congress row, domain, schema, first administrator and membership, audit),
              with the pool empty: the template is replayed in its transaction;
- pooled:     the same service with one schema waiting in the pool (filled just before, untimed):
              the schema is claimed by rename (congresses.pool).

For each catalog size K, filler tenant schemas are first added (by the template path) until K
exist, then the catalogs are analysed. Every schema built is compared with the migrated schema of
the same round (`schema_signature`).

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. The run
owns every schema named `bench_*` and every congress and user named `bench-*`: it removes them
before it starts and when it ends. The public audit entries of the congresses it provisions stay
(the audit chain is append-only).
"""

import argparse
import os
import platform
import shlex
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth.hashers import make_password  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django_tenants.utils import quote_schema_name  # noqa: E402

from accounts.models import User  # noqa: E402
from congresses import pool, schemas  # noqa: E402
from congresses.introspection import schema_signature  # noqa: E402
from congresses.models import Congress, Level, SchemaTemplate  # noqa: E402
from congresses.services import CongressSpec, congress_provision  # noqa: E402
from tests.bench.published import publish  # noqa: E402

PATHS = ("migrations", "clone", "template", "provision", "pooled")
SCHEMA_PREFIX, SLUG_PREFIX = "bench_", "bench-"
CITY_CODE, COUNTY_CODE = "990100", "990101"  # province 99 does not exist
Signature = dict[str, list[tuple[Any, ...]]]
Builder = Callable[[str], str]


@dataclass
class Setup:
    operator: User
    admin_password_hash: str
    template: SchemaTemplate
    base_schema: str
    county: Congress
    townships_built: int = 0


@dataclass
class IdentityCheck:
    identical_rounds: int = 0
    differing_rounds: int = 0
    first_differences: list[str] = field(default_factory=list)


@dataclass
class Results:
    template_build_ms: float
    tenant_schema: dict[str, int]
    timings_ms: dict[int, dict[str, list[float]]] = field(default_factory=dict)
    pg_class_rows: dict[int, int] = field(default_factory=dict)
    identity: dict[str, IdentityCheck] = field(
        default_factory=lambda: {path: IdentityCheck() for path in PATHS[1:]}
    )


def scalar(sql: str, params: list[Any] | None = None) -> Any:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def drop_schema(schema: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(schema)} CASCADE")


def provision(
    *,
    operator: User,
    admin_password_hash: str,
    name: str,
    slug: str,
    level: str,
    code: str,
    parent: Congress | None,
) -> Congress:
    spec = CongressSpec(
        name=name,
        slug=slug,
        level=level,
        division_code=code,
        parent_id=parent.pk if parent else None,
        admin_username=f"{slug}-admin",
        admin_display_name="基准测试管理员",
        admin_password_hash=admin_password_hash,
    )
    return congress_provision(spec=spec, requested_by=operator, acting_in=None)


def prepare() -> tuple[Setup, float]:
    """A fresh template (timed), a migrated base schema for the clone path, an operator, a city
    and a county for the townships."""
    started = time.perf_counter()
    template = schemas.schema_template_build()
    template_build_ms = (time.perf_counter() - started) * 1000
    base_schema = f"{SCHEMA_PREFIX}clone_base"
    schemas.schema_build_by_migrations(base_schema)
    operator = User.objects.create(username=f"{SLUG_PREFIX}operator", is_platform_operator=True)
    admin_password_hash = make_password("Bench-only-9x!")
    made = partial(provision, operator=operator, admin_password_hash=admin_password_hash)
    city = made(
        name="基准测试市", slug=f"{SLUG_PREFIX}city", level=Level.CITY, code=CITY_CODE, parent=None
    )
    county = made(
        name="基准测试县",
        slug=f"{SLUG_PREFIX}county",
        level=Level.COUNTY,
        code=COUNTY_CODE,
        parent=city,
    )
    setup = Setup(
        operator=operator,
        admin_password_hash=admin_password_hash,
        template=template,
        base_schema=base_schema,
        county=county,
    )
    return setup, template_build_ms


def builders(setup: Setup) -> dict[str, Builder]:
    """Per path: build a tenant schema from a name, return the name of the schema built."""

    def by_migrations(name: str) -> str:
        schemas.schema_build_by_migrations(name)
        return name

    def by_clone(name: str) -> str:
        with transaction.atomic():
            schemas.schema_build_by_clone(name, base_schema=setup.base_schema)
        return name

    def from_template(name: str) -> str:
        with transaction.atomic():
            schemas.schema_build_from_template(name, setup.template)
        return name

    def by_provision(name: str) -> str:
        setup.townships_built += 1
        township = provision(
            operator=setup.operator,
            admin_password_hash=setup.admin_password_hash,
            name=f"基准测试镇{setup.townships_built}",
            slug=name.replace("_", "-"),
            level=Level.TOWNSHIP,
            code=f"{COUNTY_CODE}{setup.townships_built:03d}",
            parent=setup.county,
        )
        return township.schema_name

    return {
        "migrations": by_migrations,
        "clone": by_clone,
        "template": from_template,
        "provision": by_provision,
        "pooled": by_provision,  # run_round fills the pool with one schema just before
    }


def _shape(row: tuple[Any, ...]) -> tuple[Any, ...]:
    """A signature row with its own name (second column) blanked out, also inside definitions."""
    return (row[0], *(str(value).replace(str(row[1]), "<name>") for value in row[2:]))


def signature_differences(reference: Signature, other: Signature) -> list[str]:
    """What differs, part by part; two rows that differ only by their name make a rename."""
    lines = []
    for part, rows in reference.items():
        only_other = {_shape(row): row for row in sorted(set(other[part]) - set(rows))}
        for row in sorted(set(rows) - set(other[part])):
            renamed = only_other.pop(_shape(row), None)
            if renamed:
                lines.append(f"{part} renamed on {row[0]}: {row[1]} -> {renamed[1]}")
            else:
                lines.append(f"{part} only in the migrated schema: {row}")
        lines += [f"{part} only in this path's schema: {row}" for row in only_other.values()]
    return lines


def remove_congress(congress: Congress) -> None:
    User.objects.filter(username=f"{congress.slug}-admin").delete()
    congress.delete()  # domain and memberships cascade; the schema is not dropped by Django
    drop_schema(congress.schema_name)


def run_round(
    setup: Setup, results: Results, *, tenants_before: int, round_no: int, timed: bool
) -> None:
    build = builders(setup)
    shift = round_no % len(PATHS)
    built: dict[str, str] = {}
    elapsed_ms: dict[str, float] = {}
    for path in PATHS[shift:] + PATHS[:shift]:
        if path == "pooled":
            pool.pool_fill(size=1)
        started = time.perf_counter()
        built[path] = build[path](f"{SCHEMA_PREFIX}{path}_k{tenants_before}_r{round_no}")
        elapsed_ms[path] = (time.perf_counter() - started) * 1000
    if timed:
        for path, value in elapsed_ms.items():
            results.timings_ms[tenants_before][path].append(value)
    print(
        f"K={tenants_before} round {round_no}{'' if timed else ' (warm-up)'}: "
        + ", ".join(f"{path} {value:.0f} ms" for path, value in elapsed_ms.items()),
        flush=True,
    )
    reference = schema_signature(built["migrations"])
    for path, check in results.identity.items():
        differences = signature_differences(reference, schema_signature(built[path]))
        if differences:
            check.differing_rounds += 1
            check.first_differences = check.first_differences or differences
        else:
            check.identical_rounds += 1
    remove_congress(Congress.objects.get(schema_name=built.pop("provision")))
    remove_congress(Congress.objects.get(schema_name=built.pop("pooled")))
    for schema in built.values():
        drop_schema(schema)


def add_fillers(setup: Setup, *, up_to: int) -> None:
    filler = f"{SCHEMA_PREFIX}filler"
    existing = scalar("SELECT count(*) FROM pg_namespace WHERE starts_with(nspname, %s)", [filler])
    for number in range(existing, up_to):
        with transaction.atomic():
            schemas.schema_build_from_template(f"{filler}{number:04d}", setup.template)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the steady state autovacuum keeps; clone's speed depends on it


def tenant_schema_counts(schema: str) -> dict[str, int]:
    """Tables first, then each part of the signature but the columns, with its row count."""
    signature = schema_signature(schema)
    counts = {"tables": len({row[0] for row in signature.pop("columns")})}
    return counts | {part: len(rows) for part, rows in signature.items()}


def describe_tenant_schema(counts: dict[str, int]) -> str:
    return ", ".join(f"{part} {count}" for part, count in counts.items())


def cleanup() -> None:
    """Remove whatever this script owns: townships first, their parents after (PROTECT)."""
    for level in (Level.TOWNSHIP, Level.COUNTY, Level.CITY):
        for congress in Congress.objects.filter(slug__startswith=SLUG_PREFIX, level=level):
            remove_congress(congress)
    User.objects.filter(username__startswith=SLUG_PREFIX).delete()
    pool.pool_drain()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nspname FROM pg_namespace WHERE starts_with(nspname, %s)", [SCHEMA_PREFIX]
        )
        for (schema,) in cursor.fetchall():
            drop_schema(schema)


def report(results: Results, *, rounds: int) -> str:
    command = shlex.join(["python", "tests/bench/bench_provisioning.py", *sys.argv[1:]])
    lines = [
        f"Command: `{command}`",
        "",
        f"- Machine: {os.cpu_count()} vCPU, {platform.system()} {platform.machine()}; "
        f"PostgreSQL {scalar('SHOW server_version')}; Python {platform.python_version()}, "
        f"Django {version('django')}, django-tenants {version('django-tenants')}, "
        f"psycopg {version('psycopg')}",
        f"- Tenant schema: {describe_tenant_schema(results.tenant_schema)}",
        f"- {rounds} timed rounds per catalog size, after one untimed warm-up round",
        f"- Template build (once per set of tenant migrations): {results.template_build_ms:.0f} ms",
    ]
    for tenants_before, timings in results.timings_ms.items():
        baseline = statistics.median(timings["migrations"])
        lines += [
            "",
            f"Tenant schemas already there: {tenants_before} "
            f"(pg_class: {results.pg_class_rows[tenants_before]} rows)",
            "",
            "| path | median ms | min ms | max ms | median / migrations |",
            "|---|---:|---:|---:|---:|",
        ]
        for path, values in timings.items():
            median = statistics.median(values)
            speed = f"{baseline / median:.1f}x faster" if median <= baseline else "slower"
            ratio = f"{median / baseline:.3f} ({speed})"
            lines.append(
                f"| {path} | {median:.1f} | {min(values):.1f} | {max(values):.1f} | "
                f"{'1' if path == 'migrations' else ratio} |"
            )
    lines += ["", "Identity with the migrated schema (`schema_signature`):", ""]
    for path, check in results.identity.items():
        total = check.identical_rounds + check.differing_rounds
        summary = (
            f"DIFFERS in {check.differing_rounds} of {total} rounds"
            if check.differing_rounds
            else f"identical in all {total} rounds"
        )
        lines.append(f"- {path}: {summary} (warm-up round included)")
        lines += [f"  - {difference}" for difference in check.first_differences]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description="Time five ways to build a tenant schema.")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--tenants-before", type=int, nargs="+", default=[0], metavar="K")
    parser.add_argument("--out", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    # No refill queued after each provisioning: the pooled path fills the pool itself, and the
    # provision path must find it empty.
    settings.PROVISIONING_POOL_SIZE = 0

    cleanup()
    try:
        setup, template_build_ms = prepare()
        results = Results(template_build_ms, tenant_schema_counts(setup.base_schema))
        run_round(setup, results, tenants_before=0, round_no=0, timed=False)
        for tenants_before in sorted(set(args.tenants_before)):
            add_fillers(setup, up_to=tenants_before)
            results.pg_class_rows[tenants_before] = scalar("SELECT count(*) FROM pg_class")
            results.timings_ms[tenants_before] = {path: [] for path in PATHS}
            for round_no in range(1, args.rounds + 1):
                run_round(
                    setup, results, tenants_before=tenants_before, round_no=round_no, timed=True
                )
    finally:
        cleanup()
    figures = {
        "tenant_schema": results.tenant_schema,
        "template_build_ms": results.template_build_ms,
        "timings_ms": results.timings_ms,
        "pg_class_rows": results.pg_class_rows,
        "identity": {path: asdict(check) for path, check in results.identity.items()},
    }
    publish(args, report(results, rounds=args.rounds), figures)


if __name__ == "__main__":
    main()

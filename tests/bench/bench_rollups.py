"""The dashboard's read, two ways, side by side (figures for docs/rollups.md).

    python tests/bench/bench_rollups.py [--sizes 50 200] [--runs 30] [--out FILE]

- rollups:   what the dashboard API runs: the tenants below the city and their rollup rows for the
             year from the public schema (`rollups.selectors.dashboard_rows`), then the sums
             (`rollups.rules.total`);
- union-all: the same 票决 figures (phase, proposals, candidates, adopted) read from every tenant
             schema's own tables in one `SELECT ... UNION ALL SELECT ...` statement, then the same
             sums. Only one topic of six: the real query over every module would be longer still.

For each size N, township tenants are provisioned (the template path) under one county until N
exist; each gets a 票决 cycle for the year with 12 candidates (10 adopted) and 30 proposals, and
its rollups are rebuilt. Runs alternate between the two paths; each run is timed on its own.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. It owns
every congress and user named `bench-*` and their schemas: it removes them before it starts and
when it ends.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tenants.utils import quote_schema_name, tenant_context  # noqa: E402

from accounts.models import User  # noqa: E402
from congresses import schemas  # noqa: E402
from congresses.models import Congress  # noqa: E402
from rollups import rules  # noqa: E402
from rollups.models import Rollup  # noqa: E402
from rollups.selectors import dashboard_rows  # noqa: E402
from rollups.services import rollup_rebuild  # noqa: E402
from tenants.deputies.services import term_open  # noqa: E402
from tenants.voting.models import Candidate, Cycle, Proposal  # noqa: E402
from tests.factories import provision_congresses  # noqa: E402

SLUG = "bench-"
CITY_CODE, COUNTY_CODE = "990100", "990101"  # province 99 does not exist
YEAR = timezone.localdate().year


def cleanup() -> None:
    doomed = list(Congress.objects.filter(slug__startswith=SLUG).order_by("-level"))
    for congress in sorted(doomed, key=lambda c: {"township": 0, "county": 1, "city": 2}[c.level]):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE"
            )
        Rollup.objects.filter(congress=congress).delete()
        congress.domains.all().delete()
        congress.delete()
    User.objects.filter(username__startswith=SLUG).delete()


def seed_township(congress: Congress) -> None:
    with tenant_context(congress), transaction.atomic():
        term = term_open(
            number=18, starts_on=date(2022, 1, 1), ends_on=date(2026, 12, 31), actor=None
        )
        cycle = Cycle.objects.create(year=YEAR, title=f"{YEAR}年", term=term, phase="implement")
        Candidate.objects.bulk_create(
            Candidate(
                cycle=cycle,
                sequence=i,
                name=f"项目{i}",
                status="adopted" if i <= 10 else "not_adopted",
                rank=i if i <= 10 else None,
            )
            for i in range(1, 13)
        )
        Proposal.objects.bulk_create(
            Proposal(
                cycle=cycle,
                origin_year=cycle.year,
                source="citizen",
                title=f"建议{i}",
                category="公共设施",
                description="…",
                submitter_name="群众",
                tracking_code=f"B{congress.pk:05d}{i:03d}",
                status="shortlisted",
                submitted_at=timezone.now(),
            )
            for i in range(30)
        )
        rollup_rebuild()


def grow(operator: User, county: Congress, size: int) -> list[Congress]:
    townships = list(Congress.objects.filter(parent=county).order_by("pk"))
    for i in range(len(townships), size):
        slug = f"{SLUG}t{i}"
        row = (slug, f"基准{i}镇人大主席团", "township", f"{COUNTY_CODE}{i:03d}", county)
        township = provision_congresses(operator, row)[slug]
        seed_township(township)
        townships.append(township)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return townships


def from_rollups(city: Congress) -> rules.Figures:
    return rules.total(row.figures for row in dashboard_rows(viewer=city, year=YEAR))


def union_all_sql(townships: list[Congress]) -> str:
    branches = []
    for t in townships:
        s = quote_schema_name(t.schema_name)
        branches.append(
            f"SELECT {t.pk} AS congress_id, c.phase,"
            f" (SELECT count(*) FROM {s}.voting_proposal p WHERE p.cycle_id = c.id AND p.status <> 'merged'),"
            f" (SELECT count(*) FROM {s}.voting_candidate k WHERE k.cycle_id = c.id),"
            f" (SELECT count(*) FROM {s}.voting_candidate k WHERE k.cycle_id = c.id AND k.status = 'adopted')"
            f" FROM {s}.voting_cycle c WHERE c.year = %s"
        )
    return " UNION ALL ".join(branches)


def from_union_all(city: Congress, townships: list[Congress]) -> rules.Figures:
    # The tenant list is read from the public schema as the rollup path reads it.
    list(Congress.objects.filter(parent__parent=city).values_list("pk", flat=True))
    sql = union_all_sql(townships)
    with connection.cursor() as cursor:
        cursor.execute(sql, [YEAR] * len(townships))
        rows = [
            {"voting_phase": phase, "proposals": p, "candidates": c, "adopted": a}
            for _pk, phase, p, c, a in cursor.fetchall()
        ]
    return rules.total(rows)


def timed(fn: Callable[[], rules.Figures]) -> tuple[float, rules.Figures]:
    started = time.perf_counter()
    result = fn()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    assert connection.settings_dict["NAME"] != "congress", "run against a scratch database"
    cleanup()
    schemas.schema_template_current()
    operator = User.objects.create(username=f"{SLUG}operator", is_platform_operator=True)
    city, county = provision_congresses(
        operator,
        (f"{SLUG}city", "基准市人大常委会", "city", CITY_CODE, None),
        (f"{SLUG}county", "基准县人大常委会", "county", COUNTY_CODE, f"{SLUG}city"),
    ).values()
    lines = [
        f"Machine: {os.cpu_count()} vCPU, PostgreSQL {connection.cursor().connection.info.server_version}, "
        f"Python {platform.python_version()}; {args.runs} runs per path and size, alternating; ms.",
        "",
        "| townships | path | median | p90 | min | max | adopted (check) |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    try:
        for size in args.sizes:
            townships = grow(operator, county, size)
            paths: dict[str, Callable[[], rules.Figures]] = {
                "rollups": lambda: from_rollups(city),
                "union-all": lambda: from_union_all(city, townships),  # noqa: B023 (used at once)
            }
            times: dict[str, list[float]] = {name: [] for name in paths}
            checks: dict[str, object] = {}
            for fn in paths.values():
                fn()  # warm the plan cache and connection
            for _ in range(args.runs):
                for name, fn in paths.items():
                    ms, result = timed(fn)
                    times[name].append(ms)
                    checks[name] = result["adopted"]
            for name, values in times.items():
                values.sort()
                p90 = values[int(0.9 * (len(values) - 1))]
                lines.append(
                    f"| {size} | {name} | {statistics.median(values):.1f} | {p90:.1f} | "
                    f"{values[0]:.1f} | {values[-1]:.1f} | {checks[name]} |"
                )
                print(lines[-1], flush=True)
    finally:
        cleanup()
    report = "\n".join(lines)
    print(report)
    if args.out:
        args.out.write_text(report + "\n")


if __name__ == "__main__":
    main()

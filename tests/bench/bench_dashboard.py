"""The city dashboard's API against a single tenant's list, at two or more sizes (figures for
docs/rollups.md).

    python tests/bench/bench_dashboard.py [--sizes 200 1000] [--runs 200] [--out FILE] [--json FILE]

- dashboard:  `GET /api/v1/rollups/dashboard` on the city's host (the kept totals);
- tenants p1: `GET /api/v1/rollups/dashboard/tenants?page=1` (the first 50 tenants' rows);
- list:       `GET /api/v1/deputies` on one township's host (a single-tenant list).

Each through Django's whole stack in this process (the test client), logged in as staff. For each
size N, townships are added under one county until N exist: congress rows and three topics of
rollup rows each (the dashboard reads nothing else), then the county's kept totals are summed as a
drain would. Runs alternate; each is timed on its own.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. It owns
every congress and user named `dashbench-*`: it removes them before it starts and when it ends.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tenants.utils import quote_schema_name  # noqa: E402

from accounts.models import User  # noqa: E402
from accounts.services import membership_grant  # noqa: E402
from congresses.models import Congress  # noqa: E402
from congresses.routing import routing_cache_clear  # noqa: E402
from ops.tenancy import use_public_schema  # noqa: E402
from rollups.models import Rollup, RollupTotal  # noqa: E402
from rollups.services import rollup_totals_refresh  # noqa: E402
from tests.bench.published import publish  # noqa: E402
from tests.factories import make_member, provision_congresses  # noqa: E402

SLUG = "dashbench-"
CITY_CODE, COUNTY_CODE = "960100", "960101"
YEAR = timezone.localdate().year
PASSWORD = "Bench#2026pw"
FIGURES = (
    ("voting", {"voting_phase": "implement", "proposals": 30, "candidates": 12, "adopted": 10}),
    ("opinions", {"opinions": 12, "opinions_closed": 9, "opinions_on_time": 8}),
    ("implementation", {"projects": 10, "funds_planned": "300.00", "funds_spent": "120.00"}),
)


def cleanup() -> None:
    use_public_schema()
    order = {"township": 0, "county": 1, "city": 2}
    for congress in sorted(
        Congress.objects.filter(slug__startswith=SLUG), key=lambda c: order[c.level]
    ):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE"
            )
        Rollup.objects.filter(congress=congress).delete()
        RollupTotal.objects.filter(congress=congress).delete()
        congress.domains.all().delete()
        congress.delete()
    User.objects.filter(username__startswith=SLUG).delete()
    routing_cache_clear()


def grow(county: Congress, size: int) -> None:
    have = Congress.objects.filter(parent=county).count()
    with transaction.atomic():
        townships = Congress.objects.bulk_create(
            Congress(
                name=f"看板基准{i}镇人大主席团",
                slug=f"{SLUG}t{i}",
                schema_name=f"dashbench_t{i}",
                level="township",
                parent=county,
                division_code=f"{COUNTY_CODE}{i + 1000:04d}",
            )
            for i in range(have, size)
        )
        Rollup.objects.bulk_create(
            Rollup(congress=t, year=YEAR, topic=topic, computed_at=timezone.now(), figures=f)
            for t in townships
            for topic, f in FIGURES
        )
    rollup_totals_refresh(congress_id=county.pk, years=[YEAR])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def login(host: str, username: str) -> Client:
    client = Client(HTTP_HOST=host)
    response = client.post(
        "/api/v1/auth/login",
        {"username": username, "password": PASSWORD},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    return client


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    cleanup()
    figures: dict[int, dict[str, object]] = {}
    lines = [
        f"# dashboard vs a single-tenant list, {args.runs} runs each, {platform.node()}, "
        f"{os.cpu_count()} CPUs",
        "",
        "| townships | request | median ms | p90 ms | body bytes | vs list |",
        "|---:|---|---:|---:|---:|---:|",
    ]
    try:
        operator = User.objects.create(username=f"{SLUG}op", is_platform_operator=True)
        city, county, town = provision_congresses(
            operator,
            (f"{SLUG}city", "看板基准市", "city", CITY_CODE, None),
            (f"{SLUG}county", "看板基准县", "county", COUNTY_CODE, f"{SLUG}city"),
            (f"{SLUG}town", "看板基准镇", "township", f"{COUNTY_CODE}999", f"{SLUG}county"),
        ).values()
        staff = make_member(
            f"{SLUG}staff", city, ["staff"], operator, password=PASSWORD, display_name="staff"
        )
        with transaction.atomic():
            membership_grant(user=staff, congress=town, roles=["staff"], granted_by=operator)
        paths = {
            "dashboard": (
                login(f"{city.slug}.localhost", staff.username),
                f"/api/v1/rollups/dashboard?year={YEAR}",
            ),
            "tenants p1": (
                login(f"{city.slug}.localhost", staff.username),
                f"/api/v1/rollups/dashboard/tenants?year={YEAR}&page=1",
            ),
            "list": (login(f"{town.slug}.localhost", staff.username), "/api/v1/deputies"),
        }
        for size in args.sizes:
            grow(county, size)
            times: dict[str, list[float]] = {name: [] for name in paths}
            sizes: dict[str, int] = {}
            for run in range(args.runs + 10):
                for name, (client, path) in paths.items():
                    started = time.perf_counter()
                    response = client.get(path)
                    took = time.perf_counter() - started
                    assert response.status_code == 200, (name, response.content[:200])
                    if run >= 10:
                        times[name].append(took)
                        sizes[name] = len(response.content)
            figures[size] = {
                "ms": {name: [took * 1000 for took in values] for name, values in times.items()},
                "body_bytes": sizes,
            }
            base = statistics.median(times["list"])
            for name, values in times.items():
                median = statistics.median(values)
                p90 = statistics.quantiles(values, n=10)[-1]
                lines.append(
                    f"| {size} | {name} | {median * 1000:.1f} | {p90 * 1000:.1f} | "
                    f"{sizes[name]} | {median / base:.2f} |"
                )
    finally:
        cleanup()
    publish(args, "\n".join(lines) + "\n", figures)


if __name__ == "__main__":
    main()

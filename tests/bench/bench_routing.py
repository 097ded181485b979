"""The same GET on a tenant host and on the platform host, side by side (figures for
docs/tenancy.md, "Routing").

    python tests/bench/bench_routing.py [--runs 2000] [--out FILE] [--json FILE]

Paths, each a GET of /api/v1/auth/session (anonymous; both URL configurations serve it) through
Django's whole middleware stack in this process (the test client), so the difference is routing:

- platform:          the bare base domain (public schema, no lookup);
- tenant, cached:    a tenant host, its congress from the routing cache (congresses.routing);
- tenant, uncached:  the same host with the cache cleared before each request, i.e. what every
                     request cost before: the search path to public, the domain lookup, the
                     tenant's search path.

Before each request another tenant's schema is used on the connection, as on a worker that serves
many congresses, so the tenant paths must set the search path. Requests alternate between the
paths; each is timed on its own. The ratio is throughput relative to the platform host's.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. It owns
the congresses whose slug starts with `routebench-`: it removes them before it starts and when
it ends.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django_tenants.utils import quote_schema_name, schema_context  # noqa: E402

from congresses import schemas  # noqa: E402
from congresses.models import Congress, Domain, Level  # noqa: E402
from congresses.routing import routing_cache_clear  # noqa: E402
from ops.tenancy import use_public_schema  # noqa: E402
from tests.bench.published import publish  # noqa: E402

SLUG_PREFIX = "routebench-"
PATH = "/api/v1/auth/session"


def cleanup() -> None:
    use_public_schema()
    for congress in Congress.objects.filter(slug__startswith=SLUG_PREFIX):
        with connection.cursor() as cursor:
            cursor.execute(
                f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE"
            )
        congress.domains.all().delete()
        Congress.objects.filter(pk=congress.pk).delete()
    routing_cache_clear()


def tenant(number: int) -> Congress:
    slug = f"{SLUG_PREFIX}{number}"
    with transaction.atomic():
        congress = Congress.objects.create(
            name=f"路由基准{number}",
            slug=slug,
            schema_name=slug.replace("-", "_"),
            level=Level.CITY,
            division_code=f"97{number:04d}",
        )
        Domain.objects.create(
            domain=f"{slug}.{settings.BASE_DOMAIN}", tenant=congress, is_primary=True
        )
        schemas.schema_build_from_template(congress.schema_name, schemas.schema_template_current())
    routing_cache_clear()
    return congress


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=2000)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()

    cleanup()
    target, other = tenant(1), tenant(2)
    clients = {
        "platform": Client(HTTP_HOST=settings.BASE_DOMAIN),
        "tenant, cached": Client(HTTP_HOST=f"{target.slug}.{settings.BASE_DOMAIN}"),
        "tenant, uncached": Client(HTTP_HOST=f"{target.slug}.{settings.BASE_DOMAIN}"),
    }
    before: dict[str, Callable[[], None]] = {
        "platform": lambda: None,
        "tenant, cached": lambda: None,
        "tenant, uncached": routing_cache_clear,
    }

    def elsewhere() -> None:
        with schema_context(other.schema_name), connection.cursor() as cursor:
            cursor.execute("SELECT 1")

    queries: dict[str, int] = {}
    times: dict[str, list[float]] = {name: [] for name in clients}
    try:
        for run in range(args.runs + 50):
            names = list(clients) if run % 2 == 0 else list(reversed(clients))
            for name in names:
                elsewhere()
                before[name]()
                with CaptureQueriesContext(connection) as captured:
                    started = time.perf_counter()
                    response = clients[name].get(PATH)
                    took = time.perf_counter() - started
                assert response.status_code == 200, (name, response.status_code)
                if run >= 50:  # warm-up first
                    times[name].append(took)
                    queries[name] = len(captured.captured_queries)
    finally:
        cleanup()

    base = statistics.median(times["platform"])
    lines = [
        f"# routing, {args.runs} runs each, {platform.node()}, "
        f"{os.cpu_count()} CPUs, PostgreSQL + Redis on loopback",
        "",
        "| path | median ms | p95 ms | SQL per request | throughput vs platform host |",
        "|---|---|---|---|---|",
    ]
    for name, values in times.items():
        median = statistics.median(values)
        p95 = statistics.quantiles(values, n=20)[-1]
        lines.append(
            f"| {name} | {median * 1000:.2f} | {p95 * 1000:.2f} | {queries[name]} "
            f"| {base / median:.2f} |"
        )
    figures = {
        "ms": {name: [took * 1000 for took in values] for name, values in times.items()},
        "queries": queries,
    }
    publish(args, "\n".join(lines) + "\n", figures)


if __name__ == "__main__":
    main()

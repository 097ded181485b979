"""Server memory of the connection that runs `rollup_rebuild_everywhere`, with and without
closing it every CONGRESS_SCHEMAS_PER_CONNECTION schemas (figures for docs/scaling.md).

    python tests/bench/bench_connection_memory.py [--tenants 200] [--per-connection 50] [--json FILE]

N township tenants are provisioned under one county (template replay, no pool); then the
rebuild walks every active tenant twice: once with no bound on the schemas a connection visits,
once with the bound. Each time the walk enters another schema, the memory of
the backend serving it is read (`pg_backend_memory_contexts`, summed, on the same connection);
the report gives the largest reading and the reading after the last schema.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. It owns
every congress and user named `mem-*` and their schemas: it removes them before and after.
"""

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import override_settings  # noqa: E402

from accounts.models import User  # noqa: E402
from congresses.models import Level  # noqa: E402
from rollups.services import rollup_rebuild_everywhere  # noqa: E402
from tests.bench.owned import owned_drop  # noqa: E402
from tests.factories import provision_congresses  # noqa: E402

SLUG = "mem-"
CITY_CODE, COUNTY_CODE = "990200", "990201"  # province 99 does not exist
MB = 1024 * 1024


def cleanup() -> None:
    owned_drop(SLUG)


def provision(operator: User, tenants: int) -> None:
    provision_congresses(
        operator,
        (f"{SLUG}city", "内存测试市", Level.CITY, CITY_CODE, None),
        (f"{SLUG}county", "内存测试县", Level.COUNTY, COUNTY_CODE, f"{SLUG}city"),
        *(
            (
                f"{SLUG}t{n}",
                f"内存测试镇{n}",
                Level.TOWNSHIP,
                f"{COUNTY_CODE}{n:03d}",
                f"{SLUG}county",
            )
            for n in range(tenants)
        ),
    )


def walk(per_connection: int) -> dict[str, Any]:
    readings: list[float] = []
    backends: set[int] = set()
    last_schema: list[str] = [""]

    def sample(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        wrapper = context["connection"]
        if wrapper.schema_name != last_schema[0]:
            last_schema[0] = wrapper.schema_name
            raw = wrapper.connection
            backends.add(raw.info.backend_pid)
            row = raw.execute("SELECT sum(total_bytes) FROM pg_backend_memory_contexts").fetchone()
            readings.append(float(row[0]) / MB)
        return execute(sql, params, many, context)

    connection.close()
    started = time.perf_counter()
    with (
        override_settings(SCHEMAS_PER_CONNECTION=per_connection),
        connection.execute_wrapper(sample),
    ):
        walked = rollup_rebuild_everywhere()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    elapsed = time.perf_counter() - started
    connection.close()
    return {
        "schemas": walked,
        "backends": len(backends),
        "max_mb": max(readings),
        "last_mb": readings[-1],
        "seconds": elapsed,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tenants", type=int, default=200)
    parser.add_argument("--per-connection", type=int, default=50)
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    settings.PROVISIONING_POOL_SIZE = 0  # no refill queued after each provisioning
    cleanup()
    figures: dict[str, object] = {"tenants": args.tenants, "per_connection": args.per_connection}
    try:
        operator = User.objects.create(username=f"{SLUG}operator", is_platform_operator=True)
        started = time.perf_counter()
        provision(operator, args.tenants)
        print(f"provisioned {args.tenants} townships in {time.perf_counter() - started:.0f} s")
        for label, bound in (("unbounded", 1_000_000), ("bounded", args.per_connection)):
            result = walk(bound)
            figures[label] = result
            print(
                f"{label} (schemas per connection {bound}): {result['schemas']} schemas walked "
                f"(all active tenants), {result['backends']} backends, largest backend "
                f"{result['max_mb']:.1f} MB, after the last schema {result['last_mb']:.1f} MB, "
                f"{result['seconds']:.1f} s",
                flush=True,
            )
    finally:
        cleanup()
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

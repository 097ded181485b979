"""Every benchmark side by side, in one run, written to docs/benchmarks.md.

    python tests/bench/run.py [--sizes 0 500 1000] [--quick] [--deputies 300] \
        [--database congress_bench] [--only BENCH ...] [--out docs/benchmarks.md] [--keep-logs DIR]
    python tests/bench/run.py --report-from DIR [--out docs/benchmarks.md]

The run creates its own scratch databases on the PostgreSQL server of CONGRESS_DATABASE_URL
(default postgres://postgres@127.0.0.1:5432): `<database>` with its public schema migrated, for
the server-side benches, and `<database>_web` with the demo city (`demo_seed`) for the ballot
page, served by gunicorn on loopback with a local S3 API server (moto). Both are dropped at the
end. Each bench runs as its own process with `--json`, at every size where the number of tenants
matters; the report gives per comparison the median, the min-max, the ratio, the target and
whether it is met, with the machine, the date and this command.

--quick runs fewer rounds of each (for a check of the command, not for figures). A cache and a
broker are taken from CONGRESS_REDIS_URL (and CELERY_BROKER_URL, which defaults to it); tasks go
to a queue named after the database, which no worker reads.
"""

import argparse
import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import psycopg

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT)]

from tests.servers import free_port, gunicorn, running, s3_server  # noqa: E402

BENCH = Path(__file__).resolve().parent
DEMO_DEPUTY, DEMO_PASSWORD = "qingshi-d01", "Demo#2026"
Figures = dict[str, Any]


# --- the report: plain figures in, Markdown out ---------------------------------------------


@dataclass
class Check:
    """One target of one comparison: what it asks, what was measured, whether it holds."""

    target: str
    measured: str
    met: bool


@dataclass
class Section:
    title: str
    summary: str
    header: list[str]
    rows: list[list[str]] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    error: str = ""


TITLES = {
    "provisioning": "Provisioning a tenant schema",
    "schema": "Size of a tenant schema",
    "fleet": "Migrating the fleet",
    "dashboard": "The city dashboard against a single-tenant list",
    "casting": "Concurrent ballot casts against authenticated GETs",
    "routing": "A tenant host against the platform host",
    "memory": "Memory of one connection visiting many schemas",
    "frontend": "The deputy's ballot page on a phone",
}


def spread(values: list[float], digits: int = 1) -> tuple[str, str]:
    """The median and the min-max of `values`, formatted."""
    return (
        f"{statistics.median(values):.{digits}f}",
        f"{min(values):.{digits}f}-{max(values):.{digits}f}",
    )


def by_size(table: dict[str, Any]) -> list[tuple[int, Any]]:
    """JSON keys are strings: the entries of a per-size table, smallest size first."""
    return sorted((int(size), value) for size, value in table.items())


def provisioning_section(figures: Figures) -> Section:
    section = Section(
        TITLES["provisioning"],
        "Wall time to build one tenant schema: the whole `congress_provision` service (pool "
        "empty, and with one pooled schema) against django-tenants' path, every tenant "
        "migration replayed; each path's schema compared with the migrated one.",
        ["tenants", "path", "median ms", "min-max ms", "migrations / path"],
    )
    # What a township's provisioning costs is the service as it runs: a schema waiting in the
    # pool, claimed by rename (docs/provisioning.md). The empty-pool fallback, the template
    # replayed in the transaction, is reported beside it.
    ratios, fallback = [], []
    for size, timings in by_size(figures["timings_ms"]):
        baseline = statistics.median(timings["migrations"])
        for path, values in timings.items():
            ratio = baseline / statistics.median(values)
            section.rows.append([str(size), path, *spread(values), f"{ratio:.1f}x"])
            if path == "pooled":
                ratios.append((size, ratio, statistics.median(values)))
            elif path == "provision":
                fallback.append(ratio)
    worst = min(ratio for _size, ratio, _ms in ratios)
    section.checks.append(
        Check(
            "provisioning (pooled) ≥ 50x faster than migrations at every size",
            f"{worst:.1f}x",
            worst >= 50,
        )
    )
    first, last = ratios[0][2], ratios[-1][2]
    section.checks.append(
        Check(
            f"provisioning (pooled) flat from {ratios[0][0]} to {ratios[-1][0]} tenants "
            "(median at the largest ≤ 1.5x the smallest)",
            f"{last / first:.2f}x",
            last <= 1.5 * first,
        )
    )
    if fallback:
        section.summary += (
            f" With the pool empty, provisioning replays the template in its transaction: "
            f"{min(fallback):.1f}x to {max(fallback):.1f}x faster than migrations (reported, "
            "not a target: the pool is refilled in the background)."
        )
    # django-tenants' clone is the other path's baseline, not provisioning: its differences
    # (renamed constraints, docs/provisioning.md) are reported, not judged.
    identity = figures["identity"]
    judged = [path for path in identity if path != "clone"]
    differing = {path: identity[path]["differing_rounds"] for path in judged}
    section.checks.append(
        Check(
            f"{', '.join(judged)}: schema identical to the migrated one",
            ", ".join(
                f"{path} differs in {n} of {n + identity[path]['identical_rounds']} rounds"
                for path, n in differing.items()
                if n
            )
            or "identical in every round",
            not any(differing.values()),
        )
    )
    if "clone" in identity:
        section.summary += (
            f" django-tenants' clone differs from the migrated schema in "
            f"{identity['clone']['differing_rounds']} of "
            f"{identity['clone']['differing_rounds'] + identity['clone']['identical_rounds']} "
            "rounds (reported, not a target)."
        )
    return section


def schema_section(figures: Figures) -> Section:
    counts = figures["tenant_schema"]
    section = Section(
        TITLES["schema"],
        "What every tenant adds to the catalog (`schema_signature` of a migrated schema).",
        ["part", "count"],
        [[part, str(count)] for part, count in counts.items()],
    )
    section.checks += [
        Check("≤ 50 tables", str(counts["tables"]), counts["tables"] <= 50),
        Check("≤ 250 indexes", str(counts["indexes"]), counts["indexes"] <= 250),
    ]
    return section


def fleet_section(figures: Figures) -> Section:
    section = Section(
        TITLES["fleet"],
        "Stock `migrate_schemas` against `migrate_fleet` "
        f"({figures['jobs']} jobs) on the same fleet, with nothing to apply and with one "
        "migration pending in every schema.",
        [
            "tenants",
            "case",
            "migrate_schemas median s (min-max)",
            "migrate_fleet median s (min-max)",
            "ratio",
        ],
    )
    largest: dict[str, float] = {}
    for size, cases in by_size(figures["seconds"]):
        for case, timings in cases.items():
            stock, fleet = timings["migrate_schemas"], timings["migrate_fleet"]
            ratio = statistics.median(stock) / statistics.median(fleet)
            median_stock, range_stock = spread(stock, 2)
            median_fleet, range_fleet = spread(fleet, 2)
            section.rows.append(
                [
                    str(size),
                    case,
                    f"{median_stock} ({range_stock})",
                    f"{median_fleet} ({range_fleet})",
                    f"{ratio:.1f}x",
                ]
            )
            largest[case] = ratio
    size = by_size(figures["seconds"])[-1][0]
    for case, target in (("nothing to apply", 20), ("one migration pending", 5)):
        section.checks.append(
            Check(
                f"{case}: migrate_fleet ≥ {target}x faster at {size} tenants",
                f"{largest[case]:.1f}x",
                largest[case] >= target,
            )
        )
    return section


def dashboard_section(figures: Figures) -> Section:
    section = Section(
        TITLES["dashboard"],
        "`GET /api/v1/rollups/dashboard` (and its first page of tenants) on the city's host "
        "against `GET /api/v1/deputies` on one township's host, through Django's whole stack.",
        ["townships", "request", "median ms", "min-max ms", "body bytes", "median / list"],
    )
    ratios = []
    for size, entry in by_size(figures):
        base = statistics.median(entry["ms"]["list"])
        for name, values in entry["ms"].items():
            ratio = statistics.median(values) / base
            section.rows.append(
                [str(size), name, *spread(values), str(entry["body_bytes"][name]), f"{ratio:.2f}"]
            )
            if name == "dashboard":
                ratios.append((size, ratio))
    worst_size, worst = max(ratios, key=lambda pair: pair[1])
    section.checks.append(
        Check(
            "dashboard ≤ 2x the list at every size (flat in N)",
            f"{worst:.2f}x at {worst_size}",
            worst <= 2,
        )
    )
    return section


def casting_section(figures: Figures) -> Section:
    rounds = figures["rounds"]
    section = Section(
        TITLES["casting"],
        f"{figures['deputies']} deputies at once against gunicorn ({figures['workers']} "
        "workers, loopback): each casts, then each casts again (to be refused); as many GETs "
        "of the round's page beside them.",
        ["request", "throughput req/s median", "min-max", "p50 ms", "p95 ms", "statuses"],
    )
    medians: dict[str, dict[str, float]] = {}
    for kind in ("get", "cast", "recast"):
        throughputs = [r[kind]["throughput"] for r in rounds]
        statuses: dict[str, int] = {}
        for r in rounds:
            for status, count in r[kind]["statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        medians[kind] = {
            "throughput": statistics.median(throughputs),
            "p50": statistics.median(r[kind]["p50_ms"] for r in rounds),
            "p95": statistics.median(r[kind]["p95_ms"] for r in rounds),
        }
        section.rows.append(
            [
                kind,
                *spread(throughputs),
                f"{medians[kind]['p50']:.0f}",
                f"{medians[kind]['p95']:.0f}",
                ", ".join(f"{status}: {n}" for status, n in sorted(statuses.items())),
            ]
        )
    throughput = medians["cast"]["throughput"] / medians["get"]["throughput"]
    p95 = medians["cast"]["p95"] / medians["get"]["p95"]
    lost = sum(r["entitled"] - r["stored"] for r in rounds)
    refused = sum(r["recast"]["statuses"].get("409", 0) for r in rounds)
    recasts = sum(sum(r["recast"]["statuses"].values()) for r in rounds)
    section.checks += [
        Check("cast throughput ≥ 0.8 of the GET's", f"{throughput:.2f}", throughput >= 0.8),
        Check("cast p95 ≤ 2x the GET's", f"{p95:.2f}x", p95 <= 2),
        Check("0 ballots lost (entitled - stored)", str(lost), lost == 0),
        Check(
            "every second ballot refused with 409", f"{refused} of {recasts}", refused == recasts
        ),
    ]
    return section


def routing_section(figures: Figures) -> Section:
    section = Section(
        TITLES["routing"],
        "The same anonymous GET (`/api/v1/auth/session`) through Django's whole stack; the "
        "connection used another tenant's schema before each request.",
        ["path", "median ms", "min-max ms", "SQL per request", "throughput vs platform host"],
    )
    base = statistics.median(figures["ms"]["platform"])
    ratios = {}
    for name, values in figures["ms"].items():
        ratios[name] = base / statistics.median(values)
        section.rows.append(
            [name, *spread(values, 2), str(figures["queries"][name]), f"{ratios[name]:.2f}"]
        )
    section.checks.append(
        Check(
            "tenant host (cached routing) ≥ 0.9 of the platform host's throughput",
            f"{ratios['tenant, cached']:.2f}",
            ratios["tenant, cached"] >= 0.9,
        )
    )
    return section


def memory_section(figures: Figures) -> Section:
    section = Section(
        TITLES["memory"],
        "The backend serving `rollup_rebuild_everywhere` as it walks every tenant, without a "
        "bound on the schemas per connection and with the bound "
        "(CONGRESS_SCHEMAS_PER_CONNECTION); read from `pg_backend_memory_contexts`.",
        ["tenants", "walk", "schemas", "backends", "largest MB", "after the last MB", "s"],
    )
    last: tuple[int, float] = (0, 0.0)
    for size, entry in by_size(figures):
        for walk in ("unbounded", "bounded"):
            result = entry[walk]
            section.rows.append(
                [
                    str(size),
                    f"{walk} ({entry['per_connection']} per connection)"
                    if walk == "bounded"
                    else walk,
                    str(result["schemas"]),
                    str(result["backends"]),
                    f"{result['max_mb']:.1f}",
                    f"{result['last_mb']:.1f}",
                    f"{result['seconds']:.1f}",
                ]
            )
        last = (size, entry["bounded"]["max_mb"])
    section.checks.append(
        Check(
            f"≤ 64 MB after {last[0]} tenants (largest reading)", f"{last[1]:.1f} MB", last[1] <= 64
        )
    )
    return section


def frontend_section(figures: Figures) -> Section:
    section = Section(
        TITLES["frontend"],
        "Real Chromium at 375 px, empty cache, logged in as a deputy of the demo township; "
        "ballot shown: the page's own content on screen.",
        [
            "link",
            "JS files",
            "JS sent KB",
            "JS uncompressed KB",
            "FCP median ms",
            "FCP min-max ms",
            "ballot shown median ms",
        ],
    )
    for link, loads in figures.items():
        first = loads[0]
        section.rows.append(
            [
                link,
                str(first["js_files"]),
                f"{first['js_encoded'] / 1024:.0f}",
                f"{first['js_decoded'] / 1024:.0f}",
                *spread([load["fcp_ms"] for load in loads], 0),
                f"{statistics.median(load['shown_ms'] for load in loads):.0f}",
            ]
        )
    slow = figures["Fast 3G"]
    sent = slow[0]["js_encoded"] / 1024
    fcp = statistics.median(load["fcp_ms"] for load in slow)
    section.checks += [
        Check("≤ 250 KB of JavaScript sent (compressed)", f"{sent:.0f} KB", sent <= 250),
        Check("first contentful paint ≤ 3 s on Fast 3G", f"{fcp:.0f} ms", fcp <= 3000),
    ]
    return section


SECTIONS: dict[str, Callable[[Any], Section]] = {
    "provisioning": provisioning_section,
    "schema": schema_section,
    "fleet": fleet_section,
    "dashboard": dashboard_section,
    "casting": casting_section,
    "routing": routing_section,
    "memory": memory_section,
    "frontend": frontend_section,
}


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]


def report(figures: dict[str, Any], *, meta: dict[str, str], failures: dict[str, str]) -> str:
    """docs/benchmarks.md from each bench's figures (by name; see SECTIONS) and the run's
    description; a bench that failed or did not run is listed with its reason."""
    sections = []
    for name, build in SECTIONS.items():
        if name in figures:
            sections.append(build(figures[name]))
        else:
            sections.append(
                Section(TITLES[name], "", [], error=failures.get(name, "not run in this report"))
            )
    checks = [check for section in sections for check in section.checks]
    lines = [
        "# Benchmarks",
        "",
        f"Sizes in this run: {meta['sizes']} tenants{meta['note']}. "
        f"The figures for 0, 500 and 1,000 tenants come from `{meta['full_command']}`.",
        "",
        f"- Command: `{meta['command']}`",
        f"- Date: {meta['date']}",
        f"- Machine: {meta['machine']}",
        f"- Targets met: {sum(c.met for c in checks)} of {len(checks)}"
        + (f"; not run: {', '.join(sorted(failures))}" if failures else ""),
        "",
        "## Summary",
        "",
        *_table(
            ["comparison", "target", "measured", "met"],
            [
                [section.title, check.target, check.measured, "yes" if check.met else "**no**"]
                for section in sections
                for check in section.checks
            ],
        ),
    ]
    for section in sections:
        lines += ["", f"## {section.title}", ""]
        if section.error:
            lines.append(f"Not measured: {section.error}")
            continue
        lines += [section.summary, "", *_table(section.header, section.rows)]
    return "\n".join(lines) + "\n"


# --- the run ---------------------------------------------------------------------------------


@dataclass
class Scratch:
    """The PostgreSQL server the run uses and the names of its scratch databases."""

    host: str
    port: str
    user: str
    name: str

    def url(self, name: str) -> str:
        return f"postgres://{self.user}@{self.host}:{self.port}/{name}"

    def recreate(self, name: str, *, create: bool = True) -> None:
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            if create:
                conn.execute(f'CREATE DATABASE "{name}"')

    def server_version(self) -> str:
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres"
        ) as conn:
            row = conn.execute("SHOW server_version").fetchone()
            return str(row[0]) if row else "?"


def machine(scratch: Scratch) -> str:
    meminfo = Path("/proc/meminfo").read_text().split()
    ram_gb = int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024
    return (
        f"{os.cpu_count()} vCPU (nproc), {ram_gb:.1f} GB RAM, {platform.system()} "
        f"{platform.machine()}, PostgreSQL {scratch.server_version()}, Python "
        f"{platform.python_version()}"
    )


def manage(*args: str, env: dict[str, str], log: Path) -> None:
    with log.open("ab") as out:
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=True,
        )


def bench(name: str, script: str, args: list[str], *, env: dict[str, str], logs: Path) -> Figures:
    """One bench in its own process; its figures from --json, its text output in the log."""
    figures = logs / f"{name}.json"
    log = logs / f"{name}.log"
    command = [sys.executable, str(BENCH / script), *args, "--json", str(figures)]
    print(f"{name}: {shlex.join(command[1:])}", flush=True)
    started = time.monotonic()
    with log.open("wb") as out:
        done = subprocess.run(
            command, check=False, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    print(f"{name}: exit {done.returncode} after {time.monotonic() - started:.0f} s", flush=True)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-1:]
        raise RuntimeError(f"exit {done.returncode}: {' '.join(tail)} (log: {log})")
    return dict(json.loads(figures.read_text()))


@contextmanager
def demo_platform(scratch: Scratch, env: dict[str, str], logs: Path) -> Iterator[str]:
    """The demo city on gunicorn, for the ballot page: its own database, dropped after."""
    name = f"{scratch.name}_web"
    scratch.recreate(name)
    port = free_port()
    web_env = env | {
        "CONGRESS_DATABASE_URL": scratch.url(name),
        "CONGRESS_PUBLIC_PORT": str(port),
    }
    try:
        manage("migrate_schemas", "-v", "0", env=web_env, log=logs / "demo.log")
        manage("demo_seed", env=web_env, log=logs / "demo.log")
        web = gunicorn(port, 2)
        with running(web, port=port, env=web_env, log=logs / "web.log"):
            yield f"http://qingshi.localhost:{port}"
    finally:
        scratch.recreate(name, create=False)


def run(args: argparse.Namespace, logs: Path) -> tuple[dict[str, Any], dict[str, str], str]:
    url = urlsplit(os.environ.get("CONGRESS_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/x"))
    scratch = Scratch(
        url.hostname or "127.0.0.1",
        str(url.port or 5432),
        url.username or "postgres",
        args.database,
    )
    sizes = sorted(set(args.sizes))
    fleets = [size for size in sizes if size > 0] or [1]  # no fleet to migrate at 0 tenants
    quick = args.quick
    figures: dict[str, Any] = {}
    failures: dict[str, str] = {}

    def attempt(name: str, measure: Callable[[], Figures]) -> None:
        if args.only and name not in args.only:
            return
        try:
            figures[name] = measure()
        except Exception as error:  # a failed bench is reported, the others still run
            failures[name] = str(error)
            print(f"{name}: {error}", flush=True)

    with s3_server() as endpoint:
        env = dict(os.environ)
        if "CONGRESS_REDIS_URL" in env:
            env.setdefault("CELERY_BROKER_URL", env["CONGRESS_REDIS_URL"])
        env |= {
            "CONGRESS_DATABASE_URL": scratch.url(scratch.name),
            "CONGRESS_S3_ENDPOINT": endpoint,
            "CELERY_TASK_DEFAULT_QUEUE": f"bench-{scratch.name}",
        }
        scratch.recreate(scratch.name)
        try:
            manage("migrate_schemas", "--shared", "-v", "0", env=env, log=logs / "migrate.log")

            def provisioning() -> Figures:
                rounds = ["--rounds", "2" if quick else "5"]
                sized = ["--tenants-before", *map(str, sizes)]
                return bench(
                    "provisioning", "bench_provisioning.py", rounds + sized, env=env, logs=logs
                )

            attempt("provisioning", provisioning)
            if "provisioning" in figures:
                figures["schema"] = figures["provisioning"]
            # The benches that take only their own arguments, in the order they run.
            plain = [
                (
                    "fleet",
                    "bench_fleet.py",
                    # One round: stock migrate_schemas takes 10-25 minutes a case at 1,000.
                    ["--rounds", "1", "--tenants", *map(str, fleets)],
                ),
                (
                    "dashboard",
                    "bench_dashboard.py",
                    ["--runs", "20" if quick else "200", "--sizes", *map(str, sizes)],
                ),
                (
                    "casting",
                    "bench_casting.py",
                    ["--rounds", "1" if quick else "3", "--deputies", str(args.deputies)],
                ),
                ("routing", "bench_routing.py", ["--runs", "200" if quick else "2000"]),
            ]
            for name, script, options in plain:
                attempt(name, partial(bench, name, script, options, env=env, logs=logs))

            def memory() -> Figures:
                per_size = {}
                for size in fleets:
                    per_size[str(size)] = bench(
                        f"memory-{size}",
                        "bench_connection_memory.py",
                        ["--tenants", str(size), "--per-connection", "50"],
                        env=env,
                        logs=logs,
                    )
                return per_size

            attempt("memory", memory)

            def frontend() -> Figures:
                with demo_platform(scratch, env, logs) as base:
                    return bench(
                        "frontend",
                        "bench_frontend.py",
                        [
                            "--base",
                            base,
                            "--username",
                            DEMO_DEPUTY,
                            "--password",
                            DEMO_PASSWORD,
                            "--rounds",
                            "1" if quick else "3",
                        ],
                        env=env,
                        logs=logs,
                    )

            attempt("frontend", frontend)
            if "schema" in figures and "provisioning" not in figures:
                del figures["schema"]
            if "provisioning" in failures:
                failures["schema"] = failures["provisioning"]
            return figures, failures, machine(scratch)
        finally:
            scratch.recreate(scratch.name, create=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 500, 1000], metavar="N")
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a check, not figures")
    parser.add_argument("--deputies", type=int, default=300)
    parser.add_argument("--database", default="congress_bench")
    parser.add_argument("--only", nargs="+", choices=[n for n in SECTIONS if n != "schema"])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "benchmarks.md")
    parser.add_argument("--keep-logs", type=Path, help="keep each bench's log and JSON here")
    parser.add_argument(
        "--report-from",
        type=Path,
        metavar="DIR",
        help="measure nothing: write the report again from the run.json of a kept run",
    )
    args = parser.parse_args()
    if args.report_from:
        kept = json.loads((args.report_from / "run.json").read_text())
        figures, failures, meta = kept["figures"], kept["failures"], kept["meta"]
    else:
        started = datetime.now(UTC)
        with tempfile.TemporaryDirectory() as temporary:
            logs = args.keep_logs or Path(temporary)
            logs.mkdir(parents=True, exist_ok=True)
            figures, failures, described = run(args, logs)
            sizes = sorted(set(args.sizes))
            full = sizes == [0, 500, 1000] and args.deputies == 300 and not args.quick
            meta = {
                "sizes": ", ".join(str(size) for size in sizes),
                "note": ""
                if full
                else " (a small run: these figures check the command, not the targets)",
                "full_command": "python tests/bench/run.py --sizes 0 500 1000",
                "command": shlex.join(["python", "tests/bench/run.py", *sys.argv[1:]]),
                "date": f"{started:%Y-%m-%d %H:%M} UTC",
                "machine": described,
            }
            kept = {"figures": figures, "failures": failures, "meta": meta}
            (logs / "run.json").write_text(json.dumps(kept, indent=1), encoding="utf-8")
    text = report(figures, meta=meta, failures=failures)
    args.out.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()

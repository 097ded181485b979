"""N deputies casting their ballots at the same moment against a real server, beside as many
authenticated GETs at the same moment (figures for docs/benchmarks.md).

    python tests/bench/bench_casting.py [--deputies 300] [--rounds 3] [--workers 2] \
        [--out FILE] [--json FILE]

One township with N deputies, each with a login and a session. Per round a 票决 cycle is opened
with every deputy signed in and its first round open; then, from N threads released together,
each on its own connection to gunicorn (`config.wsgi`, as infra runs it, on loopback):

- get:    every deputy's `GET /api/v1/voting/rounds/{id}` (the page the phone shows);
- cast:   every deputy's `POST /api/v1/voting/rounds/{id}/ballots`;
- recast: every deputy's second ballot in the same round, each to be refused with 409.

get and cast alternate in order round by round. Throughput is N over the time from the release
to the last answer; each request's latency counts from the release too (the queue is the cost).
After the casts the round's participations and ballot boxes are counted in the database:
lost = entitled - stored.

Run it against a scratch database (CONGRESS_DATABASE_URL) whose public schema is migrated. It
starts its own S3 API server (moto; the party review's minutes are a stored file) and gunicorn.
It owns every congress and user named `castbench-*`: it removes them before and after.
"""

import argparse
import http.client
import json
import secrets
import shlex
import statistics
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parents[2])]
from tests.bench.standalone import django_setup  # noqa: E402

django_setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db.models import Q  # noqa: E402
from django_tenants.utils import tenant_context  # noqa: E402

from accounts.middleware import SESSION_TENANT_KEY  # noqa: E402
from accounts.models import Membership, User  # noqa: E402
from congresses.models import Congress, Level  # noqa: E402
from crossing.models import Dispatch  # noqa: E402
from filestore import storage  # noqa: E402
from tenants.deputies.models import Deputy  # noqa: E402
from tenants.voting.models import Ballot, Participation, Round  # noqa: E402
from tenants.voting.services import (  # noqa: E402
    attendance_sign_in,
    cycle_open_voting,
    round_open,
)
from tenants.voting.solicitation import cycle_advance  # noqa: E402
from tests.bench.owned import owned_drop  # noqa: E402
from tests.bench.published import publish  # noqa: E402
from tests.factories import provision_congresses  # noqa: E402
from tests.servers import free_port, gunicorn, running, s3_server  # noqa: E402
from tests.tenants.voting.factories import make_deputies, make_shortlist  # noqa: E402

SLUG = "castbench-"
CITY_CODE, COUNTY_CODE = "950100", "950101"  # province 95 does not exist
KINDS = ("get", "cast", "recast")


@dataclass
class Burst:
    seconds: float = 0.0
    latencies_ms: list[float] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds

    def percentile(self, q: int) -> float:
        return statistics.quantiles(self.latencies_ms, n=100, method="inclusive")[q - 1]


@dataclass
class Phone:
    cookie: str
    csrf: str


Request = tuple[Phone, str, str, bytes | None]  # who, method, path, body


def cleanup() -> None:
    owned = Congress.objects.filter(slug__startswith=SLUG)
    Dispatch.objects.filter(Q(origin__in=owned) | Q(target__in=owned)).delete()
    User.objects.filter(username__startswith=SLUG).delete()
    owned_drop(SLUG)


def township(operator: User) -> Congress:
    return provision_congresses(
        operator,
        (f"{SLUG}city", "投票基准市", Level.CITY, CITY_CODE, None),
        (f"{SLUG}county", "投票基准县", Level.COUNTY, COUNTY_CODE, f"{SLUG}city"),
        (f"{SLUG}town", "投票基准镇", Level.TOWNSHIP, f"{COUNTY_CODE}001", f"{SLUG}county"),
    )[f"{SLUG}town"]


def seat_deputies(town: Congress, count: int) -> tuple[list[Deputy], list[Phone]]:
    """N deputies, each with a user, a deputy membership and a session opened as login does
    (a real login per deputy would time the password hash, not the ballot)."""
    with tenant_context(town):
        deputies = make_deputies(count)
    users = User.objects.bulk_create(
        User(username=f"{SLUG}d{number:04d}", display_name=f"代表{number}")
        for number in range(count)
    )
    Membership.objects.bulk_create(
        Membership(user=user, congress=town, roles=["deputy"]) for user in users
    )
    with tenant_context(town):
        for deputy, user in zip(deputies, users, strict=True):
            deputy.user = user
        Deputy.objects.bulk_update(deputies, ["user"])
    phones = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session[SESSION_TENANT_KEY] = town.schema_name
        session.create()
        phones.append(Phone(cookie=session.session_key or "", csrf=secrets.token_hex(16)))
    return deputies, phones


def open_round(town: Congress, deputies: list[Deputy], year: int) -> int:
    with tenant_context(town):
        cycle = make_shortlist(year=year, seats=2, candidates=3)
        cycle = cycle_advance(cycle=cycle, actor=None)
        cycle = cycle_open_voting(cycle=cycle, actor=None)
        for deputy in deputies:
            attendance_sign_in(cycle=cycle, deputy=deputy, actor=None)
        return round_open(cycle=cycle, actor=None).pk


def burst(port: int, host: str, requests: Sequence[Request]) -> Burst:
    """Every request from its own thread and connection, all released at once."""
    release = threading.Barrier(len(requests) + 1)
    result = Burst()
    done: list[tuple[float, int]] = [(0.0, 0)] * len(requests)
    started = [0.0]

    def one(index: int, phone: Phone, method: str, path: str, body: bytes | None) -> None:
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        client.connect()
        headers = {
            "Host": host,
            "Cookie": f"sessionid={phone.cookie}; csrftoken={phone.csrf}",
            "X-CSRFToken": phone.csrf,
            "Accept": "application/json",
        }
        if body is not None:
            headers["Content-Type"] = "application/json"
        release.wait()
        client.request(method, path, body=body, headers=headers)
        response = client.getresponse()
        response.read()
        done[index] = (time.perf_counter(), response.status)
        client.close()

    threads = [
        threading.Thread(target=one, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    release.wait()
    started[0] = time.perf_counter()
    for thread in threads:
        thread.join()
    result.seconds = max(end for end, _status in done) - started[0]
    result.latencies_ms = [(end - started[0]) * 1000 for end, _status in done]
    for _end, status in done:
        result.statuses[str(status)] = result.statuses.get(str(status), 0) + 1
    return result


def stored(town: Congress, round_id: int) -> int:
    with tenant_context(town):
        participations = Participation.objects.filter(round_id=round_id).count()
        boxes = Ballot.objects.filter(round_id=round_id).count()
    return min(participations, boxes)


def report(figures: dict[str, object]) -> str:
    rounds: list[dict] = figures["rounds"]  # type: ignore[assignment]
    lines = [
        f"Command: `{figures['command']}`",
        "",
        f"{figures['deputies']} deputies at once, gunicorn with {figures['workers']} workers "
        f"on loopback, {len(rounds)} rounds",
        "",
        "| request | throughput req/s median (min-max) | p50 ms | p95 ms | statuses |",
        "|---|---:|---:|---:|---|",
    ]
    for kind in KINDS:
        throughputs = [r[kind]["throughput"] for r in rounds]
        statuses: dict[str, int] = {}
        for r in rounds:
            for status, count in r[kind]["statuses"].items():
                statuses[status] = statuses.get(status, 0) + count
        lines.append(
            f"| {kind} | {statistics.median(throughputs):.0f} ({min(throughputs):.0f}-"
            f"{max(throughputs):.0f}) | {statistics.median(r[kind]['p50_ms'] for r in rounds):.0f}"
            f" | {statistics.median(r[kind]['p95_ms'] for r in rounds):.0f} | "
            + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
            + " |"
        )
    lost = sum(r["entitled"] - r["stored"] for r in rounds)
    lines += ["", f"Ballots lost (entitled - stored), all rounds: {lost}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--deputies", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--out", type=Path, help="also write the Markdown report to this file")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON to this file")
    args = parser.parse_args()
    settings.PROVISIONING_POOL_SIZE = 0  # no refill queued after each provisioning
    port = free_port()
    figures: dict[str, object] = {
        "command": shlex.join(["python", "tests/bench/bench_casting.py", *sys.argv[1:]]),
        "deputies": args.deputies,
        "workers": args.workers,
        "rounds": [],
    }
    with s3_server() as endpoint:
        settings.S3_ENDPOINT = endpoint
        storage.client.cache_clear()
        storage.storage_ready()
        cleanup()
        try:
            operator = User.objects.create(username=f"{SLUG}operator", is_platform_operator=True)
            town = township(operator)
            deputies, phones = seat_deputies(town, args.deputies)
            host = f"{town.slug}.{settings.BASE_DOMAIN}:{port}"
            web = gunicorn(port, args.workers, "--backlog", str(max(2048, 2 * args.deputies)))
            env = {"CONGRESS_S3_ENDPOINT": endpoint, "CONGRESS_PUBLIC_PORT": str(port)}
            with running(web, port=port, env=env):
                for number in range(args.rounds):
                    round_id = open_round(town, deputies, year=2027 + number)
                    url = f"/api/v1/voting/rounds/{round_id}"
                    with tenant_context(town):
                        candidates = list(
                            Round.objects.get(pk=round_id).candidates.values_list("pk", flat=True)
                        )
                    ballot = json.dumps({"choices": {str(pk): "yes" for pk in candidates}})
                    gets = [(phone, "GET", url, None) for phone in phones]
                    casts = [(phone, "POST", f"{url}/ballots", ballot.encode()) for phone in phones]
                    for _ in range(2 * args.workers):  # every worker loads Django first
                        burst(port, host, gets[:1])
                    results: dict[str, Burst] = {}
                    for kind in ("get", "cast") if number % 2 == 0 else ("cast", "get"):
                        results[kind] = burst(port, host, gets if kind == "get" else casts)
                    entitled, kept = args.deputies, stored(town, round_id)
                    results["recast"] = burst(port, host, casts)
                    row: dict[str, object] = {"entitled": entitled, "stored": kept}
                    for kind, result in results.items():
                        row[kind] = {
                            "throughput": result.throughput,
                            "p50_ms": result.percentile(50),
                            "p95_ms": result.percentile(95),
                            "seconds": result.seconds,
                            "statuses": result.statuses,
                        }
                    figures["rounds"].append(row)  # type: ignore[attr-defined]
                    print(
                        f"round {number + 1}: "
                        + ", ".join(
                            f"{kind} {r.throughput:.0f} req/s p95 {r.percentile(95):.0f} ms "
                            f"{r.statuses}"
                            for kind, r in results.items()
                        )
                        + f", stored {kept} of {entitled}",
                        flush=True,
                    )
        finally:
            cleanup()
    publish(args, report(figures), figures, default=asdict)


if __name__ == "__main__":
    main()

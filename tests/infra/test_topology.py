"""The production topology (infra/prod/up.sh), brought up for real on loopback ports of its own:
nginx over TLS -> gunicorn -> pgbouncer (session pooling) -> a PostgreSQL primary and its
streaming replica, Celery workers per queue and beat, Redis and an S3 API server. A deputy casts
a ballot through nginx; the city's dashboard and the exports are read from the replica; two
townships' requests interleaved through pgbouncer never see each other's rows."""

import http.client
import json
import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import psycopg
import pytest

from tenants.demo.data import DEMO_PASSWORD
from tests.servers import ROOT, free_port

pytestmark = pytest.mark.topology

T = TypeVar("T")
PORTS = ("HTTPS_PORT", "HTTP_PORT", "WEB_PORT", "BOUNCER_PORT")
PORTS_MORE = ("PRIMARY_PORT", "REPLICA_PORT", "REDIS_PORT", "S3_PORT")
BASE_DOMAIN = "congress.localhost"
WORLD = "from tests.infra.topology_world import provision; provision()"


@dataclass(frozen=True)
class Topology:
    folder: Path
    ports: dict[str, int]
    world: dict[str, Any]

    def database(self, which: str) -> psycopg.Connection[Any]:
        port = self.ports["PRIMARY_PORT" if which == "primary" else "REPLICA_PORT"]
        return psycopg.connect(
            host="127.0.0.1", port=port, user="postgres", dbname="congress", autocommit=True
        )


def _wait_for(condition: Callable[[], T], *, timeout: float = 30.0, what: str = "") -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout}s: {what}")
        time.sleep(0.2)


@pytest.fixture(scope="module")
def topology() -> Iterator[Topology]:
    # PostgreSQL runs as the postgres user, who cannot enter pytest's private temporary folder.
    folder = ROOT / ".data" / f"topology-test-{os.getpid()}"
    ports = {name: free_port() for name in PORTS + PORTS_MORE}
    # The topology's settings come from its own env file, never from this test run's.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CONGRESS_", "CELERY_"))}
    env.update({name: str(port) for name, port in ports.items()}, PROD_DIR=str(folder))
    try:
        subprocess.run(["bash", "infra/prod/up.sh"], cwd=ROOT, env=env, check=True, timeout=900)
        settings = dict(
            line.split("=", 1) for line in (folder / "env").read_text().splitlines() if "=" in line
        )
        made = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", WORLD],
            check=False,
            cwd=ROOT,
            env={**env, **settings},
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert made.returncode == 0, made.stderr[-3000:]
        world = json.loads(made.stdout.strip().splitlines()[-1])
        yield Topology(folder, ports, world)
    finally:
        down = ["bash", "infra/prod/down.sh", "--purge"]
        subprocess.run(down, check=False, cwd=ROOT, env=env, timeout=120)


class _Loopback(http.client.HTTPSConnection):
    """TLS to nginx on 127.0.0.1 from `source` (any 127.0.0.0/8 address: nginx tells clients
    apart by it), checking the certificate for the tenant's host name (Python does not resolve
    *.localhost)."""

    def __init__(self, host: str, port: int, *, source: str, **kwargs: Any) -> None:
        super().__init__(host, port, **kwargs)
        self.source = source

    def connect(self) -> None:
        sock = socket.create_connection(
            ("127.0.0.1", self.port), self.timeout, source_address=(self.source, 0)
        )
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # type: ignore[attr-defined]


@dataclass
class Browser:
    """One person's HTTPS session with one congress's host: cookies, CSRF token, Origin."""

    topology: Topology
    slug: str
    source: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)

    @property
    def host(self) -> str:
        return f"{self.slug}.{BASE_DOMAIN}"

    def request(
        self, method: str, path: str, body: Any = None
    ) -> tuple[int, http.client.HTTPMessage, bytes]:
        context = ssl.create_default_context(cafile=str(self.topology.folder / "tls" / "ca.pem"))
        port = self.topology.ports["HTTPS_PORT"]
        conn = _Loopback(self.host, port, source=self.source, context=context, timeout=60)
        origin = f"https://{self.host}:{port}"
        headers = {"Origin": origin, "Referer": f"{origin}/", "Accept": "application/json"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if "csrftoken" in self.cookies:
            headers["X-CSRFToken"] = self.cookies["csrftoken"]
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            content = response.read()
        finally:
            conn.close()
        for cookie in response.headers.get_all("Set-Cookie") or []:
            name, _, value = cookie.split(";", 1)[0].partition("=")
            self.cookies[name.strip()] = value.strip()
        return response.status, response.headers, content

    def api(self, method: str, path: str, body: Any = None, *, expect: int = 200) -> Any:
        status, _headers, content = self.request(method, f"/api/v1/{path}", body)
        assert status == expect, (method, path, status, content[:500])
        return json.loads(content) if content else None

    def log_in(self, username: str) -> "Browser":
        self.api("GET", "auth/csrf", expect=204)
        self.api("POST", "auth/login", {"username": username, "password": DEMO_PASSWORD})
        return self


def _scans(topology: Topology, which: str, schema: str, table: str) -> int:
    """Sequential and index scans of one table counted by that server (a standby counts the
    reads it answers itself)."""
    with topology.database(which) as conn:
        row = conn.execute(
            "SELECT coalesce(seq_scan, 0) + coalesce(idx_scan, 0) FROM pg_stat_user_tables"
            " WHERE schemaname = %s AND relname = %s",
            [schema, table],
        ).fetchone()
    return int(row[0]) if row else 0


def _replica_caught_up(topology: Topology) -> bool:
    with topology.database("primary") as primary, topology.database("replica") as replica:
        (lsn,) = primary.execute("SELECT pg_current_wal_lsn()::text").fetchone()  # type: ignore[misc]
        (behind,) = replica.execute(  # type: ignore[misc]
            "SELECT pg_wal_lsn_diff(%s::pg_lsn, pg_last_wal_replay_lsn())", [lsn]
        ).fetchone()
    return bool(behind <= 0)


def test_nginx_answers_over_tls_with_compression_headers_and_static_files(
    topology: Topology,
) -> None:
    visitor = Browser(topology, "topo-a")
    status, headers, _ = visitor.request("GET", "/login")
    assert status == 200
    assert headers["Strict-Transport-Security"].startswith("max-age=")
    assert headers.get_all("X-Content-Type-Options") == ["nosniff"]
    assert headers.get_all("X-Frame-Options") == ["DENY"]
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assets = sorted((topology.folder / "app" / "static" / "assets").glob("*.js"))
    biggest = max(assets, key=lambda p: p.stat().st_size)
    conn_headers = {"Accept-Encoding": "gzip"}
    context = ssl.create_default_context(cafile=str(topology.folder / "tls" / "ca.pem"))
    conn = _Loopback(
        visitor.host,
        topology.ports["HTTPS_PORT"],
        source=visitor.source,
        context=context,
        timeout=30,
    )
    conn.request("GET", f"/static/assets/{biggest.name}", headers=conn_headers)
    response = conn.getresponse()
    sent = len(response.read())
    conn.close()
    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert "immutable" in response.headers["Cache-Control"]
    assert sent < biggest.stat().st_size / 2
    status, health_headers, health = visitor.request("GET", "/healthz")
    report = json.loads(health)
    assert status == 200 and report["status"] == "ok", report
    assert report["replica"]["status"] == "ok" and report["replica"]["lag_bytes"] >= 0
    assert health_headers.get_all("X-Frame-Options") == ["DENY"]


def test_a_deputy_casts_a_ballot_through_nginx_and_the_city_reads_from_the_replica(
    topology: Topology,
) -> None:
    cycle = topology.world["cycle"]
    deputy, other = (Browser(topology, "topo-a").log_in(f"topo-a-d{i}") for i in (0, 1))
    chair = Browser(topology, "topo-a").log_in("topo-a-staff")
    for present in (deputy, other):  # two of three: the quorum
        present.api("POST", f"voting/cycles/{cycle}/sign-in")
    round_ = chair.api("POST", f"voting/cycles/{cycle}/rounds", {}, expect=201)
    choices = {str(c["id"]): "yes" for c in round_["candidates"]}

    receipt = deputy.api(
        "POST", f"voting/rounds/{round_['id']}/ballots", {"choices": choices}, expect=201
    )

    assert len(receipt["receipt"]) >= 16
    deputy.api("POST", f"voting/rounds/{round_['id']}/ballots", {"choices": choices}, expect=409)
    assert chair.api("GET", f"voting/rounds/{round_['id']}")["ballots_cast"] == 1

    # The city's dashboard: the township's phase arrives through the outbox drain on the
    # rollups queue's own worker; the rows are read from the replica.
    city = Browser(topology, "topo-city").log_in("topo-city-staff")
    _wait_for(lambda: _replica_caught_up(topology), what="the replica replays the primary's WAL")
    before = _scans(topology, "replica", "public", "rollups_rollup")

    def township_votes() -> bool:
        page = city.api("GET", f"rollups/dashboard/tenants?year={topology.world['year']}")
        rows = {row["slug"]: row for row in page["results"]}
        return rows.get("topo-a", {}).get("voting_phase") == "vote"

    _wait_for(township_votes, what="the dashboard shows 拓扑甲镇 voting")
    _wait_for(
        lambda: _scans(topology, "replica", "public", "rollups_rollup") > before,
        what="the dashboard's read counted on the replica",
    )
    status, _headers, workbook = city.request(
        "GET", f"/api/v1/rollups/dashboard.xlsx?year={topology.world['year']}"
    )
    assert status == 200 and workbook[:2] == b"PK", workbook[:200]

    # An export of a township's own rows: its schema's tables are read on the replica.
    schema = topology.world["schemas"]["topo-a"]
    before = _scans(topology, "replica", schema, "duty_dutyentry")
    exported = chair.api("GET", "duty/export")
    assert exported["congress"]["name"] == "拓扑甲镇人大主席团"
    assert {e["deputy_name"] for e in exported["entries"]} <= {"代表0", "代表1", "代表2"}
    _wait_for(
        lambda: _scans(topology, "replica", schema, "duty_dutyentry") > before,
        what="the export's read counted on the replica",
    )


def test_two_townships_interleaved_through_pgbouncer_never_see_each_others_rows(
    topology: Topology,
) -> None:
    staff = {
        "topo-a": Browser(topology, "topo-a").log_in("topo-a-staff"),
        "topo-b": Browser(topology, "topo-b").log_in("topo-b-staff"),
    }
    own = {"topo-a": {"代表0", "代表1", "代表2"}, "topo-b": {"乙镇代表0", "乙镇代表1", "乙镇代表2"}}

    def names(slug: str) -> tuple[str, set[str]]:
        listed = staff[slug].api("GET", "deputies")
        return slug, {row["name"] for row in listed["results"]}

    # Four at once, alternating townships, through two gunicorn workers: every request opens a
    # pgbouncer client (CONN_MAX_AGE=0) that takes whichever server connection is free.
    order = ["topo-a", "topo-b"] * 30
    with ThreadPoolExecutor(max_workers=4) as pool:
        seen = list(pool.map(names, order))

    assert len(seen) == 60
    assert all(found == own[slug] for slug, found in seen), [s for s in seen if s[1] != own[s[0]]]
    with topology.database("primary") as conn:
        (servers,) = conn.execute(  # type: ignore[misc]
            "SELECT count(*) FROM pg_stat_activity WHERE datname = 'congress'"
            " AND backend_type = 'client backend' AND pid <> pg_backend_pid()"
        ).fetchone()
    assert servers <= 8 + 1  # the pool (default_pool_size) answered 60 requests


def test_a_search_path_set_by_one_client_is_gone_for_the_next_on_the_same_server_connection(
    topology: Topology,
) -> None:
    port = topology.ports["BOUNCER_PORT"]
    schema = topology.world["schemas"]["topo-b"]

    def client() -> psycopg.Connection[Any]:
        return psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="congress")

    with client() as first:
        first.execute(f'SET search_path TO "{schema}", public')
        (pid,) = first.execute("SELECT pg_backend_pid()").fetchone()  # type: ignore[misc]
    # pgbouncer hands the same server connection to the next client, after DISCARD ALL.
    for _ in range(20):
        with client() as second:
            (again,) = second.execute("SELECT pg_backend_pid()").fetchone()  # type: ignore[misc]
            (path,) = second.execute("SHOW search_path").fetchone()  # type: ignore[misc]
        if again == pid:
            break
    assert again == pid, "pgbouncer opened a new server connection instead of reusing one"
    assert schema not in path and path == '"$user", public'


def test_sign_in_attempts_past_nginx_limit_get_429_before_reaching_django(
    topology: Topology,
) -> None:
    # From an address of its own: the sign-in allowance it spends is not the other tests'.
    stranger = Browser(topology, "topo-b", source="127.0.0.2")
    statuses = [stranger.request("POST", "/api/v1/auth/login", {})[0] for _ in range(30)]

    assert statuses[0] != 429
    assert statuses.count(429) >= 5, statuses

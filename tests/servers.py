"""Real peers the tests talk to: an S3 API server (moto) and helpers for subprocess servers."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import psycopg
from django.conf import settings

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent
# Chromium as the browser tests and the front-end benchmark drive it: headless, nothing of its own
# on the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(
    port: int, *, timeout: float = 30.0, process: subprocess.Popen[bytes] | None = None
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"server exited with {process.returncode} before listening on {port}"
            )
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listens on {port} after {timeout}s")


def database_url(name: str = "") -> str:
    """The URL of the test database (or of database `name` on its server), for the processes the
    tests start."""
    db = settings.DATABASES["default"]
    host, port = db["HOST"] or "127.0.0.1", db["PORT"] or 5432
    return f"postgres://{db['USER']}@{host}:{port}/{name or db['NAME']}"


def database_connect(name: str = "postgres") -> "psycopg.Connection[Any]":
    """An autocommit connection to database `name` on the test database's server."""
    db = settings.DATABASES["default"]
    return psycopg.connect(
        host=str(db["HOST"] or "127.0.0.1"),
        port=str(db["PORT"] or 5432),
        user=str(db["USER"]),
        dbname=name,
        autocommit=True,
    )


def database_recreate(name: str, *, create: bool = True) -> None:
    """Drop database `name` on the test database's server, its sessions ended, and create it
    empty again unless `create` is False."""
    with database_connect() as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            conn.execute(f'CREATE DATABASE "{name}"')


def platform_env(
    database: str, *, s3_endpoint: str, queue: str, port: int | None = None
) -> dict[str, str]:
    """The environment of a platform of its own: database `database` on the test database's
    server, files on `s3_endpoint`, tasks on Celery queue `<the default>-<queue>`, and the public
    port `port` where it serves pages."""
    env = {
        "CONGRESS_DATABASE_URL": database_url(database),
        "CONGRESS_S3_ENDPOINT": s3_endpoint,
        "CELERY_TASK_DEFAULT_QUEUE": f"{settings.CELERY_TASK_DEFAULT_QUEUE}-{queue}",
    }
    return env if port is None else {**env, "CONGRESS_PUBLIC_PORT": str(port)}


def celery_worker(queue: str, name: str, *options: str) -> list[str]:
    """The command of a worker (node `name`) of the queue `queue`, one task at a time, on its
    own (no mingle, no gossip)."""
    command = [str(VENV_BIN / "celery"), "-A", "config", "worker", "--pool", "solo", "-Q", queue]
    return [*command, "-n", f"{name}@localhost", *options, "--without-mingle", "--without-gossip"]


def gunicorn(port: int, workers: int, *options: str) -> list[str]:
    """The command that serves the platform (config.wsgi) on loopback `port` with `workers`
    workers; a request may take 180 s (a worker's first, on a loaded machine, loads Django)."""
    command = [str(VENV_BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{port}"]
    return [*command, "--workers", str(workers), *options, "--timeout", "180"]


@contextmanager
def running(
    command: list[str],
    *,
    port: int | None = None,
    env: dict[str, str] | None = None,
    log: Path | None = None,
) -> Iterator[subprocess.Popen[bytes]]:
    out = log.open("wb") if log else subprocess.DEVNULL
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out, stderr=subprocess.STDOUT
    )
    try:
        if port is not None:
            wait_for_port(port, process=process)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            # On a loaded machine a server may take longer to stop: kill it and reap it, or
            # the Popen is collected while the process still runs (a ResourceWarning error).
            process.kill()
            process.wait()  # reaped: a process left unreaped warns later, in another test
        if log:
            out.close()  # type: ignore[union-attr]


@contextmanager
def s3_server() -> Iterator[str]:
    """moto's S3 server on loopback: the same wire protocol MinIO speaks."""
    port = free_port()
    with running([str(VENV_BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(port)], port=port):
        yield f"127.0.0.1:{port}"

"""Real peers the tests talk to: an S3 API server (moto) and helpers for subprocess servers."""

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV_BIN = Path(sys.executable).parent


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

"""Loaded with `-p tests.env` before Django reads its settings: test-run-wide environment.

Under `pytest -n N` (pytest-xdist) every worker is a test run of its own: its own test database,
its own Redis databases (tests clear the cache, which flushes a whole database) and its own queue.
"""

import os
import re
import uuid

# Redis database 15 for the tests' cache; 0 and 1 belong to the running platform.
os.environ.setdefault("CONGRESS_REDIS_URL", "redis://127.0.0.1:6379/15")
# The live platform of the browser tests has its own (two suites at once set both).
os.environ.setdefault("CONGRESS_E2E_REDIS_URL", "redis://127.0.0.1:6379/14")
# No pool of pre-built schemas by default: a refill would build schemas under running tests;
# the pool's own tests fill it themselves.
os.environ.setdefault("CONGRESS_PROVISIONING_POOL_SIZE", "0")

# Set by xdist in a worker before its configuration is read: "gw0", "gw1", ...
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
# Worker n takes the run's Redis databases minus 4n: the run's 15 and 14 become 11 and 10 for
# gw1, which leaves 13 and 12 to the browser suite that runs beside (infra/local/test.sh).
WORKER_REDIS_STRIDE = 4


def _worker_redis(url: str, index: int) -> str:
    match = re.fullmatch(r"(.*/)(\d+)", url)
    if match is None:
        raise RuntimeError(f"{url} names no Redis database to give xdist workers their own")
    number = int(match[2]) - WORKER_REDIS_STRIDE * index
    if number < 2:  # 0 and 1 are the running platform's
        raise RuntimeError(f"no Redis database left for xdist worker {index} below {url}")
    return f"{match[1]}{number}"


if WORKER:
    index = int(WORKER.removeprefix("gw"))
    database = os.environ.get("CONGRESS_TEST_DATABASE", "test_congress")
    os.environ["CONGRESS_TEST_DATABASE"] = f"{database}_{WORKER}"
    for name in ("CONGRESS_REDIS_URL", "CONGRESS_E2E_REDIS_URL"):
        os.environ[name] = _worker_redis(os.environ[name], index)
    # The controller's queue is inherited: each worker takes one of its own.
    os.environ["CELERY_TASK_DEFAULT_QUEUE"] = f"test-{uuid.uuid4().hex[:8]}"

# A queue of this run's own, so no other worker on the broker takes the tests' tasks.
os.environ.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"test-{uuid.uuid4().hex[:8]}")
# And broker keys of its own: a message a killed worker of an earlier run left unacknowledged,
# or that run's restore lock, is not this run's to wait on.
os.environ["CONGRESS_BROKER_KEY_PREFIX"] = os.environ["CELERY_TASK_DEFAULT_QUEUE"] + ":"

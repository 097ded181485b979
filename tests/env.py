"""Loaded with `-p tests.env` before Django reads its settings: test-run-wide environment."""

import os
import uuid

# A queue of this run's own, so no other worker on the broker takes the tests' tasks.
os.environ.setdefault("CELERY_TASK_DEFAULT_QUEUE", f"test-{uuid.uuid4().hex[:8]}")
# Redis database 15 for the tests' cache; 0 and 1 belong to the running platform.
os.environ.setdefault("CONGRESS_REDIS_URL", "redis://127.0.0.1:6379/15")
# The live platform of the browser tests has its own (two suites at once set both).
os.environ.setdefault("CONGRESS_E2E_REDIS_URL", "redis://127.0.0.1:6379/14")
# No pool of pre-built schemas by default: a refill would build schemas under running tests;
# the pool's own tests fill it themselves.
os.environ.setdefault("CONGRESS_PROVISIONING_POOL_SIZE", "0")

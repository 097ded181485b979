"""RabbitMQ by URL: the same tasks, tenant header included, over AMQP instead of Redis. Sender and
worker are separate processes configured only by CELERY_BROKER_URL, as in a deployment."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

from tests.conftest import World
from tests.servers import ROOT, celery_worker, database_url, running

AMQP_URL = "amqp://guest:guest@127.0.0.1:5672//"
SEND_FROM_TOWN_B = """
import json
from django_tenants.utils import schema_context
from ops.tasks import whereami
with schema_context("town_b"):
    result = whereami.delay()
print(json.dumps(result.get(timeout=60)))
"""


def test_a_task_over_rabbitmq_runs_in_the_tenant_it_was_sent_from(
    world: World, tmp_path: Path
) -> None:
    queue = f"amqp-{uuid.uuid4().hex[:8]}"
    env = {
        "CELERY_BROKER_URL": AMQP_URL,
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CONGRESS_DATABASE_URL": database_url(),
    }
    worker = celery_worker(queue, queue)

    with running(worker, env=env, log=tmp_path / "worker.log"):
        sent = subprocess.run(
            [sys.executable, "manage.py", "shell", "-v", "0", "-c", SEND_FROM_TOWN_B],
            cwd=ROOT,
            env={**os.environ, **env},
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )

    assert json.loads(sent.stdout.strip().splitlines()[-1])["schema"] == "town_b"
    assert "amqp://" in (tmp_path / "worker.log").read_text()

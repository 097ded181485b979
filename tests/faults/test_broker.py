"""The broker (Redis) down during a vote: no request waits on it, ballots are cast and counted,
and what was held back is sent when it returns (the outbox sweep, the deferred sends)."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings
from django.db import transaction
from django.test import override_settings
from django_tenants.utils import tenant_context

from congresses.models import DeferredSend
from congresses.tenant import Tenant, enqueue_on_commit, resend_deferred
from ops.tasks import whereami
from outbox.models import OutboxEvent
from outbox.services import outbox_sweep
from tests.api.conftest import hall  # noqa: F401  (fixture)
from tests.api.hall import Hall, ballot_for, hall_round_open
from tests.conftest import World, client_on
from tests.servers import free_port

from .conftest import broker_at, queued, redis_at, timed

Capture = Callable[..., Any]
# Seconds: a request never waits on a broker that is down. Below the broker socket's 5 s
# timeout, so a request that waited on it fails; well above the 1 s connect timeout, so a
# machine busy with other suites does not.
FAST = 4.5


def test_a_vote_with_the_broker_down_is_fast_and_its_side_effects_follow_the_broker(
    hall: Hall,  # noqa: F811
    django_capture_on_commit_callbacks: Capture,
) -> None:
    port = free_port()  # nothing listens here yet: the broker is down
    with broker_at(f"redis://127.0.0.1:{port}/0"):
        with timed() as took, django_capture_on_commit_callbacks(execute=True):
            round_ = hall_round_open(hall)
        assert took[0] < FAST
        url = f"/api/v1/voting/rounds/{round_['id']}"
        for phone in hall.phones[:4]:
            with timed() as took, django_capture_on_commit_callbacks(execute=True):
                response = phone.post(f"{url}/ballots", ballot_for(round_), "application/json")
            assert response.status_code == 201 and took[0] < FAST
        # The close's callbacks (the drain's send, the ballot table's vacuum) are not run here:
        # a vacuum cannot run inside the test's transaction.
        with timed() as took, django_capture_on_commit_callbacks(execute=False):
            closed = hall.chair.post(f"{url}/close").json()
        assert took[0] < FAST
        assert closed["ballot_count"] == 4 and closed["entitled_count"] == 6
        with tenant_context(_town_a()):
            assert OutboxEvent.objects.filter(drained_at__isnull=True).exists()

        # The broker comes back: the sweep sends one drain to the town whose events wait.
        with redis_at(port) as broker:
            assert outbox_sweep(older_than=timedelta(0)) >= 1
            messages = queued(broker, settings.CELERY_TASK_DEFAULT_QUEUE)
    drains = [m for m in messages if m["headers"]["task"] == "rollups.tasks.drain"]
    assert "town_a" in {m["headers"]["_schema_name"] for m in drains}, messages


def _town_a() -> Any:
    world: World = pytest.world  # type: ignore[attr-defined]
    return world.town_a


def test_a_public_opinion_with_the_broker_down_is_received_at_once(
    world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    body = {"content": "桥面破损。", "citizen_name": "王秀英", "citizen_phone": ""}
    broker = broker_at(f"redis://127.0.0.1:{free_port()}/0")
    capture = django_capture_on_commit_callbacks(execute=True)
    with broker, timed() as took, capture as callbacks:
        response = client_on(world.town_b).post(
            "/api/v1/public/opinions", body, content_type="application/json"
        )
    assert response.status_code == 201, response.content
    assert callbacks, "the drain's send ran (and found the broker down)"
    assert took[0] < FAST


def test_a_send_the_broker_refuses_is_kept_and_sent_when_it_returns(
    world: World, django_capture_on_commit_callbacks: Capture
) -> None:
    port = free_port()
    town = Tenant.of(world.town_a)
    with broker_at(f"redis://127.0.0.1:{port}/0"):
        capture = django_capture_on_commit_callbacks(execute=True)
        with timed() as took, capture, transaction.atomic():
            enqueue_on_commit(whereami, tenant=town)
        assert took[0] < FAST
        waiting = DeferredSend.objects.get(sent_at__isnull=True, task=whereami.name)
        assert waiting.schema_name == "town_a" and "Connection refused" in waiting.error

        assert resend_deferred() == 0  # still down: nothing goes, the row waits
        with redis_at(port) as broker:
            assert resend_deferred() == 1
            messages = queued(broker, settings.CELERY_TASK_DEFAULT_QUEUE)
    waiting.refresh_from_db()
    assert waiting.sent_at is not None
    assert [(m["headers"]["task"], m["headers"]["_schema_name"]) for m in messages] == [
        (whereami.name, "town_a")
    ]


@pytest.mark.parametrize(
    ("language", "words"), [("zh-hans", "缓存服务暂时无法访问"), ("en", "unavailable")]
)
def test_a_public_form_with_the_cache_down_answers_a_json_503(
    world: World, language: str, words: str
) -> None:
    down = {
        "default": {
            **settings.CACHES["default"],
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    body = {"content": "路灯不亮。", "citizen_name": "李明", "citizen_phone": ""}
    with override_settings(CACHES=down), timed() as took:
        response = client_on(world.town_b).post(
            "/api/v1/public/opinions",
            body,
            content_type="application/json",
            HTTP_ACCEPT_LANGUAGE=language,
        )
    assert response.status_code == 503
    assert response.json()["code"] == "cache_unavailable"
    assert words in response.json()["detail"]
    assert response["Retry-After"]
    assert took[0] < FAST

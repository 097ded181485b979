from typing import Any

from ops.sentry import before_send
from tests.conftest import World, client_on


def test_healthz_reports_database_broker_and_storage(world: World) -> None:
    response = client_on(None).get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert {body[part]["status"] for part in ("database", "broker", "storage")} == {"ok"}
    assert response["X-Request-ID"]


def test_healthz_says_which_part_is_down(world: World, settings: Any) -> None:
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client_on(None).get("/healthz")

    assert response.status_code == 503
    assert response.json()["broker"]["status"] == "down"
    assert response.json()["database"]["status"] == "ok"


def test_sentry_events_lose_personal_data_and_keep_tenant_and_request_tags() -> None:
    event = {
        "user": {"username": "wangjianguo", "ip_address": "10.0.0.1"},
        "request": {
            "data": {
                "username": "wangjianguo",
                "password": "Secret#1",
                "note": "ok",
                "phone": "13900000000",
            },
            "headers": {"Authorization": "Bearer cp_x", "X-Request-ID": "abc"},
            "cookies": {"sessionid": "s"},
            "query_string": "code=secret",
        },
        "tags": {"tenant": "qingshi", "request_id": "abc"},
        "extra": {"contact": {"phone": "13900000000"}},
    }

    scrubbed = before_send(event, {})

    assert "user" not in scrubbed and "cookies" not in scrubbed["request"]
    data = scrubbed["request"]["data"]
    assert (
        data["password"] == data["username"] == data["phone"] == "[Filtered]"
        and data["note"] == "ok"
    )
    assert scrubbed["request"]["headers"]["Authorization"] == "[Filtered]"
    assert scrubbed["request"]["query_string"] == "[Filtered]"
    assert scrubbed["extra"]["contact"] == "[Filtered]"
    assert scrubbed["tags"] == {"tenant": "qingshi", "request_id": "abc"}

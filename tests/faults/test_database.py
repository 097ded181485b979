"""PostgreSQL unreachable, a connection killed mid-request, a lock held too long: each request
answers a clear JSON refusal quickly, nothing is half-written, and the next request works
without restarting anything."""

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django_tenants.utils import schema_context

from audit.services import _chain_lock_key
from tenants.linkage.opinions.models import Opinion
from tests.conftest import PASSWORD, World, client_on
from tests.servers import free_port

from .conftest import other_connection, timed, wait_for_backend

OPINION = {"content": "路面坑洼。", "citizen_name": "张强", "citizen_phone": ""}


@pytest.fixture
def committed(django_db_setup: None, django_db_blocker: Any) -> Iterator[World]:
    """The shared tenants, with writes that really commit (no test transaction): the faults
    reach connections of their own."""
    cache.clear()  # the public forms' throttles count per address
    with django_db_blocker.unblock():
        yield pytest.world  # type: ignore[attr-defined]
        connection.close()


def _opinions() -> int:
    with schema_context("town_b"):
        return Opinion.objects.count()


@pytest.mark.parametrize(
    ("language", "words"), [("zh-hans", "数据库暂时无法访问"), ("en", "database is unavailable")]
)
def test_with_the_database_unreachable_a_request_answers_a_json_503_then_recovers(
    committed: World, language: str, words: str
) -> None:
    client = Client(HTTP_HOST="town-b.localhost", HTTP_ACCEPT_LANGUAGE=language)
    real = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = str(free_port())  # nothing listens: PostgreSQL is down
    try:
        with timed() as took:
            response = client.get("/api/v1/public/opinions/ZZZZ9999")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = real

    # The tenant lookup is the first query: it fails before any view, and still answers JSON.
    assert response.status_code == 503 and response["Content-Type"] == "application/json"
    assert response.json()["code"] == "database_unavailable"
    assert words in response.json()["detail"]
    assert int(response["Retry-After"]) > 0
    assert took[0] < 5
    # PostgreSQL is back: the same process answers normally.
    assert client.get("/api/v1/public/opinions/ZZZZ9999").status_code == 404


def test_a_connection_killed_mid_request_leaves_nothing_half_written(committed: World) -> None:
    """The opinion row is inserted, then the audit append waits on the chain's lock (held by
    another session); the waiting backend is terminated. The answer is a JSON 503 and the
    opinion is gone with its transaction; the same thread's next request succeeds."""
    before = _opinions()
    with schema_context("town_b"):
        key = _chain_lock_key()
    holder = other_connection()
    pool = ThreadPoolExecutor(max_workers=1)  # one thread: the request's connection is reused

    def submit() -> Any:
        response = client_on(committed.town_b).post(
            "/api/v1/public/opinions", OPINION, content_type="application/json"
        )
        connection.close_if_unusable_or_obsolete()
        return response

    try:
        holder.execute("SELECT pg_advisory_lock(%s)", [key])
        pending = pool.submit(submit)
        holder.execute("SELECT pg_terminate_backend(%s)", [wait_for_backend(holder, "advisory")])
        killed = pending.result(timeout=20)
        holder.execute("SELECT pg_advisory_unlock(%s)", [key])
        assert killed.status_code == 503, killed.content
        assert killed.json()["code"] == "database_unavailable"
        assert _opinions() == before  # the inserted row rolled back with its connection

        again = pool.submit(submit).result(timeout=20)
        assert again.status_code == 201, again.content
        assert _opinions() == before + 1
    finally:
        holder.close()
        pool.submit(lambda: connection.close()).result()  # noqa: PLW0108  (the thread's own)
        pool.shutdown()


def test_the_database_settings_bound_connects_statements_and_lock_waits(committed: World) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        statement = cursor.fetchone()[0]
        cursor.execute("SHOW lock_timeout")
        lock = cursor.fetchone()[0]
    assert (statement, lock) == ("20s", "5s")
    assert connection.settings_dict["OPTIONS"]["connect_timeout"] == 3


def test_a_row_held_locked_elsewhere_answers_409_in_seconds_not_a_hang(committed: World) -> None:
    """Another session holds the deputy's user row (FOR UPDATE); logging in updates it
    (last_login), waits past lock_timeout and answers 409 instead of holding a worker."""
    holder = other_connection()
    user = committed.staff_b
    client = Client(HTTP_HOST="town-b.localhost")
    try:
        with holder.transaction():
            holder.execute("SELECT id FROM accounts_user WHERE id = %s FOR UPDATE", [user.pk])
            with timed() as took:
                response = client.post(
                    "/api/v1/auth/login",
                    {"username": user.username, "password": PASSWORD},
                    content_type="application/json",
                )
        assert response.status_code == 409, response.content
        assert response.json()["code"] == "record_locked"
        assert "他人修改" in response.json()["detail"]
        assert 4 < took[0] < 15  # lock_timeout is 5 s; gunicorn would cut the request at 30
        # The lock is gone: a login goes through (client_on checks it answers 200).
        client_on(committed.town_b, user)
    finally:
        holder.close()

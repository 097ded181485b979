"""Session-wide fixtures: the test database with four tenants built once by the real
provisioning service, a local S3 server, and a real Celery worker on a private queue."""

import logging
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connection, transaction
from django.test import Client
from django.utils import translation
from django_tenants.utils import tenant_context
from hypothesis import settings as hypothesis_settings

from accounts.models import User
from accounts.services import membership_grant, user_create
from config.celery import app
from congresses.models import Congress
from congresses.routing import routing_cache_clear
from filestore import storage
from ops.tenancy import use_public_schema

from .factories import committed_townships, make_member, provision_congresses
from .servers import celery_worker, database_url, running, s3_server

PASSWORD = "Test#2026pw"

# Property tests check behaviour, not speed (speed lives in tests/bench): no per-example
# deadline, which a busy 2-core machine running two suites overruns on pure functions.
hypothesis_settings.register_profile("suite", deadline=None)
hypothesis_settings.load_profile("suite")


@dataclass
class World:
    operator: User
    city: Congress
    county: Congress
    town_a: Congress
    town_b: Congress
    staff_a: User
    staff_b: User
    county_admin: User
    deputy_both: User  # a deputy of town_a and of the county


def _user(
    username: str, congress: Congress | None, roles: list[str], operator: User | None = None
) -> User:
    if congress is not None:
        return make_member(username, congress, roles, operator, password=PASSWORD)
    return user_create(
        username=username,
        password=PASSWORD,
        display_name=username,
        is_platform_operator=True,
        must_change_password=False,
    )


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with s3_server() as endpoint:
        settings.S3_ENDPOINT = endpoint
        storage.client.cache_clear()
        storage.storage_ready()
        yield endpoint


@pytest.fixture(scope="session")
def django_db_setup(
    django_test_environment: None, django_db_blocker: Any, s3_endpoint: str
) -> Iterator[None]:
    """The test database, always (pytest-django would skip it when no test asks for `db`),
    with the tenants every test shares, provisioned once by the real service."""
    from django.test.utils import setup_databases, teardown_databases

    with django_db_blocker.unblock():
        created = setup_databases(verbosity=0, interactive=False, aliases={"default": {}})
        assert connection.settings_dict["NAME"].startswith("test_")
        operator = _user("operator", None, [])
        made = provision_congresses(
            operator,
            ("tcity", "测试市人大常委会", "city", "369800", None),
            ("tcounty", "测试县人大常委会", "county", "369801", "tcity"),
            ("town-a", "甲镇人大主席团", "township", "369801101", "tcounty"),
            ("town-b", "乙镇人大主席团", "township", "369801102", "tcounty"),
        )
        city, county, town_a, town_b = made.values()
        world = World(
            operator=operator,
            city=city,
            county=county,
            town_a=town_a,
            town_b=town_b,
            staff_a=_user("staff-a", town_a, ["staff"], operator),
            staff_b=_user("staff-b", town_b, ["staff"], operator),
            county_admin=_user("county-admin", county, ["system_admin", "staff"], operator),
            deputy_both=_user("deputy-both", town_a, ["deputy"], operator),
        )
        with transaction.atomic():
            membership_grant(
                user=world.deputy_both, congress=county, roles=["deputy"], granted_by=operator
            )
        pytest.world = world  # type: ignore[attr-defined]
    yield
    with django_db_blocker.unblock():
        connection.close()
        # Dropping a database of hundreds of schemas may take longer than a request's statement
        # timeout on a busy machine: the teardown has none.
        connection.settings_dict["OPTIONS"]["options"] = "-c statement_timeout=0"
        teardown_databases(created, verbosity=0)


@pytest.fixture
def world(db: None) -> World:
    return pytest.world  # type: ignore[attr-defined]


@contextmanager
def committed_test_townships(count: int, *, name: str, blocker: Any) -> Iterator[list[Congress]]:
    """`count` townships under the shared test county whose writes really commit (no test
    transaction), dropped after (`factories.committed_townships`); `blocker` is pytest-django's
    `django_db_blocker`, which a fixture asking for `django_db_setup` is given."""
    world: World = pytest.world  # type: ignore[attr-defined]
    with (
        blocker.unblock(),
        committed_townships(
            count, name=name, parent=world.county, operator=world.operator
        ) as towns,
    ):
        yield towns


@pytest.fixture
def eager() -> Iterator[None]:
    """Celery tasks run in place, as they are sent."""
    # The app reads Django's CELERY_* settings, so the key carries the namespace.
    app.conf.CELERY_TASK_ALWAYS_EAGER = True
    yield
    app.conf.CELERY_TASK_ALWAYS_EAGER = False


@pytest.fixture
def committed_pair(django_db_setup: None, django_db_blocker: Any) -> Iterator[list[Congress]]:
    """Two townships of their own whose writes really commit (no test transaction)."""
    with committed_test_townships(2, name="协同测试", blocker=django_db_blocker) as towns:
        yield towns


@pytest.fixture
def committed_town(django_db_setup: None, django_db_blocker: Any) -> Iterator[Congress]:
    """A township of its own whose writes really commit (no test transaction), dropped after."""
    with committed_test_townships(1, name="提交测试", blocker=django_db_blocker) as towns:
        yield towns[0]


@pytest.fixture(autouse=True)
def _back_to_public() -> Iterator[None]:
    yield
    use_public_schema()
    # The test's rows are rolled back; the host answers cached from them go too.
    routing_cache_clear()
    # A request in English leaves its language active in this thread: the next test starts in
    # the default language, whatever ran before it.
    translation.activate(settings.LANGUAGE_CODE)


def host_of(congress: Congress | None) -> str:
    return f"{congress.slug}.localhost" if congress else "localhost"


def post_json(client: Client, path: str, body: object = None, **extra: Any) -> Any:
    """`client` posts `body` (nothing: an empty object) as JSON to `path`: the response."""
    return client.post(path, {} if body is None else body, content_type="application/json", **extra)


def client_on(congress: Congress | None, user: User | None = None) -> Client:
    """A browser-like client on a tenant's host (the public host for None), logged in if asked."""
    client = Client(HTTP_HOST=host_of(congress))
    if user is not None:
        response = client.post(
            "/api/v1/auth/login",
            {"username": user.username, "password": PASSWORD},
            content_type="application/json",
        )
        assert response.status_code == 200, response.content
    return client


@pytest.fixture(scope="session")
def celery_queue(
    django_db_setup: None, s3_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A real `celery worker` process on a queue of its own, against the test database."""
    from config.celery import app

    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    env = {
        "CONGRESS_DATABASE_URL": database_url(),
        "CELERY_TASK_DEFAULT_QUEUE": queue,
        "CONGRESS_S3_ENDPOINT": s3_endpoint,
        "PYTHONPATH": os.pathsep.join([str(Path(settings.ROOT_DIR)), str(settings.PLATFORM_DIR)]),
    }
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    name = f"{queue}@localhost"
    with running(celery_worker(queue, queue, "-l", "INFO"), env=env, log=log) as worker:
        # Until the worker answers a ping: on a busy machine loading Django takes a while, so
        # the deadline is generous; a worker that exits fails at once.
        deadline = time.monotonic() + 180
        while not app.control.ping(destination=[name], timeout=0.5):
            if worker.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"celery worker did not start:\n{log.read_text()}")
        yield queue


class _Unregistered(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.seen: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.seen.append(record.getMessage())


@pytest.fixture(autouse=True)
def _error_codes_registered(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every refusal a test provokes carries a code the OpenAPI document names
    (api/error_codes.py): the exception handler logs any other, and the test fails on it."""
    handler, log = _Unregistered(), logging.getLogger("api.errors")
    log.addHandler(handler)
    try:
        yield
    finally:
        log.removeHandler(handler)
    if not request.node.get_closest_marker("unregistered_code"):
        assert not handler.seen, f"add to api/error_codes.py: {handler.seen}"


def in_tenant(congress: Congress) -> Any:
    return tenant_context(congress)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """What the standing security suites checked (docs/security-suites.md)."""
    from tests.security.counts import COUNTS

    if COUNTS:
        terminalreporter.section("standing security suites")
        for suite, text in COUNTS.items():
            terminalreporter.write_line(f"{suite}: {text}")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last: Playwright's sync API keeps an event loop running in the main thread
    while its browser is open, and Django refuses database calls under a running loop."""
    items.sort(key=lambda item: item.nodeid.startswith("tests/e2e/"))

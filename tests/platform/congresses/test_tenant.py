"""The typed tenant: where it comes from, where it is refused, and how it reaches a task."""

from typing import Any

import pytest
from django.db import transaction
from django.test import RequestFactory
from django_tenants.utils import schema_context, tenant_context

from congresses.middleware import CongressMiddleware
from congresses.tenant import (
    NotInTenant,
    Tenant,
    current_tenant,
    enqueue,
    enqueue_on_commit,
    require_public_schema,
)
from ops.tasks import whereami
from tests.conftest import World, host_of


def test_current_tenant_is_the_connection_s_congress_and_refused_in_public(world: World) -> None:
    with pytest.raises(NotInTenant):
        current_tenant()
    with tenant_context(world.town_a):
        assert current_tenant() == Tenant.of(world.town_a)
        with pytest.raises(NotInTenant):
            require_public_schema()
    with schema_context("town_b"):  # the schema alone: the congress is found by it
        assert current_tenant().id == world.town_b.pk


def test_the_middleware_hands_the_host_s_tenant_on_as_a_value(world: World) -> None:
    def view(request: Any) -> Any:
        return request.host_tenant

    middleware = CongressMiddleware(view)
    for congress, expected in ((world.town_a, Tenant.of(world.town_a)), (None, None)):
        request = RequestFactory().get("/", HTTP_HOST=host_of(congress))
        assert middleware.process_request(request) is None
        assert request.host_tenant == expected  # type: ignore[attr-defined]
    # The last request was the platform's host: the connection is back in public.


def test_a_task_runs_in_the_tenant_it_is_given_not_the_connection_s(
    world: World, celery_queue: str
) -> None:
    with tenant_context(world.town_b):
        result = enqueue(whereami, tenant=Tenant.of(world.town_a))
    assert result.get(timeout=30)["schema"] == "town_a"
    assert enqueue(whereami, tenant=None).get(timeout=30)["schema"] == "public"


def test_enqueue_on_commit_sends_after_the_commit_and_once_when_asked(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    town_a = Tenant.of(world.town_a)
    with tenant_context(world.town_a):
        with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
            enqueue_on_commit(whereami, tenant=town_a, once=True)
            enqueue_on_commit(whereami, tenant=town_a, once=True)
            enqueue_on_commit(whereami, tenant=None, once=True)
        assert len(callbacks) == 2  # one per (task, tenant), not one per call
        with django_capture_on_commit_callbacks() as again, transaction.atomic():
            enqueue_on_commit(whereami, tenant=town_a)
            enqueue_on_commit(whereami, tenant=town_a)
        assert len(again) == 2  # without `once`, every call sends

"""A tenant's credentials, ids, cache keys, files and tasks never reach another tenant."""

import uuid

from django.core.cache import cache
from django_tenants.utils import tenant_context

from accounts.services import api_token_create
from filestore import storage
from filestore.services import file_store
from ops.tasks import whereami
from ops.tenancy import current_schema
from tenants.deputies.models import Deputy
from tests.conftest import World, client_on
from tests.factories import PNG
from tests.tenants.stations.factories import make_deputy


def test_a_session_of_tenant_a_gets_403_on_tenant_b_host(world: World) -> None:
    client_a = client_on(world.town_a, world.staff_a)
    assert client_a.get("/api/v1/deputies").status_code == 200

    client_a.defaults["HTTP_HOST"] = "town-b.localhost"
    response = client_a.get("/api/v1/deputies")

    assert response.status_code == 403
    assert response.json()["code"] == "tenant_mismatch"


def test_a_session_of_a_user_who_is_member_of_both_still_gets_403_on_the_other_host(
    world: World,
) -> None:
    client = client_on(world.town_a, world.deputy_both)
    client.defaults["HTTP_HOST"] = "tcounty.localhost"

    assert client.get("/api/v1/deputies").status_code == 403


def test_a_token_of_tenant_a_gets_403_on_tenant_b_host(world: World) -> None:
    _token, raw = api_token_create(user=world.staff_a, congress=world.town_a, name="ci")
    headers = {"Authorization": f"Bearer {raw}"}

    assert client_on(world.town_a).get("/api/v1/deputies", headers=headers).status_code == 200
    response = client_on(world.town_b).get("/api/v1/deputies", headers=headers)

    assert response.status_code == 403
    assert response.json()["code"] == "tenant_mismatch"


def test_objects_of_b_are_unreachable_by_id_from_a(world: World) -> None:
    with tenant_context(world.town_b):
        deputy_b = make_deputy("乙镇代表")
        file_b = file_store(uploaded_by=None, name="b.png", data=PNG)
    client_a = client_on(world.town_a, world.staff_a)

    # Ids are per schema: on A's host B's id names A's row or nothing, never B's.
    response = client_a.get(f"/api/v1/deputies/{deputy_b.pk}")
    assert response.status_code == 404 or response.json()["name"] != "乙镇代表"
    assert all(d["name"] != "乙镇代表" for d in client_a.get("/api/v1/deputies").json()["results"])
    assert client_a.get(f"/api/v1/files/{file_b.pk}/url").status_code == 404
    with tenant_context(world.town_a):
        assert not Deputy.objects.filter(name="乙镇代表").exists()


def test_cache_keys_of_a_and_b_differ(world: World) -> None:
    name = f"greeting-{uuid.uuid4().hex}"
    with tenant_context(world.town_a):
        cache.set(name, "甲")
        key_a = cache.make_key(name)
    with tenant_context(world.town_b):
        key_b = cache.make_key(name)
        assert cache.get(name) is None
        cache.set(name, "乙")
    with tenant_context(world.town_a):
        assert cache.get(name) == "甲"

    assert key_a != key_b
    assert "town_a" in key_a and "town_b" in key_b


def test_file_paths_of_a_and_b_differ(world: World) -> None:
    with tenant_context(world.town_a):
        file_a = file_store(uploaded_by=None, name="a.png", data=PNG)
    with tenant_context(world.town_b):
        file_b = file_store(uploaded_by=None, name="b.png", data=PNG)

    assert file_a.key.startswith("tenants/town_a/")
    assert file_b.key.startswith("tenants/town_b/")
    with tenant_context(world.town_b):
        # Even with the key in hand, B's code path will not sign A's object.
        try:
            storage.presigned_download_url(key=file_a.key, filename="a.png")
        except PermissionError:
            pass
        else:
            raise AssertionError("a presigned URL was issued for another tenant's object")


def test_a_task_enqueued_in_a_runs_in_a_schema(world: World, celery_queue: str) -> None:
    with tenant_context(world.town_a):
        result_a = whereami.delay()
    with tenant_context(world.town_b):
        result_b = whereami.delay()

    assert result_a.get(timeout=30)["schema"] == "town_a"
    assert result_b.get(timeout=30)["schema"] == "town_b"
    assert current_schema() == "public"


def test_the_schema_is_restored_after_a_task_runs_in_process(world: World) -> None:
    with tenant_context(world.town_a):
        whereami.apply()  # in-process, as with no broker
        assert current_schema() == "town_a"
    with tenant_context(world.town_b):
        outcome = whereami.apply(headers={"_schema_name": "town_a"})
        assert outcome.get()["schema"] == "town_a"
        assert current_schema() == "town_b"

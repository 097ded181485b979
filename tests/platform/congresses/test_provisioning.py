"""Provisioning by command and by API; every refusal is a clear 4xx and leaves nothing behind."""

import uuid

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django.test import Client
from django_tenants.utils import schema_exists, tenant_context

from accounts.models import Membership, User
from audit.models import AuditEntry
from congresses.introspection import schema_signature
from congresses.models import Congress, Domain, ProvisioningJob, SchemaMigrationState
from congresses.pool import pool_claim, pool_drain, pool_fill
from congresses.schemas import (
    schema_build_by_migrations,
    schema_build_from_template,
    schema_template_current,
)
from congresses.services import CongressSpec, congress_provision
from ops.errors import DomainError
from tests.api.hall import member
from tests.conftest import World, client_on
from tests.factories import other_county


def _nothing_left(slug: str, admin_username: str = "") -> bool:
    schema = slug.replace("-", "_")
    return (
        not Congress.objects.filter(slug=slug).exists()
        and not Domain.objects.filter(domain=f"{slug}.localhost").exists()
        and not schema_exists(schema)
        and not Membership.objects.filter(congress__slug=slug).exists()
        and not (admin_username and User.objects.filter(username=admin_username).exists())
    )


def _command(name: str, slug: str, code: str, parent: str, **admin: str) -> None:
    """`manage.py congress_provision` of a township, as the tests' platform operator."""
    call_command(
        "congress_provision",
        name=name,
        slug=slug,
        level="township",
        division_code=code,
        parent=parent,
        operator="operator",
        **admin,
    )


def test_the_command_provisions_a_township_with_its_first_administrator(world: World) -> None:
    _command(
        "丙镇人大主席团",
        "town-c",
        "369801103",
        "tcounty",
        admin_username="town-c-admin",
        admin_password="Admin#2026c",
    )

    town = Congress.objects.get(slug="town-c")
    assert town.parent == world.county and town.schema_name == "town_c"
    assert Domain.objects.filter(domain="town-c.localhost", tenant=town, is_primary=True).exists()
    assert schema_exists("town_c")
    membership = Membership.objects.get(congress=town, user__username="town-c-admin")
    assert set(membership.roles) == {"system_admin", "staff"}
    with tenant_context(town):
        assert AuditEntry.objects.filter(action="congress.provision").count() == 1
    # The new administrator logs in on the new host.
    assert (
        client_on(town)
        .post(
            "/api/v1/auth/login",
            {"username": "town-c-admin", "password": "Admin#2026c"},
            content_type="application/json",
        )
        .status_code
        == 200
    )


def test_the_command_refuses_with_the_reason(world: World) -> None:
    with pytest.raises(CommandError, match="parent_wrong_level"):
        _command("丁镇人大主席团", "town-d", "369800104", "tcity")
    assert _nothing_left("town-d")


def _provision_by_api(client: Client, **overrides: object):
    body = {
        "name": "戊镇人大主席团",
        "slug": f"wu-{uuid.uuid4().hex[:6]}",
        "level": "township",
        "division_code": "369801105",
        "admin_username": "",
        "admin_password": "",
        **overrides,
    }
    return body, client.post("/api/v1/congresses", body, content_type="application/json")


def test_a_county_administrator_provisions_a_township_through_the_api(world: World) -> None:
    client = client_on(world.county, world.county_admin)

    body, response = _provision_by_api(
        client, parent_id=world.county.pk, admin_username="wu-admin", admin_password="Admin#2026w"
    )

    assert response.status_code == 202, response.json()
    job = ProvisioningJob.objects.get(pk=response.json()["id"])
    assert job.state == ProvisioningJob.State.QUEUED
    # The task is queued after commit; here the test runs it as the worker would, with the
    # public schema its message carries (enqueue_on_commit(..., tenant=None)).
    from congresses.tasks import provision_congress

    provision_congress.apply(args=(job.pk,), headers={"_schema_name": "public"})
    progress = client.get(f"/api/v1/provisioning-jobs/{job.pk}").json()
    assert progress["state"] == "succeeded" and progress["progress"] == 100
    town = Congress.objects.get(slug=body["slug"])
    assert town.parent == world.county
    job.refresh_from_db()
    assert job.spec["admin_password_hash"] == ""  # no hash kept once the job ends
    # Running the task again (a redelivered message) changes nothing.
    provision_congress.apply(args=(job.pk,), headers={"_schema_name": "public"})
    assert Congress.objects.filter(slug=body["slug"]).count() == 1


@pytest.mark.parametrize(
    ("case", "overrides", "status", "code"),
    [
        ("empty name", {"name": "  "}, 400, "invalid"),
        ("latin name", {"name": "Town Wu"}, 400, "name_invalid"),
        ("bad slug", {"slug": "Wu_Town!"}, 400, "slug_invalid"),
        ("reserved slug", {"slug": "admin"}, 400, "slug_invalid"),
        ("duplicate domain", {"slug": "town-a"}, 409, "domain_taken"),
        ("unknown parent", {"parent_id": 987654}, 400, "parent_unknown"),
        ("no parent", {"parent_id": None}, 400, "parent_required"),
        ("code of another county", {"division_code": "369999105"}, 400, "division_code_mismatch"),
        ("short code", {"division_code": "3698"}, 400, "division_code_invalid"),
        (
            "weak admin password",
            {"admin_username": "wu-admin", "admin_password": "password"},
            400,
            "password_weak",
        ),
    ],
)
def test_bad_input_is_refused_at_once_and_leaves_nothing(
    world: World, case: str, overrides: dict, status: int, code: str
) -> None:
    client = client_on(world.county, world.county_admin)
    overrides = {"parent_id": world.county.pk, **overrides}

    body, response = _provision_by_api(client, **overrides)

    assert response.status_code == status, case
    assert response.json()["code"] == code
    assert response.json()["detail"]  # a human message
    assert not ProvisioningJob.objects.exists()
    if body["slug"] != "town-a":
        assert _nothing_left(body["slug"], body["admin_username"])


def test_a_parent_of_the_wrong_level_is_refused(world: World) -> None:
    client = client_on(None, world.operator)

    body, response = _provision_by_api(client, parent_id=world.city.pk)

    assert response.status_code == 400
    assert response.json()["code"] == "parent_wrong_level"
    assert _nothing_left(body["slug"])


def test_the_refusal_is_in_english_when_asked(world: World) -> None:
    client = client_on(None, world.operator)

    response = client.post(
        "/api/v1/congresses",
        {
            "name": "戊镇人大主席团",
            "slug": "wu-en",
            "level": "township",
            "division_code": "369801105",
            "parent_id": world.city.pk,
        },
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 400
    assert "county" in response.json()["detail"].lower()


@pytest.mark.parametrize(
    "who", ["township staff", "county staff without admin role", "admin of another county"]
)
def test_a_caller_without_the_right_gets_403_and_nothing_is_written(world: World, who: str) -> None:
    if who == "township staff":
        client, parent = client_on(world.town_a, world.staff_a), world.county
    elif who == "county staff without admin role":
        staff = member(User.objects.create(username="county-staff"), world.county, ["staff"])
        client, parent = client_on(world.county, staff), world.county
    else:
        other = other_county(world, "另县人大常委会")
        admin = member(User.objects.create(username="other-admin"), other, ["system_admin"])
        client, parent = client_on(other, admin), world.county

    body, response = _provision_by_api(client, parent_id=parent.pk)

    assert response.status_code == 403
    assert response.json()["code"] == "provision_not_allowed"
    assert _nothing_left(body["slug"])


def test_a_failure_after_the_schema_is_built_leaves_nothing_behind(world: World) -> None:
    # The first administrator already audits another tenant, so granting them system admin
    # fails (三员分立) after the congress, domain and schema exist inside the transaction.
    auditor = User.objects.create(username="auditor-elsewhere")
    Membership.objects.create(user=auditor, congress=world.town_a, roles=["audit_admin"])
    spec = CongressSpec(
        name="己镇人大主席团",
        slug="town-ji",
        level="township",
        division_code="369801106",
        parent_id=world.county.pk,
        admin_username="auditor-elsewhere",
    )

    with pytest.raises(DomainError) as refused:
        congress_provision(spec=spec, requested_by=world.operator, acting_in=None)

    assert refused.value.code == "separated_admin_roles"
    assert _nothing_left("town-ji")


def test_the_template_and_pool_paths_give_a_schema_identical_to_migrations(
    django_db_setup: None, django_db_blocker
) -> None:
    suffix = uuid.uuid4().hex[:6]
    migrated, replayed = f"cmp_migrated_{suffix}", f"cmp_template_{suffix}"
    pooled = f"cmp_pooled_{suffix}"
    with django_db_blocker.unblock():
        try:
            schema_build_by_migrations(migrated)
            template = schema_template_current()
            schema_build_from_template(replayed, template)
            assert pool_fill(size=1) == 1
            with transaction.atomic():
                assert pool_claim(pooled, template)

            assert schema_signature(replayed) == schema_signature(migrated)
            assert schema_signature(pooled) == schema_signature(migrated)
            assert schema_signature(migrated)["constraints"]  # not comparing two empty lists
            assert any(
                "_uniq" in row[1] or "_key" in row[1] or "pkey" in row[1]
                for row in schema_signature(migrated)["constraints"]
            )
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {migrated} CASCADE")
                cursor.execute(f"DROP SCHEMA IF EXISTS {replayed} CASCADE")
                cursor.execute(f"DROP SCHEMA IF EXISTS {pooled} CASCADE")
            SchemaMigrationState.objects.filter(schema_name__in=[replayed, pooled]).delete()
            pool_drain()

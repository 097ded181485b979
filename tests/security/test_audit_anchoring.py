"""Audit anchoring: each tenant's chain head is kept outside the tenant (a public-schema row and a
storage object), so `audit_verify` catches what the chain alone cannot (finding: deleting the
newest entries, or editing the newest and recomputing its hash, went undetected)."""

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection, transaction
from django_tenants.utils import tenant_context

from audit.anchors import PREFIX, audit_anchor
from audit.chain import entry_hash
from audit.models import AuditEntry
from audit.services import audit_record
from audit.tasks import anchor_all_chains
from congresses.models import AuditAnchor
from filestore import storage
from tests.conftest import World


@pytest.fixture
def anchored(world: World) -> Iterator[list[AuditEntry]]:
    """Town B's chain with five fresh entries, its head anchored; the storage objects go after
    (the database rows roll back with the test)."""
    with tenant_context(world.town_b), transaction.atomic():
        entries = [audit_record(action=f"test.anchor{i}", payload={"i": i}) for i in range(5)]
    audit_anchor(congress=world.town_b)
    yield entries
    client = storage.client()
    for item in client.list_objects(settings.S3_BUCKET, prefix=f"{PREFIX}/town_b/", recursive=True):
        client.remove_object(settings.S3_BUCKET, str(item.object_name))


def _as_superuser(sql: str, params: list[int | str]) -> None:
    """What an intruder with database rights could do: bypass the append-only trigger."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        cursor.execute("SET LOCAL session_replication_role = origin")


def test_an_anchored_chain_that_grew_still_verifies(
    world: World, anchored: list[AuditEntry]
) -> None:
    with tenant_context(world.town_b), transaction.atomic():
        audit_record(action="test.after_anchor")

    call_command("audit_verify", schema="town_b")


def test_deleting_the_newest_entries_is_detected(
    world: World, anchored: list[AuditEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    with tenant_context(world.town_b):
        _as_superuser("DELETE FROM audit_auditentry WHERE seq >= %s", [anchored[3].seq])

    with pytest.raises(CommandError, match="town_b"):
        call_command("audit_verify", schema="town_b")

    assert "missing" in capsys.readouterr().err


def test_rewriting_the_newest_entry_with_its_hash_recomputed_is_detected(
    world: World, anchored: list[AuditEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    newest = anchored[-1]
    with tenant_context(world.town_b):
        fields = AuditEntry.objects.filter(pk=newest.pk).values().get()
        fields["payload"] = {"i": 99}
        forged = entry_hash(fields, fields["prev_hash"])
        _as_superuser(
            "UPDATE audit_auditentry SET payload = '{\"i\": 99}', hash = %s WHERE id = %s",
            [forged, newest.pk],
        )
        # The chain's own links still hold: only the anchor shows the rewrite.
        assert AuditEntry.objects.get(pk=newest.pk).hash == forged

    with pytest.raises(CommandError, match="town_b"):
        call_command("audit_verify", schema="town_b")

    assert f"entry #{newest.seq} does not match its anchor" in capsys.readouterr().err


def test_the_storage_copy_catches_a_truncation_whose_public_row_was_removed(
    world: World, anchored: list[AuditEntry]
) -> None:
    AuditAnchor.objects.filter(congress=world.town_b).delete()
    with tenant_context(world.town_b):
        _as_superuser("DELETE FROM audit_auditentry WHERE seq = %s", [anchored[-1].seq])

    with pytest.raises(CommandError, match="town_b"):
        call_command("audit_verify", schema="town_b")


def test_the_beat_task_anchors_every_tenant(world: World) -> None:
    try:
        anchored = anchor_all_chains()

        assert anchored >= 4
        assert AuditAnchor.objects.filter(congress=world.town_a).exists()
    finally:
        client = storage.client()
        for item in client.list_objects(settings.S3_BUCKET, prefix=f"{PREFIX}/", recursive=True):
            client.remove_object(settings.S3_BUCKET, str(item.object_name))

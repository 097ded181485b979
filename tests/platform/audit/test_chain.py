"""The audit chain: append-only in the database, and any edit, deletion or reordering that gets
past the trigger (a superuser) is caught by `audit_verify`, which names the entry."""

from collections.abc import Iterator

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction
from django_tenants.utils import tenant_context

from audit.chain import GENESIS, entry_hash, find_break
from audit.models import AuditEntry
from audit.services import audit_record
from tests.conftest import World


@pytest.fixture
def chain(world: World) -> Iterator[list[AuditEntry]]:
    """Five fresh entries at the end of town B's chain."""
    with tenant_context(world.town_b):
        with transaction.atomic():
            entries = [audit_record(action=f"test.step{i}", payload={"i": i}) for i in range(5)]
        yield entries


def _as_superuser(sql: str, params: list[int]) -> None:
    """What an intruder with database rights could do: bypass the append-only trigger."""
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute(sql, params)
        cursor.execute("SET LOCAL session_replication_role = origin")


def test_an_untouched_chain_verifies(chain: list[AuditEntry]) -> None:
    call_command("audit_verify", schema="town_b")


def test_the_trigger_refuses_updates_and_deletes(chain: list[AuditEntry]) -> None:
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=chain[0].pk).update(action="forged")
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        AuditEntry.objects.filter(pk=chain[0].pk).delete()


def test_an_edited_entry_is_named(
    chain: list[AuditEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    _as_superuser(
        "UPDATE audit_auditentry SET payload = '{\"i\": 99}' WHERE id = %s", [chain[2].pk]
    )

    with pytest.raises(CommandError, match="town_b"):
        call_command("audit_verify", schema="town_b")

    assert f"entry #{chain[2].seq}" in capsys.readouterr().err


def test_a_deleted_entry_is_named(
    chain: list[AuditEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    _as_superuser("DELETE FROM audit_auditentry WHERE id = %s", [chain[2].pk])

    with pytest.raises(CommandError):
        call_command("audit_verify", schema="town_b")

    # The gap shows at the entry after the deleted one.
    assert f"entry #{chain[3].seq}" in capsys.readouterr().err


def test_reordered_entries_are_named(
    chain: list[AuditEntry], capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = chain[1], chain[2]
    _as_superuser(
        "UPDATE audit_auditentry SET seq = CASE id WHEN %s THEN %s ELSE %s END WHERE id IN (%s, %s)",
        [first.pk, -1, first.seq, first.pk, second.pk],
    )
    _as_superuser("UPDATE audit_auditentry SET seq = %s WHERE id = %s", [second.seq, first.pk])

    with pytest.raises(CommandError):
        call_command("audit_verify", schema="town_b")

    assert f"entry #{first.seq}" in capsys.readouterr().err


def test_a_chain_is_per_schema(world: World) -> None:
    with tenant_context(world.town_a), transaction.atomic():
        audit_record(action="test.only_in_a")
    with tenant_context(world.town_b):
        assert not AuditEntry.objects.filter(action="test.only_in_a").exists()


def test_find_break_on_plain_values() -> None:
    rows = []
    prev = GENESIS
    for seq in (1, 2, 3):
        row: dict[str, object] = {
            "id": seq,
            "seq": seq,
            "at": "2026-11-26T00:00:00+00:00",
            "actor_id": None,
            "actor_label": "",
            "action": "a",
            "target_type": "",
            "target_id": "",
            "outcome": "success",
            "payload": {},
            "request_id": "",
        }
        row["prev_hash"] = prev
        row["hash"] = prev = entry_hash(row, prev)
        rows.append(row)

    assert find_break(rows) is None
    assert find_break([rows[0], rows[2]]) is not None
    tampered = {**rows[1], "action": "b"}
    found = find_break([rows[0], tampered, rows[2]])
    assert found is not None and found.seq == 2

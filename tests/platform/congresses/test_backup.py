"""One congress's backup and restore (docs/backup.md), on a township whose writes really commit:
the backup reads its own snapshot and the restore runs its own transaction, as in production."""

import hashlib
import io
import json
import tarfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction
from django.db.models import Q
from django_tenants.utils import quote_schema_name, tenant_context

from accounts.models import Membership, User
from audit.anchors import anchor_mismatch, audit_anchor, stored_anchors
from congresses.models import AuditAnchor, Congress, Domain, SchemaMigrationState
from congresses.services import CongressSpec, congress_provision
from crossing.models import Dispatch
from directory.models import DeputyListing
from filestore import storage
from filestore.models import StoredFile
from filestore.services import file_store
from ops.tenancy import use_public_schema
from rollups.services import rollup_drain
from supervision.models import Guidance, GuidanceReceipt, GuidanceTarget
from supervision.services import guidance_issue, guidance_read
from tenants.linkage.opinions.models import Opinion
from tenants.linkage.opinions.services import opinion_receive
from tenants.voting.models import Ballot, Participation
from tenants.voting.services import ballot_cast, cycle_create, round_close
from tenants.voting.store import box_open, receipt_hash
from tests.conftest import PASSWORD, World, client_on
from tests.factories import PNG, make_member, make_term, unused_township_code
from tests.tenants.voting.factories import Vote, make_proposal, make_vote, per_candidate

VOTERS = 12


@dataclass
class Town:
    congress: Congress
    staff: User
    vote: Vote
    cast_order: list[int]  # deputy ids, in the order they cast
    receipts: list[str]  # receipt codes, in the same order
    picture: StoredFile
    receipt: GuidanceReceipt  # of guidance the county sent: a row shared with the county


def _drop(congress: Congress) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE")
    SchemaMigrationState.objects.filter(schema_name=congress.schema_name).delete()
    Guidance.objects.filter(targets__congress=congress).delete()
    Dispatch.objects.filter(Q(origin=congress) | Q(target=congress)).delete()
    congress.delete()  # memberships, listings, rollups, anchors and domains go with it


@pytest.fixture
def committed(django_db_setup: None, django_db_blocker: Any) -> Iterator[list[Congress]]:
    """Congresses made by a test, dropped after it; the first is a filled township."""
    made: list[Congress] = []
    with django_db_blocker.unblock():
        try:
            yield made
        finally:
            connections.close_all()
            use_public_schema()
            for congress in sorted(made, key=lambda c: -c.pk):
                found = Congress.objects.filter(pk=congress.pk).first()
                if found is not None:
                    _drop(found)


@pytest.fixture
def town(committed: list[Congress]) -> Town:
    """A township filled through the services: deputies, a cycle with proposals and an open
    round in which known deputies have cast in a known order, an opinion, an uploaded file."""
    world: World = pytest.world  # type: ignore[attr-defined]
    slug = f"bk-{uuid.uuid4().hex[:6]}"
    congress = congress_provision(
        spec=CongressSpec(
            name=f"备份测试{slug[-6:]}镇人大主席团",
            slug=slug,
            level="township",
            division_code=unused_township_code(),
            parent_id=world.county.pk,
        ),
        requested_by=world.operator,
        acting_in=None,
    )
    committed.append(congress)
    staff = make_member(
        f"{slug}-staff",
        congress,
        ["staff"],
        world.operator,
        password=PASSWORD,
        display_name="备份测试工作人员",
    )
    with tenant_context(congress):
        vote = make_vote(deputies=VOTERS + 2, candidates=3, seats=1)
        later = cycle_create(
            year=2029, title="2029年民生实事项目票决", term=make_term(), actor=None
        )
        for title in ("村道硬化", "卫生室改造"):
            make_proposal(
                later,
                title,
                source="deputy",
                category="交通",
                description=f"{title}的建议",
                submitter_name="王建国",
                deputy=vote.deputies[0],
            )
        opinion_receive(channel="reception", content="路灯不亮", citizen_name="李秀英")
        picture = file_store(uploaded_by=staff, name="现场.png", data=PNG)
        cast_order: list[int] = []
        receipts: list[str] = []
        for deputy in reversed(vote.deputies[:VOTERS]):  # one commit each, a known order
            yes = vote.candidates[len(cast_order) % 3]
            receipt = ballot_cast(
                round_id=vote.round.pk,
                deputy=deputy,
                choices=per_candidate(vote, yes),
                actor=None,
            )
            cast_order.append(deputy.pk)
            receipts.append(receipt.code)
    guidance = guidance_issue(
        issuer=world.county,
        actor=world.county_admin,
        kind="notice",
        title="关于做好民生实事项目票决工作的通知",
        body="请各镇按时完成票决。",
        targets=[congress],
    )
    read = guidance_read(guidance=guidance, congress=congress, reader=staff)
    assert audit_anchor(congress=congress) is not None  # the daily anchor of the tenant's chain
    with tenant_context(congress):
        # Settled: the outbox drained here, so a drain a worker runs later finds nothing to
        # mark and the tests' snapshots do not race it.
        rollup_drain()
    return Town(congress, staff, vote, cast_order, receipts, picture, read)


def _tables(schema: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, by primary key, with the schema's file prefix taken out of keys."""
    prefix = f"tenants/{schema}/"
    found: dict[str, list[tuple[Any, ...]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = %s "
            "AND table_type = 'BASE TABLE' ORDER BY table_name",
            [schema],
        )
        for (table,) in cursor.fetchall():
            if table == "django_migrations":
                cursor.execute(f'SELECT app, name FROM "{schema}".django_migrations ORDER BY 1, 2')
            else:
                cursor.execute(f'SELECT * FROM "{schema}"."{table}" ORDER BY 1')
            found[table] = [
                tuple(v.replace(prefix, "tenants/*/") if isinstance(v, str) else v for v in row)
                for row in cursor.fetchall()
            ]
    return found


def _without_restore_entries(tables: dict[str, list[tuple[Any, ...]]]) -> dict[str, Any]:
    audit = tables["audit_auditentry"]
    return {**tables, "audit_auditentry": [r for r in audit if "congress.restore" not in r]}


def _sequences(schema: str) -> dict[str, tuple[int, bool]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = %s ORDER BY 1", [schema]
        )
        names = [row[0] for row in cursor.fetchall()]
        values = {}
        for name in names:
            cursor.execute(f'SELECT last_value, is_called FROM "{schema}"."{name}"')
            values[name] = cursor.fetchone()
    return values


def _files(schema: str) -> dict[str, bytes]:
    prefix = f"tenants/{schema}/"
    return {
        key.removeprefix(prefix): storage.get_object_bytes(key) for key in storage.list_keys(prefix)
    }


def _backup(congress: Congress, tmp_path: Path, name: str = "backup.tar.gz") -> Path:
    out = tmp_path / name
    call_command("congress_backup", congress.slug, out=str(out))
    return out


def _part(path: Path, name: str) -> bytes:
    with tarfile.open(path, "r:gz") as archive:
        extracted = archive.extractfile(name)
        assert extracted is not None
        return extracted.read()


def _login_and_list_deputies(congress: Congress, staff: User) -> list[str]:
    response = client_on(congress, staff).get("/api/v1/deputies")
    assert response.status_code == 200, response.content
    body = response.json()
    rows = body["results"] if isinstance(body, dict) else body
    return sorted(row["name"] for row in rows)


def test_a_restore_under_a_new_slug_is_the_same_congress_on_a_new_host(
    town: Town, committed: list[Congress], tmp_path: Path
) -> None:
    source = town.congress
    path = _backup(source, tmp_path)
    new_slug = f"{source.slug}-copy"

    call_command(
        "congress_restore",
        str(path),
        "--as",
        new_slug,
        "--name",
        "备份恢复镇人大主席团",
        "--division-code",
        unused_township_code(),
    )

    copy = Congress.objects.get(slug=new_slug)
    committed.append(copy)
    assert copy.pk != source.pk and copy.schema_name == new_slug.replace("-", "_")
    assert copy.parent_id == source.parent_id and copy.level == source.level
    assert Domain.objects.filter(tenant=copy, domain=f"{new_slug}.localhost").exists()
    # Every table, row for row, modulo the schema's name in file keys; sequences where they were.
    assert _without_restore_entries(_tables(copy.schema_name)) == _tables(source.schema_name)
    sequences = _sequences(source.schema_name)
    last_entry, is_called = sequences["audit_auditentry_id_seq"]
    sequences["audit_auditentry_id_seq"] = (last_entry + 1, is_called)  # the restore's own entry
    assert _sequences(copy.schema_name) == sequences
    # The files, byte for byte, under the new prefix; the row names the new key.
    assert _files(copy.schema_name) == _files(source.schema_name) != {}
    with tenant_context(copy):
        moved = StoredFile.objects.get(pk=town.picture.pk)
    assert moved.key.startswith(f"tenants/{copy.schema_name}/")
    assert storage.get_object_bytes(moved.key) == PNG
    # Its public rows, pointing at the new congress.
    assert sorted(
        Membership.objects.filter(congress=copy).values_list("user__username", "roles")
    ) == sorted(Membership.objects.filter(congress=source).values_list("user__username", "roles"))
    assert sorted(
        DeputyListing.objects.filter(congress=copy).values_list("deputy_id", "name", "user_id")
    ) == sorted(
        DeputyListing.objects.filter(congress=source).values_list("deputy_id", "name", "user_id")
    )
    assert SchemaMigrationState.objects.get(schema_name=copy.schema_name).fingerprint == (
        SchemaMigrationState.objects.get(schema_name=source.schema_name).fingerprint
    )
    # The anchored chain head came along, as a row and as an object naming the new schema.
    assert AuditAnchor.objects.filter(congress=copy).count() == 1
    assert stored_anchors(copy.schema_name) == stored_anchors(source.schema_name)
    assert anchor_mismatch(copy.schema_name) is None
    # Shared rows are not copied: nothing was sent to the copy.
    assert not GuidanceTarget.objects.filter(congress=copy).exists()
    assert GuidanceTarget.objects.filter(congress=source).exists()
    # It answers on its own host, to the same staff account.
    assert _login_and_list_deputies(copy, town.staff) == _login_and_list_deputies(
        source, town.staff
    )
    # The round restored open goes on: it closes with ballots = participations, and a deputy's
    # receipt is found.
    with tenant_context(copy):
        closed = round_close(round_id=town.vote.round.pk, actor=None)
    assert closed.ballot_count == closed.participation_count == VOTERS
    check = client_on(copy, town.staff).post(
        f"/api/v1/voting/rounds/{town.vote.round.pk}/receipt-check",
        {"receipt": town.receipts[3]},
        content_type="application/json",
    )
    assert check.status_code == 200, check.content
    assert check.json()["counted"] is True


def test_a_restore_in_place_puts_back_what_was_deleted(town: Town, tmp_path: Path) -> None:
    source = town.congress
    before_tables, before_files = _tables(source.schema_name), _files(source.schema_name)
    before_members = sorted(
        Membership.objects.filter(congress=source).values_list("pk", "user_id", "roles")
    )
    path = _backup(source, tmp_path)
    # Given: data lost after the backup, and a file added since.
    with tenant_context(source), transaction.atomic():
        Opinion.objects.all().delete()
        Ballot.objects.all().delete()
        Participation.objects.all().delete()
        StoredFile.objects.filter(pk=town.picture.pk).delete()
        file_store(uploaded_by=None, name="多余.png", data=PNG)
    storage.remove_object(town.picture.key)
    audit_anchor(congress=source)  # an anchor newer than the backup
    Membership.objects.filter(congress=source, user=town.staff).delete()
    GuidanceReceipt.objects.filter(pk=town.receipt.pk).delete()
    assert _tables(source.schema_name) != before_tables

    call_command("congress_restore", str(path), "--replace")

    restored = Congress.objects.get(slug=source.slug)
    assert restored.pk == source.pk and restored.schema_name == source.schema_name
    assert _without_restore_entries(_tables(source.schema_name)) == before_tables
    assert _files(source.schema_name) == before_files
    assert (
        sorted(Membership.objects.filter(congress=source).values_list("pk", "user_id", "roles"))
        == before_members
    )
    assert _login_and_list_deputies(restored, town.staff)
    # A shared row deleted since the backup is back under its id.
    back = GuidanceReceipt.objects.get(pk=town.receipt.pk)
    assert (back.congress_id, back.reader_id) == (source.pk, town.staff.pk)
    # The chain holds, with the restore recorded at its end; the newer anchor went with the rewind.
    assert len(stored_anchors(source.schema_name)) == 1
    assert anchor_mismatch(source.schema_name) is None
    call_command("audit_verify", schema=source.schema_name)


def test_a_backup_during_an_open_round_cannot_join_ballots_to_deputies(
    town: Town, tmp_path: Path
) -> None:
    path = _backup(town.congress, tmp_path)
    manifest = json.loads(_part(path, "manifest.json"))

    ballot_columns = manifest["tables"]["voting_ballot"]["columns"]
    ballots = [
        dict(zip(ballot_columns, line.split("\t"), strict=True))
        for line in _part(path, "schema/voting_ballot.copy").decode().splitlines()
    ]
    participation_columns = manifest["tables"]["voting_participation"]["columns"]
    participations = [
        dict(zip(participation_columns, line.split("\t"), strict=True))
        for line in _part(path, "schema/voting_participation.copy").decode().splitlines()
    ]

    # The participations do give the casting order (who voted when is not secret)...
    assert [int(p["deputy_id"]) for p in participations] == town.cast_order
    # ...so the ballots must not: while the round is open each is a box (choices and receipt
    # hash encrypted under a key the backup does not hold), nothing that names a deputy, a time
    # or a transaction, and they come in key order, which is random, not casting order.
    assert set(ballot_columns) == {"id", "round_id", "choices", "receipt_hash", "box", "sealed"}
    assert all(b["choices"] == b["receipt_hash"] == "\\N" for b in ballots)
    assert [b["id"] for b in ballots] == sorted(b["id"] for b in ballots)
    position = {receipt_hash(code): i for i, code in enumerate(town.receipts)}
    salt = town.vote.round.ballot_salt

    def opened(box: str) -> int:  # with the server's key, which is not in the archive
        return position[box_open(salt=salt, box=bytes.fromhex(box.lstrip("\\")[1:]))[1]]

    in_file = [opened(b["box"]) for b in ballots]
    assert sorted(in_file) == list(range(VOTERS))
    assert in_file != list(range(VOTERS))
    # The live table's physical order is the casting order: what a plain dump would have written.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT encode(box, 'hex') FROM "
            f"{quote_schema_name(town.congress.schema_name)}.voting_ballot ORDER BY ctid"
        )
        assert [opened("x" + row[0]) for row in cursor.fetchall()] == list(range(VOTERS))
    # No other part of the archive holds a ballot's key or receipt hash.
    keys = {b["id"] for b in ballots} | set(position)
    with tarfile.open(path, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name in ("schema/voting_ballot.copy", "manifest.json"):
                continue
            extracted = archive.extractfile(member)
            text = extracted.read().decode(errors="replace") if extracted else ""
            assert not [key for key in keys if key in text], member.name


def test_the_manifest_counts_and_hashes_every_part(town: Town, tmp_path: Path) -> None:
    path = _backup(town.congress, tmp_path)
    manifest = json.loads(_part(path, "manifest.json"))

    assert manifest["congress"]["slug"] == town.congress.slug
    parts = {part["name"]: part for part in manifest["parts"]}
    for name, part in parts.items():
        assert hashlib.sha256(_part(path, name)).hexdigest() == part["sha256"]
    assert parts["schema/voting_ballot.copy"]["rows"] == VOTERS
    assert parts["schema/voting_proposal.copy"]["rows"] == 2
    assert parts["schema/opinions_opinion.copy"]["rows"] == 1
    assert parts["public/membership.json"]["rows"] == 1
    assert f"files/{town.picture.key}" in parts
    state = SchemaMigrationState.objects.get(schema_name=town.congress.schema_name)
    assert manifest["migrations"]["fingerprint"] == state.fingerprint


def _rewritten(path: Path, tmp_path: Path, change: Any) -> Path:
    """A copy of the archive with its manifest changed by `change`."""
    out = tmp_path / f"changed-{uuid.uuid4().hex[:6]}.tar.gz"
    with tarfile.open(path, "r:gz") as source, tarfile.open(out, "w:gz") as target:
        for member in source.getmembers():
            extracted = source.extractfile(member)
            data = extracted.read() if extracted else b""
            if member.name == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))
    return out


def test_refusals_name_their_reason_and_change_nothing(town: Town, tmp_path: Path) -> None:
    source = town.congress
    with pytest.raises(CommandError, match="congress_unknown"):
        call_command("congress_backup", "no-such-town", out=str(tmp_path / "x.tar.gz"))
    path = _backup(source, tmp_path)
    before = _tables(source.schema_name)

    with pytest.raises(CommandError, match="congress_exists"):
        call_command("congress_restore", str(path))
    with pytest.raises(CommandError, match="congress_unknown"):
        call_command("congress_restore", str(path), "--replace", "--as", "no-such-town")
    with pytest.raises(CommandError, match="division_code_taken"):
        call_command("congress_restore", str(path), "--as", f"{source.slug}-x", "--name", "某镇")
    with pytest.raises(CommandError, match="slug_invalid"):
        call_command("congress_restore", str(path), "--as", "Bad_Slug")

    def other_migrations(manifest: dict[str, Any]) -> None:
        manifest["migrations"]["fingerprint"] = "0" * 64

    with pytest.raises(CommandError, match="backup_migrations_differ"):
        call_command("congress_restore", str(_rewritten(path, tmp_path, other_migrations)))

    def tampered(manifest: dict[str, Any]) -> None:
        for part in manifest["parts"]:
            if part["name"] == "schema/voting_ballot.copy":
                part["sha256"] = "0" * 64

    with pytest.raises(CommandError, match="backup_corrupt"):
        call_command("congress_restore", str(_rewritten(path, tmp_path, tampered)), "--replace")
    with pytest.raises(CommandError, match="backup_unreadable"):
        call_command("congress_restore", str(tmp_path / "missing.tar.gz"))

    assert _tables(source.schema_name) == before
    assert not Congress.objects.filter(slug=f"{source.slug}-x").exists()
    assert AuditAnchor.objects.filter(congress=source).count() == 1


def test_a_table_whose_columns_stand_in_another_order_is_restored_by_name(
    town: Town, committed: list[Congress], tmp_path: Path
) -> None:
    # Given: a backup that lists an empty table's columns in another order than the template
    # builds them (as a schema migrated before the squash holds them).
    source = town.congress
    path = _backup(source, tmp_path)
    manifest = json.loads(_part(path, "manifest.json"))
    empty = next(
        name
        for name, table in manifest["tables"].items()
        if len(table["columns"]) > 2 and not _part(path, f"schema/{name}.copy")
    )

    def reordered(manifest: dict[str, Any]) -> None:
        manifest["tables"][empty]["columns"].reverse()

    changed = _rewritten(path, tmp_path, reordered)
    new_slug = f"{source.slug}-order"

    # When
    call_command(
        "congress_restore",
        str(changed),
        "--as",
        new_slug,
        "--name",
        "列序恢复镇人大主席团",
        "--division-code",
        unused_township_code(),
    )

    # Then: the columns are matched by name, and every table holds what the source's does.
    copy = Congress.objects.get(slug=new_slug)
    committed.append(copy)
    assert _without_restore_entries(_tables(copy.schema_name)) == _tables(source.schema_name)

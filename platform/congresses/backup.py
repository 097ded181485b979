"""One congress's backup and restore: its schema's rows (COPY, in primary-key order), its rows in
the public schema (Django's serializer), its objects in storage, in one tar with a manifest
(docs/backup.md). Runs in the public schema.

Every table is written in primary-key order and by its named columns, never in physical order
and never with a system column: while a round is open, the ballot table's physical order is the
casting order, and its key is random (docs/ballot-secrecy.md).
"""

import hashlib
import io
import json
import tarfile
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial, reduce
from operator import or_
from pathlib import Path
from typing import Any, cast

import django
from django.core import serializers
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tenants.utils import quote_schema_name, tenant_context

from accounts.models import Membership, User
from audit.services import audit_record
from crossing.models import Dispatch
from directory.models import DeputyListing
from filestore import storage
from ops.errors import Conflict, DomainError
from rollups.models import Rollup
from rollups.services import rollup_totals_refresh
from supervision import models as supervision

from . import fleet, schemas
from .models import AuditAnchor, Congress, Domain, ModuleSettings
from .routing import routing_forget
from .services import CongressSpec, congress_check_new, congress_row_create
from .tenant import require_public_schema

FORMAT = 1
MANIFEST = "manifest.json"
ANCHOR_PREFIX = "audit-anchors"
# The one schema column that names the schema's own storage prefix.
FILE_KEY_COLUMNS = (("filestore_storedfile", "key"),)
USER_FIELDS = (
    "password",
    "last_login",
    "is_superuser",
    "username",
    "first_name",
    "last_name",
    "email",
    "is_staff",
    "is_active",
    "date_joined",
    "display_name",
    "phone",
    "is_platform_operator",
    "must_change_password",
    "password_changed_at",
)


def _own_rows(congress: Congress) -> list[tuple[str, models.QuerySet[Any]]]:
    """The public rows that are this congress's alone, in the order a restore inserts them."""
    return [
        ("domain", Domain.objects.filter(tenant=congress).order_by("pk")),
        ("membership", Membership.objects.filter(congress=congress).order_by("pk")),
        ("deputylisting", DeputyListing.objects.filter(congress=congress).order_by("pk")),
        ("rollup", Rollup.objects.filter(congress=congress).order_by("pk")),
        ("auditanchor", AuditAnchor.objects.filter(congress=congress).order_by("pk")),
        ("modulesettings", ModuleSettings.objects.filter(congress=congress).order_by("pk")),
    ]


# The public rows that name a congress among others, each model with the paths by which one of
# its rows names a congress, in the order a restore puts them back.
_SHARED_PATHS: tuple[tuple[str, type[models.Model], tuple[str, ...]], ...] = (
    ("dispatch", Dispatch, ("origin", "target")),
    ("attachment", supervision.Attachment, ("owner",)),
    ("guidance", supervision.Guidance, ("issuer", "targets__congress")),
    ("guidancetarget", supervision.GuidanceTarget, ("congress", "guidance__issuer")),
    ("guidancereceipt", supervision.GuidanceReceipt, ("congress", "guidance__issuer")),
    ("benchmarkround", supervision.BenchmarkRound, ("issuer", "nominations__nominator")),
    ("criterion", supervision.Criterion, ("round__issuer", "round__nominations__nominator")),
    ("nomination", supervision.Nomination, ("nominator", "round__issuer")),
    ("score", supervision.Score, ("nomination__nominator", "nomination__round__issuer")),
    ("objection", supervision.Objection, ("nomination__nominator", "round__issuer")),
)
SHARED = tuple(name for name, _model, _paths in _SHARED_PATHS)


def _shared_rows(congress: Congress) -> list[tuple[str, models.QuerySet[Any]]]:
    """Public rows that name this congress among others: kept as a record (docs/backup.md)."""
    return [
        (name, model._default_manager.filter(reduce(or_, (Q(**{p: congress}) for p in paths))))
        for name, model, paths in _SHARED_PATHS
    ]


def _prefixes(schema: str) -> list[str]:
    return [f"tenants/{schema}/", f"{ANCHOR_PREFIX}/{schema}/"]


def _shared_prefix(schema: str) -> str:
    return f"supervision/{schema}/"


# --- reading the schema ------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[str]
    key: list[str]


def _tables(schema: str) -> list[Table]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind IN ('r', 'p') ORDER BY c.relname",
            [schema],
        )
        found = cursor.fetchall()
        tables = []
        for oid, name in found:
            cursor.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                [oid],
            )
            columns = [row[0] for row in cursor.fetchall()]
            cursor.execute(
                "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = %s AND i.indisprimary "
                "ORDER BY array_position(i.indkey::int2[], a.attnum)",
                [oid],
            )
            key = [row[0] for row in cursor.fetchall()] or columns
            tables.append(Table(name=name, columns=columns, key=key))
    return tables


def _sequences(schema: str) -> dict[str, list[Any]]:
    quoted = quote_schema_name(schema)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = %s AND c.relkind = 'S' ORDER BY c.relname",
            [schema],
        )
        names = [row[0] for row in cursor.fetchall()]
        values = {}
        for name in names:
            cursor.execute(f"SELECT last_value, is_called FROM {quoted}.{_ident(name)}")  # noqa: S608 - quoted names
            last_value, is_called = cursor.fetchone() or (1, False)
            values[name] = [last_value, is_called]
    return values


def _ident(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_list(columns: Iterable[str]) -> str:
    return ", ".join(_ident(c) for c in columns)


def _copy_out(schema: str, table: Table, out: io.BufferedWriter) -> int:
    """Write the table's rows in COPY text format, in key order; return the row count."""
    sql = (
        f"COPY (SELECT {_column_list(table.columns)} FROM {quote_schema_name(schema)}."  # noqa: S608 - quoted names
        f"{_ident(table.name)} ORDER BY {_column_list(table.key)}) TO STDOUT"
    )
    rows = 0
    with connection.cursor() as cursor, cast(Any, cursor).cursor.copy(sql) as copy:
        for chunk in copy:
            data = bytes(chunk)
            rows += data.count(b"\n")
            out.write(data)
    return rows


def _copy_in(schema: str, table: str, columns: list[str], data: bytes) -> None:
    if not data:
        return
    sql = f"COPY {quote_schema_name(schema)}.{_ident(table)} ({_column_list(columns)}) FROM STDIN"
    with connection.cursor() as cursor, cast(Any, cursor).cursor.copy(sql) as copy:
        for start in range(0, len(data), 1 << 20):
            copy.write(data[start : start + (1 << 20)])


# --- taking a backup -----------------------------------------------------------------------------


@dataclass
class Part:
    name: str
    sha256: str
    bytes: int
    rows: int | None = None


@dataclass
class Backup:
    manifest: dict[str, Any]
    parts: list[Part] = field(default_factory=list)


@contextmanager
def _snapshot() -> Iterator[None]:
    """One consistent, read-only view of every part (unless the caller's transaction is one)."""
    if connection.in_atomic_block:
        with transaction.atomic():
            yield
        return
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


class _Writer:
    """Parts written to a scratch folder, each counted and hashed for the manifest."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.parts: list[Part] = []

    def add(self, name: str, write: Callable[[io.BufferedWriter], int | None]) -> Part:
        path = self.folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            rows = write(out)
        data = path.read_bytes()
        part = Part(name, hashlib.sha256(data).hexdigest(), len(data), rows)
        self.parts.append(part)
        return part

    def add_bytes(self, name: str, data: bytes, rows: int | None = None) -> Part:
        def write(out: io.BufferedWriter) -> int | None:
            out.write(data)
            return rows

        return self.add(name, write)


def _serialize(queryset: models.QuerySet[Any], **options: Any) -> tuple[bytes, int]:
    objects = list(queryset.distinct())
    text = serializers.serialize(
        "json", objects, use_natural_foreign_keys=True, indent=1, **options
    )
    return text.encode(), len(objects)


def _applied(schema: str) -> list[list[str]]:
    labels = fleet.tenant_app_labels()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {quote_schema_name(schema)}.django_migrations")  # noqa: S608 - quoted schema name
        return sorted([app, name] for app, name in cursor.fetchall() if app in labels)


def congress_backup(*, congress: Congress, out: Path, actor: Any = None) -> Backup:
    """Write one congress's backup to `out`. Public schema; a read, apart from its audit entry."""
    require_public_schema()
    schema = congress.schema_name
    with tempfile.TemporaryDirectory() as scratch:
        writer = _Writer(Path(scratch))
        with _snapshot():
            congress = Congress.objects.select_related("parent").get(pk=congress.pk)
            tables = _tables(schema)
            for table in tables:
                writer.add(f"schema/{table.name}.copy", partial(_copy_out, schema, table))
            writer.add_bytes(
                "schema/sequences.json", json.dumps(_sequences(schema), indent=1).encode()
            )
            applied = _applied(schema)
            data, count = _serialize(Congress.objects.filter(pk=congress.pk))
            writer.add_bytes("public/congress.json", data, count)
            member_ids = Membership.objects.filter(congress=congress).values("user_id")
            listed_ids = DeputyListing.objects.filter(congress=congress).values("user_id")
            users = User.objects.filter(Q(pk__in=member_ids) | Q(pk__in=listed_ids))
            data, count = _serialize(users.order_by("pk"), fields=USER_FIELDS)
            writer.add_bytes("public/user.json", data, count)
            for name, queryset in _own_rows(congress):
                data, count = _serialize(queryset)
                writer.add_bytes(f"public/{name}.json", data, count)
            for name, queryset in _shared_rows(congress):
                data, count = _serialize(queryset.order_by("pk"))
                writer.add_bytes(f"shared/{name}.json", data, count)
            keys = [key for prefix in _prefixes(schema) for key in storage.list_keys(prefix)]
            keys += storage.list_keys(_shared_prefix(schema))
            content_types = {}
            for key in keys:
                data, content_types[key] = storage.get_object(key)
                writer.add_bytes(f"files/{key}", data)
        manifest = {
            "format": FORMAT,
            "taken_at": timezone.now().isoformat(),
            "congress": {
                "id": congress.pk,
                "slug": congress.slug,
                "schema": schema,
                "name": congress.name,
                "level": congress.level,
                "parent": congress.parent.slug if congress.parent else None,
                "division_code": congress.division_code,
            },
            "versions": {
                "django": django.__version__,
                "postgresql": cast(Any, connection).pg_version,
            },
            "migrations": {
                "applied": applied,
                "fingerprint": fleet.applied_fingerprint(
                    fleet.as_loaded((app, name) for app, name in applied)
                ),
                "template": schemas.migrations_fingerprint(),
            },
            "content_types": content_types,
            "tables": {t.name: {"columns": t.columns, "order_by": t.key} for t in tables},
            "parts": [vars(part) for part in writer.parts],
        }
        out.parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(out, "w:gz") as archive:
            _tar_add(archive, MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
            for part in writer.parts:
                _tar_add(archive, part.name, (Path(scratch) / part.name).read_bytes())
    with transaction.atomic():
        audit_record(
            action="congress.backup",
            actor=actor,
            target=congress,
            payload={"parts": len(writer.parts), "schema": schema},
        )
    return Backup(manifest=manifest, parts=writer.parts)


def _tar_add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


# --- reading a backup ----------------------------------------------------------------------------


class Archive:
    """A backup file, its parts checked against the manifest's checksums."""

    def __init__(self, path: Path) -> None:
        try:
            with tarfile.open(path, "r:gz") as archive:
                members = {m.name: m for m in archive.getmembers() if m.isfile()}
                self.data = {name: _read(archive, m) for name, m in members.items()}
        except (OSError, tarfile.TarError) as error:
            raise DomainError(
                "backup_unreadable", _("无法读取备份文件：%(e)s") % {"e": error}
            ) from None
        try:
            self.manifest: dict[str, Any] = json.loads(self.data.pop(MANIFEST))
        except (KeyError, ValueError):
            raise DomainError("backup_corrupt", _("备份文件缺少有效的清单。")) from None
        if self.manifest.get("format") != FORMAT:
            raise DomainError("backup_format", _("不支持的备份格式版本。"))
        listed = {part["name"]: part for part in self.manifest["parts"]}
        if set(listed) != set(self.data):
            raise DomainError("backup_corrupt", _("备份文件的内容与清单不符。"))
        for name, part in listed.items():
            if hashlib.sha256(self.data[name]).hexdigest() != part["sha256"]:
                raise DomainError(
                    "backup_corrupt", _("备份文件已损坏：%(part)s 校验不符。") % {"part": name}
                )

    @property
    def congress(self) -> dict[str, Any]:
        return cast(dict[str, Any], self.manifest["congress"])

    def objects(self, name: str) -> list[Any]:
        return list(serializers.deserialize("json", self.data[name]))

    def files(self) -> dict[str, bytes]:
        return {n.removeprefix("files/"): d for n, d in self.data.items() if n.startswith("files/")}


def _read(archive: tarfile.TarFile, member: tarfile.TarInfo) -> bytes:
    extracted = archive.extractfile(member)
    return extracted.read() if extracted is not None else b""


# --- restoring -----------------------------------------------------------------------------------


@dataclass
class Restored:
    congress: Congress
    replaced: bool
    rows: int
    files: int


def congress_restore(
    *,
    path: Path,
    replace: bool = False,
    new_slug: str = "",
    new_name: str = "",
    division_code: str = "",
    actor: Any = None,
) -> Restored:
    """Put a backup back, in place (`replace`) or as a new congress (`new_slug`). One transaction
    for the database; objects are written before it commits and stale ones removed after."""
    require_public_schema()
    archive = Archive(path)
    _require_current_migrations(archive)
    template = schemas.schema_template_current()  # may commit: before the atomic block
    source = archive.congress
    slug = new_slug or source["slug"]
    target = Congress.objects.filter(slug=slug).first()
    if target is not None and not replace:
        raise Conflict(
            "congress_exists",
            _("人大 %(s)s 已存在：原地恢复请加 --replace，或用 --as 恢复为新标识。") % {"s": slug},
        )
    if target is None and replace:
        raise DomainError(
            "congress_unknown", _("没有标识为 %(s)s 的人大，无法原地恢复。") % {"s": slug}
        )
    try:
        with transaction.atomic():
            routing_forget()  # the congress row and its domains are written anew
            if target is not None:
                congress = _replace_public_rows(archive, target)
            else:
                congress = _create_public_rows(
                    archive, slug=slug, name=new_name, division_code=division_code
                )
            rows = _load_schema(archive, congress, template)
            rollup_totals_refresh(congress_id=congress.pk)  # its rollup rows came back too
            files = _write_files(archive, congress, moved=congress.schema_name != source["schema"])
            with tenant_context(congress):
                audit_record(
                    action="congress.restore",
                    actor=actor,
                    target=congress,
                    payload={"from": source["slug"], "taken_at": archive.manifest["taken_at"]},
                )
            audit_record(
                action="congress.restore",
                actor=actor,
                target=congress,
                payload={
                    "from": source["slug"],
                    "taken_at": archive.manifest["taken_at"],
                    "replaced": target is not None,
                },
            )
    except IntegrityError as error:
        raise Conflict(
            "restore_conflict", _("恢复与现有数据冲突：%(e)s") % {"e": str(error).splitlines()[0]}
        ) from None
    return Restored(congress=congress, replaced=target is not None, rows=rows, files=files)


def _require_current_migrations(archive: Archive) -> None:
    current = fleet.applied_fingerprint(fleet.target_keys())
    if archive.manifest["migrations"]["fingerprint"] != current:
        raise DomainError(
            "backup_migrations_differ",
            _("备份的数据库结构版本与当前程序不同：请用备份时的版本恢复，再执行 migrate_fleet。"),
        )


def _ensure_users(archive: Archive) -> None:
    """Members missing from this database are created from the backup; others are left as they
    are (a password changed since the backup stays)."""
    for found in archive.objects("public/user.json"):
        user = found.object
        if not User.objects.filter(username=user.username).exists():
            user.pk = None
            user.save(force_insert=True)


def _insert_own_rows(archive: Archive, congress: Congress, *, keep_ids: bool) -> None:
    for name in ("membership", "deputylisting", "rollup", "auditanchor", "modulesettings"):
        for found in archive.objects(f"public/{name}.json"):
            row = found.object
            row.congress_id = congress.pk
            if not keep_ids:
                row.pk = None
            row.save(force_insert=True)


def _replace_public_rows(archive: Archive, congress: Congress) -> Congress:
    source = archive.congress
    congress = Congress.objects.select_for_update().get(pk=congress.pk)
    parent = _parent(source)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA {quote_schema_name(congress.schema_name)} CASCADE")
    for _name, queryset in _own_rows(congress):
        queryset.delete()
    (stored,) = archive.objects("public/congress.json")
    for name in ("name", "level", "division_code", "status"):
        setattr(congress, name, getattr(stored.object, name))
    congress.parent = parent
    congress.save()
    for found in archive.objects("public/domain.json"):
        domain = found.object
        domain.tenant_id = congress.pk
        domain.save(force_insert=True)
    _ensure_users(archive)
    _insert_own_rows(archive, congress, keep_ids=True)
    _put_back_shared_rows(archive)
    return congress


def _put_back_shared_rows(archive: Archive) -> None:
    """Shared rows are not rewound; those deleted since the backup come back under their ids."""
    for name in SHARED:
        for found in serializers.deserialize(
            "json", archive.data[f"shared/{name}.json"], handle_forward_references=True
        ):
            row = found.object
            if found.deferred_fields or type(row)._default_manager.filter(pk=row.pk).exists():
                continue  # a user it names is gone, or it is still there
            if all(_points_at_a_row(row, f) for f in row._meta.concrete_fields):
                found.save()


def _points_at_a_row(row: models.Model, field: Any) -> bool:
    """A foreign key that is empty or names a row that exists (another congress may be gone)."""
    if not field.is_relation:
        return True
    value = getattr(row, field.attname)
    return value is None or field.related_model._default_manager.filter(pk=value).exists()


def _parent(source: dict[str, Any]) -> Congress | None:
    if source["parent"] is None:
        return None
    parent = Congress.objects.filter(slug=source["parent"]).first()
    if parent is None:
        raise DomainError(
            "parent_unknown",
            _("备份中的上级人大 %(s)s 已不存在。") % {"s": source["parent"]},
        )
    return parent


def _create_public_rows(archive: Archive, *, slug: str, name: str, division_code: str) -> Congress:
    source = archive.congress
    parent = _parent(source)
    spec = CongressSpec(
        name=name or source["name"],
        slug=slug,
        level=source["level"],
        division_code=division_code or source["division_code"],
        parent_id=parent.pk if parent else None,
    )
    congress_check_new(spec=spec)
    (stored,) = archive.objects("public/congress.json")
    congress = congress_row_create(spec=spec, parent=parent, status=stored.object.status)
    _ensure_users(archive)
    _insert_own_rows(archive, congress, keep_ids=False)
    return congress


def _load_schema(archive: Archive, congress: Congress, template: schemas.SchemaTemplate) -> int:
    """Build the schema from the template of the backup's migrations, then copy the rows in.
    Foreign keys are deferred to the commit (Django declares them so), so order does not matter."""
    schema = congress.schema_name
    schemas.schema_build_from_template(schema, template)
    quoted = quote_schema_name(schema)
    built = {t.name: t.columns for t in _tables(schema)}
    listed = archive.manifest["tables"]
    if set(built) != set(listed) or any(set(built[n]) != set(listed[n]["columns"]) for n in listed):
        raise DomainError(
            "backup_migrations_differ",
            _("备份的数据库结构版本与当前程序不同：请用备份时的版本恢复，再执行 migrate_fleet。"),
        )
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quoted}.django_migrations")  # noqa: S608 - quoted schema name
    rows = 0
    for name, table in listed.items():
        part = f"schema/{name}.copy"
        _copy_in(schema, name, table["columns"], archive.data[part])
        rows += archive.data[part].count(b"\n")
    sequences = json.loads(archive.data["schema/sequences.json"])
    with connection.cursor() as cursor:
        for sequence, (last_value, is_called) in sequences.items():
            cursor.execute(
                "SELECT setval(%s, %s, %s)",
                [f"{quoted}.{_ident(sequence)}", last_value, is_called],
            )
        old_prefix, new_prefix = f"tenants/{archive.congress['schema']}/", f"tenants/{schema}/"
        if old_prefix != new_prefix:
            for table, column in FILE_KEY_COLUMNS:
                cursor.execute(
                    f"UPDATE {quoted}.{_ident(table)} SET {_ident(column)} = "  # noqa: S608 - quoted names
                    f"%s || substr({_ident(column)}, %s) WHERE starts_with({_ident(column)}, %s)",
                    [new_prefix, len(old_prefix) + 1, old_prefix],
                )
    fleet.state_record_from_schema(schema)
    return rows


def _new_key(key: str, old: str, new: str) -> str | None:
    for prefix in ("tenants", ANCHOR_PREFIX):
        if key.startswith(f"{prefix}/{old}/"):
            return f"{prefix}/{new}/{key.removeprefix(f'{prefix}/{old}/')}"
    return None  # a shared object (supervision's): not the copy's


def _write_files(archive: Archive, congress: Congress, *, moved: bool) -> int:
    old, new = archive.congress["schema"], congress.schema_name
    content_types = archive.manifest["content_types"]
    wanted: dict[str, tuple[bytes, str]] = {}
    for key, data in archive.files().items():
        content_type = content_types[key]
        if not moved:
            wanted[key] = (data, content_type)
            continue
        target = _new_key(key, old, new)
        if target is None:
            continue
        if target.startswith(f"{ANCHOR_PREFIX}/"):
            body = json.loads(data)
            body["schema"] = new
            wanted[target] = (json.dumps(body).encode(), content_type)
            continue
        wanted[target] = (data, content_type)
    for key, (data, content_type) in wanted.items():
        storage.put_object(
            key=key, stream=io.BytesIO(data), size=len(data), content_type=content_type
        )

    def remove_stale() -> None:
        for prefix in _prefixes(new):
            for key in storage.list_keys(prefix):
                if key not in wanted:
                    storage.remove_object(key)

    transaction.on_commit(remove_stale)
    return len(wanted)


def backup_summary(backup: Backup) -> str:
    tables = sum(1 for p in backup.parts if p.name.startswith("schema/") and p.rows is not None)
    rows = sum(p.rows or 0 for p in backup.parts if p.name.startswith("schema/"))
    files = sum(1 for p in backup.parts if p.name.startswith("files/"))
    return f"{tables} tables, {rows} rows, {files} files"

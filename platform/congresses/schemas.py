"""Three ways to build a tenant schema, and the one provisioning uses.

- `schema_build_by_migrations`: django-tenants' default, every migration replayed (seconds).
- `schema_build_by_clone`: django-tenants' PL/pgSQL clone of a migrated base schema; faster, but it
  renames multi-column unique constraints, so cloned tenants drift from migrated ones.
- `schema_build_from_template` (used): the DDL of a migrated schema, dumped once per set of
  tenant migrations (`SchemaTemplate`), replayed with the new schema's name inside the caller's
  transaction. Identical to the migrated schema, and atomic with the tenant's other rows.
  Provisioning first tries to claim a schema replayed ahead of time (congresses.pool), and
  replays the template only when the pool has none.
docs/provisioning.md measures all three side by side.
"""

import hashlib
import os
import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import django
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django_tenants.clone import CloneSchema
from django_tenants.utils import quote_schema_name, schema_exists

from audit.ownership import audit_protect
from ops.tenancy import use_public_schema

from . import fleet
from .models import SchemaTemplate

TEMPLATE_PREFIX = "zz_template_"


def _tenant_app_labels() -> set[str]:
    return {apps.get_app_config(name.rsplit(".", 1)[-1]).label for name in settings.TENANT_APPS}


@cache
def migrations_fingerprint() -> str:
    """Changes whenever a tenant migration is added, removed or edited, or Django or the server's
    major version changes (either may change the SQL the same migrations produce). Migration
    files do not change under a running process, so it is computed once."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = _tenant_app_labels()
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('server_version_num')::int / 10000")
        (server_major,) = cursor.fetchone() or (0,)
    digest = hashlib.sha256(f"django {django.__version__}|postgresql {server_major}".encode())
    for key in sorted(k for k in loader.disk_migrations if k[0] in labels):
        module = sys.modules[type(loader.disk_migrations[key]).__module__]
        digest.update(f"{key[0]}.{key[1]}".encode())
        digest.update(Path(str(module.__file__)).read_bytes())
    return digest.hexdigest()


def schema_build_by_migrations(schema: str) -> None:
    """Commits as it goes (the migrate command does): never call inside a transaction."""
    with connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {quote_schema_name(schema)}")
    call_command("migrate_schemas", tenant=True, schema_name=schema, interactive=False, verbosity=0)
    use_public_schema()


def schema_build_by_clone(schema: str, *, base_schema: str) -> None:
    CloneSchema().clone_schema(base_schema, schema, clone_mode="NODATA")
    # Read, then write: no statement names two tenant schemas (docs/scaling.md).
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT app, name FROM {quote_schema_name(base_schema)}.django_migrations")  # noqa: S608 - quoted schema name
        applied = cursor.fetchall()
        cursor.executemany(
            f"INSERT INTO {quote_schema_name(schema)}.django_migrations (app, name, applied) "  # noqa: S608 - quoted schema name
            "VALUES (%s, %s, now())",
            applied,
        )


def _pg_dump_schema(schema: str) -> str:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [
        settings.PG_DUMP,
        "--schema-only",
        "--no-owner",
        "--no-privileges",
        "--no-comments",
        "--schema",
        schema,
        "--dbname",
        str(db["NAME"]),
        "--username",
        str(db["USER"]),
    ]
    if db.get("HOST"):
        command += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        command += ["--port", str(db["PORT"])]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603


_DOLLAR_QUOTE = re.compile(r"\$[A-Za-z_]*\$")
_SESSION_LINES = ("--", "SET ", "SELECT pg_catalog.set_config", "\\")


def _statements_only(dump: str, schema: str) -> str:
    """Drop pg_dump's comments, session settings, psql meta-commands and CREATE SCHEMA, but never
    a line inside a dollar-quoted function body, which is kept exactly as dumped."""
    kept, in_body = [], False
    for line in dump.splitlines():
        if not in_body and (
            not line.strip()
            or line.startswith(_SESSION_LINES)
            or line == f"CREATE SCHEMA {schema};"
        ):
            continue
        kept.append(line)
        if len(_DOLLAR_QUOTE.findall(line)) % 2:
            in_body = not in_body
    return "\n".join(kept) + "\n"


def schema_template_build() -> SchemaTemplate:
    """Migrate a scratch schema, dump its DDL, drop it. Runs outside any transaction; processes
    that need the same template at once wait for the first to build it."""
    fingerprint = migrations_fingerprint()
    scratch = f"{TEMPLATE_PREFIX}{fingerprint[:12]}"
    lock = int(fingerprint[:15], 16)  # fits a bigint advisory lock key
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s)", [lock])
    try:
        built = SchemaTemplate.objects.filter(fingerprint=fingerprint).first()
        if built is not None:
            return built
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(scratch)} CASCADE")
        try:
            schema_build_by_migrations(scratch)
            ddl = _statements_only(_pg_dump_schema(scratch), scratch)
            with connection.cursor() as cursor:
                applied_sql = (
                    f"SELECT app, name FROM {quote_schema_name(scratch)}.django_migrations"  # noqa: S608
                )
                cursor.execute(applied_sql)
                applied = sorted([app, name] for app, name in cursor.fetchall())
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(scratch)} CASCADE")
        return SchemaTemplate.objects.create(
            fingerprint=fingerprint,
            ddl=ddl.replace(f"{scratch}.", "{schema}."),
            migrations=applied,
        )
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [lock])


def schema_template_current() -> SchemaTemplate:
    found = SchemaTemplate.objects.filter(fingerprint=migrations_fingerprint()).first()
    return found or schema_template_build()


_UNSUBSTITUTED = re.compile(rf"\b{TEMPLATE_PREFIX}[0-9a-f]{{12}}\b")


def schema_build_from_template(schema: str, template: SchemaTemplate) -> None:
    """Replay the template's DDL as `schema` and record its migrations as the schema's state.
    Transactional: call inside the caller's atomic block and a failure later in the transaction
    leaves no schema behind."""
    with transaction.atomic():
        schema_replay(schema, template)
        fleet.state_record(schema=schema, keys=[(app, name) for app, name in template.migrations])


def schema_replay(schema: str, template: SchemaTemplate) -> None:
    """The template's DDL as `schema`, with its `django_migrations` rows and the audit table's
    owner; no state recorded (a pooled schema has none until it is claimed)."""
    quoted = quote_schema_name(schema)
    ddl = template.ddl.replace("{schema}.", f"{quoted}.")
    if _UNSUBSTITUTED.search(ddl):
        raise RuntimeError("schema template still names its scratch schema")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {quoted}")
        cursor.execute(ddl)
        audit_protect(cursor, schema)  # the template's DDL names no owners
        cursor.executemany(
            f"INSERT INTO {quoted}.django_migrations (app, name, applied) VALUES (%s, %s, now())",  # noqa: S608
            template.migrations,
        )


def schema_exists_any_case(schema: str) -> bool:
    return bool(schema_exists(schema, case_sensitive=False))

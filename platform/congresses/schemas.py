"""Three ways to build a tenant schema, and the one provisioning uses.

- `schema_build_by_migrations`: django-tenants' default, every migration replayed (seconds).
- `schema_build_by_clone`: django-tenants' PL/pgSQL clone of a migrated base schema; faster, but it
  renames multi-column unique constraints, so cloned tenants drift from migrated ones.
- `schema_build_from_template` (used): the DDL of a migrated schema, dumped once per set of
  tenant migrations (`SchemaTemplate`), replayed with the new schema's name inside the caller's
  transaction. Identical to the migrated schema, and atomic with the tenant's other rows.
docs/provisioning.md measures all three side by side.
"""

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django_tenants.clone import CloneSchema
from django_tenants.utils import quote_schema_name, schema_exists

from ops.tenancy import use_public_schema

from .models import SchemaTemplate

TEMPLATE_PREFIX = "zz_template_"


def _tenant_app_labels() -> list[str]:
    return sorted(
        apps.get_app_config(name.rsplit(".", 1)[-1]).label for name in settings.TENANT_APPS
    )


def tenant_migrations() -> list[tuple[str, str]]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    labels = set(_tenant_app_labels())
    return sorted(key for key in loader.disk_migrations if key[0] in labels)


def migrations_fingerprint() -> str:
    """Changes whenever a tenant migration is added, removed or edited."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    digest = hashlib.sha256()
    for key in tenant_migrations():
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
    CloneSchema().clone_schema(base_schema, schema, clone_mode="NO DATA")
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote_schema_name(schema)}.django_migrations (app, name, applied) "  # noqa: S608 - quoted schema names
            f"SELECT app, name, now() FROM {quote_schema_name(base_schema)}.django_migrations"
        )


def _pg_dump_schema(schema: str) -> str:
    db = settings.DATABASES["default"]
    env = {**os.environ, "PGPASSWORD": str(db.get("PASSWORD") or "")}
    command = [
        settings.PG_DUMP, "--schema-only", "--no-owner", "--no-privileges", "--no-comments",
        "--schema", schema, "--dbname", str(db["NAME"]), "--username", str(db["USER"]),
    ]  # fmt: skip
    if db.get("HOST"):
        command += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        command += ["--port", str(db["PORT"])]
    return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout  # noqa: S603


def _statements_only(dump: str, schema: str) -> str:
    """Drop pg_dump's session settings, psql meta-commands and the CREATE SCHEMA line."""
    kept = [
        line
        for line in dump.splitlines()
        if line.strip()
        and not line.startswith(("--", "SET ", "SELECT pg_catalog.set_config", "\\"))
        and line != f"CREATE SCHEMA {schema};"
    ]
    return "\n".join(kept) + "\n"


def schema_template_build() -> SchemaTemplate:
    """Migrate a scratch schema, dump its DDL, drop it. Runs outside any transaction."""
    fingerprint = migrations_fingerprint()
    scratch = f"{TEMPLATE_PREFIX}{fingerprint[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(scratch)} CASCADE")
    try:
        schema_build_by_migrations(scratch)
        ddl = _statements_only(_pg_dump_schema(scratch), scratch)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT app, name FROM {quote_schema_name(scratch)}.django_migrations")  # noqa: S608
            applied = sorted([app, name] for app, name in cursor.fetchall())
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP SCHEMA IF EXISTS {quote_schema_name(scratch)} CASCADE")
    template, _ = SchemaTemplate.objects.update_or_create(
        fingerprint=fingerprint,
        defaults={"ddl": ddl.replace(f"{scratch}.", "{schema}."), "migrations": applied},
    )
    return template


def schema_template_current() -> SchemaTemplate:
    found = SchemaTemplate.objects.filter(fingerprint=migrations_fingerprint()).first()
    return found or schema_template_build()


_UNSUBSTITUTED = re.compile(rf"\b{TEMPLATE_PREFIX}[0-9a-f]{{12}}\b")


def schema_build_from_template(schema: str, template: SchemaTemplate) -> None:
    """Replay the template's DDL as `schema`. Transactional: call inside the caller's atomic block
    and a failure later in the transaction leaves no schema behind."""
    quoted = quote_schema_name(schema)
    ddl = template.ddl.replace("{schema}.", f"{quoted}.")
    if _UNSUBSTITUTED.search(ddl):
        raise RuntimeError("schema template still names its scratch schema")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"CREATE SCHEMA {quoted}")
        cursor.execute(ddl)
        cursor.executemany(
            f"INSERT INTO {quoted}.django_migrations (app, name, applied) VALUES (%s, %s, now())",  # noqa: S608
            template.migrations,
        )


def schema_exists_any_case(schema: str) -> bool:
    return bool(schema_exists(schema, case_sensitive=False))

"""The audit table and its append-only trigger belong to a role the application never logs in
as (`congress_audit_owner`, NOLOGIN). PostgreSQL lets only a table's owner (or a superuser) drop
or disable its triggers, so the application's role, granted only SELECT and INSERT on the table,
can neither change entries nor switch the trigger off. Applied by migration 0003 in each schema
migrated, and after a new tenant's schema is replayed from its template (congresses.schemas),
whose DDL carries no owners. See docs/audit.md."""

from django.conf import settings
from django.db.backends.utils import CursorWrapper

OWNER_ROLE = "congress_audit_owner"


def _app_role() -> str:
    role = settings.DATABASE_APP_ROLE
    return f'"{role}"' if role else "CURRENT_USER"


def protect_sql(schema: str | None = None) -> str:
    """The statements that hand the audit table of `schema` (None: the current one) to the
    owner role and grant the application only what it needs."""
    prefix = f'"{schema}".' if schema else ""
    where = f"'{schema}'" if schema else "current_schema()"
    app = _app_role()
    return f"""
DO $$ BEGIN
    CREATE ROLE {OWNER_ROLE} NOLOGIN;
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
DO $$ BEGIN
    EXECUTE format('GRANT USAGE ON SCHEMA %I TO {OWNER_ROLE}', {where});
END $$;
ALTER FUNCTION {prefix}audit_refuse_change() OWNER TO {OWNER_ROLE};
ALTER TABLE {prefix}audit_auditentry OWNER TO {OWNER_ROLE};
GRANT SELECT, INSERT ON {prefix}audit_auditentry TO {app};
GRANT USAGE, SELECT ON SEQUENCE {prefix}audit_auditentry_id_seq TO {app};
"""


def audit_protect(cursor: CursorWrapper, schema: str) -> None:
    cursor.execute(protect_sql(schema))

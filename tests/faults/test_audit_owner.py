"""The audit table and its append-only trigger belong to a NOLOGIN owner role: an application
role that is not the owner (a non-superuser, as in production) can append entries and read
them, but cannot drop or disable the trigger, change or delete an entry, or truncate."""

from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from django.db import connection

from audit.ownership import OWNER_ROLE

from .conftest import other_connection


@pytest.fixture
def app_role(django_db_setup: None, django_db_blocker: Any) -> Iterator[str]:
    """A login role that is not a superuser and owns nothing, granted what the application
    needs on town_a's audit table (as CONGRESS_DB_APP_ROLE would be)."""
    role = f"{connection.settings_dict['NAME']}_app"
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(f'DROP ROLE IF EXISTS "{role}"')
        cursor.execute(f'CREATE ROLE "{role}" LOGIN NOSUPERUSER')
        cursor.execute(f'GRANT USAGE ON SCHEMA town_a TO "{role}"')
        cursor.execute(f'GRANT SELECT, INSERT ON town_a.audit_auditentry TO "{role}"')
        try:
            yield role
        finally:
            cursor.execute(f'DROP OWNED BY "{role}"')
            cursor.execute(f'DROP ROLE "{role}"')
        connection.close()


def _owner(session: "psycopg.Connection[Any]", schema: str) -> tuple[str, str]:
    row = session.execute(
        """SELECT t.tableowner, pg_get_userbyid(p.proowner)
           FROM pg_tables t, pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE t.schemaname = %s AND t.tablename = 'audit_auditentry'
             AND n.nspname = %s AND p.proname = 'audit_refuse_change'""",
        [schema, schema],
    ).fetchone()
    assert row is not None
    return row[0], row[1]


def test_every_schema_hands_the_audit_table_and_trigger_to_the_owner_role(app_role: str) -> None:
    admin = other_connection()
    try:
        # Migrated schemas (public) and schemas replayed from the template (the tenants).
        for schema in ("public", "tcity", "town_a", "town_b"):
            assert _owner(admin, schema) == (OWNER_ROLE, OWNER_ROLE)
        login = admin.execute(
            "SELECT rolcanlogin, rolsuper FROM pg_roles WHERE rolname = %s", [OWNER_ROLE]
        ).fetchone()
        assert login == (False, False)
    finally:
        admin.close()


@pytest.mark.parametrize(
    "statement",
    [
        "DROP TRIGGER audit_entry_append_only ON town_a.audit_auditentry",
        "ALTER TABLE town_a.audit_auditentry DISABLE TRIGGER audit_entry_append_only",
        "ALTER TABLE town_a.audit_auditentry DISABLE TRIGGER ALL",
        "DROP FUNCTION town_a.audit_refuse_change() CASCADE",
        "UPDATE town_a.audit_auditentry SET action = 'forged'",
        "DELETE FROM town_a.audit_auditentry",
        "TRUNCATE town_a.audit_auditentry",
        "SET session_replication_role = replica",
    ],
)
def test_the_application_role_cannot_switch_the_chain_off(app_role: str, statement: str) -> None:
    app = other_connection(user=app_role)
    try:
        assert app.execute("SELECT count(*) FROM town_a.audit_auditentry").fetchone()
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            app.execute(statement)
    finally:
        app.close()

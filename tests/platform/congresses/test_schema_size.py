"""A tenant schema stays small: every table in it is multiplied by the number of congresses (a
province: ~1,400), so its count is held to a budget (docs/scaling.md)."""

import uuid

from django.db import connection

from congresses.schemas import schema_build_by_migrations

# The tenant apps' tables (models and their many-to-many tables); Django's own record of applied
# migrations is left out of the count.
TABLE_BUDGET = 50


def test_a_fresh_tenant_schema_stays_within_the_table_budget(
    django_db_setup: None, django_db_blocker
) -> None:
    schema = f"size_{uuid.uuid4().hex[:6]}"
    with django_db_blocker.unblock():
        try:
            schema_build_by_migrations(schema)
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT tablename FROM pg_tables"
                    " WHERE schemaname = %s AND tablename <> 'django_migrations' ORDER BY 1",
                    [schema],
                )
                tables = [name for (name,) in cursor.fetchall()]
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")

    assert "duty_dutyentry" in tables  # the schema was built, not empty
    assert len(tables) <= TABLE_BUDGET, f"{len(tables)} tables: {tables}"

"""The current schema, typed: django-tenants adds these to the connection at run time."""

from typing import Any, cast

from django.db import connection


def current_schema() -> str:
    return str(cast(Any, connection).schema_name)


def use_public_schema() -> None:
    cast(Any, connection).set_schema_to_public()

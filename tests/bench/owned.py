"""What the benches that provision congresses of their own share; import it after
`django.setup()`, as the benches import everything of the platform."""

from django.db import connection
from django_tenants.utils import quote_schema_name

from accounts.models import User
from congresses.models import Congress, Level


def owned_drop(prefix: str) -> None:
    """Drop what a bench made under slugs and usernames starting with `prefix`: its congresses,
    townships first (their parents are protected), each with its schema, then its accounts."""
    for level in (Level.TOWNSHIP, Level.COUNTY, Level.CITY):
        for congress in Congress.objects.filter(slug__startswith=prefix, level=level):
            congress.delete()
            with connection.cursor() as cursor:
                cursor.execute(
                    f"DROP SCHEMA IF EXISTS {quote_schema_name(congress.schema_name)} CASCADE"
                )
    User.objects.filter(username__startswith=prefix).delete()

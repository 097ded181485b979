"""How a tenant's table refers to an account."""

from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models

if TYPE_CHECKING:
    from .models import User


def account_reference(**options: Any) -> "models.ForeignKey[User | None, User | None]":
    """An account of the public schema, optional, named from a tenant's table. No database
    constraint: tenant tables keep no foreign keys into large public tables (Citus-ready,
    DESIGN.md §8); accounts are never deleted. `options` are the field's own (verbose_name)."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        **options,
    )

"""How a public-schema record refers to a congress."""

from typing import TYPE_CHECKING, Any

from django.db import models

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

    from .models import Congress


def congress_reference(
    verbose_name: "StrOrPromise | None" = None, *, on_delete: Any = models.PROTECT, **options: Any
) -> "models.ForeignKey[Congress, Congress]":
    """A congress a public-schema record is of or about (its issuer, sender, owner...), with no
    accessor back from the congress; a congress that records name is kept (PROTECT) unless the
    record goes with it (`on_delete`)."""
    return models.ForeignKey(
        "congresses.Congress",
        verbose_name=verbose_name,
        on_delete=on_delete,
        related_name="+",
        **options,
    )

"""Who may fetch a stored file: whoever may read the object it is attached to.

A file id alone proves nothing (ids are guessable), so the download endpoint asks each module
that attaches files whether this caller may read the owner. Each module declares its attachments
next to its own views (`ATTACHMENTS` in its api module), with the same permission that guards the
owner's own page; this file only lists those declarations. A file not attached yet is readable
by its uploader alone, so they can check an upload before attaching it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from rest_framework.permissions import BasePermission
from rest_framework.request import Request

from filestore.models import StoredFile


@dataclass(frozen=True)
class Attachments:
    """One kind of owner: the rows holding a file id, and whether a caller may read one."""

    owners: Callable[[int], QuerySet[Any]]
    readable: Callable[[Request, Any], bool]

    @classmethod
    def held_in(
        cls, model: type[Model], field: str, permission: type[BasePermission]
    ) -> "Attachments":
        """The rows of `model` whose `field` holds the file's id, readable by whoever passes
        `permission` (the one that guards those rows' own page)."""
        return cls(
            owners=lambda file_id: model._default_manager.filter(**{field: file_id}),
            readable=by_permission(permission),
        )


def by_permission(permission: type[BasePermission]) -> Callable[[Request, Any], bool]:
    """Readable by whoever passes the owner's own page permission."""
    return lambda request, owner: bool(permission().has_permission(request, None))  # type: ignore[arg-type]


def _declared() -> list[Attachments]:
    # Imported here: the api modules import this one to declare their attachments.
    from api.implementation.views import ATTACHMENTS as implementation
    from api.linkage.activities.views import ATTACHMENTS as activities
    from api.voting.deliberation import ATTACHMENTS as deliberation
    from api.voting.solicitation import ATTACHMENTS as solicitation

    return [*solicitation, *deliberation, *implementation, *activities]


def file_readable(request: Request, stored: StoredFile) -> bool:
    attached = False
    for kind in _declared():
        for owner in kind.owners(stored.pk):
            attached = True
            if kind.readable(request, owner):
                return True
    user = request.user
    return not attached and user is not None and stored.uploaded_by_id == user.pk

from typing import Any

from django.db.models import Q, QuerySet

from .models import Congress, Level, ModuleSettings, Status


def congress_subtree(root: Congress) -> QuerySet[Congress]:
    """The congress and every congress below it (a city has two levels under it at most)."""
    if root.level == Level.TOWNSHIP:
        return Congress.objects.filter(pk=root.pk)
    return Congress.objects.filter(
        Q(pk=root.pk) | Q(parent=root) | Q(parent__parent=root)
    ).select_related("parent")


def congress_is_within(candidate: Congress, root: Congress) -> bool:
    node: Congress | None = candidate
    while node is not None:
        if node.pk == root.pk:
            return True
        node = node.parent
    return False


def congress_primary_domain(congress: Congress) -> str:
    return congress.domains.filter(is_primary=True).values_list("domain", flat=True).get()


def congress_children(congress: Congress) -> QuerySet[Congress]:
    """The congresses directly below, for a portal's list of links."""
    return Congress.objects.filter(parent=congress, status=Status.ACTIVE).order_by(
        "level", "division_code", "pk"
    )


def module_settings_values(*, congress_id: int, module: str) -> dict[str, Any]:
    """What the congress set for the module; empty where it kept the module's defaults."""
    found = ModuleSettings.objects.filter(congress_id=congress_id, module=module).first()
    return dict(found.values) if found else {}

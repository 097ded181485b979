from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CongressesConfig(AppConfig):
    name = "congresses"
    verbose_name = _("人大 (租户)")

    def ready(self) -> None:
        # Stock migrate_schemas may run too (by hand, or django-tenants' own paths): its hook
        # keeps the fleet's record of each schema true (docs/fleet-migrations.md).
        from django_tenants.signals import schema_migrated

        schema_migrated.connect(_record_after_stock_migrate, dispatch_uid="fleet-state")


def _record_after_stock_migrate(sender: Any, schema_name: str, **kwargs: Any) -> None:
    from django.db import transaction

    from .fleet import state_record_from_schema

    with transaction.atomic():
        state_record_from_schema(schema_name)

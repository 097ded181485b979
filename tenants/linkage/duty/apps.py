from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutyConfig(AppConfig):
    name = "tenants.linkage.duty"
    label = "duty"
    verbose_name = _("履职档案")

    def ready(self) -> None:
        from . import receivers  # noqa: F401  (dispatch receivers, crossing.registry)
        from .subscribers import register

        register()

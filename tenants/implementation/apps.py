from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImplementationConfig(AppConfig):
    name = "tenants.implementation"
    label = "implementation"
    verbose_name = _("项目实施监督")

    def ready(self) -> None:
        from . import indicators  # noqa: F401  (registers the rollup provider)
        from .subscribers import register

        register()

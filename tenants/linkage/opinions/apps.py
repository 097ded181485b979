from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpinionsConfig(AppConfig):
    name = "tenants.linkage.opinions"
    label = "opinions"
    verbose_name = _("群众意见")

    def ready(self) -> None:
        # Registries the platform calls without importing the module: dispatch receivers and
        # the rollups' indicator provider.
        from . import indicators, receivers  # noqa: F401

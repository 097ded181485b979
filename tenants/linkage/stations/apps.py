from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StationsConfig(AppConfig):
    name = "tenants.linkage.stations"
    label = "stations"
    verbose_name = _("代表联络站")

    def ready(self) -> None:
        # Registers the receiver of station assignments and the figures for the rollups.
        from . import indicators, receivers  # noqa: F401

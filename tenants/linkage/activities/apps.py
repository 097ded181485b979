from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "tenants.linkage.activities"
    label = "activities"
    verbose_name = _("代表活动")

    def ready(self) -> None:
        from . import indicators, receivers  # noqa: F401 - registers the provider and receivers

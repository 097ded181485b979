from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "tenants.voting"
    label = "voting"
    verbose_name = _("民生实事项目票决")

    def ready(self) -> None:
        # Register the rollup providers (topics "voting" and "evaluation").
        from . import evaluation_indicators, indicators  # noqa: F401

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VotingConfig(AppConfig):
    name = "tenants.voting"
    label = "voting"
    verbose_name = _("民生实事项目票决")

    def ready(self) -> None:
        # Register the rollup providers (topics "voting" and "evaluation") and the receivers of
        # rule templates from above and of their use below.
        # A term may not close while its deputies still have a vote to cast here.
        from tenants.deputies.services import TERM_CLOSE_GUARDS

        from . import evaluation_indicators, indicators, rule_templates  # noqa: F401
        from .selectors import term_close_blocker

        if term_close_blocker not in TERM_CLOSE_GUARDS:
            TERM_CLOSE_GUARDS.append(term_close_blocker)

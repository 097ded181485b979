from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CrossingConfig(AppConfig):
    name = "crossing"
    verbose_name = _("跨级协同")

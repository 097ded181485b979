"""The stages of the year's route (路线图), in order: what a city or county dates for the
townships below it (docs/route.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Stage(models.TextChoices):
    """The stages of a year's 票决 work, in order; docs/route.md says when a township reaches each."""

    SOLICIT_CLOSE = "solicit_close", _("项目征集截止")
    CONSULTATION = "consultation", _("人大与政府会商")
    PARTY_REVIEW = "party_review", _("党委审定")
    VOTE = "vote", _("人代会票决")
    ANNOUNCE = "announce", _("结果公告")
    MIDYEAR = "midyear", _("半年实施情况报告")
    EVALUATION = "evaluation", _("满意度测评")

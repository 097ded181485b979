"""民生实事项目票决: the annual cycle, its candidates, rounds and the secret ballot store.

Who voted (`Participation`) and what was voted (`Ballot`) are stored apart; see
docs/ballot-secrecy.md for what that does and does not protect against.
"""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tenants.deputies.models import Deputy, Term

from .rules import BallotForm, ShortfallRule, ThresholdBase


class Phase(models.TextChoices):
    SOLICIT = "solicit", _("征集")
    SHORTLIST = "shortlist", _("初定")
    DELIBERATE = "deliberate", _("审议")
    VOTE = "vote", _("票决")
    IMPLEMENT = "implement", _("实施监督")
    EVALUATE = "evaluate", _("评估")
    CLOSED = "closed", _("已结束")


class Channel(models.TextChoices):
    ELECTRONIC = "electronic", _("电子表决")
    PAPER = "paper", _("纸质选票")
    DEVICE = "device", _("表决器")
    HYBRID = "hybrid", _("电子与纸质并用")


class Cycle(models.Model):
    """年度票决: one per congress and year, with the rule set fixed before voting opens."""

    year = models.PositiveSmallIntegerField(_("年度"), unique=True)
    title = models.CharField(_("名称"), max_length=100)
    term = models.ForeignKey(Term, verbose_name=_("届次"), on_delete=models.PROTECT)
    phase = models.CharField(_("阶段"), max_length=16, choices=Phase.choices, default=Phase.SOLICIT)
    seats = models.PositiveSmallIntegerField(_("拟票决产生项目数"), default=10)
    min_surplus = models.PositiveSmallIntegerField(_("最少差额数"), default=1)
    ballot_form = models.CharField(
        _("表决方式"), max_length=16, choices=[(f.value, f.value) for f in BallotForm],
        default=BallotForm.PER_CANDIDATE.value,
    )  # fmt: skip
    threshold_base = models.CharField(
        _("通过基数"), max_length=16, choices=[(b.value, b.value) for b in ThresholdBase],
        default=ThresholdBase.ENTITLED.value,
    )  # fmt: skip
    quorum_numerator = models.PositiveSmallIntegerField(default=2)
    quorum_denominator = models.PositiveSmallIntegerField(default=3)
    shortfall = models.CharField(
        _("不足额处理"), max_length=16, choices=[(r.value, r.value) for r in ShortfallRule],
        default=ShortfallRule.ACCEPT_FEWER.value,
    )  # fmt: skip
    channel = models.CharField(
        _("表决渠道"), max_length=16, choices=Channel.choices, default=Channel.ELECTRONIC
    )
    rules_fixed_at = models.DateTimeField(_("规则确定时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("年度票决")
        verbose_name_plural = _("年度票决")
        ordering = ["-year"]

    def __str__(self) -> str:
        return self.title


class Candidate(models.Model):
    class Status(models.TextChoices):
        CANDIDATE = "candidate", _("候选")
        ADOPTED = "adopted", _("票决通过")
        NOT_ADOPTED = "not_adopted", _("未通过")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="candidates")
    sequence = models.PositiveSmallIntegerField(_("序号"))
    name = models.CharField(_("项目名称"), max_length=200)
    category = models.CharField(_("类别"), max_length=50, blank=True)
    summary = models.TextField(_("项目概述"), blank=True)
    estimated_cost = models.DecimalField(
        _("估算投资（万元）"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("状态"), max_length=16, choices=Status.choices, default=Status.CANDIDATE
    )
    rank = models.PositiveSmallIntegerField(_("名次"), null=True, blank=True)

    class Meta:
        verbose_name = _("候选项目")
        verbose_name_plural = _("候选项目")
        ordering = ["cycle", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "sequence"], name="candidate_sequence_once"),
            models.UniqueConstraint(fields=["cycle", "name"], name="candidate_name_once"),
        ]

    def __str__(self) -> str:
        return self.name


class Attendance(models.Model):
    """签到: a deputy present at the session that votes."""

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="attendances")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cycle", "deputy"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.deputy} @ {self.cycle}"


class Round(models.Model):
    class Kind(models.TextChoices):
        MAIN = "main", _("正式票决")
        TIE = "tie", _("同票再次投票")
        SHORTFALL = "shortfall", _("另行票决")

    class State(models.TextChoices):
        OPEN = "open", _("投票中")
        CLOSED = "closed", _("已结束")

    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="rounds")
    number = models.PositiveSmallIntegerField(_("轮次"))
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MAIN)
    seats = models.PositiveSmallIntegerField(_("本轮产生项目数"))
    candidates = models.ManyToManyField(Candidate, related_name="rounds")
    state = models.CharField(max_length=16, choices=State.choices, default=State.OPEN)
    opened_at = models.DateTimeField()
    closed_at = models.DateTimeField(null=True, blank=True)
    # Frozen at close.
    entitled_count = models.PositiveIntegerField(null=True, blank=True)
    present_count = models.PositiveIntegerField(null=True, blank=True)
    participation_count = models.PositiveIntegerField(null=True, blank=True)
    ballot_count = models.PositiveIntegerField(null=True, blank=True)
    result = models.JSONField(null=True, blank=True)

    class Meta:
        verbose_name = _("表决轮次")
        verbose_name_plural = _("表决轮次")
        ordering = ["cycle", "number"]
        constraints = [
            models.UniqueConstraint(fields=["cycle", "number"], name="round_number_once"),
            models.UniqueConstraint(
                fields=["cycle"], condition=Q(state="open"), name="round_one_open_per_cycle"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.cycle} #{self.number}"


class Participation(models.Model):
    """Who voted (or was issued a paper ballot) in a round. Never what."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="participations")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(max_length=16, choices=Channel.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "deputy"], name="participation_once")
        ]

    def __str__(self) -> str:
        return f"{self.deputy} voted in {self.round}"


class Ballot(models.Model):
    """What was voted. No deputy, no time, a random key (docs/ballot-secrecy.md)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="ballots")
    choices = models.JSONField()
    receipt_hash = models.CharField(max_length=64, unique=True)
    # Copied in random order into new rows when the round closes.
    sealed = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"ballot of {self.round}"


class Entitlement(models.Model):
    """The entitled list of a round, frozen at close."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="entitlements")
    deputy = models.ForeignKey(Deputy, on_delete=models.PROTECT, related_name="+")
    voted = models.BooleanField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "deputy"], name="entitlement_once")]

    def __str__(self) -> str:
        return f"{self.deputy} in {self.round}"
